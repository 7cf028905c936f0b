"""Clutter marking on one big pasted page: ``boilerplate.classify`` and the whole ``build_article``.

    python tests/benchmarks/bench_clutter.py [--mb 5] [--runs 3] [--peer /path/to/other/checkout]

The page is made with a seeded ``random.Random`` (the same text every run): paragraphs of one to
four sentences of news-like words, and one line in five a kind of clutter (a byline, a stamp, a
credit, a caption, a link bar, a teaser). Figures are CPU seconds (a shared machine disturbs them
far less than wall time), the best of ``--runs``. ``--peer DIR`` runs the same measurement with
another checkout first on ``PYTHONPATH`` (say, an export of ``main``), alternating the two, and
prints after/before ratios from the one run. Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORDS = (
    "the minister said on Tuesday that talks would continue in Brussels after allies backed a deal over"
    " troops and budgets while officials in the capital warned of delays to aid for flooded towns"
).split()
CLUTTER = [
    "Advertisement",
    "By Jane Doe",
    "Updated 4 March 2024, 10:32 GMT",
    "Share | Email | Print | Comment",
    "(AP Photo/John Smith)",
    "Read more: Something happened somewhere",
    "Getty Images",
    "3 min read",
    "Valley",
    "A man walks past rubble in the town, Oct. 3, 2023.",
    "Subscribe to our newsletter",
]


def page(megabytes: float) -> str:
    rng = random.Random(7)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        if rng.random() < 0.2:
            line = rng.choice(CLUTTER)
        else:
            sentences = []
            for _ in range(rng.randint(1, 4)):
                words = [rng.choice(WORDS) for _ in range(rng.randint(6, 25))]
                sentences.append(" ".join([words[0].capitalize(), *words[1:]]) + ".")
            line = " ".join(sentences)
        parts.append(line)
        size += len(line) + 2
    return "\n\n".join(parts)


def measure(megabytes: float, runs: int) -> None:
    """In this interpreter: print 'classify build marked' CPU seconds for the page."""
    from tui.corpus import boilerplate
    from tui.corpus.ingest import RawArticle
    from tui.corpus.loader import build_article
    from tui.corpus.segment import join_broken_lines, split_sentences

    text = page(megabytes)
    spans = split_sentences(text)
    paragraphs = join_broken_lines(text).split("\n")
    by_paragraph: list[list[str]] = [[] for _ in paragraphs]
    for span in spans:
        by_paragraph[span.paragraph].append(text[span.start : span.end])
    classify = build = float("inf")
    marked = 0
    for _ in range(runs):
        started = time.process_time()
        reasons = boilerplate.classify(paragraphs, by_paragraph)
        classify = min(classify, time.process_time() - started)
        started = time.process_time()
        article = build_article(RawArticle("big", Path("big.txt"), text, "0" * 64, "utf-8"))
        build = min(build, time.process_time() - started)
        marked = sum(1 for group in reasons for reason in group if reason)
        assert marked == sum(s.boilerplate for s in article.sentences)
    print(f"{classify:.3f} {build:.3f} {marked}")


def child(path: Path | None, megabytes: float, runs: int) -> tuple[float, float, int]:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = str(path)
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_clutter as b; "
    code += f"b.measure({megabytes}, {runs})"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd="/", capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="page size in megabytes")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (best)")
    parser.add_argument("--peer", type=Path, help="another checkout to compare with (the 'before')")
    args = parser.parse_args()
    ours = child(ROOT, args.mb, args.runs)
    print(f"this checkout: classify {ours[0]:.2f} s, build_article {ours[1]:.2f} s CPU, {ours[2]} marked")
    if args.peer is None:
        return
    peer = child(args.peer, args.mb, args.runs)
    again = child(ROOT, args.mb, args.runs)
    best = (min(ours[0], again[0]), min(ours[1], again[1]))
    print(f"peer:          classify {peer[0]:.2f} s, build_article {peer[1]:.2f} s CPU, {peer[2]} marked")
    print(f"after/before:  classify {best[0] / peer[0]:.2f}x, build_article {best[1] / peer[1]:.2f}x")


if __name__ == "__main__":
    main()
