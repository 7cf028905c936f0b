"""Keeping Python's full garbage collections off the objects a reading session holds for good.

A loaded corpus is tens of thousands of objects (articles, sentences, groups, and the pair
comparisons made as the reader moves) that live until the reader quits. Every full collection
walked all of them: at 100 sources one took 125-185 ms, and it fell on whatever key made the
allocation that crossed the threshold (opening the matrix was 45 ms or 300 ms depending on it).
Frozen, they are left out of every collection; objects made afterwards are collected as usual.
"""

from __future__ import annotations

import gc


def settle(young_only: bool = False) -> None:
    """The objects alive now live for the session: leave them out of full collections.

    Garbage is collected first, so it is not frozen with them: a view closed since the last
    settle (a matrix) would otherwise stay in memory for good. That collection walks only what
    is not frozen yet, so it is cheap once the corpus is settled. ``young_only`` (before the
    first frame, when nothing has been closed yet) collects the young generations only.
    Freezing is cheap (the lists are moved, not walked), so this can follow each large batch of
    long-lived objects (a load, the inspector's comparisons).
    """
    gc.collect(1 if young_only else 2)
    gc.freeze()


def release() -> None:
    """The session is over: its objects are collected normally again (an app run in a test
    process, or a second app after the first, must not leave the first one frozen)."""
    gc.unfreeze()
