"""Alignment, classification, normalisation, word diffs and divergences."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from tui.alignment.aligner import Aligner
from tui.alignment.diff import word_diff
from tui.alignment.divergences import find_divergences
from tui.alignment.model import ClaimGroup, Member
from tui.alignment.result import Alignment, align_corpus
from tui.corpus.ingest import RawArticle
from tui.corpus.loader import build_article, load_corpus
from tui.corpus.model import Article, Kind
from tui.corpus.text import normalise, tokens
from tui.resources import seeds_dir

SHARED_KINDS = {Kind.IDENTICAL, Kind.NEAR_IDENTICAL, Kind.PARAPHRASE}


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align_corpus(load_corpus([seeds_dir()]))


def article(source: str, text: str) -> Article:
    return build_article(RawArticle(source, Path(f"{source}.txt"), text, "0" * 64, "utf-8"))


def align(*texts: str) -> Alignment:
    articles = [article(f"s{n}", text) for n, text in enumerate(texts)]
    return Alignment(articles, Aligner().run(articles))


def assert_alignment_consistent(alignment: Alignment) -> None:
    """What every view relies on, for any corpus."""
    members_seen: Counter[Member] = Counter()
    for position, group in enumerate(alignment.groups):
        assert group.id == position
        assert group.members, "empty group"
        sources = [m.source for m in group.members]
        assert len(sources) == len(set(sources)), f"group {group.id} has two sentences of one source"
        members_seen.update(group.members)
        kinds = {alignment.sentence(m).kind for m in group.members}
        if len(group.members) == 1:
            assert kinds == {Kind.UNIQUE}
            assert alignment.sentence(group.members[0]).score is None
        else:
            # Members may carry the claim as a second one (through a clause): only the sentences
            # whose main claim this is take their kind and score from it.
            main = [m for m in group.members if alignment.sentence(m).group == group.id]
            assert {alignment.sentence(m).kind for m in main} <= SHARED_KINDS, (group.id, kinds)
            # Views take the first member's words as the claim's: a main member when there is one.
            assert group.members[: len(main)] == main, f"group {group.id}: a second claim listed first"
            for member in main:
                score = alignment.sentence(member).score
                assert score is not None and 0.0 <= score <= 100.0
    for art in alignment.articles:
        for sentence in art.sentences:
            assert sentence.text == art.text[sentence.start : sentence.end]
            member = Member(art.id, sentence.index)
            if sentence.boilerplate:
                assert sentence.kind == Kind.BOILERPLATE
                assert sentence.group is None
                assert members_seen[member] == 0
            else:
                assert sentence.kind != Kind.BOILERPLATE
                # Its main claim first, then any second claims it carries; in exactly those groups.
                assert sentence.group is not None and sentence.groups[0] == sentence.group
                assert members_seen[member] == len(sentence.groups) == len(set(sentence.groups))
                for group_id in sentence.groups:
                    assert member in alignment.groups[group_id].members


# --- the seeds -----------------------------------------------------------------------------------


def test_seed_alignment_is_consistent(seeds: Alignment) -> None:
    assert_alignment_consistent(seeds)


def test_seeds_share_claims_and_keep_unique_sentences(seeds: Alignment) -> None:
    sizes = Counter(len(g.members) for g in seeds.groups)
    assert sum(n for size, n in sizes.items() if size > 1) >= 15  # the story is widely shared
    assert sizes[1] >= 10  # and each outlet adds its own sentences
    assert max(sizes) <= len(seeds.articles)


def test_identical_means_same_normalised_text(seeds: Alignment) -> None:
    for group in seeds.groups:
        for member in group.members:
            sentence = seeds.sentence(member)
            if sentence.kind == Kind.IDENTICAL:
                others = [normalise(seeds.sentence(m).text) for m in group.members if m != member]
                assert normalise(sentence.text) in others


def test_wire_copy_in_seeds_is_near_identical(seeds: Alignment) -> None:
    a = seed_sentence(seeds, "000", "Diplomats say Rutte is the only official candidate")
    b = seed_sentence(seeds, "003", "Diplomats say Rutte is the only official candidate")
    assert a.group == b.group
    assert a.kind == b.kind == Kind.NEAR_IDENTICAL


def seed_sentence(alignment: Alignment, prefix: str, needle: str):
    (art,) = [a for a in alignment.articles if a.id.startswith(prefix)]
    (sentence,) = [s for s in art.sentences if needle in s.text]
    return sentence


def test_seed_quote_divergence(seeds: Alignment) -> None:
    a = seed_sentence(seeds, "000", "an outstanding candidate")
    b = seed_sentence(seeds, "003", "extraordinary mandate")
    assert a.group is not None and a.group == b.group
    group = seeds.groups[a.group]
    member_a, member_b = group.member_for(seeds.articles[0].id), group.member_for("003_be4b8cd3ade7751e")
    comparison = seeds.compare(member_a, member_b)
    quotes = [d for d in comparison.divergences if d.type == "quote"]
    assert len(quotes) == 1
    assert "outstanding candidate" in quotes[0].a
    assert "extraordinary mandate" in quotes[0].b


def test_seed_spelling_variant_is_minor(seeds: Alignment) -> None:
    # 000 has "Türkiye" where a copy of the same sentence would have "Turkiye".
    original = seed_sentence(seeds, "000", "Türkiye")
    copy = original.text.replace("Türkiye", "Turkiye")
    runs = word_diff(original.text, copy)
    changed = [r for r in runs if r.op != "equal"]
    assert len(changed) == 1 and changed[0].minor
    found = find_divergences(original.text, copy)
    assert [(d.type, d.a, d.b, d.minor) for d in found] == [("name", "Türkiye", "Turkiye", True)]


# --- normalisation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Krišjānis Kariņš", "Krisjanis Karins"),
        ("Türkiye’s “view”", 'Turkiye\'s "view"'),
        ("NATO’s ‘top job’ – now", "nato's 'top job' - now"),
        ("U.S. officials", "US officials"),
    ],
)
def test_normalisation_folds_diacritics_quotes_and_case(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


def test_normalised_match_keeps_shown_text() -> None:
    a_text = "Latvia’s foreign minister, Krišjānis Kariņš, said the “door is open” for Rutte."
    b_text = 'Latvia\'s foreign minister, Krisjanis Karins, said the "door is open" for Rutte.'
    alignment = align(
        f"{a_text} Separately, farmers protested in Brussels against cheap imports from abroad.",
        f"Talks on the budget stalled late on Tuesday night. {b_text}",
    )
    assert_alignment_consistent(alignment)
    first = next(s for s in alignment.articles[0].sentences if "Kariņš" in s.text)
    second = next(s for s in alignment.articles[1].sentences if "Karins" in s.text)
    assert first.text == a_text and second.text == b_text  # shown text untouched
    assert first.group == second.group
    assert first.kind == second.kind == Kind.IDENTICAL


def test_unrelated_sentences_stay_unique() -> None:
    alignment = align(
        "Farmers blocked roads around Brussels with tractors on Monday.",
        "The central bank left interest rates unchanged at 4.5 percent.",
    )
    assert_alignment_consistent(alignment)
    assert all(len(g.members) == 1 for g in alignment.groups)


def test_one_sentence_per_source_even_with_repeats() -> None:
    claim = "Rutte is the only official candidate for the post of NATO secretary general."
    # Apart: the same sentence twice running on one line is a picture's alt text and caption.
    alignment = align(f"{claim} The choice is made by consensus. {claim}", claim)
    assert_alignment_consistent(alignment)
    shared = [g for g in alignment.groups if len(g.members) > 1]
    assert len(shared) == 1


# --- word diffs and divergences ------------------------------------------------------------------


def changed_runs(a: str, b: str):
    return [
        (r.op, a[r.a_start : r.a_end], b[r.b_start : r.b_end], r.minor)
        for r in word_diff(a, b)
        if r.op != "equal"
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("More than 16 allies back him.", "More than 20 allies back him.", ("number", "16", "20")),
        (
            "A US official said on Wednesday that Biden backs Rutte.",
            "A US official said on Thursday that Biden backs Rutte.",
            ("date", "Wednesday", "Thursday"),
        ),
    ],
)
def test_number_and_date_divergences(a: str, b: str, expected: tuple[str, str, str]) -> None:
    (found,) = find_divergences(a, b)
    assert found.type == expected[0]
    assert a[found.a_start : found.a_end].endswith(expected[1])
    assert b[found.b_start : found.b_end].endswith(expected[2])
    (change,) = changed_runs(a, b)
    assert change[0] == "replace" and not change[3]


def test_quote_divergence() -> None:
    a = (
        "A German government spokesperson said Rutte had Berlin's backing, "
        'praising him as "an outstanding candidate."'
    )
    b = (
        "A German government spokesman said Rutte had the support of Berlin "
        'and praised it as an "extraordinary mandate".'
    )
    found = find_divergences(a, b)
    assert [d.type for d in found] == ["quote"]
    assert "outstanding candidate" in found[0].a and found[0].b == "extraordinary mandate"


def test_same_quote_with_other_quote_marks_is_not_a_divergence() -> None:
    a = "Rutte urged leaders to “stop moaning and whining” about Trump."
    b = 'Rutte urged leaders to "stop moaning and whining" about Trump.'
    assert find_divergences(a, b) == []


def test_changed_speaker_is_an_attribution_divergence() -> None:
    a = "Backing Rutte, the British Foreign Office said he was well respected."
    b = "Backing Rutte, the British spokesman said he was well respected."
    found = find_divergences(a, b)
    assert [(d.type, d.a_text, d.b_text) for d in found] == [
        ("attribution", "the British Foreign Office", "the British spokesman")
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "There was no word from Hungary and Türkiye, officials said.",
            "There was no word from Hungary and Turkiye, officials said.",
        ),
        (
            "He pledged to bolster defence and help Ukraine.",
            "He pledged to bolster defense and help Ukraine.",
        ),
        ("Latvia's Krišjānis Kariņš is also interested.", "Latvia's Krisjanis Karins is also interested."),
    ],
)
def test_spelling_variants_are_minor_runs_and_at_most_minor_divergences(a: str, b: str) -> None:
    runs = word_diff(a, b)
    changes = [r for r in runs if r.op != "equal"]
    assert changes, "the variant should still be shown"
    assert all(r.op == "replace" and r.minor for r in changes)
    assert all(d.minor and d.type == "name" for d in find_divergences(a, b))


def test_identical_sentences_diff_as_one_equal_run() -> None:
    text = "Rutte is the only official candidate."
    runs = word_diff(text, text)
    assert [(r.op, r.a_start, r.a_end, r.b_start, r.b_end) for r in runs] == [
        ("equal", 0, len(text), 0, len(text))
    ]
    assert find_divergences(text, text) == []


_VOCAB = [
    "Rutte",
    "NATO",
    "allies",
    "backed",
    "the",
    "on",
    "Thursday",
    "16",
    "20",
    "defence",
    "defense",
    "Türkiye",
    "Turkiye",
    "said",
    "Kariņš",
    "Karins",
    "U.S.",
    "1,000",
    "57-year-old",
]
_PUNCT = [",", "“", "”", '"', "(", ")", "—", ":", ";"]
_words = st.lists(
    st.sampled_from(_VOCAB)
    | st.text(alphabet="abcdefghijklmnopqrstuvwxyzéñÅ0123456789", min_size=1, max_size=6),
    max_size=25,
)


def _sentence(draw_words: list[str], punct: list[int]) -> str:
    parts = []
    for position, word in enumerate(draw_words):
        parts.append(word)
        if position < len(punct) and punct[position] < len(_PUNCT):
            parts.append(_PUNCT[punct[position]])
    return " ".join(parts)


def _word_texts(text: str, start: int, end: int) -> list[str]:
    return [t.text for t in tokens(text) if t.is_word and start <= t.start < end]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_words, _words, st.lists(st.integers(0, 30), max_size=25), st.lists(st.integers(0, 30), max_size=25))
def test_diff_runs_reconstruct_both_sentences(
    a_words: list[str], b_words: list[str], a_p: list[int], b_p: list[int]
) -> None:
    a, b = _sentence(a_words, a_p), _sentence(b_words, b_p)
    runs = word_diff(a, b)
    a_all = [t.text for t in tokens(a) if t.is_word]
    b_all = [t.text for t in tokens(b) if t.is_word]
    a_rebuilt: list[str] = []
    b_rebuilt: list[str] = []
    a_end = b_end = 0
    for run in runs:
        assert run.op in {"equal", "insert", "delete", "replace"}
        assert 0 <= run.a_start <= run.a_end <= len(a) and 0 <= run.b_start <= run.b_end <= len(b)
        assert run.a_start >= a_end and run.b_start >= b_end, "runs overlap or go backwards"
        a_end, b_end = run.a_end, run.b_end
        a_part, b_part = _word_texts(a, run.a_start, run.a_end), _word_texts(b, run.b_start, run.b_end)
        if run.op == "insert":
            assert not a_part and b_part
        elif run.op == "delete":
            assert a_part and not b_part
        else:
            assert a_part and b_part
        if run.op == "equal":
            assert [w.casefold().rstrip(".") for w in a_part] == [w.casefold().rstrip(".") for w in b_part]
        if run.minor:
            assert run.op == "replace"
        a_rebuilt += a_part
        b_rebuilt += b_part
    assert a_rebuilt == a_all
    assert b_rebuilt == b_all
    find_divergences(a, b)  # never raises on any pair


# --- arbitrary input through the whole pipeline --------------------------------------------------

_SEED_SENTENCES: list[str] = []


def seed_sentences() -> list[str]:
    if not _SEED_SENTENCES:
        corpus = load_corpus([seeds_dir()])
        _SEED_SENTENCES.extend(s.text for a in corpus.articles for s in a.content())
    return _SEED_SENTENCES


def perturb(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    if len(words) > 3 and rng.random() < 0.5:
        i, j = rng.randrange(len(words)), rng.randrange(len(words))
        words[i], words[j] = words[j], words[i]
    if rng.random() < 0.3:
        words = [str(rng.randint(1, 99)) if w.isdigit() else w for w in words]
    return " ".join(words)


@st.composite
def corpora(draw) -> list[str]:
    pool = seed_sentences()
    texts = []
    for _ in range(draw(st.integers(1, 4))):
        rng = random.Random(draw(st.integers(0, 2**32 - 1)))
        parts = []
        for _ in range(draw(st.integers(0, 6))):
            if draw(st.booleans()):
                parts.append(perturb(rng.choice(pool), rng))
            else:
                parts.append(draw(st.text(max_size=80)))
            parts.append(draw(st.sampled_from([" ", "\n", "\n\n", "\r\n", ""])))
        texts.append("".join(parts))
    return texts


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_arbitrary_text_aligns_without_errors(texts: list[str]) -> None:
    articles = [article(f"s{n}", text) for n, text in enumerate(texts)]
    alignment = Alignment(articles, Aligner().run(articles))
    assert_alignment_consistent(alignment)
    for art, text in zip(alignment.articles, texts, strict=True):
        owner = [0] * len(text)
        for sentence in art.sentences:
            for position in range(sentence.start, sentence.end):
                owner[position] += 1
        assert all(owner[i] == 1 for i, ch in enumerate(text) if not ch.isspace())
    for group in alignment.groups:
        for pair in alignment.pairs(group):
            a_text, b_text = alignment.sentence(pair.a).text, alignment.sentence(pair.b).text
            for run in pair.diff:
                assert 0 <= run.a_start <= run.a_end <= len(a_text)
                assert 0 <= run.b_start <= run.b_end <= len(b_text)
    alignment.to_json()


def test_large_groups_keep_kinds_consistent() -> None:
    # More sources than ALL_PAIRS_UP_TO: kinds come from the links made while grouping.
    claim = "The United States and Britain on Thursday backed Mark Rutte to lead NATO, officials said."
    rng = random.Random(7)
    texts = [
        perturb(claim, rng) + f" Local story number {n} about the weather in town {n}." for n in range(12)
    ]
    alignment = align(*texts)
    assert_alignment_consistent(alignment)
    biggest = max(alignment.groups, key=lambda g: len(g.members))
    assert len(biggest.members) >= 10


def test_scores_come_from_rapidfuzz_scale(seeds: Alignment) -> None:
    for group in seeds.groups:
        if len(group.members) < 2:
            continue
        for pair in seeds.pairs(group):
            assert 0.0 <= pair.score <= 100.0
            ratio = fuzz.ratio(normalise(seeds.sentence(pair.a).text), normalise(seeds.sentence(pair.b).text))
            if pair.kind == Kind.IDENTICAL:
                assert ratio == 100.0


def test_claim_group_helpers(seeds: Alignment) -> None:
    group: ClaimGroup = next(g for g in seeds.groups if len(g.members) > 2)
    for member in group.members:
        assert group.member_for(member.source) == member
        assert seeds.group_of(member.source, member.sentence) is group
    assert group.member_for("not-a-source") is None
