"""Reading N sources at once (issue 14): panes, divergence-first keys, inspector, matrix, outlet
names, one article, copy (the claim card: test_claim_card.py). Every test drives the reader with keys."""

from __future__ import annotations

from pathlib import Path

from reader_support import SIZE, WIDE, focused_group, loaded, make_app, screen_text

from tui.alignment.claims import divergence_stops, flagged_pairs
from tui.alignment.model import Member
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.matrix import MatrixScreen
from tui.ui.widgets.claim_inspector import ClaimInspector
from tui.ui.widgets.pane_layout import width_for

CGTN, QON, WEEKDAY, WIRE, SUNAK = (
    "000_01d7c358cd3f792d",
    "001_a351163bb1205c22",
    "002_9c0fb8a2d43390aa",
    "003_be4b8cd3ade7751e",
    "004_73fc911b91fc8937",
)


def rows_are_aligned(app) -> None:
    """Every row's sentences belong to one claim (or the row holds one sentence)."""
    compare = app.compare
    for row in compare.panes.rows:
        groups = {
            app.alignment.article(source).sentences[index].group
            for source, index in zip(compare.sources, row.cells, strict=True)
            if index is not None
        }
        filled = [c for c in row.cells if c is not None]
        assert len(filled) == 1 or len(groups) == 1, (row, groups)


# -- 2. panes ------------------------------------------------------------------------------


async def test_plus_adds_panes_while_they_fit_and_rows_stay_aligned():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        compare = app.compare
        assert len(compare.sources) == 2
        await pilot.press("plus")
        assert len(compare.sources) == 3
        assert len(set(compare.sources)) == 3
        rows_are_aligned(app)
        # Every sentence of every shown source is on exactly one row, in reading order.
        for pane, source in enumerate(compare.sources):
            shown = [row.cells[pane] for row in compare.panes.rows if row.cells[pane] is not None]
            assert shown == list(range(len(app.alignment.article(source).sentences)))
        text = screen_text(app)
        for source in compare.sources:
            assert compare.labels[source] in text
        await pilot.press("plus")  # 200 columns hold three panes of 50+
        assert len(compare.sources) == 3
        # The notice says what four panes need and what there is, not "each needs about 50".
        notices = [str(n.message) for n in app._notifications]
        assert any(f"4 panes need {width_for(4)} columns, the window has 200" in n for n in notices)
        await pilot.press("minus")
        assert len(compare.sources) == 2
        await pilot.press("minus")
        assert len(compare.sources) == 2, "two panes stay"


async def test_narrowing_the_terminal_drops_the_panes_that_no_longer_fit():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("plus", "tab", "tab")
        focused = app.compare.sources[app.compare.panes.side]
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert len(app.compare.sources) == 2 and focused in app.compare.sources
        rows_are_aligned(app)


async def test_a_narrow_terminal_keeps_two_panes():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("plus")
        assert len(app.compare.sources) == 2


async def test_tab_cycles_through_every_pane():
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press("plus")
        seen = set()
        for _ in range(3):
            await pilot.press("tab")
            seen.add(app.compare.panes.side)
        assert seen == {0, 1, 2}


# -- 3. divergence-first navigation --------------------------------------------------------


async def test_d_visits_every_flagged_claim_in_any_source_and_brings_it_into_the_panes():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        stops = divergence_stops(app.alignment)
        assert stops
        await pilot.press("g")  # the top of the story: page clutter before any claim
        visited = []
        for _ in range(len(stops) + 2):
            await pilot.press("d")
            group = focused_group(app)
            if visited and visited[-1] == group:
                break
            visited.append(group)
            claim = app.alignment.groups[group]
            assert flagged_pairs(app.alignment, claim), "d stops only at flags"
            # The diverging pair is in the panes (on one row unless one outlet moved it).
            stop = next(
                s for s in divergence_stops(app.alignment, app.compare.sources[0]) if s.group == group
            )
            shown = set(app.compare.sources)
            assert any({p.a.source, p.b.source} <= shown for p in flagged_pairs(app.alignment, claim)), (
                stop,
                shown,
            )
        assert sorted(visited) == sorted(s.group for s in stops), "every flagged claim, once"
        await pilot.press("D")
        assert focused_group(app) == visited[-2]


