"""A session's long-lived objects are left out of full garbage collections, until it ends."""

from __future__ import annotations

import gc

from reader_support import SIZE, loaded, make_app


async def test_a_loaded_corpus_is_frozen_for_the_session_and_released_at_the_end():
    """At 100 sources a full collection walking the corpus took 125-185 ms, on a key press."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert gc.get_freeze_count() > 1000
    assert gc.get_freeze_count() == 0  # a second app in this process starts from a normal heap
