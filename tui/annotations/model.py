"""Annotations: a label, verdict and note on a span of one source, anchored by quote and position.

An annotation remembers both where it was (start, end) and what it said (the exact quote with 32
characters of context either side), following the W3C Web Annotation model's
TextPositionSelector and TextQuoteSelector. When an article's text changes, ``reanchor`` finds
the same words in the same context again, marks the annotation "changed, check" when only
similar words are there (its quote kept: a verdict was given on those words), or marks it an
orphan; it is never dropped and never put on other words.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

CONTEXT_CHARS = 32
# A quote found only approximately must be at least this similar (0-100) to count as found; it
# is then "changed, check", never silently the same.
FUZZY_MIN_SCORE = 90.0
# Quotes shorter than this ("NATO", "3.5%") occur all over an article: one is never matched
# approximately.
SHORT_QUOTE = 8
# A quote is taken at a new place only when one side of its context is still this similar
# (0-100) to what it was, whatever its length: the same words in another sentence (a repeated
# phrase, a quoted line) are other words. Otherwise deleting a tagged sentence moved its tag,
# verdict and all, onto the same phrase elsewhere. (On the seed articles: wrong places score a
# median 36 and 99% under 80 on their better side; a true place after an edit of up to 40
# characters on one side scores 100 on the other.)
CONTEXT_MIN_SCORE = 80.0
SHORT_QUOTE_CONTEXT_MIN_SCORE = CONTEXT_MIN_SCORE  # the name earlier versions used
# ... and the other side must not be wholly different: unrelated text of the same vocabulary
# scores 30-50, a side with a word or two changed 70 or more. A sentence deleted and another
# put in its place, holding the same phrase at its edge, matches on one side only. Short quotes
# ("13", "NATO") recur most, so they need more. (Measured by tests/test_reanchor_truth.py.)
CONTEXT_FLOOR = 40.0
CONTEXT_FLOOR_SHORT = 50.0

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


# The stored shape of an annotation, besides ``quote`` (exact, prefix, suffix): each field's JSON
# types (bool is not an int here), and the default of the optional ones. ``to_json`` writes it,
# ``from_json`` checks and reads it, for the store and for imports alike.
FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "source": (str,),
    "start": (int,),
    "end": (int,),
    "label": (str,),
    "created": (str,),
    "modified": (str,),
    "verdict": (str, type(None)),
    "note": (str, type(None)),
    "claim": (str, type(None)),
    "group": (int, type(None)),
    "orphan": (bool,),
    "changed": (bool,),
}
OPTIONAL_FIELDS: dict[str, Any] = {
    "verdict": None,
    "note": "",
    "claim": None,
    "group": None,
    "orphan": False,
    "changed": False,
}


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
    # "Changed, check": only similar words are at (start, end) now (a number or a name changed);
    # ``quote`` still holds the words the label and verdict were given on.
    changed: bool = False

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
            "changed": self.changed,
        }

    @classmethod
    def from_json(cls, data: Any) -> Annotation:
        """Parse one stored or imported annotation; ValueError names what is wrong with it."""
        if not isinstance(data, dict):
            raise ValueError("not an object")
        for key, kinds in FIELD_TYPES.items():
            value = data.get(key, OPTIONAL_FIELDS.get(key, ...))
            if (
                value is ...
                or not isinstance(value, kinds)
                or (isinstance(value, bool) and bool not in kinds)
            ):
                raise ValueError(f"{key} is missing or has the wrong type")
        quote = data.get("quote")
        if not isinstance(quote, dict) or not all(
            isinstance(quote.get(k, ""), str) for k in ("prefix", "suffix")
        ):
            raise ValueError("quote must be an object of strings")
        if not isinstance(quote.get("exact"), str):
            raise ValueError("quote has no exact text")
        annotation = cls(
            id=data["id"],
            source=data["source"],
            start=data["start"],
            end=data["end"],
            quote=Quote(quote["exact"], quote.get("prefix", ""), quote.get("suffix", "")),
            label=data["label"],
            created=data["created"],
            modified=data["modified"],
            verdict=data.get("verdict"),
            note=data.get("note") or "",
            claim=data.get("claim"),
            group=data.get("group"),
            orphan=data.get("orphan", False),
            changed=data.get("changed", False),
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


def _context_ratios(text: str, start: int, end: int, quote: Quote) -> tuple[float, float]:
    """How alike (0-100) the text before and after ``[start, end)`` is to the quote's context.

    Like is compared with like: as many characters as the quote kept (none before a first
    sentence, so a line added above it is no evidence against it).
    """
    from rapidfuzz import fuzz

    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    return fuzz.ratio(before, quote.prefix), fuzz.ratio(after, quote.suffix)


def _context_score(text: str, start: int, end: int, quote: Quote) -> float:
    before, after = _context_ratios(text, start, end, quote)
    return (before + after) / 2


def _context_kept(text: str, start: int, end: int, quote: Quote) -> bool:
    """Whether ``[start, end)`` is in the quote's context: one side still CONTEXT_MIN_SCORE alike
    and the other not wholly different (CONTEXT_FLOOR, higher for a short quote)."""
    before, after = _context_ratios(text, start, end, quote)
    floor = CONTEXT_FLOOR_SHORT if end - start < SHORT_QUOTE else CONTEXT_FLOOR
    return max(before, after) >= CONTEXT_MIN_SCORE and min(before, after) >= floor


def find(text: str, annotation: Annotation) -> tuple[int, int, bool] | None:
    """Where the annotation's words are in ``text`` now, and whether they are only similar.

    Tried in order: the same words at the old position, in the same context; the same words
    elsewhere, in the same context (the occurrence whose 32 characters either side match best;
    see ``_context_kept``); for a quote of SHORT_QUOTE characters or more, the best
    approximate match (rapidfuzz, FUZZY_MIN_SCORE or better) in the same context, which is only
    similar (True: "changed, check"). Otherwise None: better an orphan than a wrong place.
    """
    exact = annotation.quote.exact
    if not exact:
        return None
    if text[annotation.start : annotation.end] == exact and (
        text == "" or _context_kept(text, annotation.start, annotation.end, annotation.quote)
    ):
        return annotation.start, annotation.end, False
    occurrences = []
    position = text.find(exact)
    while position >= 0:
        occurrences.append(position)
        position = text.find(exact, position + 1)
    if occurrences:
        best = max(
            occurrences,
            key=lambda p: (
                _context_score(text, p, p + len(exact), annotation.quote),
                -abs(p - annotation.start),
            ),
        )
        if _context_kept(text, best, best + len(exact), annotation.quote):
            return best, best + len(exact), False
    if len(exact) < SHORT_QUOTE:
        return None
    from rapidfuzz import fuzz

    found = fuzz.partial_ratio_alignment(exact, text, score_cutoff=FUZZY_MIN_SCORE)
    # partial_ratio slides the shorter string along the longer: in a text shorter than the quote
    # it finds a piece of the quote (a headline-only page saying "NATO") and scores it 100.
    if found is None or fuzz.ratio(exact, text[found.dest_start : found.dest_end]) < FUZZY_MIN_SCORE:
        return None
    start, end = found.dest_start, found.dest_end
    if text[start:end] == exact or not _context_kept(text, start, end, annotation.quote):
        return None  # the same words in another context were refused above
    return start, end, True


def locate(text: str, annotation: Annotation) -> tuple[int, int] | None:
    """Where the annotation's words (or similar words, see ``find``) are in ``text``, or None."""
    found = find(text, annotation)
    return None if found is None else (found[0], found[1])


