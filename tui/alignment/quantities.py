"""Quantities in a sentence: numbers with their unit, the thing counted and the event they count.

"At least 93 people" is 93 people killed when "killing" is near; "about 500 feet" is 500 ft;
"14 to 17" is a range and "hundreds" a vague count, each agreeing with the numbers it spans;
"two-thirds", "a dozen" and "twenty six" are numbers. Times of day ("8:12 a.m.", "0830 UTC") are
read first and are dates, not numbers. Used by ``mentions.numbers_and_dates``.
"""

from __future__ import annotations

import re

from tui.corpus.text import Token

UNIT_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, float] = {
    **{k: float(v) for k, v in UNIT_WORDS.items() if k != "one"},  # "one" is mostly a pronoun
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, **{k: float(v) for k, v in TENS.items()},
    "hundred": 100, "thousand": 1000, "dozen": 12, "twice": 2, "half": 0.5,
}  # fmt: skip
# Vague counts and the numbers they agree with.
VAGUE: dict[str, tuple[float, float]] = {
    "dozens": (24, 150), "scores": (40, 200), "hundreds": (200, 999), "thousands": (2000, 9999)
}  # fmt: skip
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
}
_MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
QUALIFIERS = (
    "more than", "less than", "fewer than", "at least", "up to", "as many as", "nearly", "almost",
    "about", "around", "approximately", "roughly", "some", "over", "under", "at most",
)  # fmt: skip
# Units, folded to one spelling each: a number is compared only with a number in the same unit.
UNITS = {
    "feet": "ft", "foot": "ft", "ft": "ft", "mile": "mi", "miles": "mi", "mi": "mi", "km": "km",
    "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km", "kilomters": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "mph": "mph", "kph": "kph", "percent": "%",
    "magnitude": "magnitude", "year-old": "age", "km/h": "kph", "years": "years", "year": "years",
    "days": "days", "weeks": "weeks", "week": "weeks", "months": "months",
    "hours": "hours", "minutes": "minutes", "dollars": "usd", "euros": "eur", "degrees": "degrees",
    "votes": "votes", "seats": "seats",
}  # fmt: skip
# What a count counts, by the verb near it (stem prefix -> event).
_DIGITS_RE = re.compile(r"^\d+(?:[.,]\d+)*")
_TIME_RE = re.compile(
    r"(?<![\w:.])(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\b\.?)?(?:\s*\(?\s*(GMT|UTC|ET|EST|EDT|PT|CET|BST)\b)?"
    r"|(?<![\w:.])(\d{4})\s*(GMT|UTC)\b",
    re.IGNORECASE,
)


def number_value(text: str) -> float | None:
    """The number a digit string starts with: "1,800" is 1800, "6.1-magnitude" is 6.1."""
    match = _DIGITS_RE.match(text)
    if match is None:
        return None
    digits = match.group(0)
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", digits):
        digits = digits.replace(",", "")
    digits = digits.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def show(value: float) -> str:
    """A number as compared and shown: 93, 6.1, 0.667."""
    return str(int(value)) if value == int(value) else f"{value:.3g}"


def times(text: str, words: list[Token], used: set[int]) -> list[tuple[int, int, str, str]]:
    """Times of day as (start, end, "hh:mm", zone); their words are marked used."""
    found = []
    for match in _TIME_RE.finditer(text):
        if match.group(5):
            hour, minute, zone = int(match.group(5)[:2]), int(match.group(5)[2:]), match.group(6).upper()
        else:
            hour, minute = int(match.group(1)), int(match.group(2))
            meridiem, zone = (match.group(3) or "").lower(), (match.group(4) or "").upper()
            if not meridiem and not zone and ":" not in match.group(0):
                continue  # "3.45" is a number, not a time
            if meridiem == "p" and hour < 12:
                hour += 12
        if hour > 24 or minute > 59:
            continue
        end = match.end()
        found.append((match.start(), end, f"{hour}:{minute:02d}", zone))
        used.update(i for i, w in enumerate(words) if match.start() <= w.start < end)
    return found


def _identifier(words: list[Token], index: int, text: str = "") -> bool:
    """ "Expedition 16", "Branch 112", "Flight 370": a number that is part of a name."""
    if index == 0:
        return False
    before = words[index - 1]
    if text and text[before.end : words[index].start].strip():
        return False  # "Cebu; 144 Dead": punctuation between
    return (
        before.text[:1].isupper()
        and index - 1 > 0
        and before.norm not in _MONTH_WORDS
        and before.norm not in UNITS
        and not before.text.isupper()  # "NATO 2030" is a year; "COVID 19" a name either way
    )


_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr "
    "jun jul aug sep sept oct nov dec".split()
)


