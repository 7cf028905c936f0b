"""Who a sentence credits: the speaker of a "said", the source of an "according to".

A speaker is the noun phrase next to a verb of saying ("the British Foreign Office said", "a US
official said", "according to diplomats"). A bare "the spokesperson" or "he" is resolved to the
speaker named in an earlier sentence of the same source, so "the spokesperson said" in one outlet
and "the British Foreign Office said" in another are seen to credit different people. Speakers
are compared on folded head words, so "a German government spokesman" and "A German government
spokesperson" are the same, and "one senior diplomat" is "a senior diplomat".
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.alignment.mentions import STOPWORDS, Mention, calendar_word
from tui.corpus.text import Token, fold, tokens

SPEECH_VERBS = frozenset(
    """said say says told tell tells explained explains warned warns cautioned added adds noted
    note notes highlighted highlights revealed reveals confirmed confirms stated states announced
    announces insisted insists argued argues claimed claims deem deems wrote writes reported
    reports""".split()
)
SPEAKER_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman spokespeople official officials diplomat diplomats
    minister ministry office government analyst analysts source sources expert experts president
    secretary agency police authorities authority mayor governor ambassador chancellor premier
    embassy department spokesperson's spokesman's commission council army military
    prosecutor prosecutors witnesses witness residents officer officers""".split()
)
_DETERMINERS = frozenset({"a", "an", "the", "one", "some", "two", "three", "several", "other"})
_PRONOUNS = frozenset({"he", "she", "they"})
_PREPOSITIONS = (("according", "to"), ("quoted", "by"), ("through",), ("by",))
_MODIFIERS = frozenset(
    {"senior", "foreign", "former", "top", "chief", "deputy", "news", "local", "state", "prime", "regional"}
)
# Words that name the same speaker differently, folded to one key.
_ALIASES = {
    "spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokespeople": "spokesperson",
    "ministry": "office", "british": "britain", "uk": "britain", "u.k": "britain", "american": "us",
    "u.s": "us", "washington": "us", "german": "germany", "french": "france",
}  # fmt: skip


def _key_words(words: list[str]) -> frozenset[str]:
    keys = set()
    for word in words:
        word = fold(word).strip(".'’").removesuffix("'s").removesuffix("’s")
        if word in _DETERMINERS or not word:
            continue
        word = _ALIASES.get(word, word)
        if word.endswith("s") and word[:-1] in SPEAKER_NOUNS:
            word = word[:-1]
        keys.add(_ALIASES.get(word, word))
    return frozenset(keys)


def _phrase_back(words: list[Token], end: int) -> int:
    """Start index of the noun phrase ending just before ``words[end]``."""
    index = end
    while index > 0:
        token = words[index - 1]
        norm = token.norm
        if not token.is_word or calendar_word(norm) is not None:
            break
        if norm in _DETERMINERS:
            index -= 1
            break
        if (
            token.text[:1].isupper()
            or norm in SPEAKER_NOUNS
            or norm in _MODIFIERS
            or fold(token.text).endswith("'s")
        ):
            index -= 1
        elif words[index].norm in SPEAKER_NOUNS and norm.isalpha() and norm not in STOPWORDS | SPEECH_VERBS:
            index -= 1  # "port authority", "government spokesperson"
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
        if (
            token.text[:1].isupper()
            or norm in SPEAKER_NOUNS
            or norm in _MODIFIERS
            or fold(token.text).endswith("'s")
        ):
            index += 1
        else:
            break
    return index


_CLOSERS = frozenset({'"', "”", "’", "'", "»", ","})


def _behind_comma(words: list[Token], comma: int) -> tuple[int, int]:
    """The speaker of "X, not Y, said" (X) or of "Brandt, a spokesman, said" (the appositive)."""
    previous = max((i for i in range(comma) if words[i].text == ","), default=-1)
    inner_start = previous + 1
    if previous > 0 and words[inner_start].norm == "not":
        return _phrase_back(words, previous), previous
    first = _phrase_back(words, comma)
    if previous > 0 and first == inner_start:
        # "a German government spokesperson, Steffen Hebestreit, confirmed": one speaker.
        outer = _phrase_back(words, previous)
        if outer < previous and any(t.norm in SPEAKER_NOUNS for t in words[outer:previous]):
            return outer, comma
    return first, comma


def _is_speaker(phrase: list[Token], sentence_start: bool) -> bool:
    named = [t for i, t in enumerate(phrase) if t.text[:1].isupper() and not (i == 0 and sentence_start)]
    nouns = [t for t in phrase if t.norm in SPEAKER_NOUNS]
    return bool(nouns) or (bool(named) and len(phrase) <= 6)


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
    )


def speakers(text: str, before: Sequence[str] = ()) -> list[Mention]:
    """Who ``text`` credits; ``before`` are the same source's previous sentences, nearest first."""
    words = tokens(text)  # with punctuation: a speaker's phrase never runs across a comma
    found: list[Mention] = []
    seen: set[int] = set()

    def add(first: int, last: int) -> None:
        phrase = words[first:last]
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
            after = _phrase_forward(words, index + 1)
            ends_clause = after >= len(words) or not words[after].is_word
            named_after = ends_clause and any(t.text[:1].isupper() for t in words[index + 1 : after])
            if first == index and index > 1 and words[index - 1].text == "," and named_after:
                first, index = index + 1, after  # "..., reports Politico."
            elif first == index and index > 1 and words[index - 1].text == ",":
                first, index = _behind_comma(words, index - 1)
            if first < index:
                add(first, index)
            elif norm in {"said", "says", "told"} and index > 0 and words[index - 1].text in _CLOSERS:
                add(index + 1, _phrase_forward(words, index + 1))  # '..." said Mayor Brandt.'
        for preposition in _PREPOSITIONS:
            span = len(preposition)
            if tuple(w.norm for w in words[index : index + span]) == preposition:
                start = index + span
                end = _phrase_forward(words, start)
                phrase = words[start:end]
                if preposition == ("by",) and not any(t.norm in SPEAKER_NOUNS for t in phrase):
                    continue  # "the push by Washington" credits nobody
                if preposition == ("through",) and not any(t.norm in SPEAKER_NOUNS for t in phrase):
                    continue
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


def same_speaker(a: Mention, b: Mention) -> bool:
    """True when two speaker mentions credit the same person or body."""
    a_words, b_words = frozenset(a.value.split()), frozenset(b.value.split())
    return bool(a_words) and bool(b_words) and (a_words <= b_words or b_words <= a_words)
