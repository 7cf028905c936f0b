"""A sentence that carries several claims joins every group that states one of them."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import tui.alignment.aligner as aligner
from tui.alignment.result import align_corpus
from tui.alignment.sentence_graph import build_nodes
from tui.corpus.loader import load_corpus

# A lede with five claims; two outlets state each in a sentence of its own.
LEDE = (
    "The storm killed 12 people in Alden, destroyed the Riverton bridge, closed Harbor airport, cut power"
    " to 40,000 homes and flooded the Mercer hospital on Monday."
)
ONE_EACH = {
    "a": [
        "Twelve people were killed in Alden when the storm struck.",
        "The Riverton bridge was destroyed by the storm.",
        "Officials closed Harbor airport as the storm passed.",
        "The storm cut power to 40,000 homes across the valley.",
        "Water flooded the Mercer hospital, staff said.",
    ],
    "b": [
        "In Alden, the storm killed 12 people, police said.",
        "The storm destroyed the old Riverton bridge overnight.",
        "Harbor airport was closed because of the storm.",
        "Some 40,000 homes lost power in the storm.",
        "The Mercer hospital was flooded, its director said.",
    ],
}


def _lede_and_claims(folder: Path) -> tuple[list[int], dict[str, list[int]]]:
    (folder / "lede.txt").write_text(f"Storm hits the Alden valley\n\n{LEDE}\n", encoding="utf-8")
    for name, lines in ONE_EACH.items():
        (folder / f"{name}.txt").write_text("Alden storm\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    alignment = align_corpus(load_corpus([folder]))
    lede = next(s for s in alignment.article("lede").sentences if s.text == LEDE)
    claims = {
        name: sorted(s.group for s in alignment.article(name).sentences if s.text in ONE_EACH[name])
        for name in ONE_EACH
    }
    return sorted(lede.groups), claims


def test_a_lede_with_five_claims_joins_all_five_groups(tmp_path: Path) -> None:
    groups, claims = _lede_and_claims(tmp_path)
    for name, found in claims.items():
        assert groups == found, name


def test_a_lede_carries_five_claims_by_containment_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without clause nodes, only the second-claim step joins the lede to the other four groups.
    monkeypatch.setattr(aligner, "build_nodes", functools.partial(build_nodes, clauses=False))
    groups, claims = _lede_and_claims(tmp_path)
    assert len(groups) == 5
    for name, found in claims.items():
        assert groups == found, name
