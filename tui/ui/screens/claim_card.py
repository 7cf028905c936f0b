"""ClaimCardScreen: one claim with every source's version stacked, each diffed against a reference.

The reference is the focused source's version when the card opens; ``r`` makes the highlighted
version the reference. ``enter`` returns (reference, highlighted version) so the compare view
puts the two side by side.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.alignment.claims import ClaimCard, Version, claim_card
from tui.alignment.model import KIND_MARKS, Member
from tui.alignment.result import Alignment
from tui.resources import stylesheet
from tui.ui.widgets.display import one_line
from tui.ui.widgets.key_footer import KeyFooter
from tui.ui.widgets.pair_highlight import highlight_pair
from tui.ui.widgets.solid_style import solid_component_style


class ClaimVersions(OptionList):
    """The stacked versions; each option wraps its sentence in full."""

    COMPONENT_CLASSES = OptionList.COMPONENT_CLASSES | {
        "claim-card--insert",
        "claim-card--delete",
        "claim-card--replace",
        "claim-card--minor",
        "claim-card--divergence",
        "claim-card--flag",
        "claim-card--source",
        "claim-card--reference",
        "claim-card--kind",
    }

    def style_of(self, name: str) -> Style:
        """A part's style; the pane class names of ``highlight_pair`` map onto the card's."""
        name = name.replace("aligned-panes--", "claim-card--")
        return Style.from_rich_style(solid_component_style(self, name))


class ClaimCardScreen(Screen[tuple[Member, Member, int] | None]):
    """Every version of one claim; silent sources named; the reference's neighbouring claims."""

    CSS_PATH = [stylesheet("matrix.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape,c", "close", "Back", id="card-close", tooltip="Back to the compare view"),
        Binding(
            "enter",
            "beside",
            "Show beside",
            id="card-beside",
            tooltip="Put this version in a pane beside the reference",
        ),
        Binding(
            "r",
            "reference",
            "Make reference",
            id="card-reference",
            tooltip="Diff every version against this one",
        ),
        Binding("j", "cursor_down", "Down", id="card-down", show=False),
        Binding("k", "cursor_up", "Up", id="card-up", show=False),
    ]

    def __init__(
        self, alignment: Alignment, group: int, reference: Member | None, labels: dict[str, str]
    ) -> None:
        super().__init__()
        self.alignment = alignment
        self.group = group
        self.labels = labels
        self.card: ClaimCard = claim_card(alignment, group, reference)

    def compose(self) -> ComposeResult:
        yield Static("", id="card-title")
        yield ClaimVersions(id="card-versions")
        yield Static("", id="card-footer")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill()
        self.query_one(ClaimVersions).focus()

    def _fill(self) -> None:
        card = self.card
        versions = self.query_one(ClaimVersions)
        highlighted = versions.highlighted
        versions.clear_options()
        versions.add_options(
            Option(self._version(versions, version), id=f"{version.member.source}:{version.member.sentence}")
            for version in card.versions
        )
        if card.versions:
            versions.highlighted = min(highlighted or 0, len(card.versions) - 1)
        diverging = ", ".join(self.labels[s] for s in card.diverging) or "none flagged"
        self.query_one("#card-title", Static).update(
            Content(
                f"Claim {card.group} · carried by {len(card.versions)} of {len(self.alignment.articles)}"
                f" · reference: {self.labels[card.reference.source]} · diverging: {diverging}"
            )
        )
        lines = []
        if card.silent:
            lines.append("Silent: " + ", ".join(self.labels[s] for s in card.silent))
        for source, group, text in card.others:
            lines.append(f"{self.labels[source]}'s sentence also carries claim {group}: {one_line(text)}")
        lines.append("enter: show beside the reference · r: make reference · escape: back")
        self.query_one("#card-footer", Static).update(Content("\n".join(lines)))

    def _version(self, versions: ClaimVersions, version: Version) -> Content:
        style = versions.style_of
        sentence = self.alignment.sentence(version.member)
        text = Content(one_line(version.text))
        head: list[Content] = []
        name = self.labels[version.member.source]
        if version.is_reference:
            head.append(Content.assemble((f"▶ {name}", style("claim-card--reference")), " reference"))
        else:
            assert version.comparison is not None
            comparison = version.comparison
            text = highlight_pair(text, comparison, "b", style)
            head.append(
                Content.assemble(
                    (f"  {name}", style("claim-card--source")),
                    (
                        f"  {KIND_MARKS[comparison.kind]} {comparison.kind} {comparison.score:.0f}",
                        style("claim-card--kind"),
                    ),
                )
            )
        for divergence in version.divergences:
            head.append(
                Content.styled(
                    f"  ⚠ {divergence.type}: {one_line(divergence.a)} → {one_line(divergence.b)}",
                    style("claim-card--flag"),
                )
            )
        if sentence.boilerplate:
            head.append(Content("  (boilerplate)"))
        return Content("").join(head) + Content("\n") + text

    def _highlighted(self) -> Version | None:
        index = self.query_one(ClaimVersions).highlighted
        return None if index is None else self.card.versions[index]

    def action_cursor_down(self) -> None:
        self.query_one(ClaimVersions).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(ClaimVersions).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_reference(self) -> None:
        version = self._highlighted()
        if version is not None and not version.is_reference:
            self.card = claim_card(self.alignment, self.group, version.member)
            self._fill()
            self.query_one(ClaimVersions).highlighted = 0

    def action_beside(self) -> None:
        version = self._highlighted()
        if version is not None:
            self.dismiss((self.card.reference, version.member, self.group))

    @on(OptionList.OptionSelected)
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_beside()
