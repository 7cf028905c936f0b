"""Clutter marking scored against the hand-labelled dev set and seeds, without aligning.

Regression floors a little under what was measured (``python tests/benchmarks/bench_quality.py
--clutter-misses`` lists every miss). Every labelled content sentence stays content, and so does
every sentence a gold claim names: a sentence several outlets carry is article text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from quality import _sentences_at, devset_events, load_gold

from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir

# Reset each time former held-out events moved in (8 -> 10 -> ... -> 98 -> 102 events),
# never lowered for a change.
FULL_CLUTTER_FLOOR = 0.84  # measured 0.852 (2173/2551; 102 events)
COMMITTED_CLUTTER_FLOOR = 0.87  # measured 0.884 (244/276, single-text events too)
# Content the detector marks, known and not yet fixed (any other, or a fix, fails the test): a
# three-word title-case deck under the headline has a byline's shape ("Jane Doe" vs "Decision Shocks
# Church"), and nothing in the text tells them apart without knowing names; a blog's post title that
# is a name alone ("Michael Jackson") has a byline's shape too, and so has a crosshead (a deck over
# a photo's credit has a caption's: "Tears, tolling bells as ... succumbs") of two title-case pairs
# ("Charred Wreckage, Billowing Smoke", "War’s End"), and so has one in capitals ("BRILLIANT
# CAREER"); a topic's kicker above the headline ("Connecticut School Shooting") has a section
# label's shape; a paragraph ending ", January 20, 2009." has an AP caption's end; a headline
# printed with the site's name after a bar has a browser title's shape; a last line the store cut to
# three words ("Germanwings is ow", "Prosecutors called Zimmerm") has a site label's, and so has one
# cut to a name ("Kelly Osbourne"); a table of tolls after the last paragraph ("Sri Lanka: 1,000
# dead") is a run of short titles, a teaser box's shape.
_OBAMA = "Barack Obama has been elected 44th president of the United States, becoming the "
_SULLIVAN = "Mike O'Sullivan reports, the Democratic senator from Illinois promised to unify "
_WHISTLEBLOWER = "Whistleblower hiding in Hong Kong - WRCBtv.com | Chattanooga News, Weather & Spo"
_TOLLS = [
    "Sri Lanka: 1,000 dead",
    "India: 1,000 dead",
    "Thailand: 55 dead",
    "Indonesia: 150 dead",
    "Malaysia: 7 dead",
]
KNOWN_COMMITTED_CONTENT_MARKED = [
    f"voacambodia: {_OBAMA!r} (photo caption)",
    f"voacambodia: {_SULLIVAN!r} (photo caption)",
]
KNOWN_CONTENT_MARKED = [
    "nwaonline: 'Decision Shocks Church' (name line)",
    "fellowship_cnn: 'Michael Jackson' (name line)",
    "abcnews: 'Charred Wreckage, Billowing Smoke' (byline)",
    "msnbc_forum: 'Tears, tolling bells as Catholic leader succumbs after lengthy illness' (photo caption)",
    "jfp_ap: '283 Missing, 4 Dead in South Korea Ferry Disaster | Jackson Free Press | Jackson' (page title)",
    "wikinews: 'Germanwings is ow' (navigation)",
    *["huffpost_uk: 'Kelly Osbourne' (name line)"] * 2,
    "bloomberg: 'War’s End' (name line)",
    "firefighternation_ap: 'Connecticut School Shooting' (navigation)",
    "reuters: 'BRILLIANT CAREER' (name line)",
    "wkrn: 'Prosecutors called Zimmerm' (navigation)",
    f"wrcbtv_nbc: {_WHISTLEBLOWER!r} (page title)",
    f"voacambodia: {_OBAMA!r} (photo caption)",
    *[f"utrop: {row!r} (teaser)" for row in _TOLLS],
    *[f"utrop: {row!r} (teaser)" for row in _TOLLS[2:]],
    *KNOWN_COMMITTED_CONTENT_MARKED,
]


@dataclass
class Clutter:
    found: int = 0
    total: int = 0
    content_marked: list[str] | None = None

    @property
    def recall(self) -> float:
        return self.found / self.total if self.total else 1.0


def _score(paths: list[Path], gold: dict[str, Any], score: Clutter) -> None:
    articles = {a.id: a for a in load_corpus(paths).articles}
    marked = score.content_marked if score.content_marked is not None else []
    for entry in gold["boilerplate"]:
        article = articles[entry["source"]]
        for index in _sentences_at(article, entry["quote"]):
            score.total += 1
            score.found += article.sentences[index].boilerplate
    content = [(entry, False) for entry in gold["content_not_boilerplate"]]
    content += [(member, True) for claim in gold["claims"] for member in claim["members"]]
    for entry, claim_member in content:
        article = articles[entry["source"]]
        # A claim quote names its sentence by where it first starts (as the pair scorer does): a
        # headline a page prints again as a caption is the claim once, the caption the other time.
        indexes = _sentences_at(article, entry["quote"])
        for index in indexes[:1] if claim_member else indexes:
            sentence = article.sentences[index]
            if sentence.boilerplate:
                marked.append(f"{article.id}: {sentence.text[:80]!r} ({sentence.boilerplate_reason})")
    score.content_marked = marked


def _devset(committed_only: bool) -> Clutter:
    score = Clutter(content_marked=[])
    for event in devset_events(committed_only=committed_only):
        if event.files:
            _score(event.files, event.gold, score)
    return score


def _report(name: str, score: Clutter, capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        print(f"\n{name}: clutter recall {score.recall:.3f} ({score.found}/{score.total})")


def test_seed_clutter_is_all_found_and_content_kept(capsys: pytest.CaptureFixture[str]) -> None:
    score = Clutter(content_marked=[])
    _score([seeds_dir()], load_gold(), score)
    _report("seeds", score, capsys)
    assert score.found == score.total
    assert score.content_marked == []


def test_committed_devset_clutter(capsys: pytest.CaptureFixture[str]) -> None:
    score = _devset(committed_only=True)
    _report("dev set, committed texts", score, capsys)
    assert score.total > 0 and score.recall >= COMMITTED_CLUTTER_FLOOR
    assert sorted(score.content_marked) == sorted(KNOWN_COMMITTED_CONTENT_MARKED)


def test_full_devset_clutter(capsys: pytest.CaptureFixture[str]) -> None:
    if any(event.missing for event in devset_events()):
        pytest.skip("copyrighted dev-set texts are not here (tests/data/devset/*/local/)")
    score = _devset(committed_only=False)
    _report("dev set, all texts", score, capsys)
    assert score.recall >= FULL_CLUTTER_FLOOR
    assert sorted(score.content_marked) == sorted(KNOWN_CONTENT_MARKED)
