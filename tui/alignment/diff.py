"""Word-level differences between two sentences, and the divergences that matter.

The diff runs on words (punctuation is left out: a moved comma is not news), compared
case-insensitively with typography folded, and reported as runs with character offsets into each
sentence so a view can colour the original text. On top of the runs, divergences flag what a
fact-checker must look at: different numbers or dates, different names, different quoted words.
Spelling variants (``Türkiye``/``Turkiye``, ``defence``/``defense``) are marked minor instead.
"""

from __future__ import annotations

import re

from tui.alignment.model import DiffRun, Divergence
from tui.corpus.text import Token, fold, normalise, tokens

# Two words are spelling variants when their folded forms are this similar (0-100).
SPELLING_SIMILARITY = 80.0
# Two quotations are the same words when this similar (0-100) after folding.
QUOTE_SIMILARITY = 90.0
# A replaced run longer than this (in words, either side) is rewording, not a swapped name.
NAME_RUN_WORDS = 6

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_ABBREVIATIONS = {m[:3]: m for m in _MONTHS} | {"sept": "september"}
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty""".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"}
# Capitalised job titles say who someone is, not who: "Secretary General" vs "head" is wording.
_TITLE_WORDS = frozenset(
    """secretary general secretary-general minister prime president chancellor ambassador premier
    head leader chair mr mrs ms dr pm""".split()
)
_QUOTE_RE = re.compile(r"[\"“”„«»]([^\"“”„«»]{2,}?)[\"“”„«»]")
_OPENERS = {'"', "“", "„", "«", "(", ":", "'", "‘", "—", "-", "–"}


def _key(token: Token) -> str:
    """Comparison key of a word: case and typography folded, accents kept."""
    return token.text.replace("’", "'").casefold().rstrip(".")


def _similar(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return fuzz.ratio(a, b)


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

    a_words = [t for t in tokens(a_text) if t.is_word]
    b_words = [t for t in tokens(b_text) if t.is_word]
    a_keys = [_key(t) for t in a_words]
    b_keys = [_key(t) for t in b_words]
    runs: list[DiffRun] = []
    pending: list[tuple[int, int, int, int]] = []  # non-equal opcodes to merge into one run

    def span(words: list[Token], first: int, last: int, anchor: int) -> tuple[int, int]:
        if first == last:  # an empty side sits where the other side's change is
            position = words[first - 1].end if first > 0 else anchor
            return position, position
        return words[first].start, words[last - 1].end

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


_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(words: list[Token]) -> set[str]:
    found = set()
    for token in words:
        digits = _DIGITS_RE.findall(token.norm)
        if digits:
            found.update(d.replace(",", "") for d in digits)  # "57-year-old" is 57, "1,000" is 1000
        elif token.norm in _NUMBER_WORDS:
            found.add(_NUMBER_WORDS[token.norm])
    return found


def _calendar_word(norm: str) -> str | None:
    """The weekday or month a word names (tolerating a typo like ``Wednesady``), or None."""
    if norm in _WEEKDAYS or norm in _MONTHS:
        return norm
    if norm in _MONTH_ABBREVIATIONS and norm != "may":
        return _MONTH_ABBREVIATIONS[norm]
    if len(norm) >= 6:
        for day in _WEEKDAYS:
            if _similar(norm, day) >= 85:
                return day
    return None


def _dates(words: list[Token]) -> set[str]:
    return {day for t in words if (day := _calendar_word(t.norm)) is not None}


def _names(all_tokens: list[Token]) -> list[Token]:
    """Capitalised words that are not capitalised merely for starting a sentence or quote."""
    names = []
    previous = None
    for index, token in enumerate(all_tokens):
        starts_clause = index == 0 or (previous is not None and previous.text in _OPENERS)
        capitalised = token.is_word and token.text[:1].isupper()
        is_title = token.norm in _TITLE_WORDS
        if capitalised and not starts_clause and not is_title and _calendar_word(token.norm) is None:
            names.append(token)
        previous = token
    return names


def _quotes(text: str) -> list[str]:
    return [m.group(1).strip() for m in _QUOTE_RE.finditer(text)]


def _pair_sets(type_: str, a: set[str], b: set[str]) -> list[Divergence]:
    only_a, only_b = a - b, b - a
    if only_a and only_b:
        return [Divergence(type_, ", ".join(sorted(only_a)), ", ".join(sorted(only_b)))]
    return []


def divergences(a_text: str, b_text: str, runs: list[DiffRun]) -> list[Divergence]:
    """Numbers, dates, names and quotations on which two matched sentences disagree."""
    a_tokens, b_tokens = tokens(a_text), tokens(b_text)
    a_words = [t for t in a_tokens if t.is_word]
    b_words = [t for t in b_tokens if t.is_word]
    found = _pair_sets("number", _numbers(a_words), _numbers(b_words))
    found += _pair_sets("date", _dates(a_words), _dates(b_words))

    b_name_norms = [t.norm for t in b_words]
    a_name_norms = [t.norm for t in a_words]
    a_names, b_names = _names(a_tokens), _names(b_tokens)

    def missing(name: Token, other: list[str]) -> bool:
        return not any(is_spelling_variant(name.norm, word) for word in other)

    for run in runs:
        # Long replaced runs are rewording; a name swapped inside a short run is a claim
        # attributed to someone else ("the Foreign Office said" / "the spokesperson said").
        if run.op != "replace" or run.minor:
            continue
        a_run, b_run = a_text[run.a_start : run.a_end], b_text[run.b_start : run.b_end]
        if max(len(a_run.split()), len(b_run.split())) > NAME_RUN_WORDS:
            continue
        lost = [n for n in a_names if run.a_start <= n.start < run.a_end and missing(n, b_name_norms)]
        gained = [n for n in b_names if run.b_start <= n.start < run.b_end and missing(n, a_name_norms)]
        if lost or gained:
            found.append(Divergence("name", a_run, b_run))

    a_quotes, b_quotes = _quotes(a_text), _quotes(b_text)
    if a_quotes and b_quotes:
        b_forms = [normalise(q) for q in b_quotes]
        for quote in a_quotes:
            form = normalise(quote)
            best = max(range(len(b_quotes)), key=lambda i: _similar(form, b_forms[i]))
            other = b_forms[best]
            # A quotation cut short or run on into the next sentence is not a different quote.
            if _similar(form, other) < QUOTE_SIMILARITY and form not in other and other not in form:
                found.append(Divergence("quote", quote, b_quotes[best]))
    return found
