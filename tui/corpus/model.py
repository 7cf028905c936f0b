"""Articles and their sentences, as ingest and segmentation produce them.

``Kind`` lives here because ingest already sets one of them (``BOILERPLATE``); the aligner sets the
others on the same sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Kind(StrEnum):
    """How a sentence relates to the other sources."""

    IDENTICAL = "identical"
    NEAR_IDENTICAL = "near-identical"
    PARAPHRASE = "paraphrase"
    UNIQUE = "unique"
    BOILERPLATE = "boilerplate"


@dataclass(slots=True)
class Sentence:
    """One sentence of an article, as ``article.text[start:end]``."""

    index: int
    start: int
    end: int
    text: str
    boilerplate_reason: str | None = None
    group: int | None = None  # the main claim group (the first of ``groups``)
    groups: list[int] = field(default_factory=list)  # every claim the sentence carries
    kind: Kind = Kind.UNIQUE
    score: float | None = None

    @property
    def boilerplate(self) -> bool:
        """True when the sentence is page clutter rather than article."""
        return self.boilerplate_reason is not None


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """What a file says about its outlet: a display name, an address and a publication time."""

    name: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 as found (a date or a date and time)


@dataclass(slots=True)
class Article:
    """One ingested source: its text as shown and its sentences."""

    id: str
    path: Path
    text: str
    sha256: str
    title: str | None = None
    encoding: str = "utf-8"
    sentences: list[Sentence] = field(default_factory=list)
    meta: SourceMeta = field(default_factory=SourceMeta)

    def content(self) -> list[Sentence]:
        """The sentences that are article rather than boilerplate."""
        return [s for s in self.sentences if not s.boilerplate]
