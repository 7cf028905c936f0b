"""Switching a pane's source changes how far the panes scroll; the scrollbar and limits follow."""

from __future__ import annotations

from reader_support import SIZE, loaded, make_app


async def test_after_a_source_switch_the_last_row_can_be_reached_and_the_scrollbar_matches():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        panes = app.compare.panes
        heights = set()
        for _ in range(4):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            heights.add(panes.virtual_size.height)
            assert panes.vertical_scrollbar.window_virtual_size == panes.virtual_size.height
            view = panes.scrollable_content_region.height
            assert panes.max_scroll_y == max(0, panes.virtual_size.height - view)
            await pilot.press("G")
            await pilot.pause()
            last = panes.row_region(len(panes.rows) - 1)
            assert panes.scroll_y <= last.y and last.bottom <= panes.scroll_y + panes.size.height
            assert panes.vertical_scrollbar.position == panes.scroll_y
            await pilot.press("g")
            await pilot.pause()
        assert len(heights) > 1  # the sources differ in length: the scroll height did change
