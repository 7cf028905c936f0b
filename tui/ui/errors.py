"""Unexpected errors: details to a log file, one line to the user.

No traceback reaches a user. The app shows an error screen and the CLI prints one line; both
name the log file that holds the details for a bug report.
"""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path

from tui import paths


def record(error: BaseException) -> Path | None:
    """Append ``error`` with its traceback to the log; the log's path, or None if unwritable."""
    path = paths.log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(UTC).isoformat()} ---\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def summary(error: BaseException) -> str:
    """One line describing ``error`` for a person."""
    text = " ".join(str(error).split()) or error.__class__.__name__
    return f"{error.__class__.__name__}: {text}" if text != error.__class__.__name__ else text
