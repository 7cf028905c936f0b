"""Read-only store (issue 15, item 5): always shown, tagging refused before a picker opens, and a
corrupt store's message names its path once and suggests a backup only when there is one."""

from __future__ import annotations

import os
from pathlib import Path

from reader_support import SIZE, loaded, make_app

from tui.ui.dialogs.pickers import ChoiceScreen, NoteScreen
from tui.ui.screens.compare import CompareScreen


def store_path() -> Path:
    return Path(os.environ["NATO_READER_STORE"])


def status(app) -> str:
    return str(app.compare.query_one("#status").render())


async def test_a_second_reader_sees_read_only_and_cannot_open_the_label_picker():
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        second = make_app()
        async with second.run_test(size=SIZE) as second_pilot:
            await loaded(second_pilot)
            assert "read-only" in status(second)
            await second_pilot.press("j", "j")
            assert "read-only" in status(second), "the mark stays as the cursor moves"
            second._notifications.clear()
            for key in ("t", "T", "s", "m", "v", "x"):
                await second_pilot.press(key)
                assert isinstance(second.screen, CompareScreen), key
                assert not isinstance(second.screen, (ChoiceScreen, NoteScreen))
            assert any("read-only" in n.message for n in second._notifications)
        assert "read-only" not in status(first)


async def _corrupt_store_message() -> str:
    store_path().parent.mkdir(parents=True, exist_ok=True)
    store_path().write_text("{ not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        (note,) = [n for n in app._notifications if n.title == "Annotations read-only"]
        return note.message


async def test_a_corrupt_store_names_its_path_once_and_no_missing_backup():
    message = await _corrupt_store_message()
    assert message.count(str(store_path())) == 1, message
    assert ".bak" not in message


async def test_a_corrupt_store_with_a_backup_suggests_it():
    store_path().parent.mkdir(parents=True, exist_ok=True)
    store_path().with_name(store_path().name + ".bak").write_text("{}", encoding="utf-8")
    message = await _corrupt_store_message()
    assert f"{store_path().name}.bak" in message
    assert message.count(str(store_path())) == 1, message
