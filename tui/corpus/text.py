"""Text normalisation and word tokens shared by alignment and diffing.

Matching works on a normalised form (case, quote styles, diacritics and punctuation folded away)
while everything a user sees keeps the article's own characters. Tokens keep their offsets so a
diff computed on normalised words can be drawn on the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# The page store some texts come from writes "date 2022-06-15 " before a page's first line.
STORE_DATE_RE = re.compile(r"\s*date \d{4}-\d{2}-\d{2}\s+")


def without_store_date(line: str) -> str:
    """The line without a page store's "date YYYY-MM-DD" prefix, which no page printed."""
    return STORE_DATE_RE.sub("", line, count=1) if line.lstrip().startswith("date ") else line


_CLOSERS = "\"'”’)]"


def ends_sentence(line: str) -> bool:
    """Whether a (stripped) line ends with a sentence mark, maybe inside quotes or brackets."""
    return line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


# A word: letters/digits, allowing inner apostrophes, dots, commas in numbers and hyphens
# ("Stoltenberg's", "U.S.", "1,000", "57-year-old"). Anything else that is not space is
# punctuation and becomes its own token, so the diff can show a changed quote mark or comma.
_TOKEN_RE = re.compile(r"\w+(?:['’.,\-]\w+)*\.?|[^\w\s]", re.UNICODE)

# Characters that differ between outlets only by typography.
_TYPOGRAPHY = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)


class Token(NamedTuple):
    """One word or punctuation mark, with its span in the text it came from.

    A named tuple rather than a frozen dataclass: a corpus has millions of tokens, and a tuple is
    made several times faster (tokenising was half the time of building the aligner's nodes).
    """

    text: str
    start: int
    end: int
    norm: str
    # True for words and numbers, False for punctuation marks. A field, not a property: diffs,
    # divergences and term extraction ask it of every token of every pair (millions of times).
    is_word: bool = True


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Fold one word for comparison: typography, diacritics and case removed."""
    word = word.translate(_TYPOGRAPHY)
    decomposed = unicodedata.normalize("NFKD", word)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def tokens(text: str) -> list[Token]:
    """Split text into word and punctuation tokens with offsets into ``text``."""
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, bool]:
    """(norm, is_word) of one token's text: the same words come back in every sentence."""
    norm = fold(word)
    # "U.S." and "US" are the same word to a reader; trailing dots are sentence ends.
    if len(norm) > 1 and ("." in norm or "'" in norm):
        norm = norm.replace(".", "").replace("'s", "").replace("'", "")
    # A word starts like ``\w`` (alphanumeric or "_"); anything else is a punctuation mark.
    first = word[:1]
    return norm, first.isalnum() or first == "_"


_new_tuple = tuple.__new__  # a Token made without the generated ``__new__`` in Python: 2x faster


# Term extraction, normalisation, and each word diff and divergence check of a pair tokenise the
# same sentence again and again, close together (a group's pairs are compared one after another):
# a small cache serves them. Bounded, so a 1,000-article corpus does not keep every token alive.
@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[Token, ...]:
    result = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        result.append(_new_tuple(Token, (word, match.start(), match.end(), *_word(word))))
    return tuple(result)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[Token, ...]:
    """The word tokens of ``text`` (punctuation left out), cached like ``tokens``."""
    return tuple(t for t in _tokens(text) if t.is_word)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    """The matching form of a sentence: folded words only, single-spaced."""
    return " ".join(t.norm for t in tokens(text) if t.is_word and t.norm)


def clear_caches() -> None:
    """Empty the caches of sentences' tokens and normal forms (each word's stay: they are few)."""
    _tokens.cache_clear()
    words.cache_clear()
    normalise.cache_clear()


# C0 and C1 controls except tab and newline, and lone surrogates (a non-UTF-8 file name decoded
# with surrogateescape; such a string cannot even be encoded for a terminal).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_LINE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]")


def _visible_control(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC and so on
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` safe to print or show: control characters (ESC, BEL, C1) as visible pictures,
    lone surrogates as U+FFFD. Tabs and newlines stay, unless ``one_line`` (file names, ids).

    Every string from outside (article text, imported annotations, file names, paths) goes
    through this before it reaches a terminal, a toast or a label.
    """
    return (_LINE_RE if one_line else _CONTROL_RE).sub(_visible_control, text)
