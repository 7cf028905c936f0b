"""Hostile and broken input in the reader: inert text, clear messages, no traceback."""

from __future__ import annotations

import os

from reader_support import loaded, make_app, screen_text

from tui.ui.app import ReaderApp
from tui.ui.dialogs.error import ErrorScreen

HOSTILE = (
    "Officials said [bold red]nothing[/] and [link=https://evil.example]click[/link] on Monday.\n"
    "The vote was \x1b[31mred\x1b[0m and \x1b]8;;https://evil.example\x07a link\x1b]8;;\x07 on Monday.\n"
    "The title was \x1b]0;pwned\x07 changed and a bell \x07 rang on Monday.\n"
    "Zero\u200bwidth joiners and \u202eright-to-left override\u202c appeared on Monday.\n"
)
CALM = "Officials said [bold red]nothing[/] and [link=https://evil.example]click[/link] on Tuesday.\n"


def _write(tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "calm.txt").write_text(CALM, encoding="utf-8")


async def test_markup_escapes_and_bidi_controls_are_inert_everywhere(tmp_path):
    _write(tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        screens = [screen_text(app)]
        await pilot.press("o")  # coverage matrix
        screens.append(screen_text(app))
        await pilot.press("escape", "slash", *"Officials")
        screens.append(screen_text(app))
        await pilot.press("escape")
        for text in screens:
            assert "\x1b" not in text and "\x07" not in text
            assert "\u202e" not in text  # would reorder the rest of the terminal line
        compare = screens[0]
        assert "[bold red]nothing[/]" in compare
        assert "[link=https://evil.example]click[/link]" in compare
        assert "␛[31mred␛[0m" in compare  # escapes shown as symbols, not obeyed
        assert "␛]0;pwned␇" in compare
        assert "\ufffdright-to-left override\ufffd" in compare


async def test_broken_files_are_skipped_with_a_message_and_the_rest_load(tmp_path):
    (tmp_path / "a.txt").write_text("The summit opens on Monday in Vilnius.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The summit opens on Tuesday in Vilnius.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "clutter.txt").write_text("Advertisement\nFollow us on Facebook and X!\n", encoding="utf-8")
    (tmp_path / "invalid.txt").write_bytes(
        "Caf\xe9 talks resume on Monday.".encode("latin-1") + b"\xff\xfe\x80"
    )
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    app = make_app([tmp_path])
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        ids = [a.id for a in app.alignment.articles]
        assert "a" in ids and "b" in ids and "invalid" in ids
        warnings = " ".join(app.alignment.warnings)
        assert "empty.txt: empty file" in warnings
        assert "binary.txt: binary file" in warnings
        assert "clutter.txt: only page clutter" in warnings
        assert "Traceback" not in screen_text(app)


async def test_an_unexpected_error_shows_the_error_screen_with_the_log(tmp_path, monkeypatch):
    log = tmp_path / "nato-reader.log"
    monkeypatch.setenv("NATO_READER_LOG", str(log))

    def broken(*args, **kwargs):
        raise RuntimeError("the matrix broke")

    app = ReaderApp([tmp_path], catch_errors=True)
    (tmp_path / "a.txt").write_text("The summit opens on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The summit opens on Tuesday.", encoding="utf-8")
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        monkeypatch.setattr("tui.ui.widgets.claim_inspector.ClaimInspector.show_claim", broken)
        await pilot.press("g")  # the inspector is asked to show the claim and fails
        await pilot.pause()
        assert isinstance(app.screen, ErrorScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "RuntimeError: the matrix broke" in text
        assert str(log) in str(app.screen.query_one("#error-details").content)
        assert "Traceback" not in text
        assert "Traceback" in log.read_text(encoding="utf-8")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_no_color_still_tells_kinds_apart_by_marks(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        assert app.no_color  # the reader really runs without colour here
        await pilot.press("G")
        text = screen_text(app)
        for mark in ("≈↕", "+   ", "~   "):
            assert mark in text


async def test_resizing_to_40x12_and_back_keeps_the_reader_working():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("j")
        row = app.compare.panes.cursor
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("j")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.compare.panes.cursor == row + 1
        assert "row" in screen_text(app)


def test_log_path_honours_the_override(tmp_path, monkeypatch):
    from tui.paths import log_path
    from tui.ui.errors import record

    monkeypatch.setenv("NATO_READER_LOG", str(tmp_path / "x.log"))
    assert log_path() == tmp_path / "x.log"
    try:
        raise ValueError("boom")
    except ValueError as error:
        assert record(error) == tmp_path / "x.log"
    assert "ValueError: boom" in (tmp_path / "x.log").read_text(encoding="utf-8")
    del os.environ["NATO_READER_LOG"]
