"""Cross-source alignment: the sentences of all sources grouped into claims.

The method (see ``tui.alignment.scoring`` for how two sentences are scored):

1. **Nodes.** Every content sentence (headlines included) is a node, and so is each clause of a
   sentence that carries several (``tui.alignment.clauses``): a clause shares its sentence's
   source, so at most one of them can be in any group, but each may be in a different one.
2. **Candidates.** Every node looks up other sources' nodes through an inverted index of its
   heaviest terms; each posting walk is capped, so the cost grows with the number of sentences,
   not of sentence pairs. Candidates are scored in batches.
3. **Global, order-free grouping.** Candidate links at or above ``Thresholds.paraphrase`` are taken
   strongest first (ties broken by source id and sentence number, never by input order). A link
   merges two groups only when they share no source (one sentence per source per group) and the
   merged group stays *cohesive*: every member matches at least half of the other members at
   ``Thresholds.link_floor`` or better (pairs are scored on demand; groups larger than
   ``EXACT_UP_TO`` are checked against a fixed sample). A weak link therefore cannot chain two
   claims together, and a slot goes to the sentence with the strongest link, not the first seen.
   Nor can a sentence that carries two claims bridge them: three sentences whose two ends do not
   match are not grouped when the middle one has clauses (each joins its own claim instead).
4. **Second claims.** A sentence that carries two statements joins a second group when most of
   that group's members are contained in it (``Thresholds.containment``) on words other than the
   ones it shares with its own group, or when it holds most of the words that group's members
   agree on beyond the story's topic (``claim_cores``); a sentence alone in its group takes such
   a claim as its main one when it matches most of that group's members.
5. **Sentences.** Node groups become groups of sentences: a sentence is in every group one of its
   nodes joined, its main claim the one its whole text joined (else the largest), and a group
   whose sentences all sit in a larger group is dropped as a repeat.

Scores are 0-100.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Callable

from tui.alignment.candidates import candidate_pairs
from tui.alignment.claim_cores import core_claims
from tui.alignment.model import ClaimGroup, Member
from tui.alignment.node_groups import SAMPLE, sample, sample_without
from tui.alignment.scoring import Terms
from tui.alignment.second_claims import MAX_EXTRA_CLAIMS, second_claims
from tui.alignment.sentence_graph import Node, PairScores, build_nodes
from tui.alignment.sentence_groups import cohesive_mains, number_groups, sentence_groups
from tui.alignment.thresholds import DEFAULT_THRESHOLDS, Thresholds
from tui.corpus.model import Article, Kind

_NO_TERMS = Terms({})  # a lone source's sentences are never compared: no terms needed

EXACT_UP_TO = 12  # groups up to this size are checked member by member
CHECK_SAMPLE = EXACT_UP_TO  # members of a larger group each member is checked against
MOVE_MARGIN = 3.0  # how much better (mean score) another group must fit for a sentence to move
SETTLED = 60.0  # a sentence fitting its group this well on average is not considered for a move


class Aligner:
    """Groups the content sentences of several articles into claim groups."""

    def __init__(self, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> None:
        self.thresholds = thresholds

    def run(
        self,
        articles: list[Article],
        progress: Callable[[int, int], None] | None = None,
        draft: Callable[[list[list[Member]], bool], None] | None = None,
    ) -> list[ClaimGroup]:
        """Align ``articles`` in place (sets each sentence's groups, kind and score).

        Returns the claim groups, numbered from 0 in reading order of the articles as given.
        ``draft`` is handed the groups of two or more nodes' sentences as they are before and
        after refining, long before they are final, then the final ones, members in their order
        (``True``), while the kinds are set (``pair_helper`` compares their pairs meanwhile).
        """
        if progress is not None:
            progress(0, 2)
        if len({article.id for article in articles}) < 2:
            # One source: every sentence is a claim of its own, as the full run would find (no
            # pair to score); normalising and weighing a 20 MB article for that took 8 s.
            nodes = [
                Node(Member(article.id, s.index), (article.id, s.index, 0), "", _NO_TERMS)
                for article in articles
                for s in article.content()
            ]
            clusters: list[list[int]] = [[n] for n in range(len(nodes))]
            extra: dict[int, list[int]] = {}
            scores: PairScores | None = None
        else:
            nodes = build_nodes(articles)
            # Pairs below every floor the steps read links at are not kept (1,000 articles: -90 MB).
            floor = min(self.thresholds.paraphrase, self.thresholds.link_floor)
            scores = PairScores(nodes, forget_below=(floor, self.thresholds.containment))
            scores.add_batch(self._candidates(nodes))
            clusters = self._cluster(nodes, scores)
            if draft is not None:
                draft([[nodes[n].member for n in group] for group in clusters if len(group) > 1], False)
            clusters = self._cohesive_only(scores, self._refine(nodes, scores, clusters))
            if draft is not None:  # closer to the final groups: refining moved a fifth of the pairs
                draft([[nodes[n].member for n in group] for group in clusters if len(group) > 1], False)
            extra = self._second_claims(nodes, scores, clusters)
            extra = core_claims(nodes, scores, clusters, extra, MAX_EXTRA_CLAIMS)
            clusters, extra = self._promote_lone_carriers(nodes, scores, clusters, extra)
        if progress is not None:
            progress(1, 2)
        members, main_of = sentence_groups(nodes, clusters, extra)
        if scores is not None:
            cohesive_mains(nodes, members, main_of, scores, self.thresholds.link_floor, CHECK_SAMPLE)
        groups = number_groups(articles, nodes, members, main_of)
        if draft is not None:  # the final groups: their pairs are compared while kinds are set
            draft([group.members for group in groups], True)
        self._apply_kinds(articles, groups, {n.member: n.norm for n in nodes if not n.clause})
        if progress is not None:
            progress(2, 2)
        return groups

    def scorer(self, articles: list[Article]) -> Callable[[Member, Member], float]:
        """The match score (0-100) grouping uses for two sentences of ``articles`` (for checks):
        the best of their nodes (the sentence or one of its clauses) against each other's."""
        nodes = build_nodes(articles)
        scores = PairScores(nodes)
        numbers: dict[Member, list[int]] = defaultdict(list)
        for position, node in enumerate(nodes):
            numbers[node.member].append(position)
        return lambda a, b: max(scores.get(x, y)[0] for x in numbers[a] for y in numbers[b])

    @staticmethod
    def _candidates(nodes: list[Node]) -> list[tuple[int, int]]:
        """Pairs of sentences from different sources that share heavy terms (i < j)."""
        return candidate_pairs(nodes)

    def _cluster(self, nodes: list[Node], scores: PairScores) -> list[list[int]]:
        """Merge groups along links, strongest first, while every group stays cohesive."""
        owner = list(range(len(nodes)))
        members: dict[int, list[int]] = {n: [n] for n in range(len(nodes))}
        # Each group holds one sentence per source, so its sources are a set as long as it is.
        sources: dict[int, set[str]] = {n: {node.member.source} for n, node in enumerate(nodes)}
        # Sentences and clauses link alike: a node's source is its sentence's, so a sentence and
        # its clauses can never share a group.
        for a, b in scores.strongest_first(self.thresholds.paraphrase):
            left, right = owner[a], owner[b]
            if left == right:
                continue
            if not sources[left].isdisjoint(sources[right]):
                continue  # the source already has its sentence in the other group
            if not self._cohesive(members[left], members[right], scores):
                continue
            if self._bridged(members[left] + members[right], nodes, scores):
                continue
            for n in members[right]:
                owner[n] = left
            # By number, which orders nodes as their keys do (``build_nodes``): two sorted runs of
            # ints merged in C, not a key looked up per member at every merge (a claim 500
            # sources carry was re-sorted 500 times: 1,000 half-unique articles, 1.9 million keys).
            members[left] = sorted(members[left] + members[right])
            sources[left] |= sources.pop(right)
            del members[right]
        return sorted(members.values(), key=lambda group: nodes[group[0]].key)

    def _refine(self, nodes: list[Node], scores: PairScores, clusters: list[list[int]]) -> list[list[int]]:
        """Move each sentence to the group it matches best on average, if clearly better.

        Linking strongest-first can lock a sentence into a group it shares one strong link with
        while it matches another group's members better as a whole; and a paraphrase often scores
        below ``paraphrase`` against every single version of a claim yet matches all of them
        moderately. Mean scores over whole groups are the better evidence. Two rounds of moves, in
        canonical order so the result does not depend on input order; a sentence only moves into a
        group that has no sentence of its source yet. (Letting it replace that sentence instead
        was measured on the dev set and lost more pairs than it won.)
        """
        group_of = {n: position for position, group in enumerate(clusters) for n in group}
        # Sorted lists (node numbers follow the canonical key), so a fit samples a group without
        # sorting it; each group's sources as a set, so "has this source already" is one lookup.
        members = {position: sorted(group) for position, group in enumerate(clusters)}
        sources_in = {
            position: {nodes[n].member.source for n in group} for position, group in enumerate(clusters)
        }
        # Lists, not sets (each pair is known once): 1,000 articles' million links in 20 MB, not 130.
        neighbours: dict[int, list[int]] = defaultdict(list)
        for a, b, score, _ in scores.known():
            if score < self.thresholds.link_floor:
                # Only groups a sentence links to at ``link_floor`` are tried: a group reached
                # only through weaker pairs rarely fits (dev set and seeds unchanged; 500
                # half-unique articles: 15.2 -> 11.4 s CPU, 313 -> 276 MB).
                continue
            neighbours[a].append(b)
            neighbours[b].append(a)

        def fit(n: int, group: list[int]) -> float:
            """Mean score against (a sample of) the group, 0 unless half of them match."""
            others = sample_without(group, n, SAMPLE)
            if not others:
                return 0.0
            matched = scores.reals(n, others)
            if 2 * sum(x >= self.thresholds.link_floor for x in matched) < len(matched):
                return 0.0
            return sum(matched) / len(matched)

        order = sorted(range(len(nodes)), key=lambda n: nodes[n].key)
        for _ in range(2):
            for n in order:
                own, source = group_of[n], nodes[n].member.source
                current = fit(n, members[own])
                if current >= SETTLED:
                    continue
                floor = max(current + MOVE_MARGIN, self.thresholds.attach)
                best: tuple[float, int] | None = None
                for target in sorted({group_of[m] for m in neighbours[n]} - {own}):
                    if source in sources_in[target]:
                        continue
                    if len(members[target]) == 2 and self._bridged(members[target] + [n], nodes, scores):
                        continue
                    score = fit(n, members[target])
                    if score >= floor and (best is None or score > best[0]):
                        best = (score, target)
                if best is not None:
                    members[own].remove(n)
                    sources_in[own].discard(source)
                    bisect.insort(members[best[1]], n)
                    sources_in[best[1]].add(source)
                    group_of[n] = best[1]
        groups = [sorted(g, key=lambda m: nodes[m].key) for g in members.values() if g]
        return sorted(groups, key=lambda group: nodes[group[0]].key)

    def _matches_most(self, member: int, others: list[int], scores: PairScores) -> bool:
        """Does ``member`` match at least half of ``others`` at ``link_floor``?"""
        floor = self.thresholds.link_floor
        matched = sum(score >= floor for score in scores.reals(member, others))
        return 2 * matched >= len(others)

    def _cohesive_only(self, scores: PairScores, clusters: list[list[int]]) -> list[list[int]]:
        """Split off members that no longer match most of their group (moves can leave some so);
        the criterion the tests check: every member matches at least half of the others."""
        result: list[list[int]] = []
        for group in clusters:
            group = sorted(group)
            while len(group) > 2:
                # Up to EXACT_UP_TO members, each is checked against all the others; in a larger
                # group against a fixed spread of CHECK_SAMPLE of them, so a claim 300 outlets
                # carry costs 300 x 12 scores, not 300 x 300.
                panels = {n: sample_without(group, n, CHECK_SAMPLE) for n in group}
                failing = [n for n in group if not self._matches_most(n, panels[n], scores)]
                if not failing:
                    break
                worst = min(failing, key=lambda n: (sum(scores.reals(n, panels[n])), n))
                group.remove(worst)
                result.append([worst])
            if len(group) == 2 and not self._matches_most(group[0], [group[1]], scores):
                result.extend([[group[0]], [group[1]]])
                continue
            result.append(group)
        return sorted(result, key=lambda g: g[0])

    def _promote_lone_carriers(
        self, nodes: list[Node], scores: PairScores, clusters: list[list[int]], extra: dict[int, list[int]]
    ) -> tuple[list[list[int]], dict[int, list[int]]]:
        """A sentence alone in its group whose claim others share only as its second claim: the
        shared claim becomes its main one, when it matches most of that group's members."""
        position_of = {n: position for position, group in enumerate(clusters) for n in group}
        clusters = [list(group) for group in clusters]
        for outer in sorted(extra, key=lambda n: nodes[n].key):
            if len(clusters[position_of[outer]]) != 1 or not extra[outer]:
                continue
            main = extra[outer][0]
            if not self._matches_most(outer, clusters[main], scores):
                continue
            clusters[position_of[outer]] = []
            clusters[main] = sorted(clusters[main] + [outer], key=lambda n: nodes[n].key)
            extra[outer] = extra[outer][1:]
        kept = [position for position, group in enumerate(clusters) if group]
        renumber = {old: new for new, old in enumerate(kept)}
        return [clusters[p] for p in kept], {n: [renumber[t] for t in ts] for n, ts in extra.items() if ts}

    def _bridged(self, merged: list[int], nodes: list[Node], scores: PairScores) -> bool:
        """Three sentences held together by one that carries two claims ("X", "X and Y", "Y"):
        the two ends do not match, and the middle one has clauses to join each claim with, or is
        such a clause (its sentence's main claim is another: the ends would be the group's only
        sentences, and they do not match)."""
        if len(merged) != 3:
            return False
        floor = self.thresholds.link_floor
        for middle in merged:
            ends = [n for n in merged if n != middle]
            if (nodes[middle].split or nodes[middle].clause) and scores.get(ends[0], ends[1])[0] < floor:
                return True
        return False

    def _cohesive(self, left: list[int], right: list[int], scores: PairScores) -> bool:
        """Would every member of ``left + right`` match at least half of the others?"""
        floor = self.thresholds.link_floor
        if len(left) + len(right) <= EXACT_UP_TO:
            merged = left + right
            for a in merged:
                matches = sum(score >= floor for score in scores.reals(a, [b for b in merged if b != a]))
                if 2 * matches < len(merged) - 1:
                    return False
            return True
        # Large groups: a fixed sample of each side must match the other side's sample.
        left_sample, right_sample = sample(left), sample(right)
        for a in left_sample:
            if 2 * sum(score >= floor for score in scores.reals(a, right_sample)) < len(right_sample):
                return False
        for b in right_sample:
            if 2 * sum(score >= floor for score in scores.reals(b, left_sample)) < len(left_sample):
                return False
        return True

    def _second_claims(
        self, nodes: list[Node], scores: PairScores, clusters: list[list[int]]
    ) -> dict[int, list[int]]:
        """Further groups (cluster positions) for sentences that carry a second claim."""
        return second_claims(nodes, scores, clusters, self.thresholds.containment)

    def _apply_kinds(
        self, articles: list[Article], groups: list[ClaimGroup], norms: dict[Member, str]
    ) -> None:
        """Set each sentence's kind and score from its closest counterpart in its main group.

        The counterpart may carry the claim as a second one (a clause of a longer sentence): the
        kind then compares the whole texts, which is what the panes show side by side.
        """
        import numpy as np
        from rapidfuzz import fuzz, process

        by_id = {article.id: article for article in articles}
        for group in groups:
            everyone = [by_id[m.source].sentences[m.sentence] for m in group.members]
            main = [n for n, sentence in enumerate(everyone) if sentence.group == group.id]
            if not main:
                continue
            if len(everyone) == 1:
                everyone[0].kind, everyone[0].score = Kind.UNIQUE, None
                continue
            # Every pair's ratio once, in C (a claim 300 outlets carry is 90,000 ratios); float64,
            # as fuzz.ratio returns, so scores round as before. Once per distinct pair of texts:
            # wire copies repeat sentences word for word, and a sentence that another member
            # repeats has that copy's ratio (the same as its own text's) among the ones it is
            # compared with.
            texts = [norms[m] for m in group.members]
            counts = Counter(texts)
            distinct = list(counts)
            mains = list(dict.fromkeys(texts[n] for n in main))
            ratios = process.cdist(
                mains,
                distinct,
                scorer=fuzz.ratio,
                dtype=np.float64,
                # Threads pay off on a claim many outlets carry (the same ratios either way).
                workers=-1 if len(distinct) >= 100 else 1,
            )
            column = {text: position for position, text in enumerate(distinct)}
            for row, text in enumerate(mains):
                if counts[text] == 1:
                    ratios[row, column[text]] = -1.0  # its own text, which no other member has
            best = dict(zip(mains, ratios.max(axis=1).tolist(), strict=True))
            for n in main:
                ratio = best[texts[n]]
                everyone[n].score = round(ratio, 1)
                everyone[n].kind = self.thresholds.kind_for(ratio)
