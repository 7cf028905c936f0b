"""Cross-source alignment: sentences of all sources into claim groups.

The method, chosen so that cost grows with the number of sentences rather than of sentence pairs:

1. Sources are taken one at a time. The first source's sentences each start a group.
2. For every sentence of the next source, candidate groups are those sharing its rarest words
   (an inverted index from word to groups, weighted by inverse document frequency), at most
   ``CANDIDATE_GROUPS`` of them.
3. Each candidate is scored by rapidfuzz in one batch per source (``process.cpdist``) against the
   group's first ``GROUP_REPRESENTATIVES`` members. A sentence may join a group when its best
   score reaches ``Thresholds.paraphrase`` and its mean score over those members reaches
   ``Thresholds.link_floor``: the second test is what keeps loosely related sentences from
   chaining into one blob.
4. Within a source, the best-scoring (sentence, group) pairs are assigned first, one sentence per
   group per source. Sentences left over start new groups of their own.

Scores are 0-100 on normalised text (see ``tui.corpus.text``).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from tui.alignment.model import ClaimGroup, Member
from tui.corpus.model import Article, Kind
from tui.corpus.text import normalise

CANDIDATE_GROUPS = 12
PARALLEL_FROM = 500  # scored pairs in one batch before rapidfuzz spreads the work over all cores
GROUP_REPRESENTATIVES = 4

# Function words carry no evidence that two sentences make the same statement.
STOPWORDS = frozenset(
    """a about after again against all also am an and any are as at be because been before being
    both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my no nor
    not of off on once only or other our out over own same she should so some such than that the
    their them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your said says say""".split()
)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score thresholds (0-100) that decide matching and kinds; override for other corpora.

    - ``near_identical``: character-level similarity at or above which two sentences are the same
      wire copy with small edits.
    - ``paraphrase``: match score at or above which two sentences state the same claim.
    - ``link_floor``: minimum mean score against a group's representatives to join it.
    """

    near_identical: float = 85.0
    paraphrase: float = 56.0
    link_floor: float = 50.0


DEFAULT_THRESHOLDS = Thresholds()


@lru_cache(maxsize=65536)
def content_form(norm: str) -> str:
    """The words of a normalised sentence that carry meaning, lightly stemmed (plural -s)."""
    return " ".join(
        word[:-1] if len(word) > 4 and word.endswith("s") else word
        for word in norm.split()
        if word not in STOPWORDS
    )


@lru_cache(maxsize=65536)
def _word_count(text: str) -> int:
    return text.count(" ") + 1 if text else 0