def _word_value(norm: str, following: str) -> tuple[float | None, int]:
    """The value of a number word (and how many words it takes: "twenty six" is two)."""
    if norm in TENS and following in UNIT_WORDS:
        return TENS[norm] + UNIT_WORDS[following], 2
    if "-" in norm:
        parts = norm.split("-")
        if len(parts) == 2 and parts[0] in UNIT_WORDS and parts[1] in _FRACTIONS:
            return UNIT_WORDS[parts[0]] / _FRACTIONS[parts[1]], 1
        if all(part in NUMBER_WORDS or part in UNIT_WORDS for part in parts):
            return sum(NUMBER_WORDS.get(part, UNIT_WORDS.get(part, 0)) for part in parts), 1
    if norm in NUMBER_WORDS:
        return NUMBER_WORDS[norm], 1
    return None, 1


class Quantity:
    """A number, range or vague count found in a sentence (word indexes first:last)."""

    __slots__ = ("first", "high", "last", "low", "unit", "value")

    def __init__(self, first: int, last: int, value: str, low: float, high: float, unit: str) -> None:
        self.first, self.last, self.value = first, last, value
        self.low, self.high, self.unit = low, high, unit


def quantities(text: str, words: list[Token], used: set[int]) -> list[Quantity]:
    """Every number of the sentence not already read as a date or time."""
    found: list[Quantity] = []
    index = 0
    while index < len(words):
        token, norm = words[index], words[index].norm
        if index in used:
            index += 1
            continue
        value: float | None = None
        unit = ""
        span = 1
        following = words[index + 1].norm if index + 1 < len(words) else ""
        if token.text[:1].isdigit() and _identifier(words, index, text):
            index += 1
            continue
        if token.text[:1].isdigit():
            value = number_value(token.text)
            suffix = token.text.lower().split("-", 1)[1] if "-" in token.text else ""
            unit = UNITS.get(suffix, UNITS.get(suffix.split("-", 1)[-1], "")) if suffix else ""
            glued = re.sub(r"^[\d.,]+", "", token.text.lower())  # "155mph", "250km"
            if not unit and glued:
                unit = UNITS.get(glued, "")
            # "6, 214, 889": digit groups a page spaced out
            spaced = re.match(r"\d{1,3}(?:,\s\d{3})+\b", text[token.start :])
            if spaced and value is not None:
                value = float(spaced.group(0).replace(",", "").replace(" ", ""))
                while span < len(words) - index and words[index + span].end <= token.start + spaced.end():
                    span += 1
        elif "-" in token.text and token.text.split("-", 1)[1][:1].isdigit():  # "magnitude-6.1"
            prefix, digits = token.text.lower().split("-", 1)
            if prefix in UNITS:  # "STS-123", "Covid-19" are names, not quantities
                value = number_value(digits)
                unit = UNITS[prefix]
        elif norm in VAGUE:
            vague_low, vague_high = VAGUE[norm]
            found.append(Quantity(index, index + 1, norm, vague_low, vague_high, ""))
            index += 1
            continue
        else:
            value, span = _word_value(norm, following)
        if value is None:
            index += 1
            continue
        last = index + span
        if last < len(words) and words[last].norm in _MULTIPLIERS:
            value *= _MULTIPLIERS[words[last].norm]
            last += 1
        low = high = float(value)
        # "14 to 17", "14-17 people": one range.
        if last + 1 < len(words) and words[last].norm == "to" and words[last + 1].text[:1].isdigit():
            other = number_value(words[last + 1].text)
            if other is not None and other > value:
                high, last = other, last + 2
        if not unit and last < len(words):
            unit = UNITS.get(words[last].norm, "")
            if words[last].norm == "per" and last + 1 < len(words) and words[last + 1].norm == "cent":
                unit = "%"
        if not unit and index > 0 and words[index - 1].norm == "magnitude":
            unit = "magnitude"
        if not unit and text[words[last - 1].end : words[last - 1].end + 1] == "%":
            unit = "%"
        shown = f"{show(low)}-{show(high)}" if high != low else show(value)
        found.append(Quantity(index, last, shown, low, high, unit))
        used.update(range(index, last))
        index = last
    return found


def qualifier_start(text: str, words: list[Token], first: int) -> int:
    """The first word of "at least", "some", "a" before a number at ``words[first]``."""
    lowered = text[: words[first].start].lower()
    for qualifier in QUALIFIERS:
        if re.search(rf"\b{qualifier}\s+(an?\s+)?$", lowered):
            start_of = lowered.rfind(qualifier)
            while first > 0 and words[first - 1].start >= start_of:
                first -= 1
            return first
    if (
        first > 0
        and words[first - 1].norm in {"a", "an"}
        and words[first].norm in {"dozen", "hundred", "thousand"}
    ):
        return first - 1
    return first
