"""The data the core produces: articles, sentences, claim groups and pair comparisons."""

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
    group: int | None = None
    kind: Kind = Kind.UNIQUE
    score: float | None = None

    @property
    def boilerplate(self) -> bool:
        """True when the sentence is page clutter rather than article."""
        return self.boilerplate_reason is not None


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

    def content(self) -> list[Sentence]:
        """The sentences that are article rather than boilerplate."""
        return [s for s in self.sentences if not s.boilerplate]


@dataclass(frozen=True, slots=True)
class Member:
    """A sentence of a source inside a claim group."""

    source: str
    sentence: int


@dataclass(frozen=True, slots=True)
class DiffRun:
    """A run of words that is equal, inserted, deleted or replaced between two sentences.

    Offsets are relative to each sentence's own text. ``minor`` marks a replacement that is only a
    spelling variant (``defence``/``defense``), shown quieter than a real change.
    """

    op: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int
    minor: bool = False


@dataclass(frozen=True, slots=True)
class Divergence:
    """A difference that matters: a number, date, name or quotation that the sources disagree on."""

    type: str
    a: str
    b: str


@dataclass(slots=True)
class PairComparison:
    """Two members of a group compared word by word."""

    a: Member
    b: Member
    score: float
    kind: Kind
    diff: list[DiffRun]
    divergences: list[Divergence]


@dataclass(slots=True)
class ClaimGroup:
    """One statement as carried by one or more sources (at most one sentence per source)."""

    id: int
    members: list[Member]
    # For every member after the first, the member it was matched against and the score.
    links: dict[Member, tuple[Member, float]] = field(default_factory=dict)

    @property
    def sources(self) -> list[str]:
        """Ids of the sources carrying this claim, in member order."""
        return [m.source for m in self.members]

    def member_for(self, source: str) -> Member | None:
        """This group's sentence in ``source``, if the source carries the claim."""
        for member in self.members:
            if member.source == source:
                return member
        return None


# One character per kind, so every view can show kinds without relying on colour.
KIND_MARKS: dict[Kind, str] = {
    Kind.IDENTICAL: "=",
    Kind.NEAR_IDENTICAL: "≈",
    Kind.PARAPHRASE: "~",
    Kind.UNIQUE: "+",
    Kind.BOILERPLATE: "·",
}
