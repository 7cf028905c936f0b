"""Import: json and w3c exports come back without loss; a bad file changes nothing."""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from exchange_support import assert_clean_failure, run, stores
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.annotations.exchange.export import export_text
from tui.annotations.exchange.importer import (
    ImportFileError,
    import_into,
    made_visible,
    parse_import,
    plan_merge,
    read_import,
)
from tui.annotations.model import Annotation, Change, create
from tui.annotations.store import AnnotationStore, StoreError

TEXT = "NATO allies met in Brussels on Thursday to discuss who should succeed the secretary general."


def annotation(label: str = "claim", **changes: Any) -> Annotation:
    return replace(create(TEXT, "src", 0, 11, label), **changes)


def store_at(path: Path, annotations: list[Annotation], lock: bool = False) -> AnnotationStore:
    store = AnnotationStore.open(path, lock=lock)
    if annotations:
        store.apply(
            Change("setup", [None] * len(annotations), list(annotations)),
            {"src": ("/news/src.txt", "f" * 64)},
        )
    return store


# -- round trip -----------------------------------------------------------------------------------


@settings(max_examples=80)
@given(store=stores(), fmt=st.sampled_from(["json", "w3c"]))
def test_export_then_import_gives_the_same_annotations(store: tuple, fmt: str) -> None:
    sources, annotations = store
    with tempfile.TemporaryDirectory() as folder:
        exported = Path(folder) / f"export.{fmt}"
        exported.write_text(export_text(fmt, sources, annotations), encoding="utf-8")
        # Imported strings have their control characters made visible (issue 12.3).
        expected = {a.id: a for a in map(made_visible, annotations)}
        if len(expected) < len(annotations):  # two ids that differ only in a control character
            with pytest.raises(ImportFileError):
                read_import(exported)
            return
        imported = read_import(exported)
        target = AnnotationStore.open(Path(folder) / "store.json", lock=False)
        result = import_into(target, imported)
        assert (result.added, result.updated, result.kept) == (len(annotations), 0, 0)
        assert target.annotations == expected
        # And on disk: the saved store reads back to the same annotations.
        assert AnnotationStore.open(target.path, lock=False).annotations == target.annotations


def test_json_import_brings_unknown_sources(tmp_path: Path) -> None:
    sources = {
        "src": {"path": "/news/src.txt", "sha256": "a" * 64},
        "other": {"path": "/o.txt", "sha256": "b" * 64, "imported": "true"},  # a label, never read
    }
    store = store_at(tmp_path / "store.json", [])
    store.sources["src"] = {"path": "/mine/src.txt", "sha256": "c" * 64}
    import_into(store, parse_import(export_text("json", sources, [annotation()])))
    assert store.sources == {
        "src": {"path": "/mine/src.txt", "sha256": "c" * 64},  # known: the store's entry stays
        "other": {"path": "/o.txt", "sha256": "b" * 64, "imported": "true"},  # a label, never read
    }


def test_w3c_import_keeps_path_and_sha256(tmp_path: Path) -> None:
    sources = {"src": {"path": "/news/src.txt", "sha256": "a" * 64}}
    store = store_at(tmp_path / "store.json", [])
    import_into(store, parse_import(export_text("w3c", sources, [annotation()])))
    assert store.sources == {"src": {"path": "/news/src.txt", "sha256": "a" * 64, "imported": "true"}}


# -- merging --------------------------------------------------------------------------------------


def test_merge_newer_modified_wins_and_ties_keep_the_store(tmp_path: Path) -> None:
    old = annotation(modified="2024-01-01T00:00:00Z", note="old")
    same = annotation(modified="2024-01-01T00:00:00Z", note="store's")
    newer_in_store = annotation(modified="2024-06-01T00:00:00Z", note="store newer")
    store = store_at(tmp_path / "store.json", [old, same, newer_in_store])
    incoming = [
        replace(old, modified="2024-03-01T10:00:00+02:00", note="file newer"),
        replace(same, note="file's, same time"),
        replace(newer_in_store, modified="2024-02-01T00:00:00Z", note="file older"),
        annotation(note="brand new"),
    ]
    change, result = plan_merge(store.annotations, incoming)
    assert (result.added, result.updated, result.kept) == (1, 1, 2)
    assert import_into(store, parse_import(export_text("json", {}, incoming))) == result
    notes = {a.id: a.note for a in store.annotations.values()}
    assert notes == {
        old.id: "file newer",
        same.id: "store's",
        newer_in_store.id: "store newer",
        incoming[3].id: "brand new",
    }
    assert len(change.after) == 2


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path: Path) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(export_text("json", {}, [annotation(), annotation("quote")]), encoding="utf-8")
    store = store_at(tmp_path / "store.json", [])
    assert import_into(store, read_import(exported)).added == 2
    before = (tmp_path / "store.json").read_bytes()
    second = import_into(store, read_import(exported))
    assert (second.added, second.updated, second.kept) == (0, 0, 2)
    assert (tmp_path / "store.json").read_bytes() == before


