"""Config and keys (issue 15, item 4): labels extend the defaults, bad keys are named, help shows
binding ids, and the label picker's hint matches its keys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from reader_support import SIZE, loaded, make_app, screen_text

from tui.annotations.config import load_config
from tui.annotations.model import DEFAULT_LABELS
from tui.ui.dialogs.pickers import ChoiceScreen
from tui.ui.screens.help import HelpScreen


def write_config(text: str) -> None:
    Path(os.environ["NATO_READER_CONFIG"]).write_text(text, encoding="utf-8")


def test_user_labels_extend_the_defaults():
    write_config(
        '[[labels]]\nname = "misattributed"\nkey = "z"\n\n[[labels]]\nname = "claim"\ncolor = "#e5c07b"\n'
    )
    config = load_config()
    assert config.problem is None
    assert [label.name for label in config.labels] == [*DEFAULT_LABELS, "misattributed"]
    assert config.labels[0].color == "#e5c07b"  # a default of the same name takes the user's settings


def test_replace_labels_keeps_only_the_users():
    write_config('replace_labels = true\n\n[[labels]]\nname = "misattributed"\n')
    config = load_config()
    assert config.problem is None
    assert [label.name for label in config.labels] == ["misattributed"]


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("lables = []\n", "lables"),
        ('[[labels]]\nname = "x"\ncolour = "#ffffff"\n', "colour"),
        ('[[labels]]\nname = "x"\ncolor = "#e06c7"\n', "color"),
        ('[[labels]]\nname = "x"\ncolor = "not-a-colour"\n', "color"),
        ('[keys]\nnex-row = "J"\n', "nex-row"),
    ],
)
def test_a_bad_key_is_named_in_one_line(text: str, named: str):
    write_config(text)
    config = load_config(binding_ids={"next-row", "quit"})
    assert config.problem is not None
    assert f"'{named}'" in config.problem
    assert "\n" not in config.problem


async def test_help_lists_binding_ids():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")  # the list scrolls: read all of it
        text = "\n".join(" ".join(map(str, table.get_row_at(i))) for i in range(table.row_count))
        for binding_id in ("next-row", "tag-sentence", "export", "quit"):
            assert binding_id in text


async def test_the_label_picker_hint_matches_letter_keys():
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        app.push_screen(ChoiceScreen("Tag with label", [("claim", "c"), ("quote", "q")]))
        await pilot.pause()
        text = screen_text(app)
        assert "number or arrows" not in text
        assert "c, q" in text
