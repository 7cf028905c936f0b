"""Colouring the current pair: word differences, and the divergences on top of them."""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content
from textual.style import Style

from tui.alignment.model import PairComparison

DIFF_CLASSES = {
    "insert": "aligned-panes--insert",
    "delete": "aligned-panes--delete",
    "replace": "aligned-panes--replace",
}


def divergence_span(text: str, value: str) -> tuple[int, int] | None:
    """Where a divergence's text (or, for a list like "16, 20", one item of it) is in ``text``."""
    for part in (value, *value.split(", ")):
        if not part:
            continue
        position = text.find(part)
        if position < 0:
            position = text.casefold().find(part.casefold())
        if position >= 0:
            return position, position + len(part)
    return None


def highlight_pair(
    content: Content, comparison: PairComparison, which: str, style: Callable[[str], Style]
) -> Content:
    """``content`` (side ``"a"`` or ``"b"`` of ``comparison``) with its changes coloured.

    ``style`` turns a component class name into a style, so the colours stay in the .tcss files.
    """
    for run in comparison.diff:
        start, end = (run.a_start, run.a_end) if which == "a" else (run.b_start, run.b_end)
        if run.op == "equal" or start == end:
            continue
        content = content.stylize(
            style("aligned-panes--minor" if run.minor else DIFF_CLASSES[run.op]), start, end
        )
    strongest = style("aligned-panes--divergence")
    quieter = style("aligned-panes--minor")
    for divergence in comparison.divergences:
        start, end = (
            (divergence.a_start, divergence.a_end) if which == "a" else (divergence.b_start, divergence.b_end)
        )
        span: tuple[int, int] | None = (start, end)
        if start == end:  # no such value on this side, or a divergence from before offsets were kept
            span = divergence_span(content.plain, divergence.a if which == "a" else divergence.b)
        if span is not None and span[0] < span[1] <= len(content.plain):
            content = content.stylize(quieter if divergence.minor else strongest, *span)
    return content
