"""A view opened and closed many times in a reading session is freed each time."""

from __future__ import annotations

import gc
import weakref

from reader_support import SIZE, loaded, make_app


async def test_a_closed_matrix_is_freed() -> None:
    # The matrix settled the heap (tui/ui/heap.py) while it was open, and a settle right after it
    # closed froze it as uncollected garbage: every matrix ever opened stayed in memory.
    app = make_app()
    closed: list[weakref.ref[object]] = []
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        for _ in range(3):
            await pilot.press("o")
            await pilot.pause()
            assert type(app.screen).__name__ == "MatrixScreen"
            closed.append(weakref.ref(app.screen))
            await pilot.press("escape")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("j")  # the inspector's comparisons settle the heap again
        await app.workers.wait_for_complete()
        await pilot.pause()
        gc.collect()
        assert [ref() for ref in closed] == [None, None, None]
