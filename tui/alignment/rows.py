"""Side-by-side rows for two sources, and the questions a compare view asks of an alignment.

Rows keep both articles in their own reading order. Matched sentences that can stay in order on
both sides share a row (the longest chain of such pairs, found as a longest increasing
subsequence); a matched sentence whose counterpart the other outlet put much earlier or later
gets a row of its own, facing an empty cell, and is marked as moved.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from tui.alignment.model import ClaimGroup, Member
from tui.alignment.result import Alignment
from tui.corpus.model import Kind


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the compare view: a sentence index on either side, or None for an empty cell."""

    left: int | None
    right: int | None
    # A side is "moved" when it has a counterpart on the other side that is not on this row.
    left_moved: bool = False
    right_moved: bool = False

    def side(self, which: str) -> int | None:
        """The sentence index in the ``"left"`` or ``"right"`` pane."""
        return self.left if which == "left" else self.right


def _longest_increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest chain of pairs increasing on both sides (pairs come sorted by left index)."""
    tails: list[int] = []  # smallest right index ending a chain of each length
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


def build_rows(alignment: Alignment, left: str, right: str, show_boilerplate: bool = True) -> list[Row]:
    """The rows that show ``left`` and ``right`` side by side."""
    left_sentences = [s for s in alignment.article(left).sentences if show_boilerplate or not s.boilerplate]
    right_sentences = [s for s in alignment.article(right).sentences if show_boilerplate or not s.boilerplate]
    right_by_group = {s.group: s.index for s in right_sentences if s.group is not None}
    left_groups = {s.group for s in left_sentences if s.group is not None}
    pairs = [
        (s.index, right_by_group[s.group])
        for s in left_sentences
        if s.group is not None and s.group in right_by_group and left != right
    ]
    anchored = _longest_increasing(pairs)
    anchor_right = {r: left_index for left_index, r in anchored}
    anchor_left = dict(anchored)

    rows: list[Row] = []
    right_iter = iter(right_sentences)
    pending_right = next(right_iter, None)

    def flush_right(until: int | None) -> None:
        nonlocal pending_right
        while pending_right is not None and (until is None or pending_right.index < until):
            if pending_right.index not in anchor_right:
                moved = pending_right.group in left_groups and left != right
                rows.append(Row(None, pending_right.index, right_moved=moved))
            pending_right = next(right_iter, None)

    for sentence in left_sentences:
        if sentence.index in anchor_left:
            partner = anchor_left[sentence.index]
            flush_right(partner)
            rows.append(Row(sentence.index, partner))
            pending_right = next(right_iter, None)
        else:
            moved = sentence.group is not None and sentence.group in right_by_group and left != right
            rows.append(Row(sentence.index, None, left_moved=moved))
    flush_right(None)
    return rows


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


def is_divergent(alignment: Alignment, row: Row, left: str, right: str) -> bool:
    """True for rows worth stopping at: unique or paraphrased sentences, or flagged divergences."""
    for source, index in ((left, row.left), (right, row.right)):
        if index is None:
            continue
        sentence = alignment.article(source).sentences[index]
        if sentence.kind in (Kind.UNIQUE, Kind.PARAPHRASE):
            return True
    if row.left is not None and row.right is not None:
        comparison = alignment.compare(Member(left, row.left), Member(right, row.right))
        return bool(comparison.divergences)
    return False


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
