"""ClaimInspector: one claim as every loaded source carries it, or is silent on it."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from tui.alignment.model import KIND_MARKS, ClaimGroup, Member
from tui.alignment.result import Alignment
from tui.annotations.model import Annotation
from tui.ui.widgets.display import one_line, plural
from tui.ui.widgets.solid_style import solid_component_style

# Lines assumed before the widget has a size.
LISTED = 10


class ClaimInspector(Static):
    """The current claim in all sources: kind, score, text and divergences from the focused one."""

    COMPONENT_CLASSES = {
        "claim-inspector--title",
        "claim-inspector--source",
        "claim-inspector--focused",
        "claim-inspector--kind",
        "claim-inspector--divergence",
        "claim-inspector--silent",
        "claim-inspector--tags",
    }

    def _style(self, name: str) -> Style:
        return Style.from_rich_style(solid_component_style(self, name))

    def show_claim(
        self,
        alignment: Alignment,
        group: ClaimGroup | None,
        focused: Member | None,
        labels: dict[str, str],
        tags: list[Annotation] | None = None,
    ) -> None:
        """Show ``group`` across all sources; divergences are measured from ``focused``."""
        tag_line = self._tag_line(tags or [], labels)
        if group is None or focused is None:
            why = alignment.sentence(focused).boilerplate_reason if focused else None
            if why == "source credit":
                heading, reason = "Source credit", "who supplied this report; not part of any claim"
            else:
                heading = "No claim on this side"
                reason = f"boilerplate: {why}, not part of any claim" if focused else "empty cell"
            title = (heading, self._style("claim-inspector--title"))
            self.update(Content.assemble(title, f" ({reason})", *tag_line), layout=False)
            return
        silent = [labels[a.id].split()[0] for a in alignment.articles if group.member_for(a.id) is None]
        parts: list[Content | str | tuple[str, Style]] = [
            (f"Claim {group.id}", self._style("claim-inspector--title")),
            f" · carried by {len(group.members)} of {plural(len(alignment.articles), 'source')}",
        ]
        if silent:
            parts.append(("  · silent: " + ", ".join(silent), self._style("claim-inspector--silent")))
        parts.extend(tag_line)
        parts.append("\n")
        # One line per source (the CSS truncates with an ellipsis), the focused sentence first,
        # and only as many as the box holds: a claim carried by 200 outlets must not cost 200
        # word diffs per key press. The coverage matrix lists every source.
        room = max(2, self.content_region.height or LISTED)
        lines = 2 if tag_line else 1
        members = sorted(group.members, key=lambda m: m != focused)
        shown = 0
        for member in members:
            sentence = alignment.sentence(member)
            is_focused = member == focused
            # Other versions are described against the focused sentence (kind, score, divergences),
            # which is what the reader compares; the focused one keeps its own best match.
            kind, score_value = sentence.kind, sentence.score
            found = []
            if not is_focused:
                comparison = alignment.compare(focused, member)
                kind, score_value, found = comparison.kind, comparison.score, comparison.divergences
            if lines + 1 + len(found) > room - (1 if shown + 1 < len(members) else 0):
                break
            shown += 1
            lines += 1 + len(found)
            source_style = self._style(
                "claim-inspector--focused" if is_focused else "claim-inspector--source"
            )
            score = "" if score_value is None else f" {score_value:.0f}"
            parts.append((f"{'▶' if is_focused else ' '} {labels[member.source]} ", source_style))
            parts.append((f"{KIND_MARKS[kind]} {kind}{score}", self._style("claim-inspector--kind")))
            parts.append("  ")
            parts.append(Content(one_line(sentence.text)))
            parts.append("\n")
            for divergence in found:
                kind_of = f"{divergence.type} (spelling)" if divergence.minor else divergence.type
                a_value, b_value = one_line(divergence.a) or "(none)", one_line(divergence.b) or "(none)"
                parts.append(
                    (f"    ⚠ {kind_of}: {a_value} → {b_value}\n", self._style("claim-inspector--divergence"))
                )
        if shown < len(members):
            more = len(members) - shown
            parts.append(
                (
                    f"  … {more} more source{'s' if more > 1 else ''} (o: coverage matrix)",
                    self._style("claim-inspector--silent"),
                )
            )
        # The box has a fixed size, so a new claim needs no new layout.
        self.update(Content.assemble(*parts).rstrip(), layout=False)

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
            items.append(
                one_line(f"{tag.label} ({labels.get(tag.source, tag.source).split()[0]}){verdict}{note}")
            )
        return ["\n", ("# " + " · ".join(items), self._style("claim-inspector--tags"))]
