"""What a sentence states that a fact-checker checks: numbers, dates, speakers and quotations.

Each mention carries its text as written, its offsets in the sentence, a comparison value (a number
as digits, a date as ``thursday`` or ``february 22``, a speaker folded to its head words) and the
context words around it (``anchors``), so two sentences' mentions are compared only when they are
about the same thing ("12 injured" against "21 injured", not against "a July summit"). Dates are
read before numbers, so "March 3" or "2023" never count as quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tui.alignment.context import place_near, thing_after, verb_near, word_before
from tui.alignment.quantities import NUMBER_WORDS, qualifier_start, quantities, times
from tui.corpus.text import Token, fold, normalise, tokens

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(
    "january february march april may june july august september october november december".split()
)
_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS if m != "may"} | {"sept": "september"}
_RELATIVE_DAYS = frozenset({"today", "yesterday", "tomorrow", "tonight"})
_DIGITS_RE = re.compile(r"^\d+(?:[.,]\d+)*")
_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
_GLUED_YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)(?=[A-Z])")
_DIGIT_RE = re.compile(r"\d")
_DAY_RE = re.compile(r"^([0-3]?\d)(?:st|nd|rd|th)?$")
_OPEN = r"(?:``|[\"“„«])"
_CLOSE = r"(?:''|[\"”»])"
_QUOTE_RE = re.compile(rf"(?<!\w){_OPEN}(?=\S)((?:(?!{_OPEN}|{_CLOSE}).){{2,}}?)(?<=\S){_CLOSE}(?!\w)")
_OPEN_RE = re.compile(rf"(?<!\w){_OPEN}(?=\w)")
_CLOSE_RE = re.compile(rf"(?<=\S){_CLOSE}(?!\w)")
_ANY_MARK_RE = re.compile(rf"{_OPEN}|{_CLOSE}")
_BRACKETS_RE = re.compile(r"\s*[(\[][^)\]]*[)\]]")

STOPWORDS = frozenset(
    """a an the and or but of to in on at by for from with as is was were be been being has have had
    that which who whom this these those it its their his her he she they we i you not no than then
    there also still all any some more most less about after before during since until while when
    over under into onto up down out off per via than so such would will could can may might must
    should do does did""".split()
)
_SUFFIXES = ("ing", "ed", "es", "s", "ly")
# Verbs that mean the same event, so "backed on Thursday" and "supported on Wednesday" meet.
_EVENT_SYNONYMS = {
    "support": "back", "endors": "back", "back": "back", "said": "say", "says": "say", "told": "say",
    "tell": "say", "say": "say", "kill": "kill", "die": "kill", "dead": "kill", "injur": "injur",
    "hurt": "injur", "wound": "injur", "evacuat": "evacuat", "elect": "elect", "win": "win", "won": "win",
}  # fmt: skip


def stem(word: str) -> str:
    """A crude stem for matching context words: ``backed``/``backing`` -> ``back``."""
    word = fold(word).strip("'.")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    word = word[:7]
    for prefix, canonical in _EVENT_SYNONYMS.items():
        if word.startswith(prefix):
            return canonical
    return word


@dataclass(frozen=True, slots=True)
class Mention:
    """A number, date, speaker or quotation in a sentence, with where it is."""

    type: str  # "number", "date", "attribution" or "quote"
    value: str  # what is compared: "16", "thursday", "february 22", "britain foreign office"
    text: str  # as written, for display
    start: int
    end: int
    grain: str = ""  # dates: "weekday", "day", "month", "year" or "relative"
    anchors: frozenset[str] = field(default_factory=frozenset)
    display: str = ""  # a speaker resolved from an earlier sentence ("the spokesperson" -> whom)
    unit: str = ""  # numbers: "ft", "km", "magnitude", "%"; times: the zone ("UTC") or ""
    low: float = 0.0  # numbers: the span of values stated ("14 to 17", "hundreds")
    high: float = 0.0
    verb: str = ""  # numbers: the event counted ("kill", "injur") when a verb is near
    thing: str = ""  # numbers: the thing counted ("people", "home")
    place: str = ""  # numbers: the name in the value's own clause ("15 in Cebu province": Cebu)
    before: str = ""  # numbers: the content word just before ("population of about 429,000")

    @property
    def label(self) -> str:
        """How the value is shown: the resolved speaker, else the text as written."""
        return self.display or self.text


@lru_cache(maxsize=65536)
def calendar_word(norm: str) -> str | None:
    """The weekday or month a word names (tolerating a typo like ``Wednesady``), or None."""
    norm = norm.rstrip(".")
    if norm in WEEKDAYS or norm in MONTHS:
        return norm
    if norm in _MONTH_ABBREVIATIONS:
        return _MONTH_ABBREVIATIONS[norm]
    if len(norm) >= 6:
        from rapidfuzz import fuzz

        for day in WEEKDAYS:
            if sorted(norm) == sorted(day) or fuzz.ratio(norm, day) >= 85:
                return day
    return None


# Qualifiers and number words say nothing about what a value is about.
_NOT_ANCHORS = frozenset(
    {"least", "approximately", "nearly", "almost", "around", "roughly", "some"}
) | frozenset(NUMBER_WORDS)


def _anchors(words: list[Token], first: int, last: int, reach: int = 7) -> frozenset[str]:
    """Stems of the content words nearest to ``words[first:last]`` on each side.

    A name keeps its capital ("Cebu"), so a shared place or person weighs more than a shared word;
    in a headline in Title Case no word counts as a name.
    """
    found: set[str] = set()
    headline = len(words) >= 3 and sum(w.text[:1].isupper() for w in words) >= 0.6 * len(words)
    for step, start in ((-1, first - 1), (1, last)):
        taken = 0
        index = start
        while 0 <= index < len(words) and abs(index - start) < reach and taken < 3:
            norm = words[index].norm
            if (
                norm not in STOPWORDS
                and norm not in _NOT_ANCHORS
                and not _DIGITS_RE.match(norm)
                and calendar_word(norm) is None
            ):
                named = words[index].text[:1].isupper() and index > 0 and not headline
                found.add(norm.capitalize() if named else stem(norm))
                taken += 1
            index += step
    return frozenset(found)


def _dates(text: str, words: list[Token], used: set[int]) -> list[Mention]:
    found: list[Mention] = []
    for index, token in enumerate(words):
        if index in used:
            continue
        norm = token.norm
        day = calendar_word(norm)
        capitalised = token.text[:1].isupper()
        if day in WEEKDAYS and (capitalised or norm in WEEKDAYS):
            found.append(_date(text, words, index, index + 1, day, "weekday"))
            used.add(index)
        elif day in MONTHS and capitalised:
            first, last, value, grain = index, index + 1, day, "month"
            after = words[index + 1].text if index + 1 < len(words) else ""
            before = words[index - 1].text if index > 0 else ""
            before2 = words[index - 2].text if index > 1 else ""
            if _DAY_RE.match(after):
                value, grain, last = f"{day} {int(_DAY_RE.match(after).group(1))}", "day", index + 2  # type: ignore[union-attr]
            elif before.lower() == "of" and _DAY_RE.match(before2):
                value, grain, first = f"{day} {int(_DAY_RE.match(before2).group(1))}", "day", index - 2  # type: ignore[union-attr]
            elif _DAY_RE.match(before) and index > 0 and index - 1 not in used:
                value, grain, first = f"{day} {int(_DAY_RE.match(before).group(1))}", "day", index - 1  # type: ignore[union-attr]
            if last < len(words) and _YEAR_RE.match(words[last].norm):
                value, last = f"{value} {words[last].norm}", last + 1
            found.append(_date(text, words, first, last, value, grain))
            used.update(range(first, last))
        elif norm in _RELATIVE_DAYS:
            found.append(_date(text, words, index, index + 1, norm, "relative"))
            used.add(index)
    # A year is written with digits: a sentence without any has none (most sentences). Folding
    # may make digits of other characters ("¹⁹⁹⁹"), but not in ASCII text.
    for index, token in enumerate(words if _DIGIT_RE.search(text) or not text.isascii() else ()):
        glued = _GLUED_YEAR_RE.match(token.text)  # "2014Chinese": a page lost a line break
        if index not in used and (_YEAR_RE.match(token.norm) or glued):
            year = glued.group(1) if glued else token.norm
            found.append(_date(text, words, index, index + 1, year, "year"))
            used.add(index)
    return found


def _trimmed(text: str, token: Token) -> int:
    """End of ``token`` without a sentence's full stop or a possessive ("November's")."""
    end = token.end
    for suffix in ("'s", "’s", "."):
        if text[token.start : end].endswith(suffix) and end - len(suffix) > token.start:
            end -= len(suffix)
    return end


