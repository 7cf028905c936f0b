"""The aligner's steps one by one: CPU seconds of each, and the same groups, against another checkout.

Run from the repository root (prints figures, asserts nothing):

    python tests/benchmarks/bench_align_steps.py [--articles 1000] [--kind unique] [--runs 3]
                                                 [--peer /path/to/other/checkout]

The corpus is ``bench_cli``'s (``--kind copy`` or ``unique``, 40 sentences an article), loaded
once per run. Each run is a fresh interpreter with one checkout first on ``PYTHONPATH``; with
``--peer`` the two checkouts alternate and the table gives medians and this/peer ratios, and
whether both made the same claim groups (a speed change must not change them). CPU time, not wall
time: other work on a shared machine disturbs it far less. It is this process's only: work forked
to other processes (the sentence features of ``build_nodes``, half of the candidate search) is not
counted, so a step moved there shows as the time it saves this process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_align import seed_sentence_pool
from bench_cli import write_corpus

ROOT = Path(__file__).resolve().parents[2]

# Runs in the child: the steps of ``Aligner.run`` for two or more sources, each timed.
CHILD = r"""
import gc, hashlib, json, sys, time
from pathlib import Path
gc.disable()  # as the command line aligns
from tui.alignment.aligner import MAX_EXTRA_CLAIMS, Aligner
from tui.alignment.claim_cores import core_claims
from tui.alignment.sentence_graph import PairScores, build_nodes
from tui.corpus.loader import load_corpus

articles = load_corpus([Path(sys.argv[1])]).articles
aligner, cpu = Aligner(), {}

def timed(name, function, *args):
    start = time.process_time()
    result = function(*args)
    cpu[name] = time.process_time() - start
    return result

nodes = timed("build_nodes", build_nodes, articles)
floor = min(aligner.thresholds.paraphrase, aligner.thresholds.link_floor)
scores = PairScores(nodes, forget_below=(floor, aligner.thresholds.containment))
pairs = timed("candidates", aligner._candidates, nodes)
timed("add_batch", scores.add_batch, pairs)
clusters = timed("cluster", aligner._cluster, nodes, scores)
clusters = timed("refine", aligner._refine, nodes, scores, clusters)
clusters = timed("cohesive_only", aligner._cohesive_only, scores, clusters)
extra = timed("second_claims", aligner._second_claims, nodes, scores, clusters)
extra = timed("core_claims", core_claims, nodes, scores, clusters, extra, MAX_EXTRA_CLAIMS)
clusters, extra = timed("promote", aligner._promote_lone_carriers, nodes, scores, clusters, extra)
digest = hashlib.sha256(json.dumps([clusters, sorted(extra.items())]).encode()).hexdigest()[:12]
print(json.dumps({"cpu": cpu, "groups": digest}))
"""


def run(folder: Path, checkout: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    # In the checkout: ``python -c`` puts the working directory before PYTHONPATH, so run from
    # this checkout, the peer's figures were this checkout's code.
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=checkout,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--kind", choices=("copy", "unique"), default="unique")
    parser.add_argument("--runs", type=int, default=3, help="runs per checkout (median)")
    parser.add_argument("--peer", type=Path, help="another checkout to compare with (the 'before')")
    args = parser.parse_args()
    checkouts = [ROOT] + ([args.peer.resolve()] if args.peer else [])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, args.articles, args.kind, seed_sentence_pool())
        results: list[list[dict]] = [[] for _ in checkouts]
        for _ in range(args.runs):
            for position, checkout in enumerate(checkouts):
                results[position].append(run(folder, checkout))
    print(f"{args.articles} {args.kind} articles; CPU s, median of {args.runs}; this checkout: {ROOT}")
    header = f"{'step':<14} {'cpu s':>7}"
    if args.peer:
        header += f" {'peer s':>7} {'ratio':>6}"
    print(header)
    steps = list(results[0][0]["cpu"])
    for step in [*steps, "total"]:
        medians = [
            statistics.median(sum(r["cpu"].values()) if step == "total" else r["cpu"][step] for r in runs)
            for runs in results
        ]
        line = f"{step:<14} {medians[0]:7.2f}"
        if args.peer:
            line += f" {medians[1]:7.2f} {medians[0] / medians[1] if medians[1] else 0.0:6.2f}"
        print(line)
    digests = {r["groups"] for runs in results for r in runs}
    print(
        "same groups in every run" + (" of both checkouts" if args.peer else "")
        if len(digests) == 1
        else f"DIFFERENT groups: {sorted(digests)}"
    )


if __name__ == "__main__":
    main()
