"""Small dialogs: pick one of a few choices (labels, verdicts) or write a note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.resources import stylesheet


class ChoiceScreen(ModalScreen[str | None]):
    """A titled list; ``1``-``9`` (or a choice's own key) picks at once, arrows + enter too."""

    CSS_PATH = [stylesheet("dialogs.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="choice-cancel", tooltip="Close without choosing")
    ]

    def __init__(
        self,
        title: str,
        choices: list[tuple[str, str | None]],
        hint: str = "",
        names: dict[str, str] | None = None,
    ) -> None:
        """``choices`` are (value, key) pairs; a None key gets the next free digit. ``names``
        shows a value as something else (an annotation's label and quote rather than its id)."""
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.names = names or {}
        self.keys: dict[str, str] = {}
        used = {key for _, key in choices if key}
        digits = (d for d in "123456789" if d not in used)
        self.choices: list[tuple[str, str]] = []
        for value, key in choices:
            key = key or next(digits, "")
            self.choices.append((value, key))
            if key:
                self.keys[key] = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="choice-dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield OptionList(
                *(
                    Option(Content(f"{key or ' '}  {self.names.get(value, value)}"), id=value)
                    for value, key in self.choices
                ),
                id="choices",
            )
            yield Static(Content(self.hint or self._default_hint()), classes="dialog-hint")

    def _default_hint(self) -> str:
        """Name the keys the list really has: digits only, or the labels' own letters."""
        keys = [key for _, key in self.choices if key]
        if keys and all(key.isdigit() for key in keys):
            return "number or arrows + enter to pick · escape cancels"
        if keys:
            return f"{', '.join(keys)} or arrows + enter to pick · escape cancels"
        return "arrows + enter to pick · escape cancels"

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_key(self, event: Key) -> None:
        if event.character and event.character in self.keys:
            event.stop()
            self.dismiss(self.keys[event.character])

    @on(OptionList.OptionSelected)
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


class NoteScreen(ModalScreen[str | None]):
    """A few lines of text; ``ctrl+s`` saves, ``enter`` starts a new line, ``escape`` cancels."""

    CSS_PATH = [stylesheet("dialogs.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="note-cancel", tooltip="Close without saving"),
        Binding("ctrl+s", "save", "Save", id="note-save", tooltip="Save the note", priority=True),
    ]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="note-dialog"):
            yield Static(Content(self.title_text), classes="dialog-title")
            yield TextArea(self.text, id="note-input", soft_wrap=True, show_line_numbers=False)
            yield Static("ctrl+s saves · enter starts a new line · escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        note = self.query_one(TextArea)
        note.focus()
        note.move_cursor(note.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)
