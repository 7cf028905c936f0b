"""The reader driven from the keyboard, asserting what a user would see."""

from __future__ import annotations

import pytest
from reader_support import SIZE, loaded, make_app, screen_text

from tui.alignment.rows import is_divergent
from tui.corpus.model import Kind
from tui.ui.screens.compare import CompareScreen
from tui.ui.screens.help import HelpScreen
from tui.ui.screens.matrix import MatrixScreen
from tui.ui.screens.search import SearchScreen
from tui.ui.widgets.pane_titles import PaneTitles

WIRE_A, WIRE_B = "000_01d7c358cd3f792d", "003_be4b8cd3ade7751e"


def current_sentences(app):
    """The (left, right) sentences of the current row, or None for empty cells."""
    compare = app.compare
    row = compare.panes.current
    out = []
    for side in (0, 1):
        index = row.side(side)
        out.append(None if index is None else app.alignment.article(compare.sources[side]).sentences[index])
    return out


async def test_opens_on_the_two_sources_sharing_most_claims_at_the_first_article_sentence():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert app.compare.sources == [WIRE_A, WIRE_B]
        left, right = current_sentences(app)
        first = next(s for s in (left, right) if s is not None)
        assert not first.boilerplate
        focused = (left, right)[app.compare.panes.side]
        assert focused is not None and not focused.boilerplate, "the focused cell holds a sentence"
        text = screen_text(app)
        assert "S1 vs S4 · row" in text
        assert "S1 CGTN — (no headline)" in text
        assert "S4 003_be4b8cd3ade7751e — Get US To UK Support" in text
        assert "shared claims" in text
        assert "The United States, Britain, France and" in text


async def test_row_keys_move_the_cursor_and_the_status_line_follows():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        panes = app.compare.panes
        start = panes.cursor
        await pilot.press("j", "down")
        assert panes.cursor == start + 2
        await pilot.press("k")
        assert panes.cursor == start + 1
        await pilot.press("up")
        assert panes.cursor == start
        await pilot.press("G")
        assert panes.cursor == len(panes.rows) - 1
        assert f"row {len(panes.rows)}/{len(panes.rows)}" in screen_text(app)
        await pilot.press("j")  # past the end stays on the last row
        assert panes.cursor == len(panes.rows) - 1
        await pilot.press("g")
        assert panes.cursor == 0
        assert f"row 1/{len(panes.rows)}" in screen_text(app)


async def test_n_and_shift_n_stop_only_at_divergent_rows():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        panes = compare.panes
        await pilot.press("g")
        visited = []
        for _ in range(4):
            await pilot.press("n")
            visited.append(panes.cursor)
        assert visited == sorted(set(visited)), "n moves forward to new rows"
        for number in visited:
            assert is_divergent(app.alignment, panes.rows[number], compare.sources)
        await pilot.press("N")
        assert panes.cursor == visited[-2]


async def test_what_the_next_move_compares_is_compared_between_key_presses(monkeypatch):
    # A move's frame compares what it shows the first time (the row's colours, the claim's
    # versions) and ``n`` each row of near-identical versions it walks past: in the key's frame,
    # milliseconds a pair. They are compared ahead, after each move, for j, k, n and N.
    from tui.alignment.result import Alignment

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        made: list[object] = []
        original = Alignment._compare

        def counted(alignment, a, b):
            made.append((a, b))
            return original(alignment, a, b)

        monkeypatch.setattr(Alignment, "_compare", counted)
        await pilot.press("g")
        await app.workers.wait_for_complete()
        await pilot.pause()
        visited = []
        keys = (compare.action_next_change,) * 3 + (compare.action_previous_change,)
        for action in (*keys, compare.action_next_row, compare.action_previous_row):
            made.clear()
            action()  # the key's own work, without letting the event loop run
            assert made == [], f"{action.__name__} found its comparisons made"
            visited.append(compare.panes.cursor)
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert visited[:3] == sorted(set(visited[:3])) and visited[3] == visited[1]
        assert visited[4:] == [visited[3] + 1, visited[3]]
        for number in visited[:4]:
            assert is_divergent(app.alignment, compare.panes.rows[number], compare.sources)


async def test_comparing_ahead_stops_quietly_when_the_reader_closes_under_it():
    # Quitting right after a move: the screen's widgets go while the compare-ahead worker waits
    # between pairs. It stops; no error reaches the reader (seen under load, as a worker failure).
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        shown = compare._position()
        await compare.panes.remove()
        worker = compare._compare_ahead(app.alignment, shown)
        await worker.wait()  # raises WorkerFailed if the worker did


