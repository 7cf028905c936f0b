"""The claim groups of ``align --format json``, compared and encoded on every core.

Every pair of every group is compared for the JSON (word diff, score, divergences): at 1,000
articles that is most of the time after alignment, and it is pure work on the articles, so worker
processes share it. Each worker gets the articles once, then batches of groups in order, and
sends back their encoded text; the output is the same bytes as encoding in this process (a test
holds it).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from tui.alignment.indented_json import Encoded
from tui.alignment.model import ClaimGroup, group_pairs
from tui.alignment.thresholds import Thresholds
from tui.corpus.loader import real_stderr
from tui.corpus.model import Article

if TYPE_CHECKING:
    from tui.alignment.result import Alignment

# Below this many pairs the workers cost more than they save: each takes about half a second of
# CPU to start and works out again the sentence features its groups need. Measured on 2 shared
# cores: 7,600 pairs (200 articles) 12-14 s in this process, 15-16 s with workers; 36,000 pairs
# (1,000 articles) 26 s here, 17.5 s with workers.
PARALLEL_PAIRS = 15_000
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


def workers_for(groups: list[ClaimGroup]) -> int:
    """How many worker processes the groups' pairs are worth (0: compare them here)."""
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or sum(len(group_pairs(group)) for group in groups) < PARALLEL_PAIRS:
        return 0
    return workers


def encoded_groups(alignment: Alignment, workers: int, *, ensure_ascii: bool) -> Iterator[Encoded]:
    """Each group of ``alignment`` as ``alignment.group_json`` encoded at its level, in order,
    compared in ``workers`` processes."""
    # "spawn": the caller may be a threaded UI, where forking is unsafe.
    with real_stderr():
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(alignment.articles, alignment.thresholds),
        )
        results = pool.map(_encode_groups, _batches(alignment.groups), itertools.repeat(ensure_ascii))
    try:
        for texts in results:
            yield from map(Encoded, texts)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
