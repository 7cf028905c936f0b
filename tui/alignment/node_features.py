"""The sentence features ``sentence_graph.build_nodes`` starts from (terms and normal forms of
sentences and of their clauses), worked out in forked worker processes for many sentences."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from tui.alignment.scoring import Terms, clause_terms, sentence_terms
from tui.corpus.text import normalise

_T = TypeVar("_T")

# From this many content sentences, their terms are worked out in forked worker processes (where
# forking is safe: ``loader.can_fork``), in chunks of FEATURE_CHUNK: a few milliseconds to fork,
# against about 100 microseconds a sentence.
PARALLEL_SENTENCES = 2_000
FEATURE_CHUNK = 1_000

_Clause = tuple[int, int, Terms, str]  # a clause's start, end, terms and normal form


def sentence_features(texts: list[str]) -> list[tuple[dict[str, float], str]]:
    """Each sentence's term boosts and normal form (one right after the other: they share its
    tokens, which are cached only for the last few thousand sentences)."""
    return [(sentence_terms(text).boosts, normalise(text)) for text in texts]


def clause_features(texts: list[str]) -> list[list[_Clause]]:
    """The clauses of each sentence that has several (see ``scoring.clause_terms``)."""
    return [
        [(start, end, terms, normalise(text[start:end])) for start, end, terms in clause_terms(text)]
        for text in texts
    ]


def mapped(
    pool: ProcessPoolExecutor | None, function: Callable[[list[str]], list[_T]], texts: list[str]
) -> list[_T]:
    """``function(texts)``, in chunks on ``pool``'s workers when there is one (same results).

    Each distinct text is worked out once: wire copies repeat sentences word for word (200
    copied articles: 7,810 sentences, 5,687 distinct; 1,000 half-unique: 39,517, 33,190), and
    ``function`` depends on the text alone. A repeated text shares its result's objects, which
    callers only read.
    """
    distinct = list(dict.fromkeys(texts))
    if pool is None:
        found = function(distinct)
    else:
        chunks = [distinct[start : start + FEATURE_CHUNK] for start in range(0, len(distinct), FEATURE_CHUNK)]
        found = [item for part in pool.map(function, chunks) for item in part]
    if len(distinct) == len(texts):
        return found
    of = dict(zip(distinct, found, strict=True))
    return [of[text] for text in texts]


def shared(boosts: dict[str, float], terms: dict[str, str]) -> dict[str, float]:
    """``boosts`` with each term one string object shared by every sentence that has it.

    Terms worked out in this process share their strings (the tokeniser's caches hand out the
    same ones), but a worker's come back unpickled, a copy per chunk of sentences: each term
    would be held many times over, and every lookup of it in another sentence's weights would
    compare whole strings where one identity check does.
    """
    return {terms.setdefault(term, term): boost for term, boost in boosts.items()}


def feature_pool(sentences: int) -> ProcessPoolExecutor | None:
    """Forked workers for the sentences' features, or None (few sentences, one core, or a
    process where forking is unsafe)."""
    import multiprocessing
    import os

    from tui.corpus.loader import can_fork, ignore_interrupts

    workers = min(os.cpu_count() or 1, 4)
    if sentences < PARALLEL_SENTENCES or workers < 2 or not can_fork():
        return None
    # Loaded here, once, before the fork: the word list and the stemmer (about 0.3 s each).
    sentence_terms("Warm up the word list and the stemmer.")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"), initializer=ignore_interrupts
    )
