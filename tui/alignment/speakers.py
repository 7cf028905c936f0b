"""Who a sentence credits: the speaker of a "said", the source of an "according to".

A speaker is the noun phrase next to a verb of saying ("the British Foreign Office said", "a US
official said", "according to diplomats", "Ma Liya, a resident of Zhaotong, told Xinhua"). A bare
"the spokesperson" or "he" is resolved to the speaker named in an earlier sentence of the same
source, so "the spokesperson said" in one outlet and "the British Foreign Office said" in another
are seen to credit different people. Each speaker's value is its folded head words ("a German
government spokesman" is "A German government spokesperson"); whether two credits name the same
speaker is decided in ``speaker_identity.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from tui.alignment.mentions import STOPWORDS, Mention, calendar_word
from tui.corpus.text import Token, fold, tokens

SPEECH_VERBS = frozenset(
    """said say says told tell tells explained explains warned warns cautioned added adds noted
    note notes highlighted highlights revealed reveals confirmed confirms stated states announced
    announces insisted insists argued argues claimed claims deem deems wrote writes reported
    reports continued""".split()
)
# Verbs after which the speaker may follow: '"...," said Mayor Brandt', '..., reports Politico'.
_INVERTING = frozenset({"said", "says", "reports", "reported", "added", "wrote", "writes", "continued"})
SPEAKER_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman spokespeople official officials diplomat diplomats
    minister ministry office government analyst analysts source sources expert experts president
    secretary agency police authorities authority mayor governor ambassador chancellor premier
    embassy department commission council army military prosecutor prosecutors witnesses witness
    residents resident officer officers survey center centre institute newspaper report reports
    media bishop archbishop sheriff chairperson chairman chairwoman chair head leader specialist
    coordinator director commissioner""".split()
)
_DETERMINERS = frozenset(
    {"a", "an", "the", "one", "some", "two", "three", "several", "other", "its", "their"}
)
_PRONOUNS = frozenset({"he", "she", "they"})
_PREPOSITIONS = (("according", "to"), ("quoted", "by"), ("through",), ("by",), ("citing",))
_PREPOSITION_STARTS = frozenset(words[0] for words in _PREPOSITIONS)
_MODIFIERS = frozenset(
    {"senior", "foreign", "former", "top", "chief", "deputy", "news", "local", "state", "prime", "regional",
     "official", "federal", "provincial", "civil", "defense", "defence", "initial", "disaster", "management"}
)  # fmt: skip
_NOT_MODIFIERS = (
    STOPWORDS | SPEECH_VERBS | {"where", "when", "who", "which", "while", "why", "how", "as", "if"}
)
# Small words that may sit inside a name: "Ministry of Civil Affairs", "Risk Reduction and Management".
_NAME_JOINERS = frozenset({"of", "and", "for", "de", "del", "on"})
# Words that name the same speaker differently, folded to one key.
ALIASES = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokespeople": "spokesperson",
    "ministry": "office", "british": "britain", "uk": "britain", "u.k": "britain", "american": "us",
    "u.s": "us", "washington": "us", "german": "germany", "french": "france", "officials": "official",
    "authorities": "authority", "reports": "report", "sources": "source", "witnesses": "witness",
    "residents": "resident", "diplomats": "diplomat", "analysts": "analyst", "experts": "expert",
}  # fmt: skip


def _key_words(words: list[str]) -> frozenset[str]:
    keys = set()
    for word in words:
        word = fold(word).strip(".'’,").removesuffix("'s").removesuffix("’s")
        if word in _DETERMINERS or word in _NAME_JOINERS or not word:
            continue
        word = ALIASES.get(word, word)
        if word.endswith("s") and word[:-1] in SPEAKER_NOUNS:
            word = word[:-1]
        keys.add(ALIASES.get(word, word))
    return frozenset(keys)


