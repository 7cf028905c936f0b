"""AnnotationsScreen: every annotation in the store, searched, sorted, grouped and filtered."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.events import Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from tui.annotations.model import VERDICTS, Annotation
from tui.annotations.store import AnnotationStore
from tui.resources import stylesheet
from tui.ui.dialogs.pickers import ChoiceScreen
from tui.ui.widgets.display import one_line
from tui.ui.widgets.key_footer import KeyFooter

ALL = "all"
SORTS = ("position", "label", "verdict", "newest")
# Columns that hold short values get their content's width up to these caps; the quote and the
# note share what is left of the screen (the table measures cells, but never shrinks a column).
SOURCE_CAP, LABEL_CAP = 24, 16
MIN_QUOTE, MIN_NOTE = 20, 16
CELL_PADDING = 2  # DataTable pads each cell by one on either side
SCROLLBAR = 2


def _cell(text: str, width: int) -> Text:
    """One line of data (never markup), cut with an ellipsis to ``width`` cells."""
    cell = Text(one_line(text), no_wrap=True, overflow="ellipsis")
    cell.truncate(width, overflow="ellipsis")
    return cell


class AnnotationsScreen(Screen[Annotation | None]):
    """A table of annotations; ``enter`` returns the chosen one to jump to it."""

    CSS_PATH = [stylesheet("annotations.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape,a", "close", "Back", id="annotations-close", tooltip="Back to the compare view"),
        Binding(
            "enter",
            "choose",
            "Jump",
            id="annotations-jump",
            tooltip="Show this annotation in the compare view",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            id="annotations-search",
            key_display="/",
            tooltip="Search the quotes and notes",
        ),
        Binding("l", "pick('label')", "Label", id="annotations-label", tooltip="Filter by label"),
        Binding("s", "pick('source')", "Source", id="annotations-source", tooltip="Filter by source"),
        Binding("v", "pick('verdict')", "Verdict", id="annotations-verdict", tooltip="Filter by verdict"),
        Binding(
            "o",
            "cycle_sort",
            "Sort",
            id="annotations-sort",
            tooltip="Sort by position, label, verdict or newest change",
        ),
        Binding(
            "c",
            "toggle_group",
            "Group",
            id="annotations-group",
            tooltip="Group the annotations of one linked claim together",
        ),
        Binding("j", "cursor(1)", "Down", id="annotations-down", show=False),
        Binding("k", "cursor(-1)", "Up", id="annotations-up", show=False),
    ]

    label: reactive[str] = reactive(ALL)
    source: reactive[str] = reactive(ALL)
    verdict: reactive[str] = reactive(ALL)
    search: reactive[str] = reactive("")
    sort: reactive[str] = reactive(SORTS[0])
    grouped: reactive[bool] = reactive(False)

    def __init__(self, store: AnnotationStore, labels: list[str], source_labels: dict[str, str]) -> None:
        super().__init__()
        self.store = store
        self.labels = labels
        self.source_labels = source_labels
        self.shown: list[Annotation] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="annotations-status")
        yield Input(placeholder="search quotes and notes…", id="annotations-find", classes="-hidden")
        yield DataTable(id="annotations", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()

    def on_resize(self, event: Resize) -> None:
        self._fill()

    # -- what is shown ---------------------------------------------------------------------

    def _options(self, field: str) -> list[str]:
        values = {
            "label": self.labels
            + sorted({a.label for a in self.store.annotations.values()} - set(self.labels)),
            "source": sorted({a.source for a in self.store.annotations.values()}),
            "verdict": [*VERDICTS, "none"],
        }[field]
        return [ALL, *values]

    def _claim_numbers(self) -> dict[str, int]:
        """Linked claims numbered in text order, so "claim 2" means the same on every sort."""
        numbers: dict[str, int] = {}
        for a in sorted(self.store.annotations.values(), key=lambda a: (a.source, a.start, a.created)):
            if a.claim and a.claim not in numbers:
                numbers[a.claim] = len(numbers) + 1
        return numbers

    def _matches(self, annotation: Annotation) -> bool:
        if self.label != ALL and annotation.label != self.label:
            return False
        if self.source != ALL and annotation.source != self.source:
            return False
        if self.verdict != ALL and (annotation.verdict or "none") != self.verdict:
            return False
        needle = self.search.casefold().strip()
        return not needle or needle in f"{annotation.quote.exact}\n{annotation.note}".casefold()

    def _ordered(self, annotations: list[Annotation], claims: dict[str, int]) -> list[Annotation]:
        position = sorted(annotations, key=lambda a: (a.source, a.start, a.created))
        if self.sort == "label":
            position.sort(key=lambda a: a.label)
        elif self.sort == "verdict":
            position.sort(key=lambda a: (a.verdict is None, a.verdict or ""))
        elif self.sort == "newest":
            position.sort(key=lambda a: a.modified, reverse=True)
        if self.grouped:  # stable: within a claim, the chosen sort still holds
            position.sort(key=lambda a: claims.get(a.claim or "", len(claims) + 1))
        return position

    def _widths(self, rows: list[Annotation], claims: dict[str, int]) -> dict[str, int]:
        sources = [self._source_name(a.source) for a in rows] or ["source"]
        widths = {
            "source": min(SOURCE_CAP, max(6, max(map(len, sources)))),
            "label": min(LABEL_CAP, max(5, max((len(a.label) for a in rows), default=5))),
        }
        if any(a.verdict for a in rows):
            widths["verdict"] = max(len(v) for v in VERDICTS)
        if any(a.orphan or a.changed for a in rows):
            widths["state"] = len("changed, check")
        if claims:
            widths["claim"] = len(f"claim {len(claims)}")
        free = self.size.width - sum(widths.values()) - CELL_PADDING * (len(widths) + 2) - SCROLLBAR
        if free < MIN_QUOTE + MIN_NOTE:  # a narrow terminal: the source gives way first
            widths["source"] = max(4, widths["source"] - (MIN_QUOTE + MIN_NOTE - free))
            free = MIN_QUOTE + MIN_NOTE
        widths["quote"] = max(MIN_QUOTE, free * 3 // 5)
        widths["note"] = max(MIN_NOTE, free - widths["quote"])
        return widths

    def _source_name(self, source: str) -> str:
        return self.source_labels.get(source, source)

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        claims = self._claim_numbers()
        rows = self._ordered([a for a in self.store.annotations.values() if self._matches(a)], claims)
        widths = self._widths(rows, claims)
        row = table.cursor_row
        table.clear(columns=True)
        for name, width in widths.items():
            table.add_column(name, width=width, key=name)
        for a in rows:
            values = {
                "source": self._source_name(a.source),
                "label": a.label,
                "verdict": a.verdict or "",
                "state": "orphaned" if a.orphan else ("changed, check" if a.changed else ""),
                "claim": f"claim {claims[a.claim]}" if a.claim in claims else "",
                "quote": a.quote.exact,
                "note": a.note,
            }
            table.add_row(*(_cell(values[name], width) for name, width in widths.items()))
        self.shown = rows
        if rows:
            table.move_cursor(row=min(row, len(rows) - 1))
        self._show_status()

    def _show_status(self) -> None:
        orphans = sum(1 for a in self.store.annotations.values() if a.orphan)
        where = " (read-only)" if self.store.read_only else ""
        total = len(self.store.annotations)
        # Counts and filters first and the store's path last: at 80 columns the line wraps, and
        # what a key just changed stays on the first line.
        parts = [
            f"{len(self.shown)} of {total} annotation{'s' if total != 1 else ''}{where}",
            f"label: {self.label}",
            f"source: {self.source}",
            f"verdict: {self.verdict}",
            f"sort: {self.sort}" + (", grouped by claim" if self.grouped else ""),
        ]
        if self.search.strip():
            parts.append(f"search: {self.search.strip()}")
        if orphans:
            parts.append(f"{orphans} orphaned (their text changed; kept with their quote)")
        parts.append(f"in {self.store.path}")
        self.query_one("#annotations-status", Static).update(Content(" · ".join(parts)))

    def _refill(self) -> None:
        if self.is_mounted:
            self._fill()

    watch_label = watch_source = watch_verdict = watch_search = watch_sort = watch_grouped = _refill

    # -- actions ---------------------------------------------------------------------------

    def action_pick(self, field: str) -> None:
        """Choose a filter value from the values there are (``all`` first)."""
        options = self._options(field)
        # "all" is 0, so the values keep the digits the tagging pickers give them (1 supported).
        choices: list[tuple[str, str | None]] = [(value, "0" if value == ALL else None) for value in options]

        def chosen(value: str | None) -> None:
            if value is not None:
                setattr(self, field, value)

        self.app.push_screen(ChoiceScreen(f"Show {field}", choices), chosen)

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def action_toggle_group(self) -> None:
        self.grouped = not self.grouped

    def action_search(self) -> None:
        box = self.query_one("#annotations-find", Input)
        box.remove_class("-hidden")
        box.focus()

    @on(Input.Changed, "#annotations-find")
    def _on_search(self, event: Input.Changed) -> None:
        self.search = event.value

    @on(Input.Submitted, "#annotations-find")
    def _on_search_done(self) -> None:
        self.query_one(DataTable).focus()

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)

    def action_close(self) -> None:
        box = self.query_one("#annotations-find", Input)
        if box.has_focus or self.search:
            # Escape leaves the search first: the list comes back whole, the screen stays.
            box.value = ""
            box.add_class("-hidden")
            self.query_one(DataTable).focus()
            return
        self.dismiss(None)

    def action_choose(self) -> None:
        table = self.query_one(DataTable)
        if not self.shown:
            return
        annotation = self.shown[table.cursor_row]
        if annotation.orphan:
            self.notify("This annotation is orphaned: its text is no longer in the article.", timeout=4)
            return
        self.dismiss(annotation)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()
