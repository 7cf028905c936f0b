"""The annotation store's lock: one reader writes a store, others open it read-only."""

from __future__ import annotations

import os
from typing import Protocol


class Busy(Exception):
    """Another process holds the lock."""


class Held(Protocol):
    """A lock this process holds until ``release``."""

    def release(self) -> None: ...


def take(path: str) -> Held:
    """Hold the file ``path`` (created if missing) exclusively, or raise ``Busy`` at once.

    On POSIX this is an ``flock`` of the file, the lock filelock takes there (so a reader of
    either kind excludes the other), without filelock's ~7 ms of imports before the reader's
    first frame. Elsewhere, filelock.
    """
    if os.name != "posix":
        from filelock import FileLock, Timeout

        lock = FileLock(path, timeout=0)
        try:
            lock.acquire()
        except Timeout as error:
            raise Busy(path) from error
        return lock
    import fcntl

    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BaseException as error:
        os.close(descriptor)
        if isinstance(error, BlockingIOError):
            raise Busy(path) from error
        raise
    return _Flock(descriptor)


class _Flock:
    """An ``flock`` held on an open file; closing the file releases it (so does the process
    dying)."""

    def __init__(self, descriptor: int) -> None:
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None
