"""Which words of a sentence carry its claim, and how alike two sentences' claims are.

A sentence becomes a bag of *terms*: its content words, folded and stemmed (Snowball), so that
"backed"/"backs" or "leaders"/"leader" meet. Each term weighs what it tells about the claim:

- rarity in the language (wordfreq's Zipf frequency): "stoltenberg" says more than "said";
- rarity in this corpus (inverse sentence frequency): a phrase most sentences repeat ("to succeed
  Jens Stoltenberg") says little about *which* statement a sentence makes;
- names and numbers count more: "Hungary backs Rutte" and "Slovakia backs Rutte" differ in the one
  word that matters.

Two sentences are scored by the weighted Dice overlap of their terms (symmetric), and wire copy
by rapidfuzz's token-sort ratio on the normalised text; the match score is the larger of the two.
``containment`` (shared weight over the smaller side) finds a short claim inside a long sentence
that carries two.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from tui.alignment.clauses import clause_spans
from tui.alignment.demonyms import DEMONYMS
from tui.alignment.number_terms import NUMBER_VALUES, number_at
from tui.corpus.text import fold, tokens

# Function words and reporting verbs carry no evidence that two sentences make the same statement.
STOPWORDS = frozenset(
    """a about per after again against all also am an and any are as at be because been before being
    both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my no nor
    not of off on once only or other our out over own same she should so some such than that the
    their them then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your said says say told tells
    according added adding also now new one two""".split()
)

# Words news reports use interchangeably for the same fact, folded to one term before stemming. Kept
# to general news vocabulary (disasters, elections, conflict, statements), never story-specific.
_CONCEPTS: dict[str, str] = {
    "quake": "earthquake earthquakes quake quakes temblor temblors tremor tremors",
    "kill": "kill kills killed killing dead death deaths die died dying fatalities fatality toll",
    "injur": "injure injured injuries injury injuring wound wounded wounding hurt",
    "aircraft": "plane planes aircraft airplane airplanes jet",
    "support": "back backs backed backing support supports supported supporting endorse endorses"
    " endorsed endorsement backer backers",
    "win": "win wins won winner victory victorious",
    "elect": "election elections poll polls vote votes voted voting ballot ballots",
    "percent": "percent cent",  # "per cent": "per" is a stopword
    "britain": "britain british uk",
    "us": "us america american",  # "U.S." folds to "us"
    "president": "president presidential",
    "govern": "government governments governor",
    "official": "official officials authorities authority",
    "spokesperson": "spokesperson spokesman spokeswoman",
    "hit": "hit hits struck strike strikes jolted jolt jolts rocked",
    "collaps": "collapse collapsed collapses toppled topple destroyed destroy",
    "rescu": "rescue rescuers rescued rescuing",
    "resid": "residents resident people villagers",
    "children": "children child kids",
    "minist": "minister ministers ministry",
    "announc": "announce announced announces announcement declare declared declares",
    "resign": "resign resigns resigned resigning resignation abdicate abdicates abdicated abdication",
    "convict": "convict convicts convicted conviction convictions guilty verdict verdicts",
    "court": "court courts tribunal tribunals",
}
_FOLD = {word: concept for concept, words in _CONCEPTS.items() for word in words.split()} | DEMONYMS

NAME_BOOST = 1.6  # a capitalised word inside the sentence, or an acronym
NUMBER_BOOST = 3.2  # numbers are rounded to two significant figures, so they meet across styles
RARITY_SPAN = 4.0  # Zipf points per unit of language rarity
# Days and months say when, not what: outlets differ on them for the same statement.
CALENDAR_WEIGHT = 0.3
# Two terms that follow each other in this many sentences are the story's stock phrase ("to
# succeed Jens Stoltenberg"): they say which story, not which statement.
STOCK_PHRASE_SENTENCES = 6
STOCK_PHRASE_WEIGHT = 0.6
_CALENDAR_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight january
    february march april may june july august september october november december""".split()
)
# Wire copy: below this token-sort ratio, character similarity says nothing about the claim.
CHAR_FLOOR = 70.0


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]  # snowballstemmer ships no type hints
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=131072)
def stem(word: str) -> str:
    """The Snowball stem of a folded word; numbers stay as they are."""
    if word[:1].isdigit():
        return word.replace(",", "")
    if word in NUMBER_VALUES:
        return NUMBER_VALUES[word]
    if word in _FOLD:
        return _FOLD[word]
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """wordfreq's small English list as Zipf values (loaded once, about 30,000 words)."""
    return {word: math.log10(freq) + 9.0 for word, freq in _frequencies().items()}


