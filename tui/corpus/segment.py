"""Sentence segmentation with exact offsets, using pySBD.

pySBD decides where sentences end; this module turns its output into spans of the original text
so that ``text[start:end]`` is always the sentence and every non-space character falls in exactly
one span, whatever pySBD returns.
"""

from __future__ import annotations

import itertools
import re
import threading
from typing import Any

from tui.corpus.hard_wrap import OPEN_END_RE, double_spaced_breaks, wrapped_lines
from tui.corpus.page_clutter import line_rule
from tui.corpus.sentence_joins import (
    CLOCK_END_RE,
    TIME_ZONE_RE,
    Span,
    attributions_apart,
    date_apart,
    rejoined,
)

# pySBD's regexes slow down badly on very long runs without punctuation, so long paragraphs are
# cut at a space into pieces of about this size first.
MAX_BLOCK_CHARS = 4000

_TERMINAL_RE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A list item's bullet or number (not a year: "on May 5," / "2010. The company ...").
_BULLET_START_RE = re.compile(r"^\s*([*•·▪-]|\d{1,2}[.)])\s")
_CAMEL_START_RE = re.compile(r"[a-z]{1,2}[A-Z]")
_WORD_RE = re.compile(r"\w")
_ANY_END_RE = re.compile(r"[.!?…]")
_FURNITURE_MAX_WORDS = 3
# A sentence end with the space lost in copying ("the top job.During the meeting", "magnitude
# 5.8.Both quakes"): two lower-case letters or a number of two figures (or a closing quote after
# them) before the mark and a capitalised word right after. "U.S.", "Feb. 3", "No.5", "3.5",
# initials, "1.Introduction" and most web addresses do not have that shape.
# The mark is matched first and the word before it looked at after: led by the look-behinds,
# the pattern was tried at every character of every sentence (a 20 MB text: 1.8 s, now 0.15 s).
_GLUED_END_RE = re.compile(r"[.!?](?:(?<=[a-z]{2}.)|(?<=\d\d.)|(?<=\d\.\d.))[\"'”’)]?(?=[A-Z][a-z]{1,}\b)")
_FAST_END_RE = re.compile(r"[.!?…][\"'”’)\]]*(?=\s+[\"“‘(]?[A-Z0-9])")

# pySBD takes about 3 ms per kB of news text. Past this size (a 2 MB page is a book, or a dump)
# sentence ends come from a plain rule instead, so a 20 MB file loads in seconds, not minutes.
LARGE_TEXT_CHARS = 2_000_000
NO_END_SKIP_CHARS = 1000

_local = threading.local()

# Most news paragraphs are *easy*: every sentence mark ends a sentence, after a word of two letters
# or digits or more (in any case: "NATO.", or a quotation's last word: 'a "deal".') and before a
# space and a capital letter, which may open a quotation ('said. "We'), or the paragraph's end;
# "U.S." and "J. Smith" do not have that shape. (The word is matched from its start, ``\b``: from
# every letter of it, as before, the pattern cost more than pySBD saved on some paragraphs.)
# pySBD (about 3 ms per kB) is kept for the *hard* ones: abbreviations, initials, decimals,
# ellipses, a mark before lower case, or inside quotation marks, brackets. On easy paragraphs both
# give the same spans (checked on every text in the repository and the Golden Rules:
# tests/unit/corpus/test_segment.py), at a fraction of the cost.
_MARK_RE = re.compile(r"[.!?…]")
_EASY_END_RE = re.compile(r"\b(\w+)(?<=[A-Za-z0-9]{2})[\"”]?[.!?](?=\s+[\"“]?[A-Z]|\s*$)")
# Brackets ("(AP) Text" splits, and lists like "1) … 2) …").
_HARD_RE = re.compile(r"[()\[\]]")
# Quotation marks (and "--" dashes): pySBD keeps the sentence marks between two of them, so a
# paragraph is easy only when none of its sentence ends lies between its first and last one. With
# a single quotation mark in it ("'90", "students'", "‘yes’"), every apostrophe counts as one:
# pySBD may close a single quotation at the apostrophe of "It's".
_QUOTE_RE = re.compile(r"[\"“”„«»]|--")
_SINGLE_QUOTE_RE = re.compile(r"‘|(?<!\w)['’]|['’](?![A-Za-z])")
_APOSTROPHE_RE = re.compile(r"['’‘]")


def _segmenter() -> Any:  # pysbd.Segmenter; pySBD ships no type hints
    # pySBD keeps per-call state on the instance, so each thread gets its own.
    segmenter = getattr(_local, "segmenter", None)
    if segmenter is None:
        import pysbd

        from tui.corpus.sbd_abbreviations import fast_english

        segmenter = pysbd.Segmenter(language="en", clean=False)
        # pySBD's English with its abbreviation search made cheaper: the same sentences.
        segmenter.language_module = fast_english()
        _local.segmenter = segmenter
    return segmenter


