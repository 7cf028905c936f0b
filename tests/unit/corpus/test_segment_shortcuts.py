"""Segmentation's cheaper pattern searches give what the plain searches gave.

``segment._GLUED_END_RE`` matches the mark before the look-behinds, ``sentence_joins._one_sentence``
searches its end-anchored patterns only where the piece's last characters allow them, and
``attributions_apart`` skips spans without a quotation mark. Each is compared here with the plain
form it replaced, on every text in the repository and on generated ones.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from repository_texts import repository_texts

import tui.corpus.segment as segment
import tui.corpus.sentence_joins as joins
from tui.corpus.sentence_joins import Span

# The patterns and code as they were before the shortcuts.
_PLAIN_GLUED_END_RE = re.compile(r"(?:(?<=[a-z]{2})|(?<=\d\d)|(?<=\d\.\d))[.!?][\"'”’)]?(?=[A-Z][a-z]{1,}\b)")


def _plain_one_sentence(before: str, after: str) -> bool:
    if joins.CLOCK_END_RE.search(before):
        return bool(joins._AFTER_CLOCK_RE.match(after))
    if joins._LIST_NUMBER_RE.match(before):
        return True
    if joins._DATE_WORDS_RE.match(before):
        return bool(joins._DATE_GOES_ON_RE.match(after))
    if joins._NAME_PREFIX_RE.search(before):
        return bool(joins._NAME_START_RE.match(after))
    if joins._QUOTE_END_RE.search(before):
        return len(after.split()) <= 14 and bool(joins._ATTRIBUTION_RE.match(after))
    if joins._DASH_START_RE.match(after) or joins._AGENCY_DASH_START_RE.match(after):
        return bool(joins._DATELINE_RE.match(before))
    if joins._ABBREVIATION_END_RE.search(before):
        return joins._after_abbreviation(before, after)
    return bool(joins._ADDRESS_HEAD_RE.search(before) and joins._ADDRESS_TAIL_RE.match(after))


def _plain_attributions_apart(text: str, spans: list[Span]) -> list[Span]:
    result: list[Span] = []
    for span in spans:
        start = span.start
        for match in joins._ATTRIBUTION_END_RE.finditer(text, span.start, span.end):
            result.append(Span(start, match.end(), span.paragraph))
            start = match.end() + 1
            while text[start].isspace():
                start += 1
        result.append(Span(start, span.end, span.paragraph))
    return result


def _pieces_of(text: str) -> list[str]:
    """A text's sentences and its lines: the pieces the joins see, and longer ones."""
    sentences = [text[s.start : s.end] for s in segment.split_sentences(text)]
    return sentences + [line for line in text.split("\n") if line.strip()]


def test_on_every_text_in_the_repository() -> None:
    texts = repository_texts()
    assert len(texts) > 100
    for text in texts:
        glued = [m.span() for m in segment._GLUED_END_RE.finditer(text)]
        assert glued == [m.span() for m in _PLAIN_GLUED_END_RE.finditer(text)]
        pieces = _pieces_of(text)
        for before, after in itertools.pairwise(pieces):
            assert joins._one_sentence(before, after) == _plain_one_sentence(before, after), (before, after)
        spans = [Span(m.start(), m.end(), 0) for m in re.finditer(r"[^\n]+", text)]
        assert joins.attributions_apart(text, spans) == _plain_attributions_apart(text, spans)


# Pieces' last words and next pieces' first words, made to reach every branch of ``_one_sentence``.
_ENDS = st.sampled_from(
    [
        "at 3:44 a.m.", "4 P.M.", "5 pm.", "Fire Capts.", "Sault Ste.", "(Dr.", "Gen.", "Mohd.",
        "We did it!\"", "Why?”", "Go!'", "CAPE CANAVERAL, Fla.", "W.Va.", "in Mont.", "N.Y.",
        "trent.j.", "candrea.k.", "x", ".", "2.", "(12)", "Thu.", "August.", "the end.", "said.",
        "“Yes,” he said.", "\n", " \t", "m.", "a.m.\n", "Gen.\n", "Ste.\n",
    ]
)  # fmt: skip
_STARTS = st.sampled_from(
    [
        "ET from the Cape", "Monday, 411 aftershocks", "Dana Ortiz", "Marie", "the chief said.",
        "-- The mission", "(AP) — A blast", "perrotto@nasa.gov", "coal mine blast", "Coal Mine Blast",
        "2 2007", "He said no.", "\"We", "Eastern carrying", "x", "",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(["The talks", "ended", "in", "x" * 30, "“Go", "said"]), max_size=8),
    _ENDS,
    _STARTS,
)
@example(["x" * 40], "Capts.", "Dana Ortiz")
@example([], "Capts.", "Dana Ortiz")
def test_one_sentence_as_the_plain_searches(words: list[str], end: str, after: str) -> None:
    before = " ".join([*words, end]).lstrip()
    assert joins._one_sentence(before, after) == _plain_one_sentence(before, after)


_TEXTS = st.lists(
    st.sampled_from(
        ["ab", "cd", "12", "3.4", ".", "!", "?", '"', "“", "'", "”", ")", "Ab", "Cd", " ", "said.", "\n"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example('the end.During said. "Yes')
def test_glued_ends_and_attributions_as_the_plain_searches(text: str) -> None:
    assert [m.span() for m in segment._GLUED_END_RE.finditer(text)] == [
        m.span() for m in _PLAIN_GLUED_END_RE.finditer(text)
    ]
    spans = [Span(m.start(), m.end(), 0) for m in re.finditer(r"\S[^\n]*\S|\S", text)]
    assert joins.attributions_apart(text, spans) == _plain_attributions_apart(text, spans)
