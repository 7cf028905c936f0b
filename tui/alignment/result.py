"""The aligned corpus: what the reader, the exports and ``nato-reader align`` all work from."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.alignment.model import ClaimGroup, Member, PairComparison, group_pairs
from tui.alignment.thresholds import DEFAULT_THRESHOLDS, Thresholds
from tui.corpus.model import Article, Sentence
from tui.corpus.text import normalise

if TYPE_CHECKING:
    from tui.alignment.indented_json import Encoded
    from tui.alignment.mentions import Mention
    from tui.alignment.pair_helper import PairHelper
    from tui.corpus.loader import Corpus

# The aligner, the comparison modules and the corpus loader are imported where they are used:
# a reader opening a cached alignment needs none of them before its first frame (~60 ms).

# Comparisons made, by their two texts, with the speakers each names (``compare_alike``).
Alike = dict[tuple[str, str], tuple[PairComparison, tuple[list["Mention"], list["Mention"]]]]

SCHEMA = "nato-reader/alignment"
SCHEMA_VERSION = 2


@dataclass(slots=True)
class Alignment:
    """Articles with their sentences grouped into claims, and pair comparisons on demand."""

    articles: list[Article]
    groups: list[ClaimGroup]
    warnings: list[str] = field(default_factory=list)
    thresholds: Thresholds = DEFAULT_THRESHOLDS
    # Set by ``pipeline.open_alignment(compare_ahead=True)``: the process that compares the
    # groups' pairs for ``json_chunks`` (``pair_helper``), having started before the groups were final.
    helper: PairHelper | None = field(default=None, repr=False, compare=False)
    _by_id: dict[str, Article] = field(default_factory=dict, repr=False)
    _comparisons: dict[tuple[Member, Member], PairComparison] = field(default_factory=dict, repr=False)
    # Pairs' JSON encoded ahead, as ``encoded_groups(ensure_ascii=False)`` writes them: the pair
    # helper encodes the pairs it compared while it waits for the aligner (``pair_helper``).
    encoded_ahead: dict[tuple[Member, Member], Encoded] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self._by_id = {article.id: article for article in self.articles}

    def article(self, source: str) -> Article:
        """The article with id ``source``."""
        return self._by_id[source]

    def sentence(self, member: Member) -> Sentence:
        """The sentence a group member refers to."""
        return self._by_id[member.source].sentences[member.sentence]

    def group_of(self, source: str, index: int) -> ClaimGroup | None:
        """The claim group of a sentence, or None for boilerplate."""
        group = self.article(source).sentences[index].group
        return None if group is None else self.groups[group]

    def groups_of(self, source: str, index: int) -> list[ClaimGroup]:
        """Every claim group a sentence carries, its main one first (empty for boilerplate)."""
        return [self.groups[g] for g in self.article(source).sentences[index].groups]

    def compare(self, a: Member, b: Member) -> PairComparison:
        """Word diff, score, kind and divergences of two sentences (cached)."""
        key = (a, b)
        found = self._comparisons.get(key)
        if found is None:
            found = self._comparisons[key] = self._compare(a, b)
        return found

    def _compare(self, a: Member, b: Member) -> PairComparison:
        from rapidfuzz import fuzz  # lazy: the reader's first frame does not need it

        from tui.alignment.diff import word_diff
        from tui.alignment.divergences import find_divergences
        from tui.alignment.scoring import pair_score

        a_text, b_text = self.sentence(a).text, self.sentence(b).text
        a_norm, b_norm = normalise(a_text), normalise(b_text)
        ratio = fuzz.ratio(a_norm, b_norm)
        score = max(pair_score(a_text, b_text, a_norm, b_norm), ratio)
        kind = self.thresholds.kind_for(ratio)
        runs = word_diff(a_text, b_text)
        found = find_divergences(a_text, b_text, self.before(a), self.before(b), runs)
        return PairComparison(a, b, round(score, 1), kind, runs, found)

    def before(self, member: Member, limit: int = 6) -> list[str]:
        """The texts of the content sentences before ``member`` in its source, nearest first.

        They resolve "the spokesperson said" to the speaker named a few sentences earlier.
        """
        # Walked back from the member and stopped at ``limit``: four calls per compared pair, and
        # slicing the article up to the member cost 7 % of comparing 200 copied articles' pairs.
        sentences = self._by_id[member.source].sentences
        if limit <= 0 or member.sentence < 0:
            return [s.text for s in reversed(sentences[: member.sentence]) if not s.boilerplate][:limit]
        found: list[str] = []
        for index in range(min(member.sentence, len(sentences)) - 1, -1, -1):
            if sentences[index].boilerplate_reason is None:  # not boilerplate
                found.append(sentences[index].text)
                if len(found) == limit:
                    break
        return found

    def prepare(self, member: Member) -> None:
        """Work out ahead what comparing ``member``'s sentence with any other reads of it alone:
        its normal form, terms, words, values, quotations, names and speakers, each cached per
        sentence (about two thirds of the cost of comparing 200 copied articles' pairs). Changes
        no comparison: those caches hold what the comparisons would work out."""
        from tui.alignment.diff import prepare_words
        from tui.alignment.mentions import numbers_and_dates, quotes
        from tui.alignment.names import prepare_names
        from tui.alignment.scoring import sentence_terms
        from tui.alignment.speakers import speakers

        text = self.sentence(member).text
        normalise(text)
        sentence_terms(text)
        prepare_words(text)
        numbers_and_dates(text)
        quotes(text)
        speakers(text, self.before(member))
        prepare_names(text)

    def keep(self, comparison: PairComparison) -> None:
        """Cache a comparison made apart (``compare_alike``): ``compare`` returns it from now on."""
        self._comparisons[comparison.a, comparison.b] = comparison

    def is_compared(self, a: Member, b: Member) -> bool:
        """True once ``compare(a, b)`` is cached (a reader can ask without paying for it)."""
        return (a, b) in self._comparisons

    def pairs(self, group: ClaimGroup) -> list[PairComparison]:
        """The compared pairs of a group (every pair for small groups)."""
        return [self.compare(a, b) for a, b in group_pairs(group)]

    def to_json(self) -> dict[str, Any]:
        """The documented ``nato-reader/alignment`` JSON shape."""
        return {
            **self._head_json(),
            "sources": [_source_json(article) for article in self.articles],
            "groups": [self.group_json(group) for group in self.groups],
            "warnings": list(self.warnings),
        }

    def json_chunks(self, *, ensure_ascii: bool = True) -> Iterator[str]:
        """``json.dumps(self.to_json(), indent=2, ensure_ascii=...)``, in pieces of a group or a
        sentence each (encoded by ``indented_json``, twice as fast as the standard
        library).

        Pairs are compared as their group is written and not kept (unless already cached), so
        1,000 articles never hold every pair's diff and divergences, nor the whole document, at
        once.
        """
        from tui.alignment.indented_json import Record, iterencode
        from tui.alignment.json_workers import encoded_groups, workers_for
        from tui.corpus.loader import can_fork

        groups: Iterator[Encoded]
        if self.helper is not None:
            helper, self.helper = self.helper, None  # it sends the groups once
            groups = helper.encoded_groups(self, ensure_ascii=ensure_ascii)
        else:
            forked = can_fork()
            workers = workers_for(self.groups, forked=forked)
            groups = (
                encoded_groups(self, workers, ensure_ascii=ensure_ascii, forked=forked)
                if workers
                else self.encoded_groups(self.groups, ensure_ascii=ensure_ascii)
            )
        sentence = Record(_SENTENCE_KEYS, level=SENTENCE_LEVEL, ensure_ascii=ensure_ascii)
        document = {
            **self._head_json(),
            "sources": (
                _source_json(article, sentences=map(sentence, map(_sentence_values, article.sentences)))
                for article in self.articles
            ),
            "groups": groups,
            "warnings": self.warnings,
        }

        # Written a group at a time, and a source a sentence at a time.
        try:
            yield from iterencode(document, ensure_ascii=ensure_ascii)
        finally:
            close = getattr(groups, "close", None)
            if close is not None:
                close()  # a caller that stopped early: the worker processes stop too

    def _head_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "thresholds": {
                "near_identical": self.thresholds.near_identical,
                "paraphrase": self.thresholds.paraphrase,
                "link_floor": self.thresholds.link_floor,
                "containment": self.thresholds.containment,
            },
        }

    def encoded_groups(self, groups: Iterable[ClaimGroup], *, ensure_ascii: bool = True) -> Iterator[Encoded]:
        """Each group's ``group_json`` encoded at its place in the document (``GROUP_LEVEL``)."""
        from tui.alignment.indented_json import Record, joined
        from tui.alignment.pair_json import PairRecords

        group = Record(("id", "members", "pairs"), level=GROUP_LEVEL, ensure_ascii=ensure_ascii)
        member = Record(("source", "sentence"), level=GROUP_LEVEL + 2, ensure_ascii=ensure_ascii)
        pair = PairRecords(GROUP_LEVEL + 2, ensure_ascii)
        ready = self.encoded_ahead if not ensure_ascii else {}
        for claim in groups:
            members = [member((m.source, m.sentence)) for m in claim.members]
            pairs = [
                ready[key] if comparison is None else pair(self, comparison)
                for key, comparison in self._compared(claim, ready)
            ]
            yield group(
                (claim.id, joined(members, level=GROUP_LEVEL + 1), joined(pairs, level=GROUP_LEVEL + 1))
            )

    def group_json(self, group: ClaimGroup) -> dict[str, Any]:
        return {
            "id": group.id,
            "members": [{"source": m.source, "sentence": m.sentence} for m in group.members],
            "pairs": self._pairs_json(group),
        }

    def _pairs_json(self, group: ClaimGroup) -> list[dict[str, Any]]:
        return [self._pair_json(pair) for _, pair in self._compared(group) if pair is not None]

    def _compared(
        self, group: ClaimGroup, skip: Container[tuple[Member, Member]] = ()
    ) -> Iterator[tuple[tuple[Member, Member], PairComparison | None]]:
        """Each pair of a group with its comparison for the JSON: cached ones reused, new ones not
        kept (see ``json_chunks``); None for the pairs in ``skip`` (encoded ahead)."""
        alike: Alike = {}
        for key in group_pairs(group):
            if key in skip:
                yield key, None
            else:
                yield key, self._comparisons.get(key) or self.compare_alike(*key, alike)

    def compared(self) -> list[PairComparison]:
        """The comparisons cached so far, in the order they were made."""
        return list(self._comparisons.values())

    def compare_alike(self, a: Member, b: Member, alike: Alike) -> PairComparison:
        """``_compare(a, b)``, or the comparison in ``alike`` of the same two texts with the same
        speakers, with the pair's own members; ``alike`` keeps the comparisons made.

        Wire copies repeat sentences word for word, so a group often compares the same two texts
        again (200 copied articles: 8,758 pairs, 6,609 pairs of texts). A comparison depends on
        the two texts alone but for who speaks (``divergences``: the speakers each names, or its
        earlier sentences name).
        """
        from tui.alignment.speakers import speakers

        texts = (self.sentence(a).text, self.sentence(b).text)
        said = (speakers(texts[0], self.before(a)), speakers(texts[1], self.before(b)))
        same = alike.get(texts)
        if same is not None and same[1] == said:
            done = same[0]
            return PairComparison(a, b, done.score, done.kind, done.diff, done.divergences)
        found = self._compare(a, b)
        alike[texts] = (found, said)
        return found

    def _pair_json(self, pair: PairComparison) -> dict[str, Any]:
        from tui.alignment.pair_json import divergence_json

        a_text, b_text = self.sentence(pair.a).text, self.sentence(pair.b).text
        return {
            "a": {"source": pair.a.source, "sentence": pair.a.sentence},
            "b": {"source": pair.b.source, "sentence": pair.b.sentence},
            "score": pair.score,
            "kind": str(pair.kind),
            "diff": [
                [run.op, a_text[run.a_start : run.a_end], b_text[run.b_start : run.b_end]]
                + (["minor"] if run.minor else [])
                for run in pair.diff
            ],
            "divergences": [divergence_json(d) for d in pair.divergences],
        }


def _source_json(article: Article, *, sentences: Iterator[Any] | None = None) -> dict[str, Any]:
    """A source as documented; ``sentences``: an iterator of them to write instead (see
    ``json_chunks``)."""
    return {
        "id": article.id,
        "path": str(article.path),
        "title": article.title,
        "sha256": article.sha256,
        "encoding": article.encoding,
        "sentences": [_sentence_json(s) for s in article.sentences] if sentences is None else sentences,
    }


# A sentence's keys, in the documented order; its place in the document: items of a source's
# "sentences" list (document -> "sources" -> source -> "sentences" -> sentence).
_SENTENCE_KEYS = (
    "index",
    "start",
    "end",
    "text",
    "boilerplate",
    "boilerplate_reason",
    "group",
    "groups",
    "kind",
    "score",
)
SENTENCE_LEVEL = 4
# The groups' place in the document: items of the top-level "groups" list.
GROUP_LEVEL = 2


def _sentence_values(s: Sentence) -> tuple[Any, ...]:
    """A sentence's values in the order of ``_SENTENCE_KEYS``."""
    return (
        s.index,
        s.start,
        s.end,
        s.text,
        s.boilerplate,
        s.boilerplate_reason,
        s.group,
        list(s.groups),
        str(s.kind),
        s.score,
    )


def _sentence_json(s: Sentence) -> dict[str, Any]:
    return dict(zip(_SENTENCE_KEYS, _sentence_values(s), strict=True))


def align_corpus(
    corpus: Corpus,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    progress: Callable[[int, int], None] | None = None,
    helper: PairHelper | None = None,
) -> Alignment:
    """Align a loaded corpus; ``helper``: compares the pairs for the JSON ahead (``pair_helper``)."""
    from tui.alignment.aligner import Aligner

    draft = None
    if helper is not None:
        from tui.alignment.pair_helper import draft_of

        def draft(groups: list[list[Member]], final: bool) -> None:
            helper.draft(draft_of(groups), in_order=final)

    groups = Aligner(thresholds).run(corpus.articles, progress, draft)
    return Alignment(corpus.articles, groups, list(corpus.warnings), thresholds, helper)


def align_paths(paths: list[Path], thresholds: Thresholds = DEFAULT_THRESHOLDS) -> Alignment:
    """Load and align the articles under ``paths``."""
    from tui.corpus.loader import load_corpus

    return align_corpus(load_corpus(paths), thresholds)
