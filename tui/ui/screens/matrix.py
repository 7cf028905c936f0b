"""MatrixScreen: which source carries which claim, as a claim x source table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.alignment.model import KIND_MARKS, ClaimGroup
from tui.alignment.result import Alignment
from tui.corpus.model import Kind
from tui.ui.widgets.display import one_line

FILTERS = {
    "all": "claims",
    "exclusive": "claims only one source carries (exclusives)",
    "divergent": "claims with flagged divergences",
}


class MatrixScreen(Screen[int | None]):
    """Coverage matrix; ``enter`` returns the chosen claim group's id to the compare view."""

    BINDINGS = [
        Binding("escape,o", "close", "Back", id="matrix-close", tooltip="Back to the compare view"),
        Binding("enter", "choose", "Jump", id="matrix-jump", tooltip="Show this claim in the compare view"),
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

    def __init__(self, alignment: Alignment, labels: dict[str, str]) -> None:
        super().__init__()
        self.alignment = alignment
        self.labels = labels
        self._divergent: dict[int, bool] = {}
        self._claim_width = 40

    def compose(self) -> ComposeResult:
        yield Static("", id="matrix-status")
        yield DataTable(id="matrix", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("#", key="id")
        table.add_column("n", key="count")
        for article in self.alignment.articles:
            table.add_column(self.labels[article.id].split()[0], key=article.id)
        # The claim column takes what the marks leave (cell padding is one cell each side).
        used = 6 + 5 + 5 * len(self.alignment.articles) + 2
        self._claim_width = max(20, self.app.size.width - used)
        table.add_column("claim (first source's wording)", key="claim", width=self._claim_width)
        self._fill()
        table.focus()

    def _is_divergent(self, group: ClaimGroup) -> bool:
        if group.id not in self._divergent:
            self._divergent[group.id] = any(pair.divergences for pair in self.alignment.pairs(group))
        return self._divergent[group.id]

    def _groups(self) -> list[ClaimGroup]:
        groups = list(self.alignment.groups)
        if self.filter == "exclusive":
            groups = [g for g in groups if len(g.members) == 1]
        elif self.filter == "divergent":
            groups = [g for g in groups if len(g.members) > 1 and self._is_divergent(g)]
        if self.sort_by_coverage:
            groups.sort(key=lambda g: (-len(g.members), g.id))
        return groups

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        groups = self._groups()
        for group in groups:
            marks = []
            for article in self.alignment.articles:
                member = group.member_for(article.id)
                kind = self.alignment.sentence(member).kind if member else None
                marks.append(KIND_MARKS[kind] if kind else "")
            first = one_line(self.alignment.sentence(group.members[0]).text)
            if len(first) > self._claim_width:
                first = first[: self._claim_width - 1] + "…"
            table.add_row(str(group.id), str(len(group.members)), *marks, Content(first), key=str(group.id))
        legend = "  ".join(f"{mark} {kind}" for kind, mark in KIND_MARKS.items() if kind != Kind.BOILERPLATE)
        order = "by coverage" if self.sort_by_coverage else "in reading order"
        self.query_one("#matrix-status", Static).update(
            Content(f"{len(groups)} {FILTERS[self.filter]}, {order} · {legend}")
        )

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

    def action_choose(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        self.dismiss(int(key))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()
