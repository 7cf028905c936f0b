"""Feeding the claim inspector of the compare screen: which versions it describes in the
cursor's frame, and which are compared after that frame, between key presses.

A mixin for ``CompareScreen`` (as ``NavigationActions`` is for moving), so the screen module
stays about state and display.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work

from tui.alignment.model import ClaimGroup, Member, group_pairs
from tui.ui.heap import settle
from tui.ui.screens.compare_host import CompareHost
from tui.ui.widgets.aligned_panes import AlignedPanes
from tui.ui.widgets.claim_inspector import ClaimInspector

if TYPE_CHECKING:
    from tui.alignment.result import Alignment

# Uncached comparisons the inspector makes in the cursor's frame; more are made after it.
COMPARE_NOW = 16
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
            return
        inspector.show_claim(self.alignment, group, focused, self.labels, tags)

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
