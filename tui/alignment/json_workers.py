"""The claim groups of ``align --format json``, compared and encoded on every core.

Every pair of every group is compared for the JSON (word diff, score, divergences): at 1,000
articles that is most of the time after alignment, and it is pure work on the articles, so worker
processes share it, starting as soon as the JSON does (they compare the groups while this process
writes the sources). Each worker has the articles, then gets batches of groups in order, and sends
back their encoded text; the output is the same bytes as encoding in this process (a test holds
it).

Where this process has no other thread (the command line), the workers are forked: they start in
milliseconds with the alignment, and every cache alignment filled, already in memory. Otherwise
(a threaded UI, where forking is unsafe) they are spawned and get the articles pickled.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from tui.alignment.indented_json import Encoded
from tui.alignment.model import ClaimGroup, group_pairs
from tui.alignment.thresholds import Thresholds
from tui.corpus.loader import ignore_interrupts, real_stderr
from tui.corpus.model import Article

if TYPE_CHECKING:
    from tui.alignment.result import Alignment

# Below this many pairs spawned workers cost more than they save: each takes about half a second
# of CPU to start and works out again the sentence features its groups need. Measured on 2 shared
# cores: 7,600 pairs (200 articles) 12-14 s in this process, 15-16 s with workers; 36,000 pairs
# (1,000 articles) 26 s here, 17.5 s with workers.
PARALLEL_PAIRS = 15_000
# Forked workers cost a few milliseconds each: worth it from a few hundred pairs (about 0.1 s of
# comparing). Measured on 2 shared cores, 8,600 pairs (200 articles): 3.3 -> 1.7 s.
FORKED_PAIRS = 1_000
# Pairs per batch sent to a worker: enough to amortise the hand-over, small enough to spread.
BATCH_PAIRS = 400

_worker: Alignment | None = None  # the alignment inside a worker process


def _start(articles: list[Article], thresholds: Thresholds) -> None:
    from tui.alignment.result import Alignment

    global _worker
    _worker = Alignment(articles, [], [], thresholds)


def _encode_groups(groups: list[ClaimGroup], ensure_ascii: bool) -> list[str]:
    assert _worker is not None, "the worker was not started"
    return [str(text) for text in _worker.encoded_groups(groups, ensure_ascii=ensure_ascii)]


def _batches(groups: list[ClaimGroup]) -> Iterator[list[ClaimGroup]]:
    batch: list[ClaimGroup] = []
    pairs = 0
    for group in groups:
        batch.append(group)
        pairs += len(group_pairs(group))
        if pairs >= BATCH_PAIRS:
            yield batch
            batch, pairs = [], 0
    if batch:
        yield batch


def workers_for(groups: list[ClaimGroup], *, forked: bool = False) -> int:
    """How many worker processes the groups' pairs are worth (0: compare them here); ``forked``:
    the workers would be forked (``loader.can_fork``), which costs far less than spawning them."""
    workers = min(os.cpu_count() or 1, 4)
    pairs = sum(len(group_pairs(group)) for group in groups)
    if workers < 2 or pairs < (FORKED_PAIRS if forked else PARALLEL_PAIRS):
        return 0
    return workers


def encoded_groups(
    alignment: Alignment,
    workers: int,
    *,
    ensure_ascii: bool,
    forked: bool = False,
    closing: Connection | None = None,
) -> Iterator[Encoded]:
    """Each group of ``alignment`` as ``alignment.group_json`` encoded at its level, in order,
    compared in ``workers`` processes (forked ones when ``forked``, see ``loader.can_fork``).

    The workers start now, not at the first group asked for: they compare while the caller
    writes what comes before the groups. Close the iterator (or let it go) to stop them.
    ``closing``: a connection forked workers close at their start (``pair_helper``'s pipe: one
    left open in a worker would keep its other end from seeing the helper gone).
    """
    results = _encoded_groups(alignment, workers, ensure_ascii, forked, closing)
    next(results)  # runs up to the first yield: the pool started
    return results  # type: ignore[return-value]  # past the first item, only Encoded


def _forked_start(closing: Connection | None) -> None:
    ignore_interrupts()
    if closing is not None:
        closing.close()


def _encoded_groups(
    alignment: Alignment, workers: int, ensure_ascii: bool, forked: bool, closing: Connection | None = None
) -> Iterator[Encoded | None]:
    global _worker
    try:
        with real_stderr():
            if forked:
                _worker = alignment
                context = multiprocessing.get_context("fork")
                pool = ProcessPoolExecutor(
                    max_workers=workers, mp_context=context, initializer=_forked_start, initargs=(closing,)
                )
            else:
                pool = ProcessPoolExecutor(
                    max_workers=workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start,
                    initargs=(alignment.articles, alignment.thresholds),
                )
            # map submits every batch now; forked workers all start at the first one.
            results = pool.map(_encode_groups, _batches(alignment.groups), itertools.repeat(ensure_ascii))
    finally:
        _worker = None  # the workers have their copy; this process does not need the reference
    finished = False
    done = 0  # batches written
    try:
        yield None
        try:
            for texts in results:
                yield from map(Encoded, texts)
                done += 1
        except BrokenProcessPool:
            # A worker died (killed, out of memory): the rest is compared here, the same bytes.
            # The broken pool's manager thread is joined now: left to end on its own, the
            # interpreter's exit could wake it through a closed pipe ("Exception ignored ... Bad
            # file descriptor" on stderr, Python 3.11).
            pool.shutdown(wait=True, cancel_futures=True)
            for batch in itertools.islice(_batches(alignment.groups), done, None):
                yield from alignment.encoded_groups(batch, ensure_ascii=ensure_ascii)
        finished = True
    finally:
        # All done: the idle workers are joined (leaving them to exit on their own raced with
        # the interpreter's exit, "Bad file descriptor" on Python 3.11). Stopped early: the
        # queued batches are dropped.
        pool.shutdown(wait=finished, cancel_futures=not finished)
