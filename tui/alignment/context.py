"""What surrounds a value in its sentence: the event it counts ("killing at least 93": kill), the
thing counted ("93 people"), the place it is for ("15 in Cebu province") and the word before it
("population of about 429,000"). Used to decide whether two values are about the same thing.
"""

from __future__ import annotations

from functools import lru_cache

from tui.alignment.quantities import UNITS
from tui.corpus.text import Token

VERBS = {
    "kill": "kill", "die": "kill", "died": "kill", "dead": "kill", "death": "kill", "toll": "kill",
    "fatal": "kill", "injur": "injur", "wound": "injur", "hurt": "injur", "missing": "miss",
    "evacuat": "evacuat", "displac": "displac", "rescu": "rescu", "arrest": "arrest",
    "collaps": "destroy", "destroy": "destroy", "toppl": "destroy", "damag": "damage",
}  # fmt: skip
_DENIALS = frozenset({"not", "no", "never", "holding", "against", "without"})
_NOT_THINGS = frozenset(
    {"other", "others", "more", "of", "the", "a", "and", "were", "are", "have", "had", "been", "those",
     "them", "confirmed", "reported", "known", "believed", "feared", "also", "about", "or", "per", "which",
     "that"}
)  # fmt: skip


# Asked of every word near every number and date (26,000 calls for 3,000 sentences, each trying
# every prefix): the same words come back, so each is worked out once.
@lru_cache(maxsize=65536)
def verb_of(word: str) -> str:
    """The event a word names ("killing", "died", "dead" -> ``kill``), or ""."""
    lowered = word.lower()
    for prefix, event in VERBS.items():
        if lowered.startswith(prefix):
            return event
    return ""


_QUALIFYING = frozenset(
    {
        "at",
        "least",
        "more",
        "than",
        "some",
        "about",
        "nearly",
        "almost",
        "around",
        "over",
        "approximately",
        "roughly",
        "up",
        "to",
        "as",
        "many",
        "the",
        "a",
        "an",
        "all",
    }
)
_FOLLOWING = frozenset(
    {
        "people",
        "persons",
        "others",
        "other",
        "more",
        "were",
        "are",
        "was",
        "is",
        "have",
        "has",
        "had",
        "been",
        "being",
        "reported",
        "confirmed",
        "also",
        "feared",
        "of",
        "those",
        "them",
        "who",
        "later",
        "now",
        "so",
        "far",
        "people's",
    }
)


def verb_near(text: str, words: list[Token], first: int, last: int, reach: int = 4) -> str:
    """The event a count counts: "19 were injured", "killing at least 93", "24 dead".

    A verb right after the number (over words like "people were reported") comes first, then one
    right before it (over "at least"), then the nearest within ``reach`` words that no comma or
    denial separates from it; with none, the sentence's only event verb ("Dozens of others are
    being treated for injuries").
    """

    def clear(a: Token, b: Token) -> bool:
        return not any(mark in text[a.end : b.start] for mark in ",;:—(")

    for index in range(last, min(len(words), last + reach + 2)):
        event = verb_of(words[index].norm)
        if event and clear(words[last - 1], words[index]):
            return event
        if words[index].norm not in _FOLLOWING:
            break
    for index in range(first - 1, max(-1, first - reach - 1), -1):
        event = verb_of(words[index].norm)
        if event and clear(words[index], words[first]):
            return event
        if words[index].norm not in _QUALIFYING:
            break
    best, distance = "", reach + 1
    for index in range(max(0, first - reach), min(len(words), last + reach)):
        if first <= index < last:
            continue
        event = verb_of(words[index].norm)
        gap = first - index if index < first else index - last + 1
        left, right = (words[index], words[first]) if index < first else (words[last - 1], words[index])
        if event and gap < distance and clear(left, right):
            between = words[min(index, last) : max(index, first)]
            if not any(w.norm in _DENIALS for w in between):
                best, distance = event, gap
    if not best:
        events = {verb_of(w.norm) for w in words} - {""}
        if len(events) == 1:
            best = "~" + events.pop()  # a guess from the sentence: weaker evidence
    return best


def thing_after(words: list[Token], last: int, text: str = "") -> str:
    """The counted thing after a number ("people" in "93 people", "persons" is people too)."""
    previous = words[last - 1] if last > 0 else None
    for word in words[last : last + 3]:
        if (
            text
            and previous is not None
            and any(mark in text[previous.end : word.start] for mark in _CLAUSE_MARKS)
        ):
            return ""  # "429,000, were old": the clause ended
        previous = word
        norm = word.norm
        if norm in _NOT_THINGS or norm in UNITS or norm[:1].isdigit() or norm in _PREPOSITIONS:
            continue
        if verb_of(norm) or word.text[:1].isupper():
            return ""  # "20 killed", "16 other NATO members" (the name is not the thing)
        if norm in PEOPLE:
            return "people"
        return norm.rstrip("s")
    return ""


# Words for people: counts of them are counts of the same kind of thing.
PEOPLE = frozenset({"persons", "person", "people", "residents", "others", "astronauts", "crew", "victims"})
_PREPOSITIONS = frozenset({"in", "on", "at", "from", "to", "for", "with", "by", "among", "including"})


_CLAUSE_MARKS = ",;:—–()"


def place_near(text: str, words: list[Token], first: int, last: int) -> str:
    """The place a count is for, named after "in", "at", "on", "from" or "of" in the value's own
    clause: "15 in Cebu province", "65 ... on the island of Bohol", "27 people in the Caribbean".
    A headline has none."""
    if len(words) >= 3 and sum(w.text[:1].isupper() for w in words) >= 0.6 * len(words):
        return ""
    since = -1  # words since the last "in"/"on"/"of"
    for index in range(last, min(len(words), last + 12)):
        if any(mark in text[words[index - 1].end : words[index].start] for mark in _CLAUSE_MARKS):
            break
        if words[index].norm in _LOCATIVE:
            since = 0
        elif since >= 0:
            since += 1
            if words[index].text[:1].isupper() and words[index].norm not in _NOT_PLACES and since <= 3:
                return words[index].norm
    return ""


_LOCATIVE = frozenset({"in", "at", "on", "from", "of", "near"})
# Units a value is meaningless without: 6 miles is not 6, 6.1 magnitude is not 6.1 people.
MEASURES = frozenset({"ft", "mi", "km", "m", "mph", "kph", "magnitude", "%", "age", "degrees", "usd", "eur"})
_NOT_PLACES = frozenset({"tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def word_before(words: list[Token], first: int) -> str:
    """The content word before a value and its qualifier ("population" in "population of 429,000")."""
    for index in range(first - 1, max(-1, first - 3), -1):
        norm = words[index].norm
        if norm not in {"of", "the", "a", "an", "to", "at", "by", "and", "or", "with", "while", "but", "as"}:
            return norm
    return ""
