"""Re-anchoring annotations when an article's text changes (tui/core/annotations.py: locate).

The rules under test, in the order ``locate`` applies them:

1. Same words at the old position: kept there (also when the text did not change at all).
2. The quote found verbatim elsewhere: moved there only in the same context, that is when the
   text on at least one side of it is still >= 80% the same as before (among several, the one
   whose 32 characters of context match best). The same words in another sentence are other
   words: deleting a tagged sentence must not move its tag, verdict and all, onto a repeat.
3. Not found verbatim: a quote of 8+ characters takes the best approximate match scoring >= 90
   (rapidfuzz) in the same context, as "changed, check": the quote the label and verdict were
   given on is kept. A shorter one never matches approximately.
4. Otherwise an orphan: kept in the store with its old position and quote, listed, never dropped,
   and re-anchored again when a later text contains its quote.

To make "the same words" and "deleted" well defined, generated quotes are made of characters
(capitals and digits) that the rest of the text and the edits never use: a quote then occurs
exactly once, and once deleted nothing in the text resembles it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.annotations.model import SHORT_QUOTE, Annotation, Quote, create, locate, reanchor
from tui.annotations.store import AnnotationStore

FILLER = "abcdefghijklmnopqrstuvwxyz     .,;'\n"  # the article around the quote, and every edit
MARK = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"  # only ever in quotes

filler = st.text(alphabet=FILLER, max_size=200)
mark_word = st.text(alphabet=MARK, min_size=2, max_size=9)
# Words of 2+ capitals and digits joined by single spaces: at most a third spaces, so no filler
# text comes near the 90% an approximate match needs.
long_quote = st.lists(mark_word, min_size=1, max_size=5).map(" ".join).filter(lambda q: len(q) >= SHORT_QUOTE)
short_quote = st.text(alphabet=MARK, min_size=1, max_size=SHORT_QUOTE - 1)
# One edit: on which side of the quote, where on that side, how much to delete, what to insert.
edit = st.tuples(
    st.booleans(), st.integers(0, 10_000), st.integers(0, 40), st.text(alphabet=FILLER, max_size=40)
)
edits = st.lists(edit, min_size=1, max_size=8)

SETTINGS = settings(max_examples=200, deadline=None)


def annotate(before: str, quote: str, after: str) -> tuple[str, Annotation]:
    text = before + quote + after
    return text, create(text, "article", len(before), len(before) + len(quote), "claim")


def apply_edits(
    text: str, start: int, end: int, changes: list[tuple[bool, int, int, str]], only: bool | None = None
) -> tuple[str, int, int]:
    """``text`` after ``changes``, none touching ``[start, end)``; and where that span is now.

    ``only`` keeps every edit on one side (True: before the quote, False: after it)."""
    for before, at, length, inserted in changes:
        if only is not None:
            before = only
        if before:
            a = at % (start + 1)
            b = min(start, a + length)
        else:
            a = end + at % (len(text) - end + 1)
            b = min(len(text), a + length)
        text = text[:a] + inserted + text[b:]
        if before:
            shift = len(inserted) - (b - a)
            start, end = start + shift, end + shift
    return text, start, end


def assert_on(text: str, moved: Annotation, start: int, end: int, exact: str) -> None:
    assert not moved.orphan
    assert (moved.start, moved.end) == (start, end)
    assert text[moved.start : moved.end] == exact == moved.quote.exact
    assert moved.quote == Quote.at(text, start, end)  # fresh context for the next change


# -- the same words --------------------------------------------------------------------------------


@SETTINGS
@given(before=filler, quote=long_quote, after=filler, changes=edits, side=st.booleans())
def test_edits_far_from_the_quote_keep_it_on_the_same_words(
    before: str, quote: str, after: str, changes: list[tuple[bool, int, int, str]], side: bool
) -> None:
    """Edits beyond its 32 characters of context on one side (a sentence added or deleted
    further up or down): the quote's context is intact, so it stays on its words."""
    text, annotation = annotate("x" * 40 + before + "y" * 40, quote, "z" * 40 + after)
    new, start, end = apply_edits(text, annotation.start - 40, annotation.end + 40, changes, only=side)
    assert_on(new, reanchor(new, annotation), start + 40, end - 40, quote)


