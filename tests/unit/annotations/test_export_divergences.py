"""Exports carry the divergences: the report opens with the conflicts, rows name the types."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tui.alignment.result import Alignment, align_corpus
from tui.annotations.exchange.export import export_text
from tui.annotations.model import Annotation, create
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align_corpus(load_corpus([seeds_dir()]))


def sources_of(alignment: Alignment) -> dict[str, dict[str, str]]:
    return {a.id: {"path": str(a.path), "sha256": a.sha256} for a in alignment.articles}


def tag(alignment: Alignment, source_prefix: str, words: str) -> Annotation:
    article = next(a for a in alignment.articles if a.id.startswith(source_prefix))
    start = article.text.index(words)
    return create(article.text, article.id, start, start + len(words), "quote")


def test_csv_and_jsonl_rows_carry_the_divergence_types_of_the_annotated_sentence(seeds: Alignment) -> None:
    mandate = tag(seeds, "003", "extraordinary mandate")
    members = tag(seeds, "000", "The alliance currently has 31 members")
    sources = sources_of(seeds)
    rows = {
        row["id"]: row
        for row in csv.DictReader(io.StringIO(export_text("csv", sources, [mandate, members], seeds)))
    }
    assert "quote" in rows[mandate.id]["divergences"].split("; ")
    assert rows[members.id]["divergences"] == ""  # every source says 31
    lines = [
        json.loads(line) for line in export_text("jsonl", sources, [mandate, members], seeds).splitlines()
    ]
    by_id = {line["id"]: line for line in lines}
    assert "quote" in by_id[mandate.id]["divergences"]
    assert by_id[members.id]["divergences"] == []


def test_markdown_report_opens_with_the_conflicts(seeds: Alignment) -> None:
    report = export_text("md", sources_of(seeds), [tag(seeds, "003", "extraordinary mandate")], seeds)
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert headings[0].startswith("## Conflicts across sources (")
    section = report.split("## Conflicts across sources", 1)[1].split("\n## ", 1)[0]
    assert "“Thursday”" in section and "“Wednesday”" in section
    assert "“extraordinary mandate”" in section
    assert "Rishi Sunak" in section


def test_markdown_report_without_articles_has_no_conflicts_section() -> None:
    assert "Conflicts" not in export_text("md", {}, [])