def test_an_import_is_one_undoable_change(tmp_path: Path) -> None:
    kept = annotation()
    store = store_at(tmp_path / "store.json", [kept])
    import_into(store, parse_import(export_text("json", {}, [annotation("a"), annotation("b")])))
    assert len(store.annotations) == 3
    store.undo()
    assert store.annotations == {kept.id: kept}


def test_a_read_only_store_refuses_the_import_and_stays_as_it_was(tmp_path: Path) -> None:
    store = store_at(tmp_path / "store.json", [annotation()])
    before = (tmp_path / "store.json").read_bytes()
    store.make_read_only("in use by another nato-reader; opened read-only")
    with pytest.raises(StoreError, match="read-only"):
        import_into(store, parse_import(export_text("json", {}, [annotation("new")])))
    assert len(store.annotations) == 1
    assert (tmp_path / "store.json").read_bytes() == before


# -- foreign W3C ----------------------------------------------------------------------------------


def test_a_w3c_annotation_from_another_tool(tmp_path: Path) -> None:
    document = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "http://example.org/anno/7",
        "type": "Annotation",
        "created": "2024-02-22T10:00:00+01:00",
        "modified": "2024-02-22T10:00:00+01:00",
        "body": {"type": "TextualBody", "purpose": "tagging", "value": "number"},
        "target": {
            "source": "file:///news/reuters%20story.txt",
            "selector": [
                {"type": "TextPositionSelector", "start": 5, "end": 11},
                {"type": "TextQuoteSelector", "exact": "allies"},
            ],
        },
    }
    imported = parse_import(json.dumps(document))
    (item,) = imported.annotations
    assert (item.id, item.source, item.start, item.end, item.label) == (
        "http://example.org/anno/7",
        "reuters story",
        5,
        11,
        "number",
    )
    assert (item.quote.exact, item.quote.prefix, item.verdict, item.note) == ("allies", "", None, "")
    assert imported.sources == {"reuters story": ("/news/reuters story.txt", "")}


# -- rejection ------------------------------------------------------------------------------------


def _w3c(**changes: Any) -> str:
    document = json.loads(export_text("w3c", {}, [annotation(verdict="supported", note="n")]))
    item = document["first"]["items"][0]
    for path, value in changes.items():
        node = item
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        last: Any = int(keys[-1]) if keys[-1].isdigit() else keys[-1]
        if value is ...:
            del node[last]
        else:
            node[last] = value
    return json.dumps(document)


def _store_json(**changes: Any) -> str:
    data = json.loads(export_text("json", {}, [annotation()]))
    data["annotations"][0].update(changes)
    return json.dumps(data)


