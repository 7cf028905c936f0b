"""Where a node stands in its article (headline, lede, clause) and the factor that puts on the
score of each pair it is in: the inverted pyramid and the few words of a headline or a clause."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.alignment.sentence_graph import Node

# Measured on the dev set (bench_quality.py): the two together 0.521 -> 0.539 F1 (ledes x1.1 over
# the first 3 sentences about +0.012, headlines x2 instead of x1.25 the rest); the seeds unchanged.
# On the 16-event dev set, ledes x1.6 instead of x1.1: 0.556 -> 0.591 F1 (13 events higher, up to
# +0.14; Venezuela 0.92 -> 0.83), seeds unchanged; x1.8 and more lost on the seeds (0.830 -> 0.784).
LEDE_SENTENCES = 3
LEDE_FACTOR = 1.6
# Ledes are counted among sentences of prose (a sentence end and this many terms) and headlines:
# a label the clutter rules left as content ("ENCORE!", "Coming up") took a lede slot, so how
# well a page's clutter was found moved its ledes (dev set 0.587 -> 0.597 F1 with "Coming up"
# marked; Taylor 0.502 -> 0.552). A lede of three terms or fewer ("Ghana's president is
# re-elected.") is not counted: measured with 3 and 6, the same F1 within 0.002.
LEDE_MIN_TERMS = 4
HEADLINE_FACTOR = 2.0
HEADLINE_BODY_FACTOR = 0.5
# Clauses at 0.6 instead of 0.5: 22-event dev set 0.548 -> 0.561 F1 (13 events up, 3 down, none by
# more than 0.04), chosen on 20 events before batch 7 was measured, whose two events rose too
# (Haiyan 0.459 -> 0.500, Pluto 0.346 -> 0.362); 0.7-0.8 gave the same F1 with less precision.
# The seeds fall 0.830 -> 0.808 on five new pairs only, each a sentence's second claim ("the only
# candidate nominated among the alliance's 31 member governments" with "NATO has 31 members") or a
# second sentence of one source stating a claim, which the seed gold (one claim per sentence, one
# sentence per source) cannot hold; no seed pair is lost. At 0.6 clause matches chained groups more
# often, which ``sentence_groups.cohesive_mains`` now prevents.
CLAUSE_FACTOR = 0.6


def adjusted(left: Node, right: Node, score: float) -> float:
    """A pair's match score for where its nodes stand: headlines, clauses, ledes (capped at 100 by
    the caller)."""
    # Two headlines say the same thing in very few words: their overlap is worth more. A
    # headline restates its own lede, so beside another outlet's body sentence it is the
    # weaker match of the two (dev set 0.595 -> 0.607 F1, no event lower by more than 0.003).
    if left.terms.headline and right.terms.headline:
        score *= HEADLINE_FACTOR
    elif left.terms.headline or right.terms.headline:
        score *= HEADLINE_BODY_FACTOR
    # A clause is a few words: the same share of shared words is weaker evidence than in a
    # whole sentence (on 8 events 0.4-0.6 were best and 1.0 lost 0.03 F1; see CLAUSE_FACTOR).
    if left.clause or right.clause:
        score *= CLAUSE_FACTOR
    # News puts the main facts first (the inverted pyramid): two ledes tend to make one claim.
    if left.lede and right.lede:
        score *= LEDE_FACTOR
    return score