def warm_up() -> None:
    """Load pySBD and compile its rules here, before worker processes are forked from this one."""
    _pysbd_segment(_segmenter(), "Mr. J. Smith paid $3.5 million (U.S.) for it... Then he left.")
    _abbreviations()


def _pysbd_segment(segmenter: Any, block: str) -> list[str]:
    r"""``segmenter.segment(block)`` (pySBD 0.3, ``clean=False``), with its last step done by
    string search.

    pySBD finds each sentence it made back in the text with a regular expression built from that
    sentence (``re.escape(sentence) + r"\s*"``): thousands of one-off patterns that cost more to
    compile than the rest of pySBD, and that push its own rule patterns out of ``re``'s cache so
    those are compiled again and again. ``str.find`` gives the same matches: the first
    non-overlapping occurrence, with the whitespace after it, that ends past the previous one.
    """
    if not block:
        return []
    sentences = segmenter.processor(block).process()
    found = []
    prior_end = 0
    for sentence in sentences:
        if not sentence:
            return list(segmenter.segment(block))  # an empty pattern matches anywhere: pySBD decides
        start = block.find(sentence)
        while start >= 0:
            end = start + len(sentence)
            while end < len(block) and block[end].isspace():
                end += 1
            if end > prior_end:
                found.append(block[start:end])
                prior_end = end
                break
            start = block.find(sentence, end)
    return found


def join_broken_lines(text: str) -> str:
    """Replace line breaks that fall inside a sentence with spaces (same length, same offsets).

    A break is inside a sentence when the line does not end a sentence and the next line
    starts in lower case, or the line ends with a comma, a semicolon, "the" or "of" (and,
    on a page wrapped and then double-spaced, past the blank line: ``double_spaced_breaks``).
    """
    pieces = []
    start = position = 0
    lines = text.split("\n")
    wrapped = wrapped_lines(lines)
    double_spaced = double_spaced_breaks(lines)
    for number, (line, following) in enumerate(itertools.pairwise(lines)):
        position += len(line)
        # The line's break and the blank line's after it, on a double-spaced wrapped page.
        inside = number in double_spaced or number - 1 in double_spaced
        if not inside and line.strip() and following.strip():
            first = following.lstrip()[:1]
            if _BULLET_START_RE.match(following):
                # A bulleted list whose items end with commas ("• the governor vetoes the bill,")
                # is a list: each item is a sentence of its own.
                inside = False
            elif not _TERMINAL_RE.search(line):
                # A brand written in camel case ("iReport.com: Send your photos") starts a line.
                lower = first.islower() and not _CAMEL_START_RE.match(following.lstrip())
                open_end = OPEN_END_RE.search(line) is not None
                inside = bool(lower or open_end or number in wrapped)
                # A player's "please wait" under a video's title is the page's, not the title's end;
                # after "according to" the next line ends the sentence, even a bare "AP.".
                inside = inside and (open_end or not _furniture_alone(following))
            else:  # "at 3:44 a.m." / "EDT." on the next line
                clock = CLOCK_END_RE.search(line.rstrip())
                inside = bool(clock and TIME_ZONE_RE.match(following.lstrip()))
        if inside:
            pieces.append(text[start:position])
            start = position + 1
        position += 1
    if not pieces:
        return text
    pieces.append(text[start:])
    return " ".join(pieces)


def _furniture_alone(line: str) -> bool:
    """Is a short line page furniture on its own ("please wait", "loading...")?"""
    return len(line.split()) <= _FURNITURE_MAX_WORDS and line_rule(line) is not None


