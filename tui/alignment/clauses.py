"""Where a long sentence may carry more than one claim: its clauses.

News sentences pack statements together ("Felix hit Nicaragua as a Category 5 storm, tearing off
roofs, and killed four"); another outlet may report only one of them, in a sentence of its own.
The aligner compares each clause as well as the whole sentence, so a sentence can join the claim
groups of the statements it carries (at most one sentence per source per group still holds: a
sentence's clauses share its source).

The cut points are punctuation and conjunctions between clauses; pieces too small to state
anything (fewer than ``MIN_TERMS`` content terms: "officials said", "Nicolas Maduro, 61,") are
joined to a neighbour, so every clause is claim-sized. No parser: on the dev set this splits 50
of the 79 sentences its labellers put in two claims or more, and 199 of its 695 content
sentences. A lower ``MIN_TERMS`` splits more and pairs worse (dev-set F1 with 3: 0.57; 6: 0.60).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

# Between clauses: ";", ":" before a space (not "1:28"), a spaced dash, a comma, "and"/"but"/
# "while" after a space, and a sentence end inside a quotation ('... Rutte." "He has ...', or
# '"... of NATO. PM Rutte has ..."'), but not the full stop of an abbreviation ("U.S. President",
# "2:28 a.m. Tuesday", "Mr. Maduro").
_CUT_RE = re.compile(
    r"""\s*(?:;|:(?=\s)|\s[-\u2013\u2014]\s|,\s+|\s(?=(?:and|but|while)\s)"""
    r"""|(?<=[.!?])(?<!\.[A-Za-z]\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)["\u201d]?\s+(?=["\u201c]?[A-Z]))"""
)
MIN_TERMS = 6  # content terms a clause needs to stand on its own
MAX_CLAUSES = 6  # a list-like sentence ("15 in Cebu, four in Bohol, one in ...") is not six claims


def clause_spans(text: str, term_count: Callable[[int, int], int]) -> list[tuple[int, int]]:
    """Spans (start, end) of ``text``'s clauses, or [] when it holds only one (or more than
    ``MAX_CLAUSES``: a list, not claims).

    ``term_count(start, end)`` says how many content terms a piece of the text has (the
    aligner's own measure).
    """
    cuts = [0, *(match.end() for match in _CUT_RE.finditer(text)), len(text)]
    pieces = [(start, end) for start, end in itertools.pairwise(cuts) if end > start]
    merged: list[tuple[int, int]] = []
    for start, end in pieces:
        if merged and term_count(*merged[-1]) < MIN_TERMS:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if len(merged) > 1 and term_count(*merged[-1]) < MIN_TERMS:
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    if not 1 < len(merged) <= MAX_CLAUSES:
        return []
    return merged