BAD_FILES = {
    "empty": ("", "not JSON"),
    "not json": ("{ nope", "not JSON"),
    "jsonl": (export_text("jsonl", {}, [annotation(), annotation()]), "not JSON"),
    "csv": (export_text("csv", {}, [annotation()]), "not JSON"),
    "markdown": (export_text("md", {}, [annotation()]), "not JSON"),
    "a list": ("[1, 2]", "not a W3C annotation document"),
    "other json": ('{"hello": "world"}', "not a W3C Annotation"),
    "newer store version": (
        json.dumps({"schema": "nato-reader/annotations", "version": 99, "sources": {}, "annotations": []}),
        "newer",
    ),
    "annotations not a list": (
        json.dumps({"schema": "nato-reader/annotations", "version": 1, "sources": {}, "annotations": {}}),
        "wrong shape",
    ),
    "source without sha256": (
        json.dumps(
            {
                "schema": "nato-reader/annotations",
                "version": 1,
                "sources": {"s": {"path": "p"}},
                "annotations": [],
            }
        ),
        "needs a path and a sha256",
    ),
    "missing label": (_store_json(label=None), "label"),
    "start as text": (_store_json(start="0"), "start"),
    "group as bool": (_store_json(group=True), "group"),
    "orphan as text": (_store_json(orphan="yes"), "orphan"),
    "quote without exact": (_store_json(quote={"prefix": ""}), "exact"),
    "unknown verdict": (_store_json(verdict="true-ish"), "unknown verdict"),
    "end before start": (_store_json(start=9, end=3), "bad position"),
    "bad time": (_store_json(modified="yesterday"), "not an ISO 8601 time"),
    "w3c without a label": (_w3c(body__0__purpose="describing"), "purpose"),
    "w3c two labels": (_w3c(body__1__purpose="tagging"), "more than one tagging"),
    "w3c unknown verdict": (_w3c(body__1__value="maybe"), "unknown verdict"),
    "w3c without position": (_w3c(target__selector__1=...), "TextPositionSelector"),
    "w3c without target": (_w3c(target=...), "no target"),
    "w3c two targets": (
        _w3c(target=[{"source": "file:///a"}, {"source": "file:///b"}]),
        "exactly one target",
    ),
    "w3c negative start": (_w3c(target__selector__1__start=-2), "bad position"),
    "w3c bad uuid": (_w3c(id="urn:uuid:not-a-uuid"), "not a valid urn:uuid"),
    "w3c without created": (_w3c(created=...), "created"),
    "w3c referenced page": (
        json.dumps(
            {"type": "AnnotationCollection", "id": "urn:x", "total": 1, "first": "http://example.org/p1"}
        ),
        "only referenced",
    ),
    "w3c second page": (
        json.dumps({"type": "AnnotationPage", "id": "urn:p", "items": [], "next": "http://example.org/p2"}),
        "more than one page",
    ),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_bad_file_is_rejected_whole_with_one_line(name: str, tmp_path: Path) -> None:
    text, message = BAD_FILES[name]
    (tmp_path / "bad").write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_import(tmp_path / "bad")
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{tmp_path / 'bad'}: ")
    assert "\n" not in str(caught.value)


def test_duplicate_ids_are_rejected() -> None:
    one = annotation()
    text = export_text("json", {}, [one])
    data = json.loads(text)
    data["annotations"].append(data["annotations"][0])
    with pytest.raises(ImportFileError, match="appears twice"):
        parse_import(json.dumps(data))


def test_one_bad_annotation_among_good_ones_rejects_all(tmp_path: Path) -> None:
    good = [annotation(), annotation("quote")]
    data = json.loads(export_text("json", {}, good))
    data["annotations"].append({**data["annotations"][0], "id": "x", "start": -1})
    with pytest.raises(ImportFileError, match="annotation 3"):
        parse_import(json.dumps(data))


def test_files_that_are_not_utf8_or_too_deep(tmp_path: Path) -> None:
    (tmp_path / "latin1.json").write_bytes('{"note": "d\xe9j\xe0"}'.encode("latin-1"))
    with pytest.raises(ImportFileError, match="not UTF-8"):
        read_import(tmp_path / "latin1.json")
    with pytest.raises(ImportFileError, match=r"nested too deeply|not JSON"):
        parse_import("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ImportFileError, match="cannot read"):
        read_import(tmp_path / "missing.json")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "bom.json").write_text("\ufeff" + export_text("json", {}, [annotation()]), encoding="utf-8")
    assert len(read_import(tmp_path / "bom.json").annotations) == 1


# -- the command ----------------------------------------------------------------------------------


def test_cli_import_json_and_w3c(tmp_path: Path) -> None:
    items = [annotation(note='hostile, "quoted" | <b>\n'), annotation("quote", verdict="contradicted")]
    (tmp_path / "a.json").write_text(export_text("json", {}, items), encoding="utf-8")
    (tmp_path / "a.jsonld").write_text(export_text("w3c", {}, items), encoding="utf-8")
    first = run("import", "a.json", "--store", "store.json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stderr == ""
    assert (
        first.stdout
        == "nato-reader: imported 2 annotations (json) into store.json: 2 added, 0 updated, 0 kept\n"
    )
    second = run("import", "a.jsonld", "--store", "store.json", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "0 added, 0 updated, 2 kept" in second.stdout
    assert AnnotationStore.open(tmp_path / "store.json", lock=False).annotations == {a.id: a for a in items}


@pytest.mark.parametrize("name", ["not json", "jsonl", "unknown verdict", "w3c without position"])
def test_cli_import_of_a_bad_file_leaves_the_store_byte_identical(name: str, tmp_path: Path) -> None:
    store_at(tmp_path / "store.json", [annotation()])
    before = (tmp_path / "store.json").read_bytes()
    (tmp_path / "bad.json").write_text(BAD_FILES[name][0], encoding="utf-8")
    result = run("import", "bad.json", "--store", "store.json", cwd=tmp_path)
    assert_clean_failure(result)
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("nato-reader: error: bad.json: ")
    assert (tmp_path / "store.json").read_bytes() == before
    assert not (tmp_path / "store.json.bak").exists()


def test_cli_import_errors_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(export_text("json", {}, [annotation()]), encoding="utf-8")
    (tmp_path / "broken-store.json").write_text("{ broken", encoding="utf-8")
    missing = run("import", "nowhere.json", "--store", "store.json", cwd=tmp_path)
    assert_clean_failure(missing)
    assert "nowhere.json: cannot read" in missing.stderr
    broken = run("import", "good.json", "--store", "broken-store.json", cwd=tmp_path)
    assert_clean_failure(broken)
    assert "broken-store.json: not valid JSON" in broken.stderr
    assert (tmp_path / "broken-store.json").read_text() == "{ broken"


def test_cli_import_while_the_reader_holds_the_store(tmp_path: Path) -> None:
    (tmp_path / "good.json").write_text(export_text("json", {}, [annotation("new")]), encoding="utf-8")
    holder = store_at(tmp_path / "store.json", [annotation()], lock=True)
    try:
        before = (tmp_path / "store.json").read_bytes()
        result = run("import", "good.json", "--store", "store.json", cwd=tmp_path)
        assert_clean_failure(result)
        assert "in use by another nato-reader" in result.stderr
        assert (tmp_path / "store.json").read_bytes() == before
    finally:
        holder.close()
