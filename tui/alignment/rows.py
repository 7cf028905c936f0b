"""Side-by-side rows for two sources, and the questions a compare view asks of an alignment.

Rows keep both articles in their own reading order. Matched sentences that can stay in order on
both sides share a row (the longest chain of such pairs, found as a longest increasing
subsequence); a matched sentence whose counterpart the other outlet put much earlier or later
gets a row of its own, facing an empty cell, and is marked as moved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from tui.alignment.model import ClaimGroup, Member
from tui.alignment.result import Alignment
from tui.corpus.model import Kind, Sentence


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the compare view: a sentence index per pane, or None for an empty cell."""

    cells: tuple[int | None, ...]
    # A cell is "moved" when its claim is carried by another pane but not on this row.
    moved: tuple[bool, ...] = ()

    def side(self, pane: int) -> int | None:
        """The sentence index in pane ``pane`` (0 is the leftmost)."""
        return self.cells[pane] if 0 <= pane < len(self.cells) else None

    def is_moved(self, pane: int) -> bool:
        """True when the cell of ``pane`` has its counterpart on another row."""
        return pane < len(self.moved) and self.moved[pane]

    @property
    def left(self) -> int | None:
        """The first pane's sentence index."""
        return self.side(0)

    @property
    def right(self) -> int | None:
        """The second pane's sentence index."""
        return self.side(1)


def _longest_increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest chain of pairs increasing on both sides (pairs come sorted by first item)."""
    tails: list[int] = []  # smallest second item ending a chain of each length
    tail_pair: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for i, (_, right) in enumerate(pairs):
        k = bisect_left(tails, right)
        if k == len(tails):
            tails.append(right)
            tail_pair.append(i)
        else:
            tails[k] = right
            tail_pair[k] = i
        previous[i] = tail_pair[k - 1] if k > 0 else -1
    chain: set[tuple[int, int]] = set()
    i = tail_pair[-1] if tail_pair else -1
    while i >= 0:
        chain.add(pairs[i])
        i = previous[i]
    return chain


def _merge(
    rows: list[list[int | None]], groups: list[int | None], pane: int, sentences: list[Sentence]
) -> tuple[list[list[int | None]], list[int | None]]:
    """Add pane ``pane``'s ``sentences`` to the rows built so far, keeping every pane in order.

    Sentences whose claim is on an existing row share it when that keeps both orders (the longest
    such chain); the others get rows of their own just before the next shared row.
    """
    row_of_group = {g: number for number, g in enumerate(groups) if g is not None}
    pairs = sorted(
        (row_of_group[s.group], s.index) for s in sentences if s.group is not None and s.group in row_of_group
    )
    anchored = _longest_increasing(pairs)
    partner_of_row = dict(anchored)
    anchored_sentences = {index for _, index in anchored}
    out_rows: list[list[int | None]] = []
    out_groups: list[int | None] = []
    pending = iter(sentences)
    waiting = next(pending, None)

    def own_row(sentence: Sentence) -> None:
        cells: list[int | None] = [None] * (pane + 1)
        cells[pane] = sentence.index
        out_rows.append(cells)
        out_groups.append(sentence.group)

    for number, cells in enumerate(rows):
        partner = partner_of_row.get(number)
        if partner is not None:
            while waiting is not None and waiting.index < partner:
                if waiting.index not in anchored_sentences:
                    own_row(waiting)
                waiting = next(pending, None)
            waiting = next(pending, None)  # the partner itself
        out_rows.append([*cells, partner])
        out_groups.append(groups[number])
    while waiting is not None:
        if waiting.index not in anchored_sentences:
            own_row(waiting)
        waiting = next(pending, None)
    return out_rows, out_groups


def build_rows(alignment: Alignment, sources: Sequence[str], show_boilerplate: bool = True) -> list[Row]:
    """The rows that show ``sources`` side by side, one pane each, every pane in reading order.

    The first pane sets the spine; each further pane joins the rows of the claims it shares.
    """
    rows: list[list[int | None]] = []
    groups: list[int | None] = []
    for pane, source in enumerate(sources):
        sentences = [s for s in alignment.article(source).sentences if show_boilerplate or not s.boilerplate]
        if source in sources[:pane]:  # the same article twice: nothing to line up
            sentences = [replace_group(s) for s in sentences]
        rows, groups = _merge(rows, groups, pane, sentences)
    panes = len(sources)
    group_panes: dict[int, set[int]] = {}
    for cells, group in zip(rows, groups, strict=True):
        if group is not None:
            group_panes.setdefault(group, set()).update(p for p, c in enumerate(cells) if c is not None)
    out = []
    for cells, group in zip(rows, groups, strict=True):
        full = tuple(cells + [None] * (panes - len(cells)))
        here = {p for p, c in enumerate(full) if c is not None}
        elsewhere = group is not None and bool(group_panes.get(group, set()) - here)
        out.append(Row(full, tuple(c is not None and elsewhere for c in full)))
    return out


def replace_group(sentence: Sentence) -> Sentence:
    """A copy of ``sentence`` that belongs to no claim (for an article shown beside itself)."""
    return Sentence(sentence.index, sentence.start, sentence.end, sentence.text, sentence.boilerplate_reason)


def best_pair(alignment: Alignment) -> tuple[str, str]:
    """The two sources that share the most claim groups (the first two on a tie)."""
    ids = [a.id for a in alignment.articles]
    if len(ids) == 1:
        return ids[0], ids[0]
    memberships: dict[str, set[int]] = {i: set() for i in ids}
    for group in alignment.groups:
        for member in group.members:
            memberships[member.source].add(group.id)
    best = (ids[0], ids[1])
    best_count = -1
    # Counting through sets of group ids keeps this cheap even for a few hundred sources.
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            count = len(memberships[a] & memberships[b])
            if count > best_count:
                best, best_count = (a, b), count
    return best


def is_divergent(alignment: Alignment, row: Row, sources: Sequence[str]) -> bool:
    """True for rows worth stopping at: unique or paraphrased sentences, or flagged divergences."""
    members = [Member(src, i) for src, i in zip(sources, row.cells, strict=False) if i is not None]
    for member in members:
        if alignment.sentence(member).kind in (Kind.UNIQUE, Kind.PARAPHRASE):
            return True
    return any(alignment.compare(a, b).divergences for n, a in enumerate(members) for b in members[n + 1 :])


def counts(alignment: Alignment, left: str, right: str) -> tuple[int, int, int]:
    """Shared claims, and claims only the left or only the right source carries (of the two)."""
    a_groups = {s.group for s in alignment.article(left).content()}
    b_groups = {s.group for s in alignment.article(right).content()}
    return len(a_groups & b_groups), len(a_groups - b_groups), len(b_groups - a_groups)


def group_at(alignment: Alignment, source: str, index: int | None) -> ClaimGroup | None:
    """The claim group of a sentence (None for boilerplate or an empty cell)."""
    if index is None:
        return None
    return alignment.group_of(source, index)
