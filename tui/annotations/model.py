"""Annotations: a label, verdict and note on a span of one source, anchored by quote and position.

An annotation remembers both where it was (start, end) and what it said (the exact quote with 32
characters of context either side), following the W3C Web Annotation model's
TextPositionSelector and TextQuoteSelector. When an article's text changes, ``reanchor`` finds
the quote again or marks the annotation an orphan; it is never dropped.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

CONTEXT_CHARS = 32
# A quote found only approximately must be at least this similar (0-100) to count as found.
FUZZY_MIN_SCORE = 90.0
# Quotes shorter than this ("NATO", "3.5%") occur all over an article: one is never matched
# approximately, and is taken at a new place only when one side of its context is still this
# similar (0-100) to what it was. Otherwise deleting its own words would move it, verdict and
# all, onto the same word in another sentence. (On the seed articles: wrong places score a
# median 36 and 99% under 80 on their better side; a true place after an edit of up to 40
# characters on one side scores 100 on the other.)
SHORT_QUOTE = 8
SHORT_QUOTE_CONTEXT_MIN_SCORE = 80.0

DEFAULT_LABELS = ("claim", "quote", "number", "attribution", "opinion", "context")
VERDICTS = ("supported", "contradicted", "misleading", "unverified")


def now() -> str:
    """The current UTC time in ISO 8601 with a Z suffix, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_id() -> str:
    """A stable, unique annotation id."""
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class Quote:
    """The annotated text and its surroundings (a W3C TextQuoteSelector)."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def at(cls, text: str, start: int, end: int) -> Quote:
        """The quote of ``text[start:end]`` with its context."""
        return cls(
            text[start:end], text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]
        )


@dataclass(frozen=True, slots=True)
class Annotation:
    """One tag on a span of one source."""

    id: str
    source: str
    start: int
    end: int
    quote: Quote
    label: str
    created: str
    modified: str
    verdict: str | None = None
    note: str = ""
    claim: str | None = None  # linked-claim id shared by the annotations of one claim group
    group: int | None = None  # the claim group the sentence was in when tagged
    orphan: bool = False

    def to_json(self) -> dict[str, Any]:
        """The store's representation (keys sorted on write)."""
        return {
            "id": self.id,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "quote": {"exact": self.quote.exact, "prefix": self.quote.prefix, "suffix": self.quote.suffix},
            "label": self.label,
            "verdict": self.verdict,
            "note": self.note,
            "claim": self.claim,
            "group": self.group,
            "created": self.created,
            "modified": self.modified,
            "orphan": self.orphan,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Annotation:
        """Parse one stored annotation; raises KeyError/TypeError/ValueError on a wrong shape."""
        quote = data["quote"]
        annotation = cls(
            id=str(data["id"]),
            source=str(data["source"]),
            start=int(data["start"]),
            end=int(data["end"]),
            quote=Quote(str(quote["exact"]), str(quote.get("prefix", "")), str(quote.get("suffix", ""))),
            label=str(data["label"]),
            created=str(data["created"]),
            modified=str(data["modified"]),
            verdict=data.get("verdict"),
            note=str(data.get("note") or ""),
            claim=data.get("claim"),
            group=data.get("group"),
            orphan=bool(data.get("orphan", False)),
        )
        if annotation.verdict is not None and annotation.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {annotation.verdict!r}")
        if not 0 <= annotation.start <= annotation.end:
            raise ValueError(f"bad position {annotation.start}-{annotation.end}")
        return annotation

    def edited(self, **changes: Any) -> Annotation:
        """A copy with ``changes`` and a new modified time."""
        return replace(self, modified=now(), **changes)


def create(
    text: str,
    source: str,
    start: int,
    end: int,
    label: str,
    *,
    claim: str | None = None,
    group: int | None = None,
) -> Annotation:
    """A new annotation on ``text[start:end]`` of ``source``."""
    stamp = now()
    return Annotation(
        new_id(),
        source,
        start,
        end,
        Quote.at(text, start, end),
        label,
        stamp,
        stamp,
        claim=claim,
        group=group,
    )


def _context_score(text: str, start: int, end: int, quote: Quote) -> float:
    from rapidfuzz import fuzz

    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return (fuzz.ratio(before, quote.prefix) + fuzz.ratio(after, quote.suffix)) / 2


def _context_kept(text: str, start: int, end: int, quote: Quote) -> bool:
    """Whether the text before or after ``[start, end)`` is still much like the quote's."""
    from rapidfuzz import fuzz

    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return max(fuzz.ratio(before, quote.prefix), fuzz.ratio(after, quote.suffix)) >= (
        SHORT_QUOTE_CONTEXT_MIN_SCORE
    )


def locate(text: str, annotation: Annotation) -> tuple[int, int] | None:
    """Where the annotation's quote is in ``text`` now, or None if it is gone.

    Tried in order: the old position; the only exact occurrence; among several exact
    occurrences, the one whose surroundings match best; the best approximate match of the
    quote (rapidfuzz), accepted only at FUZZY_MIN_SCORE or better. A quote shorter than
    SHORT_QUOTE characters is never matched approximately, and moves to an exact occurrence
    only when one side of its context is still there: better an orphan than a wrong place.
    """
    exact = annotation.quote.exact
    if not exact:
        return None
    if text[annotation.start : annotation.end] == exact:
        return annotation.start, annotation.end
    occurrences = []
    position = text.find(exact)
    while position >= 0:
        occurrences.append(position)
        position = text.find(exact, position + 1)
    if occurrences:
        best = occurrences[0]
        if len(occurrences) > 1:
            best = max(
                occurrences,
                key=lambda p: (
                    _context_score(text, p, p + len(exact), annotation.quote),
                    -abs(p - annotation.start),
                ),
            )
        if len(exact) < SHORT_QUOTE and not _context_kept(text, best, best + len(exact), annotation.quote):
            return None
        return best, best + len(exact)
    if len(exact) < SHORT_QUOTE:
        return None
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(exact, text, score_cutoff=FUZZY_MIN_SCORE)
    # partial_ratio slides the shorter string along the longer: in a text shorter than the quote
    # it finds a piece of the quote (a headline-only page saying "NATO") and scores it 100.
    if found is None or fuzz.ratio(exact, text[found.dest_start : found.dest_end]) < FUZZY_MIN_SCORE:
        return None
    return found.dest_start, found.dest_end


def reanchor(text: str, annotation: Annotation) -> Annotation:
    """The annotation moved to where its quote is in ``text`` now, or marked an orphan.

    The quote is taken afresh from ``text`` (its words after an approximate match, its context
    after edits nearby) so that it describes the text as it is: the next change is compared
    with this one, and an exported selector matches the article.
    """
    place = locate(text, annotation)
    if place is None:
        return annotation if annotation.orphan else replace(annotation, orphan=True)
    start, end = place
    quote = Quote.at(text, start, end)
    if (start, end, quote) == (annotation.start, annotation.end, annotation.quote) and not annotation.orphan:
        return annotation
    return replace(annotation, start=start, end=end, orphan=False, quote=quote)


@dataclass(slots=True)
class Change:
    """One user action: annotations before and after (None where one did not exist)."""

    description: str
    before: list[Annotation | None] = field(default_factory=list)
    after: list[Annotation | None] = field(default_factory=list)
