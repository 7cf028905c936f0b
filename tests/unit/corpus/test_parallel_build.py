"""Many articles are segmented in worker processes; the result must not depend on that."""

from __future__ import annotations

from pathlib import Path

import tui.corpus.loader as corpus
from tui.corpus.ingest import RawArticle


def _raws(count: int) -> list[RawArticle]:
    texts = [
        f"Story {n}: the U.S. backed Mark Rutte on Thursday (Feb. 22). Advertisement\n"
        f'He said "it is {n} times better." Officials agreed.\nAlso read: Something else {n}'
        for n in range(count)
    ]
    return [RawArticle(f"a{n}", Path(f"a{n}.txt"), text, str(n), "utf-8") for n, text in enumerate(texts)]


def test_parallel_and_sequential_segmentation_agree(monkeypatch):
    raws = _raws(corpus.PARALLEL_ARTICLES + 6)
    pools = []

    class CountingPool(corpus.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(corpus, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(corpus.os, "cpu_count", lambda: 2)  # the same on a one-core machine
    parallel = corpus.build_corpus(raws)
    assert pools and pools[0] >= 2, "the worker pool did not run"
    monkeypatch.setattr(corpus, "PARALLEL_ARTICLES", 10**9)
    sequential = corpus.build_corpus(raws)
    assert [a.sentences for a in parallel.articles] == [a.sentences for a in sequential.articles]
    assert [a.title for a in parallel.articles] == [a.title for a in sequential.articles]
    assert any(s.boilerplate for s in parallel.articles[0].sentences)
