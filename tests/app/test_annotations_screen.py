"""The annotations screen (issue 15, item 1): readable columns at every width, text search over
quotes and notes, sort, grouping by linked claim, and filters picked from a list."""

from __future__ import annotations

import pytest
from reader_support import loaded, make_app, screen_text
from textual.widgets import Input

from tui.annotations.model import Change, create
from tui.ui.dialogs.pickers import ChoiceScreen
from tui.ui.screens.annotations import AnnotationsScreen

NOTE = "Weekly figures disagree with the ministry's own statement"


def seed_annotations(app) -> list:
    """Three annotations: two in one linked claim, one with a note; labels of different lengths."""
    made = []
    articles = app.alignment.articles
    labels = ["attribution", "number", "claim"]
    for number, (article, label) in enumerate(zip(articles[:3], labels, strict=True)):
        sentence = article.content()[2]
        annotation = create(
            article.text,
            article.id,
            sentence.start,
            sentence.end,
            label,
            claim="linked" if number < 2 else None,
        )
        if number == 2:
            annotation = annotation.edited(note=NOTE)
        made.append(annotation)
    sources = {a.id: (str(a.path), a.sha256) for a in articles}
    app.store.apply(Change("seed", [None] * len(made), made), sources)
    return made


@pytest.mark.parametrize("size", [(80, 24), (160, 45), (220, 60)])
async def test_columns_are_readable_at_every_width(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        made = seed_annotations(app)
        await pilot.press("a")
        assert isinstance(app.screen, AnnotationsScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "attribution" in text and "number" in text
        for annotation in made:
            # At least the first 15 characters of every quote are on screen.
            assert " ".join(annotation.quote.exact.split())[:15] in text, (size, text)
        assert NOTE[:15] in text
        assert "S1 000" not in text or "S1 000_" in text  # no source cut to its header's width


async def test_search_sort_group_and_pick_filters():
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        made = seed_annotations(app)
        await pilot.press("a")
        screen = app.screen
        assert isinstance(screen, AnnotationsScreen)
        # Text search over notes.
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"weekly")
        await pilot.pause()
        assert [a.id for a in screen.shown] == [made[2].id]
        await pilot.press("escape")
        await pilot.pause()
        assert len(screen.shown) == 3
        # Sort by label.
        while screen.sort != "label":
            await pilot.press("o")
        assert [a.label for a in screen.shown] == sorted(a.label for a in made)
        # Grouping by linked claim: the linked pair is adjacent and marked.
        await pilot.press("c")
        labels = [a.claim for a in screen.shown]
        assert labels.index("linked") + 1 == len(labels) - 1 - labels[::-1].index("linked")
        assert "claim 1" in screen_text(app)
        # Filter values from a list.
        await pilot.press("l")
        assert isinstance(app.screen, ChoiceScreen)
        assert "attribution" in screen_text(app)
        await pilot.press("down", "enter")  # the first label after "all"
        await pilot.pause()
        assert app.screen is screen
        assert {a.label for a in screen.shown} == {screen.label}


async def test_the_status_line_wraps_at_80_columns_instead_of_cutting_the_filters_off():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        seed_annotations(app)
        await pilot.press("a")
        await pilot.pause()
        status = app.screen.query_one("#annotations-status")
        assert status.size.height > 1, "wrapped"
        text = " ".join(line.strip() for line in screen_text(app).splitlines()[: status.size.height])
        for shown in ("3 of 3 annotations", "label: all", "source: all", "verdict: all", "sort: position"):
            assert shown in text, text
        assert str(app.store.path.name) in text.replace(" ", "")


async def test_an_annotation_moved_onto_changed_words_says_so_in_the_list():
    # Re-anchored onto words that differ from the tagged ones ("Friday" became "Saturday"): the
    # list must say "changed, check", even when no annotation is an orphan.
    from dataclasses import replace

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        made = seed_annotations(app)
        moved = replace(made[0], changed=True)
        app.store.apply(Change("re-anchor", [made[0]], [moved]), {})
        await pilot.press("a")
        await pilot.pause()
        assert "changed, check" in screen_text(app)


async def test_the_verdict_filter_keeps_the_digits_of_the_verdict_picker():
    # "1 supported" when a verdict is set, "1 supported" when the list is filtered; "all" is 0.
    from tui.annotations.model import VERDICTS

    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        seed_annotations(app)
        await pilot.press("a")
        screen = app.screen
        await pilot.press("v", "1")
        await pilot.pause()
        assert screen.verdict == VERDICTS[0]
        await pilot.press("v", "0")
        await pilot.pause()
        assert screen.verdict == "all"
