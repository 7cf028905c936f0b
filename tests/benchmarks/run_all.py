"""Every benchmark, one after another: ``python tests/benchmarks/run_all.py [--quick] [--peer DIR]``.

Runs from a clean checkout (after ``pip install -e '.[test]'``). Prints figures and asserts
nothing; the issue-16 targets are the last block of ``bench_cli.py``'s output. ``--peer DIR``
(another checkout, say ``git worktree add ../before main``) gives before/after ratios measured in
the same run; ``--quick`` uses smaller corpora (no 1,000-article run, no 20 MB article).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora only")
    parser.add_argument("--peer", type=Path, help="another checkout to compare with (bench_cli.py)")
    args = parser.parse_args()
    cli = ["bench_cli.py"] + (["--sizes", "25,50,100,200", "--no-huge"] if args.quick else [])
    if args.peer:
        cli += ["--peer", str(args.peer)]
    steps = ["bench_align_steps.py"] + (["--articles", "200", "--runs", "1"] if args.quick else [])
    if args.peer:
        steps += ["--peer", str(args.peer)]
    runs = [
        ["bench_quality.py"],
        cli,
        steps,
        ["bench_align.py"] + (["--sizes", "25,50"] if args.quick else []),
        ["bench_store.py"],
        ["bench_reader.py"],
    ]
    if not args.quick:
        runs.append(["bench_scale.py"])
    for script, *options in runs:
        print(f"\n=== {script} {' '.join(options)}", flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / script), *options], check=False)
        print(f"=== {script}: exit {result.returncode}, {time.perf_counter() - start:.0f} s", flush=True)


if __name__ == "__main__":
    main()
