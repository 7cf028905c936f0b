"""``nato-reader align --format json --no-cache`` as a user runs it: the whole process, timed.

Run from the repository root (prints figures, asserts nothing):

    python tests/benchmarks/bench_cli.py [--sizes 25,50,100,250,500,1000] [--runs 3]
                                         [--peer /path/to/other/checkout]

Targets (issue 16): 200 articles x 40 sentences <= 4 s; 1,000 articles x 40 with half unique
content <= 25 s, growing near-linearly (1,000 / 250 <= 5.5); one 20 MB article <= 8 s; peak
memory at 1,000 articles under 400 MB.

Two corpus kinds, 40 sentences per article, made with a seeded ``random.Random`` (the same files
every run): *copy* (every sentence a perturbed seed sentence, as ``bench_align.py`` makes them)
and *unique* (half the sentences are random words from the seeds' vocabulary, so most sentences
have no counterpart: the ``gen_unique`` corpus of the issue). Each measurement is a fresh
interpreter writing the JSON to a file; the figures are the median wall time of ``--runs`` runs
and the CPU time (user + system of the process and its worker processes, from ``wait4``), which
a shared machine disturbs far less than wall time. Peak memory is the largest resident set of the
process or any of its workers.

``--peer DIR`` runs the same commands with another checkout first on ``PYTHONPATH`` (say, a
``git worktree`` of ``main``), alternating the two, and prints after/before ratios from the one run.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_align import generated_corpus, seed_sentence_pool

ROOT = Path(__file__).resolve().parents[2]
CHILD = "import sys; from tui.cli.main import main; sys.exit(main())"
HUGE_BYTES = 20_000_000


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


def unique_sentence(vocabulary: list[str], rng: random.Random) -> str:
    words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 20))]
    return " ".join([words[0].capitalize(), *words[1:]]) + "."


def write_corpus(folder: Path, articles: int, kind: str, pool: list[str]) -> None:
    """``articles`` text files; ``kind`` "unique" replaces every other sentence by random words."""
    folder.mkdir(parents=True)
    rng = random.Random(7)
    vocabulary = sorted({w.strip(".,;:\"'()“”’") for s in pool for w in s.split()} - {""})
    for raw in generated_corpus(articles, pool):
        text = raw.text
        if kind == "unique":
            paragraphs = []
            for paragraph in text.split("\n\n"):
                # Sentences of the copy corpus end with a mark and a space: a plain split suffices.
                sentences = paragraph.replace(". ", ".\n").split("\n")
                paragraphs.append(
                    " ".join(unique_sentence(vocabulary, rng) if rng.random() < 0.5 else s for s in sentences)
                )
            text = "\n\n".join(paragraphs)
        (folder / f"{raw.id}.txt").write_text(text, encoding="utf-8")


def write_huge(folder: Path) -> None:
    folder.mkdir(parents=True)
    seeds = ROOT / "seeds"
    paragraphs = [
        line for f in sorted(seeds.iterdir()) for line in f.read_text(encoding="utf-8").splitlines() if line
    ]
    text = "\n\n".join(paragraphs) + "\n\n"
    (folder / "huge.txt").write_text(text * (HUGE_BYTES // len(text)), encoding="utf-8")


def run_once(folder: Path, checkout: Path, out: Path) -> Run:
    env = dict(os.environ, PYTHONPATH=str(checkout), PYTHONUNBUFFERED="1")
    command = [sys.executable, "-c", CHILD, "align", "--format", "json", "--no-cache", str(folder)]
    with out.open("wb") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.DEVNULL, env=env, cwd=checkout)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"align failed ({process.returncode}) on {folder} with {checkout}")
    # wait4 reports the child together with the worker processes it waited for; ru_maxrss is KiB.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def measure(folder: Path, checkouts: list[Path], runs: int, out: Path) -> list[Run]:
    """Median wall, median CPU and largest peak per checkout, the checkouts alternated."""
    results: list[list[Run]] = [[] for _ in checkouts]
    for _ in range(runs):
        for position, checkout in enumerate(checkouts):
            results[position].append(run_once(folder, checkout, out))
    return [
        Run(
            statistics.median(r.wall for r in rs),
            statistics.median(r.cpu for r in rs),
            max(r.peak_mb for r in rs),
        )
        for rs in results
    ]


def cell(runs: list[Run]) -> str:
    mine = runs[0]
    text = f"{mine.wall:7.2f} {mine.cpu:7.2f} {mine.peak_mb:6.0f}"
    if len(runs) > 1:
        peer = runs[1]
        text += f" | {peer.wall:7.2f} {peer.cpu:7.2f} {peer.peak_mb:6.0f} {mine.cpu / peer.cpu:5.2f}x"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="25,50,100,200,250,500,1000", help="article counts")
    parser.add_argument("--runs", type=int, default=1, help="runs per measurement (median)")
    parser.add_argument("--peer", type=Path, help="another checkout to compare with (the 'before')")
    parser.add_argument("--kinds", default="copy,unique")
    parser.add_argument("--no-huge", action="store_true", help="skip the 20 MB article")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    checkouts = [ROOT] + ([args.peer.resolve()] if args.peer else [])
    pool = seed_sentence_pool()
    header = f"{'wall s':>7} {'cpu s':>7} {'MB':>6}"
    if args.peer:
        header += f" | {'before':>7} {'cpu s':>7} {'MB':>6} {'ratio':>6}"
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; median of {args.runs} run(s)")
    print(f"this checkout: {ROOT}" + (f"; before (peer): {args.peer}" if args.peer else ""))
    figures: dict[tuple[str, int], Run] = {}
    before: dict[tuple[str, int], Run] = {}  # the peer's, when there is one
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.json"
        for kind in args.kinds.split(","):
            print(f"\n{kind} corpus (40 sentences per article)\n{'articles':>8} {header}")
            for size in sizes:
                folder = Path(tmp) / f"{kind}{size}"
                write_corpus(folder, size, kind, pool)
                runs = measure(folder, checkouts, args.runs, out)
                figures[kind, size] = runs[0]
                if args.peer:
                    before[kind, size] = runs[1]
                print(f"{size:>8} {cell(runs)}", flush=True)
            if 250 in sizes and 1000 in sizes:
                growth = figures[kind, 1000].cpu / figures[kind, 250].cpu
                wall_growth = figures[kind, 1000].wall / figures[kind, 250].wall
                print(f"  growth 1,000 / 250: cpu {growth:.2f}, wall {wall_growth:.2f} (target <= 5.5)")
        if not args.no_huge:
            write_huge(Path(tmp) / "huge")
            runs = measure(Path(tmp) / "huge", checkouts, args.runs, out)
            figures["huge", 1] = runs[0]
            if args.peer:
                before["huge", 1] = runs[1]
            print(f"\none {HUGE_BYTES // 1_000_000} MB article {header}\n{'':>8} {cell(runs)}")
    print_targets(figures, before, args.peer)


TARGETS = [
    (("copy", 200), "200 x 40, whole process", "wall", 4.0),
    (("unique", 1000), "1,000 x 40 half unique", "wall", 25.0),
    (("huge", 1), "one 20 MB article", "wall", 8.0),
    (("unique", 1000), "peak memory at 1,000 articles", "peak_mb", 400.0),
    (("copy", 1000), "peak memory at 1,000 (copy)", "peak_mb", 400.0),
]


def print_targets(
    figures: dict[tuple[str, int], Run], before: dict[tuple[str, int], Run], peer: Path | None
) -> None:
    """Each target with this checkout's figure, and the peer's (the before) when there is one."""
    print("\ntargets" + (f" (before: {peer})" if peer else " (this checkout)") + ":")
    for key, label, field, limit in TARGETS:
        if key not in figures:
            continue
        unit = "MB" if field == "peak_mb" else "s"
        value = getattr(figures[key], field)
        verdict = "ok" if value <= limit else "OVER"
        cpu = f" (cpu {figures[key].cpu:.2f})" if field == "wall" else ""
        was = ""
        if key in before:
            old = getattr(before[key], field)
            old_cpu = f" (cpu {before[key].cpu:.2f})" if field == "wall" else ""
            was = f"before {old:8.2f} {unit}{old_cpu} -> "
        print(f"  {label:<30} {was}now {value:8.2f} {unit}{cpu}  target <= {limit:g} {unit}: {verdict}")
    for kind in ("copy", "unique"):
        if (kind, 250) in figures and (kind, 1000) in figures:
            growth = figures[kind, 1000].cpu / figures[kind, 250].cpu
            was = ""
            if (kind, 250) in before and (kind, 1000) in before:
                was = f"before {before[kind, 1000].cpu / before[kind, 250].cpu:.2f} -> "
            verdict = "ok" if growth <= 5.5 else "OVER"
            print(
                f"  {f'growth 1,000 / 250 ({kind}, cpu)':<30} {was}now {growth:.2f}  target <= 5.5: {verdict}"
            )


if __name__ == "__main__":
    main()
