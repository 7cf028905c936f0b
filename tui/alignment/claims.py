"""Questions asked of one claim across every loaded source: who diverges, where it sits in the
story, and what a claim card shows. Pure data; the views draw it.

A claim's *story position* is the mean relative position of its sentences in their articles
(0 = top, 1 = end): a reading order that spans every source, so "next divergence" means the same
thing whichever sources are on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.alignment.model import ClaimGroup, Divergence, Member, PairComparison
from tui.alignment.result import Alignment


def story_position(alignment: Alignment, member: Member) -> float:
    """Where a sentence sits in its article, 0 (top) to 1 (end)."""
    count = len(alignment.article(member.source).sentences)
    return member.sentence / max(1, count - 1)


def claim_position(alignment: Alignment, group: ClaimGroup) -> float:
    """The mean story position of a claim's sentences."""
    return sum(story_position(alignment, m) for m in group.members) / len(group.members)


# Divergence types that do not stop navigation or mark a source as diverging (spelling variants).
QUIET_TYPES = frozenset({"minor"})


def flags(pair: PairComparison) -> list[Divergence]:
    """The divergences of a pair that a reader must look at (spelling variants left out)."""
    return [d for d in pair.divergences if d.type not in QUIET_TYPES]


def flagged_pairs(alignment: Alignment, group: ClaimGroup) -> list[PairComparison]:
    """The compared pairs of a claim that carry at least one divergence worth looking at."""
    return [pair for pair in alignment.pairs(group) if flags(pair)]


def diverging_sources(alignment: Alignment, group: ClaimGroup) -> list[str]:
    """The sources that disagree with the others on this claim, most flagged pairs first.

    With three versions where one differs, that one is in every flagged pair and the other two
    in one each: the source in the most flagged pairs is the one to look at. With two versions
    both are named.
    """
    counts: dict[str, int] = {}
    for pair in flagged_pairs(alignment, group):
        for member in (pair.a, pair.b):
            counts[member.source] = counts.get(member.source, 0) + 1
    if not counts:
        return []
    top = max(counts.values())
    order = {m.source: n for n, m in enumerate(group.members)}
    return sorted((s for s, c in counts.items() if c == top), key=lambda s: order[s])


# Which flag to show first when a claim has several: facts a reader can check beat wording.
SEVERITY: dict[str, int] = {"number": 0, "date": 0, "attribution": 1, "quote": 1, "name": 2}


def severity(pair: PairComparison) -> int:
    """The rank of a pair's most serious flag (0 most serious; unknown types rank 1)."""
    return min((SEVERITY.get(d.type, 1) for d in flags(pair)), default=9)


@dataclass(frozen=True, slots=True)
class Stop:
    """A claim with a flagged divergence: where it is and the pair to show."""

    group: int
    position: float
    pair: PairComparison


def divergence_stops(alignment: Alignment, prefer: str | None = None) -> list[Stop]:
    """Every claim with a flagged divergence in any source, in story order (see ``stop_at``)."""
    stops = [stop for group in alignment.groups if (stop := stop_at(alignment, group, prefer)) is not None]
    stops.sort(key=lambda stop: (stop.position, stop.group))
    return stops


def stop_at(alignment: Alignment, group: ClaimGroup, prefer: str | None = None) -> Stop | None:
    """The claim as a stop if a pair of its versions carries a flagged divergence, else None.

    The pair shown is the one with the most serious flag (a number or date before a quotation
    before a name), one with the most-flagged source first, one with ``prefer`` (the reader's
    reference source) first among equals.
    """
    if len(group.members) < 2:
        return None
    pairs = flagged_pairs(alignment, group)
    if not pairs:
        return None
    top = set(diverging_sources(alignment, group))
    chosen = min(
        pairs,
        key=lambda p: (
            severity(p),
            not ({p.a.source, p.b.source} & top),
            prefer not in (p.a.source, p.b.source),
        ),
    )
    return Stop(group.id, claim_position(alignment, group), chosen)


def find_stop(
    alignment: Alignment, position: float, group: int | None, step: int, prefer: str | None = None
) -> Stop | None:
    """``next_stop`` over ``divergence_stops``, comparing only the claims it walks past: the first
    ``d`` at a hundred sources compared every pair of every claim first (about a second)."""
    key = _cursor_key(position, group, step)
    order = sorted((claim_position(alignment, g), g.id) for g in alignment.groups)
    ahead = [k for k in order if k > key] if step > 0 else [k for k in reversed(order) if k < key]
    for _, group_id in ahead:
        stop = stop_at(alignment, alignment.groups[group_id], prefer)
        if stop is not None:
            return stop
    return None


