"""Seed F1 over a grid of thresholds: how the defaults in ``Thresholds`` were chosen.

Run: ``python tests/benchmarks/tune_thresholds.py``. Prints pair precision, recall and F1 on the
hand-labelled seeds (``tests/data/seed_alignment_gold.json``) for each (paraphrase, link_floor),
best first. The gold set is five articles: prefer a setting on a broad plateau over a lone peak,
since the reader is used on other articles too.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from quality import evaluate, load_gold

from tui.alignment.result import align_corpus
from tui.alignment.thresholds import DEFAULT_THRESHOLDS, Thresholds
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir


def main() -> None:
    corpus = load_corpus([seeds_dir()])
    gold = load_gold()
    rows = []
    for paraphrase in range(46, 72, 2):
        for floor in (30, 40, 45, 50, 55):
            if floor > paraphrase:
                continue
            limits = Thresholds(DEFAULT_THRESHOLDS.near_identical, float(paraphrase), float(floor))
            quality = evaluate(align_corpus(copy.deepcopy(corpus), limits), gold)
            rows.append((quality.f1, quality.precision, quality.recall, paraphrase, floor))
    rows.sort(reverse=True)
    print("   F1  precision  recall  paraphrase  link_floor")
    for f1, precision, recall, paraphrase, floor in rows[:15]:
        default = (
            "  <- default"
            if (paraphrase, floor) == (DEFAULT_THRESHOLDS.paraphrase, DEFAULT_THRESHOLDS.link_floor)
            else ""
        )
        print(f"{f1:5.3f}  {precision:9.3f}  {recall:6.3f}  {paraphrase:10}  {floor:10}{default}")


if __name__ == "__main__":
    main()
