"""Running a script in a fresh interpreter: the command line forks its helper processes only
when no other thread runs, and a fresh interpreter is such a process, which a test worker may not
be (``tui.corpus.loader.can_fork``)."""

from __future__ import annotations

import subprocess
import sys


def run_fresh(script: str) -> subprocess.CompletedProcess[str]:
    """``script`` in a fresh interpreter, its output captured. The timeout only keeps a hang from
    stalling the suite."""
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