async def test_n_keeps_the_old_unique_or_paraphrase_stops():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = app.compare.panes.cursor
        await pilot.press("n")
        assert app.compare.panes.cursor > before


async def test_percent_jumps_to_the_counterpart_of_a_moved_sentence():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        rows = compare.panes.rows
        number, pane = next((n, p) for n, row in enumerate(rows) for p in range(2) if row.is_moved(p))
        compare.panes.side = pane
        compare.panes.move_to(number)
        here = compare.current_member()
        await pilot.press("percent_sign")
        there = compare.current_member()
        assert there.source != here.source
        assert app.compare.current_claim().id == app.alignment.sentence(here).group
        assert compare.panes.cursor != number
        await pilot.press("percent_sign")
        assert compare.current_member() == here


# -- 4. inspector --------------------------------------------------------------------------


async def test_inspector_lists_diverging_versions_first_and_wraps_them_in_full():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        member = Member(CGTN, next(i for i, s in enumerate(app.alignment.article(CGTN).sentences)
                                   if "Foreign Office" in s.text))  # fmt: skip
        compare.show_member(member)
        await pilot.pause()
        inspector = compare.query_one(ClaimInspector)
        text = str(inspector.content)
        assert "diverging:" in text
        lines = [line for line in text.splitlines() if line.startswith(("▶", "  S"))]
        first_other = lines[1]
        assert compare.labels[SUNAK] in first_other or compare.labels[WIRE] in first_other
        assert "... 1 more source" not in text and "more source" not in text
        sunak = app.alignment.sentence(
            app.alignment.groups[app.alignment.sentence(member).group].member_for(SUNAK)
        )
        assert " ".join(sunak.text.split()) in " ".join(text.split()), "no one-line truncation"


# -- 5. matrix -----------------------------------------------------------------------------


async def test_matrix_flags_the_diverging_source_with_a_legend_and_reflows():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        matrix = app.screen
        assert isinstance(matrix, MatrixScreen)
        text = screen_text(app)
        assert "diverges:" in text and "Q quote" in text
        table = matrix.table
        quote_group = next(
            g
            for g in app.alignment.groups
            if any(
                d.type == "quote" and "mandate" in d.b for p in app.alignment.pairs(g) for d in p.divergences
            )
        )
        row = table.row_text(quote_group.id)
        assert "Q" in row, row
        before = matrix._claim_width
        await pilot.resize_terminal(200, 45)
        await pilot.pause()
        assert matrix._claim_width > before
        table.cursor = table.keys.index(quote_group.id)
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        assert WIRE in app.compare.sources and focused_group(app) == quote_group.id


async def test_the_matrix_marks_a_further_claim_of_a_sentence_as_a_paraphrase():
    # A sentence carries a claim as its second one (a clause): in that claim's row its source is
    # a paraphrase, as the claim card says, not the kind of the sentence's main claim.
    from tui.ui.screens.matrix import CELL, ROW_HEAD

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        matrix = app.screen
        further = [
            (group, number)
            for group in app.alignment.groups
            for number, source in enumerate(matrix.order)
            if (member := group.member_for(source)) is not None
            and app.alignment.sentence(member).group != group.id
        ]
        assert further  # the seeds have sentences that carry two claims
        for group, number in further:
            assert matrix.table.row_text(group.id)[ROW_HEAD + number * CELL] == "~", group.id


async def test_the_matrix_keeps_each_claims_number_in_view_when_scrolled_sideways(tmp_path):
    # 30 sources are wider than the screen: scrolled right to the last source, every line still
    # starts with its claim's number and source count, and the header with "#" and "n".
    for number in range(30):
        (tmp_path / f"outlet_{number:02}.txt").write_text(
            f"The harbour blast hurt {40 + number} people on Tuesday, the ministry said.\n"
            "Rescue teams worked through the night near the old harbour wall.\n",
            encoding="utf-8",
        )
    app = make_app([tmp_path])
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        table = app.screen.table
        table.focus()
        table.scroll_to(x=table.max_scroll_x, animate=False)
        await pilot.pause()
        assert table.scroll_offset.x > 0
        header, first = (table.render_line(y).text for y in (0, 1))
        assert header.split()[:2] == ["#", "n"], header
        group = table.keys[0]
        assert first.split()[:2] == [str(group), str(len(app.alignment.groups[group].members))], first
        assert "claim" in header  # the far end of the line is in view too


