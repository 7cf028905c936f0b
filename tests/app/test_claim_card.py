"""The claim card (issue 14): every source's version of one claim stacked and diffed against a
reference, opened from the panes, the inspector and the matrix. Every test drives the reader."""

from __future__ import annotations

from reader_support import SIZE, WIDE, focused_group, loaded, make_app, screen_text
from textual.widgets import Static

from tui.ui.screens.claim_card import ClaimCardScreen, ClaimVersions
from tui.ui.screens.compare import CompareScreen
from tui.ui.widgets.claim_inspector import ClaimInspector


async def test_claim_card_stacks_every_version_and_enter_shows_one_beside_the_reference():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        group = next(g for g in app.alignment.groups if len(g.members) == 4)
        compare = app.compare
        compare.show_member(group.members[0])
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, ClaimCardScreen)
        card = app.screen.card
        assert card.reference == group.members[0], "the focused source is the reference"
        versions = app.screen.query_one(ClaimVersions)
        assert versions.option_count == 4
        text = screen_text(app)
        for member in group.members:
            assert compare.labels[member.source] in text
        silent = [a.id for a in app.alignment.articles if group.member_for(a.id) is None]
        assert "Silent: " + ", ".join(compare.labels[s] for s in silent) in text
        # Every version is there in full, never cut (the option list wraps it).
        prompts = [str(versions.get_option_at_index(i).prompt) for i in range(versions.option_count)]
        for member in group.members:
            assert any(" ".join(app.alignment.sentence(member).text.split()) in p for p in prompts)
        await pilot.press("j", "j", "r")
        assert app.screen.card.reference != group.members[0]
        reference = app.screen.card.reference
        await pilot.press("j", "enter")
        assert isinstance(app.screen, CompareScreen)
        chosen = next(v for v in card.versions if v.member.source not in (reference.source,))
        assert reference.source in compare.sources
        assert focused_group(app) == group.id
        assert len(set(compare.sources) & set(group.sources)) >= 2
        del chosen


async def test_claim_card_opens_from_the_inspector_and_the_matrix():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("i")
        assert isinstance(app.focused, ClaimInspector)
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimCardScreen)
        await pilot.press("escape", "o", "c")
        assert isinstance(app.screen, ClaimCardScreen)


async def test_claim_card_names_each_other_claim_a_version_carries_on_one_row():
    # A sentence may carry five claims: each is named on one row, cut with an ellipsis, so the
    # versions keep the card's room on a small terminal.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        group = next(
            g
            for g in app.alignment.groups
            if any(len(app.alignment.sentence(m).groups) > 1 for m in g.members)
        )
        app.compare.show_member(group.members[0])
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, ClaimCardScreen)
        assert app.screen.card.others, "a version carries another claim"
        footer = app.screen.query_one("#card-footer", Static)
        lines = str(footer.render()).count("\n") + 1
        assert footer.size.height == min(lines, footer.styles.max_height.value)  # none wrapped
        assert any(
            row.rstrip().endswith("…") for row in screen_text(app).splitlines() if "also carries" in row
        )
