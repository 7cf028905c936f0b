"""Alignment quality on the seeds, scored against the hand-labelled gold set in tests/data."""

from __future__ import annotations

import pytest
from quality import Quality, evaluate, load_gold

from tui.alignment.result import align_corpus
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir

# Regression floors, not targets: the measured pair F1 when these were set was 0.800 (the issue
# aims for 0.90). Raise them when alignment improves; never lower them to make a change pass.
PAIR_F1_FLOOR = 0.78
BOILERPLATE_RECALL_FLOOR = 0.95


@pytest.fixture(scope="module")
def quality() -> Quality:
    return evaluate(align_corpus(load_corpus([seeds_dir()])))


def test_quality_summary_is_printed(quality: Quality, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print(f"\nseed alignment quality: {quality.summary()}")
    gold = load_gold()
    assert quality.gold_pairs > 0 and quality.boilerplate_gold > 0
    assert quality.content_gold == len(gold["content_not_boilerplate"])


def test_pair_f1(quality: Quality) -> None:
    assert quality.f1 >= PAIR_F1_FLOOR, quality.summary()


def test_boilerplate_recall(quality: Quality) -> None:
    assert quality.boilerplate_recall >= BOILERPLATE_RECALL_FLOOR, quality.summary()


def test_all_gold_content_is_kept(quality: Quality) -> None:
    assert quality.content_kept == quality.content_gold, quality.summary()
