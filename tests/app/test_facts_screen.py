"""The facts screen in the reader: conflicts first, and ``enter`` on a value jumps to its sentence."""

from __future__ import annotations

from reader_support import SIZE, loaded, make_app, screen_text
from textual.widgets import OptionList

from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.facts import FactsScreen


async def test_facts_screen_shows_the_weekday_conflict_and_jumps_to_the_wednesday_sentence() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("F")
        assert isinstance(app.screen, FactsScreen)
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        text = screen_text(app)
        assert "⚠ date · when backed" in text
        assert "Thursday" in text and "Wednesday" in text
        assert "extraordinary mandate" in text and "British Foreign Office" in text
        options = app.screen.query_one(OptionList)
        wednesday = next(
            index
            for index in range(options.option_count)
            if str(options.get_option_at_index(index).prompt).strip().startswith("Wednesday")
        )
        options.highlighted = wednesday
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        member = app.compare.current_member()
        assert member is not None and member.source.startswith("002")
        assert "Wednes" in app.alignment.sentence(member).text


async def test_facts_screen_filters_conflicts_and_closes_without_moving() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = (list(app.compare.sources), app.compare.panes.cursor)
        await pilot.press("F")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        text = screen_text(app)
        assert "conflicts only" in text and "31 (" not in text
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)
        assert (app.compare.sources, app.compare.panes.cursor) == before


async def test_capital_c_on_a_value_opens_its_claim_card() -> None:
    from tui.ui.screens.claim_card import ClaimCardScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("F")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, ClaimCardScreen)
        assert "some 16" in screen_text(app)  # the first conflict: how many members backed Rutte


async def test_the_weekday_conflict_is_five_keys_from_the_first_screen() -> None:
    """F, then down to "Wednesday" under "when backed", then enter: 002's sentence is in focus."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("F")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        member = app.compare.current_member()
        assert member is not None and member.source.startswith("002")
        assert "Wednes" in app.alignment.sentence(member).text


async def test_closing_the_sheet_while_it_gathers_stops_the_gathering(monkeypatch) -> None:
    # On a huge corpus gathering takes minutes in a thread: closing the sheet (or quitting) must
    # stop it at the next claim, or a second F runs two copies and quitting waits for them.
    import threading

    from tui.alignment.facts import FactsStopped
    from tui.ui.screens import facts

    started, asked_to_stop = threading.Event(), threading.Event()

    def slow_gather(alignment, stop):  # type: ignore[no-untyped-def]
        started.set()
        for _ in range(20_000):  # a claim at a time; 20 s at most if stop never says so
            if stop():
                asked_to_stop.set()
                raise FactsStopped
            threading.Event().wait(0.001)
        return []

    monkeypatch.setattr(facts, "gather_facts", slow_gather)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("F")
        sheet = app.screen
        assert isinstance(sheet, FactsScreen)
        assert started.wait(5)
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)
        await sheet.workers.wait_for_complete()
        assert asked_to_stop.is_set()
