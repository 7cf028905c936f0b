"""Numbers as terms: the figures and number words of a sentence, each written one way whatever
way an outlet wrote it ("6,730,413" and "6.7 million", "Thirty-three" and "33" come out the same),
and years kept apart from counts."""

from __future__ import annotations

from collections.abc import Sequence

from tui.alignment.quantities import TENS, UNIT_WORDS

NUMBER_VALUES = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "dozen": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
}

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def spelled_number(word: str) -> float | None:
    """The value of a folded number word ("fifteen", "thirty-three"), else None."""
    if word in NUMBER_VALUES:
        return float(NUMBER_VALUES[word])
    tens, _, unit = word.partition("-")
    if tens in TENS and unit in UNIT_WORDS:
        return float(TENS[tens] + UNIT_WORDS[unit])
    return None


# Words a count follows ("about 1500 soldiers", "more than 2000 homes"): such a four-digit figure
# is rounded like any number, so that it meets "1,500". Any other is read as a year: 2004 and 2007
# are different years, not "about 2,000" (a context list of words before a year was measured and
# lost: seeds 0.836 -> 0.822, "the NATO 2030 vision", "1991-2002").
_BEFORE_A_COUNT = frozenset(
    "about around some nearly almost over than least approximately roughly estimated another".split()
)


def number_term(word: str, scale_word: str | None, year: bool = False) -> str | None:
    """A number as a term rounded to two significant figures ("6,730,413" and "6.7 million" meet);
    a four-digit figure that may be a ``year`` exactly."""
    value = spelled_number(word)
    if value is None:
        # The written form may carry a possessive ("2024's", "2024’s"); folding turned "’" into "'".
        written = word.replace("\u2019", "'").removesuffix("'s").rstrip("'")
        try:
            value = float(written.replace(",", "").rstrip("."))
        except ValueError:
            return None
    scale = _SCALES.get(scale_word or "", 1.0)
    possessive = word.endswith(("'s", "\u2019s"))
    if (
        (year or possessive)
        and scale == 1.0
        and value.is_integer()
        and word[:4].isdigit()
        and not word[4:5].isdigit()
        and 1000 <= value <= 2100
    ):
        return f"#{value:.0f}"  # a year: 2004 and 2007 are different years, not "about 2,000"
    return "#" + f"{value * scale:.2g}"


def number_at(words: Sequence[tuple[str, str, int]], position: int) -> tuple[str | None, int]:
    """The number term of the (written, folded, offset) word at ``position`` and how many words it
    takes ("twenty six" is two); (None, 1) when it is not a number."""
    surface, word, _ = words[position]
    spelled = spelled_number(word)
    if not word[:1].isdigit() and spelled is None:
        return None, 1
    taken = 1
    following = words[position + 1][1] if position + 1 < len(words) else None
    # "Twenty six" is 26, as "twenty-six" is; "twenty, one of them" is not.
    if word in TENS and following in UNIT_WORDS and _spaced_pair(words, position):
        word, taken = f"{word}-{following}", 2
        following = words[position + 2][1] if position + 2 < len(words) else None
    year = position == 0 or words[position - 1][1] not in _BEFORE_A_COUNT
    # The written form: the folded one has lost its decimal point ("6.1" -> "61").
    number = number_term(word if spelled is not None else surface, following, year)
    return (number, taken) if number is not None else (None, 1)


def _spaced_pair(words: Sequence[tuple[str, str, int]], position: int) -> bool:
    """Are the word at ``position`` and the next one a single space apart ("twenty six", not
    "twenty, one")?"""
    surface, _, offset = words[position]
    return words[position + 1][2] == offset + len(surface) + 1
