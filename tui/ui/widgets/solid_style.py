"""Component styles as solid colours, the way Textual resolves them for a widget's own text.

A Line-API widget (or one that builds ``Content`` from component classes) gets *partial* Rich
styles, and a terminal has no alpha: ``$primary 25%`` must be blended onto the background here,
and an ``auto`` colour (``$text``, ``$text-muted``: "contrasting text at N%") must be worked out
against that background. Reading the raw colour instead drew ``$text`` as near-white on the light
theme's grey (1.3:1).
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.widget import Widget


def solid_component_style(widget: Widget, name: str) -> RichStyle:
    """The partial Rich style of component ``name`` with its colours made solid on ``widget``."""
    partial = widget.get_component_rich_style(name, partial=True)
    styles = widget.get_component_styles(name)
    background = widget.background_colors[1]
    if styles.has_rule("background"):
        background = background + styles.background
        if styles.background.a < 1:
            partial += RichStyle(bgcolor=background.rich_color)
    if styles.has_rule("color"):
        color = styles.color
        if styles.auto_color:
            color = background.get_contrast_text(color.a)
        partial += RichStyle(color=(background + color).rich_color)
    return partial