def _joins_names(words: list[Token], index: int) -> bool:
    """``words[index]`` is "of"/"and" between two capitalised words of one name."""
    return (
        words[index].norm in _NAME_JOINERS
        and 0 < index < len(words) - 1
        and words[index - 1].text[:1].isupper()
        and words[index + 1].text[:1].isupper()
    )


def _phrase_back(words: list[Token], end: int) -> int:
    """Start index of the noun phrase ending just before ``words[end]``."""
    if end > 1 and words[end - 1].norm in _ADVERBS:
        end -= 1  # "GMA News also reports"
    if end > 0 and words[end - 1].norm in _PRONOUNS:
        return end - 1  # "he said"
    if end > 1 and words[end - 1].text == ")":  # "the National Hurricane Center (NHC) said"
        opening = max((i for i in range(end - 1) if words[i].text == "("), default=-1)
        if opening > 0 and end - opening <= 4:
            return _phrase_back(words, opening)
    index = end
    while index > 0:
        token = words[index - 1]
        norm = token.norm
        if not token.is_word or calendar_word(norm) is not None:
            break
        if norm in _DETERMINERS:
            index -= 1
            # "the chairperson of the country's electoral commission": one phrase.
            if (
                index > 1
                and words[index - 1].norm in {"of", "for"}
                and words[index - 2].norm in SPEAKER_NOUNS
            ):
                index -= 1
                continue
            break
        if (
            token.text[:1].isupper()
            or norm in SPEAKER_NOUNS
            or norm in _MODIFIERS
            or fold(token.text).endswith("'s")
            or _joins_names(words, index - 1)
        ):
            index -= 1
        elif words[index].norm in SPEAKER_NOUNS and norm.isalpha() and norm not in _NOT_MODIFIERS:
            index -= 1  # "port authority", "government spokesperson"
        elif norm in {"of", "for", "at"} and index > 1 and words[index - 2].norm in SPEAKER_NOUNS:
            index -= 1  # "the chairperson of the country's electoral commission"
            if index > 0 and words[index - 1].norm in SPEAKER_NOUNS:
                continue
        else:
            break
    return index


def _phrase_forward(words: list[Token], start: int) -> int:
    """End index of the noun phrase starting at ``words[start]``."""
    index = start
    while index < len(words) and words[index].text.lower() in _DETERMINERS:
        index += 1
    while index < len(words):
        token = words[index]
        norm = token.norm
        if not token.is_word:
            break
        following = words[index + 1] if index + 1 < len(words) else None
        if (
            token.text[:1].isupper()
            or norm in SPEAKER_NOUNS
            or norm in _MODIFIERS
            or fold(token.text).endswith("'s")
            or _joins_names(words, index)
        ):
            index += 1
        elif (
            following is not None
            and following.norm in SPEAKER_NOUNS
            and norm.isalpha()
            and norm not in _NOT_MODIFIERS
        ):
            index += 1  # "hurricane specialist", "port authority"
        else:
            break
    return index


_CLOSERS = frozenset({'"', "”", "’", "'", "»", ","})


# "... in Bohol, said Governor Chato": a name after a preposition is not who is speaking.
_OBJECT_PREPOSITIONS = frozenset({"in", "of", "at", "on", "from", "to", "for", "into", "with", "near"})
_AFTER_SPEAKER = frozenset({"as", "at", "in", "of", "from", "citing", "who", "on", "during", "after", "told"})
_ADVERBS = frozenset({"also", "later", "earlier", "then", "further", "reportedly", "previously", "again"})
_RELATIVE = frozenset({"who", "which", "whose", "whom", "banned", "speaking", "according"})


