"""Annotation actions of the compare screen: tag, select words, verdicts, notes, undo.

A mixin for ``CompareScreen`` so the screen module stays about reading and moving; every action
here ends in one ``Change`` applied to the store, which is on disk before the action returns.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.alignment.model import Member
from tui.annotations.model import VERDICTS, Annotation, Change, create
from tui.annotations.store import StoreError
from tui.corpus.model import Sentence
from tui.corpus.text import Token, tokens
from tui.ui.messages import AnnotationsChanged
from tui.ui.screens.compare_host import CompareHost
from tui.ui.widgets.display import one_line, plural

if TYPE_CHECKING:
    pass

CLEAR_VERDICT = "(no verdict)"
QUOTE_PREVIEW = 60


def quote_preview(text: str) -> str:
    """A quote on one line, cut at a word with an ellipsis (no stray space before it)."""
    flat = one_line(text)
    if len(flat) <= QUOTE_PREVIEW:
        return flat
    cut = flat[:QUOTE_PREVIEW].rsplit(" ", 1)[0] if " " in flat[:QUOTE_PREVIEW] else flat[:QUOTE_PREVIEW]
    return cut.rstrip(" ,;:") + "…"


class AnnotationActions(CompareHost):
    """Keyboard annotation for a screen with ``panes``, ``sources`` and an ``alignment``.

    The store and config are handed to the screen when it is made (attributes down); every
    change ends in an ``AnnotationsChanged`` message that the screen handles by redrawing.
    """

    _selection_words: tuple[int, int]

    if TYPE_CHECKING:

        def show_annotation(self, annotation: Annotation | None) -> None: ...

    # -- what the cursor is on -------------------------------------------------------------

    def focused_member(self) -> Member | None:
        """The sentence of the focused pane on the current row."""
        row = self.panes.current
        if row is None or not self.sources:
            return None
        index = row.side(self.panes.side)
        return None if index is None else Member(self.sources[self.panes.side], index)

    def _focused_sentence(self) -> tuple[Member, Sentence] | None:
        if self.not_ready():
            return None
        member = self.focused_member()
        if member is None or self.alignment is None:
            self.notify("No sentence in the focused pane on this row (tab switches pane).", timeout=3)
            return None
        return member, self.alignment.sentence(member)

    def annotations_here(self) -> list[Annotation]:
        """Annotations on the focused sentence, newest change last."""
        found = self._focused_sentence()
        if found is None:
            return []
        member, sentence = found
        return sorted(self.store.at(member.source, sentence.start, sentence.end), key=lambda a: a.modified)

    # -- applying changes ------------------------------------------------------------------

    def _apply(self, change: Change) -> bool:
        assert self.alignment is not None
        sources = {
            a.source: (str(self.alignment.article(a.source).path), self.alignment.article(a.source).sha256)
            for a in change.after
            if a is not None
        }
        try:
            self.store.apply(change, sources)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            self.post_message(AnnotationsChanged("reloaded"))  # the store may hold another writer's version
            return False
        self.post_message(AnnotationsChanged(change.description))
        return True

    def _writable(self) -> bool:
        """False, with the reason, when the store is read-only: refuse before any picker opens."""
        if not self.store.read_only:
            return True
        self.notify(f"Annotations are read-only: {self.store.read_only_reason}", title="Not saved", timeout=5)
        return False

    def _pick_label(self, callback: Callable[[str | None], None]) -> None:
        choices = [(label.name, label.key) for label in self.config.labels]
        from tui.ui.dialogs.pickers import ChoiceScreen  # on first use: it pulls in TextArea

        self.app.push_screen(ChoiceScreen("Tag with label", choices), callback)

    # -- actions ---------------------------------------------------------------------------

    def action_tag_sentence(self) -> None:
        if not self._writable():
            return
        found = self._focused_sentence()
        if found is None:
            return
        member, sentence = found
        assert self.alignment is not None  # _focused_sentence said so
        article = self.alignment.article(member.source)

        def tag(label: str | None) -> None:
            if label:
                annotation = create(
                    article.text, member.source, sentence.start, sentence.end, label, group=sentence.group
                )
                if self._apply(Change(f"tag {label}", [None], [annotation])):
                    self.notify(f"Tagged {label}; saved.", timeout=2)

        self._pick_label(tag)

    def action_tag_claim(self) -> None:
        if not self._writable():
            return
        found = self._focused_sentence()
        if found is None:
            return
        _, sentence = found
        if sentence.group is None:
            self.notify("Boilerplate belongs to no claim; t tags the sentence itself.", timeout=3)
            return
        assert self.alignment is not None
        alignment = self.alignment
        group = alignment.groups[sentence.group]

        def tag(label: str | None) -> None:
            if not label:
                return
            claim = uuid.uuid4().hex
            created = []
            for member in group.members:
                text = alignment.article(member.source).text
                target = alignment.sentence(member)
                created.append(
                    create(text, member.source, target.start, target.end, label, claim=claim, group=group.id)
                )
            if self._apply(Change(f"tag claim {label}", [None] * len(created), list(created))):
                self.notify(
                    f"Tagged {label} in {plural(len(created), 'source')} as one linked claim; saved.",
                    timeout=3,
                )

        self._pick_label(tag)

    def action_start_selection(self) -> None:
        if not self._writable():
            return
        found = self._focused_sentence()
        if found is None:
            return
        _, sentence = found
        if not [t for t in tokens(sentence.text) if t.is_word]:
            return
        self.selecting = True
        self._selection_words = (0, 0)
        self._show_selection()
        self.notify("Select words: h/l move, H/L extend, enter tags, escape cancels.", timeout=4)

    def _words(self) -> list[Token]:
        found = self.focused_member()
        if found is None or self.alignment is None:
            return []
        return [t for t in tokens(self.alignment.sentence(found).text) if t.is_word]

    def _show_selection(self) -> None:
        words = self._words()
        if not words:
            self.action_cancel_selection()
            return
        first, last = sorted(self._selection_words)
        last = min(last, len(words) - 1)
        self.panes.selection = (words[first].start, words[last].end)
        self.panes.refresh_tags()
        self.refresh_bindings()

    def action_move_selection(self, step: int) -> None:
        count = len(self._words())
        _, end = self._selection_words
        position = max(0, min(count - 1, end + step))
        self._selection_words = (position, position)
        self._show_selection()

    def action_extend_selection(self, step: int) -> None:
        count = len(self._words())
        anchor, end = self._selection_words
        self._selection_words = (anchor, max(0, min(count - 1, end + step)))
        self._show_selection()

    def action_cancel_selection(self) -> None:
        self.selecting = False
        self.panes.selection = None
        self.panes.refresh_tags()
        self.refresh_bindings()

    def action_confirm_selection(self) -> None:
        member = self.focused_member()
        if member is None or self.panes.selection is None or self.alignment is None:
            self.action_cancel_selection()
            return
        sentence = self.alignment.sentence(member)
        article = self.alignment.article(member.source)
        start, end = (sentence.start + offset for offset in self.panes.selection)

        def tag(label: str | None) -> None:
            self.action_cancel_selection()
            if label:
                annotation = create(article.text, member.source, start, end, label, group=sentence.group)
                if self._apply(Change(f"tag words {label}", [None], [annotation])):
                    self.notify(f"Tagged “{annotation.quote.exact}” {label}; saved.", timeout=3)

        self._pick_label(tag)

    def action_set_verdict(self) -> None:
        if not self._writable():
            return
        here = self.annotations_here()
        if not here:
            self.notify("No annotation here to judge: t tags the sentence first.", timeout=3)
            return

        def judge(choice: str | None) -> None:
            if choice is None:
                return
            verdict = None if choice == CLEAR_VERDICT else choice
            after = [a.edited(verdict=verdict) for a in here]
            if self._apply(Change(f"verdict {choice}", list(here), list(after))):
                self.notify(f"Verdict {choice} on {plural(len(after), 'annotation')}; saved.", timeout=2)

        choices: list[tuple[str, str | None]] = [(v, None) for v in VERDICTS] + [(CLEAR_VERDICT, "0")]
        from tui.ui.dialogs.pickers import ChoiceScreen  # on first use: it pulls in TextArea

        self.app.push_screen(ChoiceScreen("Verdict", choices), judge)

    def _pick_annotation(
        self, title: str, here: list[Annotation], then: Callable[[Annotation], None]
    ) -> None:
        """Act on the one annotation here, or ask which when there are several."""
        if len(here) == 1:
            then(here[0])
            return
        by_id = {a.id: a for a in here}
        names = {a.id: f"{a.label} · {quote_preview(a.quote.exact)}" for a in here}

        def chosen(annotation_id: str | None) -> None:
            if annotation_id in by_id:
                then(by_id[annotation_id])

        from tui.ui.dialogs.pickers import ChoiceScreen  # on first use: it pulls in TextArea

        self.app.push_screen(ChoiceScreen(title, [(a.id, None) for a in here], names=names), chosen)

    def action_edit_note(self) -> None:
        if not self._writable():
            return
        here = self.annotations_here()
        if not here:
            self.notify("No annotation here to note: t tags the sentence first.", timeout=3)
            return

        def edit(target: Annotation) -> None:
            def save(text: str | None) -> None:
                if text is None:
                    return
                if self._apply(Change("note", [target], [target.edited(note=text)])):
                    self.notify("Note saved.", timeout=2)

            title = f"Note on “{quote_preview(target.quote.exact)}” ({target.label})"
            from tui.ui.dialogs.pickers import NoteScreen  # on first use: it pulls in TextArea

            self.app.push_screen(NoteScreen(title, target.note), save)

        self._pick_annotation("Note on which annotation?", here, edit)

    def action_delete_annotation(self) -> None:
        if not self._writable():
            return
        here = self.annotations_here()
        if not here:
            self.notify("No annotation here to delete.", timeout=2)
            return

        def delete(target: Annotation) -> None:
            if self._apply(Change("delete", [target], [None])):
                self.notify(f"Deleted {target.label} annotation (u undoes).", timeout=3)

        self._pick_annotation("Delete which annotation?", here, delete)

    def action_undo(self) -> None:
        if not self._writable():
            return
        self._history(self.store.undo, "Undid", "Nothing to undo.")

    def action_redo(self) -> None:
        if not self._writable():
            return
        self._history(self.store.redo, "Redid", "Nothing to redo.")

    def _history(self, step: Callable[[], Change | None], done: str, empty: str) -> None:
        try:
            change = step()
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            self.post_message(AnnotationsChanged("reloaded"))
            return
        if change is None:
            self.notify(empty, timeout=2)
            return
        self.post_message(AnnotationsChanged(change.description))
        # The change may be off screen: go where it happened, so the user sees what changed.
        changed = next((a for a in [*change.after, *change.before] if a is not None), None)
        if changed is not None:
            self.show_annotation(changed)
        self.notify(f"{done}: {change.description}; saved.", timeout=2)
