"""ClaimInspector: one claim as every loaded source carries it, or is silent on it."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from tui.core.alignment import Alignment
from tui.core.model import KIND_MARKS, ClaimGroup, Member


class ClaimInspector(Static):
    """The current claim in all sources: kind, score, text and divergences from the focused one."""

    COMPONENT_CLASSES = {
        "claim-inspector--title",
        "claim-inspector--source",
        "claim-inspector--focused",
        "claim-inspector--kind",
        "claim-inspector--divergence",
        "claim-inspector--silent",
    }

    def _style(self, name: str) -> Style:
        return Style.from_rich_style(self.get_component_rich_style(name, partial=True))

    def show_claim(
        self,
        alignment: Alignment,
        group: ClaimGroup | None,
        focused: Member | None,
        labels: dict[str, str],
    ) -> None:
        """Show ``group`` across all sources; divergences are measured from ``focused``."""
        if group is None or focused is None:
            reason = "boilerplate: page clutter, not part of any claim" if focused else "empty cell"
            self.update(
                Content.assemble(
                    ("No claim on this side", self._style("claim-inspector--title")), f" ({reason})"
                )
            )
            return
        silent = [labels[a.id].split()[0] for a in alignment.articles if group.member_for(a.id) is None]
        parts: list[Content | str | tuple[str, Style]] = [
            (f"Claim {group.id}", self._style("claim-inspector--title")),
            f" · carried by {len(group.members)} of {len(alignment.articles)} sources",
        ]
        if silent:
            parts.append(("  · silent: " + ", ".join(silent), self._style("claim-inspector--silent")))
        parts.append("\n")
        # One line per source (the CSS truncates with an ellipsis) so every source fits.
        for member in group.members:
            sentence = alignment.sentence(member)
            is_focused = member == focused
            source_style = self._style(
                "claim-inspector--focused" if is_focused else "claim-inspector--source"
            )
            score = "" if sentence.score is None else f" {sentence.score:.0f}"
            parts.append((f"{'▶' if is_focused else ' '} {labels[member.source]} ", source_style))
            parts.append(
                (f"{KIND_MARKS[sentence.kind]} {sentence.kind}{score}", self._style("claim-inspector--kind"))
            )
            parts.append("  ")
            parts.append(Content(" ".join(sentence.text.split())))
            parts.append("\n")
            if not is_focused:
                for divergence in alignment.compare(focused, member).divergences:
                    parts.append(
                        (
                            f"    ⚠ {divergence.type}: {divergence.a} → {divergence.b}\n",
                            self._style("claim-inspector--divergence"),
                        )
                    )
        self.update(Content.assemble(*parts).rstrip())
