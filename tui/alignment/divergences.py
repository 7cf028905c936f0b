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

from tui.alignment.diff import is_spelling_variant, word_diff
from tui.alignment.mentions import (
    STOPWORDS,
    Mention,
    calendar_word,
    numbers_and_dates,
    quotes,
    stem,
    truncated,
)
from tui.alignment.model import Divergence
from tui.alignment.quantities import MEASURES
from tui.alignment.speakers import same_speaker, speakers
from tui.corpus.text import Token, fold, normalise, tokens

# A replaced run longer than this (in words, either side) is rewording, not a swapped name.
NAME_RUN_WORDS = 4
# Names that are the same place in another language or an older spelling.
# Other names of one country: the same, and not even a spelling variant.
ALIASES = [{"britain", "uk", "united kingdom", "great britain"}, {"us", "usa", "united states", "america"}]
EXONYMS = [
    {"turkiye", "turkey"}, {"kyiv", "kiev"}, {"myanmar", "burma"}, {"czechia", "czech"},
    {"beijing", "peking"}, {"mumbai", "bombay"}, {"kolkata", "calcutta"}, {"chennai", "madras"},
]  # fmt: skip
# Capitalised words that say what someone is, or where from, not who: not names to compare.
_NOT_NAMES = frozenset(
    """secretary general secretary-general minister prime president chancellor ambassador premier
    head leader chair mr mrs ms dr pm dutch dutchman british german french american european
    russian ukrainian romanian estonian latvian polish turkish hungarian chinese western eastern
    the a an and but however meanwhile still also""".split()
)
_OPENERS = {'"', "“", "„", "«", "(", ":", "'", "‘", "—", "-", "–"}


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


def _same_quote(a: str, b: str, *, cut: bool = False) -> bool:
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
            if not _same_quote(a.value, b_quotes[best].value, cut=cut):
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


def _is_headline(words: list[Token]) -> bool:
    return len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.6 * len(words)


def _names(all_tokens: list[Token]) -> list[Token]:
    """Names: runs of capitalised words not capitalised merely for starting a sentence or quote.

    A run is one token spanning its words ("United Kingdom"), so aliases compare whole.
    """
    names: list[Token] = []
    previous = None
    run: list[Token] = []

    def close() -> None:
        if run:
            text = " ".join(t.text for t in run)
            names.append(Token(text, run[0].start, run[-1].end, " ".join(t.norm for t in run)))
            run.clear()

    for index, token in enumerate(all_tokens):
        starts_clause = index == 0 or (previous is not None and previous.text in _OPENERS)
        if (
            token.is_word
            and token.text[:1].isupper()
            and not starts_clause
            and token.norm not in _NOT_NAMES
            and calendar_word(token.norm) is None
        ):
            run.append(token)
        else:
            close()
        previous = token
    close()
    return names


def name_key(text: str) -> str:
    """A name folded for comparison: case, accents, dots and a possessive 's left out; one key
    for the spellings of a place in ``EXONYMS`` (and near misses such as "Turkyie")."""
    key = fold(text).replace("’", "'").strip(".'")
    key = key.removesuffix("'s").replace(".", "")
    for group in ALIASES + EXONYMS:
        for member in group:
            if key == member or (len(key) >= 5 and len(member) >= 5 and is_spelling_variant(key, member)):
                return min(group)
    return key


def _plain(text: str) -> str:
    """What a reader sees as the spelling: "U.S." is "US", "Rutte's" is "Rutte"."""
    return text.replace("’", "'").strip(".'").removesuffix("'s").replace(".", "").casefold()


_GLUED = frozenset({"is", "to", "of", "in", "at", "on", "as", "was"})
_FORM_ENDINGS = frozenset({"s", "n", "an", "ian", "ese", "ish", "i", "es"})


def _spelling_of_one_name(a: str, b: str) -> bool:
    """Two spellings of one name: Niño/Nino, Türkiye/Turkey, Turkyie/Türkiye, Minor/Minore; not
    Philippines/Philippine (another form), Mont./Montana (an abbreviation) or Bishop/Archbishop."""
    pa, pb = _plain(a), _plain(b)
    if pa == pb or any({pa, pb} <= group for group in ALIASES):
        return False
    if any(name_key(a) == min(group) for group in ALIASES) or pa.rstrip("s") == pb.rstrip("s"):
        return False  # "US" and "Americas": other names, not spellings
    shorter, longer = sorted((fold(pa), fold(pb)), key=len)
    root = shorter.rstrip("aeiou") if len(shorter) > 4 else shorter
    if longer.startswith(root) and (
        longer[len(shorter) :] in _FORM_ENDINGS or longer[len(root) :] in _FORM_ENDINGS
    ):
        return False  # Nicaragua / Nicaraguan, Canada / Canadian: another form of a name
    if longer.startswith(shorter) and (len(longer) - len(shorter) >= 3 or longer[len(shorter) :] in _GLUED):
        return False  # "Endeavourtook", "Endeavouris": a page glued two words
    short, full = sorted((a, b), key=len)
    if _plain(full).startswith(_plain(short)) and (short.endswith(".") or len(_plain(short)) <= 3):
        return False  # an abbreviation
    if name_key(a) == name_key(b):
        return True
    fa, fb = fold(pa), fold(pb)
    return fa[:1] == fb[:1] and min(len(fa), len(fb)) >= 5 and is_spelling_variant(fa, fb)


