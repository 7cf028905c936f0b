"""Reading a ``json`` or ``w3c`` export back into a store, merged by annotation id.

The whole file is read and checked before anything changes: one problem anywhere rejects it,
with a one-line message, and the store stays as it was.

Merge rule: an annotation whose id the store does not have is added; for an id both have, the
copy with the later ``modified`` time wins, and on a tie the store keeps its own. So importing an
old backup never undoes newer work, and importing the same file twice changes nothing the second
time. When anything changes, sources the store does not know yet are added with their path and
sha256 (a W3C file from another tool may have no sha256: the reader then re-anchors those
annotations when it opens the article); sources the store knows keep their entries.

Imported data is untrusted: every string (ids, labels, notes, quotes, source ids and paths) has
its control characters made visible (``tui.corpus.text.visible``) before it is stored or shown,
and an imported source's path is only a label, marked ``imported`` in the store: no export reads
that file (a W3C target of ``file:///etc/passwd`` must not end up in a report).
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tui.annotations.exchange.w3c import W3CError, from_w3c, items_of
from tui.annotations.model import Annotation, Change
from tui.annotations.store import SCHEMA, VERSION, AnnotationStore
from tui.corpus.text import visible


class ImportFileError(Exception):
    """A file that cannot be imported; the message says which and why in one line."""


@dataclass(slots=True)
class Imported:
    """The checked content of an import file."""

    format: str  # "json" or "w3c"
    annotations: list[Annotation]
    sources: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (path, sha256)


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What an import did: annotations added, updated (the file's copy was newer), kept."""

    added: int
    updated: int
    kept: int

    @property
    def changed(self) -> int:
        """Annotations the import added or replaced."""
        return self.added + self.updated


# An export of 10,000 annotations is about 10 MB. Python holds parsed JSON in some 20 times its
# size, so a 100 MB file took 2.2 GB before it was rejected: refuse before reading.
MAX_IMPORT_BYTES = 64 * 1024 * 1024