@SETTINGS
@given(before=filler, quote=long_quote, after=filler, changes=edits)
def test_edits_outside_the_quote_on_both_sides_keep_it_on_its_words_or_orphan_it(
    before: str, quote: str, after: str, changes: list[tuple[bool, int, int, str]]
) -> None:
    """With both sides rewritten the context is gone: the same words, or an orphan (issue 12.8)."""
    text, annotation = annotate(before, quote, after)
    new, start, end = apply_edits(text, annotation.start, annotation.end, changes)
    moved = reanchor(new, annotation)
    if not moved.orphan:
        assert_on(new, moved, start, end, quote)


@SETTINGS
@given(before=filler, quote=short_quote, after=filler, changes=edits, side=st.booleans())
def test_a_short_quote_edited_around_on_one_side_keeps_its_words_or_is_an_orphan(
    before: str, quote: str, after: str, changes: list[tuple[bool, int, int, str]], side: bool
) -> None:
    """One side untouched, the other rewritten up to its edge: the context may be gone on that
    side (issue 12.8: then an orphan); never other words."""
    text, annotation = annotate(before, quote, after)
    new, start, end = apply_edits(text, annotation.start, annotation.end, changes, only=side)
    moved = reanchor(new, annotation)
    if not moved.orphan:
        assert_on(new, moved, start, end, quote)


@SETTINGS
@given(before=filler, quote=short_quote, after=filler, changes=edits, side=st.booleans())
def test_a_short_quote_keeps_its_words_after_edits_beyond_its_context(
    before: str, quote: str, after: str, changes: list[tuple[bool, int, int, str]], side: bool
) -> None:
    text, annotation = annotate("x" * 40 + before + "y" * 40, quote, "z" * 40 + after)
    new, start, end = apply_edits(text, annotation.start - 40, annotation.end + 40, changes, only=side)
    assert_on(new, reanchor(new, annotation), start + 40, end - 40, quote)


@SETTINGS
@given(before=filler, quote=short_quote, after=filler, changes=edits)
def test_a_short_quote_edited_around_on_both_sides_keeps_its_words_or_is_an_orphan(
    before: str, quote: str, after: str, changes: list[tuple[bool, int, int, str]]
) -> None:
    text, annotation = annotate(before, quote, after)
    new, start, end = apply_edits(text, annotation.start, annotation.end, changes)
    moved = reanchor(new, annotation)
    if moved.orphan:
        assert moved == Annotation(**{**_fields(annotation), "orphan": True})
    else:
        assert_on(new, moved, start, end, quote)


@SETTINGS
@given(text=st.text(max_size=300), data=st.data())
def test_unchanged_text_keeps_every_annotation_where_it_is(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, max(0, len(text) - 1)))
    end = data.draw(st.integers(min(start + 1, len(text)), len(text)))
    annotation = create(text, "article", start, end, "claim")
    if start == end:  # an empty quote marks nothing and is never found
        assert reanchor(text, annotation).orphan
        return
    assert locate(text, annotation) == (start, end)
    assert reanchor(text, annotation) is annotation  # nothing to save


# -- deleted words ---------------------------------------------------------------------------------


@SETTINGS
@given(
    before=filler,
    quote=long_quote | short_quote,
    after=filler,
    changes=st.lists(edit, max_size=6),
    cut_before=st.integers(0, 60),
    cut_after=st.integers(0, 60),
    replacement=st.text(alphabet=FILLER, max_size=60),
)
def test_deleting_the_quoted_words_makes_an_orphan_not_a_wrong_match(
    before: str,
    quote: str,
    after: str,
    changes: list[tuple[bool, int, int, str]],
    cut_before: int,
    cut_after: int,
    replacement: str,
) -> None:
    """The quote and up to 60 characters either side are replaced (by nothing or other text), and
    the article edited elsewhere."""
    text, annotation = annotate(before, quote, after)
    new, start, end = apply_edits(text, annotation.start, annotation.end, changes)
    new = new[: max(0, start - cut_before)] + replacement + new[end + cut_after :]
    moved = reanchor(new, annotation)
    assert moved.orphan
    # Kept as it was: its last known position and quote, for the list of orphans.
    assert (moved.start, moved.end, moved.quote) == (annotation.start, annotation.end, annotation.quote)
    assert reanchor(new, moved) is moved


