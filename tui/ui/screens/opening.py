"""Opening the other views of the same claims from the compare screen (matrix, search, facts,
annotations, claim card) and acting on what they return; copying a sentence and renaming a
source.

A mixin for ``CompareScreen`` (as ``NavigationActions`` is for moving), so each module holds
one kind of key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.alignment.claims import stop_at
from tui.alignment.model import Member
from tui.ui.screens.compare_host import CompareHost

if TYPE_CHECKING:
    from tui.annotations.model import Annotation
    from tui.ui.screens.matrix import MatrixChoice


class ViewActions(CompareHost):
    """Keys that open another view of the claims, copy a sentence or rename a source."""

    if TYPE_CHECKING:

        def _ordered(self) -> list[str]: ...  # provided by CompareScreen

    # -- other views of the same claims ----------------------------------------------------

    def action_open_matrix(self) -> None:
        from tui.ui.screens.matrix import MatrixScreen

        if self.not_ready():
            return
        assert self.alignment is not None
        self.app.push_screen(MatrixScreen(self.alignment, self.labels, self._ordered()), self._matrix_choice)

    def _matrix_choice(self, choice: MatrixChoice | None) -> None:
        if choice is None or self.alignment is None:
            return
        if choice.card:
            self.open_card(choice.group)
            return
        group = self.alignment.groups[choice.group]
        stop = stop_at(self.alignment, group, self.sources[self.panes.side])
        if stop is not None:
            self.show_member(stop.pair.a, beside=stop.pair.b, claim=group.id)
        elif len(group.members) > 1:
            self.show_member(group.members[0], beside=group.members[1], claim=group.id)
        else:
            self.show_member(group.members[0], claim=group.id)

    def action_open_search(self) -> None:
        from tui.ui.screens.search import SearchScreen

        if self.not_ready():
            return
        assert self.alignment is not None
        self.app.push_screen(SearchScreen(self.alignment, self.labels), self._jump_to)

    def action_open_facts(self) -> None:
        from tui.ui.screens.facts import FactsScreen

        if self.not_ready():
            return
        assert self.alignment is not None
        self.app.push_screen(FactsScreen(self.alignment, self.labels), self._facts_choice)

    def _facts_choice(self, choice: object) -> None:
        from tui.ui.screens.facts import CardRequest

        if isinstance(choice, CardRequest):
            self.open_card(choice.group, choice.member)
        elif isinstance(choice, Member):
            self._jump_to(choice)

    def _jump_to(self, member: Member | None) -> None:
        if member is not None:
            self.show_member(member)

    def action_open_annotations(self) -> None:
        from tui.ui.screens.annotations import AnnotationsScreen

        if self.not_ready():
            return
        labels = [label.name for label in self.config.labels]
        self.app.push_screen(AnnotationsScreen(self.store, labels, self.labels), self.show_annotation)

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Move the view to the sentence holding ``annotation`` (None: stay)."""
        if annotation is None or self.alignment is None:
            return
        source, start = annotation.source, annotation.start
        article = next((a for a in self.alignment.articles if a.id == source), None)
        if article is None:
            self.notify(f"{source} is not loaded in this session.", timeout=4)
            return
        sentence = next((s for s in article.sentences if s.start <= start < s.end), None)
        if sentence is not None:
            self.show_member(Member(article.id, sentence.index))

    def action_open_card(self) -> None:
        if self.not_ready():
            return
        assert self.alignment is not None
        here = self.current_member()
        group = self.current_claim()
        if group is None:
            self.notify("No claim here (boilerplate or an empty row).", timeout=2)
            return
        self.open_card(group.id, here)

    def open_card(self, group_id: int, reference: Member | None = None) -> None:
        """Open the claim card of ``group_id``, diffed against ``reference`` (or the focused source)."""
        from tui.ui.screens.claim_card import ClaimCardScreen

        assert self.alignment is not None
        if reference is None and self.sources:
            reference = self.alignment.groups[group_id].member_for(self.sources[self.panes.side])
        self.app.push_screen(
            ClaimCardScreen(self.alignment, group_id, reference, self.labels), self._card_choice
        )

    def _card_choice(self, choice: tuple[Member, Member, int] | None) -> None:
        if choice is not None:
            reference, version, claim = choice
            self.show_member(reference, beside=version, claim=claim)

    # -- copy and rename -------------------------------------------------------------------

    def action_copy(self) -> None:
        if self.not_ready():
            return
        assert self.alignment is not None
        row = self.panes.current
        index = None if row is None else row.side(self.panes.side)
        if index is None:
            self.notify("No sentence in the focused pane on this row (tab switches pane).", timeout=3)
            return
        source = self.sources[self.panes.side]
        article = self.alignment.article(source)
        text = article.sentences[index].text
        selection = self.panes.selection
        if self.selecting and selection is not None:
            text = text[selection[0] : selection[1]]
        citation = self.outlets[source].citation(article.title, article.path)
        self.app.copy_to_clipboard(f"“{' '.join(text.split())}”\n— {citation}")
        self.notify(f"Copied with citation: {self.labels[source]}", timeout=2)

    def action_rename_source(self) -> None:
        from tui.ui.dialogs.name import NameScreen

        if self.not_ready():
            return
        assert self.alignment is not None
        source = self.sources[self.panes.side]
        article = self.alignment.article(source)

        def save(name: str | None) -> None:
            if name is None:
                return
            name = " ".join(name.split())
            try:
                self.store.rename(source, name, str(article.path), article.sha256)
            except Exception as error:  # a read-only or full store: the name still applies now
                self.notify(str(error), title="Name not saved", severity="warning", timeout=8)
            self.rename_source(source, name)
            self.notify(f"{source} is now shown as {self.outlets[source].name}.", timeout=3)

        self.app.push_screen(
            NameScreen(f"Outlet name for {source}", self.outlets[source].name),
            save,
        )
