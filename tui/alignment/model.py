"""What the aligner produces: claim groups of sentence members, and pairs compared word by word."""

from __future__ import annotations

from dataclasses import dataclass

from tui.corpus.model import Kind


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


DIVERGENCE_TYPES = ("number", "date", "attribution", "name", "quote")


@dataclass(frozen=True, slots=True)
class Divergence:
    """A difference that matters: a number, date, speaker, name or quotation the sources disagree on.

    ``a`` and ``b`` are the values as shown (a resolved speaker: "UK Prime Minister Rishi Sunak's
    spokesman" for "The spokesperson"); ``a_start:a_end`` and ``b_start:b_end`` locate them in each
    sentence, whose text there is ``a_text``/``b_text`` (an empty span: the side has no such value,
    as a quotation the other source only paraphrases). ``minor`` marks a spelling or
    transliteration variant (Türkiye/Turkey), shown quieter.
    """

    type: str
    a: str
    b: str
    a_start: int = 0
    a_end: int = 0
    b_start: int = 0
    b_end: int = 0
    minor: bool = False
    a_text: str = ""
    b_text: str = ""


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
    # In source order, those whose main claim it is first (a sentence may be in several groups).
    members: list[Member]

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


# Groups up to this size list every pair of members; larger ones pair each member with the
# group's first member, so a claim carried by 200 outlets does not cost 19,900 diffs.
ALL_PAIRS_UP_TO = 6


def group_pairs(group: ClaimGroup) -> list[tuple[Member, Member]]:
    """The member pairs of a group that are compared and shown."""
    members = group.members
    if len(members) <= ALL_PAIRS_UP_TO:
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    return [(members[0], member) for member in members[1:]]


# One character per kind, so every view can show kinds without relying on colour.
KIND_MARKS: dict[Kind, str] = {
    Kind.IDENTICAL: "=",
    Kind.NEAR_IDENTICAL: "≈",
    Kind.PARAPHRASE: "~",
    Kind.UNIQUE: "+",
    Kind.BOILERPLATE: "·",
}
