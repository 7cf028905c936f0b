"""FactsScreen: every number, date, speaker and quotation across sources, conflicts first.

The facts are gathered in a worker (they compare every claim's sentences); the list shows each
fact as a heading and each distinct value as an option naming its sources. ``enter`` on a value
returns the sentence that states it to the compare view.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.alignment.facts import Fact, FactsStopped, gather_facts
from tui.alignment.model import Member
from tui.alignment.result import Alignment
from tui.resources import stylesheet
from tui.ui.widgets.display import one_line, source_key
from tui.ui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class CardRequest:
    """Open the claim card of ``group``, with ``member``'s version as the reference."""

    group: int
    member: Member


class FactsScreen(Screen[Member | CardRequest | None]):
    """The facts sheet; ``enter`` on a value returns the sentence stating it, ``C`` its claim card."""

    CSS_PATH = [stylesheet("facts.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape,F", "close", "Back", id="facts-close", tooltip="Back to the compare view"),
        Binding("enter", "choose", "Jump", id="facts-jump", tooltip="Show the sentence stating this value"),
        Binding(
            "c",
            "toggle_conflicts",
            "Conflicts only",
            id="facts-conflicts",
            tooltip="Show only the facts the sources disagree on, or every fact",
        ),
        Binding(
            "C",
            "open_card",
            "Claim card",
            id="facts-card",
            tooltip="Open the claim card of the claim that states this value",
        ),
        Binding("j", "cursor_down", "Down", id="facts-down", show=False),
        Binding("k", "cursor_up", "Up", id="facts-up", show=False),
    ]

    conflicts_only: reactive[bool] = reactive(False)

    @dataclass
    class Gathered(Message):
        """The facts are ready."""

        facts: list[Fact]

    def __init__(self, alignment: Alignment, labels: dict[str, str]) -> None:
        super().__init__()
        self.alignment = alignment
        self.labels = labels
        self.facts: list[Fact] | None = None
        self._targets: dict[str, Member] = {}

    def compose(self) -> ComposeResult:
        yield Static("Gathering the facts of every claim…", id="facts-status")
        yield OptionList(id="facts")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self.gather()

    @work(thread=True, exclusive=True, group="facts")
    def gather(self) -> None:
        """Compute the facts off the UI thread; the list is filled when they arrive. Closing the
        sheet or quitting cancels the worker, and the gathering stops at the next claim (on a
        huge corpus it takes minutes, and a thread cannot be stopped from outside)."""
        worker = get_current_worker()
        try:
            facts = gather_facts(self.alignment, stop=lambda: worker.is_cancelled)
        except FactsStopped:
            return
        self.post_message(self.Gathered(facts))

    @on(Gathered)
    def _on_gathered(self, message: Gathered) -> None:
        self.facts = message.facts
        self._fill()

    def _label(self, source: str) -> str:
        return source_key(self.labels, source)

    def _fill(self) -> None:
        if self.facts is None:
            return
        facts = [f for f in self.facts if f.conflict] if self.conflicts_only else self.facts
        options: list[Option] = []
        self._targets = {}
        for number, fact in enumerate(facts):
            mark = "⚠ " if fact.conflict else "  "
            heading = Content.assemble(
                (mark, "bold"), (fact.kind, "italic"), " · ", Content(one_line(fact.about))
            )
            options.append(Option(heading, id=f"fact-{number}", disabled=True))
            for index, value in enumerate(fact.values):
                key = f"value-{number}-{index}"
                first = value.statements[0]
                self._targets[key] = Member(first.source, first.sentence)
                sources = ", ".join(self._label(source) for source in value.sources)
                options.append(
                    Option(
                        Content.assemble("    ", Content(one_line(value.value)), (f"  ({sources})", "dim")),
                        id=key,
                    )
                )
        table = self.query_one(OptionList)
        table.clear_options()
        table.add_options(options)
        first_value = next((i for i, option in enumerate(options) if not option.disabled), None)
        table.highlighted = first_value
        conflicts = sum(f.conflict for f in self.facts)
        shown = "conflicts only" if self.conflicts_only else f"{len(self.facts)} facts"
        self.query_one("#facts-status", Static).update(
            Content(
                f"{conflicts} conflict{'s' if conflicts != 1 else ''} first · {shown} · enter: the sentence"
            )
        )

    def watch_conflicts_only(self) -> None:
        if self.is_mounted:
            self._fill()

    def action_toggle_conflicts(self) -> None:
        self.conflicts_only = not self.conflicts_only

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_open_card(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        target = self._targets.get(options.get_option_at_index(options.highlighted).id or "")
        if target is None:
            return
        group = self.alignment.sentence(target).group
        if group is not None:
            self.dismiss(CardRequest(group, target))

    def action_choose(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        option = options.get_option_at_index(options.highlighted)
        target = self._targets.get(option.id or "")
        if target is not None:
            self.dismiss(target)

    @on(OptionList.OptionSelected)
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is not None:
            self.dismiss(target)