def match_scores(left: list[str], right: list[str]) -> list[float]:
    """Element-wise match scores (0-100) of normalised sentences, computed inside rapidfuzz.

    The score averages two views of a pair: the token-sort similarity of the whole sentences
    (wire copy, reordered clauses) and the token-set similarity of their meaningful words,
    damped when one sentence is much shorter (so a five-word headline is not "the same" as a
    long sentence that happens to contain its words). Tuned on the labelled seeds with
    ``tests/benchmarks/tune_thresholds.py``.
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    if not left:
        return []
    left_content = [content_form(text) for text in left]
    right_content = [content_form(text) for text in right]
    # Big batches use every core (rapidfuzz threads, no GIL); small ones are not worth the threads.
    workers = -1 if len(left) >= PARALLEL_FROM else 1
    whole = process.cpdist(left, right, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=workers)
    meaning = process.cpdist(
        left_content, right_content, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=workers
    )
    left_len = np.array([_word_count(text) for text in left_content], dtype=np.float32)
    right_len = np.array([_word_count(text) for text in right_content], dtype=np.float32)
    balance = np.minimum(left_len, right_len) / np.maximum(np.maximum(left_len, right_len), 1)
    scores = 0.5 * whole + 0.5 * meaning * (0.55 + 0.45 * balance)
    return scores.tolist()


def pair_score(left: str, right: str) -> float:
    """``match_scores`` for a single pair, without the batch machinery (and without numpy)."""
    from rapidfuzz import fuzz

    left_content, right_content = content_form(left), content_form(right)
    whole = fuzz.token_sort_ratio(left, right)
    meaning = fuzz.token_set_ratio(left_content, right_content)
    left_len, right_len = len(left_content.split()), len(right_content.split())
    balance = min(left_len, right_len) / max(left_len, right_len, 1)
    return 0.5 * whole + 0.5 * meaning * (0.55 + 0.45 * balance)


@dataclass(slots=True)
class _Group:
    id: int
    members: list[Member] = field(default_factory=list)
    representatives: list[str] = field(default_factory=list)
    links: dict[Member, tuple[Member, float]] = field(default_factory=dict)


@dataclass(slots=True)
class _Entry:
    member: Member
    norm: str
    words: list[str]


class Aligner:
    """Groups the content sentences of several articles into claim groups."""

    def __init__(self, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> None:
        self.thresholds = thresholds

    def run(
        self, articles: list[Article], progress: Callable[[int, int], None] | None = None
    ) -> list[ClaimGroup]:
        """Align ``articles`` in place (sets each sentence's group, kind and score).

        Returns the claim groups, numbered from 0 in order of first appearance.
        """
        entries_by_source = [self._entries(article) for article in articles]
        idf = self._idf(entries_by_source)
        groups: list[_Group] = []
        index: dict[str, set[int]] = defaultdict(set)
        for number, entries in enumerate(entries_by_source, start=1):
            assigned = self._assign(entries, groups, index, idf)
            for entry in entries:
                group = assigned.get(entry.member)
                if group is None:
                    group = _Group(len(groups))
                    groups.append(group)
                group.members.append(entry.member)
                if len(group.representatives) < GROUP_REPRESENTATIVES:
                    group.representatives.append(entry.norm)
                for word in set(entry.words):
                    if idf.get(word, 0.0) > 0:
                        index[word].add(group.id)
            if progress is not None:
                progress(number, len(articles))
        result = [ClaimGroup(g.id, g.members, g.links) for g in groups]
        self._apply_kinds(articles, result, entries_by_source)
        return result

    @staticmethod
    def _entries(article: Article) -> list[_Entry]:
        entries = []
        for sentence in article.content():
            norm = normalise(sentence.text)
            words = [w for w in norm.split() if w not in STOPWORDS]
            entries.append(_Entry(Member(article.id, sentence.index), norm, words))
        return entries

    @staticmethod
    def _idf(entries_by_source: list[list[_Entry]]) -> dict[str, float]:
        document_frequency: Counter[str] = Counter()
        total = 0
        for entries in entries_by_source:
            for entry in entries:
                document_frequency.update(set(entry.words))
                total += 1
        # A word in more than a fifth of all sentences ("nato", "rutte") does not narrow anything,
        # unless it is in no more sentences than there are sources: then it may be one claim that
        # every source carries (short articles, or many outlets running the same brief).
        ceiling = max(3, total // 5, len(entries_by_source))
        # Smoothed (+1) so that a word in every sentence of a tiny corpus still counts a little.
        return {
            word: math.log((total + 1) / count) if count <= ceiling else 0.0
            for word, count in document_frequency.items()
        }

    def _assign(
        self,
        entries: list[_Entry],
        groups: list[_Group],
        index: dict[str, set[int]],
        idf: dict[str, float],
    ) -> dict[Member, _Group]:
        """Best groups for one source's sentences, one sentence per group."""
        if not groups:
            return {}
        left: list[str] = []
        right: list[str] = []
        owners: list[tuple[int, int, int]] = []  # (entry position, group id, member number)
        for position, entry in enumerate(entries):
            weights: Counter[int] = Counter()
            for word in set(entry.words):
                weight = idf.get(word, 0.0)
                if weight:
                    for group_id in index.get(word, ()):
                        weights[group_id] += weight
            for group_id, _ in weights.most_common(CANDIDATE_GROUPS):
                for number, representative in enumerate(groups[group_id].representatives):
                    left.append(entry.norm)
                    right.append(representative)
                    owners.append((position, group_id, number))
        scores = match_scores(left, right)
        per_candidate: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
        for (position, group_id, number), score in zip(owners, scores, strict=True):
            per_candidate[position, group_id].append((score, number))
        ranked = []
        for (position, group_id), scored in per_candidate.items():
            best, number = max(scored)
            mean = sum(score for score, _ in scored) / len(scored)
            if best >= self.thresholds.paraphrase and mean >= self.thresholds.link_floor:
                target = groups[group_id].members[number]
                ranked.append((best, mean, position, group_id, target))
        ranked.sort(key=lambda item: (-item[0], -item[1], item[2], item[3]))
        assigned: dict[Member, _Group] = {}
        taken_groups: set[int] = set()
        for best, _, position, group_id, target in ranked:
            member = entries[position].member
            if member in assigned or group_id in taken_groups:
                continue
            group = groups[group_id]
            assigned[member] = group
            taken_groups.add(group_id)
            group.links[member] = (target, round(best, 1))
        return assigned

    def _apply_kinds(
        self,
        articles: list[Article],
        groups: list[ClaimGroup],
        entries_by_source: list[list[_Entry]],
    ) -> None:
        """Set each member's kind and score from its closest counterpart in the group.

        Small groups compare every pair of members; large ones only the links made while
        grouping, so the cost stays linear in the number of sentences.
        """
        from rapidfuzz import fuzz

        by_id = {article.id: article for article in articles}
        norms = {e.member: e.norm for entries in entries_by_source for e in entries}
        for group in groups:
            pairs = group_pairs(group)
            scores = match_scores([norms[a] for a, _ in pairs], [norms[b] for _, b in pairs])
            best: dict[Member, tuple[float, float]] = {}  # member -> (ratio, match score)
            for (a, b), score in zip(pairs, scores, strict=True):
                ratio = fuzz.ratio(norms[a], norms[b])
                for one in (a, b):
                    if one not in best or (ratio, score) > best[one]:
                        best[one] = (ratio, score)
            for member in group.members:
                sentence = by_id[member.source].sentences[member.sentence]
                sentence.group = group.id
                if member not in best:
                    sentence.kind, sentence.score = Kind.UNIQUE, None
                    continue
                ratio, score = best[member]
                sentence.score = round(max(score, ratio), 1)
                if ratio >= 100.0:
                    sentence.kind = Kind.IDENTICAL
                elif ratio >= self.thresholds.near_identical:
                    sentence.kind = Kind.NEAR_IDENTICAL
                else:
                    sentence.kind = Kind.PARAPHRASE


# Groups up to this size list every pair of members; larger ones list the links made while
# grouping (a spanning tree), so a claim carried by 200 outlets does not cost 19,900 diffs.
ALL_PAIRS_UP_TO = 6


def group_pairs(group: ClaimGroup) -> list[tuple[Member, Member]]:
    """The member pairs of a group that are compared and shown."""
    if len(group.members) <= ALL_PAIRS_UP_TO:
        members = group.members
        return [(a, b) for i, a in enumerate(members) for b in members[i + 1 :]]
    return [(target, member) for member, (target, _) in group.links.items()]
