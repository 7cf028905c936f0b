"""Exports: every format checked for what its reader relies on, with hostile text throughout."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from exchange_support import assert_clean_failure, hostile_text, run, stores
from hypothesis import given, settings
from hypothesis import strategies as st
from locations import DATA
from markdown_it import MarkdownIt

from tui.alignment.pipeline import open_alignment
from tui.alignment.result import Alignment
from tui.annotations.exchange.export import (
    CSV_FIELDS,
    SOURCE_SEPARATOR,
    ExportError,
    defuse,
    export_text,
    flat,
    flat_context,
    save_export,
)
from tui.annotations.exchange.formats import FORMATS, default_filename, format_for
from tui.annotations.exchange.report import inline
from tui.annotations.model import Annotation, Change, create
from tui.annotations.store import AnnotationStore
from tui.cli.main import _parser
from tui.resources import seeds_dir

SCHEMA = json.loads((DATA / "w3c" / "web-annotation.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
ANNOTATION_SCHEMA = {**SCHEMA, "oneOf": [{"$ref": "#/$defs/annotation"}]}
ISOLATES = dict.fromkeys(map(ord, "\u2068\u2069"))

# Three short articles whose sentences carry hostile text; the first two share two claims and
# disagree on a number, so the report has coverage, divergences and claims only one source has.
HOSTILE_ARTICLES = {
    "alpha": "NATO | allies *met* in <b>Brussels</b> on Thursday & agreed to spend 2% more on defence.\n\n"
    'The minister called the [report](http://evil.example) "fake | news" in a statement.\n\n'
    "A sentence only here: \u202eevil\u202c with emoji 👍🏽 and `code` and \\ backslash.",
    "beta": "NATO | allies *met* in <b>Brussels</b> on Friday & agreed to spend 3% more on defence.\n\n"
    'The minister called the [report](http://evil.example) "fake | news" in a statement.\n\n'
    "Fisheries and trade were discussed at length by the delegations # later.",
    "gamma": "Completely unrelated weather report: rain | snow & <i>fog</i> expected tomorrow.",
}


@cache
def hostile_alignment(folder: str) -> Alignment:
    """The three hostile articles, written to ``folder`` and aligned (once per folder)."""
    root = Path(folder)
    (root / "articles").mkdir(parents=True, exist_ok=True)
    for name, text in HOSTILE_ARTICLES.items():
        (root / "articles" / f"{name}.txt").write_text(text, encoding="utf-8")
    return open_alignment([root / "articles"], cache_dir=root / "cache")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Alignment:
    return hostile_alignment(str(tmp_path_factory.mktemp("hostile")))


def sources_of(alignment: Alignment) -> dict[str, dict[str, str]]:
    return {a.id: {"path": str(a.path), "sha256": a.sha256} for a in alignment.articles}


def sentence_annotations(alignment: Alignment, notes: list[str], labels: list[str]) -> list[Annotation]:
    """One annotation on every content sentence of every article, with the given notes/labels."""
    found = []
    sentences = [(a, s) for a in alignment.articles for s in a.content()]
    for number, (article, sentence) in enumerate(sentences):
        annotation = create(
            article.text, article.id, sentence.start, sentence.end, labels[number % len(labels)]
        )
        found.append(replace(annotation, note=notes[number % len(notes)], verdict="misleading"))
    return found


# -- helpers for reading Markdown back ------------------------------------------------------------


def rendered_text(markdown: str) -> str:
    """The text a reader sees: inline text, code, line breaks as spaces, isolates dropped."""
    parts: list[str] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak", "html_inline"):
                parts.append(" ")
        parts.append(" ")
    return squash("".join(parts))


def squash(text: str) -> str:
    """Whitespace runs as one space, bidi isolates and NUL as Markdown shows them."""
    return " ".join(text.replace("\x00", "\ufffd").translate(ISOLATES).split())


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    found: list[list[list[str]]] = []
    row: list[str] | None = None
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(token.content)
        elif token.type == "tr_close" and row is not None:
            found[-1].append(row)
            row = None
    return found


def table_lines(markdown: str) -> int:
    """Lines that are table rows (Markdown breaks lines at \\n and \\r only, unlike splitlines)."""
    return sum(1 for line in markdown.split("\n") if line.startswith("|"))


# -- w3c ------------------------------------------------------------------------------------------


@settings(max_examples=60)
@given(stores())
def test_w3c_export_is_valid_web_annotation(store: tuple) -> None:
    sources, annotations = store
    document = json.loads(export_text("w3c", sources, annotations))
    VALIDATOR.validate(document)
    assert document["total"] == len(annotations)
    for item in document.get("first", {}).get("items", []):
        jsonschema.validate(item, ANNOTATION_SCHEMA, cls=jsonschema.Draft202012Validator)


def test_w3c_annotation_shape() -> None:
    annotation = create("NATO allies met in Brussels.", "src", 0, 11, "claim")
    annotation = replace(annotation, verdict="supported", note="check <this>", claim="c1", group=4)
    sources = {"src": {"path": "/news/src.txt", "sha256": "ab" * 32}}
    document = json.loads(export_text("w3c", sources, [annotation]))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    assert document["first"]["type"] == "AnnotationPage"
    (item,) = document["first"]["items"]
    assert item["id"] == f"urn:uuid:{annotation.id[:8]}-{annotation.id[8:12]}-" + (
        f"{annotation.id[12:16]}-{annotation.id[16:20]}-{annotation.id[20:]}"
    )
    assert {b["purpose"]: b["value"] for b in item["body"]} == {
        "tagging": "claim",
        "assessing": "supported",
        "commenting": "check <this>",
    }
    assert all(b["type"] == "TextualBody" for b in item["body"])
    assert item["target"]["source"] == "file:///news/src.txt"
    selectors = {s["type"]: s for s in item["target"]["selector"]}
    assert selectors["TextQuoteSelector"] == {
        "type": "TextQuoteSelector",
        "exact": "NATO allies",
        "prefix": "",
        "suffix": " met in Brussels.",
    }
    assert selectors["TextPositionSelector"] == {"type": "TextPositionSelector", "start": 0, "end": 11}
    assert item["created"] == annotation.created and item["modified"] == annotation.modified


def test_w3c_export_is_reproducible_and_empty_store_has_no_page() -> None:
    annotation = create("Some text here.", "s", 0, 4, "claim")
    assert export_text("w3c", {}, [annotation]) == export_text("w3c", {}, [annotation])
    empty = json.loads(export_text("w3c", {}, []))
    VALIDATOR.validate(empty)
    assert empty["total"] == 0 and "first" not in empty


def _valid_document() -> dict:
    annotation = create("NATO allies met.", "s", 0, 4, "claim")
    return json.loads(export_text("w3c", {"s": {"path": "/a/s.txt", "sha256": ""}}, [annotation]))


def _item(document: dict) -> dict:
    return document["first"]["items"][0]


BREAKAGES = {
    "no @context": lambda d: d.pop("@context"),
    "wrong @context": lambda d: d.update({"@context": "http://example.org/context.jsonld"}),
    "collection without id": lambda d: d.pop("id"),
    "total without first page": lambda d: d.pop("first"),
    "annotation without target": lambda d: _item(d).pop("target"),
    "annotation with a relative id": lambda d: _item(d).update({"id": "annotation-1"}),
    "annotation of the wrong type": lambda d: _item(d).update({"type": "Note"}),
    "body and bodyValue": lambda d: _item(d).update({"bodyValue": "x"}),
    "purpose outside the vocabulary": lambda d: _item(d)["body"][0].update({"purpose": "liking"}),
    "body value not text": lambda d: _item(d)["body"][0].update({"value": 3}),
    "quote selector without exact": lambda d: _item(d)["target"]["selector"][0].pop("exact"),
    "negative position": lambda d: _item(d)["target"]["selector"][1].update({"start": -1}),
    "position as text": lambda d: _item(d)["target"]["selector"][1].update({"end": "4"}),
    "target without source": lambda d: _item(d)["target"].pop("source"),
    "textual body as target": lambda d: _item(d).update({"target": {"type": "TextualBody", "value": "x"}}),
    "created without timezone": lambda d: _item(d).update({"created": "2024-02-22T10:00:00"}),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_the_schema_rejects_broken_documents(breakage: str) -> None:
    document = _valid_document()
    VALIDATOR.validate(document)
    BREAKAGES[breakage](document)
    assert not VALIDATOR.is_valid(document), breakage


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


# -- csv ------------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@settings(max_examples=60)
@given(stores())
def test_csv_reads_back_with_every_field(store: tuple) -> None:
    sources, annotations = store
    text = export_text("csv", sources, annotations)
    assert not text.startswith("\ufeff")
    assert next(csv.reader(io.StringIO(text, newline=""))) == list(CSV_FIELDS)
    rows = {row["id"]: row for row in read_csv(text)}
    assert len(rows) == len(annotations)
    for a in annotations:
        row = rows[defuse(a.id)]
        assert row["source"] == defuse(a.source)
        assert row["quote"] == defuse(a.quote.exact)
        # Context is flattened to one line of whole words (issue 15): its words, no line breaks.
        assert row["prefix"].split() == defuse(flat_context(a.quote.prefix, before=True)).split()
        assert "\n" not in row["prefix"] + row["suffix"] and "\r" not in row["prefix"] + row["suffix"]
        assert (row["start"], row["end"]) == (str(a.start), str(a.end))
        assert (row["label"], row["note"], row["verdict"]) == (
            defuse(a.label),
            defuse(a.note),
            a.verdict or "",
        )
        assert row["claim"] == defuse(a.claim or "")
        assert row["group"] == ("" if a.group is None else str(a.group))
        assert row["orphan"] == ("true" if a.orphan else "false")
        assert (row["created"], row["modified"]) == (a.created, a.modified)
        assert row["other_sources"] == "" and row["source_title"] == ""
        assert row["source_name"] == defuse(a.source)


def test_csv_uses_the_alignment_for_groups_and_other_sources(corpus: Alignment) -> None:
    annotations = sentence_annotations(corpus, ['a, "b"\nc'], ["claim"])
    rows = read_csv(export_text("csv", sources_of(corpus), annotations, corpus))
    assert len(rows) == len(annotations)
    for row, annotation in zip(
        rows, sorted(annotations, key=lambda a: (a.source, a.start, a.end, a.id)), strict=True
    ):
        article = corpus.article(annotation.source)
        index = next(s.index for s in article.sentences if s.start == annotation.start)
        group = corpus.group_of(article.id, index)
        assert group is not None
        assert row["group"] == str(group.id)
        others = [s for s in group.sources if s != article.id]
        assert row["other_sources"] == SOURCE_SEPARATOR.join(others)
        assert row["source_title"] == (article.title or "")
        assert row["note"] == 'a, "b"\nc'
    assert any(row["other_sources"] for row in rows)  # the corpus has shared claims


# -- json and jsonl -------------------------------------------------------------------------------


@settings(max_examples=40)
@given(stores())
def test_jsonl_has_one_flat_annotation_per_line(store: tuple) -> None:
    sources, annotations = store
    lines = export_text("jsonl", sources, annotations).splitlines()
    assert len(lines) == len(annotations)
    parsed = {item["id"]: item for item in map(json.loads, lines)}
    for annotation in annotations:
        assert parsed[annotation.id] == flat(annotation) | {"divergences": []}  # no articles: none known
        row = parsed[annotation.id]
        assert all(not isinstance(value, dict | list) for key, value in row.items() if key != "divergences")


def test_json_export_is_a_store_with_source_metadata(corpus: Alignment, tmp_path: Path) -> None:
    annotations = sentence_annotations(corpus, ["n"], ["claim"])
    text = export_text("json", sources_of(corpus), annotations, corpus)
    data = json.loads(text)
    for article in corpus.articles:
        assert data["sources"][article.id] == {
            "id": article.id,
            "path": str(article.path),
            "sha256": article.sha256,
            "title": article.title,
        }
    (tmp_path / "store.json").write_text(text, encoding="utf-8")
    store = AnnotationStore.open(tmp_path / "store.json", lock=False)
    assert store.annotations == {a.id: a for a in annotations}


# -- md -------------------------------------------------------------------------------------------


@settings(max_examples=60)
@given(stores())
def test_markdown_keeps_every_quote_and_its_tables(store: tuple) -> None:
    sources, annotations = store
    markdown = export_text("md", sources, annotations)
    text = rendered_text(markdown)
    for annotation in annotations:
        assert squash(annotation.quote.exact) in text
        assert squash(annotation.note) in text
        assert squash(annotation.label) in text
    (source_table,) = tables(markdown)
    keys = set(sources) | {a.source for a in annotations}
    assert len(source_table) == 1 + len(keys)
    assert all(len(row) == 5 for row in source_table)
    assert table_lines(markdown) == 2 + len(keys)  # no hostile text opened or closed a table row
    orphans = [a for a in annotations if a.orphan]
    if orphans:
        tail = markdown[markdown.index("## Orphaned annotations") :]
        assert all(f"“{inline(a.quote.exact)}”" in tail for a in orphans)


@settings(max_examples=25)
@given(
    notes=st.lists(hostile_text, min_size=1, max_size=4),
    labels=st.lists(hostile_text, min_size=1, max_size=3),
)
def test_markdown_report_with_claims_and_divergences(
    corpus: Alignment, notes: list[str], labels: list[str]
) -> None:
    alignment = corpus
    annotations = sentence_annotations(alignment, notes, labels)
    markdown = export_text("md", sources_of(alignment), annotations, alignment)
    text = rendered_text(markdown)
    for annotation in annotations:
        assert squash(annotation.quote.exact) in text
        assert squash(annotation.note) in text
    annotated_groups = {
        alignment.article(a.source).sentences[i].group
        for a in annotations
        for i in [next(s.index for s in alignment.article(a.source).sentences if s.start == a.start)]
    }
    sources_table, coverage = tables(markdown)
    assert len(sources_table) == 1 + len(alignment.articles)
    assert len(coverage) == 1 + len(annotated_groups)
    assert all(len(row) == 2 + len(alignment.articles) for row in coverage)
    assert table_lines(markdown) == 4 + len(alignment.articles) + len(annotated_groups)
    assert markdown.count("\n### Claim ") == len(annotated_groups)
    assert "number “2”" in markdown or "number “2%”" in markdown  # alpha's 2% against beta's 3%


def test_markdown_without_articles_says_so() -> None:
    annotation = create("NATO allies met.", "s", 0, 4, "claim")
    markdown = export_text("md", {}, [annotation])
    assert "The articles were not loaded" in markdown
    assert "“NATO”" in markdown


def test_inline_escapes_what_markdown_and_html_would_interpret() -> None:
    assert inline("a|b") == "a\\|b"
    assert inline("<b>&amp;</b>") == "&lt;b&gt;&amp;amp;&lt;/b&gt;"
    assert (
        inline("*x* _y_ `z` [l](u) ~s~ $m$ \\") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\~s\\~ \\$m\\$ \\\\"
    )
    assert inline("one\ntwo\r\nthree\rfour") == "one<br>two<br>three<br>four"
    assert inline("\u202eevil") == "\u2068\u202eevil\u2069"
    assert inline("U.S. - 3.5") == "U.S. - 3.5"  # ordinary punctuation stays readable


# -- names, files ---------------------------------------------------------------------------------


def test_formats_names_and_extensions() -> None:
    export_parser = _parser()._subparsers._group_actions[0].choices["export"]  # type: ignore[union-attr]
    offered = next(a.choices for a in export_parser._actions if a.dest == "format")
    assert tuple(offered) == FORMATS
    for fmt in FORMATS:
        assert format_for(Path(default_filename(fmt))) == fmt
    assert format_for(Path("notes.txt")) is None
    with pytest.raises(ValueError, match="unknown export format"):
        export_text("xml", {}, [])


def test_save_export_refuses_to_overwrite_without_permission(tmp_path: Path) -> None:
    target = tmp_path / "out.md"
    save_export(target, "one\n")
    with pytest.raises(ExportError, match="already exists"):
        save_export(target, "two\n")
    assert target.read_text() == "one\n"
    save_export(target, "two\n", overwrite=True)
    assert target.read_text() == "two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]  # no temporary or backup left
    with pytest.raises(ExportError, match="does not exist"):
        save_export(tmp_path / "missing" / "out.md", "x")
    with pytest.raises(ExportError, match="is a folder"):
        save_export(tmp_path, "x", overwrite=True)


# -- the command ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with annotations on the bundled seeds: a linked claim in every source carrying the
    most widely reported claim, one hostile sentence tag, and one orphan."""
    folder = tmp_path_factory.mktemp("seeded")
    alignment = open_alignment([seeds_dir()], cache_dir=folder / "cache")
    group = max(alignment.groups, key=lambda g: len(g.members))
    created = []
    for member in group.members:
        article, sentence = alignment.article(member.source), alignment.sentence(member)
        created.append(create(article.text, article.id, sentence.start, sentence.end, "claim", claim="c1"))
    first = alignment.articles[0]
    created.append(
        replace(created[0], id="hostile", claim=None, note='say "no", | <b>\n# not a heading', label="x|y")
    )
    gone = create("This sentence is in no article at all.", first.id, 0, 38, "quote")
    created.append(replace(gone, orphan=True))
    store = AnnotationStore.open(folder / "store.json", lock=False)
    store.apply(
        Change("seed", [None] * len(created), created),
        {a.id: (str(a.path), a.sha256) for a in alignment.articles},
    )
    return folder / "store.json"


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_to_stdout(fmt: str, seeded_store: Path, tmp_path: Path) -> None:
    result = run("export", "--format", fmt, "--store", str(seeded_store), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    store = AnnotationStore.open(seeded_store, lock=False)
    if fmt == "json":
        assert json.loads(result.stdout)["annotations"] == json.loads(seeded_store.read_text())["annotations"]
    elif fmt == "jsonl":
        assert len(result.stdout.splitlines()) == len(store.annotations)
    elif fmt == "csv":
        rows = read_csv(result.stdout)
        assert {row["id"] for row in rows} == set(store.annotations)
        linked = [row for row in rows if row["claim"] == "c1"]
        assert all(row["other_sources"].count(SOURCE_SEPARATOR) == len(linked) - 2 for row in linked)
    elif fmt == "md":
        assert "## Coverage" in result.stdout and "## Orphaned annotations" in result.stdout
        assert "The articles were not loaded" not in result.stdout
    else:
        VALIDATOR.validate(json.loads(result.stdout))


def test_cli_export_to_a_file_and_the_force_rule(seeded_store: Path, tmp_path: Path) -> None:
    result = run("export", "--store", str(seeded_store), "-o", "report.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    count = len(AnnotationStore.open(seeded_store, lock=False).annotations)
    assert result.stdout == f"nato-reader: wrote {count} annotations as md to report.md\n"
    first = (tmp_path / "report.md").read_bytes()
    assert first.startswith(b"# nato-reader annotations")

    refused = run("export", "--format", "csv", "--store", str(seeded_store), "-o", "report.md", cwd=tmp_path)
    assert_clean_failure(refused)
    assert "--force" in refused.stderr
    assert (tmp_path / "report.md").read_bytes() == first

    forced = run(
        "export", "--format", "csv", "--store", str(seeded_store), "-o", "report.md", "--force", cwd=tmp_path
    )
    assert forced.returncode == 0, forced.stderr
    written = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert next(csv.reader(io.StringIO(written, newline=""))) == list(CSV_FIELDS)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "cache") == ["report.md"]


def test_cli_export_without_articles_warns_and_goes_on(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path / "store.json", lock=False)
    annotation = create("Gone article text.", "gone", 0, 4, "claim")
    store.apply(Change("x", [None], [annotation]), {"gone": (str(tmp_path / "gone.txt"), "0" * 64)})
    result = run("export", "--format", "md", "--store", "store.json", cwd=tmp_path)
    assert result.returncode == 0
    assert re.fullmatch(r"nato-reader: warning: 1 recorded article\(s\) not found .*\n", result.stderr)
    assert "The articles were not loaded" in result.stdout


def test_cli_export_says_when_the_annotated_articles_have_unannotated_neighbours(tmp_path: Path) -> None:
    # The reader was given the folder; only one article carries a tag. Aligning the one alone
    # numbers claims differently from the reader, so the export says so and how to match it.
    folder = tmp_path / "story"
    folder.mkdir()
    text = "The bridge in Alden closed on Monday after the flood, the mayor said.\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text("Farmers in Alden counted their losses on Tuesday.\n", encoding="utf-8")
    alignment = open_alignment([folder / "a.txt"], cache_dir=tmp_path / "cache")
    article = alignment.articles[0]
    store = AnnotationStore.open(tmp_path / "store.json", lock=False)
    store.apply(
        Change("x", [None], [create(article.text, article.id, 0, 10, "claim")]),
        {article.id: (str(article.path), article.sha256)},
    )
    result = run("export", "--format", "csv", "--store", "store.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "annotated article(s) only, not the 1 other(s)" in result.stderr
    assert "as PATHs" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--store", "missing.json"], "no annotation store"),
        (["--format", "json", "--store", "broken.json"], "not valid JSON"),
        (["--store", "store.json"], "choose one with --format"),
        (["--store", "store.json", "-o", "out.txt"], "out.txt does not say which format"),
        (
            ["--format", "md", "--store", "store.json", "-o", "store.json", "--force"],
            "the annotation store itself",
        ),
        (["--format", "md", "--store", "store.json", "-o", "no/such/folder/x.md"], "does not exist"),
        (["--format", "md", "--store", "store.json", "-o", "/proc/nato-reader-test.md"], "not written"),
        (["--format", "md", "--store", "store.json", "/no/such/article.txt"], "no/such/article.txt"),
    ],
)
def test_cli_export_errors_are_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{ not json", encoding="utf-8")
    (tmp_path / "store.json").write_text(
        json.dumps({"schema": "nato-reader/annotations", "version": 1, "sources": {}, "annotations": []})
    )
    result = run("export", *args, cwd=tmp_path)
    assert_clean_failure(result)
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_cli_export_to_a_full_disk_is_one_line(seeded_store: Path, tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        result = run("export", "--format", "json", "--store", str(seeded_store), cwd=tmp_path, stdout=full)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Exception" not in result.stderr
    assert re.fullmatch(r"nato-reader: error: cannot write to standard output \(.*\)\n", result.stderr)
