"""A progress bar on stderr for the CLI: only on a terminal, and only for work over a second."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Rich is imported only once a bar is needed
    from rich.progress import Progress, TaskID

STAGES = {"read": "reading articles", "segment": "finding sentences", "align": "aligning sources"}
QUIET_FOR = 1.0  # seconds: quick runs print nothing


class StderrProgress:
    """``update(stage, done, total)`` drives a transient Rich progress bar on stderr."""

    def __init__(self) -> None:
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._tasks: dict[str, TaskID] = {}
        # Never on a pipe or a file: a script reading stderr wants lines, not animation.
        self._enabled = sys.stderr.isatty()

    def __enter__(self) -> StderrProgress:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def update(self, stage: str, done: int, total: int) -> None:
        """Report progress; the bar appears once the work has taken over a second."""
        if not self._enabled or time.monotonic() - self._started < QUIET_FOR:
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(STAGES.get(stage, stage), total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)
