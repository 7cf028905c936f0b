"""Annotation store speed: load and one saved change at 1,000 to 10,000 annotations.

Run from the repository root (not collected by pytest; it prints figures and asserts nothing):

    python tests/benchmarks/bench_store.py [--sizes 1000,2500,5000,10000] [--profile]

Each store is built with a seeded ``random.Random`` from the seed articles: quotes of 20-200
characters cut from the articles' text (with their 32 characters of context), the six default
labels, a verdict on most, notes of 0-300 characters on half, linked claims on a third, creation
times spread over a year. Figures:

- load: ``AnnotationStore.open(path, lock=False)``, median of 5 (parse and build the objects);
- save: ``store.apply`` of one edit (a new verdict and note on one annotation), median and max
  of 20; that is the whole path a key press takes: render, temporary file, fsync, ``.bak``,
  rename, folder fsync. The store keeps each annotation's text between saves, so a change
  encodes only what it touched;
- 1st save: the same for the first change after opening, which encodes every annotation
  (median of 5 fresh opens).

Targets from issue 4: at 10,000 annotations, one change saved in under 100 ms and a load in under
200 ms. ``--profile`` prints where the 10,000-annotation save spends its time (cProfile, 20 saves).
fsync times depend on the disk: on a laptop SSD expect a few ms per call, on a network disk more.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

LOAD_RUNS = 5
SAVE_RUNS = 20
TARGET_SAVE_MS = 100
TARGET_LOAD_MS = 200

WORDS = (
    "the alliance said ministers agreed to raise spending by two percent of gdp while critics argued "
    "that the plan lacked detail and would take years officials confirmed on monday"
).split()


def seed_texts() -> dict[str, str]:
    """The seed articles' text by source id (the reader's ids: the file stems)."""
    from tui.resources import seeds_dir

    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt"))}


def build_store(path: Path, count: int, texts: dict[str, str]) -> None:
    """Write a store of ``count`` realistic annotations to ``path``."""
    import hashlib
    from dataclasses import replace

    from tui.annotations.model import DEFAULT_LABELS, VERDICTS, create
    from tui.annotations.store import AnnotationStore

    rng = random.Random(count)
    store = AnnotationStore.open(path, lock=False)
    store.sources = {
        source: {
            "path": f"/home/reader/articles/{source}.txt",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
        }
        for source, text in texts.items()
    }
    start_time = datetime(2026, 1, 1, tzinfo=UTC)
    sources = sorted(texts)
    for number in range(count):
        source = rng.choice(sources)
        text = texts[source]
        length = rng.randint(20, min(200, len(text)))
        start = rng.randrange(0, len(text) - length)
        annotation = create(
            text,
            source,
            start,
            start + length,
            rng.choice(DEFAULT_LABELS),
            claim=f"claim-{rng.randrange(count // 3 + 1)}" if rng.random() < 0.33 else None,
            group=rng.randrange(60) if rng.random() < 0.8 else None,
        )
        stamp = (start_time + timedelta(seconds=number * 3000 + rng.randrange(3000))).isoformat()
        stamp = stamp.replace("+00:00", "Z")
        note = " ".join(rng.choices(WORDS, k=rng.randint(0, 50))) if rng.random() < 0.5 else ""
        verdict = rng.choice(VERDICTS) if rng.random() < 0.7 else None
        store.annotations[annotation.id] = replace(
            annotation, created=stamp, modified=stamp, note=note, verdict=verdict
        )
    store.save()


def one_edit(store, rng: random.Random):  # (types imported late: the store module)
    """A change like the ``v`` or ``m`` key makes: a new verdict and note on one annotation."""
    from tui.annotations.model import VERDICTS, Change

    before = store.annotations[rng.choice(sorted(store.annotations))]
    after = before.edited(verdict=rng.choice(VERDICTS), note=" ".join(rng.choices(WORDS, k=12)))
    return Change("verdict", [before], [after])


def measure(folder: Path, count: int, texts: dict[str, str]) -> dict[str, float]:
    from tui.annotations.store import AnnotationStore

    path = folder / f"store-{count}.json"
    build_store(path, count, texts)
    loads = []
    for _ in range(LOAD_RUNS):
        started = time.perf_counter()
        AnnotationStore.open(path, lock=False)
        loads.append(time.perf_counter() - started)
    rng = random.Random(1)
    firsts = []  # the first change after opening: nothing encoded yet
    for _ in range(LOAD_RUNS):
        store = AnnotationStore.open(path, lock=False)
        change = one_edit(store, rng)
        started = time.perf_counter()
        store.apply(change)
        firsts.append(time.perf_counter() - started)
    saves = []
    for _ in range(SAVE_RUNS):
        change = one_edit(store, rng)
        started = time.perf_counter()
        store.apply(change)
        saves.append(time.perf_counter() - started)
    return {
        "count": count,
        "load_ms": statistics.median(loads) * 1000,
        "first_ms": statistics.median(firsts) * 1000,
        "save_ms": statistics.median(saves) * 1000,
        "save_max_ms": max(saves) * 1000,
        "bytes": path.stat().st_size,
    }


def profile_save(folder: Path, count: int, texts: dict[str, str]) -> None:
    from tui.annotations.store import AnnotationStore

    path = folder / f"profile-{count}.json"
    build_store(path, count, texts)
    store = AnnotationStore.open(path, lock=False)
    rng = random.Random(2)
    changes = [one_edit(store, rng) for _ in range(SAVE_RUNS)]
    # Each change is made against the store as it is then; re-pick so ``before`` is current.
    profiler = cProfile.Profile()
    for change in changes:
        current = store.annotations[change.before[0].id]
        change.before = [current]
        profiler.enable()
        store.apply(change)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    print(f"\nprofile of {SAVE_RUNS} saves at {count:,} annotations (cumulative time)")
    print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--profile", action="store_true", help="profile the saves at the largest size")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    texts = seed_texts()
    with tempfile.TemporaryDirectory(dir=Path.cwd()) as tmp:
        # A folder on the working disk (not a tmpfs /tmp), so fsync costs what it costs for users.
        folder = Path(tmp)
        rows = [measure(folder, count, texts) for count in sizes]
        print(
            f"annotation store (load and first save after opening: median of {LOAD_RUNS}; "
            f"save: one change, median and max of {SAVE_RUNS})"
        )
        print(f"{'annotations':>11} {'file':>9} {'load':>9} {'1st save':>9} {'save':>9} {'save max':>9}")
        for row in rows:
            print(
                f"{row['count']:>11,} {row['bytes'] / 1e6:>7.2f}MB {row['load_ms']:>7.1f}ms"
                f" {row['first_ms']:>7.1f}ms {row['save_ms']:>7.1f}ms {row['save_max_ms']:>7.1f}ms"
            )
        first, last = rows[0], rows[-1]
        factor = last["count"] / first["count"]
        print(
            f"growth {first['count']:,} -> {last['count']:,} annotations (x{factor:.0f}): "
            f"load x{last['load_ms'] / first['load_ms']:.1f}, "
            f"save x{last['save_ms'] / first['save_ms']:.1f}, "
            f"file x{last['bytes'] / first['bytes']:.1f}"
        )
        met = last["save_ms"] < TARGET_SAVE_MS and last["load_ms"] < TARGET_LOAD_MS
        print(
            f"targets at {last['count']:,}: save < {TARGET_SAVE_MS} ms (got {last['save_ms']:.1f}; "
            f"{last['first_ms']:.1f} for the first after opening), load < {TARGET_LOAD_MS} ms "
            f"(got {last['load_ms']:.1f}): {'ok' if met else 'MISSED'}"
        )
        if args.profile:
            profile_save(folder, sizes[-1], texts)


if __name__ == "__main__":
    sys.exit(main())
