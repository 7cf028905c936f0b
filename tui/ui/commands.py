"""ReaderCommands: every key of the reader, also in the command palette (ctrl+p)."""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

# Palette titles are grouped by what a command acts on.
_PREFIXES = {
    "open-matrix": "view",
    "open-search": "view",
    "open-facts": "view",
    "toggle-boilerplate": "view",
    "next-source": "view",
    "previous-source": "view",
    "switch-side": "view",
    "help": "view",
    "open-annotations": "view",
    "open-card": "view",
    "add-pane": "view",
    "remove-pane": "view",
    "focus-inspector": "view",
    "rename-source": "view",
    "copy-sentence": "export",
    "tag-sentence": "tag",
    "tag-claim": "tag",
    "select-words": "tag",
    "set-verdict": "tag",
    "edit-note": "tag",
    "delete-annotation": "tag",
    "undo": "tag",
    "redo": "tag",
    "export": "export",
    "quit": "app",
}


def _title(binding: Binding) -> str:
    prefix = _PREFIXES.get(binding.id or "", "move")
    return f"{prefix}: {binding.tooltip or binding.description}"


class ReaderCommands(Provider):
    """Commands for the bindings of the screen under the palette and of the app."""

    def _commands(self) -> list[tuple[str, str, str, DOMNode]]:
        commands: list[tuple[str, str, str, DOMNode]] = []
        seen: set[str] = set()
        for node in (self.screen, self.app):
            for binding in node.BINDINGS:
                if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                    continue
                if binding.id.startswith("selection-"):
                    continue  # only meaningful while selecting words, where the keys are shown
                seen.add(binding.id)
                key = binding.key_display or binding.key.split(",")[0]
                commands.append((_title(binding), binding.action, key, node))
        return commands

    async def _run(self, action: str, node: DOMNode) -> None:
        await self.app.run_action(action, default_namespace=node)

    async def discover(self) -> Hits:
        for title, action, key, node in self._commands():
            yield DiscoveryHit(title, partial(self._run, action, node), help=f"key: {key}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, key, node in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(title), partial(self._run, action, node), help=f"key: {key}"
                )
