"""Boxes beside the article: runs of short lines that hold clutter (a pull quote and its
speaker, a picture's caption), told from an article's own header printed in a block; a gallery's
run of labelled captions; a menu's run of bulleted one-word links."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from tui.corpus.clutter_page import Page, clutter, mark

_SIDEBAR_MIN_LINES = 3
CAPTION_MAX_WORDS = 80  # a picture's caption, credit included, is shorter than this
# A gallery caption's label: "Tragic: ", "The scene: " (a word or two, then a capital).
_LABELLED_CAPTION_RE = re.compile(r"^\s*[A-Z][\w'’-]*( [\w'’-]+)?: [A-Z‘“'\"]")
# A list item's bullet and one or two words: "• Local", "• Community" (a menu, a box's links).
_BULLETED_LABEL_RE = re.compile(r"^\s*[•·▪*]\s+\S+( \S+)?\s*$")
_BULLETED_LABEL_RUN = 3

# A run with a byline or a time stamp in it is an article's header (headline, byline, date) that
# the page prints below a forum post or after the text, not a box beside the article.
_ARTICLE_HEADER = frozenset({"byline", "timestamp"})


def _article_header(page: Page, run: list[int]) -> bool:
    """Is a run of short lines an article's header: a headline over its byline or stamp? A box of
    related stories also holds stamps, but one under each of its headlines."""

    def stamped(index: int) -> bool:
        return bool(_ARTICLE_HEADER & set(page.reasons[index]))

    dated = sum(not clutter(page.reasons[a]) and stamped(b) for a, b in itertools.pairwise(run))
    return any(stamped(index) for index in run) and dated <= 1


def sidebars(page: Page) -> None:
    """In the body, three or more lines in a row without a blank line or a sentence end, one of
    them clutter, are a box beside the article (a pull quote, its speaker, a picture's caption)."""
    run: list[int] = []
    for index in [*range(page.body + 1, len(page.lines)), len(page.lines)]:
        line = page.lines[index] if index < len(page.lines) else ""
        if line and not page.ends[index] and page.words[index] <= 25:
            run.append(index)
            continue
        if (
            len(run) >= _SIDEBAR_MIN_LINES
            and any(clutter(page.reasons[i]) for i in run)
            and not _article_header(page, run)
            # a list the story introduces ("Confirmed victims:"), not a box beside it
            and not page.lines[run[0]].rstrip().endswith(":")
        ):
            for member in run:
                mark(page.reasons[member], "sidebar")
        run = []


def _runs(page: Page, member: Callable[[int], bool]) -> list[list[int]]:
    """The runs of neighbouring filled lines (blank lines apart at most) that ``member`` accepts."""
    runs: list[list[int]] = []
    for index in page.filled:
        if not member(index):
            continue
        if runs and page.neighbour(runs[-1][-1], 1) == index:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def labelled_captions(page: Page) -> None:
    """Two or more captions in a row that each open with a one- or two-word label and a colon and
    end no sentence ("Tragic: The singer's body is taken from her home", "The scene: Crowds outside
    the flat") are a gallery's captions. One such line alone may be a kicker over a headline."""
    for run in _runs(page, lambda index: index > page.headline >= 0 and _labelled_caption(page, index)):
        if len(run) >= 2:
            for index in run:
                mark(page.reasons[index], "photo caption")


def _labelled_caption(page: Page, index: int) -> bool:
    line = page.lines[index].rstrip()
    return (
        page.open(index)
        and not page.ends[index]
        and not line.endswith(("?", ":"))
        and page.words[index] <= CAPTION_MAX_WORDS
        and _LABELLED_CAPTION_RE.match(line) is not None
    )


def bulleted_labels(page: Page) -> None:
    """Three or more bulleted items in a row of one or two words each ("• Local", "• Community",
    "• Journalism") are a menu or a box's links: a story's list says something in each item."""
    bulleted = _runs(
        page, lambda index: bool(_BULLETED_LABEL_RE.match(page.lines[index])) and not page.ends[index]
    )
    for run in bulleted:
        if len(run) >= _BULLETED_LABEL_RUN:
            for index in run:
                if page.open(index):
                    mark(page.reasons[index], "navigation")