def _anchors_at(words: list[Token], start: int, end: int) -> frozenset[str]:
    inside = [i for i, w in enumerate(words) if start <= w.start < end]
    return _anchors(words, inside[0], inside[-1] + 1) if inside else frozenset()


def _date(text: str, words: list[Token], first: int, last: int, value: str, grain: str) -> Mention:
    start, end = words[first].start, _trimmed(text, words[last - 1])
    return Mention(
        "date",
        value,
        text[start:end],
        start,
        end,
        grain,
        _anchors(words, first, last),
        verb=_event_of(words, first, last),
    )


# Events a date goes with: "the election Monday" and "announced on Wednesday" are two dates.
_DATE_EVENTS = {
    "elect": "elect", "vote": "elect", "poll": "elect", "announc": "announce", "declar": "announce",
    "sign": "sign", "struck": "strike", "strik": "strike", "hit": "strike", "land": "strike",
    "back": "back", "support": "back", "endors": "back", "launch": "launch", "arrest": "arrest",
}  # fmt: skip


def _event_of(words: list[Token], first: int, last: int, reach: int = 3) -> str:
    """The event word nearest a date, within ``reach`` words ("" when none)."""
    best, distance = "", reach + 1
    for index in range(max(0, first - reach), min(len(words), last + reach)):
        if first <= index < last:
            continue
        gap = first - index if index < first else index - last + 1
        for prefix, event in _DATE_EVENTS.items():
            if words[index].norm.startswith(prefix) and gap < distance:
                best, distance = event, gap
    return best


