"""One reader writes a store: its lock excludes a second one, of this version or one using filelock."""

from __future__ import annotations

import os

import pytest
from filelock import FileLock, Timeout

from tui.annotations.store_lock import Busy, take


def test_a_held_lock_is_busy_for_anyone_else_until_released(tmp_path):
    path = str(tmp_path / "store.json.lock")
    held = take(path)
    with pytest.raises(Busy):
        take(path)
    held.release()
    take(path).release()


@pytest.mark.skipif(os.name != "posix", reason="the flock lock is the POSIX one")
def test_readers_locking_with_filelock_and_with_flock_exclude_each_other(tmp_path):
    """A reader of an earlier version (filelock) and this one never both write a store."""
    path = str(tmp_path / "store.json.lock")
    held = take(path)
    with pytest.raises(Timeout):
        FileLock(path, timeout=0).acquire()
    held.release()
    other = FileLock(path, timeout=0)
    other.acquire()
    with pytest.raises(Busy):
        take(path)
    other.release()
