"""User labels and key remaps from config.toml; a bad config gives a message and the defaults."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader_support import SIZE, loaded, make_app, screen_text

from tui.annotations.config import load_config
from tui.annotations.model import DEFAULT_LABELS
from tui.ui.dialogs.pickers import ChoiceScreen

CONFIG = """
[[labels]]
name = "claim"
key = "1"

[[labels]]
name = "misattributed"
color = "#e06c75"
key = "z"

[keys]
next-row = "J"
"""


def config_path() -> Path:
    return Path(os.environ["NATO_READER_CONFIG"])


def test_labels_and_keys_are_read():
    config_path().write_text(CONFIG, encoding="utf-8")
    config = load_config()
    assert config.problem is None
    assert [label.name for label in config.labels] == [*DEFAULT_LABELS, "misattributed"]
    assert config.labels[-1].color == "#e06c75" and config.labels[-1].key == "z"
    assert config.keymap == {"next-row": "J"}


def test_missing_config_means_defaults():
    config = load_config(config_path().with_name("absent.toml"))
    assert [label.name for label in config.labels] == list(DEFAULT_LABELS)
    assert config.problem is None


def test_bad_config_names_the_file_and_keeps_the_defaults():
    for text in (
        "[[labels]\nname=",
        "labels = 3",
        '[[labels]]\nname = "a"\nkey = "too long"',
        "[keys]\nx = 1",
    ):
        config_path().write_text(text, encoding="utf-8")
        config = load_config()
        assert config.problem and str(config_path()) in config.problem
        assert [label.name for label in config.labels] == list(DEFAULT_LABELS)


async def test_custom_labels_are_in_the_picker_and_their_key_tags():
    config_path().write_text(CONFIG, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        while app.compare.panes.current.left is None:
            await pilot.press("J")  # remapped next-row
        await pilot.press("t")
        assert isinstance(app.screen, ChoiceScreen)
        assert "misattributed" in screen_text(app)
        await pilot.press("z")
        saved = json.loads(Path(os.environ["NATO_READER_STORE"]).read_text(encoding="utf-8"))["annotations"]
        assert [a["label"] for a in saved] == ["misattributed"]


async def test_remapped_key_moves_and_the_old_one_does_not():
    config_path().write_text(CONFIG, encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        start = app.compare.panes.cursor
        await pilot.press("J")
        assert app.compare.panes.cursor == start + 1
        await pilot.press("j")
        assert app.compare.panes.cursor == start + 1


async def test_a_bad_config_is_reported_in_the_app():
    config_path().write_text("labels = 3", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.config.problem
        assert any(n.title == "Config not used" for n in app._notifications)


async def test_the_theme_of_the_config_is_the_readers_from_the_start():
    config_path().write_text('theme = "textual-light"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "textual-light"


async def test_a_theme_that_does_not_exist_is_named_and_the_default_kept():
    config_path().write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "textual-dark"
        assert any("no-such-theme" in str(n.message) for n in app._notifications)


def test_a_theme_must_be_a_name():
    config_path().write_text("theme = 3\n", encoding="utf-8")
    assert "'theme'" in (load_config().problem or "")
