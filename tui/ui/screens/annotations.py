"""AnnotationsScreen: every annotation in the store, filtered by label, source and verdict."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.annotations.model import VERDICTS, Annotation
from tui.annotations.store import AnnotationStore
from tui.ui.widgets.display import one_line

ALL = "all"
QUOTE_WIDTH = 70


class AnnotationsScreen(Screen[Annotation | None]):
    """A table of annotations; ``enter`` returns the chosen one to jump to it."""

    BINDINGS = [
        Binding("escape,a", "close", "Back", id="annotations-close", tooltip="Back to the compare view"),
        Binding(
            "enter",
            "choose",
            "Jump",
            id="annotations-jump",
            tooltip="Show this annotation in the compare view",
        ),
        Binding("l", "cycle('label')", "Label", id="annotations-label", tooltip="Filter by label"),
        Binding("s", "cycle('source')", "Source", id="annotations-source", tooltip="Filter by source"),
        Binding("v", "cycle('verdict')", "Verdict", id="annotations-verdict", tooltip="Filter by verdict"),
        Binding("j", "cursor(1)", "Down", id="annotations-down", show=False),
        Binding("k", "cursor(-1)", "Up", id="annotations-up", show=False),
    ]

    label: reactive[str] = reactive(ALL)
    source: reactive[str] = reactive(ALL)
    verdict: reactive[str] = reactive(ALL)

    def __init__(self, store: AnnotationStore, labels: list[str], source_labels: dict[str, str]) -> None:
        super().__init__()
        self.store = store
        self.labels = labels
        self.source_labels = source_labels
        self._shown: list[Annotation] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="annotations-status")
        yield DataTable(id="annotations", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("source", "label", "verdict", "state", "quote", "note")
        self._fill()
        table.focus()

    def _options(self, field: str) -> list[str]:
        values = {
            "label": self.labels
            + sorted({a.label for a in self.store.annotations.values()} - set(self.labels)),
            "source": sorted({a.source for a in self.store.annotations.values()}),
            "verdict": [*VERDICTS, "none"],
        }[field]
        return [ALL, *values]

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        shown = []
        for annotation in sorted(
            self.store.annotations.values(), key=lambda a: (a.source, a.start, a.created)
        ):
            if self.label != ALL and annotation.label != self.label:
                continue
            if self.source != ALL and annotation.source != self.source:
                continue
            if self.verdict != ALL and (annotation.verdict or "none") != self.verdict:
                continue
            shown.append(annotation)
            quote = one_line(annotation.quote.exact)
            if len(quote) > QUOTE_WIDTH:
                quote = quote[: QUOTE_WIDTH - 1] + "…"
            table.add_row(
                Content(self.source_labels.get(annotation.source, annotation.source)),
                Content(annotation.label),
                annotation.verdict or "",
                "orphaned" if annotation.orphan else ("changed, check" if annotation.changed else ""),
                Content(quote),
                Content(one_line(annotation.note)),
            )
        self._shown = shown
        orphans = sum(1 for a in self.store.annotations.values() if a.orphan)
        where = " (read-only)" if self.store.read_only else ""
        self.query_one("#annotations-status", Static).update(
            Content(
                f"{len(shown)} of {len(self.store.annotations)} annotations in {self.store.path}{where}"
                f" · label: {self.label} · source: {self.source} · verdict: {self.verdict}"
                + (f" · {orphans} orphaned (their text changed; kept with their quote)" if orphans else "")
            )
        )

    def watch_label(self) -> None:
        if self.is_mounted:
            self._fill()

    watch_source = watch_label
    watch_verdict = watch_label

    def action_cycle(self, field: str) -> None:
        options = self._options(field)
        current = getattr(self, field)
        position = options.index(current) if current in options else 0
        setattr(self, field, options[(position + 1) % len(options)])

    def action_cursor(self, step: int) -> None:
        table = self.query_one(DataTable)
        table.move_cursor(row=table.cursor_row + step)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_choose(self) -> None:
        table = self.query_one(DataTable)
        if not self._shown:
            return
        annotation = self._shown[table.cursor_row]
        if annotation.orphan:
            self.notify("This annotation is orphaned: its text is no longer in the article.", timeout=4)
            return
        self.dismiss(annotation)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()