def _similar_sentences(a_words: list[Token], b_words: list[Token]) -> bool:
    """Most words shared: a replaced name there is a swap, not a rewording."""
    a_keys = [fold(t.text) for t in a_words]
    b_keys = {fold(t.text) for t in b_words}
    shorter = min(len(a_words), len(b_words)) or 1
    return sum(key in b_keys for key in a_keys) >= 0.6 * shorter


def _name_divergences(
    a_text: str, b_text: str, a_taken: list[tuple[int, int]], b_taken: list[tuple[int, int]]
) -> list[Divergence]:
    a_words = [t for t in tokens(a_text) if t.is_word]
    b_words = [t for t in tokens(b_text) if t.is_word]
    found: list[Divergence] = []
    # The same name spelt another way, anywhere in the two sentences: minor. Word by word, so
    # "US Geological Service" is not a spelling of "U.S. Geological Survey".
    a_capitals = [t for t in a_words if t.text[:1].isupper()]
    b_capitals = [t for t in b_words if t.text[:1].isupper()]
    a_plain = {_plain(t.text) for t in a_words}
    b_plain = {_plain(t.text) for t in b_words}
    used_b: set[int] = set()
    for a in a_capitals:
        if _plain(a.text) in b_plain:
            continue
        for index, b in enumerate(b_capitals):
            if (
                index not in used_b
                and _plain(b.text) not in a_plain
                and _spelling_of_one_name(a.text, b.text)
            ):
                used_b.add(index)
                found.append(_name(a_text, b_text, a, b, minor=True))
                break
    if _is_headline(a_words) or _is_headline(b_words) or not _similar_sentences(a_words, b_words):
        return found  # in Title Case every word looks like a name; rewording moves names
    a_names, b_names = _names(tokens(a_text)), _names(tokens(b_text))
    a_keys = {name_key(t.text) for t in a_names + a_words}
    b_keys = {name_key(t.text) for t in b_names + b_words}
    # A different name in the same short slot: a name divergence.
    for run in word_diff(a_text, b_text):
        if run.op != "replace" or run.minor:
            continue
        a_run, b_run = a_text[run.a_start : run.a_end], b_text[run.b_start : run.b_end]
        if max(len(a_run.split()), len(b_run.split())) > NAME_RUN_WORDS:
            continue
        if any(s <= run.a_start < e for s, e in a_taken) or any(s <= run.b_start < e for s, e in b_taken):
            continue  # inside a changed speaker or a quote: reported as attribution or quote
        lost = [n for n in a_names if run.a_start <= n.start < run.a_end and name_key(n.text) not in b_keys]
        gained = [n for n in b_names if run.b_start <= n.start < run.b_end and name_key(n.text) not in a_keys]
        # Rewording moves names around; a swapped name is most of its slot on both sides.
        mostly_names = all(
            2 * sum(len(n.text.split()) for n in names) >= len(side.split())
            for names, side in ((lost, a_run), (gained, b_run))
        )
        abbreviation = any(_plain(n.text).startswith(_plain(g.text)[:3]) for n in lost for g in gained)
        if lost and gained and mostly_names and not abbreviation:
            found.append(
                Divergence(
                    "name",
                    a_run,
                    b_run,
                    run.a_start,
                    run.a_end,
                    run.b_start,
                    run.b_end,
                    a_text=a_run,
                    b_text=b_run,
                )
            )
    return found


def _name(a_text: str, b_text: str, a: Token, b: Token, *, minor: bool) -> Divergence:
    return Divergence(
        "name", a.text, b.text, a.start, a.end, b.start, b.end, minor=minor, a_text=a.text, b_text=b.text
    )


def find_divergences(
    a_text: str, b_text: str, a_before: Sequence[str] = (), b_before: Sequence[str] = ()
) -> list[Divergence]:
    """Numbers, dates, speakers, names and quotations on which two matched sentences disagree.

    ``a_before`` and ``b_before`` are the previous sentences of each source, nearest first; they
    resolve "the spokesperson said" to the speaker named earlier.
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
    found += _name_divergences(a_text, b_text, a_taken, b_taken)
    return found
