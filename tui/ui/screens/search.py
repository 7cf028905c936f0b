"""SearchScreen: find words in every source; ``enter`` jumps to the sentence."""

from __future__ import annotations

import asyncio
import re
from functools import lru_cache

from textual import on, work
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
from tui.resources import stylesheet
from tui.ui.widgets.display import displayable as one_line_exact

MAX_RESULTS = 200
FOLD_AFTER = 0.1  # seconds after opening: folding every sentence starts
FOLD_BATCH = 300  # sentences folded between two key presses


MATCH_STYLE = "bold reverse"  # reverse keeps the text's own contrast, in either theme


_WORD = re.compile(r"\S+")


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` folded (case, accents, quote styles) and single-spaced, with, for each folded
    character, the index of the original character it came from."""
    if text.isascii():
        return _folded_ascii(text)
    return folded_per_character(text)


def folded_per_character(text: str) -> tuple[str, list[int]]:
    """``_folded`` the plain way: every character folded on its own, whitespace runs made one
    space (the reference the ASCII fast path is tested against)."""
    folded: list[str] = []
    origin: list[int] = []
    for index, character in enumerate(text):
        if character.isspace():
            if folded and folded[-1] != " ":
                folded.append(" ")
                origin.append(index)
            continue
        for piece in fold(character):
            folded.append(piece)
            origin.append(index)
    return "".join(folded), origin


def _folded_ascii(text: str) -> tuple[str, list[int]]:
    """``_folded`` for ASCII text, where folding one character is lower-casing it (and the
    backquote is a quote): the same result a word at a time instead of a ``fold`` call a
    character."""
    pieces: list[str] = []
    origin: list[int] = []
    end = 0
    for match in _WORD.finditer(text):
        start = match.start()
        if start > end and pieces:  # whitespace between words: one space, from its first character
            pieces.append(" ")
            origin.append(end)
        pieces.append(match.group().lower().replace("`", "'"))
        origin.extend(range(start, match.end()))
        end = match.end()
    if end < len(text) and pieces:
        pieces.append(" ")
        origin.append(end)
    return "".join(pieces), origin


@lru_cache(maxsize=1 << 16)
def _folded_text(text: str) -> str:
    """The folded string of ``text`` alone, kept: each typed character searches every sentence."""
    return _folded(text)[0]


# Each typed character marks the matches of up to MAX_RESULTS sentences, mostly the same ones as
# for the character before: their folding (with offsets) is kept too.
_folded_with_origin = lru_cache(maxsize=1 << 12)(_folded)


@lru_cache(maxsize=256)
def _needle(query: str) -> str:
    """``query`` folded and single-spaced, as it is looked for."""
    return " ".join(fold(" ".join(query.split())).split())


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text``, as spans of ``text`` (folded like the search)."""
    # Folding can leave only a space ("¨" is a space and a combining mark): nothing to look for.
    needle = _needle(query)
    if not needle:
        return []
    folded, origin = _folded_with_origin(text)
    spans = []
    start = folded.find(needle)
    while start >= 0:
        end = start + len(needle)
        spans.append((origin[start], origin[end - 1] + 1))
        start = folded.find(needle, end)
    return spans


def search(alignment: Alignment, query: str) -> list[Member]:
    """Sentences of all sources containing ``query`` (case, accents and quote styles ignored)."""
    needle = _needle(query)
    if not needle:
        return []
    found = []
    for article in alignment.articles:
        for sentence in article.sentences:
            if needle in _folded_text(sentence.text):
                found.append(Member(article.id, sentence.index))
                if len(found) >= MAX_RESULTS:
                    return found
    return found


class SearchScreen(ModalScreen[Member | None]):
    """A query box over a list of matching sentences."""

    CSS_PATH = [stylesheet("dialogs.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search-close", tooltip="Close search"),
        Binding("down", "focus_results", "Results", id="search-results", show=False),
    ]

    def __init__(self, alignment: Alignment, labels: dict[str, str]) -> None:
        super().__init__()
        self.alignment = alignment
        self.labels = labels
        self._results: list[Member] = []
        self._query = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="search-dialog"):
            yield Static("Search all sources", classes="dialog-title")
            yield Input(placeholder="words to find…", id="search-input")
            yield Static("Type to search; enter or ↓ to pick a result.", id="search-count")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        # Once the dialog is on screen (a frame or two), before most people type.
        self.set_timer(FOLD_AFTER, self._fold_all)
        # Watched, not waited for as ``Input.Changed``: that message climbs the dialog a node at
        # a time, and the frame echoing the character was drawn meanwhile, so the results
        # waited for the next one. Searching as the value changes puts them in the same frame.
        self.watch(self.query_one("#search-input", Input), "value", self.show_results, init=False)

    @work(group="search-fold", description="fold every sentence for search")
    async def _fold_all(self) -> None:
        """Fold every sentence after the dialog's first frame, a few hundred between key presses,
        so no typed character waits for sentences a query never reached before."""
        for number, sentence in enumerate(s for a in self.alignment.articles for s in a.sentences):
            _folded_text(sentence.text)
            if number % FOLD_BATCH == FOLD_BATCH - 1:
                await asyncio.sleep(0)

    def show_results(self, query: str) -> None:
        """List the sentences holding ``query``: a screenful now, the rest after each frame."""
        self._query = query
        self._results = search(self.alignment, query)
        results = self.query_one(OptionList)
        results.clear_options()
        # Each option listed is wrapped and measured: 200 sentences took longer than a frame, so
        # the first batch is what the list can show (an option is a line or more).
        self._add_from(query, 0)
        count = len(self._results)
        more = "+" if count >= MAX_RESULTS else ""
        found = f"{count}{more} sentence{'s' if count != 1 else ''} found" if query.strip() else ""
        # One line, always: no layout of the dialog for it.
        self.query_one("#search-count", Static).update(Content(found), layout=False)

    def _batch(self) -> int:
        """Results listed a frame: a screenful of the list (at least one line each)."""
        return max(10, self.query_one(OptionList).size.height)

    def _options(self, members: list[Member], query: str) -> list[Option]:
        return [Option(self._prompt(m, query), id=f"{m.source}\x00{m.sentence}") for m in members]

    def _add_from(self, query: str, start: int) -> None:
        """The results from ``start`` on, a screenful now and the next after the frame showing it
        (an option list lays out only the options added, so each batch costs what it holds)."""
        if query != self._query:  # typed on meanwhile: that query lists its own
            return
        end = start + self._batch()
        self.query_one(OptionList).add_options(self._options(self._results[start:end], query))
        if end < len(self._results):
            self.call_after_refresh(self._add_from, query, end)

    def _prompt(self, member: Member, query: str) -> Content:
        """``S2 reuters · claim 12 │ the sentence`` with the matched words marked."""
        sentence = self.alignment.sentence(member)
        where = (
            "boilerplate"
            if sentence.boilerplate
            else f"claim {sentence.group}"
            if sentence.group is not None
            else "no claim"
        )
        label = f"{self.labels[member.source]} · {where}"
        # one_line keeps offsets (one character for one), so spans found on the text still fit.
        text = Content(one_line_exact(sentence.text))
        for start, end in match_spans(sentence.text, query):
            text = text.stylize(MATCH_STYLE, start, end)
        return Content.assemble((label, "bold"), " │ ", text)

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
