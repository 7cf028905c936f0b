"""A sentence that carries several claims joins every group that states one of them."""

from __future__ import annotations

from pathlib import Path

from tui.alignment.result import align_corpus
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


def test_a_lede_with_five_claims_joins_all_five_groups(tmp_path: Path) -> None:
    (tmp_path / "lede.txt").write_text(f"Storm hits the Alden valley\n\n{LEDE}\n", encoding="utf-8")
    for name, lines in ONE_EACH.items():
        (tmp_path / f"{name}.txt").write_text("Alden storm\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    alignment = align_corpus(load_corpus([tmp_path]))
    lede = next(s for s in alignment.article("lede").sentences if s.text == LEDE)
    for name in ONE_EACH:
        claims = [s.group for s in alignment.article(name).sentences if s.text in ONE_EACH[name]]
        assert sorted(lede.groups) == sorted(claims), name
