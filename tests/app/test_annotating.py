"""Annotating from the keyboard: every key of the annotation issue, with the store on disk."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader_support import SIZE, first_content_row, loaded, make_app, screen_text

from tui.ui.dialogs.pickers import ChoiceScreen, NoteScreen
from tui.ui.screens.annotations import AnnotationsScreen
from tui.ui.screens.compare import CompareScreen


def store_path() -> Path:
    return Path(os.environ["NATO_READER_STORE"])


def on_disk() -> list[dict]:
    return json.loads(store_path().read_text(encoding="utf-8"))["annotations"]


async def test_t_tags_the_focused_sentence_and_saves_at_once():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        compare = app.compare
        sentence = app.alignment.article(compare.sources[0]).sentences[compare.panes.current.left]
        await pilot.press("t")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("3")  # the third label: number
        assert isinstance(app.screen, CompareScreen)
        saved = on_disk()
        assert len(saved) == 1
        tag = saved[0]
        assert tag["label"] == "number"
        assert tag["source"] == compare.sources[0]
        assert (tag["start"], tag["end"]) == (sentence.start, sentence.end)
        assert tag["quote"]["exact"] == sentence.text
        assert tag["created"].endswith("Z")
        assert "# number (S1)" in screen_text(app)


async def test_escape_cancels_the_label_picker():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "escape")
        assert isinstance(app.screen, CompareScreen)
        assert not store_path().exists() or on_disk() == []


async def test_arrows_and_enter_pick_a_label_too():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "down", "enter")
        assert [a["label"] for a in on_disk()] == ["quote"]


async def test_shift_t_tags_the_claim_in_every_source_as_one_linked_claim():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        compare = app.compare
        group = app.alignment.groups[
            app.alignment.article(compare.sources[0]).sentences[compare.panes.current.left].group
        ]
        await pilot.press("T", "1")
        saved = on_disk()
        assert len(saved) == len(group.members) > 1
        assert {a["source"] for a in saved} == {m.source for m in group.members}
        assert len({a["claim"] for a in saved}) == 1 and saved[0]["claim"]
        assert all(a["group"] == group.id for a in saved)


async def test_s_selects_words_and_tags_only_them():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        compare = app.compare
        sentence = app.alignment.article(compare.sources[0]).sentences[compare.panes.current.left]
        await pilot.press("s")
        assert compare.selecting
        await pilot.press("l", "l", "L", "L", "h", "L")  # words 3..4 of "The United States, Britain, ..."
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("1")
        saved = on_disk()
        assert len(saved) == 1
        exact = saved[0]["quote"]["exact"]
        assert exact == "Britain, France"
        assert saved[0]["start"] == sentence.start + sentence.text.index("Britain, France")
        assert not compare.selecting


async def test_escape_cancels_a_selection_and_keys_work_again():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        compare = app.compare
        row = compare.panes.cursor
        await pilot.press("s", "j")  # j is ignored while selecting
        assert compare.panes.cursor == row
        await pilot.press("escape")
        assert not compare.selecting and compare.panes.selection is None
        await pilot.press("j")
        assert compare.panes.cursor == row + 1


async def test_v_sets_a_verdict_and_m_writes_a_note():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "1", "v")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("2")  # contradicted
        assert on_disk()[0]["verdict"] == "contradicted"
        await pilot.press("m")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"CGTN says Thursday", "ctrl+s")  # enter is a new line in a note
        saved = on_disk()[0]
        assert saved["note"] == "CGTN says Thursday"
        assert saved["modified"] >= saved["created"]
        assert "contradicted “CGTN says Thursday”" in screen_text(app)


async def test_x_deletes_and_u_ctrl_r_undo_and_redo_several_changes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "1")  # 1: tag
        await pilot.press("v", "1")  # 2: verdict supported
        await pilot.press("x")  # 3: delete
        assert on_disk() == []
        await pilot.press("u")  # undo delete
        assert [a["verdict"] for a in on_disk()] == ["supported"]
        await pilot.press("u")  # undo verdict
        assert [a["verdict"] for a in on_disk()] == [None]
        await pilot.press("u")  # undo tag
        assert on_disk() == []
        await pilot.press("u")  # nothing left: store unchanged
        assert on_disk() == []
        await pilot.press("ctrl+r", "ctrl+r")
        assert [a["verdict"] for a in on_disk()] == ["supported"]
        await pilot.press("ctrl+r")
        assert on_disk() == []


async def test_a_lists_annotations_filters_and_jumps():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "1", "j")
        await first_content_row(pilot)
        await pilot.press("t", "3", "g", "a")
        assert isinstance(app.screen, AnnotationsScreen)
        table = app.screen.query_one("DataTable")
        assert table.row_count == 2
        await pilot.press("l", "1")  # the label picker: 0 all, 1 claim (the digits of tagging)
        table = app.screen.query_one("DataTable")
        assert table.row_count == 1
        await pilot.press("l", "3")  # label: number, as "t 3" tagged it
        assert table.row_count == 1
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        compare = app.compare
        index = compare.panes.current.side(compare.panes.side)
        sentence = app.alignment.article(compare.sources[compare.panes.side]).sentences[index]
        number_tag = next(a for a in on_disk() if a["label"] == "number")
        assert sentence.start <= number_tag["start"] < sentence.end


async def test_tags_survive_quit_and_reopen():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "4", "q")
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert [a.label for a in again.store.annotations.values()] == ["attribution"]
        assert not again.store.read_only
        assert "#" in screen_text(again)


async def test_a_broken_store_opens_read_only_and_is_never_overwritten():
    store_path().parent.mkdir(parents=True, exist_ok=True)
    store_path().write_text("{ not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.store.read_only
        assert "not valid JSON" in app.store.read_only_reason
        await first_content_row(pilot)
        await pilot.press("t", "1")
        assert store_path().read_text(encoding="utf-8") == "{ not json"


async def test_a_second_reader_on_the_same_store_is_read_only():
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        second = make_app()
        async with second.run_test(size=SIZE) as second_pilot:
            await loaded(second_pilot)
            assert second.store.read_only
            assert "in use by another nato-reader" in second.store.read_only_reason
        assert not first.store.read_only


async def test_e_exports_to_a_file_and_confirms_before_overwriting(tmp_path, monkeypatch):
    from tui.ui.dialogs.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "1", "e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("down", "down", "enter")  # csv: one enter exports
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = tmp_path / "annotations.csv"
        assert written.exists()
        first = written.read_text(encoding="utf-8")
        assert "claim" in first
        await pilot.press("t", "2", "e", "down", "down", "enter")
        assert isinstance(app.screen, ExportScreen), "an existing file needs a second enter"
        assert written.read_text(encoding="utf-8") == first
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert written.read_text(encoding="utf-8") != first


async def test_in_a_browser_the_export_is_delivered_as_a_download(tmp_path, monkeypatch):
    from tui.ui.app import ReaderApp

    delivered = {}

    def deliver_text(self, file, *, save_filename=None, **kwargs):
        delivered["name"], delivered["text"] = save_filename, file.read()

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(ReaderApp, "is_web", property(lambda self: True))
    monkeypatch.setattr(ReaderApp, "deliver_text", deliver_text)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "1", "e", "enter")  # json, default name
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert delivered["name"] == "annotations.json"
    assert '"label": "claim"' in delivered["text"]
    assert list(tmp_path.iterdir()) == [], "nothing is written on the server's disk"