def _frequencies() -> dict[str, float]:
    """``wordfreq.get_frequency_dict("en", wordlist="small")``, read from wordfreq's data file the
    way it reads it (a test compares them) but without importing wordfreq, whose language-code and
    text-fixing libraries cost every aligning process 0.1 s to import, for one file."""
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    path = Path(folders[0], "data", "small_en.msgpack.gz") if folders else None
    try:
        import msgpack  # type: ignore[import-untyped]  # wordfreq's own dependency

        if path is None:
            raise OSError("no wordfreq data folder")
        with gzip.open(path, "rb") as infile:
            data = msgpack.load(infile, raw=False)
    except (ImportError, OSError, ValueError):
        data = None
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        from wordfreq import get_frequency_dict  # another layout: wordfreq knows it

        return dict(get_frequency_dict("en", wordlist="small"))
    # cBpack: bucket n holds the words of frequency 10 ** (-n / 100) (``wordfreq.cB_to_freq``).
    frequencies: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        frequency = 10 ** (-index / 100)
        for word in bucket:
            frequencies[word] = frequency
    return frequencies


def language_rarity(word: str) -> float:
    """1.0 for the commonest words up to 2.5 for words too rare for the list (names, jargon)."""
    zipf = _zipf_table().get(word, 0.0)
    return 1.0 + max(0.0, 6.0 - zipf) / RARITY_SPAN


@dataclass(frozen=True, slots=True)
class Terms:
    """The stemmed content terms of one sentence, each with a boost for names and numbers."""

    boosts: dict[str, float]
    headline: bool = False


# Grouping extracts each sentence's terms once, but every compared pair (``pair_score``, for the
# diffs shown and exported) extracts both sides' again; a group's pairs come one after another.
# Callers only read the result (``Terms`` is frozen; its dict is never changed after this).
@lru_cache(maxsize=8192)
def sentence_terms(text: str, headline: bool = False) -> Terms:
    """Content terms of a sentence (order-free), with name/number boosts."""
    return Terms(_boosts(_term_words(text)), headline)


def clause_terms(text: str) -> list[tuple[int, int, Terms]]:
    """(start, end, terms) of each clause of a sentence that carries several, else [].

    The sentence is tokenised once; a clause's terms are those of its words, as if it stood alone.
    """
    words = _term_words(text)

    def within(start: int, end: int) -> list[tuple[str, str, int]]:
        return [word for word in words if start <= word[2] < end]

    spans = clause_spans(text, lambda start, end: len(_boosts(within(start, end))))
    return [(start, end, Terms(_boosts(within(start, end)))) for start, end in spans]


def _boosts(words: Sequence[tuple[str, str, int]]) -> dict[str, float]:
    """Each content term of a run of words with its name/number boost, in reading order."""
    boosts: dict[str, float] = {}
    first_word = True
    skip = -1  # the unit word of "twenty six", already counted with its tens (``number_at``)
    for position, (surface, word, _) in enumerate(words):
        if position == skip:
            continue
        if word in _CALENDAR_WORDS:
            boosts[word] = CALENDAR_WEIGHT
            first_word = False
            continue
        number, taken = number_at(words, position)
        if number is not None:
            boosts[number] = max(boosts.get(number, 0.0), NUMBER_BOOST)
            skip = position + taken - 1
            first_word = False
            continue
        if word in STOPWORDS and word not in NUMBER_VALUES:
            first_word = False
            continue
        # Names, acronyms, and number-like tokens that are not numbers ("7.2-magnitude").
        # A sentence's first word is capitalised anyway: a name only if it is rare as a plain word.
        capitalised = surface[:1].isupper() and (not first_word or _zipf_table().get(word, 0.0) < 4.5)
        if word[:1].isdigit() or capitalised or (len(surface) > 1 and surface.isupper()):
            boost = NAME_BOOST
        else:
            boost = 1.0
        first_word = False
        term = stem(word)
        boosts[term] = max(boosts.get(term, 0.0), boost * language_rarity(word))
    return boosts


_FIGURE_UNIT = re.compile(r"(\d[\d,]*(?:\.\d+)?)([A-Za-z]{2,4})")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})  # "31st"


def _term_words(text: str) -> list[tuple[str, str, int]]:
    """(written, folded, offset) of each word, a figure compounded with a word split from it.

    "6.1-magnitude" must meet "magnitude 6.1" and "16-day" "16 days": whole, such a word is a
    term no other outlet writes the same way. Spelled numbers stay compounded: "three-member
    crew" is a description, and splitting it made small numbers pair unrelated sentences
    (measured on the dev set: 0.572 F1 with them split, 0.576 without).
    """
    result: list[tuple[str, str, int]] = []
    for token in tokens(text):
        if not token.is_word or not token.norm:
            continue
        glued = _FIGURE_UNIT.fullmatch(token.text)
        if glued:
            # A unit glued to its figure ("160mph", "64cm") meets the figure written apart; an
            # ordinal's ending ("31st") says nothing.
            figure, unit = glued.groups()
            result.append((figure, figure.replace(",", ""), token.start))
            if unit.lower() not in _ORDINAL_ENDINGS:
                result.append((unit, fold(unit), token.start + len(figure)))
            continue
        parts = token.text.split("-")
        if not (any(p[:1].isdigit() for p in parts) and any(p[:1].islower() for p in parts)):
            # "secretary-general", "Akufo-Addo": one word, however an outlet spells it; so are
            # names and scores with a figure ("COVID-19", "F-16", "5-4").
            result.append((token.text, token.norm, token.start))
            continue
        offset = token.start
        for part in parts:
            norm = fold(part).replace("'s", "").replace("'", "")
            if any(ch.isalnum() for ch in norm):
                result.append((part, norm.replace(".", "") if not norm[:1].isdigit() else norm, offset))
            offset += len(part) + 1
    return result


