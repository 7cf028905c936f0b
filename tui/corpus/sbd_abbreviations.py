"""pySBD's English rules with its abbreviation search made cheaper, to the same output.

pySBD (0.3) protects the period of an abbreviation ("Gen.", "Jan.", "No.") by looking for each
of its 188 abbreviations in every paragraph: a substring test, then two regular expressions and a
substitution over the whole paragraph per occurrence. That search was half of pySBD's time on
news text. ``FastEnglish`` is pySBD's ``English`` with a ``search_for_abbreviations_in_string``
that does the same substitutions in the same order, and skips only work that cannot change the
text:

- An abbreviation's substitutions each replace a period right after it ("gen" -> "Gen." or
  "GEN."), so one that the paragraph never has with a period after it (in any case) is skipped.
  Case is compared the way ``re.IGNORECASE`` does, which also matches four letters outside ASCII
  to ASCII ones (``_FOLDED``).
- Its substitutions depend only on the occurrence's text (pySBD's look at the next word's case
  reads a pattern that matches only a literal "{": a paragraph with one takes pySBD's own path),
  and a substitution repeated changes nothing (it only turns periods into another character, and
  needs a period where it replaces one), so each distinct occurrence ("Gen", "GEN") is substituted
  once instead of once per occurrence.
- Its patterns are compiled once, not looked up in ``re``'s cache per paragraph.

``tests/unit/corpus/test_sbd_abbreviations.py`` checks the result equals pySBD's on every text in
the repository, the Golden Rules and generated ones.
"""

from __future__ import annotations

import re
from typing import Any

from pysbd.lang.english import English

# Characters outside ASCII that ``re.IGNORECASE`` matches to an ASCII letter (found by trying
# every code point: the test does it again), each with that letter.
_FOLDED = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _plain(abbreviation: str) -> bool:
    """An abbreviation of letters and digits only: its patterns read it literally."""
    return re.fullmatch(r"[a-z0-9]+", abbreviation) is not None


# (stripped abbreviation, with a period after it, plain, the pattern of its occurrences), in
# pySBD's order: the substitutions are made in the same order.
_ABBREVIATIONS: list[tuple[str, str, bool, re.Pattern[str]]] = [
    (
        abbreviation.strip(),
        abbreviation.strip() + ".",
        _plain(abbreviation.strip()),
        re.compile(r"(?:^|\s|\r|\n){}".format(abbreviation.strip()), flags=re.IGNORECASE),  # noqa: UP032  # pySBD's pattern, as it builds it
    )
    for abbreviation in English.Abbreviation.ABBREVIATIONS
]


class FastAbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]  # pySBD has no hints
    """pySBD's English abbreviation replacer, with the search described in the module's doc."""

    def search_for_abbreviations_in_string(self, text: str) -> str:
        if "{" in text:  # pySBD's next-word pattern could match: its own path
            return str(super().search_for_abbreviations_in_string(text))
        lowered = text.lower()
        folded = text.translate(_FOLDED).lower()
        for stripped, with_period, plain, occurrences in _ABBREVIATIONS:
            if stripped not in lowered or (plain and with_period not in folded):
                continue
            done: set[str] = set()
            for occurrence in occurrences.findall(text):
                key = occurrence.strip()
                if key not in done:
                    done.add(key)
                    # No next character: pySBD's pattern for it finds none without a "{".
                    text = self.scan_for_replacements(text, occurrence, 0, [])
        return text


class FastEnglish(English):  # type: ignore[misc]  # pySBD has no hints
    """pySBD's English, with ``FastAbbreviationReplacer``."""

    AbbreviationReplacer = FastAbbreviationReplacer


def fast_english() -> Any:
    """The language module to give a ``pysbd.Segmenter`` (its ``language_module``)."""
    return FastEnglish
