"""What a user's ``[keys]`` and ``[labels]`` config may name: every binding id of the reader's
screens and dialogs, and colours Textual can parse."""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode


def binding_ids() -> set[str]:
    """Every binding id a user may remap in ``[keys]``, from every screen and dialog."""
    from tui.ui.app import ReaderApp
    from tui.ui.dialogs.error import ErrorScreen
    from tui.ui.dialogs.export import ExportScreen
    from tui.ui.dialogs.pickers import ChoiceScreen, NoteScreen
    from tui.ui.screens.annotations import AnnotationsScreen
    from tui.ui.screens.claim_card import ClaimCardScreen
    from tui.ui.screens.compare import CompareScreen
    from tui.ui.screens.facts import FactsScreen
    from tui.ui.screens.help import HelpScreen
    from tui.ui.screens.matrix import MatrixScreen
    from tui.ui.screens.search import SearchScreen
    from tui.ui.widgets.aligned_panes import AlignedPanes

    owners: list[type[DOMNode]] = [ReaderApp, CompareScreen, AlignedPanes, AnnotationsScreen, MatrixScreen]
    owners += [SearchScreen, HelpScreen, ExportScreen, ChoiceScreen, NoteScreen, ErrorScreen]
    owners += [FactsScreen, ClaimCardScreen]
    return {
        binding.id
        for owner in owners
        for binding in owner.BINDINGS
        if isinstance(binding, Binding) and binding.id
    }


def color_ok(color: str) -> bool:
    """True for a colour Textual can parse (a label colour from the config)."""
    from textual.color import Color, ColorParseError

    try:
        Color.parse(color)
    except ColorParseError:
        return False
    return True
