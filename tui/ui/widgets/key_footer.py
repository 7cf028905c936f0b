"""KeyFooter: Textual's footer, composed with its screen, and again only when its keys change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# One key the footer may draw: its binding, how the key is displayed, enabled, tooltip.
Shown = tuple[Binding, str, bool, str]


class KeyFooter(Footer):
    """The footer of every reader screen.

    Textual's footer removes and mounts all its keys after every change of bindings: each focus
    change, and each time its screen comes back from under a dialog. That cost 5-10 ms a time,
    several times over for opening and closing a view (the matrix at 100 sources), for the same
    keys. This one composes again only when what it shows differs.

    Textual's footer is also empty when first composed, and composes its keys after the screen
    has been shown: a second layout and frame at the start (25 ms at the reader's start, inside
    the batch that holds back its first frame). This one has its keys in the screen's first frame.
    """

    def __init__(self) -> None:
        super().__init__()
        self._composed: tuple[tuple[Shown, ...], bool, bool] | None = None

    def _shown(self) -> tuple[Shown, ...]:
        """Everything of the active bindings that the footer draws (``Footer.compose`` reads)."""
        app = self.app
        return tuple(
            (binding, app.get_key_display(binding), enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show or binding.key == app.COMMAND_PALETTE_BINDING
        )

    def compose(self) -> ComposeResult:
        # The screen's bindings are known once the footer is mounted in it: no need to wait for
        # the first "bindings changed" signal (which then finds the same keys).
        self.set_reactive(Footer._bindings_ready, True)
        shown = self._shown()
        self._composed = (shown, self.compact, self.show_command_palette)
        if self.compact or any(binding.group is not None for binding, *_ in shown):
            yield from super().compose()
            return
        # ``Footer.compose`` without groups (the reader has none), with each key made not compact
        # before it is mounted. Textual's keys start compact and are bound to the footer's
        # setting, so each was restyled twice as it was mounted (~6 ms of the first frame) to
        # end where it started; the reader's footer is never compact.
        palette = self.app.COMMAND_PALETTE_BINDING
        actions: set[str] = set()
        for binding, display, enabled, tooltip in shown:
            if (binding.key == palette and not binding.show) or binding.action in actions:
                continue
            actions.add(binding.action)
            yield self._key(binding, display, enabled, tooltip)
        self.styles.grid_size_columns = len(actions)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            for binding, display, enabled, _ in shown:
                if binding.key == palette:
                    # Compact, as Textual leaves it (it is not bound to the footer's setting).
                    yield FooterKey(
                        binding.key,
                        display,
                        binding.description,
                        binding.action,
                        classes="-command-palette",
                        disabled=not enabled,
                        tooltip=binding.tooltip or binding.description,
                    )
                    break

    @staticmethod
    def _key(binding: Binding, display: str, enabled: bool, tooltip: str) -> FooterKey:
        key = FooterKey(binding.key, display, binding.description, binding.action, not enabled, tooltip)
        key.set_reactive(FooterKey.compact, False)
        return key

    async def recompose(self) -> None:
        if not self.is_attached or self._pruning:
            return
        # Called once the bindings are known (``bindings_changed``): the first time, and after,
        # only for other keys.
        shown = (self._shown(), self.compact, self.show_command_palette)
        if shown == self._composed:
            return
        self._composed = shown
        await super().recompose()