def _numbers(text: str, words: list[Token], used: set[int]) -> list[Mention]:
    found: list[Mention] = []
    for quantity in quantities(text, words, used):
        first = qualifier_start(text, words, quantity.first)
        start, end = words[first].start, _trimmed(text, words[quantity.last - 1])
        if end < len(text) and text[end] == "%":
            end += 1
        found.append(
            Mention(
                "number",
                quantity.value,
                text[start:end],
                start,
                end,
                "",
                _anchors(words, quantity.first, quantity.last),
                unit=quantity.unit,
                low=quantity.low,
                high=quantity.high,
                verb=verb_near(text, words, quantity.first, quantity.last),
                thing=thing_after(words, quantity.last, text),
                place=place_near(text, words, quantity.first, quantity.last),
                before=word_before(words, first),
            )
        )
    return found


def _quotes_uncached(text: str) -> list[Mention]:
    """Quotations (words inside quotation marks), compared without editors' brackets.

    An opening mark is followed by a word and a closing mark follows one, so a stray mark (a page
    that lost its line breaks) does not swallow the text between two quotations. A quotation left
    open at the end of the sentence runs to its end ("I have never felt such strong tremors
    before." with the rest in the next sentence), and one closed at its start begins there.
    """
    found = []
    spans = [(match.start(1), match.end(1)) for match in _QUOTE_RE.finditer(text)]
    covered = [(match.start(), match.end()) for match in _QUOTE_RE.finditer(text)]
    # An opening mark outside every closed quotation: it runs to the next mark or the end.
    for opener in _OPEN_RE.finditer(text):
        if any(start <= opener.start() < end for start, end in covered):
            continue
        following = [m.start() for m in _ANY_MARK_RE.finditer(text, opener.end())]
        end = following[0] if following else len(text.rstrip())
        spans.append((opener.end(), end))
    if not spans:
        closer = _CLOSE_RE.search(text)
        if closer is not None:
            spans.append((0, closer.start()))
    for start, end in spans:
        inner = text[start:end]
        value = normalise(_BRACKETS_RE.sub("", inner))
        if len(value.split()) < 2:
            continue  # a quoted single word is a term, not a quotation
        stripped = inner.strip()
        offset = start + inner.find(stripped)
        found.append(Mention("quote", value, stripped, offset, offset + len(stripped)))
    return sorted(found, key=lambda m: m.start)


def truncated(text: str) -> bool:
    """A sentence the page store cut off mid-way (no closing punctuation after many words)."""
    stripped = text.rstrip()
    return len(stripped.split()) >= 8 and stripped[-1:] not in set(".!?\"”’'»)…")


def _numbers_and_dates_uncached(text: str) -> list[Mention]:
    """Dates (read first, so they are never numbers), then numbers, in sentence order."""
    words = [t for t in tokens(text) if t.is_word]
    used: set[int] = set()
    found = [
        Mention(
            "date",
            value,
            text[start:end].strip(),
            start,
            end,
            "time",
            _anchors_at(words, start, end),
            unit=zone,
        )
        for start, end, value, zone in times(text, words, used)
    ]
    found += _dates(text, words, used) + _numbers(text, words, used)
    return sorted(found, key=lambda m: m.start)


@lru_cache(maxsize=16384)
def _numbers_and_dates_cached(text: str) -> tuple[Mention, ...]:
    return tuple(_numbers_and_dates_uncached(text))


def numbers_and_dates(text: str) -> list[Mention]:
    """Dates, then numbers, in sentence order; cached per sentence (each is compared with many)."""
    return list(_numbers_and_dates_cached(text))


@lru_cache(maxsize=16384)
def _quotes_cached(text: str) -> tuple[Mention, ...]:
    return tuple(_quotes_uncached(text))


def quotes(text: str) -> list[Mention]:
    """Quotations; cached per sentence (each sentence is compared with many)."""
    return list(_quotes_cached(text))
