"""The footer follows the keys that work, and is not rebuilt when they did not change."""

from __future__ import annotations

from reader_support import SIZE, loaded, make_app
from textual.widgets._footer import FooterKey

from tui.ui.widgets.key_footer import KeyFooter


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(KeyFooter).query(FooterKey))


def described(app) -> list[str]:
    return [key.description for key in footer_keys(app) if key.description]


async def test_the_footer_shows_the_selection_keys_while_selecting_and_the_reading_keys_after():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        reading = described(app)
        assert "Next" in reading and "Claim card" in reading
        await pilot.press("s")
        await pilot.pause()
        selecting = described(app)
        assert selecting != reading and "Next" not in selecting
        await pilot.press("escape")
        await pilot.pause()
        assert described(app) == reading


async def test_back_from_the_matrix_the_compare_footer_is_the_same_and_not_rebuilt():
    """Rebuilding it cost each return from a view a few milliseconds for the same keys."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = footer_keys(app)
        await pilot.press("o")
        await pilot.pause()
        assert type(app.screen).__name__ == "MatrixScreen"
        assert "Sort by coverage" in described(app)
        await pilot.press("escape")
        await pilot.pause()
        after = footer_keys(app)
        assert [key.description for key in after] == [key.description for key in before]
        assert all(a is b for a, b in zip(after, before, strict=True))
