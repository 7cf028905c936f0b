"""Boxes beside the article: runs of short lines that hold clutter (a pull quote and its
speaker, a picture's caption), told from an article's own header printed in a block."""

from __future__ import annotations

import itertools

from tui.corpus.clutter_page import Page, clutter, mark

_SIDEBAR_MIN_LINES = 3

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
