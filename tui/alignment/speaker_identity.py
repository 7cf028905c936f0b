"""Whether two credits name the same speaker: "Mike Fergus" is "FAA spokesman Mike Fergus",
"Jean Mensah" is "Jean Adukwei Mensa", and a generic credit ("officials", "local media") never
contradicts a more specific one. Speakers are found in ``speakers.py``.
"""

from __future__ import annotations

from tui.alignment.mentions import Mention
from tui.alignment.speakers import ALIASES, SPEAKER_NOUNS
from tui.corpus.text import fold

# Credits that name no one in particular: they agree with any more specific credit.
GENERIC = frozenset({"official", "authority", "report", "source", "media", "witness", "resident", "police"})
# Capitalised words that are titles or institutions, not the name of a person or outlet.
_NOT_PERSONAL = frozenset(
    """the a an of and for us u.s britain uk united states national federal administration office
    ministry agency council center centre survey government department president prime minister
    secretary general spokesman spokesperson spokeswoman mr mrs ms dr gov governor maj mayor
    bishop archbishop sheriff news chinese china american british german french civil defense
    management disaster risk reduction aviation geological official""".split()
)


def _personal(mention: Mention) -> set[str]:
    """The names a credit carries: "Fergus" in "FAA spokesman Mike Fergus", "Xinhua"."""
    text = mention.display or mention.text
    names = set()
    for word in text.replace(",", " ").split():
        key = fold(word).strip(".'’()").removesuffix("'s").removesuffix("’s")
        singular = ALIASES.get(key, key)
        if (
            word[:1].isupper()
            and key not in _NOT_PERSONAL
            and singular not in SPEAKER_NOUNS
            and singular not in GENERIC
            and len(key) >= 2
        ):
            names.add(key)
    return names


def _same_name(a: str, b: str) -> bool:
    """One name, perhaps spelt two ways (Mensa/Mensah)."""
    from rapidfuzz import fuzz

    return a == b or (min(len(a), len(b)) >= 4 and a[:1] == b[:1] and fuzz.ratio(a, b) >= 85)


def is_generic(mention: Mention) -> bool:
    """A credit to no one in particular: "officials", "Chinese authorities", "local media" (but
    not "port authority spokeswoman": the head word decides)."""
    words = (mention.display or mention.text).split()
    if not words or _personal(mention):
        return False
    head = fold(words[-1]).strip(".'’,")
    return ALIASES.get(head, head) in GENERIC


def same_speaker(a: Mention, b: Mention) -> bool:
    """True when two speaker mentions credit the same person or body (or one is generic)."""
    a_words, b_words = frozenset(a.value.split()), frozenset(b.value.split())
    if not a_words or not b_words:
        return False
    a_names, b_names = _personal(a), _personal(b)
    shared = {x for x in a_names if any(_same_name(x, y) for y in b_names)}
    a_only = {x for x in a_names if x not in shared}
    b_only = {y for y in b_names if not any(_same_name(x, y) for x in a_names)}
    # "Mike Fergus" is "Fergus", "Jean Mensah" is "Jean Adukwei Mensa"; "Martha Guidoni" is not
    # "Steve Guidoni".
    if shared and (not a_only or not b_only or len(shared) >= 2):
        return True
    if a_words <= b_words or b_words <= a_words:
        return True
    return is_generic(a) or is_generic(b)
