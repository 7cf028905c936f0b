"""ErrorScreen: an unexpected error, said in one line, with where the details are."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.resources import stylesheet


class ErrorScreen(ModalScreen[None]):
    """Shown instead of a traceback; says whether the annotations are saved, only when they are."""

    CSS_PATH = [stylesheet("dialogs.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding(
            "escape,enter", "dismiss(None)", "Continue", id="error-continue", tooltip="Back to the reader"
        ),
        Binding("q", "app.quit", "Quit", id="error-quit", tooltip="Quit nato-reader"),
    ]

    def __init__(self, message: str, log: str | None, saved: bool = True) -> None:
        super().__init__()
        self.message = message
        self.log_file = log
        self.saved = saved

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
                Content(f"{where}.\n{self._saved_line()}"),
                id="error-details",
            )
            yield Static("q quits", classes="dialog-hint")

    def _saved_line(self) -> str:
        # Only what is true: a failed save leaves changes in memory that the file does not have.
        if self.saved:
            return "Your annotations up to now are saved; start nato-reader again to go on."
        return "Your last change is NOT saved (the store could not be written); see the message above."

    def action_quit(self) -> None:
        self.app.exit(return_code=1)
