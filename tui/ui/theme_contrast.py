"""Theme colours made legible: every text colour the reader uses reaches WCAG AA on its backgrounds.

Textual's built-in themes are not all AA for text: on ``textual-light``, ``$text-warning`` is
#A86D1C (3:1 on the grey surface) and no amber on a light grey can reach 4.5:1; on
``textual-dark``, the block cursor's text is 3.8:1 on ``$primary``. ``ReaderApp`` passes its
theme variables through ``legible_variables``, which moves each text colour towards black (light
themes) or white (dark themes) in small Lab steps, keeping its hue, until it reaches the target
on every background the reader draws it on: the surface, panels, the cursor row, word-diff
highlights. Themes that are already legible come out unchanged.
"""

from __future__ import annotations

from textual.color import Color

# A little over AA's 4.5:1, so rounding in a terminal's colour handling cannot tip it under.
TARGET = 4.6
STEP = 0.04
MAX_STEPS = 40

TEXT_COLOURS = ("text-primary", "text-secondary", "text-warning", "text-error", "text-success", "text-accent")


def luminance(color: Color) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two solid colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def legible(color: Color, backgrounds: list[Color]) -> Color:
    """``color`` moved away from ``backgrounds`` until it reaches ``TARGET`` on all of them."""
    darken = sum(luminance(b) for b in backgrounds) / len(backgrounds) > 0.18
    for _ in range(MAX_STEPS):
        if min(contrast(color, b) for b in backgrounds) >= TARGET:
            break
        color = color.darken(STEP) if darken else color.lighten(STEP)
    return color


def legible_background(background: Color, text_alpha: float) -> Color:
    """A block background on which ``auto`` text (contrast text at ``text_alpha``) reaches TARGET."""
    # Light text on it: darken the block; dark text: lighten it.
    darken = luminance(background.get_contrast_text(1.0)) > 0.5
    for _ in range(MAX_STEPS):
        text = background + background.get_contrast_text(text_alpha)
        if contrast(text, background) >= TARGET:
            break
        background = background.darken(STEP) if darken else background.lighten(STEP)
    return background


def legible_alpha(value: str, base: Color, backgrounds: list[Color]) -> int:
    """The smallest alpha (in %, at least the theme's) at which ``auto`` text, made solid on
    ``base`` as the panes draw it, reaches TARGET on every background."""
    alpha = int(float(value.split()[1].rstrip("%")))
    while alpha < 100:
        text = base + base.get_contrast_text(alpha / 100)
        if min(contrast(text, b) for b in backgrounds) >= TARGET:
            break
        alpha += 1
    return alpha


def legible_variables(variables: dict[str, str]) -> dict[str, str]:
    """The theme's variables with the text colours (and the block cursor) made AA-legible."""

    def colour(name: str) -> Color:
        return Color.parse(variables[name])

    surface = colour("surface")
    backgrounds = [
        colour("background"),
        surface,
        colour("surface-darken-1"),
        colour("panel"),
        surface + colour("primary").with_alpha(0.2),  # the focused cursor row (compare.tcss)
        surface + colour("success").with_alpha(0.35),  # word-diff highlights
        surface + colour("warning").with_alpha(0.30),
        surface + colour("error").with_alpha(0.30),
    ]
    changed = dict(variables)
    for name in TEXT_COLOURS:
        if name in variables:
            changed[name] = legible(colour(name), backgrounds).hex
    if "footer-key-foreground" in variables and "footer-background" in variables:
        footer = colour("footer-background")
        changed["footer-key-foreground"] = legible(colour("footer-key-foreground"), [footer]).hex
    muted = variables.get("text-muted", "")
    if muted.startswith("auto "):
        changed["text-muted"] = f"auto {legible_alpha(muted, surface, backgrounds)}%"
    cursor = variables.get("block-cursor-background")
    foreground = variables.get("block-cursor-foreground", "")
    if cursor and foreground.startswith("auto"):
        alpha = float(foreground.split()[1].rstrip("%")) / 100 if " " in foreground else 1.0
        changed["block-cursor-background"] = legible_background(Color.parse(cursor), alpha).hex
    return changed
