"""HelpScreen: every key binding of the screen underneath, with its description."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from tui.alignment.model import KIND_MARKS
from tui.resources import stylesheet


def binding_rows(screen: Screen[object]) -> list[tuple[str, str, str]]:
    """(keys, binding id, description) for the active bindings of ``screen``, one row per id.

    The id is what ``[keys]`` in config.toml remaps; keys reflect any remap already made.
    """
    rows: dict[str, tuple[list[str], str]] = {}
    app = screen.app
    for active in screen.active_bindings.values():
        binding = active.binding
        # Our own bindings carry ids; Textual's defaults (copy, focus) are not news.
        if binding.system or not binding.description or not binding.id:
            continue
        label = binding.key_display or app.get_key_display(binding)
        keys, _ = rows.setdefault(binding.id, ([], binding.tooltip or binding.description))
        if label not in keys:
            keys.append(label)
    return [(", ".join(keys), name, description) for name, (keys, description) in rows.items()]


class KeyTable(DataTable[Text]):
    """The keys, ids and descriptions, filled to the table's width: a description wraps onto
    more lines instead of being cut at the table's edge."""

    ID_TITLE = "id (config.toml [keys])"

    def __init__(self, rows: list[tuple[str, str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rows = rows
        self._keys_width = max((len(keys) for keys, _, _ in rows), default=3)
        self._ids_width = max([len(self.ID_TITLE), *(len(name) for _, name, _ in rows)])

    def on_resize(self) -> None:
        keys, ids = self._keys_width, self._ids_width
        # Each column pads a cell by one on both sides; the vertical scrollbar takes two more.
        action = max(20, self.size.width - keys - ids - 3 * 2 - 2)
        self.clear(columns=True)
        self.add_column("key", width=keys)
        # Text, not str: a str is read as markup, and "[keys]" would vanish as a tag.
        self.add_column(Text(self.ID_TITLE), width=ids)
        self.add_column("action", width=action)
        for keys_text, name, description in self._rows:
            self.add_row(Text(keys_text), Text(name), Text(description), height=None)


class HelpScreen(ModalScreen[None]):
    """A dialog listing the keys; any of escape, q or ? closes it."""

    CSS_PATH = [stylesheet("dialogs.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss(None)", "Close", id="help-close", tooltip="Close help")
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self._rows = binding_rows(screen)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static("Keys", classes="dialog-title")
            yield KeyTable(self._rows, id="help-table", cursor_type="none", show_header=True)
            legend = "   ".join(f"{mark} {kind}" for kind, mark in KIND_MARKS.items())
            yield Static(
                # Two lines of their own: wrapped anywhere, a mark parted from its word ("#" / "tagged").
                f"Gutter marks: {legend}\n↕ moved (counterpart elsewhere)   # tagged (you annotated it)",
                id="help-legend",
            )
            yield Static("escape closes · ctrl+p opens the command palette with every action", id="help-hint")
