"""Divergences: what two sentences stating the same claim disagree on, typed and located.

- ``number``: a quantity differs ("12 injured" / "21 injured"); dates are never numbers.
- ``date``: a date, weekday, month or year differs for the same event ("backed on Thursday" /
  "backed on Wednesday"); two dates about different things ("extended to September" / "a July
  summit") are not compared.
- ``attribution``: the sentences credit different speakers ("the British Foreign Office said" /
  "the spokesperson said", the spokesperson being Rishi Sunak's, named a sentence earlier).
- ``name``: a different person, place or organisation in the same slot; spelling and
  transliteration variants (Türkiye/Turkey, Kariņš/Karins) are ``name`` divergences marked
  ``minor``.
- ``quote``: the words inside quotation marks differ, or one source quotes words the other
  only paraphrases.

Each divergence carries both values and their offsets in each sentence. Pure: no UI imports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.alignment.context import MEASURES
from tui.alignment.mentions import (
    STOPWORDS,
    Mention,
    numbers_and_dates,
    quotes,
    stem,
    truncated,
)
from tui.alignment.model import DiffRun, Divergence
from tui.alignment.names import name_divergences
from tui.alignment.speaker_identity import same_speaker
from tui.alignment.speakers import speakers
from tui.corpus.text import fold, normalise


def _divergence(type_: str, a_text: str, b_text: str, a: Mention | None, b: Mention | None) -> Divergence:
    a_start, a_end = (a.start, a.end) if a else (0, 0)
    b_start, b_end = (b.start, b.end) if b else (0, 0)
    return Divergence(
        type_,
        a.label if a else "",
        b.label if b else "",
        a_start=a_start,
        a_end=a_end,
        b_start=b_start,
        b_end=b_end,
        a_text=a_text[a_start:a_end],
        b_text=b_text[b_start:b_end],
    )


# Two counts this far apart (as a ratio) are not the same count misreported: "381 dead" and
# "408,000 residents" are different things. 300 and 3,000 evacuated are still compared.
MAX_RATIO = 10.0


def _rounded(short: Mention, full: Mention) -> bool:
    """``short`` is ``full`` rounded: "6.7 million" for 6,730,413, "51.6" for 51.59 (only a
    value written with decimals or a "million"/"thousand" is read as rounded; 380 is not 381)."""
    text = short.text.lower()
    decimals = re.search(r"\d\.(\d+)", text)
    if not decimals:
        return False
    places = len(decimals.group(1))
    scale = (
        1_000_000_000
        if "billion" in text
        else 1_000_000
        if "million" in text
        else 1_000
        if "thousand" in text
        else 1
    )
    return round(full.low / scale, places) == round(short.low / scale, places)


def _agrees(a: Mention, b: Mention) -> bool:
    """Same value, or a range / vague count ("14 to 17", "hundreds") that holds the other.

    Qualifiers are not read: "more than 380" and "381" are reported as different figures, and
    "hundreds" does not hold "more than 100".
    """
    if a.value == b.value:
        return True
    if a.type == "number" and a.low == a.high and b.low == b.high:
        return _rounded(a, b) or _rounded(b, a)
    if a.type != "number":
        return False
    near = not a.verb.startswith("~") and not b.verb.startswith("~")
    if (a.verb and b.verb and a.verb.lstrip("~") != b.verb.lstrip("~") and near) or (
        a.unit and b.unit and a.unit != b.unit
    ):
        return False  # "hundreds injured" says nothing about "20 killed"
    if a.low != a.high and b.low != b.high:
        return a.value == b.value
    return a.low <= b.high and b.low <= a.high


def _same_zone(a: Mention, b: Mention) -> bool:
    """Two times that may be read in one time zone: the same zone, or one unnamed and the other
    a local zone (EST); UTC/GMT is a conversion, not a conflict."""
    if a.unit == b.unit:
        return True
    return not (a.unit and b.unit) and not {a.unit, b.unit} & {"UTC", "GMT"}


def _score(a: Mention, b: Mention) -> int:
    """How surely two values are about the same thing; 0 when they cannot be."""
    if a.grain != b.grain:
        return 0
    measured = a.unit in MEASURES or b.unit in MEASURES or (a.unit and b.unit)
    if a.unit != b.unit and measured and not (a.grain == "time" and not (a.unit and b.unit)):
        return 0  # 630 km is not four people; magnitudes meet only magnitudes
    if a.type == "number" and a.thing and b.thing and a.thing != b.thing:
        return 0  # two components are not seven astronauts
    if a.type == "number" and ((a.unit and not b.unit and b.thing) or (b.unit and not a.unit and a.thing)):
        return 0  # 12 days is not five spacewalks
    if a.grain == "time" and not _same_zone(a, b):
        return 0  # 4:30 p.m. local and 08:30 UTC are one moment (an unnamed zone may be EST, not UTC)
    if a.type == "date" and a.verb and b.verb and a.verb != b.verb:
        return 0  # "the election Monday" and "announced on Wednesday" are two events
    shared = a.anchors & b.anchors
    same_place = bool(a.place and a.place == b.place)
    a_verb, b_verb = a.verb.lstrip("~"), b.verb.lstrip("~")
    near = not a.verb.startswith("~") and not b.verb.startswith("~")
    if a.type == "number":
        if a.verb and b.verb and a_verb != b_verb and near:
            return 0  # killed vs injured
        if a.type == "date" and a.verb and b.verb and a_verb != b_verb:
            return 0
        if a.place and b.place and not same_place:
            return 0  # 4 in Bohol and 15 in Cebu are two counts
        low, high = sorted((max(a.low, a.high), max(b.low, b.high)))
        if low <= 0 or (high / low > MAX_RATIO and not same_place):
            return 0
    # A shared place or person is strong evidence; a shared unit alone is none (depth vs distance).
    score = sum(5 if word[:1].isupper() else 2 for word in shared)
    if a.type == "number":
        score += (3 if near else 1) * bool(a_verb and a_verb == b_verb) + 2 * bool(
            a.thing and a.thing == b.thing
        )
        score += bool(score) * 2 * bool(a.unit and a.unit == b.unit)
        score += 8 * same_place + 3 * bool(a.before and a.before == b.before)
    return score if score >= 2 else 0


def affinity(a: Mention, b: Mention) -> int:
    """How surely two numbers or dates are about the same thing (0: not at all); an equal value
    in the same unit counts most."""
    if a.type != b.type:
        return 0
    if a.value == b.value and a.unit == b.unit and a.grain == b.grain:
        return 100
    return _score(a, b)


def _compare_values(type_: str, a_text: str, b_text: str) -> list[Divergence]:
    """Numbers or dates about the same thing (unit, event, context) with different values."""
    a_found = [m for m in numbers_and_dates(a_text) if m.type == type_]
    b_found = [m for m in numbers_and_dates(b_text) if m.type == type_]
    a_open = [m for m in a_found if not any(_agrees(m, n) for n in b_found)]
    b_open = [m for m in b_found if not any(_agrees(m, n) for n in a_found)]

    def score(a: Mention, b: Mention) -> int:
        found = _score(a, b)
        if found or type_ != "date" or a.grain != b.grain or (a.verb and b.verb and a.verb != b.verb):
            return found
        # The only time of day each of two versions of one claim gives is for the same moment.
        alone = (
            sum(m.grain == a.grain for m in a_found) == 1 and sum(m.grain == b.grain for m in b_found) == 1
        )
        return 2 if alone and a.grain == "time" and _same_zone(a, b) else 0

    candidates = sorted(
        ((score(a, b), -abs(i - j), i, j) for i, a in enumerate(a_open) for j, b in enumerate(b_open)),
        reverse=True,
    )
    found: list[Divergence] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for strength, _closeness, i, j in candidates:
        if strength <= 0 or i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        found.append(_divergence(type_, a_text, b_text, a_open[i], b_open[j]))
    return sorted(found, key=lambda d: d.a_start)


def _spelt_alike(a: str, b: str) -> bool:
    """One word spelt two ways inside a quotation (defence/defense), not another word
    (anything/nothing): stricter than the word diff's spelling variants."""
    from rapidfuzz import fuzz

    fa, fb = fold(a), fold(b)
    return fa == fb or (fa[:1] == fb[:1] and abs(len(fa) - len(fb)) <= 1 and fuzz.ratio(fa, fb) >= 85)


