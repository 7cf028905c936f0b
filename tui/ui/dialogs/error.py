"""ErrorScreen: an unexpected error, said in one line, with where the details are."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class ErrorScreen(ModalScreen[None]):
    """Shown instead of a traceback; annotations are already saved, so nothing is lost."""

    BINDINGS = [
        Binding(
            "escape,enter", "dismiss(None)", "Continue", id="error-continue", tooltip="Back to the reader"
        ),
        Binding("q", "app.quit", "Quit", id="error-quit", tooltip="Quit nato-reader"),
    ]

    def __init__(self, message: str, log: str | None) -> None:
        super().__init__()
        self.message = message
        self.log_file = log

    def compose(self) -> ComposeResult:
        where = (
            f"Details are in {self.log_file}"
            if self.log_file
            else "The details could not be written to a log."
        )
        with Vertical(id="error-dialog"):
            yield Static("Something went wrong", classes="dialog-title")
            yield Static(Content(self.message), id="error-message")
            yield Static(
                Content(f"{where}.\nYour annotations up to now are saved; start nato-reader again to go on."),
                id="error-details",
            )
            yield Static("q quits", classes="dialog-hint")

    def action_quit(self) -> None:
        self.app.exit(return_code=1)
