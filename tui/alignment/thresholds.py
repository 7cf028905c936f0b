"""The score thresholds that decide matching and kinds, and the one kind ladder."""

from __future__ import annotations

from dataclasses import dataclass

from tui.corpus.model import Kind


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Score thresholds (0-100) that decide matching and kinds; override for other corpora.

    - ``near_identical``: character-level similarity at or above which two sentences are the same
      wire copy with small edits.
    - ``paraphrase``: match score at or above which a link between two sentences is considered.
    - ``link_floor``: score a member needs with at least half of its group's other members.
    - ``containment``: share (0-100) of a short claim's weight found inside a longer sentence for
      that sentence to carry the claim as a second one.
    """

    near_identical: float = 85.0
    paraphrase: float = 30.0
    link_floor: float = 20.0
    containment: float = 50.0
    attach: float = 20.0

    def kind_for(self, ratio: float) -> Kind:
        """The kind of a shared sentence from its character similarity (0-100) to its closest
        counterpart: the one ladder every view and export uses."""
        if ratio >= 100.0:
            return Kind.IDENTICAL
        if ratio >= self.near_identical:
            return Kind.NEAR_IDENTICAL
        return Kind.PARAPHRASE


DEFAULT_THRESHOLDS = Thresholds()