def _paraphrases(quote: Mention, other_text: str) -> bool:
    """The other sentence says something like the quotation: it shares two content words with it.

    A quotation about something else (a sentence that ran into the next on a page) is not a
    quotation the other source "only paraphrases".
    """
    quoted = {stem(w) for w in quote.value.split() if len(w) >= 4 and w not in STOPWORDS}
    other = {stem(w) for w in normalise(other_text).split() if len(w) >= 4 and w not in STOPWORDS}
    return len(quoted & other) >= 2


def same_quote(a: str, b: str, *, cut: bool = False) -> bool:
    """Same words, allowing spelling variants and one quote cut short or running on."""
    from rapidfuzz.distance import Levenshtein

    a_words, b_words = a.split(), b.split()
    if cut:  # a page cut one sentence mid-word ("bookshe"): compare what both still have
        shorter = min(len(a_words), len(b_words)) - 1
        a_words, b_words = a_words[:shorter], b_words[:shorter]
    ops = [op for op in Levenshtein.opcodes(a_words, b_words) if op.tag != "equal"]
    if ops and ops[0].tag in {"insert", "delete"} and (ops[0].src_start == 0 and ops[0].dest_start == 0):
        ops = ops[1:]
    if (
        ops
        and ops[-1].tag in {"insert", "delete"}
        and (ops[-1].src_end == len(a_words) and ops[-1].dest_end == len(b_words))
    ):
        ops = ops[:-1]
    return all(
        op.tag == "replace"
        and op.src_end - op.src_start == op.dest_end - op.dest_start
        and all(
            _spelt_alike(a_words[op.src_start + i], b_words[op.dest_start + i])
            for i in range(op.src_end - op.src_start)
        )
        for op in ops
    )