def _behind_comma(words: list[Token], comma: int) -> tuple[int, int]:
    """The speaker of "X, not Y, said" (X), of "Ma Liya, a resident of Zhaotong, told" (Ma Liya and
    the apposition), of "Mensa, who announced the result, said" (Mensa) or of "..., the spokesman
    said" (the phrase before the comma)."""
    commas = [i for i in range(comma) if words[i].text == ","]
    previous = commas[-1] if commas else -1
    inner_start = previous + 1
    if previous > 0 and words[inner_start].norm == "not":
        return _phrase_back(words, previous), previous
    first = _phrase_back(words, comma)
    covers = first == inner_start
    apposition = words[inner_start].norm in {"a", "an", "the"}
    # A relative clause or participle between commas describes the speaker before it.
    while previous > 0 and words[inner_start].norm in _RELATIVE and commas:
        commas.pop()
        comma, previous = previous, (commas[-1] if commas else -1)
        inner_start = previous + 1
        first = _phrase_back(words, comma)
        covers = first == inner_start
        apposition = words[inner_start].norm in {"a", "an", "the"}
    if previous > 0 and (covers or apposition or first > inner_start):
        outer = _phrase_back(words, previous)
        phrase = words[outer:previous]
        has_noun = any(t.norm in SPEAKER_NOUNS for t in phrase)
        named = any(t.text[:1].isupper() for t in phrase)
        if outer < previous and (has_noun or ((apposition or not covers) and named)):
            return outer, comma
    return first, comma


def _is_speaker(phrase: list[Token], sentence_start: bool) -> bool:
    """A phrase naming someone: a speaker noun, or capitalised words ("Byrd said" at a sentence's
    start too, but not "However said")."""
    named = [
        t for t in phrase if t.text[:1].isupper() and t.norm not in STOPWORDS and t.norm not in _NOT_NAMES
    ]
    nouns = [t for t in phrase if t.norm in SPEAKER_NOUNS]
    return bool(nouns) or (bool(named) and len(phrase) <= 8)


_NOT_NAMES = frozenset({"however", "meanwhile", "still", "also", "but", "and", "reports", "it", "this"})


def _mention(text: str, phrase: list[Token]) -> Mention:
    phrase = [t for t in phrase if t.is_word]
    start, end = phrase[0].start, phrase[-1].end
    if text[end - 1] == ".":
        end -= 1  # "said Mayor Brandt." ends the sentence, not the name
    value = " ".join(sorted(_key_words([t.text for t in phrase])))
    return Mention("attribution", value, text[start:end], start, end)


def _needs_antecedent(phrase: list[Token]) -> bool:
    """ "He" or "the spokesperson": someone named earlier, not here."""
    if len(phrase) == 1 and phrase[0].text.lower() in _PRONOUNS:
        return True
    lowered = [t.norm for t in phrase]
    return (
        lowered[0] == "the"
        and lowered[-1] in SPEAKER_NOUNS
        and not any(t.text[:1].isupper() for t in phrase[1:])
        and len(phrase) <= 3
        and lowered[-1] not in {"officials", "authorities", "reports"}
    )


