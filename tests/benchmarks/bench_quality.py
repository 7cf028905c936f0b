"""Alignment and clutter quality on the real-coverage development set and the seeds.

    python tests/benchmarks/bench_quality.py [--committed-only] [--mistakes EVENT] [--clutter-misses]

Prints, per event and pooled, pair precision / recall / F1 of the aligner and of the naive
baseline (rapidfuzz token_sort_ratio >= 60 after default_process), computed in the same run, and
boilerplate recall with the labelled content kept. Copyrighted articles are used only where their
text is present in ``tests/data/devset/<event>/local/`` (see tests/data/devset/README.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quality import (
    DEVSET,
    HELDOUT,
    Quality,
    devset_events,
    evaluate,
    evaluate_baseline,
    load_gold,
    mistakes,
)
from quality import (
    _sentences_at as sentences_at,
)

from tui.alignment.result import Alignment, align_corpus
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir


def row(name: str, articles: int, ours: Quality, base: Quality) -> str:
    return (
        f"{name:<26} {articles:>3}  {ours.precision:5.3f} {ours.recall:5.3f} {ours.f1:5.3f}   "
        f"{base.precision:5.3f} {base.recall:5.3f} {base.f1:5.3f}   {ours.f1 - base.f1:+5.3f}   "
        f"{ours.boilerplate_recall:5.3f} ({ours.boilerplate_found}/{ours.boilerplate_gold})  "
        f"{ours.content_kept}/{ours.content_gold}"
    )


def clutter_misses(name: str, alignment: Alignment, gold: dict[str, Any]) -> list[str]:
    """Gold clutter left as content, gold content and claim sentences marked as clutter."""
    lines = []
    for key, want in (("boilerplate", True), ("content_not_boilerplate", False)):
        for entry in gold[key]:
            article = alignment.article(entry["source"])
            for index in sentences_at(article, entry["quote"]):
                sentence = article.sentences[index]
                if sentence.boilerplate != want:
                    kind = "clutter kept" if want else f"content marked ({sentence.boilerplate_reason})"
                    lines.append(f"  {name} {entry['source']}#{index} {kind}: {sentence.text[:120]!r}")
    for claim in gold["claims"]:  # a sentence several outlets carry is article text
        for member in claim["members"]:
            article = alignment.article(member["source"])
            for index in sentences_at(article, member["quote"])[:1]:
                sentence = article.sentences[index]
                if sentence.boilerplate:
                    kind = f"claim sentence marked ({sentence.boilerplate_reason})"
                    lines.append(f"  {name} {member['source']}#{index} {kind}: {sentence.text[:120]!r}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--committed-only", action="store_true", help="only the committed texts")
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="the held-out events (tests/data/heldout) instead of the dev set",
    )
    parser.add_argument("--mistakes", metavar="EVENT", help="list wrong and missed pairs of one event")
    parser.add_argument(
        "--clutter-misses", action="store_true", help="list gold clutter kept and gold content marked"
    )
    args = parser.parse_args()

    print(
        f"{'event':<26} {'n':>3}  {'P':>5} {'R':>5} {'F1':>5}   {'bP':>5} {'bR':>5} {'bF1':>5}   "
        f"{'dF1':>5}   boilerplate      content"
    )
    pooled = pooled_base = Quality(0, 0, 0)
    started = time.perf_counter()
    articles = 0
    root = HELDOUT if args.heldout else DEVSET
    for event in devset_events(committed_only=args.committed_only, root=root):
        if len(event.files) < 2:
            print(f"{event.name:<26} skipped: {len(event.files)} article(s) present")
            continue
        alignment = align_corpus(load_corpus(event.files))
        ours, base = evaluate(alignment, event.gold), evaluate_baseline(alignment, event.gold)
        pooled, pooled_base = pooled + ours, pooled_base + base
        articles += len(event.files)
        print(row(event.name, len(event.files), ours, base))
        if args.mistakes == event.name:
            wrong, missed = mistakes(alignment, event.gold)
            print("  wrong:\n   " + "\n   ".join(wrong) + "\n  missed:\n   " + "\n   ".join(missed))
        if args.clutter_misses:
            print("\n".join(clutter_misses(event.name, alignment, event.gold)))
    print(row("POOLED (held out)" if args.heldout else "POOLED (dev set)", articles, pooled, pooled_base))
    seeds = align_corpus(load_corpus([seeds_dir()]))
    print(row("seeds", len(seeds.articles), evaluate(seeds), evaluate_baseline(seeds, load_gold())))
    if args.mistakes == "seeds":
        wrong, missed = mistakes(seeds)
        print("  wrong:\n   " + "\n   ".join(wrong) + "\n  missed:\n   " + "\n   ".join(missed))
    if args.clutter_misses:
        print("\n".join(clutter_misses("seeds", seeds, load_gold())))
    print(f"({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