@SETTINGS
@given(
    before=filler,
    quote=short_quote,
    after=filler,
    near_misses=st.lists(
        st.tuples(st.integers(0, 10_000), st.integers(0, 3), st.sampled_from(MARK)), max_size=5
    ),
)
def test_a_short_quote_is_never_matched_approximately(
    before: str, quote: str, after: str, near_misses: list[tuple[int, int, str]]
) -> None:
    """ "NATO" deleted while "NAT0", "NAO" or "NATOX" remain: an orphan, not one of those."""
    _, annotation = annotate(before, quote, after)
    new = before + after
    for at, kind, char in near_misses:
        i = at % len(quote)
        miss = [quote[:i] + char + quote[i + 1 :], quote[:i] + quote[i + 1 :], quote + char, char + quote][
            kind
        ]
        if quote in miss:  # not a near miss: the quote itself
            continue
        where = at % (len(new) + 1)
        new = new[:where] + " " + miss + " " + new[where:]
    if quote in new:  # two near misses side by side can spell it again
        return
    assert reanchor(new, annotation).orphan


# -- worked examples: a short quote ("NATO") that occurs in several sentences -----------------------

ARTICLE = (
    "NATO defence ministers agreed on Thursday to raise spending to 3.5% of GDP. "
    "Russia's foreign ministry said the decision showed that NATO was preparing for war. "
    "Spain asked for an exemption, and officials said NATO would consider it next month."
)


def nato(occurrence: int, text: str = ARTICLE) -> Annotation:
    """An annotation on the n-th "NATO" of ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index("NATO", start + 1)
    return create(text, "article", start, start + 4, "attribution")


def sentence(number: int) -> str:
    return ARTICLE.split(". ")[number]


def test_deleting_the_sentence_of_a_short_quote_orphans_it_while_the_others_stay() -> None:
    for number in range(3):
        new = ARTICLE.replace(sentence(number) + (". " if number < 2 else ""), "")
        if number == 2:
            new = new.rstrip()
        for occurrence in range(3):
            moved = reanchor(new, nato(occurrence))
            if occurrence == number:
                assert moved.orphan, (
                    f"NATO of sentence {number} moved to {new[moved.start - 20 : moved.end]!r}"
                )
            else:
                assert not moved.orphan  # the same NATO, in the same words
                was = nato(occurrence)
                assert new[moved.start - 15 : moved.end + 5] == ARTICLE[was.start - 15 : was.end + 5]


def test_a_short_quote_follows_a_paragraph_added_above_it_or_words_changed_on_one_side() -> None:
    annotation = nato(1)
    added = "Updated at 14:00 with the Kremlin's reaction.\n\n" + ARTICLE
    moved = reanchor(added, annotation)
    assert added[moved.start : moved.end] == "NATO"
    assert moved.start == annotation.start + len("Updated at 14:00 with the Kremlin's reaction.\n\n")
    reworded = ARTICLE.replace("said the decision showed that NATO", "claimed on Friday that NATO")
    moved = reanchor(reworded, annotation)
    assert not moved.orphan
    assert reworded[moved.start - 12 : moved.end + 4] == "Friday that NATO was"


def test_a_short_quote_reworded_on_both_sides_is_an_orphan() -> None:
    """The sentence rewritten around it: as far as the text shows, that could be another NATO."""
    reworded = ARTICLE.replace(
        "said the decision showed that NATO was preparing for war",
        "called it proof the NATO alliance is arming",
    )
    assert reanchor(reworded, nato(1)).orphan


def test_a_short_quote_in_a_repeated_line_moves_to_the_copy_with_the_same_context() -> None:
    """Words and context alike on both sides (a footer printed twice): indistinguishable, so
    taken. (With the other side wholly different it would be an orphan: issue 12.8.)"""
    footer = "\nSITEMAP\nCopyright © 2024 CGTN.\nMore on the summit.\n"
    text = ARTICLE + footer + "More on the summit." + footer
    start = text.index("CGTN")
    annotation = create(text, "article", start, start + 4, "context")
    new = ARTICLE + "More on the summit." + footer
    moved = reanchor(new, annotation)
    assert new[moved.start : moved.end] == "CGTN"
    assert moved.start == new.rindex("CGTN")


def test_a_long_quote_whose_sentence_went_is_an_orphan_not_the_same_phrase_elsewhere() -> None:
    """Issue 12.8: the same words in another sentence are other words."""
    words = "raise spending to 3.5% of GDP"
    annotation = create(ARTICLE, "article", ARTICLE.index(words), ARTICLE.index(words) + len(words), "number")
    annotation = annotation.edited(verdict="supported")
    moved = ARTICLE.replace("NATO defence ministers agreed on Thursday to " + words + ". ", "")
    moved += " Ministers will " + words + " by 2035."
    found = reanchor(moved, annotation)
    assert found.orphan
    assert found.quote == annotation.quote


def test_a_changed_number_is_changed_check_and_keeps_the_quote_the_verdict_was_on() -> None:
    words = "raise spending to 3.5% of GDP"
    annotation = create(ARTICLE, "article", ARTICLE.index(words), ARTICLE.index(words) + len(words), "number")
    annotation = annotation.edited(verdict="supported")
    edited = ARTICLE.replace("3.5%", "3.6%")
    found = reanchor(edited, annotation)
    assert not found.orphan and found.changed
    assert edited[found.start : found.end] == "raise spending to 3.6% of GDP"
    assert found.quote == annotation.quote  # the words the verdict was given on
    assert found.verdict == "supported"
    assert reanchor(edited, found) == found  # stable until a person checks it
    back = reanchor(ARTICLE, found)  # the old words return: no longer changed
    assert not back.changed and ARTICLE[back.start : back.end] == words


def test_a_long_quote_is_not_matched_to_a_piece_of_itself_in_a_shorter_text() -> None:
    """The article now a headline-only page saying "NATO": not a 100% match of the quote's start."""
    words = "NATO defence ministers agreed"
    annotation = create(ARTICLE, "article", 0, len(words), "claim")
    assert reanchor("NATO", annotation).orphan
    assert reanchor("Page not found", annotation).orphan


