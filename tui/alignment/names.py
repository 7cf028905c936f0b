"""Names two versions of a claim disagree on: a different person, place or organisation, or the
same name spelt another way (Türkiye/Turkey, Kariņš/Karins, Niño/Nino), which is ``minor``.

Compared word by word for spellings, and by replaced runs of the word diff for swaps, only in
sentences that are otherwise the same: rewording moves names around without changing them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from tui.alignment.diff import is_spelling_variant, word_diff
from tui.alignment.mentions import calendar_word
from tui.alignment.model import DiffRun, Divergence
from tui.corpus.text import Token, fold, tokens, words

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


def _is_headline(found: Sequence[Token]) -> bool:
    return len(found) >= 4 and sum(t.text[:1].isupper() for t in found) >= 0.6 * len(found)


def _names(all_tokens: Sequence[Token]) -> list[Token]:
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


@lru_cache(maxsize=65536)
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


@lru_cache(maxsize=65536)
def _plain(text: str) -> str:
    """What a reader sees as the spelling: "U.S." is "US", "Rutte's" is "Rutte"."""
    return text.replace("’", "'").strip(".'").removesuffix("'s").replace(".", "").casefold()


_GLUED = frozenset({"is", "to", "of", "in", "at", "on", "as", "was"})
_FORM_ENDINGS = frozenset({"s", "n", "an", "ian", "ese", "ish", "i", "es"})


@lru_cache(maxsize=65536)
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


class _Side(NamedTuple):
    """What name comparison needs of one sentence, worked out once per sentence."""

    words: tuple[Token, ...]
    capitals: tuple[Token, ...]  # capitalised words
    plain: frozenset[str]  # every word as a reader sees its spelling (``_plain``)
    folded: tuple[str, ...]  # every word folded
    headline: bool
    names: tuple[Token, ...]
    keys: frozenset[str]  # ``name_key`` of every name and word


# Each sentence is compared with every other member of its group (bounded like ``text.tokens``).
@lru_cache(maxsize=8192)
def _side(text: str) -> _Side:
    found = words(text)
    names = tuple(_names(tokens(text)))
    return _Side(
        words=found,
        capitals=tuple(t for t in found if t.text[:1].isupper()),
        plain=frozenset(_plain(t.text) for t in found),
        folded=tuple(fold(t.text) for t in found),
        headline=_is_headline(found),
        names=names,
        keys=frozenset(name_key(t.text) for t in names + found),
    )


def prepare_names(text: str) -> None:
    """Work out ``text``'s side of name comparisons ahead (``Alignment.prepare``)."""
    _side(text)


def _similar_sentences(a: _Side, b: _Side) -> bool:
    """Most words shared: a replaced name there is a swap, not a rewording."""
    b_keys = set(b.folded)
    shorter = min(len(a.words), len(b.words)) or 1
    return sum(key in b_keys for key in a.folded) >= 0.6 * shorter


def name_divergences(
    a_text: str,
    b_text: str,
    a_taken: list[tuple[int, int]],
    b_taken: list[tuple[int, int]],
    runs: Sequence[DiffRun] | None = None,
) -> list[Divergence]:
    """Names swapped or spelt another way; runs inside ``a_taken``/``b_taken`` spans are skipped.

    ``runs`` is ``word_diff(a_text, b_text)`` when the caller has it already.
    """
    a, b = _side(a_text), _side(b_text)
    found: list[Divergence] = []
    # The same name spelt another way, anywhere in the two sentences: minor. Word by word, so
    # "US Geological Service" is not a spelling of "U.S. Geological Survey".
    used_b: set[int] = set()
    for a_word in a.capitals:
        if _plain(a_word.text) in b.plain:
            continue
        for index, b_word in enumerate(b.capitals):
            if (
                index not in used_b
                and _plain(b_word.text) not in a.plain
                and _spelling_of_one_name(a_word.text, b_word.text)
            ):
                used_b.add(index)
                found.append(_name(a_word, b_word, minor=True))
                break
    if a.headline or b.headline or not _similar_sentences(a, b):
        return found  # in Title Case every word looks like a name; rewording moves names
    a_names, b_names = a.names, b.names
    a_keys, b_keys = a.keys, b.keys
    # A different name in the same short slot: a name divergence.
    for run in word_diff(a_text, b_text) if runs is None else runs:
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


def _name(a: Token, b: Token, *, minor: bool) -> Divergence:
    return Divergence(
        "name", a.text, b.text, a.start, a.end, b.start, b.end, minor=minor, a_text=a.text, b_text=b.text
    )
