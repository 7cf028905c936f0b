"""ClaimInspector: one claim as every loaded source carries it, or is silent on it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from tui.alignment.claims import SEVERITY, diverging_sources
from tui.alignment.model import KIND_MARKS, ClaimGroup, Divergence, Member
from tui.alignment.result import Alignment
from tui.annotations.model import Annotation
from tui.corpus.model import Kind
from tui.ui.widgets.display import one_line, plural, source_key
from tui.ui.widgets.solid_style import solid_component_style
from tui.ui.widgets.wrapping import text_height

# Versions described in full; a claim carried by dozens of outlets lists the rest by name (the
# claim card and matrix show them all). The box shows at most 45% of the screen, about a dozen
# versions, and each described version is wrapped again at every key press: 40 of them cost a
# 45-row screen 15 ms a frame for lines below the box.
DESCRIBED = 12


class ClaimInspector(Static, can_focus=True):
    """The current claim in all sources: diverging versions first, each wrapped in full.

    It sits in a scrolling box and grows with its content (up to what the .tcss allows).
    """

    BINDINGS = [
        Binding("enter", "open_card", "Claim card", id="inspector-card", tooltip="Open the claim card"),
    ]

    COMPONENT_CLASSES = {
        "claim-inspector--title",
        "claim-inspector--source",
        "claim-inspector--focused",
        "claim-inspector--kind",
        "claim-inspector--divergence",
        "claim-inspector--silent",
        "claim-inspector--tags",
    }

    @dataclass
    class OpenCard(Message):
        """The reader asked for the claim card of the claim shown."""

        inspector: ClaimInspector

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown = Content("")
        self._heights: dict[int, int] = {}  # of what is shown, by width
        self._styles: dict[str, Style] = {}

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = Style.from_rich_style(solid_component_style(self, name))
        return style

    def notify_style_update(self) -> None:
        """Theme or CSS changed: component styles are resolved again."""
        super().notify_style_update()
        self._styles.clear()

    @property
    def text(self) -> str:
        """What the inspector says, as plain text."""
        return self._shown.plain

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Asked at every key, at two widths (with and without the box's scrollbar): counting
        # line breaks costs a fraction of wrapping the styled text, and each width is counted once.
        if width <= 0:
            return 0
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = text_height(self._shown.plain, width)
        return height

    def _show(self, content: Content) -> None:
        """Show ``content``; the screen is laid out again only if its height changes."""
        width = self.content_region.width
        before = self._heights.get(width) if width > 0 else None
        self._shown = content
        self._heights = {}
        same = before is not None and self.get_content_height(self.size, self.size, width) == before
        self.update(content, layout=not same)

    def action_open_card(self) -> None:
        self.post_message(self.OpenCard(self))

    def show_claim(
        self,
        alignment: Alignment,
        group: ClaimGroup | None,
        focused: Member | None,
        labels: dict[str, str],
        tags: list[Annotation] | None = None,
        versions: Sequence[Member] | None = None,
    ) -> None:
        """Show ``group`` across all sources; divergences are measured from ``focused``.

        ``versions``: describe only these (beside ``focused``) in full, list the others with a
        mark that they are being compared, and say so; how the sources diverge among themselves
        waits for the whole claim. The others are listed rather than left out so that the box
        keeps its height when they are described: the panes above it do not jump at each key.
        """
        tag_line = self._tag_line(tags or [], labels)
        if group is None or focused is None:
            why = alignment.sentence(focused).boilerplate_reason if focused else None
            if why == "source credit":
                heading, reason = "Source credit", "who supplied this report; not part of any claim"
            elif focused is not None:
                # The row's sentence may sit in another pane than the focused one: name its source.
                heading = "No claim"
                reason = f"{labels[focused.source]}'s line is page clutter: {why}; not part of any claim"
            else:
                heading, reason = "No claim", "empty row"
            title = (heading, self._style("claim-inspector--title"))
            self._show(Content.assemble(title, f" ({reason})", *tag_line))
            return
        silent = [labels[a.id] for a in alignment.articles if group.member_for(a.id) is None]
        diverging = diverging_sources(alignment, group) if versions is None else []
        parts: list[Content | str | tuple[str, Style]] = [
            (f"Claim {group.id}", self._style("claim-inspector--title")),
            f" · carried by {len(group.members)} of {plural(len(alignment.articles), 'source')}",
            " · c: claim card",
        ]
        if diverging:
            names = ", ".join(labels[s] for s in diverging)
            parts.append(("  · diverging: " + names, self._style("claim-inspector--divergence")))
        if versions is not None:
            ready = [m for m in group.members if m == focused or m in versions]
            pending = len(group.members) - len(ready)
            note = f"  · comparing the other {plural(pending, 'version')}…"
            parts.append((note, self._style("claim-inspector--silent")))
            described = self._versions(alignment, ready, focused)
            described += [(m, None, None, []) for m in group.members if m not in ready]
        else:
            described = self._versions(alignment, group.members, focused)
        parts.extend(tag_line)
        parts.append("\n")
        # Diverging versions first (against the focused one), then the others in member order.
        for member, kind, score_value, found in described[:DESCRIBED]:
            is_focused = member == focused
            source_style = self._style(
                "claim-inspector--focused" if is_focused else "claim-inspector--source"
            )
            score = "" if score_value is None else f" {score_value:.0f}"
            how = "… comparing" if kind is None else f"{KIND_MARKS[kind]} {kind}{score}"
            parts.append((f"{'▶' if is_focused else ' '} {labels[member.source]} ", source_style))
            parts.append((how, self._style("claim-inspector--kind")))
            parts.append("  ")
            parts.append(Content(one_line(alignment.sentence(member).text)))
            parts.append("\n")
            for divergence in found:
                kind_of = f"{divergence.type} (spelling)" if divergence.minor else divergence.type
                a_value, b_value = one_line(divergence.a) or "(none)", one_line(divergence.b) or "(none)"
                parts.append(
                    (f"    ⚠ {kind_of}: {a_value} → {b_value}\n", self._style("claim-inspector--divergence"))
                )
        if len(described) > DESCRIBED:
            rest = ", ".join(labels[m.source] for m, *_ in described[DESCRIBED:])
            parts.append((f"  also: {rest}\n", self._style("claim-inspector--silent")))
        if silent:
            parts.append(("  silent: " + ", ".join(silent), self._style("claim-inspector--silent")))
        self._show(Content.assemble(*parts).rstrip())

    @staticmethod
    def _versions(
        alignment: Alignment, members: Sequence[Member], focused: Member
    ) -> list[tuple[Member, Kind | None, float | None, list[Divergence]]]:
        """(member, kind, score, divergences) of each version, the focused one first, then the
        versions that diverge from it, then the rest (a kind of None: not compared yet)."""
        out: list[tuple[Member, Kind | None, float | None, list[Divergence]]] = []
        for member in members:
            sentence = alignment.sentence(member)
            if member == focused:
                out.append((member, sentence.kind, sentence.score, []))
                continue
            comparison = alignment.compare(focused, member)
            out.append((member, comparison.kind, comparison.score, list(comparison.divergences)))
        out.sort(
            key=lambda item: (item[0] != focused, min((SEVERITY.get(d.type, 1) for d in item[3]), default=9))
        )
        return out

    def _tag_line(
        self, tags: list[Annotation], labels: dict[str, str]
    ) -> list[Content | str | tuple[str, Style]]:
        """``# label (source) verdict “note”`` for each annotation on this claim, on one line."""
        if not tags:
            return []
        items = []
        for tag in sorted(tags, key=lambda t: (t.label, t.source)):
            verdict = f" {tag.verdict}" if tag.verdict else ""
            note = f" “{tag.note}”" if tag.note else ""
            # Re-anchored onto words that differ from the tagged ones: the user must look again.
            changed = " [changed, check]" if tag.changed else ""
            items.append(one_line(f"{tag.label} ({source_key(labels, tag.source)}){verdict}{note}{changed}"))
        return ["\n", ("# " + " · ".join(items), self._style("claim-inspector--tags"))]
