"""Exports of the annotation store: json, jsonl, csv, md and w3c, as text.

- ``json``: the store file itself (schema ``nato-reader/annotations``), each source entry adding
  its ``id`` and ``title``; it can serve as a store and is what ``import`` reads back.
- ``jsonl``: one flat annotation per line (quote, prefix and suffix as top-level keys), with
  ``divergences``: the divergence types of the annotated sentence against the other sources.
- ``csv``: one row per annotation with a header row, UTF-8 *without* a byte-order mark (what data
  tools expect; in Excel use Data > From Text/CSV and choose UTF-8). Sources are named
  (``source_name``, ``other_source_names``: the outlet as the reader names it) next to their ids; the
  ``prefix``/``suffix`` context is flattened to one line of whole words (the store keeps it exact).
  Every text cell is quoted (numbers are not), so commas, quotes and line breaks in text survive.
  A text cell that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``,
  ``@``, tab or carriage return: OWASP's list) gets a leading ``'``, in every column.
  The ``divergences`` column holds the divergence types of the annotated sentence (``number;
  quote``; ``minor`` for spelling variants only).
- ``md``: a readable report (see ``tui.annotations.exchange.report``).
- ``w3c``: the W3C Web Annotation Data Model as JSON-LD (see ``tui.annotations.exchange.w3c``).

``json`` and ``w3c`` need only the store; ``jsonl``, ``csv`` and ``md`` use the current
``Alignment`` when given, to find each annotated sentence's claim group, the other sources that
carry the claim and its divergences (without one they fall back to the group recorded at tagging
time, and list no divergences).
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from tui.alignment.result import Alignment
from tui.annotations.exchange.formats import FORMATS
from tui.annotations.exchange.placing import (
    Placed,
    Sources,
    match_articles,
    place,
    source_ids,
    source_names,
)
from tui.annotations.model import CONTEXT_CHARS, Annotation
from tui.annotations.store import render
from tui.atomic import remove_stale_temporaries, write_atomic
from tui.corpus.model import Article

CSV_FIELDS = (
    "id",
    "source",
    "source_name",
    "source_title",
    "quote",
    "prefix",
    "suffix",
    "start",
    "end",
    "label",
    "verdict",
    "note",
    "claim",
    "group",
    "other_sources",
    "other_source_names",
    "orphan",
    "changed",
    "created",
    "modified",
    "divergences",
)
# Joins the ids of the other sources in one CSV cell.
SOURCE_SEPARATOR = "; "


class ExportError(Exception):
    """An export that could not be written; the message is one line naming the file."""


def export_text(
    fmt: str,
    sources: Sources,
    annotations: Iterable[Annotation],
    alignment: Alignment | None = None,
) -> str:
    """The export of ``annotations`` (with the store's ``sources``) in format ``fmt``."""
    annotations = list(annotations)
    if fmt == "json":
        return export_json(sources, annotations, alignment)
    if fmt == "jsonl":
        return export_jsonl(annotations, sources, alignment)
    if fmt == "csv":
        return export_csv(sources, annotations, alignment)
    if fmt == "md":
        from tui.annotations.exchange.report import export_markdown

        return export_markdown(sources, annotations, alignment)
    if fmt == "w3c":
        from tui.annotations.exchange.w3c import collection

        return json.dumps(collection(annotations, sources), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")


def save_export(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write an export atomically; an existing file is replaced only with ``overwrite``.

    Raises ExportError with a one-line message when the file exists, its folder is missing, or
    the write fails (the previous file, if any, is then intact).
    """
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    if path.exists() and not overwrite:
        raise ExportError(f"{path}: already exists; not overwritten")
    if not path.parent.is_dir():
        raise ExportError(f"{path}: folder {path.parent} does not exist")
    remove_stale_temporaries(path)  # left by an export killed mid-write
    try:
        write_atomic(path, text, backup=False, mode=0o666 & ~current_umask())
    except OSError as error:
        raise ExportError(f"{path}: not written ({error.strerror or error})") from None


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    # Elsewhere the only way is to set it and put it back (a moment in which files created by
    # other threads would get mode 0o666 & ~0o077: still private, never wider).
    previous = os.umask(0o077)
    os.umask(previous)
    return previous


# -- the store's own formats ----------------------------------------------------------------------


def source_metadata(sources: Sources, alignment: Alignment | None = None) -> dict[str, dict[str, Any]]:
    """The store's sources with their id and, when the article is loaded, title."""
    articles = match_articles(sources, alignment)
    return {
        key: {
            "id": key,
            "path": entry["path"],
            "sha256": entry["sha256"],
            "title": articles[key].title if key in articles else None,
        }
        # The outlet's name, when the reader knows one (``name`` in the store's source entry).
        | ({"name": entry["name"]} if entry.get("name") else {})
        for key, entry in sources.items()
    }


def export_json(
    sources: Sources, annotations: Iterable[Annotation], alignment: Alignment | None = None
) -> str:
    """The store file with source metadata: readable by ``import`` and usable as a store."""
    return render(source_metadata(sources, alignment), annotations)


def flat(annotation: Annotation) -> dict[str, Any]:
    """One annotation as a flat dictionary (the quote's parts as top-level keys)."""
    data = annotation.to_json()
    quote = data.pop("quote")
    return {
        "id": data.pop("id"),
        "source": data.pop("source"),
        "quote": quote["exact"],
        "prefix": quote["prefix"],
        "suffix": quote["suffix"],
        **data,
    }


def export_jsonl(
    annotations: Iterable[Annotation], sources: Sources | None = None, alignment: Alignment | None = None
) -> str:
    """One flat annotation per line, in creation order, with its sentence's divergence types."""
    ordered = sorted(annotations, key=lambda a: (a.created, a.id))
    placed = place(ordered, sources or {}, alignment)
    return "".join(
        json_line(
            flat(item.annotation if alignment else a) | {"divergences": divergence_types(alignment, item)}
        )
        + "\n"
        for a, item in zip(ordered, placed, strict=True)
    )


def divergence_types(alignment: Alignment | None, item: Placed) -> list[str]:
    """The divergence types of the annotated sentence against the other sources of its claim.

    Spelling variants count as ``minor``; a sentence outside a claim group has none.
    """
    if alignment is None or item.group is None or item.member is None:
        return []
    found: set[str] = set()
    for other in item.group.members:
        if other != item.member:
            for divergence in alignment.compare(item.member, other).divergences:
                found.add("minor" if divergence.minor else divergence.type)
    order = ("number", "date", "attribution", "name", "quote", "minor")
    return [kind for kind in order if kind in found]


# Characters that JSON leaves raw but Python's str.splitlines (and JavaScript, before ES2019) take
# for line breaks; escaped so that every reader sees one annotation per line.
_LINE_BREAKS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def json_line(data: Any) -> str:
    """``data`` as one line of JSON (UTF-8 text kept readable, line-like characters escaped)."""
    text = json.dumps(data, ensure_ascii=False)
    for raw, escaped in _LINE_BREAKS.items():
        text = text.replace(raw, escaped)
    return text


def source_name(article: Article | None, source: str) -> str:
    """What a person calls a source: the outlet's headline or page title when known, else its id."""
    return (article.title if article is not None else None) or source


def flat_context(text: str, *, before: bool) -> str:
    """Quote context for a spreadsheet cell: one line, cut only between words.

    The stored context is a fixed number of characters, so its outer word may be cut (``nday
    to discuss``); that partial word is dropped, and line breaks become spaces.
    """
    words = text.split()
    if len(text) >= CONTEXT_CHARS and words:
        # At full width the outer end may fall inside a word; at less, it is the article's edge.
        outer = text[0] if before else text[-1]
        if not outer.isspace():
            words = words[1:] if before else words[:-1]
    return " ".join(words)


def other_sources(item: Placed, ids: Mapping[str, str]) -> list[str]:
    """The ids of the other sources that carry the annotated claim."""
    if item.group is None or item.article is None:
        return []
    return [ids.get(s, s) for s in item.group.sources if s != item.article.id]


# -- csv ------------------------------------------------------------------------------------------


def csv_rows(
    sources: Sources, annotations: Iterable[Annotation], alignment: Alignment | None
) -> list[dict[str, Any]]:
    """The CSV rows (``CSV_FIELDS`` keys), in source then text order."""
    ordered = sorted(annotations, key=lambda a: (a.source, a.start, a.end, a.id))
    ids = source_ids(sources, alignment)
    names = source_names(sources, alignment)
    rows = []
    for item in place(ordered, sources, alignment):
        a = item.annotation
        group = item.group.id if item.group is not None else (a.group if alignment is None else None)
        rows.append(
            {
                "id": a.id,
                "source": a.source,
                "source_name": names.get(a.source) or source_name(item.article, a.source),
                "source_title": (item.article.title if item.article else None) or "",
                "quote": a.quote.exact,
                "prefix": flat_context(a.quote.prefix, before=True),
                "suffix": flat_context(a.quote.suffix, before=False),
                "start": a.start,
                "end": a.end,
                "label": a.label,
                "verdict": a.verdict or "",
                "note": a.note,
                "claim": a.claim or "",
                "group": "" if group is None else group,
                "other_sources": SOURCE_SEPARATOR.join(other_sources(item, ids)),
                "other_source_names": SOURCE_SEPARATOR.join(
                    names.get(s, s)
                    for s in (item.group.sources if item.group else [])
                    if item.article and s != item.article.id
                ),
                "orphan": "true" if a.orphan else "false",
                "changed": "true" if a.changed else "false",
                "created": a.created,
                "modified": a.modified,
                "divergences": SOURCE_SEPARATOR.join(divergence_types(alignment, item)),
            }
        )
    return rows


# Cells starting with these are formulas to Excel, LibreOffice and Google Sheets (OWASP, "CSV
# Injection"): a note "=1+1" is evaluated, an HTML title "=HYPERLINK(...)" becomes a link.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(cell: Any) -> Any:
    """A text cell with a leading ``'`` when a spreadsheet would evaluate it; numbers as they are."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def export_csv(
    sources: Sources, annotations: Iterable[Annotation], alignment: Alignment | None = None
) -> str:
    """One row per annotation after a header row; text cells quoted, lines ending in ``\\n``."""
    buffer = io.StringIO(newline="")
    # Every text cell is quoted, numbers are not: with minimal quoting Python's csv module leaves a
    # lone carriage return in a note unquoted when lines end in "\n", which splits the row.
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writeheader()
    writer.writerows(
        {key: defuse(value) for key, value in row.items()}
        for row in csv_rows(sources, annotations, alignment)
    )
    return buffer.getvalue()
