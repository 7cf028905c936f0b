"""Alignment speed and memory: the five seeds, then generated corpora of 25 to 200 articles.

Run from the repository root (not collected by pytest; it prints figures and asserts nothing):

    python tests/benchmarks/bench_align.py [--sizes 25,50,100,200] [--profile]

Generated articles are 40 perturbed seed sentences each (sampled and reordered, inner words
swapped, numbers changed), made with a seeded ``random.Random`` so every run measures the same
corpus. Alignment is timed without ``load_corpus``: articles are built from ``RawArticle``
objects with ``build_article`` first, and that build time is reported on its own. Peak memory is
measured in a separate run under ``tracemalloc`` (which slows Python down), so it does not
distort the timings; it sees Python and numpy allocations, not rapidfuzz's internal C++ ones.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import pstats
import random
import re
import statistics
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

SENTENCES_PER_ARTICLE = 40
SEED_RUNS = 20
IMPORT_RUNS = 5


def import_time() -> float:
    """Median wall time of ``import tui.alignment.result`` in a fresh interpreter."""
    code = "import time; t = time.perf_counter(); import tui.alignment.result; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(IMPORT_RUNS)
    ]
    return statistics.median(runs)


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def seed_figures() -> None:
    from tui.alignment.result import align_corpus
    from tui.corpus.loader import load_corpus
    from tui.resources import seeds_dir

    start = time.perf_counter()
    corpus = load_corpus([seeds_dir()])
    alignment = align_corpus(corpus)
    first = time.perf_counter() - start  # includes the lazy imports of pySBD, rapidfuzz, numpy
    sentences = sum(len(a.sentences) for a in corpus.articles)

    def align_only() -> None:
        align_corpus(corpus)

    def align_and_diff() -> None:
        result = align_corpus(corpus)
        for group in result.groups:
            result.pairs(group)

    def load_and_align() -> None:
        align_corpus(load_corpus([seeds_dir()]))

    print(f"seeds: {len(corpus.articles)} articles, {sentences} sentences, {len(alignment.groups)} groups")
    figures = [
        ("first load + align (includes lazy imports)", first),
        (f"align, load excluded (median of {SEED_RUNS})", median_time(align_only, SEED_RUNS)),
        ("align + all pair diffs, load excluded", median_time(align_and_diff, SEED_RUNS)),
        (f"load + align (median of {SEED_RUNS})", median_time(load_and_align, SEED_RUNS)),
    ]
    for label, seconds in figures:
        print(f"  {label:<46} {seconds * 1000:7.1f} ms")


def seed_sentence_pool() -> list[str]:
    from tui.corpus.loader import load_corpus
    from tui.resources import seeds_dir

    corpus = load_corpus([seeds_dir()])
    return [
        s.text.replace("\n", " ") for a in corpus.articles for s in a.content() if len(s.text.split()) >= 6
    ]


_NUMBER_RE = re.compile(r"\b\d+\b")


def perturb(sentence: str, rng: random.Random) -> str:
    """A wire-copy edit of a sentence: inner words swapped, numbers changed, a word dropped."""
    words = sentence.split()
    inner = range(1, len(words) - 1)  # keep the first word and the final punctuation in place
    if len(inner) >= 2 and rng.random() < 0.6:
        for _ in range(rng.randint(1, 2)):
            i, j = rng.sample(inner, 2)
            words[i], words[j] = words[j], words[i]
    if len(inner) >= 6 and rng.random() < 0.3:
        del words[rng.choice(inner)]
    text = " ".join(words)
    if rng.random() < 0.5:
        text = _NUMBER_RE.sub(lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
    return text


def generated_corpus(articles: int, pool: list[str], seed: int = 2024):
    """``articles`` RawArticles of SENTENCES_PER_ARTICLE perturbed seed sentences each."""
    from tui.corpus.ingest import RawArticle

    rng = random.Random(seed)
    raws = []
    for number in range(articles):
        chosen = [perturb(rng.choice(pool), rng) for _ in range(SENTENCES_PER_ARTICLE)]
        paragraphs = []
        while chosen:
            take = rng.randint(1, 3)
            paragraphs.append(" ".join(chosen[:take]))
            chosen = chosen[take:]
        text = "\n\n".join(paragraphs)
        digest = hashlib.sha256(text.encode()).hexdigest()
        raws.append(RawArticle(f"gen{number:03d}", Path(f"gen{number:03d}.txt"), text, digest, "utf-8"))
    return raws


@dataclass
class Row:
    articles: int
    sentences: int
    all_pairs: int
    scored_pairs: int
    groups: int
    build: float
    align: float
    diff: float
    peak_mb: float


class PairCounter:
    """Counts the sentence pairs the aligner scores in batches (``sentence_graph.sorted_ratios``)."""

    def __init__(self) -> None:
        import tui.alignment.sentence_graph as align_module

        self.module = align_module
        self.original = align_module.sorted_ratios
        self.count = 0

    def __enter__(self) -> PairCounter:
        def counting(left: list[str], right: list[str]) -> list[float]:
            self.count += len(left)
            return self.original(left, right)

        self.module.sorted_ratios = counting
        return self

    def __exit__(self, *exc: object) -> None:
        self.module.sorted_ratios = self.original


def measure(articles: int, pool: list[str]) -> Row:
    from tui.alignment.aligner import Aligner
    from tui.alignment.result import Alignment
    from tui.corpus.loader import build_article

    raws = generated_corpus(articles, pool)
    start = time.perf_counter()
    built = [build_article(raw) for raw in raws]
    build = time.perf_counter() - start
    sizes = [len(a.content()) for a in built]
    all_pairs = (sum(sizes) ** 2 - sum(n * n for n in sizes)) // 2  # cross-source pairs only

    gc.collect()
    start = time.perf_counter()
    groups = Aligner().run(built)
    align = time.perf_counter() - start

    alignment = Alignment(built, groups)
    start = time.perf_counter()
    for group in alignment.groups:
        alignment.pairs(group)
    diff = time.perf_counter() - start

    # Aligning again is safe: a run sets every content sentence's group, kind and score afresh.
    with PairCounter() as counter:
        Aligner().run(built)
    scored = counter.count

    gc.collect()
    tracemalloc.start()
    Aligner().run(built)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    return Row(articles, sum(sizes), all_pairs, scored, len(groups), build, align, diff, peak / 2**20)


def print_table(rows: list[Row]) -> None:
    base = rows[0]
    print(
        f"{'articles':>8} {'sentences':>9} {'all pairs':>11} {'scored':>9} {'scored%':>7} "
        f"{'groups':>6} {'build s':>8} {'align s':>8} {'x time':>6} {'x pairs':>7} {'diffs s':>8} "
        f"{'peak MB':>8} {'x mem':>6}"
    )
    for row in rows:
        print(
            f"{row.articles:>8} {row.sentences:>9} {row.all_pairs:>11,} {row.scored_pairs:>9,} "
            f"{100 * row.scored_pairs / max(row.all_pairs, 1):>6.2f}% {row.groups:>6} "
            f"{row.build:>8.2f} {row.align:>8.2f} {row.align / base.align:>6.1f} "
            f"{row.all_pairs / base.all_pairs:>7.1f} {row.diff:>8.2f} {row.peak_mb:>8.1f} "
            f"{row.peak_mb / base.peak_mb:>6.1f}"
        )
    print(
        "  build = segmentation + boilerplate (build_article); align = Aligner.run (grouping + kinds);\n"
        "  diffs = word diffs and divergences of every shown pair; x = ratio to the first row;\n"
        "  scored = sentence pairs scored by rapidfuzz (candidates + kind scoring);\n"
        "  all pairs = sentence pairs across different sources."
    )


def profile(articles: int, pool: list[str]) -> None:
    from tui.alignment.aligner import Aligner
    from tui.corpus.loader import build_article

    built = [build_article(raw) for raw in generated_corpus(articles, pool)]
    profiler = cProfile.Profile()
    profiler.enable()
    Aligner().run(built)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(18)
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25,50,100,200", help="article counts (default 25,50,100,200)")
    parser.add_argument("--profile", action="store_true", help="cProfile alignment of the largest corpus")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]

    print(f"python {sys.version.split()[0]} on {sys.platform}")
    print(
        f"import tui.alignment.result (fresh interpreter, median of {IMPORT_RUNS}): "
        f"{import_time() * 1000:.1f} ms"
    )
    seed_figures()
    pool = seed_sentence_pool()
    print(
        f"\ngenerated corpora: {SENTENCES_PER_ARTICLE} sentences per article from {len(pool)} seed sentences"
    )
    rows = [measure(size, pool) for size in sizes]
    print_table(rows)
    largest = rows[-1]
    if args.profile or largest.align > 5.0:
        print(f"\nprofile of aligning {largest.articles} articles (align took {largest.align:.2f} s):")
        profile(largest.articles, pool)


if __name__ == "__main__":
    main()
