"""Shared by the export and import tests: hostile annotation stores and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from hypothesis import strategies as st

import tui
from tui.annotations.model import VERDICTS, Annotation, Quote

CODE_ROOT = str(Path(tui.__file__).resolve().parents[1])

# Characters that break naive CSV, Markdown, HTML, JSON or terminals: separators, quotes, line
# breaks, Markdown and HTML specials, table pipes, right-to-left marks and overrides, isolates,
# zero-width joiners, an emoji with a skin tone, a combining accent, NUL and other controls.
HOSTILE = [
    *",;\"'\n\r\t|*_`#<>&[]()!~$\\-+=@:{}.%",
    "\r\n",
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "\u2067",  # right-to-left isolate
    "\u2069",  # pop directional isolate
    "\u200d",  # zero-width joiner
    "\u00a0",  # no-break space
    "\u2028",  # line separator
    "\ufeff",  # byte-order mark
    "\x00",
    "\x1b[31m",
    "👍🏽",
    "é",
    "שלום",
    "مرحبا",
    "<br>",
    "<script>alert(1)</script>",
    "&amp;",
    "| --- |",
    "[x](http://evil.example)",
    "**bold**",
    "# heading",
    "1. ",
    "> ",
    "=SUM(A1:A9)",
]

hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=4)), max_size=8).map("".join)
some_text = st.text(max_size=12)
timestamps = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0).isoformat().replace("+00:00", "Z"))
annotation_ids = st.one_of(st.uuids().map(lambda u: u.hex), st.text(min_size=1, max_size=20))


@st.composite
def annotations(draw: st.DrawFn, sources: list[str] | None = None) -> Annotation:
    """Any annotation a store can hold, with hostile text in every free-text field."""
    start = draw(st.integers(min_value=0, max_value=10**6))
    created = draw(timestamps)
    return Annotation(
        id=draw(annotation_ids),
        source=draw(st.sampled_from(sources)) if sources else draw(hostile_text),
        start=start,
        end=start + draw(st.integers(min_value=0, max_value=10**4)),
        quote=Quote(draw(hostile_text), draw(hostile_text), draw(hostile_text)),
        label=draw(hostile_text),
        created=created,
        modified=draw(st.one_of(st.just(created), timestamps)),
        verdict=draw(st.one_of(st.none(), st.sampled_from(VERDICTS))),
        note=draw(hostile_text),
        claim=draw(st.one_of(st.none(), st.uuids().map(lambda u: u.hex), hostile_text)),
        group=draw(st.one_of(st.none(), st.integers(min_value=-5, max_value=10**6))),
        orphan=draw(st.booleans()),
    )


@st.composite
def stores(draw: st.DrawFn) -> tuple[dict[str, dict[str, str]], list[Annotation]]:
    """Store content: sources (hostile ids and paths) and annotations with unique ids."""
    ids = draw(st.lists(hostile_text, min_size=1, max_size=4, unique=True))
    sources = {
        key: {
            "path": f"/articles/{draw(hostile_text)}.txt",
            "sha256": draw(st.text("0123456789abcdef", max_size=64)),
        }
        for key in draw(st.lists(st.sampled_from(ids), unique=True))
    }
    items = draw(st.lists(annotations(ids), max_size=6, unique_by=lambda a: a.id))
    return sources, items


def run(
    *args: str,
    cwd: Path,
    cache: Path | None = None,
    stdout: IO[str] | None = None,
    env_extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m tui ARGS`` from ``cwd`` (the checkout under test), plain, wide, UTF-8 output,
    no colour, with a private alignment cache. The one CLI runner every test uses.

    Output is captured, or standard output goes to ``stdout`` when given.
    """
    env = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "NO_COLOR", "TERM", "COLUMNS"}}
    env |= {"COLUMNS": "200", "PYTHONIOENCODING": "utf-8", "TERM": "dumb", "PYTHONPATH": CODE_ROOT}
    env["NATO_READER_CACHE_DIR"] = str(cache or cwd / "cache")
    env |= env_extra or {}
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str]) -> None:
    """Non-zero exit, no traceback, one ``nato-reader: error:`` line last on stderr, no stdout."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stderr.splitlines()
    assert lines, "no message on stderr"
    assert all(line.startswith(("nato-reader: error: ", "nato-reader: warning: ")) for line in lines), lines
    assert lines[-1].startswith("nato-reader: error: ")
    assert result.stdout == ""