# A quotation this unlike every quotation of the other sentence (0-100, partial match) is not a
# version of any of them: it is compared with the other sentence's plain words instead.
QUOTE_PAIRING = 60.0


def _quote_divergences(a_text: str, b_text: str) -> list[Divergence]:
    """Quoted words that differ, or words one source quotes and the other only paraphrases.

    Quoted words the other sentence has verbatim without quotation marks are the same words; a
    sentence cut off by the page (``truncated``) is not said to paraphrase anything.
    """
    from rapidfuzz import fuzz

    a_quotes, b_quotes = quotes(a_text), quotes(b_text)
    found: list[Divergence] = []
    paired: set[int] = set()

    def unquoted(quote: Mention, other_text: str) -> bool:
        return (
            len(quote.value.split()) >= 3
            and quote.value not in normalise(other_text)
            and not truncated(other_text)
            and _paraphrases(quote, other_text)
        )

    paired_a: set[int] = set()
    cut = truncated(a_text) or truncated(b_text)
    for a_index, a in enumerate(a_quotes):
        scores = [fuzz.partial_ratio(a.value, b.value) for b in b_quotes]
        best = max(range(len(b_quotes)), key=lambda i: scores[i]) if b_quotes else None
        if best is not None and scores[best] >= QUOTE_PAIRING:
            paired.add(best)
            paired_a.add(a_index)
            if not same_quote(a.value, b_quotes[best].value, cut=cut):
                found.append(_divergence("quote", a_text, b_text, a, b_quotes[best]))
        elif unquoted(a, b_text) and not b_quotes:
            found.append(_divergence("quote", a_text, b_text, a, None))
    for index, b in enumerate(b_quotes):
        if index not in paired and not a_quotes and unquoted(b, a_text):
            found.append(_divergence("quote", a_text, b_text, None, b))
    # Both quote, but nothing alike: different words quoted for one claim.
    a_alone = [a for i, a in enumerate(a_quotes) if i not in paired_a]
    b_alone = [b for i, b in enumerate(b_quotes) if i not in paired]
    if a_quotes and b_quotes and len(a_alone) == len(a_quotes) and b_alone:
        for a, b in zip(a_alone, b_alone, strict=False):
            found.append(_divergence("quote", a_text, b_text, a, b))
    return found


def _attribution(
    a_text: str, b_text: str, a_before: Sequence[str], b_before: Sequence[str]
) -> list[Divergence]:
    a_speakers, b_speakers = speakers(a_text, a_before), speakers(b_text, b_before)
    if not a_speakers or not b_speakers:
        return []  # one source credits nobody: an omission, not a different speaker
    if any(same_speaker(a, b) for a in a_speakers for b in b_speakers):
        return []
    return [_divergence("attribution", a_text, b_text, a_speakers[0], b_speakers[0])]


def find_divergences(
    a_text: str,
    b_text: str,
    a_before: Sequence[str] = (),
    b_before: Sequence[str] = (),
    runs: Sequence[DiffRun] | None = None,
) -> list[Divergence]:
    """Numbers, dates, speakers, names and quotations on which two matched sentences disagree.

    ``a_before`` and ``b_before`` are the previous sentences of each source, nearest first; they
    resolve "the spokesperson said" to the speaker named earlier. ``runs`` is
    ``word_diff(a_text, b_text)`` when the caller has it already.
    """
    found = _compare_values("number", a_text, b_text)
    found += _compare_values("date", a_text, b_text)
    found += _attribution(a_text, b_text, a_before, b_before)
    found += _quote_divergences(a_text, b_text)
    # Names inside a quotation, or inside a speaker already reported as changed, are not
    # reported again as names; a place inside one speaker's description ("Ma Liya, a resident of
    # Zhaotong" / "of Ludian county") is.
    changed_speaker = any(d.type == "attribution" for d in found)
    a_taken = [(m.start, m.end) for m in quotes(a_text) + (speakers(a_text) if changed_speaker else [])]
    b_taken = [(m.start, m.end) for m in quotes(b_text) + (speakers(b_text) if changed_speaker else [])]
    found += name_divergences(a_text, b_text, a_taken, b_taken, runs)
    return found
