"""One cell of the aligned panes: a sentence wrapped to its pane, with its gutter marks, word
differences, annotations and word selection coloured."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.content import Content
from textual.strip import Strip
from textual.style import Style

from tui.alignment.model import KIND_MARKS, Member, PairComparison
from tui.alignment.result import Alignment
from tui.alignment.rows import Row
from tui.annotations.model import Annotation
from tui.corpus.model import Sentence
from tui.ui.widgets.display import displayable
from tui.ui.widgets.pair_highlight import highlight_pair
from tui.ui.widgets.pane_layout import GUTTER

TAG_MARK = "#"


@dataclass(frozen=True, slots=True)
class CellStyles:
    """The panes' component styles (``style``: for text, ``rich``: solid, for gutters) and the
    label names with their own colours."""

    style: Callable[[str], Style]
    rich: Callable[[str], RichStyle]
    labels: Sequence[tuple[str, Color | None]]

    def label(self, label: str) -> Style:
        """A label's own colour, else one of six theme colours by its place in the label list."""
        names = [name for name, _ in self.labels]
        if label in names:
            color = self.labels[names.index(label)][1]
            if color is not None:
                return Style(foreground=color)
            return self.style(f"aligned-panes--label-{names.index(label) % 6 + 1}")
        return self.style("aligned-panes--label-1")


def cursor_comparisons(
    alignment: Alignment, row: Row, sources: Sequence[str], side: int
) -> dict[int, tuple[PairComparison, str]]:
    """For each cell of the cursor row: the comparison that colours it, and its side in it.

    Every other cell is compared with the focused one (pane ``side``, the reference); the
    reference is coloured against the first cell that diverges from it, else the first that
    differs.
    """
    reference = row.side(side)
    if reference is None:
        return {}
    focused = Member(sources[side], reference)
    found: dict[int, tuple[PairComparison, str]] = {}
    for pane, source in enumerate(sources):
        index = row.side(pane)
        if pane == side or index is None or source == focused.source:
            continue
        found[pane] = (alignment.compare(focused, Member(source, index)), "b")
    if found:
        best = next((c for c, _ in found.values() if c.divergences), next(iter(found.values()))[0])
        found[side] = (best, "a")
    return found


def cell_lines(
    sentence: Sentence,
    moved: bool,
    column: int,
    comparison: tuple[PairComparison, str] | None,
    tags: Sequence[Annotation],
    selection: tuple[int, int] | None,
    styles: CellStyles,
) -> list[Strip]:
    """``sentence`` in a pane ``column`` cells wide (gutter included), a strip per line.

    ``comparison``: the pair that colours it and its side in it; ``tags``: the annotations on
    it; ``selection``: the selected words, as offsets into the sentence.
    """
    kind = str(sentence.kind)
    content = Content(displayable(sentence.text)).stylize(styles.style(f"aligned-panes--{kind}"))
    if comparison is not None:
        content = highlight_pair(content, comparison[0], comparison[1], styles.style)
    for tag in tags:
        start, end = max(0, tag.start - sentence.start), min(len(sentence.text), tag.end - sentence.start)
        content = content.stylize(styles.style("aligned-panes--tag") + styles.label(tag.label), start, end)
    if selection is not None:
        content = content.stylize(styles.style("aligned-panes--selection"), *selection)
    lines = content.wrap(max(1, column - GUTTER))
    gutter_style = styles.rich(f"aligned-panes--gutter-{kind}")
    mark = KIND_MARKS[sentence.kind] + ("↕" if moved else " ")
    tag_mark = Segment(TAG_MARK if tags else " ", styles.rich("aligned-panes--gutter-tag"))
    strips = []
    for number, line in enumerate(lines):
        gutter = Segment(mark if number == 0 else "  ", gutter_style)
        segments = [gutter, tag_mark if number == 0 else Segment(" "), Segment(" "), *line.render_segments()]
        strips.append(Strip(segments).adjust_cell_length(column))
    return strips
