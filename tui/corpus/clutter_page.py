"""One article's lines as the clutter rules see them: each line's sentences and their reasons
(``None`` for content), and where the headline, the body and its last paragraph sit."""

from __future__ import annotations

from collections.abc import Sequence

from tui.corpus.text import ends_sentence, without_store_date

Reasons = list[list[str | None]]
# The reasons a picture's lines carry: its credit, placeholder or file name, and its caption.
CREDITS = {"photo credit", "photo placeholder", "photo file name"}
CAPTIONS = CREDITS | {"photo caption", "map caption"}


def clutter(reasons: list[str | None]) -> bool:
    return bool(reasons) and all(reasons)


def reason_of(reasons: list[str | None]) -> str | None:
    return reasons[0] if clutter(reasons) else None


def mark(reasons: list[str | None], reason: str) -> None:
    for index, current in enumerate(reasons):
        if current is None:
            reasons[index] = reason


class Page:
    """The lines of one article with their sentences and reasons, and lookups around a line."""

    def __init__(self, lines: Sequence[str], sentences: Sequence[Sequence[str]], reasons: Reasons) -> None:
        self.lines, self.sentences, self.reasons = lines, sentences, reasons
        self.filled = [i for i, line in enumerate(lines) if line]
        self.ends = [ends_sentence(line) for line in lines]  # computed once: every rule asks
        # Words as the page shows them: a page store's date before the first line is not a word of it.
        self.words = [len(without_store_date(line).split()) for line in lines]
        self.rank = {line: rank for rank, line in enumerate(self.filled)}
        self.headline = self.body = self.tail = -1
        self.find_headline()

    def find_headline(self) -> None:
        """The headline: the first line of four words or more that is not clutter and ends no
        sentence; the body and its tail: the first and last lines that are prose (a sentence of
        some length)."""
        lines, reasons = self.lines, self.reasons
        # Four words at least: a one-word section label or a kicker above it is not the headline.
        self.headline = next(
            (i for i in self.filled if not clutter(reasons[i]) and not self.ends[i] and self.words[i] >= 4),
            -1,
        )
        self.tail = next(
            (
                i
                for i in reversed(self.filled)
                if not clutter(reasons[i]) and self.ends[i] and self.words[i] >= 12
            ),
            -1,
        )
        self.body = next(
            (i for i in self.filled if not clutter(reasons[i]) and self.ends[i] and self.words[i] >= 12),
            len(lines),
        )

    def title_over_body(self) -> int | None:
        """The line of four words or more that ends no sentence nearest above the article's first
        paragraph, over short lines only (a source, a date, a byline): the article's own headline
        when the page's menu came first and was taken for it."""
        index = self.neighbour(self.body, -1) if 0 <= self.body < len(self.lines) else None
        for _ in range(4):  # a source line, a date and a byline at most
            if index is None:
                return None
            if self.words[index] >= 4:
                return None if self.ends[index] else index
            index = self.neighbour(index, -1)
        return None

    def neighbour(self, index: int, step: int) -> int | None:
        rank = self.rank[index] + step
        return self.filled[rank] if 0 <= rank < len(self.filled) else None

    def reason_at(self, index: int | None) -> str | None:
        return None if index is None else reason_of(self.reasons[index])

    def open(self, index: int) -> bool:
        """A line a context rule may mark: some sentence unmarked, and not the headline nor a copy
        of it (a gallery page prints its headline again among the captions)."""
        if clutter(self.reasons[index]) or index == self.headline:
            return False
        return self.headline < 0 or self.lines[index].strip() != self.lines[self.headline].strip()
