"""The installed ``nato-reader`` in a real pseudo-terminal: start, move, switch, matrix, quit."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 30


def _command() -> str:
    beside_python = Path(sys.executable).parent / "nato-reader"
    found = str(beside_python) if beside_python.exists() else shutil.which("nato-reader")
    if not found:
        pytest.skip("nato-reader is not installed in this environment")
    return found


def test_installed_reader_runs_in_a_terminal_and_quits_cleanly(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TEXTUAL_THEME")}
    env.update(TERM="xterm-256color", TEXTUAL_ANIMATIONS="none", HOME=str(tmp_path))
    child = pexpect.spawn(_command(), env=env, dimensions=(40, 140), timeout=TIMEOUT, encoding="utf-8")
    try:
        child.expect("shared claims")
        child.send("j")
        child.expect(r"row 12/\d+")  # the cursor moved one row down (the count follows the alignment)
        child.send("]")  # next source in the focused pane (the right one: its cell holds the text)
        child.expect("S5 004_73fc911b91fc8937")
        child.send("o")
        child.expect(r"\d+ claims, in reading order")
        child.send("\x1b")  # back to the compare view
        child.expect("shared claims")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, child.before
