"""Every article text in the repository and the Golden Rules, for tests that check a shortcut
against the plain computation on real text. Held-out texts are left out: no code runs on them but
their one measurement."""

from __future__ import annotations

import json

from locations import DATA, REPO, SHARED

GOLDEN_RULES = SHARED / "testdata" / "golden_rules_en.json"
SEEDS = REPO / "seeds"


def repository_texts() -> list[str]:
    """The seeds', the dev set's and the test data's texts (not the held-out ones), then the Golden
    Rules' cases."""
    from tui.corpus.ingest import IngestError, read_article

    found = [*DATA.rglob("*.txt"), *DATA.rglob("*.md"), *DATA.rglob("*.html")]
    texts = []
    for path in sorted([*SEEDS.iterdir(), *(p for p in found if p.relative_to(DATA).parts[0] != "heldout")]):
        try:
            texts.append(read_article(path).text)
        except IngestError:
            continue
    if GOLDEN_RULES.is_file():
        texts += [case["text"] for case in json.loads(GOLDEN_RULES.read_text(encoding="utf-8"))["cases"]]
    return texts
