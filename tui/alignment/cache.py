"""A cache of alignments keyed by the sources' sha256, so reopening the same articles is instant.

The key covers the articles (ids and text hashes), the thresholds, and the source code of the
modules that decide sentences and groups, so a changed file or a new version of nato-reader
re-aligns instead of showing stale results. A cache that cannot be read or written is ignored:
it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from tui.alignment.model import ClaimGroup, Member
from tui.alignment.result import Alignment
from tui.alignment.thresholds import Thresholds
from tui.atomic import remove_stale_temporaries, write_atomic
from tui.corpus.ingest import RawArticle
from tui.corpus.model import Article, Kind, Sentence

FORMAT = 2
_DECIDING_PACKAGES = ("corpus", "alignment")


def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    package_root = Path(__file__).resolve().parents[1]
    for package in _DECIDING_PACKAGES:
        for module in sorted((package_root / package).glob("*.py")):
            digest.update(module.name.encode() + module.read_bytes())
    return digest.hexdigest()


def cache_key(raws: list[RawArticle], thresholds: Thresholds) -> str:
    """A key that changes whenever any input of the alignment changes."""
    limits = [thresholds.near_identical, thresholds.paraphrase, thresholds.link_floor, thresholds.containment]
    sources = [[raw.id, raw.sha256, str(raw.path)] for raw in raws]
    material = json.dumps([FORMAT, _code_fingerprint(), limits, sources])
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _dump(alignment: Alignment) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "articles": [
            {
                "id": a.id,
                "title": a.title,
                "sentences": [
                    [s.start, s.end, s.boilerplate_reason, s.groups, str(s.kind), s.score]
                    for s in a.sentences
                ],
            }
            for a in alignment.articles
        ],
        "groups": [
            {
                "id": g.id,
                "members": [[m.source, m.sentence] for m in g.members],
            }
            for g in alignment.groups
        ],
    }


def _restore(
    data: dict[str, Any], raws: list[RawArticle], warnings: list[str], thresholds: Thresholds
) -> Alignment:
    by_id = {raw.id: raw for raw in raws}
    articles = []
    for entry in data["articles"]:
        raw = by_id[entry["id"]]
        sentences = [
            Sentence(
                i,
                start,
                end,
                raw.text[start:end],
                reason,
                groups[0] if groups else None,
                groups,
                Kind(kind),
                score,
            )
            for i, (start, end, reason, groups, kind, score) in enumerate(entry["sentences"])
        ]
        articles.append(
            Article(raw.id, raw.path, raw.text, raw.sha256, entry["title"], raw.encoding, sentences, raw.meta)
        )
    groups = [
        ClaimGroup(
            g["id"],
            [Member(source, sentence) for source, sentence in g["members"]],
        )
        for g in data["groups"]
    ]
    return Alignment(articles, groups, list(warnings), thresholds)


def load(
    folder: Path, key: str, raws: list[RawArticle], warnings: list[str], thresholds: Thresholds
) -> Alignment | None:
    """The cached alignment for ``key``, or None when there is none or it is unusable."""
    try:
        data = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return _restore(data, raws, warnings, thresholds)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def save(folder: Path, key: str, alignment: Alignment) -> None:
    """Store an alignment atomically; failures (read-only disk, full disk) are ignored."""
    try:
        # ASCII escapes: a title or id may hold a lone surrogate (a non-UTF-8 file name).
        text = json.dumps(_dump(alignment), separators=(",", ":"))
        remove_stale_temporaries(folder / f"{key}.json")
        write_atomic(folder / f"{key}.json", text, backup=False)
    except (OSError, ValueError):  # ValueError: UnicodeEncodeError and the like; only time is lost
        return
