"""Crash test: SIGKILL a process that is adding annotations, over and over, and lose nothing.

A child (tests/store_crash_child.py) holds the store's lock and adds annotations in a loop,
printing ``try <id>`` before each ``apply``, ``at <step>`` before each file-system step inside it,
and ``ok <id>`` after it returned. For each of 100 lives the parent lets a seeded-random number
(1-30) of annotations be reported saved, then reads on to a random step of the next ``apply``
(before it, creating the temporary file, its fsync, the ``.bak`` link, either rename, the folder
fsync, after it) and sends SIGKILL right there. No sleeps: every kill moment comes from the
child's output. Then it checks the store on disk:

- it loads (never half-written), and the lock the dead child held is free (it opens with the
  lock, not read-only), which also clears the temporary files the kill left;
- every id the child reported saved is in it, and nothing else but the one ``apply`` that was in
  flight at the kill (saved or not: both are correct);
- every quote still matches the article at its position, and ``<name>.bak`` loads and holds a
  subset.

The same store is reused for every life, so it grows to about 1,600 annotations.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from locations import TESTS
from store_crash_child import TEXT

from tui.annotations.store import AnnotationStore

CHILD = TESTS / "store_crash_child.py"
KILLS = 100
SEED = 20260404
# Lines the child prints per apply: try, temporary, fsync, link, replace (.bak), replace (store),
# fsync (folder), ok.
STEPS_PER_APPLY = 8
LIFE_TIMEOUT = 60.0  # seconds; only a hung child ever gets near it


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_a_reported_annotation(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    path = tmp_path / "store" / "annotations.json"
    reported: set[str] = set()  # "ok" printed: apply had returned
    in_flight: set[str] = set()  # "try" printed, no "ok": may or may not be on disk
    saved_unreported = temporaries_left = 0
    started = time.perf_counter()
    for life in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(rng.randrange(2**32))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # A safety net, not a wait: a hung child is killed so that readline() returns.
        watchdog = threading.Timer(LIFE_TIMEOUT, child.kill)
        watchdog.start()
        try:
            assert child.stdout is not None
            first = child.stdout.readline()
            if first != "ready\n":
                child.kill()
                _, error = child.communicate()
                raise AssertionError(f"life {life}: child did not start ({first!r}): {error}")
            pending: set[str] = set()
            saved, after = 0, 0
            target = rng.randint(1, 30)  # annotations to let through
            step = rng.randrange(STEPS_PER_APPLY)  # then kill at this step of the next apply
            while saved < target or after <= step:
                line = child.stdout.readline()
                assert line.endswith("\n"), f"life {life}: child stopped: {child.communicate()[1]}"
                if saved == target:
                    after += 1
                saved += _record(line, reported, pending)
            os.kill(child.pid, signal.SIGKILL)
            # Through the same file object (communicate() would read the pipe beneath it and miss
            # the lines it has buffered), to the end: the pipe closes when the child is dead.
            rest = child.stdout.read()
            assert child.stderr is not None
            error = child.stderr.read()
            child.wait()
        finally:
            watchdog.cancel()
            child.stdout.close()
            child.stderr.close()
        assert child.returncode == -signal.SIGKILL, f"life {life}: child ended by itself: {error}"
        for line in rest.splitlines(keepends=True):
            if line.endswith("\n"):  # a line cut by the kill reports nothing
                _record(line, reported, pending)
        assert len(pending) <= 1, f"life {life}: more than one apply in flight: {pending}"
        in_flight |= pending
        temporaries_left += len(_temporaries(path.parent))

        store = AnnotationStore.open(path)
        try:
            assert not store.read_only, (
                f"life {life}: lock not released by the kill: {store.read_only_reason}"
            )
            on_disk = set(store.annotations)
            lost = reported - on_disk
            assert not lost, f"life {life}: {len(lost)} reported-saved annotation(s) missing: {sorted(lost)}"
            unknown = on_disk - reported - in_flight
            assert not unknown, f"life {life}: annotations nobody added: {sorted(unknown)}"
            saved_unreported += len(pending & on_disk)
            for annotation in store.annotations.values():
                assert TEXT[annotation.start : annotation.end] == annotation.quote.exact
            assert _temporaries(path.parent) == [], "the lock holder clears what a crash left"
        finally:
            store.close()
        backup = path.with_name(path.name + ".bak")
        if backup.exists():
            assert set(AnnotationStore.open(backup, lock=False).annotations) <= on_disk

    elapsed = time.perf_counter() - started
    print(
        f"\n{KILLS} SIGKILLs in {elapsed:.1f} s: {len(reported)} annotations reported saved, "
        f"{len(on_disk)} on disk ({saved_unreported} saved by an apply the kill cut short); "
        f"{temporaries_left} temporary file(s) left by kills, cleared by the next open"
    )
    assert len(on_disk) >= len(reported) >= KILLS


def _record(line: str, reported: set[str], pending: set[str]) -> int:
    """Note one child line; 1 if it reported a saved annotation."""
    kind, detail = line.split()
    if kind == "try":
        pending.add(detail)
    elif kind == "ok":
        assert detail in pending, line
        pending.discard(detail)
        reported.add(detail)
        return 1
    else:
        assert kind == "at", line
    return 0


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
