"""SearchScreen: find words in every source; ``enter`` jumps to the sentence."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.alignment.model import Member
from tui.alignment.result import Alignment
from tui.corpus.text import fold
from tui.ui.widgets.display import one_line

MAX_RESULTS = 200


def search(alignment: Alignment, query: str) -> list[Member]:
    """Sentences of all sources containing ``query`` (case, accents and quote styles ignored)."""
    needle = fold(" ".join(query.split()))
    if not needle:
        return []
    found = []
    for article in alignment.articles:
        for sentence in article.sentences:
            if needle in fold(" ".join(sentence.text.split())):
                found.append(Member(article.id, sentence.index))
                if len(found) >= MAX_RESULTS:
                    return found
    return found


class SearchScreen(ModalScreen[Member | None]):
    """A query box over a list of matching sentences."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search-close", tooltip="Close search"),
        Binding("down", "focus_results", "Results", id="search-results", show=False),
    ]

    def __init__(self, alignment: Alignment, labels: dict[str, str]) -> None:
        super().__init__()
        self.alignment = alignment
        self.labels = labels
        self._results: list[Member] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Static("Search all sources", classes="dialog-title")
            yield Input(placeholder="words to find…", id="search-input")
            yield Static("Type to search; enter or ↓ to pick a result.", id="search-count")
            yield OptionList(id="search-results")

    @on(Input.Changed)
    def _on_query(self, event: Input.Changed) -> None:
        self._results = search(self.alignment, event.value)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(
            Option(
                Content.assemble(
                    (f"{self.labels[m.source]} #{m.sentence} ", "bold"),
                    Content(one_line(self.alignment.sentence(m).text)),
                ),
                id=f"{m.source}\x00{m.sentence}",
            )
            for m in self._results
        )
        count = len(self._results)
        more = "+" if count >= MAX_RESULTS else ""
        self.query_one("#search-count", Static).update(
            Content(f"{count}{more} sentence{'s' if count != 1 else ''} found" if event.value.strip() else "")
        )

    @on(Input.Submitted)
    def _on_submit(self) -> None:
        if self._results:
            self.dismiss(self._results[self.query_one(OptionList).highlighted or 0])

    @on(OptionList.OptionSelected)
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._results[event.option_index])

    def action_focus_results(self) -> None:
        results = self.query_one(OptionList)
        if results.option_count:
            results.focus()
            results.highlighted = results.highlighted or 0
