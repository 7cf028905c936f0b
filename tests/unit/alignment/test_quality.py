"""Alignment and clutter quality, scored against hand-labelled gold sets, printed in every run.

Regression floors, not targets: each sits a little under what was measured when it was set
(``python tests/benchmarks/bench_quality.py`` prints the full table). Raise them when quality
improves; never lower them to make a change pass.

- Seeds: the five bundled articles and ``tests/data/seed_alignment_gold.json``.
- Dev set, committed texts: the public-domain and CC BY articles of ``tests/data/devset`` (always
  here, so CI measures them).
- Dev set, all texts: with the copyrighted articles' texts present in ``<event>/local/`` (they are
  not committed; see tests/data/devset/README.md), else skipped.
"""

from __future__ import annotations

import pytest
from quality import (
    Quality,
    devset_events,
    evaluate,
    evaluate_baseline,
    gold_pairs,
    load_gold,
    predicted_pairs,
)

from tui.alignment.result import align_corpus
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir

# Measured 0.824 (0.808 before second claims by a group's core, ``claim_cores``, added two gold
# pairs): clause weight 0.6 adds five pairs the one-claim-per-sentence seed gold counts wrong (see
# node_place.CLAUSE_FACTOR).
SEED_F1_FLOOR = 0.81
SEED_BOILERPLATE_FLOOR = 0.95  # measured 1.000
# The dev set grew from 8 to 12, 14, ..., 98 and then 102 events (47 batches of held-out
# events moved in once measured): the floors below were reset to what the 102 events measure, not
# lowered for a change. The committed texts' gain fell when batch 28's three US government texts on
# Saddam Hussein's execution joined (their pairs score as the baseline's: 0.286 both).
COMMITTED_F1_FLOOR = 0.54  # measured 0.564 (33 articles: one pair moves it about 0.01)
COMMITTED_GAIN_FLOOR = 0.15  # over the naive baseline; measured +0.171
COMMITTED_BOILERPLATE_FLOOR = 0.88  # measured 0.935
FULL_F1_FLOOR = 0.51  # measured 0.520 (on the 62 events before them: 0.522 -> 0.543 with ``claim_cores``)
FULL_GAIN_FLOOR = 0.18  # measured +0.199 (the aim: +0.20)
FULL_BOILERPLATE_FLOOR = 0.84  # measured 0.852


def _devset(committed_only: bool) -> tuple[Quality, Quality, int]:
    ours = base = Quality(0, 0, 0)
    articles = 0
    for event in devset_events(committed_only=committed_only):
        if len(event.files) < 2:
            continue
        alignment = align_corpus(load_corpus(event.files))
        ours, base = ours + evaluate(alignment, event.gold), base + evaluate_baseline(alignment, event.gold)
        articles += len(event.files)
    return ours, base, articles


@pytest.fixture(scope="module")
def seeds() -> Quality:
    return evaluate(align_corpus(load_corpus([seeds_dir()])))


@pytest.fixture(scope="module")
def committed() -> tuple[Quality, Quality, int]:
    return _devset(committed_only=True)


def _report(name: str, ours: Quality, base: Quality | None, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        baseline = f" | naive baseline F1 {base.f1:.3f} (gain {ours.f1 - base.f1:+.3f})" if base else ""
        print(f"\n{name}: {ours.summary()}{baseline}")


def test_seed_quality(seeds: Quality, capsys: pytest.CaptureFixture[str]) -> None:
    _report("seed alignment quality", seeds, None, capsys)
    assert seeds.gold_pairs == 71 and seeds.content_gold == len(load_gold()["content_not_boilerplate"])
    assert seeds.f1 >= SEED_F1_FLOOR, seeds.summary()
    assert seeds.boilerplate_recall >= SEED_BOILERPLATE_FLOOR, seeds.summary()
    assert seeds.content_kept == seeds.content_gold, seeds.summary()


def test_committed_devset_quality(
    committed: tuple[Quality, Quality, int], capsys: pytest.CaptureFixture[str]
) -> None:
    ours, base, articles = committed
    _report(f"dev set, {articles} committed articles", ours, base, capsys)
    assert articles >= 7 and ours.gold_pairs > 0
    assert ours.f1 >= COMMITTED_F1_FLOOR, ours.summary()
    assert ours.f1 - base.f1 >= COMMITTED_GAIN_FLOOR, (ours.f1, base.f1)
    assert ours.boilerplate_recall >= COMMITTED_BOILERPLATE_FLOOR, ours.summary()
    # Every content line kept (the committed texts' known marks are claim sentences, named in
    # test_clutter_quality.py's KNOWN_COMMITTED_CONTENT_MARKED).
    assert ours.content_kept == ours.content_gold, ours.summary()


def test_full_devset_quality(capsys: pytest.CaptureFixture[str]) -> None:
    events = devset_events()
    if any(event.missing for event in events):
        pytest.skip("copyrighted dev-set texts are not here (tests/data/devset/*/local/)")
    ours, base, articles = _devset(committed_only=False)
    _report(f"dev set, all {articles} articles", ours, base, capsys)
    assert ours.f1 >= FULL_F1_FLOOR, ours.summary()
    assert ours.f1 - base.f1 >= FULL_GAIN_FLOOR, (ours.f1, base.f1)
    assert ours.boilerplate_recall >= FULL_BOILERPLATE_FLOOR, ours.summary()
    # Known marks (KNOWN_CONTENT_MARKED in test_clutter_quality.py, which also lists the claim
    # sentences among them): a deck, a post title and a crosshead taken for bylines, a table of
    # tolls taken for a teaser box, a deck over a photo's credit taken
    # for its caption, a headline with the site's name after a bar taken for the browser's title,
    # a last line the page store cut to a name taken for a name line, a crosshead taken for a name
    # line (two) and a kicker above the headline taken for a section label.
    assert ours.content_kept == ours.content_gold - 14, ours.summary()


def test_either_copy_of_a_repeated_headline_is_the_same_pair(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A page printing its headline twice: the gold names the second copy, the aligner pairs the
    # first; both are the one sentence a reader sees, so the pair is right, not wrong and missed.
    headline = "Court issues arrest warrant for former president"
    (tmp_path / "mirror.txt").write_text(f"{headline}\n\n{headline}\n\nShe denies the charges today.\n")
    (tmp_path / "wire.txt").write_text(f"{headline}\n\nPolice have not served it yet.\n")
    alignment = align_corpus(load_corpus([tmp_path]))
    gold = {
        "claims": [
            {
                "members": [
                    {"source": "mirror", "quote": f"{headline}\n\nShe"},
                    {"source": "wire", "quote": headline},
                ]
            }
        ],
        "boilerplate": [],
        "content_not_boilerplate": [],
    }
    assert len(gold_pairs(alignment, gold)) == 1
    assert gold_pairs(alignment, gold) <= predicted_pairs(alignment)
