"""Help, README and the program agree (issue 15, item 9): keys, gutter marks, CLI help, install hint."""

from __future__ import annotations

import re

import pytest
from locations import REPO
from reader_support import SIZE, loaded, make_app, screen_text

from tui.cli.main import _parser, main
from tui.ui.app import ReaderApp
from tui.ui.screens.compare_bindings import COMPARE_BINDINGS
from tui.ui.screens.help import HelpScreen
from tui.ui.widgets.aligned_panes import AlignedPanes

README = (REPO / "README.md").read_text(encoding="utf-8")
NAMES = {
    "question_mark": "?",
    "slash": "/",
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "percent_sign": "%",
    "plus": "+",
    "minus": "-",
}


def readme_keys() -> set[str]:
    """Every `key` in the first column of the README's keys table."""
    section = README[README.index("| key | action |") :]
    section = section[: section.index("\n\n")]
    keys: set[str] = set()
    for line in section.splitlines()[2:]:
        keys |= set(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return keys


def test_the_readme_keys_table_has_every_key_of_the_reader():
    documented = readme_keys()
    for binding in [*ReaderApp.BINDINGS, *COMPARE_BINDINGS, *AlignedPanes.BINDINGS]:
        if binding.id.startswith("selection-"):
            continue  # documented with s, where they apply
        keys = [NAMES.get(key, key) for key in binding.key.split(",")]
        assert any(key in documented or key in {"down", "up", "home", "end"} for key in keys), binding.id


async def test_help_lists_page_keys_and_every_gutter_mark():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "space" in text
        assert "pgup" in text and "pgdn" in text  # Textual's names for pageup and pagedown
        assert "# tagged" in text


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit):
        _parser().parse_args([*argv, "--help"])
    return capsys.readouterr().out


def test_main_help_shows_the_main_use(capsys):
    text = _help(capsys)
    assert "nato-reader a.txt b.html" in text
    assert "--store" in text


@pytest.mark.parametrize("command", ["read", "align"])
def test_read_and_align_have_descriptions(capsys, command):
    text = _help(capsys, command)
    _, _, rest = text.partition("\n\n")
    assert rest.strip() and not rest.startswith("positional arguments"), text
    assert ".htm" in text.replace(".html", "")


def test_serve_install_hint_matches_the_readme(capsys):
    hint = re.search(r"pip install '[^']*\[web\]'", README).group(0)
    assert hint in " ".join(_help(capsys).split())
    serve_source = (REPO / "tui" / "cli" / "serve.py").read_text()
    assert hint in serve_source


def test_a_missing_store_value_is_not_reported_from_a_read_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["foo.txt", "--store"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--store" in err
    assert "nato-reader read" not in err


@pytest.mark.parametrize("size", [(100, 40), (200, 50)])
async def test_help_descriptions_are_whole_at_any_width(size):
    # The columns fit the table's width, and a description longer than its column wraps onto
    # more lines: nothing is cut at the table's edge.
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query_one("#help-table")
        columns = list(table.columns.values())
        assert (
            sum(column.get_render_width(table) for column in columns) <= table.scrollable_content_region.width
        )
        action = columns[-1].width
        for row in table.ordered_rows:
            description = str(table.get_row(row.key)[-1])
            assert row.height >= -(-len(description) // action), (description, action, row.height)