def reanchor(text: str, annotation: Annotation) -> Annotation:
    """The annotation where its words are in ``text`` now, "changed, check", or an orphan.

    Found verbatim, the quote's context is taken afresh from ``text`` (the next change is
    compared with this one); its words are the same. Found only approximately, the annotation
    moves to the similar words but keeps its quote, flagged ``changed``: the label and verdict
    were given on the old words, and a person must check them. Not found: an orphan, with its
    old position and quote.
    """
    found = find(text, annotation)
    if found is None:
        return annotation if annotation.orphan else replace(annotation, orphan=True)
    start, end, similar = found
    if similar:
        if (
            (start, end) == (annotation.start, annotation.end)
            and annotation.changed
            and not annotation.orphan
        ):
            return annotation
        return replace(annotation, start=start, end=end, orphan=False, changed=True)
    quote = Quote.at(text, start, end)
    current = (start, end, quote, False, False)
    if current == (annotation.start, annotation.end, annotation.quote, annotation.orphan, annotation.changed):
        return annotation
    return replace(annotation, start=start, end=end, orphan=False, changed=False, quote=quote)


@dataclass(slots=True)
class Change:
    """One user action: annotations before and after (None where one did not exist)."""

    description: str
    before: list[Annotation | None] = field(default_factory=list)
    after: list[Annotation | None] = field(default_factory=list)