async def test_tab_moves_focus_to_the_other_pane_and_brackets_change_its_source():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        titles = compare.query_one(PaneTitles)
        if compare.panes.side == 1:
            await pilot.press("tab")
        assert compare.panes.side == 0 and titles.focused == 0
        await pilot.press("tab")
        assert compare.panes.side == 1 and titles.focused == 1
        left_before = compare.sources[0]
        await pilot.press("right_square_bracket")
        assert compare.sources[0] == left_before, "only the focused pane changes"
        assert compare.sources[1] == "004_73fc911b91fc8937"
        assert "S5 004_73fc911b91fc8937 —" in screen_text(app)
        await pilot.press("left_square_bracket")
        assert compare.sources[1] == WIRE_B
        # The other pane's source is skipped, so a pane never compares an article with itself.
        for _ in range(6):
            await pilot.press("right_square_bracket")
            assert compare.sources[1] != compare.sources[0]


def bold_title(app) -> str:
    """The title drawn in bold on the titles line as the screen shows it: the focused pane's."""
    titles = app.compare.query_one(PaneTitles)
    y = titles.region.y
    strip = app.screen._compositor.render_strips()[y]
    return "".join(s.text for s in strip if s.style is not None and s.style.bold).strip()


async def test_the_drawn_titles_follow_the_focused_pane_and_its_source():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        if compare.panes.side == 1:
            await pilot.press("tab")
        assert bold_title(app).startswith("S1 CGTN")
        await pilot.press("j", "j")  # keys that change no title leave it as drawn
        assert bold_title(app).startswith("S1 CGTN")
        await pilot.press("tab")
        assert bold_title(app).startswith("S4 003_be4b8cd3ade7751e")
        await pilot.press("right_square_bracket")
        assert bold_title(app).startswith("S5 004_73fc911b91fc8937")
        await pilot.press("tab")
        assert bold_title(app).startswith("S1 CGTN")


async def test_b_hides_and_shows_boilerplate():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        before = len(compare.panes.rows)
        assert "SITEMAP" in screen_text(app) or any(
            app.alignment.article(WIRE_A).sentences[r.left].boilerplate
            for r in compare.panes.rows
            if r.left is not None
        )
        await pilot.press("b")
        rows = compare.panes.rows
        assert len(rows) < before
        for row in rows:
            for side in (0, 1):
                index = row.side(side)
                if index is not None:
                    assert not app.alignment.article(compare.sources[side]).sentences[index].boilerplate
        assert "boilerplate hidden" in screen_text(app)
        await pilot.press("b")
        assert len(compare.panes.rows) == before


async def test_inspector_shows_the_claim_in_every_source_and_who_is_silent():
    app = make_app()
    async with app.run_test(size=(200, 60)) as pilot:
        await loaded(pilot)
        left, _ = current_sentences(app)
        while left is None:
            await pilot.press("j")
            left, _ = current_sentences(app)
        group = app.alignment.groups[left.group]
        assert len(group.members) > 1
        text = screen_text(app)
        assert f"Claim {group.id} · carried by {len(group.members)} of 5 sources" in text
        for member in group.members:
            assert app.compare.labels[member.source] in text
        silent = [a.id for a in app.alignment.articles if group.member_for(a.id) is None]
        assert "silent: " + ", ".join(app.compare.labels[s] for s in silent) in text


async def test_matrix_filters_sorts_and_jumps_to_a_claim():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        assert isinstance(app.screen, MatrixScreen)
        matrix = app.screen
        table = matrix.table
        assert table.row_count == len(app.alignment.groups)
        await pilot.press("s")
        counts = [len(app.alignment.groups[key].members) for key in table.keys]
        assert counts == sorted(counts, reverse=True)
        await pilot.press("f")  # exclusives: claims only one source carries
        assert matrix.filter == "exclusive"
        assert table.row_count > 0
        assert all(len(app.alignment.groups[key].members) == 1 for key in table.keys)
        assert all(table.row_text(key).split()[:2] == [str(key), "1"] for key in table.keys)
        await pilot.press("f")  # claims with flagged divergences
        assert matrix.filter == "divergent"
        divergent_ids = list(table.keys)
        assert divergent_ids
        for group_id in divergent_ids:
            assert any(p.divergences for p in app.alignment.pairs(app.alignment.groups[group_id]))
        await pilot.press("f", "j", "j")
        chosen = table.current
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        group = app.alignment.groups[chosen]
        compare = app.compare
        assert len(set(group.sources) & set(compare.sources)) >= min(2, len(group.members))
        focused = compare.current_member()
        assert focused is not None and app.alignment.sentence(focused).group == chosen


