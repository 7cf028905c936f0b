"""MatrixScreen: which source carries which claim, how, and who diverges, as a claim x source table."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from tui.alignment.claims import FLAG_MARKS, flag_mark, source_flags
from tui.alignment.model import KIND_MARKS, ClaimGroup, group_pairs
from tui.alignment.result import Alignment
from tui.corpus.model import Kind
from tui.resources import stylesheet
from tui.ui.widgets.claim_matrix import ClaimMatrix
from tui.ui.widgets.display import one_line, source_key
from tui.ui.widgets.key_footer import KeyFooter

FILTERS = {
    "all": "claims",
    "exclusive": "claims only one source carries (exclusives)",
    "divergent": "claims with flagged divergences",
}
# Kind marks in the theme's colours (the marks themselves still tell kinds apart without colour).
KIND_STYLES = {
    Kind.IDENTICAL: "$text-success bold",
    Kind.NEAR_IDENTICAL: "$text-success",
    Kind.PARAPHRASE: "$text-warning bold",
    Kind.UNIQUE: "$text-primary bold",
    Kind.BOILERPLATE: "$text-muted",
}
FLAG_STYLE = "$text-error bold"
CELL = 5  # a source column: kind mark and up to two flag marks, and the gap to the next
GAP = "  "  # between two columns


def row_head(number: object, count: object) -> str:
    """A row's first cells: the claim's number and how many sources carry it (the header's "#" and "n")."""
    return f" {number:>4}  {count:>3}  "


ROW_HEAD = len(row_head("#", "n"))  # cells that stay in place when the rows scroll sideways
# Pair comparisons made before the first frame; more are made after it, between key presses
# (the five seeds need 77; 100 sources about 5,000, at a few milliseconds each).
COMPARE_NOW = 200
SCROLLBAR = 2  # the table's vertical scrollbar (Textual's default width)


@dataclass(frozen=True, slots=True)
class MatrixChoice:
    """What ``enter`` (the diverging pair) or ``c`` (the claim card) asked for."""

    group: int
    card: bool = False


class MatrixScreen(Screen[MatrixChoice | None]):
    """Coverage matrix; returns the chosen claim to the compare view."""

    CSS_PATH = [stylesheet("matrix.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape,o", "close", "Back", id="matrix-close", tooltip="Back to the compare view"),
        Binding(
            "enter",
            "choose",
            "Show pair",
            id="matrix-jump",
            tooltip="Show this claim's diverging pair in the panes",
        ),
        Binding("c", "card", "Claim card", id="matrix-card", tooltip="Every source's version of this claim"),
        Binding(
            "s",
            "toggle_sort",
            "Sort by coverage",
            id="matrix-sort",
            tooltip="Sort by how many sources carry each claim",
        ),
        Binding(
            "f",
            "cycle_filter",
            "Filter",
            id="matrix-filter",
            tooltip="All claims / exclusives / divergent claims",
        ),
        Binding("j", "cursor_down", "Down", id="matrix-down", show=False),
        Binding("k", "cursor_up", "Up", id="matrix-up", show=False),
    ]

    sort_by_coverage: reactive[bool] = reactive(False)
    filter: reactive[str] = reactive("all")

    def __init__(
        self, alignment: Alignment, labels: dict[str, str], order: Sequence[str] | None = None
    ) -> None:
        super().__init__()
        self.alignment = alignment
        self.labels = labels
        self.order = list(order or [a.id for a in alignment.articles])
        self._flags: dict[int, dict[str, list[str]]] = {}
        self._claim_width = 40

    def compose(self) -> ComposeResult:
        yield Static("", id="matrix-status")
        yield Static("", id="matrix-legend")
        yield ClaimMatrix(id="matrix")
        yield KeyFooter()

    @property
    def table(self) -> ClaimMatrix:
        """The claim x source table."""
        return self.query_one(ClaimMatrix)

    def on_mount(self) -> None:
        # A few hundred comparisons are made now, so every flag is in the first frame; a big
        # corpus shows its kinds at once and each claim's flags once its pairs are compared.
        missing = [
            pair
            for group in self.alignment.groups
            if len(group.members) > 1
            for pair in group_pairs(group)
            if not self.alignment.is_compared(*pair)
        ]
        if len(missing) <= COMPARE_NOW:
            for pair in missing:
                self.alignment.compare(*pair)
        self._build(self.app.size.width)
        self.table.focus()
        if len(missing) > COMPARE_NOW:
            self.call_after_refresh(self._compare_pairs)

    def on_resize(self, event: events.Resize) -> None:
        if self.is_mounted and self._width_for(event.size.width) != self._claim_width:
            self._build(event.size.width)

    def _width_for(self, width: int) -> int:
        # The claim column takes what the rest of a line leaves, and the vertical scrollbar.
        return max(20, width - SCROLLBAR - self._line_width(0))

    def _line_width(self, claim_width: int) -> int:
        """Cells in a row: a space, id, gap, count, gap, the marks, gap, the claim, a space."""
        return 1 + 4 + 2 + 3 + 2 + self._marks_width + 2 + claim_width + 1

    def _build(self, width: int) -> None:
        self._claim_width = self._width_for(width)
        self._fill()

    @work(group="matrix-flags", description="compare the pairs the matrix flags")
    async def _compare_pairs(self) -> None:
        """Compare every claim's pairs between key presses, in the listed order, and redraw
        each claim's row once its flags are known."""
        for key in list(self.table.keys):
            group = self.alignment.groups[key]
            if len(group.members) < 2 or group.id in self._flags:
                continue
            for pair in group_pairs(group):
                if not self.alignment.is_compared(*pair):
                    self.alignment.compare(*pair)
                    await asyncio.sleep(0)  # a key press or a frame waiting goes first
            self._flags_of(group)
            self.table.refresh_key(group.id)
        if self.filter == "divergent":
            self._fill()

    def _flags_of(self, group: ClaimGroup) -> dict[str, list[str]]:
        if group.id not in self._flags:
            self._flags[group.id] = source_flags(self.alignment, group) if len(group.members) > 1 else {}
        return self._flags[group.id]

    def _known_flags(self, group: ClaimGroup) -> dict[str, list[str]]:
        """The claim's flags if its pairs are compared (cheap then), else none yet."""
        if group.id in self._flags:
            return self._flags[group.id]
        if all(self.alignment.is_compared(*pair) for pair in group_pairs(group)):
            return self._flags_of(group)
        return {}

    def _groups(self) -> list[ClaimGroup]:
        groups = list(self.alignment.groups)
        if self.filter == "exclusive":
            groups = [g for g in groups if len(g.members) == 1]
        elif self.filter == "divergent":
            groups = [g for g in groups if self._flags_of(g)]
        if self.sort_by_coverage:
            groups.sort(key=lambda g: (-len(g.members), g.id))
        return groups

    @property
    def _marks_width(self) -> int:
        return max(1, CELL * len(self.order) - 2)

    @staticmethod
    def _fit(text: str) -> str:
        """``text`` in one source's cell (``CELL - 2`` wide), cut with an ellipsis if longer."""
        width = CELL - 2
        return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"

    def _marks(self, group: ClaimGroup) -> Content:
        """Every source's kind mark and up to two flag marks, each in its own ``CELL``."""
        flags = self._known_flags(group)
        parts: list[str | tuple[str, str]] = []
        for number, source in enumerate(self.order):
            if number:
                parts.append(GAP)
            member = group.member_for(source)
            if member is None:
                parts.append(" " * (CELL - 2))
                continue
            sentence = self.alignment.sentence(member)
            # A sentence's kind is its main claim's; carrying this claim as a further one (in a
            # clause) is a paraphrase of it, as the claim card says, never "unique".
            kind = sentence.kind if sentence.group == group.id else Kind.PARAPHRASE
            parts.append((KIND_MARKS[kind], KIND_STYLES[kind]))
            marks = "".join(dict.fromkeys(flag_mark(k) for k in flags.get(source, ())))[:2]
            if marks:
                parts.append((marks, FLAG_STYLE))
            parts.append(" " * (CELL - 2 - len(KIND_MARKS[kind]) - len(marks)))
        return Content.assemble(*parts)

    def _line(self, key: int) -> Content:
        """Claim ``key``'s row: id, how many sources carry it, their marks, its first wording."""
        group = self.alignment.groups[key]
        first = one_line(self.alignment.sentence(group.members[0]).text)
        if len(first) > self._claim_width:
            first = first[: self._claim_width - 1] + "…"
        head = row_head(group.id, len(group.members))
        return Content.assemble(head, self._marks(group), GAP, Content(first))

    def _fill(self) -> None:
        table = self.table
        current = table.current
        groups = self._groups()
        keys = [g.id for g in groups]
        heads = GAP.join(self._fit(source_key(self.labels, source)) for source in self.order)
        header = Content(f"{row_head('#', 'n')}{heads}{GAP}claim (first source's wording)")
        width = self._line_width(self._claim_width)
        cursor = keys.index(current) if current in keys else min(table.cursor, max(0, len(keys) - 1))
        table.show(header, keys, self._line, width, cursor, fixed=ROW_HEAD)
        kinds = [
            Content.styled(f"{mark} {kind}", KIND_STYLES[kind])
            for kind, mark in KIND_MARKS.items()
            if kind != Kind.BOILERPLATE
        ]
        flags = [Content.styled(f"{mark} {kind}", FLAG_STYLE) for kind, mark in FLAG_MARKS.items()]
        legend = Content("  ").join(
            [*kinds, Content("│ diverges:"), *flags, Content.styled("! other", FLAG_STYLE)]
        )
        order = "by coverage" if self.sort_by_coverage else "in reading order"
        self.query_one("#matrix-status", Static).update(
            Content(f"{len(groups)} {FILTERS[self.filter]}, {order} · enter: diverging pair · c: claim card")
        )
        names = Content("  ·  ".join(self.labels[source] for source in self.order))
        self.query_one("#matrix-legend", Static).update(legend + Content("\n") + names)

    def watch_sort_by_coverage(self) -> None:
        if self.is_mounted:
            self._fill()

    def watch_filter(self) -> None:
        if self.is_mounted:
            self._fill()

    def action_toggle_sort(self) -> None:
        self.sort_by_coverage = not self.sort_by_coverage

    def action_cycle_filter(self) -> None:
        names = list(FILTERS)
        self.filter = names[(names.index(self.filter) + 1) % len(names)]

    def action_cursor_down(self) -> None:
        self.table.action_move(1)

    def action_cursor_up(self) -> None:
        self.table.action_move(-1)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_choose(self) -> None:
        group = self.table.current
        if group is not None:
            self.dismiss(MatrixChoice(group))

    def action_card(self) -> None:
        group = self.table.current
        if group is not None:
            self.dismiss(MatrixChoice(group, card=True))

    @on(ClaimMatrix.Selected)
    def _on_selected(self, event: ClaimMatrix.Selected) -> None:
        event.stop()
        self.action_choose()
