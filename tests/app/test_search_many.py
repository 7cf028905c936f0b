"""Search over many matches: the typed character's frame lists a screenful, the rest follows a
screenful a frame, a newer query never gets an older one's results, and the frame drawn for a
typed character already shows its results (issue 16)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from reader_support import SIZE, loaded, make_app
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tui.ui.screens.search import SearchScreen

SOURCES = 30


def _corpus(folder: Path) -> None:
    for number in range(SOURCES):
        (folder / f"outlet_{number:02}.txt").write_text(
            f"The harbour blast hurt {40 + number} people on Tuesday, the ministry said.\n"
            "Rescue teams worked through the night near the old harbour wall.\n",
            encoding="utf-8",
        )


@asynccontextmanager
async def _searching(folder: Path) -> AsyncIterator[tuple[Pilot[None], SearchScreen, OptionList]]:
    """The reader on SOURCES outlets, loaded, with the search screen open: (pilot, screen, list)."""
    _corpus(folder)
    app = make_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        yield pilot, screen, screen.query_one(OptionList)


async def _listed(pilot, options: OptionList, count: int) -> None:
    for _ in range(30):  # frames, not time: each pause lets the next batch in
        if options.option_count >= count:
            return
        await pilot.pause()


async def test_a_query_with_many_matches_lists_a_screenful_at_once_then_all(tmp_path: Path):
    async with _searching(tmp_path) as (pilot, screen, options):
        screen.show_results("harbour")  # what typing does, without a frame
        assert options.size.height <= options.option_count < 2 * SOURCES  # a screenful, not all
        await _listed(pilot, options, 2 * SOURCES)
        assert options.option_count == 2 * SOURCES
        prompts = {str(options.get_option_at_index(i).prompt) for i in range(options.option_count)}
        assert len(prompts) == 2 * SOURCES, "every sentence once"


async def test_typing_on_drops_the_rest_of_the_previous_querys_results(tmp_path: Path):
    async with _searching(tmp_path) as (pilot, screen, options):
        screen.show_results("harbour")
        screen.show_results("harbour blast")  # before the first one's rest
        await _listed(pilot, options, SOURCES + 1)
        assert options.option_count == SOURCES
        assert all("blast" in str(options.get_option_at_index(i).prompt) for i in range(SOURCES))


async def test_the_frame_drawn_for_a_typed_character_shows_its_results(tmp_path: Path):
    async with _searching(tmp_path) as (pilot, screen, options):
        count = screen.query_one("#search-count", Static)
        typed = screen.query_one("#search-input", Input)
        frames: list[tuple[str, int, str]] = []  # (query, options listed, count line) per frame
        draw = screen._compositor_refresh

        def drawn() -> None:
            draw()
            frames.append((typed.value, options.option_count, str(count.content)))

        screen._compositor_refresh = drawn
        await pilot.press(*"harbour", "space")
        await pilot.press("b")  # "harbour b": the blast sentences only
        await pilot.pause()
        # The first frame that shows the "b": frames still streaming "harbour "'s results may come
        # before it, and they are right to show that query's count.
        shown = [(listed, said) for query, listed, said in frames if query == "harbour b"]
        assert shown, "a frame showing the typed character was drawn"
        listed, said = shown[0]
        assert said == f"{SOURCES} sentences found"
        assert listed >= min(SOURCES, options.size.height), "a screenful of the new results"
