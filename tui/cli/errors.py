"""The CLI's one error path: commands raise ``CliError``; ``main`` prints one line and exits.

Exit codes: 0 success, 1 a runtime problem (a file that cannot be read, a store in use), 2 a usage
problem (a missing or contradictory option, an unknown command), 130 interrupted. Every message
goes through ``visible`` first: file names and imported data never reach the terminal as escapes.
"""

from __future__ import annotations

import sys

RUNTIME = 1
USAGE = 2


class CliError(Exception):
    """A problem to report as one line on stderr, with the exit code it deserves."""

    def __init__(self, message: str, code: int = RUNTIME) -> None:
        super().__init__(message)
        self.code = code


class UsageError(CliError):
    """The command line itself is wrong (exit code 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, USAGE)


def _visible(message: str) -> str:
    from tui.corpus.text import visible

    return visible(message)


def report(error: CliError) -> int:
    """Print ``error`` as one line on stderr and return its exit code."""
    print(f"nato-reader: error: {_visible(str(error))}", file=sys.stderr)
    return error.code


def warn(message: str) -> None:
    """Print one warning line on stderr."""
    print(f"nato-reader: warning: {_visible(message)}", file=sys.stderr)
