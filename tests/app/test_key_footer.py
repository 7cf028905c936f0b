"""The footer: the keys that work, drawn as one line; a click presses a key, hovering explains it."""

from __future__ import annotations

from reader_support import SIZE, loaded, make_app, screen_text

from tui.ui.widgets.key_footer import KeyFooter


def footer(app) -> KeyFooter:
    return app.screen.query_one(KeyFooter)


def described(app) -> list[str]:
    return [item.description for item in footer(app).items if item.description]


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


def x_of(app, text: str) -> int:
    """The column where ``text`` is drawn on the footer line."""
    column = footer_line(app).index(text)
    assert column >= 0
    return column


async def test_the_footer_draws_the_screens_keys_and_the_palettes_on_the_right():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        line = footer_line(app)
        assert line.startswith(" j Next  d Next divergence  c Claim card  o Matrix ")
        assert line.endswith("▏^p palette ") and len(line) == SIZE[0]
        assert described(app)[:4] == ["Next", "Next divergence", "Claim card", "Matrix"]


async def test_the_footer_shows_the_selection_keys_while_selecting_and_the_reading_keys_after():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        reading, line = described(app), footer_line(app)
        assert "Next" in reading and "Claim card" in reading
        await pilot.press("s")
        await pilot.pause()
        selecting = described(app)
        assert selecting != reading and "Next" not in selecting
        assert footer_line(app) != line and " Next " not in footer_line(app)
        await pilot.press("escape")
        await pilot.pause()
        assert described(app) == reading and footer_line(app) == line


async def test_back_from_the_matrix_the_compare_footer_is_the_same_and_not_rebuilt():
    """Rebuilding it cost each return from a view a few milliseconds for the same keys."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = footer(app).items
        await pilot.press("o")
        await pilot.pause()
        assert type(app.screen).__name__ == "MatrixScreen"
        assert "Sort by coverage" in described(app)
        await pilot.press("escape")
        await pilot.pause()
        assert footer(app).items is before


async def test_clicking_a_key_presses_it_and_hovering_shows_what_it_does():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        matrix = next(item for item in footer(app).items if item.description == "Matrix")
        await pilot.hover(KeyFooter, offset=(x_of(app, " o Matrix") + 2, 0))
        assert footer(app).tooltip == matrix.tooltip and matrix.tooltip
        await pilot.click(KeyFooter, offset=(x_of(app, " o Matrix") + 4, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "MatrixScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(KeyFooter, offset=(x_of(app, " ? Help") + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
