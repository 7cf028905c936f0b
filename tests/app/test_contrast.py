"""Every text style reaches WCAG AA (4.5:1) against its background, in both themes (issue 15, item 2).

The colours are the ones the terminal receives: each screen is rendered with the theme set, and
every segment of text is checked with its resolved foreground and background (so ``$text`` as an
``auto`` colour, translucent highlights and component classes are all as Textual resolves them).
"""

from __future__ import annotations

import pytest
from reader_support import loaded, make_app
from rich.color import Color as RichColor
from rich.segment import Segment
from textual.screen import ModalScreen

from tui.annotations.model import Change, create

AA = 4.5
SIZE = (120, 36)


def luminance(color: RichColor) -> float:
    """WCAG 2 relative luminance of a terminal colour."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color.get_truecolor()
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: RichColor, b: RichColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_text(character: str) -> bool:
    """Letters, digits, punctuation and marks; not box drawing, blocks or scrollbars (non-text UI)."""
    return not character.isspace() and not ("\u2500" <= character <= "\u259f")


def low_contrast(app) -> list[str]:
    """Each text run on screen whose contrast is below AA, as 'ratio fg on bg: text'.

    Under a modal dialog, the screen beneath is a faded backdrop (incidental text, which WCAG
    exempts): only the dialog itself is checked.
    """
    found: dict[tuple, str] = {}
    strips = app.screen._compositor.render_strips()
    if isinstance(app.screen, ModalScreen):
        region = app.screen.children[0].region
        strips = [s.crop(region.x, region.right) for s in strips[region.y : region.bottom]]
    for strip in strips:
        for segment in strip:
            assert isinstance(segment, Segment)
            text = "".join(ch for ch in segment.text if is_text(ch))
            if not text or segment.style is None:
                continue
            style = segment.style
            assert style.color is not None and style.bgcolor is not None, segment
            ratio = contrast(style.color, style.bgcolor)
            if ratio < AA:
                fg, bg = style.color.get_truecolor().hex, style.bgcolor.get_truecolor().hex
                found.setdefault((round(ratio, 2), fg, bg), text[:30])
    return [f"{ratio} {fg} on {bg}: {text!r}" for (ratio, fg, bg), text in sorted(found.items())]


async def _tag_two(app) -> None:
    """A sentence tagged on each side with the first two labels, so tag styles are on screen."""
    compare = app.compare
    for side, label in ((0, "claim"), (1, "quote")):
        index = compare.panes.current.side(side)
        if index is None:
            continue
        article = app.alignment.article(compare.sources[side])
        sentence = article.sentences[index]
        annotation = create(article.text, article.id, sentence.start, sentence.end, label)
        source = {article.id: (str(article.path), article.sha256)}
        app.store.apply(Change("tag", [None], [annotation]), source)
    compare.refresh_annotations()


SCENES = {
    "first rows (boilerplate)": ["g"],
    "a divergent pair with word diffs": ["n"],
    "tagged sentences": ["n", "TAG"],
    "inspector on the other side": ["n", "tab"],
    "help": ["question_mark"],
    "matrix": ["o"],
    "annotations": ["n", "TAG", "a"],
    "export dialog": ["e"],
    "search": ["slash", *"nato"],
}


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("scene", list(SCENES))
async def test_every_text_style_reaches_aa(theme: str, scene: str) -> None:
    app = make_app()
    app.theme = theme
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for key in SCENES[scene]:
            if key == "TAG":
                await _tag_two(app)
            else:
                await pilot.press(key)
        await pilot.pause()
        assert low_contrast(app) == []
