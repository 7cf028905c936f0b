"""ExportScreen: choose a format and a file; confirms before overwriting."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.annotations.exchange.formats import EXTENSIONS, FORMATS, default_filename
from tui.resources import stylesheet

DESCRIPTIONS = {
    "json": "the store with its sources (backup; import reads it back)",
    "jsonl": "one flat annotation per line (scripts, data tools)",
    "csv": "one row per annotation (spreadsheets)",
    "md": "a report: coverage, quotes, divergences, verdicts, notes",
    "w3c": "W3C Web Annotation JSON-LD (annotation tools; importable)",
}


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What to write and where; ``overwrite`` is True only after the user confirmed it."""

    format: str
    path: Path
    overwrite: bool


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Format list, a path with a sensible default name in the current folder, and enter."""

    CSS_PATH = [stylesheet("dialogs.tcss")]  # loaded when first shown: the reader starts without it

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="export-cancel", tooltip="Close without exporting")
    ]

    def __init__(self, folder: Path, count: int, web: bool = False, store: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.store = store  # never a target: the CLI refuses it too
        self.count = count
        self.web = web
        self._format = FORMATS[0]
        self._confirming: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Static(
                f"Export {self.count} annotation{'s' if self.count != 1 else ''}", classes="dialog-title"
            )
            yield OptionList(
                *(Option(Content(f"{name:<6} {DESCRIPTIONS[name]}"), id=name) for name in FORMATS),
                id="export-formats",
            )
            where = "file name (the browser downloads it)" if self.web else "file"
            yield Static(f"Write to {where}:", classes="dialog-label")
            yield Input(str(self._default_path()), id="export-path")
            yield Static("", id="export-message")
            yield Static(
                "↑↓ format · tab edits the file name · enter exports · escape cancels", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        formats = self.query_one(OptionList)
        formats.highlighted = 0
        formats.focus()

    def _default_path(self) -> Path:
        return self.folder / default_filename(self._format)

    @on(OptionList.OptionHighlighted)
    def _on_format(self, event: OptionList.OptionHighlighted) -> None:
        path_input = self.query_one(Input)
        previous = Path(path_input.value)
        self._format = str(event.option.id)
        # Follow the format with the file's extension unless the user typed their own name.
        if previous.suffix in EXTENSIONS.values():
            path_input.value = str(previous.with_suffix(EXTENSIONS[self._format]))
        self._confirming = None
        self.query_one("#export-message", Static).update("")

    @on(OptionList.OptionSelected)
    def _on_format_chosen(self) -> None:
        # The hint promises "enter exports": enter on a format exports to the path shown.
        self._submit(self.query_one(Input).value)

    @on(Input.Submitted)
    def _on_submit(self, event: Input.Submitted) -> None:
        self._submit(event.value)

    def _submit(self, value: str) -> None:
        path = Path(value).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if not self.web and self.store is not None and _same_file(path, self.store):
            self._confirming = None
            self.query_one("#export-message", Static).update(
                Content(f"{path} is the annotation store itself; choose another file.")
            )
            return
        if not self.web and path.exists() and self._confirming != path:
            self._confirming = path
            self.query_one("#export-message", Static).update(
                Content(f"{path} exists. Press enter again to overwrite it, or change the name.")
            )
            return
        self.dismiss(ExportRequest(self._format, path, overwrite=self._confirming == path))


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through symlinks, ``..`` and the like)."""
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):
        return a == b
