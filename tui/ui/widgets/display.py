"""Article text made safe for one line of a terminal cell, offsets unchanged.

Ingest already turned control characters into visible symbols. What remains dangerous on screen
are the bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): they can reorder
the rest of a terminal line ("Trojan Source"). Each becomes U+FFFD, one character for one, so
offsets computed on the article still point at the same words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.corpus.outlets import Outlet

_SAFE = str.maketrans(
    {
        "\n": " ",
        "\t": " ",
        **{chr(code): "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    }
)


def displayable(text: str) -> str:
    """``text`` with line breaks and tabs as spaces and bidi controls made visible."""
    return text.translate(_SAFE)


def plural(count: int, word: str) -> str:
    """``1 source``, ``2 sources``: a count with its noun in the right number."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def one_line(text: str) -> str:
    """``displayable`` text with runs of spaces collapsed (for list rows and the inspector)."""
    return " ".join(displayable(text).split())


def source_labels(order: list[str], outlets: Mapping[str, Outlet]) -> dict[str, str]:
    """Labels (``S1 CGTN``) for every source, numbered in ``order``; ``source_key`` reads back
    the ``S1`` part."""
    return {source: f"S{n} {outlets[source].name}" for n, source in enumerate(order, start=1)}


def source_key(labels: Mapping[str, str], source: str) -> str:
    """The ``S1`` of a source's label (the source id itself when it has no label)."""
    return labels.get(source, source).split(" ", 1)[0]
