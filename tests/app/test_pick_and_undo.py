"""Several annotations on a sentence and undo (issue 15, item 6): m and x offer a picker, u and
ctrl+r move the cursor to the annotation they changed."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader_support import SIZE, loaded, make_app, screen_text

from tui.ui.dialogs.pickers import ChoiceScreen, NoteScreen
from tui.ui.screens.compare import CompareScreen


def on_disk() -> list[dict]:
    return json.loads(Path(os.environ["NATO_READER_STORE"]).read_text(encoding="utf-8"))["annotations"]


async def two_tags(pilot) -> None:
    app = pilot.app
    while app.compare.panes.current.left is None:
        await pilot.press("j")
    await pilot.press("t", "1", "t", "3")  # claim, then number, on the same sentence


async def test_x_with_two_annotations_asks_which():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await two_tags(pilot)
        await pilot.press("x")
        assert isinstance(app.screen, ChoiceScreen)
        text = screen_text(app)
        assert "claim" in text and "number" in text
        await pilot.press("1")  # the first listed: claim (oldest first)
        assert isinstance(app.screen, CompareScreen)
        assert [a["label"] for a in on_disk()] == ["number"]


async def test_m_with_two_annotations_asks_which_then_edits_that_note():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await two_tags(pilot)
        await pilot.press("m")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("1")
        assert isinstance(app.screen, NoteScreen)
        assert "(claim)" in screen_text(app)


async def test_undo_and_redo_move_the_cursor_to_the_change():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        while app.compare.panes.current.left is None:
            await pilot.press("j")
        compare = app.compare
        if compare.panes.side != 0:
            await pilot.press("tab")
        source, index = compare.sources[0], compare.panes.current.left
        await pilot.press("t", "1", "G")
        assert compare.panes.current.left != index
        await pilot.press("u")
        await pilot.pause()
        assert compare.panes.current.side(compare.panes.side) == index
        assert compare.sources[compare.panes.side] == source
        await pilot.press("G", "ctrl+r")
        await pilot.pause()
        assert compare.panes.current.side(compare.panes.side) == index
