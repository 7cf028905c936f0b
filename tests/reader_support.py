"""Helpers for driving the reader in tests: a deterministic app on the seeds or on given files."""

from __future__ import annotations

from pathlib import Path

from tui.resources import seeds_dir
from tui.ui.app import ReaderApp

WIDE = (200, 50)
SIZE = (160, 45)


def make_app(paths: list[Path] | None = None) -> ReaderApp:
    """A reader with a fixed theme and no animations, so screens are the same on every machine."""
    app = ReaderApp(paths or [seeds_dir()], catch_errors=False)
    app.theme = "textual-dark"
    app.animation_level = "none"
    return app


async def loaded(pilot) -> None:
    """Wait until the articles are aligned and shown."""
    app = pilot.app
    # The load worker's last message (Loaded or LoadFailed) may still be queued when the worker
    # is done: on a loaded machine a pause or more passes before the app has handled it.
    for _ in range(100):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if app.alignment is not None or app.load_failure is not None:
            break
    # The first row is scrolled into view after a refresh: let that land before any key.
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def screen_text(app: ReaderApp) -> str:
    """The plain text of everything on screen, as a user would read it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def first_content_row(pilot) -> None:
    """Move to the first row whose left cell holds a sentence, focused on the left pane."""
    app = pilot.app
    while app.compare.panes.current.left is None:
        await pilot.press("j")
    if app.compare.panes.side != 0:
        await pilot.press("tab")


def focused_group(app) -> int | None:
    claim = app.compare.current_claim()
    return None if claim is None else claim.id
