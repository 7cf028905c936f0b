"""CompareScreen: sources side by side, the claim inspector, and the keys to move around.

The screen owns what the reader looks at: which sources are in the panes (``sources``), the
outlet names, and the word selection. The app hands it the alignment (``load``); the panes and
the inspector get what they draw as attributes and report moves with messages.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import events, on
from textual.app import ComposeResult
from textual.color import Color, ColorParseError
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

from tui.alignment.model import ClaimGroup, Member
from tui.alignment.result import Alignment
from tui.alignment.rows import best_pair, build_rows
from tui.annotations.config import Config
from tui.annotations.model import Annotation
from tui.annotations.store import AnnotationStore
from tui.corpus.outlets import Outlet, by_publication, name_outlets
from tui.ui.messages import AnnotationsChanged
from tui.ui.screens.annotating import AnnotationActions
from tui.ui.screens.compare_bindings import COMPARE_BINDINGS, SELECTION_ACTIONS, WHILE_SELECTING
from tui.ui.screens.inspecting import InspectorFeed
from tui.ui.screens.navigating import NavigationActions
from tui.ui.screens.opening import ViewActions
from tui.ui.widgets.aligned_panes import AlignedPanes
from tui.ui.widgets.claim_inspector import ClaimInspector
from tui.ui.widgets.display import plural, source_key, source_labels
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.pane_layout import panes_that_fit
from tui.ui.widgets.pane_titles import PaneTitles

SINGLE = "only one article: comparing needs a second (open two or more files, or a folder)"


class CompareScreen(NavigationActions, ViewActions, AnnotationActions, InspectorFeed, Screen[None]):
    """The main screen: aligned panes over a claim inspector."""

    BINDINGS = COMPARE_BINDINGS
    SELECTION_ACTIONS = SELECTION_ACTIONS

    show_boilerplate: reactive[bool] = reactive(True)

    def __init__(
        self,
        store: AnnotationStore,
        config: Config,
        names: Mapping[str, str] | None = None,
        alignment: Alignment | None = None,
    ) -> None:
        """``alignment``: articles already aligned (a cache hit), shown in the first frame."""
        super().__init__()
        self._initial = alignment
        self._fresh = True  # not yet shown: styled as it mounts
        self.store = store
        self.config = config
        self.names = dict(names or {})  # outlet names given on the command line
        self.selecting = False
        self._comparing = True  # False until the first frame of a load is drawn
        self._selection_words = (0, 0)
        self.alignment: Alignment | None = None
        self.failure: str | None = None
        self.sources: list[str] = []
        self.outlets: dict[str, Outlet] = {}
        self.order: list[str] = []
        self.labels: dict[str, str] = {}
        # A sentence can carry two claims: the one a jump (d, matrix, card) was about wins there.
        self._claim_hint: tuple[Member, int] | None = None
        # What the status line and inspector last showed (rows, cursor, pane, sources, boilerplate).
        self._shown: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Static("Loading articles…", id="status")
        yield PaneTitles(id="pane-titles")
        yield AlignedPanes(id="panes")
        with VerticalScroll(id="inspector-box"):
            yield ClaimInspector(id="inspector")
        yield KeyFooter()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler (subclass first). Textual styles every node of a
        # screen again as it comes back, in case classes or the theme changed under it; the
        # first time, every node was styled as it mounted, moments before, to the same result
        # (a test compares them). That second pass cost the seeds' first screen ~7 ms.
        if self._fresh:
            self._fresh = False
            event.refresh_styles = False
        # Shown, not merely mounted: updates made before the screen is current marked nothing
        # to draw, and the first frame left the status line blank.
        if self._initial is not None:
            self.load(self._initial)
            self._initial = None

    @property
    def panes(self) -> AlignedPanes:
        """The aligned panes widget."""
        return self.query_one(AlignedPanes)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Selection keys work only while selecting; the others wait until it ends."""
        if action in self.SELECTION_ACTIONS:
            return self.selecting
        return not self.selecting or action in WHILE_SELECTING

    def not_ready(self) -> bool:
        """True (and says why) when no articles are loaded yet or the load failed."""
        if self.alignment is not None:
            return False
        if self.failure is not None:
            self.notify(f"Nothing loaded: {self.failure}", title="Nothing to show", timeout=4)
        else:
            self.notify("Still loading the articles; try again in a moment.", timeout=3)
        return True

    # -- state -----------------------------------------------------------------------------

    def show_progress(self, stage: str, done: int, total: int) -> None:
        """Say what loading is doing while the worker runs."""
        verb = {"read": "Reading articles", "segment": "Finding sentences", "align": "Aligning sources"}
        self._status(f"{verb.get(stage, stage)}… {done}/{total}")

    def load_failed(self, reason: str) -> None:
        """Nothing could be loaded: say so where the rows would be."""
        self.failure = reason
        self._status(f"Nothing to show: {reason}")

    def _status(self, text: str) -> None:
        # One line high whatever it says (base.tcss): no layout of the screen for a new text.
        self.query_one("#status", Static).update(Content(text), layout=False)

    def load(self, alignment: Alignment) -> None:
        """Show a freshly aligned corpus, starting with the two sources that share the most."""
        self.alignment = alignment
        self._name_sources()
        self._push_annotations()
        left, right = best_pair(alignment)
        self.sources = [left] if left == right else [left, right]
        # The first frame shows the text; the cursor row's word differences and the claim's
        # versions follow right after it. The first comparison of a session imports and loads
        # the word-frequency tables (about 250 ms), which held the whole first screen back.
        self._comparing = False
        self.panes.compare_cursor = False
        self.refresh_rows(0)
        self._start_on_text()
        self.show_row()
        self.panes.focus()

    def _name_sources(self) -> None:
        assert self.alignment is not None
        names = {**self.store.names(), **self.names}  # the command line wins for this session
        self.outlets = name_outlets(self.alignment.articles, names)
        self.order = by_publication(self.alignment.articles, self.outlets)
        self.labels = source_labels(self.order, self.outlets)

    def rename_source(self, source: str, name: str) -> None:
        """Show ``source`` as ``name`` everywhere (the store keeps it for the next session)."""
        if name:
            self.names[source] = name
        else:
            self.names.pop(source, None)
        self._name_sources()
        self.refresh_rows()

    def _push_annotations(self) -> None:
        """Hand the panes what they draw of the annotations: per source, and label colours."""
        by_source: dict[str, list[Annotation]] = {}
        for annotation in self.store.annotations.values():
            by_source.setdefault(annotation.source, []).append(annotation)
        labels: list[tuple[str, Color | None]] = []
        for label in self.config.labels:
            try:
                color = Color.parse(label.color) if label.color else None
            except ColorParseError:
                color = None
            labels.append((label.name, color))
        self.panes.set_annotations(by_source, labels)

    def _start_on_text(self) -> None:
        """Start on the first row with article text, focused on a pane holding it."""
        assert self.alignment is not None
        for number, row in enumerate(self.panes.rows):
            for pane, source in enumerate(self.sources):
                index = row.side(pane)
                if index is not None and not self.alignment.article(source).sentences[index].boilerplate:
                    self.panes.side = pane
                    self.panes.jump_to(number)
                    return

    def refresh_rows(self, cursor: int | None = None) -> None:
        """Rebuild rows after the sources or the boilerplate setting changed."""
        if self.alignment is None:
            return
        rows = build_rows(self.alignment, self.sources, self.show_boilerplate)
        self._counts = self._coverage()
        self.panes.show(self.alignment, self.sources, rows, self.panes.cursor if cursor is None else cursor)
        self._update_titles()

    def _coverage(self) -> tuple[int, list[int]]:
        """Claims every shown source carries, and claims only each one carries (among those shown)."""
        assert self.alignment is not None
        groups = [{s.group for s in self.alignment.article(src).content()} for src in self.sources]
        shared = set.intersection(*groups) if groups else set()
        only = [
            len(g - set().union(*(o for n, o in enumerate(groups) if n != i))) for i, g in enumerate(groups)
        ]
        return len(shared), only

    def watch_show_boilerplate(self, show: bool) -> None:
        self.set_class(not show, "-hide-boilerplate")
        if self.alignment is None:
            return
        # Keep the reader on the same sentence when rows appear or vanish around it.
        anchor = self.current_member()
        self.refresh_rows(0)
        if anchor is not None:
            self.select_sentence(anchor.source, anchor.sentence)
        self.show_row()

    def current_member(self) -> Member | None:
        """The focused sentence of the current row, else the first sentence on it."""
        row = self.panes.current
        if row is None:
            return None
        for pane in (self.panes.side, *range(len(self.sources))):
            index = row.side(pane)
            if index is not None:
                return Member(self.sources[pane], index)
        return None

    def select_sentence(self, source: str, index: int) -> bool:
        """Move the cursor to the row showing sentence ``index`` of ``source``, if visible."""
        for pane, shown in enumerate(self.sources):
            if shown != source:
                continue
            for number, row in enumerate(self.panes.rows):
                if row.side(pane) == index:
                    self.panes.side = pane
                    self.panes.jump_to(number)
                    return True
        return False

    def _room(self) -> int:
        """How many panes fit at the current width."""
        return panes_that_fit(self.panes.size.width or self.app.size.width)

    def current_claim(self) -> ClaimGroup | None:
        """The claim in focus: the one a jump was about, else the focused sentence's main claim."""
        member = self.current_member()
        if member is None or self.alignment is None:
            return None
        if self._claim_hint is not None and self._claim_hint[0] == member:
            return self.alignment.groups[self._claim_hint[1]]
        return self.alignment.group_of(member.source, member.sentence)

    def show_member(self, member: Member, beside: Member | None = None, claim: int | None = None) -> None:
        """Bring ``member`` into a pane (the focused one, unless it is shown) and select it.

        With ``beside``, that source is kept or put in a pane next to ``member``'s, so the two
        versions sit on one row when they line up. ``claim`` names the claim the jump is about,
        for a sentence that carries more than one.
        """
        if self.alignment is None:
            return
        self._claim_hint = None if claim is None else (member, claim)
        sources = list(self.sources)
        if member.source not in sources:
            sources[min(self.panes.side, len(sources) - 1)] = member.source
        if beside is not None and beside.source not in sources and beside.source != member.source:
            home = sources.index(member.source)
            if len(sources) < min(self._room(), len(self.alignment.articles)):
                sources.insert(home + 1, beside.source)
            else:
                sources[home + 1 if home + 1 < len(sources) else home - 1] = beside.source
        sentence = self.alignment.sentence(member)
        if sentence.boilerplate and not self.show_boilerplate:
            self.show_boilerplate = True
        self.sources = sources
        self.refresh_rows(0)
        self.select_sentence(member.source, member.sentence)
        self.show_row()

    # -- display ---------------------------------------------------------------------------

    def _update_titles(self) -> None:
        if self.alignment is None:
            return
        titles = []
        for source in self.sources:
            article = self.alignment.article(source)
            published = self.outlets[source].published
            when = f" · {published[:10]}" if published else ""
            titles.append(f"{self.labels[source]}{when} — {article.title or '(no headline)'}")
        self.query_one(PaneTitles).set_titles(titles, self.panes.side, self.panes.column_width)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_panes)

    def _fit_panes(self) -> None:
        """After a resize, drop the panes that no longer fit (the focused one stays)."""
        room = self._room()
        if self.alignment is not None and len(self.sources) > room:
            keep = self.sources[self.panes.side]
            anchor = self.current_member()
            while len(self.sources) > room:
                self.sources.pop(
                    next(i for i in range(len(self.sources) - 1, -1, -1) if self.sources[i] != keep)
                )
            self.panes.side = self.sources.index(keep)
            self.refresh_rows(0)
            if anchor is not None and anchor.source in self.sources:
                self.select_sentence(anchor.source, anchor.sentence)
            self.notify(f"Narrower terminal: {room} panes fit.", timeout=3)
        self._update_titles()

    @on(AlignedPanes.RowChanged)
    def _on_row_changed(self, message: AlignedPanes.RowChanged) -> None:
        # Usually an action already showed this position (``show_row``) in the cursor's own
        # frame: drawing it again here would cost a second frame. Moves the screen did not make
        # (a click) still arrive only through this message.
        if self._shown is None or not self._same_position(self._shown):
            self.show_row()

    def _position(self) -> tuple[object, ...]:
        panes = self.panes
        return (panes.rows, panes.cursor, panes.side, tuple(self.sources), self.show_boilerplate)

    def _same_position(self, shown: tuple[object, ...]) -> bool:
        here = self._position()
        # Rows by identity: rebuilt rows may be equal yet carry new names (a renamed outlet).
        return here[0] is shown[0] and here[1:] == shown[1:]

    def show_row(self) -> None:
        """Bring the titles, status line and inspector up to the panes' row and focused pane.

        Actions that move call this right after the move, so the cursor and the inspector are
        drawn in the same frame.
        """
        if self.alignment is None:
            return
        self._shown = self._position()
        panes = self.panes
        self._update_titles()
        row = panes.current
        shared, only = self._counts
        position = f"row {panes.cursor + 1}/{len(panes.rows)}" if row else "no rows"
        boilerplate = "" if self.show_boilerplate else " · boilerplate hidden"
        short = [source_key(self.labels, source) for source in self.sources]
        # First on the line so a narrow terminal never cuts it: tagging keys will not save.
        read_only = "read-only · " if self.store.read_only else ""
        if len(self.sources) == 1:
            text = f"{short[0]} · {position} · {SINGLE}{boilerplate}"
        elif len(self.sources) == 2:
            text = (
                f"{short[0]} vs {short[1]} · {position} · {plural(shared, 'shared claim')}"
                f" · {only[0]} only left · {only[1]} only right{boilerplate}"
            )
        else:
            alone = " · ".join(f"{s} alone {n}" for s, n in zip(short, only, strict=True))
            every = f"{plural(shared, 'claim')} in all {len(short)}"
            text = f"{' vs '.join(short)} · {position} · {every} · {alone}{boilerplate}"
        self._status(read_only + text)
        self._show_inspector()

    @on(AlignedPanes.ColumnsChanged)
    def _on_columns_changed(self, message: AlignedPanes.ColumnsChanged) -> None:
        self._update_titles()

    @on(AnnotationsChanged)
    def _on_annotations_changed(self, message: AnnotationsChanged) -> None:
        self.refresh_annotations()

    def refresh_annotations(self) -> None:
        """The store changed: redraw the marks, the inspector and the status line."""
        self._push_annotations()
        self.show_row()

    @on(ClaimInspector.OpenCard)
    def _on_open_card(self, message: ClaimInspector.OpenCard) -> None:
        self.action_open_card()
