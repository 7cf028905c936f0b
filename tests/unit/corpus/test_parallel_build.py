"""Many articles are segmented in worker processes; the result must not depend on that."""

from __future__ import annotations

import concurrent.futures
import subprocess
import sys
from pathlib import Path

import pytest

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

    class CountingPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    # The loader imports the pool where it starts one (not at import: a cached load starts none).
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(corpus.os, "cpu_count", lambda: 2)  # the same on a one-core machine
    # Spawned, as in a threaded UI (a test process may have other threads: never forked here).
    monkeypatch.setattr(corpus, "can_fork", lambda: False)
    parallel = corpus.build_corpus(raws)
    assert pools and pools[0] >= 2, "the worker pool did not run"
    monkeypatch.setattr(corpus, "PARALLEL_ARTICLES", 10**9)
    sequential = corpus.build_corpus(raws)
    assert [a.sentences for a in parallel.articles] == [a.sentences for a in sequential.articles]
    assert [a.title for a in parallel.articles] == [a.title for a in sequential.articles]
    assert any(s.boilerplate for s in parallel.articles[0].sentences)


FORKED_BUILD = """
import sys
sys.path.insert(0, {tests!r})
import tui.corpus.loader as corpus
from test_parallel_build import _raws

corpus.os.cpu_count = lambda: 2
assert corpus.can_fork(), "no fork here"
raws = _raws(corpus.PARALLEL_ARTICLES + 6)
forked = corpus.build_corpus(raws)
corpus.PARALLEL_ARTICLES = 10**9
sequential = corpus.build_corpus(raws)
assert [a.sentences for a in forked.articles] == [a.sentences for a in sequential.articles]
assert [a.title for a in forked.articles] == [a.title for a in sequential.articles]
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_forked_and_sequential_segmentation_agree():
    # The command line forks its workers (no other thread runs there); a fresh interpreter is
    # such a process, which a test worker may not be.
    code = FORKED_BUILD.format(tests=str(Path(__file__).parent))
    command = [sys.executable, "-c", code]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
