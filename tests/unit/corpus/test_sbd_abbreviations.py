"""``sbd_abbreviations``: pySBD's abbreviation search made cheaper changes no sentence.

The reader's sentence ends come from pySBD with ``FastEnglish`` as its language; these tests hold
that its output is pySBD's own ``English`` output, on every text in the repository, the Golden
Rules and generated paragraphs full of abbreviations in every case.
"""

from __future__ import annotations

import operator
import re
import sys

import pysbd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pysbd.lang.english import English
from test_segment import REPEATS, _pysbd_blocks
from test_segment_shortcuts import repository_texts

from tui.corpus.sbd_abbreviations import _FOLDED, FastAbbreviationReplacer, FastEnglish


def _processed(language: object, text: str) -> str:
    """What pySBD's processor makes of ``text`` in ``language``: its sentences, before they are
    found back in the text."""
    segmenter = pysbd.Segmenter(language="en", clean=False)
    segmenter.language_module = language
    return repr(segmenter.processor(text).process())


def _searched(replacer: type, text: str) -> str:
    return str(replacer(text, English).search_for_abbreviations_in_string(text))


def test_every_paragraph_in_the_repository_gets_pysbds_own_sentences() -> None:
    blocks = _pysbd_blocks(repository_texts() + REPEATS)
    assert len(blocks) > 100
    different = [b for b in blocks if _processed(FastEnglish, b) != _processed(English, b)]
    assert different == []


def test_the_segmenter_in_use_has_the_cheaper_search() -> None:
    """Else the tests above would compare pySBD with itself and the reader pay the full cost."""
    import tui.corpus.segment as segment

    assert segment._segmenter().language_module is FastEnglish


def test_the_case_folding_table_holds_every_character_ignorecase_matches_to_ascii() -> None:
    """``re.IGNORECASE`` matches a few letters outside ASCII to ASCII ones; the skip test reads
    the paragraph folded through ``_FOLDED``, so that table must hold every one of them."""
    ascii_alnum = re.compile("[a-z0-9]", re.IGNORECASE)
    found = {
        chr(code): chr(code).translate(_FOLDED).lower()
        for code in range(128, sys.maxunicode + 1)
        if ascii_alnum.fullmatch(chr(code))
    }
    assert found and all(re.fullmatch(folded, char, re.IGNORECASE) for char, folded in found.items())
    assert all(len(folded) == 1 and folded.isascii() for folded in found.values())


_ABBREVIATIONS = [a.strip() for a in English.Abbreviation.ABBREVIATIONS]


@st.composite
def _variants(draw: st.DrawFn) -> str:
    """An abbreviation in some case, or with letters ``re.IGNORECASE`` reads as ASCII ones."""
    word = draw(st.sampled_from(_ABBREVIATIONS))
    case = draw(st.sampled_from(["lower", "upper", "title", "mixed", "exotic"]))
    if case == "upper":
        word = word.upper()
    elif case == "title":
        word = word.title()
    elif case == "mixed":
        word = "".join(c.upper() if i % 2 else c for i, c in enumerate(word))
    elif case == "exotic":
        word = word.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131")
    return word


# What follows an abbreviation: each of pySBD's look-aheads, and none.
_AFTER = st.sampled_from([".", ". ", ".:3", ". (", ". 5", ".,", ".-", ". a", ". I ", ". I'm", "", " ", ".. "])


@st.composite
def _paragraphs(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.one_of(
                st.builds(operator.add, _variants(), _AFTER),
                st.sampled_from(["The", "said", "on", "3", "x.", "{", "} ", "\r", "  ", ".", "U.S.", "e.g."]),
            ),
            min_size=1,
            max_size=14,
        )
    )
    separator = draw(st.sampled_from(["", " ", "\u00a0", "\t"]))
    return separator.join(pieces)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_paragraphs())
@example("Gen. Smith met GEN. Jones and gen. Lee.")
@example("The ſt. Louis case: St. Louis, ST. 5 and st. (x).")
@example("A {gen} Gen. Smith paid No. 5 on Jan. 3 at 9 a.m. Then left.")
@example("Dr.Phil. Smith, Ph.D. and Ph D. in the U.S. and U S. today.")
def test_the_search_substitutes_as_pysbds_own(text: str) -> None:
    assert _searched(FastAbbreviationReplacer, text) == _searched(English.AbbreviationReplacer, text)
    assert _processed(FastEnglish, text) == _processed(English, text)
