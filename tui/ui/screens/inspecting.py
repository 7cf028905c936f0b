"""Feeding the claim inspector of the compare screen: which versions it describes in the
cursor's frame, and which are compared after that frame, between key presses.

A mixin for ``CompareScreen`` (as ``NavigationActions`` is for moving), so the screen module
stays about state and display.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.css.query import NoMatches

from tui.alignment.model import ClaimGroup, Member, group_pairs
from tui.corpus.model import Kind
from tui.ui.heap import settle
from tui.ui.screens.compare_host import CompareHost
from tui.ui.widgets.aligned_panes import AlignedPanes
from tui.ui.widgets.claim_inspector import ClaimInspector

if TYPE_CHECKING:
    from tui.alignment.result import Alignment

# Uncached comparisons the inspector makes in the cursor's frame; more are made after it.
COMPARE_NOW = 16
# Rows looked at ahead of the cursor in each direction, between key presses, for ``n``/``N``.
LOOK_AHEAD = 24
# Seconds the terminal gets to receive the first frame before the first comparison: that one
# imports and loads the word tables (a quarter of a second of the GIL), and Textual's output
# thread needs the GIL for each piece of the frame it writes. Started at once, the seeds' first
# screen appeared ~550 ms after the start instead of ~390 (pty, alternated, same tree).
FIRST_FRAME_WRITE = 0.1


def uncompared(alignment: Alignment, group: ClaimGroup, focused: Member) -> list[tuple[Member, Member]]:
    """The comparisons showing ``group`` from ``focused`` needs that are not cached yet."""
    needed = [(focused, m) for m in group.members if m != focused] + group_pairs(group)
    return [pair for pair in dict.fromkeys(needed) if not alignment.is_compared(*pair)]


class InspectorFeed(CompareHost):
    """What the inspector shows for the panes' current row, and when its comparisons are made."""

    # False from a load until its first frame is drawn: nothing is compared before it.
    _comparing: bool
    _shown: tuple[object, ...] | None
    _made_ahead = 0  # comparisons the running ``_compare_ahead`` made

    if TYPE_CHECKING:

        def _same_position(self, shown: tuple[object, ...]) -> bool: ...

    @on(AlignedPanes.DrawnWithoutComparing)
    def _compare_shown(self) -> None:
        """The first frame is drawn: once it is written, colour the cursor row and describe the
        claim in full. Headless (tests, screenshots) there is no terminal to write to."""
        if self.app.is_headless:
            self._compare_now()
        else:
            self.set_timer(FIRST_FRAME_WRITE, self._compare_now)

    def _compare_now(self) -> None:
        self._comparing = True
        self.panes.compare_cursor = True
        self.show_row()

    def _show_inspector(self) -> None:
        if self.alignment is None:
            return
        focused = self.current_member()
        group = self.current_claim()
        tags = []
        if group is not None:
            for member in group.members:
                sentence = self.alignment.sentence(member)
                tags += self.store.at(member.source, sentence.start, sentence.end)
        elif focused is not None:
            sentence = self.alignment.sentence(focused)
            tags = self.store.at(focused.source, sentence.start, sentence.end)
        inspector = self.query_one(ClaimInspector)
        if not self._comparing and group is not None and focused is not None:
            inspector.show_claim(self.alignment, group, focused, self.labels, tags, versions=[])
            return
        missing = [] if group is None or focused is None else uncompared(self.alignment, group, focused)
        if len(missing) > COMPARE_NOW:
            # Each comparison costs milliseconds (names, numbers, quotes): a claim a hundred
            # sources carry would hold the cursor for a tenth of a second. The cursor's frame
            # shows the versions in the panes (compared for their colours anyway); the others
            # are compared after that frame, between key presses.
            assert group is not None and focused is not None
            shown = self._members_in_panes(group)
            inspector.show_claim(self.alignment, group, focused, self.labels, tags, versions=shown)
            self.call_after_refresh(self._compare_versions, self.alignment, missing, self._shown)
            self.call_after_refresh(self._compare_ahead, self.alignment, self._shown)
            return
        inspector.show_claim(self.alignment, group, focused, self.labels, tags)
        self.call_after_refresh(self._compare_ahead, self.alignment, self._shown)

    def _change_pairs(self, alignment: Alignment, number: int) -> list[tuple[Member, Member]] | None:
        """The pairs ``rows.is_divergent`` compares to decide row ``number``, in its order; None
        when the sentences' kinds decide it (``n`` stops there without comparing)."""
        row = self.panes.rows[number]
        members = [Member(src, i) for src, i in zip(self.sources, row.cells, strict=False) if i is not None]
        if any(alignment.sentence(m).kind in (Kind.UNIQUE, Kind.PARAPHRASE) for m in members):
            return None
        return [(a, b) for n, a in enumerate(members) for b in members[n + 1 :]]

    def _frame_pairs(self, alignment: Alignment, number: int) -> list[tuple[Member, Member]]:
        """The comparisons the cursor's frame on row ``number`` makes: the cursor row's colours
        (the focused cell against the others) and the claim's versions, when few enough."""
        row, side = self.panes.rows[number], self.panes.side
        # The focused cell, else the first (``current_member``); the colours need the focused one.
        pane = next((p for p in (side, *range(len(self.sources))) if row.side(p) is not None), None)
        index = None if pane is None else row.side(pane)
        if pane is None or index is None:
            return []
        focused = Member(self.sources[pane], index)
        cells = [(source, row.side(p)) for p, source in enumerate(self.sources) if p != pane]
        pairs = [
            (focused, Member(source, other))
            for source, other in cells
            if pane == side and other is not None and source != focused.source
        ]
        group = alignment.group_of(focused.source, focused.sentence)
        if group is None or len(group.members) + len(group_pairs(group)) > COMPARE_NOW + 1:
            # A claim too big to compare in one frame is compared after it, for the row the
            # reader is on (``_compare_versions``), not ahead for rows they may never visit.
            return pairs
        return pairs + uncompared(alignment, group, focused)

    # A move's frame compares what it shows the first time (1-3 ms a pair): the cursor row's
    # colours, the claim's versions, and for ``n`` each row of near-identical versions it walks
    # past. Made here, between key presses, for the rows ``j``, ``k``, ``n`` and ``N`` go to
    # next, the key's frame finds them made. Same rules as ``_compare_versions``.
    @work(group="inspector", description="compare the rows the next keys go to")
    async def _compare_ahead(self, alignment: Alignment, shown: tuple[object, ...] | None) -> None:
        """Compare what the frames of the next ``j``, ``k``, ``n`` and ``N`` would compare."""
        if shown is None or not self._comparing:  # nothing is compared before the first frame
            return
        self._made_ahead = 0
        try:
            await self._compare_rows_ahead(alignment, shown)
        except NoMatches:
            # The reader is closing: the screen's widgets went while this waited between pairs.
            return
        if self._made_ahead:
            settle()  # kept for the session, like the claim's versions: no full collection walks them

    async def _compare_rows_ahead(self, alignment: Alignment, shown: tuple[object, ...]) -> None:
        """The adjacent rows' frames first (``j``, ``k``), then the rows ``n`` and ``N`` walk."""
        rows, cursor = len(self.panes.rows), self.panes.cursor
        wanted: list[tuple[Member, Member]] = []
        for step in (1, -1):
            if 0 <= cursor + step < rows:
                wanted += self._frame_pairs(alignment, cursor + step)
        for pair in wanted:
            if not await self._compared(alignment, pair, shown):
                return
        for step in (1, -1):
            number = cursor + step
            for _ in range(LOOK_AHEAD):  # the rows ``n`` (or ``N``) walks, up to where it stops
                if not 0 <= number < rows:
                    break
                pairs = self._change_pairs(alignment, number)
                stop = pairs is None
                for pair in pairs or []:
                    if not await self._compared(alignment, pair, shown):
                        return
                    if alignment.compare(*pair).divergences:
                        stop = True
                        break
                if stop:
                    for pair in self._frame_pairs(alignment, number):
                        if not await self._compared(alignment, pair, shown):
                            return
                    break
                number += step

    async def _compared(
        self, alignment: Alignment, pair: tuple[Member, Member], shown: tuple[object, ...]
    ) -> bool:
        """Compare ``pair`` (unless it is), letting a key press or a frame go first; False once
        the cursor has moved on."""
        if alignment.is_compared(*pair):
            return True
        await asyncio.sleep(0)
        if not self._same_position(shown):
            return False
        alignment.compare(*pair)
        self._made_ahead += 1
        return True

    def _members_in_panes(self, group: ClaimGroup) -> list[Member]:
        """The versions of ``group`` on the current row of the panes."""
        row = self.panes.current
        if row is None:
            return []
        cells = [
            Member(source, index)
            for pane, source in enumerate(self.sources)
            if (index := row.side(pane)) is not None
        ]
        return [member for member in cells if member in group.members]

    # No thread: a thread comparing in the background holds the GIL for 5 ms at a time, and
    # the keys pressed meanwhile waited for it at every turn of the event loop. On the UI
    # thread, one comparison at a time, a key waits for one comparison at most. A description:
    # without one Textual names the worker after ``repr`` of its arguments (an alignment of 100
    # sources took 65 ms, on every key press). Not exclusive: a worker whose row is left stops
    # at its next comparison by itself, and one cancelled would fail ``wait_for_complete``.
    @work(group="inspector", description="compare the claim's versions")
    async def _compare_versions(
        self, alignment: Alignment, missing: list[tuple[Member, Member]], shown: tuple[object, ...] | None
    ) -> None:
        """Compare ``missing`` pairs between key presses, then show the row again if still on it."""
        if shown is None:
            return
        for a, b in missing:
            if not self._same_position(shown):  # the cursor moved on
                return
            alignment.compare(a, b)
            await asyncio.sleep(0)  # a key press or a frame waiting goes first
        settle()  # the comparisons stay cached for the session: no full collection walks them
        if self._same_position(shown):
            self.show_row()
