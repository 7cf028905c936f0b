"""CompareScreen: two sources side by side, the claim inspector, and the keys to move around."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.color import Color, ColorParseError
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.style import Style
from textual.widgets import Footer, Label, Static

from tui.alignment.model import Member
from tui.alignment.result import Alignment
from tui.alignment.rows import best_pair, build_rows, counts, group_at, is_divergent
from tui.ui.screens.annotating import AnnotationActions
from tui.ui.screens.compare_bindings import COMPARE_BINDINGS, SELECTION_ACTIONS
from tui.ui.widgets.aligned_panes import AlignedPanes
from tui.ui.widgets.claim_inspector import ClaimInspector
from tui.ui.widgets.display import one_line

SIDES = ("left", "right")


def source_labels(alignment: Alignment) -> dict[str, str]:
    """Short labels (``S1 reuters``) for every source, in load order."""
    return {a.id: f"S{n} {a.id}" for n, a in enumerate(alignment.articles, start=1)}


class CompareScreen(AnnotationActions, Screen[None]):
    """The main screen: aligned panes over a claim inspector."""

    BINDINGS = COMPARE_BINDINGS
    SELECTION_ACTIONS = SELECTION_ACTIONS

    show_boilerplate: reactive[bool] = reactive(True)

    def __init__(self) -> None:
        super().__init__()
        self.selecting = False
        self._selection_words = (0, 0)
        self.alignment: Alignment | None = None
        self.sources: dict[str, str] = {"left": "", "right": ""}
        self.labels: dict[str, str] = {}
        self._counts = (0, 0, 0)

    def compose(self) -> ComposeResult:
        yield Static("Loading articles…", id="status")
        with Horizontal(id="pane-titles"):
            yield Label("", id="left-title", classes="pane-title -focused")
            yield Label("", id="right-title", classes="pane-title")
        yield AlignedPanes(id="panes")
        yield ClaimInspector(id="inspector")
        yield Footer()

    @property
    def panes(self) -> AlignedPanes:
        """The aligned panes widget."""
        return self.query_one(AlignedPanes)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Selection keys work only while selecting; the others wait until it ends."""
        if action in self.SELECTION_ACTIONS:
            return self.selecting
        return not self.selecting or action in ("quit", "help")

    # -- state -----------------------------------------------------------------------------

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Say what loading is doing while the worker runs."""
        verb = {"read": "Reading articles", "segment": "Finding sentences", "align": "Aligning sources"}
        self.query_one("#status", Static).update(
            Content(f"{verb.get(stage, stage)}… {done}/{total}"), layout=False
        )

    def load(self, alignment: Alignment) -> None:
        """Show a freshly aligned corpus, starting with the two sources that share the most."""
        self.alignment = alignment
        self.labels = source_labels(alignment)
        self.panes.tags = self.store.for_source
        self.panes.label_style = self._label_style
        left, right = best_pair(alignment)
        self.sources = {"left": left, "right": right}
        self.refresh_rows(0)
        self._skip_leading_boilerplate()
        self.panes.focus()

    def _skip_leading_boilerplate(self) -> None:
        """Start on the first row with article text: page clutter often comes first."""
        assert self.alignment is not None
        for number, row in enumerate(self.panes.rows):
            for side in SIDES:
                index = row.side(side)
                if (
                    index is not None
                    and not self.alignment.article(self.sources[side]).sentences[index].boilerplate
                ):
                    self.panes.jump_to(number)
                    return

    def refresh_rows(self, cursor: int | None = None) -> None:
        """Rebuild rows after the sources or the boilerplate setting changed."""
        if self.alignment is None:
            return
        rows = build_rows(self.alignment, self.sources["left"], self.sources["right"], self.show_boilerplate)
        # The status line's counts depend only on the two sources: computed here, not per key.
        self._counts = counts(self.alignment, self.sources["left"], self.sources["right"])
        self.panes.show(
            self.alignment,
            self.sources["left"],
            self.sources["right"],
            rows,
            self.panes.cursor if cursor is None else cursor,
        )
        self._update_titles()

    def watch_show_boilerplate(self, show: bool) -> None:
        self.set_class(not show, "-hide-boilerplate")
        if self.alignment is None:
            return
        # Keep the reader on the same sentence when rows appear or vanish around it.
        anchor = self._current_member()
        self.refresh_rows(0)
        if anchor is not None:
            self.select_sentence(anchor.source, anchor.sentence)

    def _current_member(self) -> Member | None:
        row = self.panes.current
        if row is None:
            return None
        for side in (self.panes.side, *SIDES):
            index = row.side(side)
            if index is not None:
                return Member(self.sources[side], index)
        return None

    def select_sentence(self, source: str, index: int) -> bool:
        """Move the cursor to the row showing sentence ``index`` of ``source``, if visible."""
        for side in SIDES:
            if self.sources[side] != source:
                continue
            for number, row in enumerate(self.panes.rows):
                if row.side(side) == index:
                    self.panes.side = side
                    self.panes.jump_to(number)
                    return True
        return False

    def show_sources(
        self, left: str, right: str, source: str | None = None, index: int | None = None
    ) -> None:
        """Put ``left`` and ``right`` in the panes and, optionally, select a sentence."""
        self.sources = {"left": left, "right": right}
        if index is not None and source is not None:
            sentence = self.alignment.article(source).sentences[index] if self.alignment else None
            if sentence is not None and sentence.boilerplate and not self.show_boilerplate:
                self.show_boilerplate = True
        self.refresh_rows(0)
        if source is not None and index is not None:
            self.select_sentence(source, index)

    def _label_style(self, label: str) -> Style:
        names = [item.name for item in self.config.labels]
        item = self.config.labels[names.index(label)] if label in names else None
        if item is not None and item.color:
            try:
                return Style(foreground=Color.parse(item.color))
            except ColorParseError:
                pass
        number = names.index(label) % 6 + 1 if label in names else 1
        return self.panes._style(f"aligned-panes--label-{number}")

    def after_annotation_change(self) -> None:
        super().after_annotation_change()
        self._show_inspector()

    # -- display ---------------------------------------------------------------------------

    def _update_titles(self) -> None:
        if self.alignment is None:
            return
        for side in SIDES:
            article = self.alignment.article(self.sources[side])
            title = article.title or "(no headline)"
            label = self.query_one(f"#{side}-title", Label)
            text = one_line(f"{self.labels[article.id]} — {title}")
            if str(label.content) != text:
                label.update(Content(text), layout=False)
            label.set_class(side == self.panes.side, "-focused")

    @on(AlignedPanes.RowChanged)
    def _on_row_changed(self, message: AlignedPanes.RowChanged) -> None:
        if self.alignment is None:
            return
        self._update_titles()
        row = message.panes.current
        shared, only_left, only_right = self._counts
        position = f"row {message.row + 1}/{len(message.panes.rows)}" if row else "no rows"
        boilerplate = "" if self.show_boilerplate else " · boilerplate hidden"
        left, right = (self.labels[self.sources[side]].split()[0] for side in SIDES)
        # First on the line so a narrow terminal never cuts it: tagging keys will not save.
        read_only = "read-only · " if self.app.store.read_only else ""  # type: ignore[attr-defined]
        self.query_one("#status", Static).update(
            layout=False,
            content=Content(
                f"{read_only}{left} vs {right} · {position} · {shared} shared claims"
                f" · {only_left} only left · {only_right} only right{boilerplate}"
            ),
        )
        self._show_inspector()

    def _show_inspector(self) -> None:
        if self.alignment is None:
            return
        row = self.panes.current
        focused = None
        group = None
        if row is not None:
            for side in (self.panes.side, *SIDES):
                index = row.side(side)
                if index is not None:
                    focused = Member(self.sources[side], index)
                    group = group_at(self.alignment, focused.source, index)
                    break
        tags = []
        if group is not None:
            for member in group.members:
                sentence = self.alignment.sentence(member)
                tags += self.store.at(member.source, sentence.start, sentence.end)
        elif focused is not None:
            sentence = self.alignment.sentence(focused)
            tags = self.store.at(focused.source, sentence.start, sentence.end)
        self.query_one(ClaimInspector).show_claim(self.alignment, group, focused, self.labels, tags)

    # -- actions ---------------------------------------------------------------------------

    def action_next_row(self) -> None:
        self.panes.move_to(self.panes.cursor + 1)

    def action_previous_row(self) -> None:
        self.panes.move_to(self.panes.cursor - 1)

    def action_first_row(self) -> None:
        self.panes.move_to(0)

    def action_last_row(self) -> None:
        self.panes.move_to(len(self.panes.rows) - 1)

    def _find_divergent(self, step: int) -> None:
        if self.alignment is None:
            return
        rows = self.panes.rows
        number = self.panes.cursor + step
        while 0 <= number < len(rows):
            if is_divergent(self.alignment, rows[number], self.sources["left"], self.sources["right"]):
                self.panes.move_to(number)
                return
            number += step
        self.notify("No more divergent rows in this direction.", timeout=2)

    def action_next_divergent(self) -> None:
        self._find_divergent(1)

    def action_previous_divergent(self) -> None:
        self._find_divergent(-1)

    def action_switch_side(self) -> None:
        self.panes.side = "right" if self.panes.side == "left" else "left"
        self._update_titles()

    def action_cycle_source(self, step: int) -> None:
        if self.alignment is None:
            return
        side = self.panes.side
        other = self.sources["right" if side == "left" else "left"]
        # The other pane's source is skipped: comparing an article with itself shows nothing.
        ids = [a.id for a in self.alignment.articles if a.id != other or a.id == self.sources[side]]
        if len(ids) < 2:
            self.notify("No other source to show here.", timeout=2)
            return
        position = ids.index(self.sources[side])
        # Stay on the sentence the unchanged pane is showing, so the reader keeps their place.
        row = self.panes.current
        other_side = "right" if side == "left" else "left"
        anchor = row.side(other_side) if row is not None else None
        self.sources[side] = ids[(position + step) % len(ids)]
        self.refresh_rows(0)
        if anchor is None or not self.select_sentence(self.sources[other_side], anchor):
            self._skip_leading_boilerplate()
        self.panes.side = side

    def action_toggle_boilerplate(self) -> None:
        self.show_boilerplate = not self.show_boilerplate
