"""Small rough edges (issue 15, item 11): credits, boilerplate reasons, screenshot folder, one
Quit, plurals, and a multi-line note whose title does not cut the quote with a stray space."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_support import SIZE, loaded, make_app, screen_text
from textual.widgets import TextArea

from tui.corpus.boilerplate import match_rule
from tui.ui.commands import ReaderCommands
from tui.ui.dialogs.pickers import NoteScreen
from tui.ui.screens.annotating import quote_preview
from tui.ui.widgets.display import plural

STORY = (
    "NATO allies met in Brussels on Thursday to discuss who should lead the alliance next.\n\n"
    "The Dutch prime minister was named as the strongest candidate by several diplomats.\n\n"
    "(With input from Reuters)\n"
)
OTHER = (
    "Ministers from every NATO country gathered in Brussels on Thursday for a summit.\n\n"
    "Weather in the city was cold and wet throughout the day, officials said.\n"
)


def test_with_input_from_is_a_source_credit():
    assert match_rule("(With input from Reuters)") == "source credit"
    assert match_rule("Reporting by Jane Doe; Editing by John Roe") == "source credit"


async def _move_to(app, pilot, predicate) -> None:
    compare = app.compare
    for number, row in enumerate(compare.panes.rows):
        index = row.side(0)
        if index is not None and predicate(app.alignment.article(compare.sources[0]).sentences[index]):
            compare.panes.focus()
            compare.panes.move_to(number)
            await pilot.pause()
            return
    raise AssertionError("no such row")


async def test_the_inspector_names_a_source_credit_and_a_boilerplate_reason(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a-story.txt").write_text(STORY, encoding="utf-8")
    (folder / "b-other.txt").write_text(OTHER, encoding="utf-8")
    app = make_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await _move_to(app, pilot, lambda s: s.boilerplate_reason == "source credit")
        assert "Source credit" in screen_text(app)
        assert "page clutter" not in screen_text(app)
    seeds = make_app()
    async with seeds.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        sentence_reason = {}

        def clutter(sentence) -> bool:
            if sentence.boilerplate and sentence.boilerplate_reason != "source credit":
                sentence_reason["reason"] = sentence.boilerplate_reason
                return True
            return False

        await _move_to(seeds, pilot, clutter)
        member = seeds.compare.current_member()
        assert member is not None
        # The line's own source is named: on a row whose focused cell is empty it is another pane's.
        label = seeds.compare.labels[member.source]
        assert f"{label}'s line is page clutter: {sentence_reason['reason']}" in " ".join(
            screen_text(seeds).split()
        )


@pytest.mark.parametrize("downloads", [True, False])
async def test_the_palette_screenshot_saves_where_it_says(tmp_path: Path, monkeypatch, downloads: bool):
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    if downloads:
        (home / "Downloads").mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOWNLOAD_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))  # no user-dirs.dirs
    monkeypatch.chdir(work)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        (screenshot,) = [c for c in app.get_system_commands(app.screen) if c.title == "Screenshot"]
        screenshot.callback()
        await app.workers.wait_for_complete()
        await pilot.pause()
        folder = home / "Downloads" if downloads else work
        saved = list(folder.glob("*.svg"))
        assert len(saved) == 1
        assert any(str(folder) in n.message for n in app._notifications)


async def test_the_palette_has_one_quit():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        system = [c.title for c in app.get_system_commands(app.screen)]
        ours = [title for title, *_ in ReaderCommands(app.screen)._commands()]
        assert sum("quit" in title.lower() for title in system + ours) == 1


def test_plurals():
    assert plural(1, "source") == "1 source"
    assert plural(3, "source") == "3 sources"


async def test_one_article_is_carried_by_1_of_1_source(tmp_path: Path):
    path = tmp_path / "only.txt"
    path.write_text(STORY, encoding="utf-8")
    app = make_app([path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await _move_to(app, pilot, lambda s: s.group is not None)
        text = screen_text(app)
        assert "carried by 1 of 1 source" in text
        assert "1 sources" not in text


async def test_the_note_is_multi_line_and_its_title_cuts_at_a_word():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        while app.compare.panes.current.left is None:
            await pilot.press("j")
        await pilot.press("t", "1", "m")
        assert isinstance(app.screen, NoteScreen)
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"first", "enter", *"second", "ctrl+s")
        assert not isinstance(app.screen, NoteScreen)
        (annotation,) = app.store.annotations.values()
        assert annotation.note == "first\nsecond"


def test_quote_preview_has_no_stray_space_before_the_ellipsis():
    quote = "NATO allies met in Brussels on Thursday to discuss who should succeed the chief"
    preview = quote_preview(quote)
    assert preview.endswith("…") and not preview.endswith(" …")
    assert quote.startswith(preview[:-1])
    assert preview[:-1].split()[-1] in quote.split()


async def test_the_status_line_counts_one_shared_claim_in_the_singular(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shared = "The bridge over the river in Alden closed on Monday after the worst flood in decades."
    (folder / "a.txt").write_text(f"{shared}\n\nThe mayor visited the flooded school on Tuesday.\n", "utf-8")
    (folder / "b.txt").write_text(f"{shared}\n\nFarmers counted their lost cattle in the fields.\n", "utf-8")
    app = make_app([folder])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        status = str(app.compare.query_one("#status").content)
        assert "1 shared claim ·" in status, status