def _pieces(block: str) -> list[str]:
    """Cut an over-long block at spaces so pySBD never sees more than MAX_BLOCK_CHARS."""
    if len(block) <= MAX_BLOCK_CHARS:
        return [block]
    pieces = []
    while len(block) > MAX_BLOCK_CHARS:
        cut = block.rfind(" ", MAX_BLOCK_CHARS // 2, MAX_BLOCK_CHARS)
        if cut <= 0:
            cut = MAX_BLOCK_CHARS
        pieces.append(block[:cut])
        block = block[cut:]
    pieces.append(block)
    return pieces


def _fast_cuts(block: str) -> list[int]:
    """Sentence ends by a plain rule (terminal mark, space, capital or quote), for huge texts."""
    return [match.end() for match in _FAST_END_RE.finditer(block)]


def _abbreviations() -> frozenset[str]:
    abbreviations = getattr(_local, "abbreviations", None)
    if abbreviations is None:
        from pysbd.lang.english import English

        abbreviations = frozenset(English.Abbreviation.ABBREVIATIONS)
        _local.abbreviations = abbreviations
    return abbreviations


def _exclamation_words() -> tuple[str, ...]:
    words = getattr(_local, "exclamation_words", None)
    if words is None:
        from pysbd.exclamation_words import ExclamationWords

        words = _local.exclamation_words = tuple(ExclamationWords.EXCLAMATION_WORDS)
    return words


def _easy_cuts(block: str) -> list[int] | None:
    """Sentence ends of an easy block (see ``_EASY_END_RE``), or None when pySBD must decide."""
    ends = list(_EASY_END_RE.finditer(block))
    if len(ends) != len(_MARK_RE.findall(block)):
        return None  # a mark that is not a plain sentence end: "U.S.", "3.5", "Mr.", "…"
    abbreviations = _abbreviations()
    if any(end.group(1).lower() in abbreviations for end in ends):
        return None  # "Gen. Smith", "Jan. 3": pySBD knows these
    if _HARD_RE.search(block):
        return None
    if "!" in block and any(word in block for word in _exclamation_words()):
        return None  # "via Yahoo! News.": pySBD knows the names that end with "!"
    quotes = [match.start() for match in _QUOTE_RE.finditer(block)]
    if _SINGLE_QUOTE_RE.search(block):
        quotes = sorted(quotes + [match.start() for match in _APOSTROPHE_RE.finditer(block)])
    if quotes and (
        any(quotes[0] < end.end() - 1 < quotes[-1] for end in ends)
        # A paragraph that opens with a quotation: pySBD may end a sentence after it.
        or quotes[0] == len(block) - len(block.lstrip())
    ):
        return None  # a sentence end that may be inside a quotation
    return [end.end() for end in ends]


def _cuts(block: str, fast: bool = False) -> list[int]:
    """Offsets inside ``block`` where pySBD ends a sentence."""
    if len(block) > NO_END_SKIP_CHARS and not _ANY_END_RE.search(block):
        # A long run with no sentence-ending mark (a scraped dump): pySBD would take seconds to
        # find nothing. Short ones still go to pySBD, which also splits lists like "1) … 2) …".
        return []
    if fast:
        return _fast_cuts(block)
    easy = _easy_cuts(block)
    if easy is not None:
        return easy
    cuts = []
    cursor = 0
    try:
        pieces = _pysbd_segment(_segmenter(), block)
    except (ValueError, IndexError, re.error):
        # pySBD fails on a few odd inputs ("\x1c0. . ."): the plain rule still ends sentences.
        return _fast_cuts(block)
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = block.find(piece, cursor)
        if found < 0:
            # pySBD changed the text (it sometimes does with odd spacing): stop trusting it here;
            # the rest of the block stays one sentence rather than getting wrong offsets.
            break
        cursor = found + len(piece)
        cuts.append(cursor)
    return cuts


def _unglued(text: str, start: int, end: int, paragraph: int) -> list[Span]:
    """One span, split where a sentence end lost its following space."""
    spans = []
    for match in _GLUED_END_RE.finditer(text, start, end):
        word_start = max(text.rfind(" ", start, match.start()), text.rfind("\n", start, match.start())) + 1
        word_end = min(i for i in (text.find(" ", match.end(), end), end) if i >= 0)
        if any(mark in text[word_start:word_end] for mark in ("@", "/", "www.")):
            continue  # an e-mail or web address ("Jane.Doe@example.com")
        if match.end() - start > 1:
            spans.append(Span(start, match.end(), paragraph))
            start = match.end()
    spans.append(Span(start, end, paragraph))
    return spans


def split_sentences(text: str, joined: str | None = None) -> list[Span]:
    """Sentences of ``text`` as spans, in reading order.

    Paragraphs are lines once broken lines are joined (``joined``: ``join_broken_lines(text)``,
    when the caller has it already); no sentence crosses a paragraph.
    """
    if joined is None:
        joined = join_broken_lines(text)
    fast = len(text) > LARGE_TEXT_CHARS
    spans: list[Span] = []
    offset = 0
    for paragraph, line in enumerate(joined.split("\n")):
        piece_offset = offset
        for piece in _pieces(line):
            bounds = [0, *_cuts(piece, fast), len(piece)] if piece.strip() else []
            for begin, end in itertools.pairwise(bounds):
                chunk = piece[begin:end]
                stripped = chunk.strip()
                if not stripped:
                    continue
                start = piece_offset + begin + (len(chunk) - len(chunk.lstrip()))
                end = start + len(stripped)
                if spans and spans[-1].paragraph == paragraph and not _WORD_RE.search(stripped):
                    # A stray closing quote or bracket that pySBD left alone belongs to the
                    # sentence before it.
                    spans[-1] = Span(spans[-1].start, end, paragraph)
                else:
                    spans.extend(_unglued(text, start, end, paragraph))
            piece_offset += len(piece)
        offset += len(line) + 1
    # The stamp comes apart first, so that a dateline behind it rejoins its dash (" date
    # 2022-09-24 MORGANTOWN, W.Va." / "– Leaders ...").
    return rejoined(text, date_apart(text, attributions_apart(text, spans)))
