"""A compared pair as the alignment JSON writes it: encoded straight from the comparison's values
(``PairRecords``), or as a plain dict (``divergence_json`` for its divergences)."""

from __future__ import annotations

from json.encoder import encode_basestring, encode_basestring_ascii
from typing import TYPE_CHECKING, Any

from tui.alignment.indented_json import Encoded, Record, joined
from tui.alignment.model import Divergence, PairComparison

if TYPE_CHECKING:
    from tui.alignment.result import Alignment


class PairRecords:
    """``Alignment._pair_json`` encoded at ``level`` from the comparison's values (see
    ``indented_json.Record``): a pair's many small lists and dicts are most of the groups' JSON."""

    def __init__(self, level: int, ensure_ascii: bool) -> None:
        self.level = level
        self.pair = Record(
            ("a", "b", "score", "kind", "diff", "divergences"), level=level, ensure_ascii=ensure_ascii
        )
        self.member = Record(("source", "sentence"), level=level + 1, ensure_ascii=ensure_ascii)
        self.divergence = Record(DIVERGENCE_KEYS, level=level + 2, ensure_ascii=ensure_ascii)
        self.joined = joined
        self.string = encode_basestring_ascii if ensure_ascii else encode_basestring

    def __call__(self, alignment: Alignment, pair: PairComparison) -> Encoded:
        a_text, b_text = alignment.sentence(pair.a).text, alignment.sentence(pair.b).text
        level, joined, string = self.level, self.joined, self.string
        runs = [
            joined(
                [
                    string(run.op),
                    string(a_text[run.a_start : run.a_end]),
                    string(b_text[run.b_start : run.b_end]),
                ]
                + (['"minor"'] if run.minor else []),
                level=level + 2,
            )
            for run in pair.diff
        ]
        divergences = [self.divergence(divergence_values(d)) for d in pair.divergences]
        return self.pair(
            (
                self.member((pair.a.source, pair.a.sentence)),
                self.member((pair.b.source, pair.b.sentence)),
                pair.score,
                str(pair.kind),
                joined(runs, level=level + 1),
                joined(divergences, level=level + 1),
            )
        )


DIVERGENCE_KEYS = ("type", "a", "b", "a_span", "b_span", "a_text", "b_text", "minor")


def divergence_values(divergence: Divergence) -> tuple[Any, ...]:
    return (
        divergence.type,
        divergence.a,
        divergence.b,
        [divergence.a_start, divergence.a_end],
        [divergence.b_start, divergence.b_end],
        divergence.a_text,
        divergence.b_text,
        divergence.minor,
    )


def divergence_json(divergence: Divergence) -> dict[str, Any]:
    """A divergence as documented in the README: type, both values, their spans, minor."""
    return dict(zip(DIVERGENCE_KEYS, divergence_values(divergence), strict=True))