# -- 6. outlets ----------------------------------------------------------------------------


async def test_seed_outlets_are_named_from_their_text_and_renames_are_kept(tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        assert compare.outlets[CGTN].name == "CGTN"
        assert compare.outlets[QON].name == "Qonversations"
        assert "S1 CGTN" in screen_text(app)
        if compare.panes.side != 1:
            await pilot.press("tab")
        await pilot.press("r", *"Jakarta Globe", "enter")  # the old name is selected: typing replaces it
        assert compare.outlets[WIRE].name == "Jakarta Globe"
        assert "Jakarta Globe" in screen_text(app)
        assert app.store.names()[WIRE] == "Jakarta Globe"
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert again.compare.outlets[WIRE].name == "Jakarta Globe"


async def test_names_from_the_command_line_a_sidecar_and_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\nname: Front Matter Times\npublished: 2024-02-23\n---\nOfficials met on Monday in Brussels.\n"
    )
    (tmp_path / "b.txt").write_text("Officials met on Tuesday in Brussels.\n")
    (tmp_path / "c.txt").write_text("Officials met on Monday in Brussels, said aides.\n")
    (tmp_path / "sources.toml").write_text('[b]\nname = "Sidecar Post"\npublished = "2024-02-22"\n')
    app = make_app([tmp_path])
    app.names = {"c": "Given Name"}
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        assert {s: compare.outlets[s].name for s in "abc"} == {
            "a": "Front Matter Times",
            "b": "Sidecar Post",
            "c": "Given Name",
        }
        assert compare.order[:2] == ["b", "a"], "ordered by publication time"
        assert not app.alignment.article("a").text.startswith("---"), "front matter is not article"


# -- 7. one article, first screen ----------------------------------------------------------


async def test_one_article_opens_as_one_pane_saying_comparing_needs_a_second(tmp_path):
    (tmp_path / "only.txt").write_text("Officials met on Monday. They agreed on nothing.\n")
    app = make_app([tmp_path / "only.txt"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.compare.sources == ["only"]
        text = screen_text(app)
        assert "comparing needs a second" in text
        assert "vs S1" not in text
        await pilot.press("t")
        assert type(app.screen).__name__ == "ChoiceScreen", "the first t tags the focused sentence"


# -- 8. copy -------------------------------------------------------------------------------


async def test_y_copies_the_sentence_with_a_citation_line():
    app = make_app()
    copied: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.copy_to_clipboard = copied.append
        compare = app.compare
        member = compare.current_member()
        await pilot.press("y")
        sentence = app.alignment.sentence(member)
        assert copied and " ".join(sentence.text.split()) in copied[-1]
        assert compare.outlets[member.source].name in copied[-1].splitlines()[-1]
        assert str(Path(app.alignment.article(member.source).path)) in copied[-1]
        await pilot.press("s", "l", "L", "y")
        assert len(copied[-1].splitlines()[0]) < len(sentence.text)


async def _inspector_after(keys: list[str]) -> str:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await loaded(pilot)
        await pilot.press(*keys)
        await pilot.pause()
        return " ".join(str(app.compare.query_one(ClaimInspector).content).split())


async def test_the_seed_quote_and_attribution_are_at_most_six_keys_from_the_first_screen():
    """The attribution (004) and the German quote (003), as the README lists them. (The weekday in
    002 is not one claim with a Thursday since alignment v2: its sentence is a claim of its own.)"""
    attribution = await _inspector_after(["slash", *"cred", "enter"])
    assert "British Foreign Office said he was" in attribution
    assert "The spokesperson said that Rutte" in attribution
    quote = await _inspector_after(["slash", *"spok", "enter"])
    assert "an outstanding candidate" in quote and "extraordinary mandate" in quote


async def test_exports_name_sources_after_their_outlet():
    import json

    from tui.annotations.exchange.export import export_text

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.compare.show_member(Member(CGTN, 23))
        await pilot.press("t", "1")
        sources = app.export_sources()
        assert sources[CGTN]["name"] == "CGTN"
        report = export_text("md", sources, list(app.store.annotations.values()), app.alignment)
        assert "| CGTN |" in report
        stored = json.loads(export_text("json", sources, list(app.store.annotations.values()), app.alignment))
        assert stored["sources"][CGTN]["name"] == "CGTN"
