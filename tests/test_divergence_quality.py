"""Divergence detection measured on hand-labelled pairs: printed per type, with floors.

Each gold pair is two sentences that state one claim (from the alignment gold sets); the detector
runs on them directly, so the figures do not move when the aligner changes. Run with ``-s`` to see
the table: ``.venv/bin/python -m pytest -q -s tests/test_divergence_quality.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from divergence_quality import SEED_GOLD, Scores, load, score_pair

from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir

DEVSET = Path(__file__).parent / "data" / "devset"


@pytest.fixture(scope="module")
def seed_scores() -> Scores:
    articles = {a.id: a for a in load_corpus([seeds_dir()]).articles}
    scores = Scores()
    for pair in load(SEED_GOLD)["pairs"]:
        score_pair(scores, articles[pair["a"]["source"]], articles[pair["b"]["source"]], pair)
    return scores


def test_seed_divergences_precision_and_recall(seed_scores: Scores) -> None:
    print("\n" + seed_scores.table("seeds (tests/data/seed_divergence_gold.json)"))
    for line in seed_scores.misses + seed_scores.false_flags:
        print("  ", line)
    assert seed_scores.precision() >= 0.95 and seed_scores.recall() >= 0.95
    for category in ("attribution", "quote", "minor"):
        assert seed_scores.precision(category) >= 0.95, category
        assert seed_scores.recall(category) >= 0.95, category


def test_readme_cases_are_found_on_the_seeds(seed_scores: Scores) -> None:
    """The mistranslated German quote and the British Foreign Office vs Sunak's spokesperson."""
    missed = "\n".join(seed_scores.misses)
    assert "extraordinary mandate" not in missed
    assert "The spokesperson" not in missed
    assert seed_scores.tp["quote"] and seed_scores.tp["attribution"]
