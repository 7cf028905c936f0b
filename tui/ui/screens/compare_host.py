"""What the compare screen's mixins (moving, opening views, annotating, the inspector feed) may
rely on the screen to hold and do: declared once here, provided by ``CompareScreen``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from tui.alignment.model import ClaimGroup, Member
    from tui.alignment.result import Alignment
    from tui.annotations.config import Config
    from tui.annotations.store import AnnotationStore
    from tui.corpus.outlets import Outlet
    from tui.ui.widgets.aligned_panes import AlignedPanes


class CompareHost(Screen[None]):
    """The compare screen's state and the calls its mixins make (the screen owns them)."""

    alignment: Alignment | None
    sources: list[str]
    labels: dict[str, str]
    outlets: dict[str, Outlet]
    store: AnnotationStore
    config: Config
    selecting: bool

    if TYPE_CHECKING:

        @property
        def panes(self) -> AlignedPanes: ...

        def not_ready(self) -> bool: ...
        def current_member(self) -> Member | None: ...
        def current_claim(self) -> ClaimGroup | None: ...
        def show_row(self) -> None: ...
        def show_member(
            self, member: Member, beside: Member | None = None, claim: int | None = None
        ) -> None: ...
        def rename_source(self, source: str, name: str) -> None: ...