async def test_search_finds_a_sentence_in_any_source_and_jumps_to_it():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"hebestreit")
        assert "1 sentence found" in screen_text(app)
        await pilot.press("enter")
        assert isinstance(app.screen, CompareScreen)
        compare = app.compare
        assert "001_a351163bb1205c22" in compare.sources
        side = compare.panes.side
        index = compare.panes.current.side(side)
        sentence = app.alignment.article(compare.sources[side]).sentences[index]
        assert "Steffen Hebestreit" in sentence.text


async def test_escape_closes_search_without_moving():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        before = (list(app.compare.sources), app.compare.panes.cursor)
        await pilot.press("slash", "x", "escape")
        assert isinstance(app.screen, CompareScreen)
        assert (app.compare.sources, app.compare.panes.cursor) == before


async def test_help_lists_every_key_with_its_description():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        text = "\n".join(" ".join(map(str, table.get_row_at(i))) for i in range(table.row_count))
        for expected in (
            "Move to the next row",
            "Next unique or paraphrased row of the panes shown",
            "Next claim with a flagged divergence in any source",
            "Move focus to the next pane",
            "Show the next source in the focused pane",
            "Show or hide boilerplate",
            "Claim x source coverage matrix",
            "Search all sources",
            "Quit nato-reader",
        ):
            assert expected in text
        await pilot.press("escape")
        assert isinstance(app.screen, CompareScreen)


async def test_q_quits():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_article_text_is_shown_literally(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Officials said [bold red]nothing[/] would change on Monday.\n"
        "The talks resume in \x1b[31mMay\x1b[0m.\n"
    )
    (tmp_path / "b.txt").write_text("Officials said [bold red]nothing[/] would change on Tuesday.\n")
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        text = screen_text(app)
        assert "[bold red]nothing[/]" in text
        assert "\x1b" not in text
        assert "␛[31mMay" in text  # the escape is shown as a visible symbol, not obeyed


@pytest.mark.parametrize("size", [(80, 24), (200, 50), (40, 12)])
async def test_usable_at_small_and_large_sizes(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("j", "tab", "right_square_bracket", "n")
        await pilot.resize_terminal(80, 24)
        await pilot.press("o", "escape", "j")
        text = screen_text(app)
        assert "S1" in text
        assert app.compare.panes.rows


async def test_kinds_have_distinct_marks_in_the_gutter():
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await loaded(pilot)
        compare = app.compare
        await pilot.press("g")
        text = screen_text(app)
        left = app.alignment.article(compare.sources[0])
        kinds = {s.kind for s in left.sentences}
        assert Kind.BOILERPLATE in kinds
        assert "·   By continuing to browse our site" in text
        await pilot.press("G")
        await pilot.pause()  # the inspector's new height settles the panes' layout
        text = screen_text(app)
        # 003 put this wire paragraph at its end: it is marked moved (↕), not pulled out of order.
        assert "≈↕  The alliance currently has 31 members with Sweden" in text
        assert "+   The principle of collective defense is contained" in text


async def test_the_command_palette_runs_the_same_actions_as_the_keys():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        await pilot.press("ctrl+p")
        await pilot.press(*"hide boilerplate")
        await pilot.press("enter")
        await pilot.pause()
        assert not compare.show_boilerplate
        await pilot.press("ctrl+p", *"coverage matrix", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MatrixScreen)


async def test_a_folder_of_many_articles_loads_in_the_reader(tmp_path):
    """Enough articles to segment in worker processes, started from inside the running app."""
    for number in range(30):
        (tmp_path / f"a{number:02}.txt").write_text(
            f"Officials met {number} times on Monday in Brussels. The talks will resume next week.",
            encoding="utf-8",
        )
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert len(app.alignment.articles) == 30
        assert app.compare.panes.rows


def test_divergence_spans_find_the_words_on_each_side():
    from tui.ui.widgets.pair_highlight import divergence_span

    text = 'A German government spokesman praised it as an "extraordinary mandate".'
    assert divergence_span(text, "extraordinary mandate") == (48, 69)
    assert divergence_span("Officials counted 20 allies.", "16, 20") == (18, 20)
    assert divergence_span("Nothing here.", "Thursday") is None