def _speakers_uncached(text: str, before: Sequence[str] = ()) -> list[Mention]:
    """Who ``text`` credits; ``before`` are the same source's previous sentences, nearest first."""
    words = tokens(text)  # with punctuation: a speaker's phrase never runs across a comma
    found: list[Mention] = []
    seen: set[int] = set()

    def add(first: int, last: int) -> None:
        phrase = [t for t in words[first:last] if t.is_word]
        if not phrase or first in seen:
            return
        resolvable = _needs_antecedent(phrase)
        if not resolvable and not _is_speaker(phrase, first == 0):
            return
        seen.add(first)
        mention = _mention(text, phrase)
        if resolvable:
            antecedent = _antecedent(before, phrase)
            if antecedent is not None:
                mention = Mention(
                    "attribution",
                    antecedent.value,
                    mention.text,
                    mention.start,
                    mention.end,
                    display=antecedent.label,
                )
            elif phrase[0].text.lower() in _PRONOUNS:
                return
        found.append(mention)

    for index, token in enumerate(words):
        norm = token.norm
        if norm in SPEECH_VERBS and token.text[:1].islower():  # "United States" says nothing
            first = _phrase_back(words, index)
            if norm in {"reports", "report"} and not (index > 0 and words[index - 1].text == ","):
                subject = [t for t in words[first:index] if t.is_word]
                if len(subject) < 2 and not any(t.norm in SPEAKER_NOUNS for t in subject):
                    continue  # "Preliminary reports indicate": a noun, not a verb
            after = _phrase_forward(words, index + 1)
            if first == index and index > 1 and words[index - 1].text == ",":
                # "..., reports Politico." / "..., say reports citing the agency" / "..., said
                # Richard Pasch at the Hurricane Center": the speaker follows the verb; but in
                # "Elvis Amoroso, head of the council, said Mr Maduro secured 51%" it does not.
                forward = [t for t in words[index + 1 : after] if t.is_word]
                ends = after >= len(words) or not words[after].is_word or words[after].norm in _AFTER_SPEAKER
                behind, end = _behind_comma(words, index - 1)
                phrase = [t for t in words[behind:end] if t.is_word]
                after_preposition = behind > 0 and words[behind - 1].norm in _OBJECT_PREPOSITIONS
                if (
                    phrase
                    and not after_preposition
                    and (_is_speaker(phrase, behind == 0) or _needs_antecedent(phrase))
                ):
                    first, index = behind, end
                elif norm in _INVERTING | {"say"} and forward and ends and _is_speaker(forward, False):
                    first, index = index + 1, after
            if first < index:
                add(first, index)
            elif norm in _INVERTING and index > 0 and words[index - 1].text in _CLOSERS:
                add(index + 1, _phrase_forward(words, index + 1))  # '..." said Mayor Brandt.'
        # Most words start no "according to": skip building the tuples below. (``index`` may
        # have moved past a speaker found after the verb.)
        if index >= len(words) or words[index].norm not in _PREPOSITION_STARTS:
            continue
        for preposition in _PREPOSITIONS:
            span = len(preposition)
            if tuple(w.norm for w in words[index : index + span]) == preposition:
                start = index + span
                end = _phrase_forward(words, start)
                phrase = words[start:end]
                # "according to a report from the region 7 office of ...": the office.
                reported = phrase and phrase[-1].norm in {"report", "reports", "statement"}
                if reported and end < len(words) and words[end].norm in {"from", "by", "citing", "of"}:
                    start = end + 1
                    while start < len(words) and not words[start].text[:1].isupper():
                        start += 1
                    end = _phrase_forward(words, start)
                    phrase = words[start:end]
                if preposition in {("by",), ("through",), ("citing",)} and not any(
                    t.norm in SPEAKER_NOUNS for t in phrase
                ):
                    continue  # "the push by Washington" credits nobody
                add(start, end)
    return sorted(found, key=lambda m: m.start)


def _antecedent(before: Sequence[str], phrase: list[Token]) -> Mention | None:
    """The nearest earlier named speaker of the same kind (any speaker for a pronoun)."""
    heads = _key_words([t.text for t in phrase])
    for sentence in before:
        for candidate in reversed(speakers(sentence)):
            if candidate.display:
                continue
            named = any(w[:1].isupper() for w in candidate.text.split() if w.lower() not in _DETERMINERS)
            if not named:
                continue
            if phrase[0].text.lower() in _PRONOUNS or heads <= frozenset(candidate.value.split()):
                return candidate
    return None


@lru_cache(maxsize=16384)
def _speakers_cached(text: str, before: tuple[str, ...]) -> tuple[Mention, ...]:
    return tuple(_speakers_uncached(text, before))


def speakers(text: str, before: Sequence[str] = ()) -> list[Mention]:
    """Who ``text`` credits; ``before`` are the same source's previous sentences, nearest first.
    Cached per sentence and context: each sentence is compared with many."""
    return list(_speakers_cached(text, tuple(before)))
