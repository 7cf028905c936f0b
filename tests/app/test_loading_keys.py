"""Every reader key while the articles load and after a failed load: a message, never a crash."""

from __future__ import annotations

import threading

import pytest
from reader_support import SIZE, loaded, make_app, screen_text

import tui.alignment.pipeline as pipeline
from tui.ui.screens.compare import CompareScreen

# Every key of the compare screen and the app that does something with articles.
READER_KEYS = [
    "j", "k", "g", "G", "n", "N", "d", "D", "percent_sign", "tab", "right_square_bracket",
    "left_square_bracket", "b", "o", "slash", "a", "c", "plus", "minus", "i", "y", "r",
    "t", "T", "s", "v", "m", "x", "u", "ctrl+r", "e", "pagedown", "pageup",
]  # fmt: skip


async def press_all(pilot) -> list[str]:
    """Press every reader key; return, per key, what the user was told."""
    app = pilot.app
    told: list[str] = []
    notify = app.notify

    def record(message, *args, **kwargs):
        told.append(str(message))
        return notify(message, *args, **kwargs)

    app.notify = record
    said = []
    for key in READER_KEYS:
        told.clear()
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running, f"{key} stopped the app"
        if key == "e" and type(app.screen).__name__ == "ExportScreen":
            told.append("export dialog")  # after a failed load, earlier annotations can be exported
            await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen), f"{key} opened {type(app.screen).__name__}"
        said.append(f"{key}: {' | '.join(told)}")
    app.notify = notify
    return said


@pytest.fixture
def held_loading(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Loading waits until the returned event is set (the real pipeline then runs)."""
    release = threading.Event()
    real = pipeline.open_alignment

    def slow(*args, **kwargs):
        release.wait(timeout=30)
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "open_alignment", slow)
    # A warm cache is shown before the first frame, with no loading state: this is the cold load.
    monkeypatch.setattr(pipeline, "open_cached", lambda *args, **kwargs: None)
    return release


async def test_every_key_while_loading_says_still_loading(held_loading):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.alignment is None
        for said in await press_all(pilot):
            key = said.split(":")[0]
            if key in ("u", "ctrl+r"):  # undo works on the store, which is open
                assert "Nothing to undo" in said or "Nothing to redo" in said
            else:
                assert "Still loading the articles" in said, said
        held_loading.set()
        await loaded(pilot)
        assert app.alignment is not None
        await pilot.press("j", "o")
        assert type(app.screen).__name__ == "MatrixScreen", "keys work once loaded"


async def test_every_key_after_a_failed_load_says_nothing_loaded(tmp_path):
    app = make_app([tmp_path / "missing.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.alignment is None and app.load_failure
        assert "Nothing to show:" in screen_text(app)
        for said in await press_all(pilot):
            key = said.split(":")[0]
            if key in ("u", "ctrl+r"):
                assert "Nothing to undo" in said or "Nothing to redo" in said
            elif key == "e":  # export still works: the store holds earlier sessions' annotations
                continue
            else:
                assert "Nothing loaded:" in said, said


async def test_export_after_a_failed_load_still_opens(tmp_path):
    """Annotations from earlier sessions can be exported even when today's articles are gone."""
    app = make_app([tmp_path / "missing.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.action_export()
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportScreen"


def test_no_unreachable_code_or_service_locator_in_the_ui():
    """The crash of issue 10 came from a line after a return; the mixins no longer reach app.store."""
    import re
    from pathlib import Path

    import tui.ui

    root = Path(tui.ui.__file__).parent
    text = "\n".join(p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
    assert "self.app.store" not in text
    assert not re.search(r"\._bindings\b", text)  # Textual's private binding map
    assert 'query_one("#status").update' not in text
