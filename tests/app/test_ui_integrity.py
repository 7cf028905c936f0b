"""Issue 12: the dialogs and the app's error path (note input, export target, crashes).

Each test here failed on the code before its fix.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader_support import SIZE, first_content_row, loaded, make_app
from textual import events

from tui.resources import seeds_dir
from tui.ui.app import ReaderApp
from tui.ui.dialogs.error import ErrorScreen
from tui.ui.dialogs.export import ExportScreen
from tui.ui.dialogs.pickers import NoteScreen
from tui.ui.screens.compare import CompareScreen

# -- 10. editing a note keeps it ----------------------------------------------------------------


async def test_editing_a_note_keeps_its_text_with_the_cursor_at_the_end():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "4")
        await pilot.press("m", *"first", "ctrl+s")  # the note box is multi-line: ctrl+s saves
        await pilot.pause()
        assert [a.note for a in app.store.annotations.values()] == ["first"]
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("Z", "ctrl+s")
        await pilot.pause()
        assert [a.note for a in app.store.annotations.values()] == ["firstZ"]


# -- 13. the export dialog never writes over the store -------------------------------------------


async def test_the_export_dialog_refuses_the_store_itself():
    app = make_app()
    store = Path(os.environ["NATO_READER_STORE"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.press("t", "4")
        await pilot.pause()
        before = store.read_bytes()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(store)
        path_input.focus()
        await pilot.press("enter", "enter")  # the second enter would confirm an overwrite
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.read_bytes() == before
        assert isinstance(app.screen, ExportScreen)
        assert "annotation store itself" in str(app.screen.query_one("#export-message").content)


# -- 14. crashes ------------------------------------------------------------------------------------


def _catching_app() -> ReaderApp:
    app = ReaderApp([seeds_dir()], catch_errors=True)
    app.theme = "textual-dark"
    app.animation_level = "none"
    return app


async def test_palette_then_pageup_at_once_does_not_stop_the_app():
    app = _catching_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        # Both keys in the queue before the palette is up: pilot.press would wait in between.
        app.post_message(events.Key("ctrl+p", None))
        app.post_message(events.Key("pageup", None))
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        for key in ("escape", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, CompareScreen)


async def test_every_error_screen_closes_even_on_a_tiny_terminal():
    app = _catching_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await first_content_row(pilot)
        await pilot.resize_terminal(12, 4)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        for key in ("escape", "enter", "q"):
            if not isinstance(app.screen, ErrorScreen):
                break
            await pilot.press(key)
            await pilot.pause()
        assert not isinstance(app.screen, ErrorScreen)
        assert app.is_running
