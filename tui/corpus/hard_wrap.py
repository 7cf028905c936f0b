"""Text wrapped at a fixed width: which line breaks fall inside a sentence.

Wire copy, press releases and mailing-list texts are often pasted with a line break every 60-80
characters. ``tui.corpus.segment`` joins such a line to the next one even when the next starts
with a capital or a digit, which it never does for an ordinary line.
"""

from __future__ import annotations

import re

from tui.corpus.text import ends_sentence

# Text wrapped at a fixed width (a press release, a mailing-list copy) fills each line greedily:
# the next line's first word would not have fitted on it. A sentence then goes on past a line
# break even when the next line starts with a capital ("for NASA's" / "Commercial Orbital ...").
_WRAP_MAX_CHARS = 100
_WRAP_MIN_CHARS = 50
_WRAP_MIN_LINES = 3
_PAGE_WRAP_MIN_LINES = 6
_WRAP_SLACK_CHARS = 6
_BULLET_RE = re.compile(r"^\s*([*•·>-]|\d+[.)])\s")
# Lines a sentence never ends on: a comma, a semicolon, "the" or "of" ("you won the"). (Not "a":
# a teaser cut short, "More than 200 wildfires a", stands over a caption.)
# A line ending with a comma or a word no sentence ends with ("the", "of", "an", "to", "and": a page
# that broke "according to / AP." or "An / Air France spokesperson ...").
OPEN_END_RE = re.compile(r"([,;][\"'”’)\]]*|(?<![\w'’-])(the|The|THE|of|an|An|to|and))\s*$")
_DOUBLE_WRAP_MIN_BREAKS = 2


def wrapped_lines(lines: list[str]) -> set[int]:
    """Numbers of the lines that a fixed-width wrap broke (the next line goes on the sentence)."""
    blocks = _blocks(lines)
    broken: set[int] = set()
    for block in blocks:
        width = max(len(lines[n].rstrip()) for n in block)
        if len(block) >= _WRAP_MIN_LINES and _WRAP_MIN_CHARS <= width <= _WRAP_MAX_CHARS:
            full = [n for n in block[:-1] if _filled(lines[n], lines[n + 1], width) and _may_join(lines, n)]
            # Wrapped prose breaks mid-sentence, so some lines go on in lower case; a list of
            # teasers or headlines of like length never does.
            if len(full) >= _WRAP_MIN_LINES and 3 * _lower_after(lines, full) >= len(full):
                broken.update(full)
    return broken | _page_wrapped(lines, blocks)


def double_spaced_breaks(lines: list[str]) -> set[int]:
    """Numbers of the lines that go on past a blank line: text wrapped at a width and then
    double-spaced ("... you won the" / "" / "Nobel Peace Prize, and ..."), which splits sentences
    into paragraphs. A page shows it by going on in lower case after a blank line more than once
    (once is a label and its value, "Published" / "on"); then a line that ends on a comma,
    "the" or "of" goes on too, whatever case the next one starts in."""
    breaks = [
        n
        for n in range(len(lines) - 2)
        if lines[n].strip()
        and not lines[n + 1].strip()
        and lines[n + 2].strip()
        and not ends_sentence(lines[n].strip())
        and not _heading(lines[n])
        and not _BULLET_RE.match(lines[n + 2])
    ]
    lower = [n for n in breaks if lines[n + 2].lstrip()[:1].islower()]
    if len(lower) < _DOUBLE_WRAP_MIN_BREAKS:
        return set()
    return set(lower) | {n for n in breaks if OPEN_END_RE.search(lines[n])}


def _page_wrapped(lines: list[str], blocks: list[list[int]]) -> set[int]:
    """Lines broken by a wrap of the whole page at one width.

    A paragraph of two or three lines is too little evidence on its own, and a wrapper's width
    is often a few characters off the longest line left (a dateline edited after wrapping: "July
    25 (Reuters) - At least" / "56 people were killed"). When most lines of the page's paragraphs
    are filled to one width, a line of a paragraph that comes near it goes on the sentence, if the
    paragraph reads as wrapped prose itself: a list, a poem, an address or a standfirst over its
    byline, whose lines also come near the width, do not.
    """
    inner = [n for block in blocks if len(block) >= 2 for n in block[:-1]]
    if len(inner) < _PAGE_WRAP_MIN_LINES:
        return set()
    lengths = [len(lines[n].rstrip()) for n in inner]
    width = max(length for length in (*lengths, 0) if length <= _WRAP_MAX_CHARS)
    if width < _WRAP_MIN_CHARS or sum(length > _WRAP_MAX_CHARS for length in lengths) * 10 > len(inner):
        return set()
    full = [n for n in inner if _filled(lines[n], lines[n + 1], width)]
    if 2 * len(full) < len(inner) or 3 * _lower_after(lines, full) < len(full):
        return set()
    near = width - max(_WRAP_SLACK_CHARS, width // 8)
    broken: set[int] = set()
    for block in blocks:
        if len(block) == 2 and not ends_sentence(lines[block[-1]].strip()):
            continue  # two lines that end no sentence: a standfirst and its byline, a name and title
        if len(block) >= 3 and not _lower_after(lines, block[:-1]):
            continue  # no line goes on in lower case: a list, a poem, an address, a schedule
        broken.update(
            n for n in block[:-1] if near <= len(lines[n].rstrip()) <= width and _may_join(lines, n)
        )
    return broken


def _may_join(lines: list[str], number: int) -> bool:
    """May line ``number`` go on into the next? Not a heading (capitals or title case), nor
    before a bullet, nor a bullet before a line in capitals (the next item or the story)."""
    line, following = lines[number], lines[number + 1]
    if _heading(line) or _BULLET_RE.match(following):
        return False
    return not (_BULLET_RE.match(line) and following.lstrip()[:1].isupper())


def _lower_after(lines: list[str], numbers: list[int]) -> int:
    """How many of the lines after ``numbers`` start in lower case."""
    return sum(lines[n + 1].lstrip()[:1].islower() for n in numbers)


def _blocks(lines: list[str]) -> list[list[int]]:
    """Runs of non-blank lines (paragraphs of a wrapped text), as line numbers."""
    blocks: list[list[int]] = []
    block: list[int] = []
    for number, line in enumerate(lines):
        if line.strip():
            block.append(number)
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    return blocks


def _heading(line: str) -> bool:
    words = [word for word in line.split() if word[:1].isalpha()]
    return line.isupper() or (len(words) >= 2 and all(word[:1].isupper() for word in words))


def _filled(line: str, following: str, width: int) -> bool:
    """Would the next line's first word have made ``line`` longer than the wrap ``width``?"""
    return len(line.rstrip()) + 1 + len(following.split()[0]) > width
