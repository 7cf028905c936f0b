"""Exporting the annotations from the reader: the dialog, the sources named as the reader shows
them, and the file written (or sent to a browser) in a worker.

A mixin for ``ReaderApp``, so the app module stays about loading and errors.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App

if TYPE_CHECKING:
    from tui.alignment.result import Alignment
    from tui.annotations.store import AnnotationStore
    from tui.ui.dialogs.export import ExportRequest
    from tui.ui.screens.compare import CompareScreen


class ExportActions(App[None]):
    """The ``e`` key and the palette's exports."""

    store: AnnotationStore
    alignment: Alignment | None
    load_failure: str | None

    if TYPE_CHECKING:

        @property
        def compare(self) -> CompareScreen: ...

    def action_export(self) -> None:
        from tui.ui.dialogs.export import ExportScreen

        if isinstance(self.screen, ExportScreen):
            return
        if self.alignment is None and self.load_failure is None:
            # The export carries each annotation's sentence context from the loaded articles.
            self.notify("Still loading the articles; export once they are shown.", timeout=4)
            return
        self.push_screen(
            ExportScreen(Path.cwd(), len(self.store.annotations), web=self.is_web, store=self.store.path),
            self._export,
        )

    def _export(self, request: ExportRequest | None) -> None:
        if request is not None:
            self.write_export(request, self.export_sources())

    def export_sources(self) -> dict[str, dict[str, str]]:
        """The store's sources, each named after its outlet as the reader shows it."""
        outlets = self.compare.outlets
        return {
            key: {**entry, "name": outlets[key].name} if key in outlets else dict(entry)
            for key, entry in self.store.sources.items()
        }

    @work(thread=True, exclusive=True, group="export")
    def write_export(self, request: ExportRequest, sources: dict[str, dict[str, str]]) -> None:
        """Build and write an export in a thread; in a browser, deliver it as a download."""
        from tui.annotations.exchange.export import ExportError, export_text, save_export

        annotations = list(self.store.annotations.values())
        text = export_text(request.format, sources, annotations, self.alignment)
        count = f"{len(annotations)} annotation{'s' if len(annotations) != 1 else ''}"
        if self.is_web:
            # The store stays on the server; the export reaches the browser as a download.
            self.call_from_thread(self.deliver_text, io.StringIO(text), save_filename=request.path.name)
            self.call_from_thread(self.notify, f"Sent {count} as {request.path.name} to your browser.")
            return
        try:
            save_export(request.path, text, overwrite=request.overwrite)
        except ExportError as error:
            self.call_from_thread(self.notify, str(error), title="Not exported", severity="error", timeout=10)
            return
        self.call_from_thread(
            self.notify, f"Exported {count} ({request.format}) to {request.path}", timeout=8
        )