def _cursor_key(position: float, group: int | None, step: int) -> tuple[float, int]:
    """Where the cursor stands among claims ordered by (position, id); off a claim, before or
    after every claim at its position, in the direction of travel."""
    return position, group if group is not None else (-1 if step > 0 else 1 << 30)


def next_stop(stops: Sequence[Stop], position: float, group: int | None, step: int) -> Stop | None:
    """The stop after (``step`` 1) or before (-1) the claim at ``position``; None at the end."""
    key = _cursor_key(position, group, step)
    if step > 0:
        return next((s for s in stops if (s.position, s.group) > key), None)
    return next((s for s in reversed(stops) if (s.position, s.group) < key), None)


def counterpart(
    alignment: Alignment, member: Member, shown: Sequence[str], group: ClaimGroup | None = None
) -> Member | None:
    """The same claim (``group``, else the sentence's main claim) in another shown source, the
    first one after ``member``'s pane."""
    group = group or alignment.group_of(member.source, member.sentence)
    if group is None:
        return None
    start = shown.index(member.source) if member.source in shown else 0
    for offset in range(1, len(shown) + 1):
        source = shown[(start + offset) % len(shown)]
        if source == member.source:
            continue
        found = group.member_for(source)
        if found is not None:
            return found
    return None


@dataclass(slots=True)
class Version:
    """One source's sentence for a claim, compared with the reference version."""

    member: Member
    text: str
    is_reference: bool
    comparison: PairComparison | None  # None for the reference itself
    divergences: list[Divergence] = field(default_factory=list)


@dataclass(slots=True)
class ClaimCard:
    """A claim with every source's version stacked, each diffed against the reference."""

    group: int
    reference: Member
    versions: list[Version]
    silent: list[str]
    diverging: list[str]
    others: list[tuple[str, int, str]]  # (source, claim id, its wording) a version also carries


def claim_card(alignment: Alignment, group_id: int, reference: Member | None = None) -> ClaimCard:
    """The card of claim ``group_id``; the reference defaults to its first member.

    Versions come as: the reference, then diverging sources, then the rest in member order.
    """
    group = alignment.groups[group_id]
    if reference is None or group.member_for(reference.source) != reference:
        reference = group.members[0]
    diverging = diverging_sources(alignment, group)
    versions = []
    for member in group.members:
        text = alignment.sentence(member).text
        if member == reference:
            versions.append(Version(member, text, True, None))
            continue
        comparison = alignment.compare(reference, member)
        versions.append(Version(member, text, False, comparison, list(comparison.divergences)))
    versions.sort(key=lambda v: (not v.is_reference, not v.divergences, v.member.source not in diverging))
    carried = set(group.sources)
    silent = [a.id for a in alignment.articles if a.id not in carried]
    # A sentence can carry two claims: name the others, in the first source's wording.
    others = []
    for version in versions:
        for other in alignment.article(version.member.source).sentences[version.member.sentence].groups:
            if other != group.id:
                first = alignment.groups[other].members[0]
                others.append((version.member.source, other, alignment.sentence(first).text))
    return ClaimCard(group.id, reference, versions, silent, diverging, others)


# One character per divergence type for tables (a type added later falls back to "!").
FLAG_MARKS: dict[str, str] = {
    "number": "#",
    "date": "@",
    "name": "N",
    "attribution": "A",
    "quote": "Q",
    "minor": "·",
}


def flag_mark(kind: str) -> str:
    """The table mark of a divergence type."""
    return FLAG_MARKS.get(kind, "!")


def source_flags(alignment: Alignment, group: ClaimGroup) -> dict[str, list[str]]:
    """For each diverging source of a claim, the divergence types of its flagged pairs."""
    diverging = set(diverging_sources(alignment, group))
    found: dict[str, list[str]] = {}
    for pair in flagged_pairs(alignment, group):
        for member in (pair.a, pair.b):
            if member.source in diverging:
                kinds = found.setdefault(member.source, [])
                kinds.extend(d.type for d in flags(pair) if d.type not in kinds)
    return found
