"""Word-level differences between two sentences.

The diff runs on words (punctuation is left out: a moved comma is not news), compared
case-insensitively with typography folded, and reported as runs with character offsets into each
sentence so a view can colour the original text. Spelling variants (``Türkiye``/``Turkiye``,
``defence``/``defense``) are marked minor. What the two sentences disagree on (numbers, dates,
speakers, names, quotations) is found in ``divergences.py``.
"""

from __future__ import annotations

from functools import lru_cache

from tui.alignment.model import DiffRun
from tui.corpus.text import Token, fold, words

# Two words are spelling variants when their folded forms are this similar (0-100).
SPELLING_SIMILARITY = 80.0


def _key(token: Token) -> str:
    """Comparison key of a word: case and typography folded, accents kept."""
    return token.text.replace("’", "'").casefold().rstrip(".")


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz  # lazy: the reader's first frame does not need it

    return float(fuzz.ratio(a, b))


# Each sentence is diffed against every other member of its group: its words and their keys are
# worked out once (bounded like ``text.tokens``).
@lru_cache(maxsize=8192)
def _keyed_words(text: str) -> tuple[tuple[Token, ...], tuple[str, ...]]:
    found = words(text)
    return found, tuple(_key(t) for t in found)


def prepare_words(text: str) -> None:
    """Work out ``text``'s words and keys ahead (``Alignment.prepare``)."""
    _keyed_words(text)


# Pure string functions called for every word pair of every compared pair (millions of calls at
# 200 articles): cached, bounded.
@lru_cache(maxsize=65536)
def is_spelling_variant(a: str, b: str) -> bool:
    """True when two words differ only in spelling (accents, -ce/-se, a typo)."""
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa.replace(".", "") == fb.replace(".", ""):
        return True
    if any(ch.isdigit() for ch in fa + fb) or min(len(fa), len(fb)) < 5:
        return False
    return _similar(fa, fb) >= SPELLING_SIMILARITY


def word_diff(a_text: str, b_text: str) -> list[DiffRun]:
    """Runs of equal, inserted, deleted and replaced words, with offsets into each text."""
    from rapidfuzz.distance import Levenshtein

    a_words, a_keys = _keyed_words(a_text)
    b_words, b_keys = _keyed_words(b_text)
    runs: list[DiffRun] = []
    pending: list[tuple[int, int, int, int]] = []  # non-equal opcodes to merge into one run

    def span(side: tuple[Token, ...], first: int, last: int, anchor: int) -> tuple[int, int]:
        if first == last:  # an empty side sits where the other side's change is
            position = side[first - 1].end if first > 0 else anchor
            return position, position
        return side[first].start, side[last - 1].end

    def flush() -> None:
        if not pending:
            return
        a1, a2, b1, b2 = pending[0][0], pending[-1][1], pending[0][2], pending[-1][3]
        op = "replace" if a1 < a2 and b1 < b2 else ("delete" if a1 < a2 else "insert")
        minor = op == "replace" and (a2 - a1) == (b2 - b1)
        if minor:
            minor = all(
                is_spelling_variant(a_words[a1 + i].text, b_words[b1 + i].text) for i in range(a2 - a1)
            )
        a_span = span(a_words, a1, a2, 0)
        b_span = span(b_words, b1, b2, 0)
        runs.append(DiffRun(op, *a_span, *b_span, minor=minor))
        pending.clear()

    for op in Levenshtein.opcodes(a_keys, b_keys):
        if op.tag == "equal":
            flush()
            a_span = span(a_words, op.src_start, op.src_end, 0)
            b_span = span(b_words, op.dest_start, op.dest_end, 0)
            runs.append(DiffRun("equal", *a_span, *b_span))
        else:
            pending.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    flush()
    return runs
