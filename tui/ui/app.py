"""ReaderApp: loads and aligns the articles in a worker, then hands them to the compare view."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.worker import get_current_worker

from tui import paths as user_paths
from tui.alignment.result import Alignment
from tui.annotations.config import load_config
from tui.annotations.store import AnnotationStore, StoreError
from tui.corpus.text import visible
from tui.resources import stylesheet
from tui.ui.commands import ReaderCommands
from tui.ui.exporting import ExportActions
from tui.ui.heap import release, settle
from tui.ui.keymap import binding_ids, color_ok
from tui.ui.messages import LoadProgress
from tui.ui.screens.compare import CompareScreen
from tui.ui.widgets.display import plural

if TYPE_CHECKING:
    from textual.app import SystemCommand
    from textual.screen import Screen


PROGRESS_EVERY = 0.1  # seconds between progress updates from the loading worker


class LoadCancelled(Exception):
    """Raised inside the loading worker when the app is closing."""


class ReaderApp(ExportActions, App[None]):
    """Compare how several outlets report one story.

    The app owns what outlives a screen: the annotation store, the config and the loaded
    alignment, and it runs the workers that load and export. It hands the alignment down to the
    compare screen, which owns what is shown (sources, cursor, selection) and every reader key.
    """

    TITLE = "nato-reader"
    # The compare view's styles; every other screen brings its own (``CSS_PATH``), read when it
    # is first shown. Reading and applying all six at the start cost the first screen ~25 ms.
    CSS_PATH = [stylesheet("base.tcss"), stylesheet("compare.tcss")]
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Quit nato-reader"),
        Binding(
            "question_mark", "help", "Help", id="help", key_display="?", tooltip="Every key and what it does"
        ),
        Binding("e", "export", "Export", id="export", show=False, tooltip="Export the annotations to a file"),
    ]

    @dataclass
    class Loaded(Message):
        """The articles are read and aligned, and the annotations re-anchored to them."""

        alignment: Alignment
        reanchored: int = 0
        reanchor_error: str | None = None

    @dataclass
    class LoadFailed(Message):
        """Nothing could be shown; ``reason`` is one line for the user."""

        reason: str

    def __init__(
        self,
        paths: list[Path],
        *,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        store_path: Path | None = None,
        config_path: Path | None = None,
        catch_errors: bool = True,
        names: Mapping[str, str] | None = None,
    ) -> None:
        # What the imports made (modules, classes, Textual's tables) lives as long as the app:
        # a full collection walking it fell in the first frame (20-35 ms of ~350 on the seeds).
        settle(young_only=True)
        super().__init__()
        self.catch_errors = catch_errors
        self.paths = paths
        self.cache_dir = cache_dir
        self.use_cache = use_cache
        config_path = config_path or user_paths.config_path()
        # Checking [keys] imports every screen and dialog for its bindings (~25 ms before the
        # first frame): only worth it when there is a config file to check.
        ids = binding_ids() if config_path.exists() else None
        self.config = load_config(config_path, binding_ids=ids, color_ok=color_ok)
        self.store = self._open_store(store_path or user_paths.store_path())
        self.names = dict(names or {})
        # Set once by the loading worker's message: None while loading and after a failed load.
        self.alignment: Alignment | None = None
        self.load_failure: str | None = None
        self._opened: ReaderApp.Loaded | None = None  # a cached load, until the app is mounted

    @staticmethod
    def _open_store(path: Path) -> AnnotationStore:
        """The annotation store; one that cannot be read opens empty and read-only, untouched."""
        try:
            return AnnotationStore.open(path)
        except StoreError as error:
            store = AnnotationStore(path)
            # The notice names the path once, in front: the error's own prefix would repeat it.
            reason = str(error).removeprefix(f"{path}: ")
            store.make_read_only(f"{reason} (opened read-only; nothing will be written)")
            return store

    @property
    def load_state(self) -> str | None:
        """Why there is nothing to read yet (still loading, or the load failed), or None."""
        if self.alignment is not None:
            return None
        if self.load_failure is not None:
            return f"Nothing loaded: {self.load_failure}"
        return "Still loading the articles; try again in a moment."

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's palette commands, less its Quit (ours, "app: Quit nato-reader", shows the key)
        and with a Screenshot that saves where it says."""
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                continue
            if command.title == "Screenshot":
                command = SystemCommand(command.title, command.help, self.action_save_screenshot)
            yield command

    def action_save_screenshot(self) -> None:
        """An SVG of the screen in ~/Downloads, or the current folder when there is none."""
        if self.is_web:
            self.deliver_screenshot()
            return
        from platformdirs import user_downloads_dir

        downloads = Path(user_downloads_dir())
        folder = downloads if downloads.is_dir() else Path.cwd()
        try:
            name = self.save_screenshot(path=str(folder))
        except OSError as error:
            self.notify(
                f"{folder}: {error.strerror or error}", title="Screenshot not saved", severity="error"
            )
            return
        self.notify(f"Screenshot saved to {folder / Path(name).name}", timeout=8)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables with every text colour AA-legible on the reader's backgrounds."""
        from tui.ui.theme_contrast import legible_variables

        return legible_variables(super().get_css_variables())

    def get_default_screen(self) -> CompareScreen:
        """The compare screen, as Textual's first screen: a few articles aligned before are in
        its first frame, with no "Loading" frame and no worker start-up in between.

        Pushed over Textual's blank default screen instead (from ``on_mount``, after the batch
        that holds the app's first output back), the blank screen was composed, styled and laid
        out for nothing first: ~8 ms of the seeds' first screen. Anything not cached loads in
        the worker, started from ``on_mount``."""
        cached = self._open_cached() if self.use_cache else None
        self._opened = None if cached is None else self._anchored(cached)
        if self._opened is not None:
            self.alignment = self._opened.alignment
        return CompareScreen(self.store, self.config, self.names, self.alignment)

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.theme is not None:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                known = ", ".join(sorted(self.available_themes))
                self.notify(
                    f"theme {self.config.theme!r} is not a theme here ({known})",
                    title="Config: theme not used",
                    severity="warning",
                    timeout=10,
                )
        if self.config.problem:
            self.notify(self.config.problem, title="Config not used", severity="warning", timeout=10)
        if self.store.read_only:
            self.notify(
                f"{self.store.path}: {self.store.read_only_reason}",
                title="Annotations read-only",
                severity="warning",
                timeout=15,
            )
        loaded, self._opened = self._opened, None
        if loaded is not None:
            settle()
            self._loaded_notices(loaded)
        else:
            self.load_articles()

    def _open_cached(self) -> Alignment | None:
        from tui.alignment.pipeline import open_cached

        return open_cached(self.paths, cache_dir=self.cache_dir)

    def on_unmount(self) -> None:
        self.store.close()
        release()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast whose text is always data: no markup (a file named ``[@click=app.quit]`` is
        not an action) and control characters made visible (no escape reaches the terminal).
        Every ``notify`` in the app, screens and widgets included, comes through here."""
        super().notify(
            visible(message),
            title=visible(title, one_line=True),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    async def _dispatch_message(self, message: Message) -> None:
        """Errors in the App's own handlers are caught like a screen's (an error screen).

        Textual stops a message pump whose handler raises; for a screen that is one screen, for
        the App it is the whole program (``ctrl+p`` then ``pageup`` at once exited with status 1
        and no message). A private hook, checked against Textual 8.2.
        """
        if not self.catch_errors:
            await super()._dispatch_message(message)
            return
        try:
            await super()._dispatch_message(message)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            self._handle_exception(error)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: log it and say so in a dialog instead of exiting with a traceback.

        Tests pass ``catch_errors=False`` so that a bug fails the test loudly.
        """
        if not self.catch_errors:
            super()._handle_exception(error)
            return
        from tui.ui.dialogs.error import ErrorScreen
        from tui.ui.errors import record, summary

        log = record(error)
        where = f"; details in {log}" if log else ""
        self._return_code = 1
        try:
            # The screen that failed (a dialog too small to lay out, say) goes: its message loop
            # has stopped, and under an error screen it would fail again at every refresh, an
            # error screen per frame that escape could never close.
            while len(self.screen_stack) > 1 and not isinstance(self.screen, CompareScreen):
                self.pop_screen()
            saved = not getattr(getattr(self, "store", None), "unsaved", False)
            self.push_screen(ErrorScreen(visible(summary(error)), str(log) if log else None, saved))
        except Exception:  # the UI itself is broken: leave with one line instead of a traceback
            self.exit(return_code=1, message=f"nato-reader: unexpected error: {summary(error)}{where}")

    @property
    def compare(self) -> CompareScreen:
        """The compare screen (always at the bottom of the stack once mounted)."""
        return next(s for s in self.screen_stack if isinstance(s, CompareScreen))

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self) -> None:
        """Read, align and re-anchor the annotations in a thread; the screen is painted meanwhile.

        The worker touches no widget: it posts ``LoadProgress``, then ``Loaded`` or ``LoadFailed``.
        """
        from tui.alignment.pipeline import NothingToAlign, open_alignment
        from tui.corpus.ingest import IngestError

        last = 0.0
        worker = get_current_worker()

        def progress(stage: str, done: int, total: int) -> None:
            nonlocal last
            if worker.is_cancelled:  # the user quit: stop at the next step instead of finishing
                raise LoadCancelled
            now = time.monotonic()
            if now - last > PROGRESS_EVERY or done == total:  # a few updates a second at most
                last = now
                self.post_message(LoadProgress(stage, done, total))

        try:
            alignment = open_alignment(
                self.paths, cache_dir=self.cache_dir, use_cache=self.use_cache, progress=progress
            )
        except (IngestError, NothingToAlign) as error:
            self.post_message(self.LoadFailed(str(error)))
            return
        except LoadCancelled:
            return
        # Re-anchoring reads every annotated article: done here, off the UI thread. Nothing else
        # writes the store meanwhile, since no annotation key works before Loaded arrives.
        self.post_message(self._anchored(alignment))

    def _anchored(self, alignment: Alignment) -> Loaded:
        """``alignment`` loaded, with the store's annotations re-anchored to its texts."""
        texts = {a.id: (str(a.path), a.sha256, a.text) for a in alignment.articles}
        try:
            # Another file with an article's name (story2/reuters.txt) is another source: the
            # store's annotations of the first never land on its words.
            self.store.claim_sources({key: (path, digest) for key, (path, digest, _) in texts.items()})
            moved, problem = self.store.reanchor(texts), None
        except Exception as error:  # a failed save here must not stop the reader
            moved, problem = 0, str(error)
        return self.Loaded(alignment, moved, problem)

    @on(LoadProgress)
    def _on_progress(self, message: LoadProgress) -> None:
        self.compare.show_progress(message.stage, message.done, message.total)

    @on(Loaded)
    def _on_loaded(self, message: Loaded) -> None:
        self.alignment = message.alignment
        self.compare.load(message.alignment)
        settle()
        self._loaded_notices(message)

    def _loaded_notices(self, message: Loaded) -> None:
        if message.reanchor_error:
            self.notify(message.reanchor_error, title="Annotations not saved", severity="error", timeout=10)
        if message.reanchored:
            self.notify(
                f"{plural(message.reanchored, 'annotation')} re-anchored to changed article text"
                " (a: list, orphans included).",
                timeout=8,
            )
        for warning in message.alignment.warnings:
            self.notify(warning, title="Skipped", severity="warning", timeout=8)

    @on(LoadFailed)
    def _on_load_failed(self, message: LoadFailed) -> None:
        self.load_failure = message.reason
        self.compare.load_failed(message.reason)
        self.notify(message.reason, title="Cannot load articles", severity="error", timeout=30)

    # The dialogs are imported when first opened: they pull in widgets start-up does not need.

    def action_help(self) -> None:
        from tui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))