def read_import(path: Path) -> Imported:
    """Read and check an export file; raises ImportFileError naming the file.

    Size and shape are checked while reading, before parsing: a file over MAX_IMPORT_BYTES, or
    one that is not a JSON object, is refused without holding it in memory.
    """
    shown = visible(str(path), one_line=True)
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_IMPORT_BYTES:
                raise ImportFileError(
                    f"{shown}: too large to be an export (over {MAX_IMPORT_BYTES >> 20} MB)"
                )
            head = handle.read(4096)
            start = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
            if start != b"{":
                what = "not a W3C annotation document" if start == b"[" else "not JSON"
                raise ImportFileError(
                    f"{shown}: {what} (expected a JSON object); import reads json and w3c exports"
                )
            raw = head + handle.read(MAX_IMPORT_BYTES + 1 - len(head))  # bounded if it grows
            if len(raw) > MAX_IMPORT_BYTES:
                raise ImportFileError(
                    f"{shown}: too large to be an export (over {MAX_IMPORT_BYTES >> 20} MB)"
                )
    except OSError as error:
        raise ImportFileError(f"{shown}: cannot read ({error.strerror or error})") from None
    try:
        return parse_import(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportFileError(f"{shown}: not UTF-8 text; import reads json and w3c exports") from None
    except ImportFileError as error:
        raise ImportFileError(f"{shown}: {error}") from None


def parse_import(text: str) -> Imported:
    """Parse a ``json`` or ``w3c`` export; raises ImportFileError (message without the file name)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            f"not JSON (line {error.lineno}: {error.msg}); import reads json and w3c exports"
        ) from None
    except RecursionError:
        raise ImportFileError("JSON nested too deeply") from None
    except ValueError as error:  # an integer over 4,300 digits (Python's int limit), and the like
        raise ImportFileError(f"not a usable export ({' '.join(str(error).split())[:100]})") from None
    if isinstance(data, dict) and data.get("schema") == SCHEMA:
        imported = _parse_json(data)
    else:
        try:
            imported = _parse_w3c(data)
        except W3CError as error:
            raise ImportFileError(f"{error}; import reads json and w3c exports") from None
    imported.annotations = [made_visible(annotation) for annotation in imported.annotations]
    imported.sources = {
        visible(key, one_line=True): (visible(path, one_line=True), visible(digest, one_line=True))
        for key, (path, digest) in imported.sources.items()
    }
    _check_unique(imported.annotations)
    for annotation in imported.annotations:
        _check_times(annotation)
    return imported


def made_visible(annotation: Annotation) -> Annotation:
    """``annotation`` with every string made safe to show (see ``visible``)."""

    def line(text: str) -> str:
        return visible(text, one_line=True)

    quote = annotation.quote
    return replace(
        annotation,
        id=line(annotation.id),
        source=line(annotation.source),
        label=line(annotation.label),
        note=visible(annotation.note),
        claim=None if annotation.claim is None else line(annotation.claim),
        quote=replace(
            quote, exact=visible(quote.exact), prefix=visible(quote.prefix), suffix=visible(quote.suffix)
        ),
        created=line(annotation.created),
        modified=line(annotation.modified),
    )


def _parse_json(data: dict[str, Any]) -> Imported:
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version > VERSION:
        raise ImportFileError(f"store version {version!r} is newer than this nato-reader reads ({VERSION})")
    items, sources = data.get("annotations"), data.get("sources", {})
    if not isinstance(items, list) or not isinstance(sources, dict):
        raise ImportFileError("wrong shape (annotations must be a list and sources an object)")
    parsed_sources: dict[str, tuple[str, str]] = {}
    for key, entry in sources.items():
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "sha256")):
            raise ImportFileError(f"source {key!r} needs a path and a sha256")
        parsed_sources[key] = (entry["path"], entry["sha256"])
    return Imported(
        "json", [_annotation(item, number) for number, item in enumerate(items, 1)], parsed_sources
    )


def _annotation(item: Any, number: int) -> Annotation:
    try:
        return Annotation.from_json(item)
    except ValueError as error:
        raise ImportFileError(f"annotation {number}: {error}") from None


def _parse_w3c(data: Any) -> Imported:
    annotations: list[Annotation] = []
    sources: dict[str, tuple[str, str]] = {}
    for item in items_of(data):
        annotation, source = from_w3c(item)
        annotations.append(annotation)
        if source is not None:
            sources.setdefault(annotation.source, source)
    return Imported("w3c", annotations, sources)


def _check_unique(annotations: list[Annotation]) -> None:
    seen: set[str] = set()
    for annotation in annotations:
        if annotation.id in seen:
            raise ImportFileError(f"annotation id {annotation.id!r} appears twice")
        seen.add(annotation.id)


def timestamp(value: str) -> datetime:
    """An ISO 8601 time as an aware datetime (UTC when it has no offset); raises ValueError."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _check_times(annotation: Annotation) -> None:
    for name in ("created", "modified"):
        try:
            timestamp(getattr(annotation, name))
        except ValueError:
            raise ImportFileError(
                f"annotation {annotation.id!r}: {name} {getattr(annotation, name)!r} is not an ISO 8601 time"
            ) from None


def plan_merge(existing: Mapping[str, Annotation], incoming: list[Annotation]) -> tuple[Change, MergeResult]:
    """The change that merges ``incoming`` into ``existing`` (the later ``modified`` wins)."""
    change = Change("import annotations")
    added = updated = kept = 0
    for annotation in incoming:
        current = existing.get(annotation.id)
        if current is None:
            added += 1
        elif timestamp(annotation.modified) > timestamp(current.modified):
            updated += 1
        else:
            kept += 1
            continue
        change.before.append(current)
        change.after.append(annotation)
    return change, MergeResult(added, updated, kept)


def import_into(store: AnnotationStore, imported: Imported) -> MergeResult:
    """Merge ``imported`` into ``store`` and save it (one undoable change).

    Raises StoreError when the store is read-only or cannot be saved; it is then unchanged.
    """
    change, result = plan_merge(store.annotations, imported.annotations)
    if result.changed:
        new_sources = {key: entry for key, entry in imported.sources.items() if key not in store.sources}
        store.apply(change, new_sources, imported=True)
    return result
