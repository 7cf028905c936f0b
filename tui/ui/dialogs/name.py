"""NameScreen: one line of text, such as an outlet's name; ``enter`` saves, ``escape`` cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.resources import stylesheet


class NameScreen(ModalScreen[str | None]):
    """Ask for a short name; returns it (maybe empty) or None when cancelled."""

    CSS_PATH = [stylesheet("dialogs.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="name-cancel", tooltip="Close without saving")
    ]

    def __init__(self, title: str, value: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="note-dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Input(value=self.value, id="name-input", select_on_focus=True)
            yield Static(
                "enter saves · an empty name names it from the file again · escape cancels",
                classes="dialog-hint",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _on_submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)
