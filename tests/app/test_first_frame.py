"""A warm cache is shown in the reader's first frame: no loading frame, no loading worker."""

from __future__ import annotations

from pathlib import Path

from reader_support import loaded

from tui.resources import seeds_dir
from tui.ui.app import ReaderApp


def _app(cache: Path) -> ReaderApp:
    app = ReaderApp([seeds_dir()], cache_dir=cache, catch_errors=False)
    app.theme = "textual-dark"
    app.animation_level = "none"
    return app


async def test_a_cached_alignment_is_on_screen_before_any_worker_runs(tmp_path: Path) -> None:
    async with _app(tmp_path).run_test(size=(160, 45)) as pilot:  # cold: aligned in the worker
        await loaded(pilot)
        cold = pilot.app.compare.panes.rows
    app = _app(tmp_path)
    async with app.run_test(size=(160, 45)):
        # Mounted, nothing awaited: the rows are already there and no load worker was started.
        assert app.alignment is not None
        assert not [worker for worker in app.workers if worker.group == "load"]
        assert app.compare.panes.rows == cold
        status = str(app.compare.query_one("#status").content)
        assert "shared claims" in status and "Loading" not in status