# -- orphans in the store --------------------------------------------------------------------------


def texts_for(text: str) -> dict[str, tuple[str, str, str]]:
    return {"article": ("/articles/article.txt", hashlib.sha256(text.encode()).hexdigest(), text)}


def test_orphans_stay_in_the_store_listed_and_come_back_when_their_quote_does(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path)
    try:
        (_, digest, _) = texts_for(ARTICLE)["article"]
        store.sources = {"article": {"path": "/articles/article.txt", "sha256": digest}}
        first, second = nato(0), nato(2)
        store.annotations = {first.id: first, second.id: second}
        store.save()

        # The first sentence is gone: its NATO is an orphan, kept and saved as one.
        gone = ARTICLE.replace(sentence(0) + ". ", "")
        assert store.reanchor(texts_for(gone)) == 2  # the orphan, and the other one moved
        orphan = store.annotations[first.id]
        assert orphan.orphan
        assert orphan.quote == first.quote
        assert [a.id for a in store.for_source("article")] == [first.id, second.id]
        assert store.at("article", 0, len(gone)) == [store.annotations[second.id]]
        on_disk = AnnotationStore.open(path, lock=False)
        assert on_disk.annotations[first.id].orphan
        assert on_disk.sources["article"]["sha256"] == texts_for(gone)["article"][1]

        # The same text again: nothing to do, nothing written.
        written = path.read_bytes()
        assert store.reanchor(texts_for(gone)) == 0
        assert path.read_bytes() == written

        # The sentence is back, further down: the orphan is re-anchored to it.
        back = gone + " " + sentence(0) + "."
        assert store.reanchor(texts_for(back)) == 1
        returned = store.annotations[first.id]
        assert not returned.orphan
        assert back[returned.start : returned.end] == "NATO"
        assert returned.quote.suffix == first.quote.suffix
        assert not AnnotationStore.open(path, lock=False).annotations[first.id].orphan
    finally:
        store.close()


def test_a_read_only_store_re_anchors_in_memory_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    holder = AnnotationStore.open(path)
    try:
        (_, digest, _) = texts_for(ARTICLE)["article"]
        holder.sources = {"article": {"path": "/articles/article.txt", "sha256": digest}}
        annotation = nato(0)
        holder.annotations = {annotation.id: annotation}
        holder.save()
        written = path.read_bytes()
        reader = AnnotationStore.open(path)
        assert reader.read_only
        assert reader.reanchor(texts_for(ARTICLE.replace(sentence(0) + ". ", ""))) == 1
        assert reader.annotations[annotation.id].orphan
        assert path.read_bytes() == written
    finally:
        holder.close()


def test_sources_the_store_does_not_know_are_left_alone(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path / "annotations.json", lock=False)
    annotation = nato(0)
    store.annotations = {annotation.id: annotation}
    assert store.reanchor(texts_for("")) == 0  # "article" is not among the store's sources
    assert store.annotations[annotation.id] is annotation
    assert not (tmp_path / "annotations.json").exists()


def _fields(annotation: Annotation) -> dict[str, object]:
    return {name: getattr(annotation, name) for name in Annotation.__dataclass_fields__}