class Weights:
    """Term weights for one corpus: language rarity x name boost x corpus rarity."""

    def __init__(self, corpus: Sequence[Terms]) -> None:
        frequency: Counter[str] = Counter()
        phrases: Counter[tuple[str, str]] = Counter()
        for terms in corpus:
            frequency.update(terms.boosts.keys())
            phrases.update(set(_pairs(terms)))
        self._sentences = max(len(corpus), 1)
        self._frequency = frequency
        self._stock = {phrase for phrase, count in phrases.items() if count >= STOCK_PHRASE_SENTENCES}

    def corpus_rarity(self, term: str) -> float:
        """1.0 for a term in one sentence, less the more sentences repeat it (the story's stock
        phrases). Log-damped rather than a plain idf: measured on the dev set, a steeper fall
        (idf scaled to 0-1) lost 0.006 F1, as stock words also help pair true paraphrases."""
        count = self._frequency.get(term, 1)
        return 1.0 / (1.0 + math.log(count))

    def weigh(self, terms: Terms) -> dict[str, float]:
        """Final weight of each term of a sentence; words of a stock phrase count less."""
        stock = {term for pair in _pairs(terms) if pair in self._stock for term in pair}
        return {
            term: boost * self.corpus_rarity(term) * (STOCK_PHRASE_WEIGHT if term in stock else 1.0)
            for term, boost in terms.boosts.items()
        }


def _pairs(terms: Terms) -> list[tuple[str, str]]:
    """Neighbouring content terms of a sentence, in reading order."""
    order = list(terms.boosts)
    return list(itertools.pairwise(order))


def overlap(
    a: dict[str, float], b: dict[str, float], total_a: float | None = None, total_b: float | None = None
) -> tuple[float, float]:
    """(weighted Dice, containment) of two weighted term bags, both 0-1.

    A shared term counts with the smaller of its two weights, so a name boosted on one side only
    does not inflate the overlap. Callers scoring many pairs pass each bag's total weight.
    """
    # Walk the smaller bag in its own (insertion) order: cheaper than a set intersection, and the
    # float sum no longer follows set order, which changes with PYTHONHASHSEED.
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    shared = 0.0
    for term, weight in small.items():
        other = large.get(term)
        if other is not None:
            shared += weight if weight < other else other
    total_a = sum(a.values()) if total_a is None else total_a
    total_b = sum(b.values()) if total_b is None else total_b
    if not shared or not total_a or not total_b:
        return 0.0, 0.0
    return 2.0 * shared / (total_a + total_b), shared / min(total_a, total_b)


def combine(dice: float, char_ratio: float) -> float:
    """The match score (0-100) from term overlap and character similarity."""
    return max(100.0 * dice, char_ratio if char_ratio >= CHAR_FLOOR else 0.0)


def sorted_words(norm: str) -> str:
    """A normalised sentence with its words in sorted order: rapidfuzz's ``token_sort_ratio`` of
    two sentences is the plain ``ratio`` of these (a test holds it), so a sentence scored against
    many others is split and sorted once, not once per pair (5x faster)."""
    return " ".join(sorted(norm.split()))


def sorted_ratios(left: Sequence[str], right: Sequence[str]) -> list[float]:
    """Token-sort ratios of normalised sentence pairs given as ``sorted_words``, in one rapidfuzz
    batch (0 below CHAR_FLOOR)."""
    if not left:
        return []
    import numpy as np
    from rapidfuzz import fuzz, process

    workers = -1 if len(left) >= 500 else 1  # threads pay off only on big batches
    # Below CHAR_FLOOR a ratio counts as 0 (``combine``), so rapidfuzz may stop early there.
    scores = process.cpdist(
        left, right, scorer=fuzz.ratio, dtype=np.float32, workers=workers, score_cutoff=CHAR_FLOOR
    )
    return [float(score) for score in scores.tolist()]


def pair_score(a_text: str, b_text: str, a_norm: str, b_norm: str) -> float:
    """The match score of two sentences on their own, with no corpus to weigh terms by."""
    from rapidfuzz import fuzz

    a_weights = sentence_terms(a_text).boosts
    b_weights = sentence_terms(b_text).boosts
    dice, _ = overlap(a_weights, b_weights)
    return combine(dice, fuzz.token_sort_ratio(a_norm, b_norm))
