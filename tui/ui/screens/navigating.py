"""Reading actions of the compare screen: moving, divergence-first jumps, and the panes (the
views opened from it, copy and rename are in ``opening``).

A mixin for ``CompareScreen`` (as ``AnnotationActions`` is for tagging), so the screen module
stays about state and display. Every action says "still loading" or "nothing loaded" instead of
failing when there is no alignment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.alignment.claims import (
    claim_position,
    counterpart,
    find_stop,
    flags,
    stop_at,
    story_position,
)
from tui.alignment.rows import is_divergent
from tui.ui.screens.compare_host import CompareHost
from tui.ui.widgets.pane_layout import width_for

if TYPE_CHECKING:
    pass


class NavigationActions(CompareHost):
    """Keys that move the reader between rows, claims and sources."""

    if TYPE_CHECKING:
        # provided by CompareScreen, beside what CompareHost declares
        order: list[str]
        show_boilerplate: bool

        def refresh_rows(self, cursor: int | None = None) -> None: ...
        def select_sentence(self, source: str, index: int) -> bool: ...
        def _room(self) -> int: ...
        def _start_on_text(self) -> None: ...
        def _update_titles(self) -> None: ...

    # -- rows ------------------------------------------------------------------------------

    # Each move updates the status line and inspector in the same call (``show_row``), so they
    # are drawn in the cursor's frame rather than one frame later from ``RowChanged``.

    def action_next_row(self) -> None:
        if not self.not_ready():
            self.panes.move_to(self.panes.cursor + 1)
            self.show_row()

    def action_previous_row(self) -> None:
        if not self.not_ready():
            self.panes.move_to(self.panes.cursor - 1)
            self.show_row()

    def action_page(self, direction: int) -> None:
        if not self.not_ready():
            self.panes.action_page(direction)
            self.show_row()

    def action_first_row(self) -> None:
        if not self.not_ready():
            self.panes.move_to(0)
            self.show_row()

    def action_last_row(self) -> None:
        if not self.not_ready():
            self.panes.move_to(len(self.panes.rows) - 1)
            self.show_row()

    def _find_change(self, step: int) -> None:
        if self.not_ready():
            return
        assert self.alignment is not None
        rows = self.panes.rows
        number = self.panes.cursor + step
        while 0 <= number < len(rows):
            if is_divergent(self.alignment, rows[number], self.sources):
                self.panes.move_to(number)
                self.show_row()
                return
            number += step
        self.notify("No more unique or paraphrased rows in this direction.", timeout=2)

    def action_next_change(self) -> None:
        self._find_change(1)

    def action_previous_change(self) -> None:
        self._find_change(-1)

    # -- divergence-first ------------------------------------------------------------------

    def _find_divergence(self, step: int) -> None:
        if self.not_ready():
            return
        assert self.alignment is not None
        here = self.current_member()
        reference = self.sources[self.panes.side] if self.sources else None
        position, group_id = 0.0 if step > 0 else 2.0, None
        group = self.current_claim() if here is not None else None
        if group is not None:
            position, group_id = claim_position(self.alignment, group), group.id
        elif here is not None:
            position = story_position(self.alignment, here)
        # The claim under the cursor comes first when its diverging pair is not both on screen.
        stop = stop_at(self.alignment, group, reference) if step > 0 and group is not None else None
        if stop is None or {stop.pair.a.source, stop.pair.b.source} <= set(self.sources):
            stop = find_stop(self.alignment, position, group_id, step, reference)
        if stop is None:
            self.notify("No more flagged divergences in this direction.", timeout=2)
            return
        pair = stop.pair
        # The reference source keeps its place; the diverging version comes in beside it.
        first, second = (pair.b, pair.a) if pair.b.source == reference else (pair.a, pair.b)
        self.show_member(first, beside=second, claim=stop.group)
        kinds = ", ".join(sorted({d.type for d in flags(pair)}))
        names = " vs ".join(self.labels[m.source] for m in (first, second))
        # Brief: the toast sits over the inspector's corner, where the divergences are listed.
        self.notify(f"Claim {stop.group}: {kinds} ({names})", timeout=2)

    def action_next_divergence(self) -> None:
        self._find_divergence(1)

    def action_previous_divergence(self) -> None:
        self._find_divergence(-1)

    def action_counterpart(self) -> None:
        """Jump to the same claim in another pane (for a ``↕ moved`` sentence, on another row)."""
        if self.not_ready():
            return
        assert self.alignment is not None
        here = self.current_member()
        claim = self.current_claim()
        found = None if here is None else counterpart(self.alignment, here, self.sources, claim)
        if found is None or claim is None:
            self.notify("No counterpart of this sentence in the other panes.", timeout=2)
            return
        self.show_member(found, claim=claim.id)

    # -- panes -----------------------------------------------------------------------------

    def action_switch_side(self) -> None:
        if not self.not_ready() and self.sources:
            self.panes.side = (self.panes.side + 1) % len(self.sources)
            self.show_row()

    def action_cycle_source(self, step: int) -> None:
        if self.not_ready():
            return
        assert self.alignment is not None
        pane = self.panes.side
        # Sources in other panes are skipped: comparing an article with itself shows nothing.
        ids = [a for a in self._ordered() if a not in self.sources or a == self.sources[pane]]
        if len(ids) < 2:
            self.notify("No other source to show here.", timeout=2)
            return
        position = ids.index(self.sources[pane])
        # Stay on the sentence a neighbouring pane shows, so the reader keeps their place.
        row = self.panes.current
        other = (pane + 1) % len(self.sources)
        anchor = row.side(other) if row is not None and other != pane else None
        self.sources[pane] = ids[(position + step) % len(ids)]
        self.refresh_rows(0)
        if anchor is None or not self.select_sentence(self.sources[other], anchor):
            self._start_on_text()
        self.panes.side = pane
        self.show_row()

    def _ordered(self) -> list[str]:
        """Source ids in the order the reader numbers them (publication time where known)."""
        if self.order or self.alignment is None:
            return list(self.order)
        return [a.id for a in self.alignment.articles]

    def action_add_pane(self) -> None:
        if self.not_ready():
            return
        assert self.alignment is not None
        hidden = [s for s in self._ordered() if s not in self.sources]
        if not hidden:
            self.notify("Every source is already in a pane.", timeout=2)
            return
        if len(self.sources) >= self._room():
            wanted = len(self.sources) + 1
            self.notify(
                f"No room for pane {wanted}: {wanted} panes need {width_for(wanted)} columns,"
                f" the window has {self.app.size.width} (widen it, or - removes a pane).",
                timeout=4,
            )
            return
        anchor = self.current_member()
        # The hidden source sharing most claims with the focused one is the most useful next.
        focused = self.sources[self.panes.side]
        carried = [g for g in self.alignment.groups if g.member_for(focused) is not None]
        best = max(hidden, key=lambda s: sum(1 for g in carried if g.member_for(s) is not None))
        self.sources.append(best)
        self.refresh_rows(0)
        if anchor is not None:
            self.select_sentence(anchor.source, anchor.sentence)
        self.show_row()

    def action_remove_pane(self) -> None:
        if self.not_ready():
            return
        if len(self.sources) <= 2:
            self.notify("Two panes is the fewest for comparing.", timeout=2)
            return
        pane = self.panes.side
        removed = self.sources.pop(pane)
        anchor = self.current_member()
        self.panes.side = min(pane, len(self.sources) - 1)
        self.refresh_rows(0)
        if anchor is not None and anchor.source != removed:
            self.select_sentence(anchor.source, anchor.sentence)
        self.show_row()

    def action_toggle_boilerplate(self) -> None:
        if not self.not_ready():
            self.show_boilerplate = not self.show_boilerplate

    def action_focus_inspector(self) -> None:
        if self.not_ready():
            return
        from tui.ui.widgets.claim_inspector import ClaimInspector

        inspector = self.query_one(ClaimInspector)
        if inspector.has_focus:
            self.panes.focus()
        else:
            inspector.focus()
            self.notify("Inspector: ↑↓ scroll, enter opens the claim card, i returns.", timeout=3)
