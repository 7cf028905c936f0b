"""Export rough edges (issue 15, item 3): one enter, the umask, flat CSV context, named sources,
and a Markdown report that quotes each sentence once."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from reader_support import SIZE, loaded, make_app

from tui.alignment.pipeline import open_alignment
from tui.annotations.exchange.export import export_text, save_export
from tui.annotations.model import create
from tui.annotations.store import write_atomic


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_exports_follow_the_umask(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "report.md"
    save_export(target, "# report\n")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_the_store_writer_stays_private_by_default(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "annotations.json"
    write_atomic(target, "{}")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_one_enter_in_the_export_dialog_exports(tmp_path: Path, monkeypatch) -> None:
    from tui.ui.dialogs.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("down", "down", "enter")  # csv, and export
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert (tmp_path / "annotations.csv").exists()


ARTICLES = {
    "coastal-wire": "Coastal Wire reports on the Brussels summit\n\n"
    "NATO allies met in Brussels on Thursday to discuss the budget.\n"
    "They agreed to spend two percent more on defence over the next decade.",
    "harbour-post": "Harbour Post covers allied spending plans\n\n"
    "NATO allies met in Brussels on Thursday to discuss the budget.\n"
    "They agreed to spend three percent more on defence over the next decade.",
}


@pytest.fixture
def aligned(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return open_alignment([folder], cache_dir=tmp_path / "cache")


def _sources(alignment) -> dict[str, dict[str, str]]:
    return {a.id: {"path": str(a.path), "sha256": a.sha256} for a in alignment.articles}


def test_csv_context_is_one_line_of_whole_words_and_sources_are_named(aligned) -> None:
    annotations = []
    for article in aligned.articles:
        start = article.text.index("They agreed")
        annotations.append(create(article.text, article.id, start + 5, start + 11, "number"))
    rows = list(csv.DictReader(io.StringIO(export_text("csv", _sources(aligned), annotations, aligned))))
    for row in rows:
        for cell in (row["prefix"], row["suffix"]):
            assert "\n" not in cell and "\r" not in cell
        article = aligned.article(row["source"])
        flat = " ".join(article.text.split())
        # Whole words: the context is a run of words of the article, cut only at spaces.
        assert f" {row['prefix']}" in f" {flat}" or flat.startswith(row["prefix"])
        assert f"{row['suffix']} " in f"{flat} " and row["suffix"].split()[-1] in flat.split()
        assert row["prefix"].split()[0] in flat.split()
        # Named as the reader names them (no outlet is known here: the id), the headline beside.
        assert row["source_name"] == article.id and row["source_title"] == article.title
        assert row["other_source_names"] == next(a.id for a in aligned.articles if a.id != article.id)


def test_every_export_names_a_source_as_the_reader_does(aligned) -> None:
    # The user renamed one outlet (the store keeps the name); the CSV, the report and the JSON all
    # say it, for the annotated source and where it is another source of the claim.
    sources = _sources(aligned)
    sources["coastal-wire"] = {**sources["coastal-wire"], "name": "Coastal Wire Service"}
    annotations = []
    for article in aligned.articles:
        start = article.text.index("They agreed")
        annotations.append(create(article.text, article.id, start + 5, start + 11, "number"))
    rows = {
        r["source"]: r for r in csv.DictReader(io.StringIO(export_text("csv", sources, annotations, aligned)))
    }
    assert rows["coastal-wire"]["source_name"] == "Coastal Wire Service"
    assert rows["harbour-post"]["other_source_names"] == "Coastal Wire Service"
    assert "| Coastal Wire Service |" in export_text("md", sources, annotations, aligned)
    assert '"name": "Coastal Wire Service"' in export_text("json", sources, annotations, aligned)


def test_markdown_report_quotes_each_sentence_once(aligned) -> None:
    annotations = []
    for article in aligned.articles:
        sentence = next(s for s in article.sentences if "agreed" in s.text)
        annotations.append(create(article.text, article.id, sentence.start, sentence.end, "number"))
    markdown = export_text("md", _sources(aligned), annotations, aligned)
    for annotation in annotations:
        assert markdown.count(annotation.quote.exact) == 1, markdown
