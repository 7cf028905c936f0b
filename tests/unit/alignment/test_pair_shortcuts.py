"""Shortcuts in the pair comparisons give what the plain computations gave."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tui.alignment import diff, mentions, names, scoring, speakers
from tui.alignment.model import Member
from tui.alignment.result import Alignment, align_corpus
from tui.corpus import text
from tui.corpus.loader import load_corpus
from tui.corpus.model import Article, Sentence
from tui.resources import seeds_dir


def _article(boilerplate: list[bool]) -> Article:
    sentences = [
        Sentence(index=i, start=i, end=i + 1, text=f"s{i}", boilerplate_reason="clutter" if flag else None)
        for i, flag in enumerate(boilerplate)
    ]
    return Article("a", Path("a.txt"), "x" * len(sentences), "0" * 64, None, "utf-8", sentences)


@given(st.lists(st.booleans(), max_size=30), st.integers(-3, 34), st.integers(-2, 9))
def test_the_sentences_before_a_member_are_the_plain_slices(
    boilerplate: list[bool], index: int, limit: int
) -> None:
    """``Alignment.before`` walks back from the member instead of slicing its article (called
    four times per compared pair): the same texts, nearest first, boilerplate left out."""
    article = _article(boilerplate)
    alignment = Alignment([article], [])
    plain = [s.text for s in reversed(article.sentences[:index]) if not s.boilerplate][:limit]
    assert alignment.before(Member("a", index), limit) == plain
    if limit == 6:
        assert alignment.before(Member("a", index)) == plain


def _clear_sentence_caches() -> None:
    text.clear_caches()
    for cached in (
        scoring.sentence_terms,
        diff._keyed_words,
        names._side,
        mentions._numbers_and_dates_cached,
        mentions._quotes_cached,
        speakers._speakers_cached,
    ):
        cached.cache_clear()


def test_sentences_prepared_ahead_change_no_comparison() -> None:
    """The pair helper prepares each sentence's half of the comparisons before the first draft
    (``Alignment.prepare``): the JSON is the same as with every comparison worked out cold."""
    aligned = align_corpus(load_corpus([seeds_dir()]))
    _clear_sentence_caches()
    cold = "".join(Alignment(aligned.articles, aligned.groups).json_chunks())
    _clear_sentence_caches()
    prepared = Alignment(aligned.articles, aligned.groups)
    for article in aligned.articles:
        for sentence in article.sentences:  # boilerplate too: preparing it must not matter either
            prepared.prepare(Member(article.id, sentence.index))
    assert "".join(prepared.json_chunks()) == cold


def test_pairs_encoded_ahead_are_written_as_the_groups_would_write_them() -> None:
    """The pair helper encodes pairs while it waits (``Alignment.encoded_ahead``, for UTF-8
    output): the JSON is the same bytes, whichever pairs were encoded ahead, and ASCII output
    ignores them."""
    from tui.alignment.model import group_pairs
    from tui.alignment.pair_json import PairRecords
    from tui.alignment.result import GROUP_LEVEL

    aligned = align_corpus(load_corpus([seeds_dir()]))
    plain = {ascii: "".join(aligned.json_chunks(ensure_ascii=ascii)) for ascii in (True, False)}
    ahead = Alignment(aligned.articles, aligned.groups)
    records = PairRecords(GROUP_LEVEL + 2, ensure_ascii=False)
    pairs = [pair for group in aligned.groups for pair in group_pairs(group)]
    assert len(pairs) > 20
    for a, b in pairs[::2]:  # every other pair: groups mix pairs encoded ahead and not
        ahead.encoded_ahead[a, b] = records(ahead, ahead.compare(a, b))
    for ascii in (True, False):
        assert "".join(ahead.json_chunks(ensure_ascii=ascii)) == plain[ascii]
