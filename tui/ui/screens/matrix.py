"""MatrixScreen: which source carries which claim, how, and who diverges, as a claim x source table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.alignment.claims import FLAG_MARKS, flag_mark, source_flags
from tui.alignment.model import KIND_MARKS, ClaimGroup
from tui.alignment.result import Alignment
from tui.corpus.model import Kind
from tui.ui.widgets.display import one_line, source_key

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
CELL = 5  # a source column: kind mark and up to two flag marks, plus cell padding


@dataclass(frozen=True, slots=True)
class MatrixChoice:
    """What ``enter`` (the diverging pair) or ``c`` (the claim card) asked for."""

    group: int
    card: bool = False


class MatrixScreen(Screen[MatrixChoice | None]):
    """Coverage matrix; returns the chosen claim to the compare view."""

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
        yield DataTable(id="matrix", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self._build(self.app.size.width)
        self.query_one(DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        if self.is_mounted and self._width_for(event.size.width) != self._claim_width:
            self._build(event.size.width)

    def _width_for(self, width: int) -> int:
        # The claim column takes what the marks leave (cell padding is one cell each side).
        used = 6 + 5 + CELL * len(self.order) + 4
        return max(20, width - used)

    def _build(self, width: int) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        self._claim_width = self._width_for(width)
        table.add_column("#", key="id")
        table.add_column("n", key="count")
        for source in self.order:
            table.add_column(source_key(self.labels, source), key=source, width=CELL - 2)
        table.add_column("claim (first source's wording)", key="claim", width=self._claim_width)
        self._fill()
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _flags_of(self, group: ClaimGroup) -> dict[str, list[str]]:
        if group.id not in self._flags:
            self._flags[group.id] = source_flags(self.alignment, group) if len(group.members) > 1 else {}
        return self._flags[group.id]

    def _groups(self) -> list[ClaimGroup]:
        groups = list(self.alignment.groups)
        if self.filter == "exclusive":
            groups = [g for g in groups if len(g.members) == 1]
        elif self.filter == "divergent":
            groups = [g for g in groups if self._flags_of(g)]
        if self.sort_by_coverage:
            groups.sort(key=lambda g: (-len(g.members), g.id))
        return groups

    def _cell(self, group: ClaimGroup, source: str) -> Content:
        member = group.member_for(source)
        if member is None:
            return Content("")
        kind = self.alignment.sentence(member).kind
        cell = Content.styled(KIND_MARKS[kind], KIND_STYLES[kind])
        flags = self._flags_of(group).get(source)
        if flags:
            marks = "".join(dict.fromkeys(flag_mark(k) for k in flags))[:2]
            cell = cell + Content.styled(marks, FLAG_STYLE)
        return cell

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        groups = self._groups()
        for group in groups:
            marks = [self._cell(group, source) for source in self.order]
            first = one_line(self.alignment.sentence(group.members[0]).text)
            if len(first) > self._claim_width:
                first = first[: self._claim_width - 1] + "…"
            table.add_row(str(group.id), str(len(group.members)), *marks, Content(first), key=str(group.id))
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
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def _chosen(self) -> int | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if key is None else int(key)

    def action_choose(self) -> None:
        group = self._chosen()
        if group is not None:
            self.dismiss(MatrixChoice(group))

    def action_card(self) -> None:
        group = self._chosen()
        if group is not None:
            self.dismiss(MatrixChoice(group, card=True))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()
