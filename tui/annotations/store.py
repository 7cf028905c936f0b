"""The annotation store: one pretty-printed JSON file, written atomically on every change.

Guarantees, each with a test:
- every change is on disk when ``apply`` returns (temporary file in the same folder, flushed and
  fsynced, renamed over the old file, folder fsynced), and the previous version is kept as
  ``<name>.bak``;
- a file it cannot read (bad JSON, unknown version, wrong shape) is never overwritten: loading
  raises ``StoreError`` and the caller opens read-only or stops;
- a second process on the same file gets the store read-only (an OS file lock, released on exit
  and when a process dies);
- a failed write leaves the previous file intact, undoes the change in memory and raises
  ``StoreError`` naming the file and the cause.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from json.encoder import encode_basestring as _encode_string
from pathlib import Path
from typing import Any

from tui.annotations.model import Annotation, Change, reanchor

SCHEMA = "nato-reader/annotations"
VERSION = 1


class StoreError(Exception):
    """A store problem, as one line for the user naming the file and what to do."""


def _parse(path: Path, raw: str) -> tuple[dict[str, dict[str, str]], list[Annotation]]:
    if not raw.strip():
        raise StoreError(f"{path}: the file is empty (not a store); move it away or restore {path.name}.bak")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise StoreError(
            f"{path}: not valid JSON (line {error.lineno}: {error.msg}); fix it or restore {path.name}.bak"
        ) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise StoreError(f"{path}: not a nato-reader annotation store (no schema {SCHEMA!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(f"{path}: unknown store version {version!r}; fix it or restore {path.name}.bak")
    if version > VERSION:
        raise StoreError(
            f"{path}: store version {version!r} is newer than this nato-reader reads ({VERSION}); upgrade"
        )
    try:
        sources = {
            str(k): {"path": str(v["path"]), "sha256": str(v["sha256"])}
            | ({"name": str(v["name"])} if v.get("name") else {})  # an outlet name the user gave
            for k, v in data["sources"].items()
        }
        items = data["annotations"]
        if not isinstance(items, list):  # iterating a {} or "" would read as no annotations
            raise TypeError(f"annotations is a {type(items).__name__}, not a list")
        annotations = [Annotation.from_json(item) for item in items]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise StoreError(
            f"{path}: wrong shape ({error.__class__.__name__}: {error}); fix it or restore {path.name}.bak"
        ) from None
    seen: set[str] = set()
    for annotation in annotations:
        if annotation.id in seen:  # one would silently replace the other, and the next save drop it
            raise StoreError(
                f"{path}: wrong shape (annotation id {annotation.id!r} twice); "
                f"fix it or restore {path.name}.bak"
            )
        seen.add(annotation.id)
    return sources, annotations


def _pretty(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it at ``indent``.

    The same text, several times faster: ``indent=2`` makes ``json`` use its pure-Python encoder,
    while strings here go through its C string encoder. Raw newlines never occur inside JSON
    strings, so nesting is a matter of indenting every new line.
    """
    if isinstance(value, str):
        return _encode_string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    if isinstance(value, dict) and value and all(isinstance(key, str) for key in value):
        inner = indent + "  "
        items = [f"{_encode_string(key)}: {_pretty(item, inner)}" for key, item in value.items()]
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "}"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


# ``_pretty(annotation.to_json(), "    ")`` spelled out, at twice its speed: the first save after
# opening encodes every annotation (60 ms for 10,000). A test compares it with json.dumps.
_ANNOTATION = (
    '{{\n      "id": {},\n      "source": {},\n      "start": {},\n      "end": {},\n'
    '      "quote": {{\n        "exact": {},\n        "prefix": {},\n        "suffix": {}\n      }},\n'
    '      "label": {},\n      "verdict": {},\n      "note": {},\n      "claim": {},\n      "group": {},\n'
    '      "created": {},\n      "modified": {},\n      "orphan": {}\n    }}'
)


def _encode_annotation(a: Annotation) -> str:
    q, text, value = a.quote, _encode_string, _pretty
    try:
        return _ANNOTATION.format(
            text(a.id),
            text(a.source),
            value(a.start, "      "),
            value(a.end, "      "),
            text(q.exact),
            text(q.prefix),
            text(q.suffix),
            text(a.label),
            value(a.verdict, "      "),
            text(a.note),
            value(a.claim, "      "),
            value(a.group, "      "),
            text(a.created),
            text(a.modified),
            value(a.orphan, "      "),
        )
    except TypeError:  # a field that is not the type it should be: encode it generically
        return _pretty(a.to_json(), "    ")


def render(
    sources: dict[str, dict[str, str]],
    annotations: Iterable[Annotation],
    cache: dict[str, tuple[Annotation, str]] | None = None,
) -> str:
    """The store's text: schema and version first, then a fixed key order and annotation order,
    so that it diffs well (exactly ``json.dumps(..., ensure_ascii=False, indent=2)``).

    ``cache`` (annotation id -> (annotation, its text)) is read and refreshed in place, so that
    a change re-encodes only the annotations it touched (json.dumps with indent took 0.5 s for
    10,000).
    """
    ordered = sorted(annotations, key=lambda a: (a.created, a.id))
    previous = cache if cache is not None else {}
    fresh: dict[str, tuple[Annotation, str]] = {}
    chunks = []
    for annotation in ordered:
        hit = previous.get(annotation.id)
        if hit is None or hit[0] is not annotation:
            hit = (annotation, _encode_annotation(annotation))
        fresh[annotation.id] = hit
        chunks.append(hit[1])
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    head = {"schema": SCHEMA, "version": VERSION, "sources": {key: sources[key] for key in sorted(sources)}}
    opening = _pretty(head, "")[: -len("\n}")] + ',\n  "annotations": '
    if not chunks:
        return opening + "[]\n}\n"
    # One join: the text is megabytes, and every concatenation would copy all of it again.
    parts = [opening + "[\n    "]
    for chunk in chunks:
        parts += (chunk, ",\n    ")
    parts[-1] = "\n  ]\n}\n"
    return "".join(parts)


def write_atomic(path: Path, text: str, backup: bool = True) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file.

    Raises OSError; the old file is untouched when anything fails.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as handle:
        temporary = Path(handle.name)
        try:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException:
            # On a full disk, close() fails too (its flush); the file must still go.
            with contextlib.suppress(OSError):
                handle.close()
            temporary.unlink(missing_ok=True)
            raise
    backup_tmp = folder / f".{path.name}.bak.tmp"
    try:
        if backup and path.exists():
            backup_tmp.unlink(missing_ok=True)  # left by a crash
            try:
                # A second name for the old file, which the rename below leaves to the .bak
                # alone: no copy of megabytes on every key press.
                os.link(path, backup_tmp)
            except OSError:  # a file system without hard links
                shutil.copy2(path, backup_tmp)
            os.replace(backup_tmp, folder / f"{path.name}.bak")
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        backup_tmp.unlink(missing_ok=True)
        raise
    try:
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass
    finally:
        os.close(directory)


class AnnotationStore:
    """Annotations of one store file, with undo and redo of every change in this session."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sources: dict[str, dict[str, str]] = {}
        self.annotations: dict[str, Annotation] = {}
        self.read_only = False
        self.read_only_reason = ""
        self._lock = None
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self._rendered: dict[str, tuple[Annotation, str]] = {}  # see render()

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, *, lock: bool = True) -> AnnotationStore:
        """Load ``path`` (missing means empty). Raises ``StoreError`` for an unreadable file.

        With ``lock``, takes the store's lock; if another process holds it the store opens
        read-only, with ``read_only_reason`` saying why.
        """
        store = cls(path)
        if lock:
            # Lock first, then read: a holder's last save lands before this read, never after it
            # (reading first, a writable store could miss that save and drop it on its next one).
            store._take_lock()
        try:
            if path.exists():
                try:
                    raw = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as error:
                    raise StoreError(f"{path}: cannot read ({error}); check the file's permissions") from None
                store.sources, annotations = _parse(path, raw)
                store.annotations = {a.id: a for a in annotations}
        except StoreError:
            store.close()
            raise
        return store

    def _take_lock(self) -> None:
        from filelock import FileLock, Timeout

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(self.path) + ".lock", timeout=0)
            lock.acquire()
        except Timeout:
            self.make_read_only("in use by another nato-reader; opened read-only")
            return
        except OSError as error:
            self.make_read_only(f"cannot lock ({error.strerror or error}); opened read-only")
            return
        self._lock = lock
        # Stores write under the lock, so temporary files here now were left by a crash; each is
        # a whole copy of the store.
        prefix = f".{self.path.name}."
        with contextlib.suppress(OSError):
            for entry in self.path.parent.iterdir():
                if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                    entry.unlink(missing_ok=True)

    def make_read_only(self, reason: str) -> None:
        """Refuse changes from now on, saying ``reason`` when one is tried."""
        self.read_only = True
        self.read_only_reason = reason

    def close(self) -> None:
        """Release the lock (the OS releases it too if the process dies)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- reading ---------------------------------------------------------------------------

    def for_source(self, source: str) -> list[Annotation]:
        """The annotations on ``source``, in text order."""
        return sorted(
            (a for a in self.annotations.values() if a.source == source), key=lambda a: (a.start, a.end)
        )

    def at(self, source: str, start: int, end: int) -> list[Annotation]:
        """Annotations on ``source`` overlapping ``[start, end)`` (orphans excluded)."""
        return [a for a in self.for_source(source) if not a.orphan and a.start < end and start < a.end]

    def names(self) -> dict[str, str]:
        """Outlet names the user gave to sources, by source id."""
        return {source: entry["name"] for source, entry in self.sources.items() if entry.get("name")}

    # -- changing --------------------------------------------------------------------------

    def rename(self, source: str, name: str, path: str, digest: str) -> None:
        """Give ``source`` an outlet name (empty to forget it) and save; StoreError when not saved."""
        if self.read_only:
            raise StoreError(f"{self.path}: {self.read_only_reason}")
        previous = self.sources.get(source)
        entry = {**(previous or {}), "path": path, "sha256": digest}
        entry.pop("name", None)
        if name:
            entry["name"] = name
        self.sources[source] = entry
        try:
            self.save()
        except StoreError:
            if previous is None:
                self.sources.pop(source, None)
            else:
                self.sources[source] = previous
            raise

    def reanchor(self, texts: dict[str, tuple[str, str, str]]) -> int:
        """Re-anchor annotations of sources whose text changed since they were annotated.

        ``texts`` maps source id to (path, sha256, text). Returns how many annotations moved,
        changed words (an approximate match), became orphans or stopped being orphans; the store
        is saved when anything changed (a quote's context too) and it is writable.
        """
        changed = moved = 0
        for source, (path, digest, text) in texts.items():
            known = self.sources.get(source)
            if known is None or known["sha256"] == digest:
                continue
            for annotation in self.for_source(source):
                now = reanchor(text, annotation)
                if now == annotation:
                    continue
                self.annotations[annotation.id] = now
                changed += 1
                where = (now.start, now.end, now.orphan, now.quote.exact)
                moved += where != (
                    annotation.start,
                    annotation.end,
                    annotation.orphan,
                    annotation.quote.exact,
                )
            self.sources[source] = {**known, "path": path, "sha256": digest}
        if changed and not self.read_only:
            self.save()
        return moved

    def apply(self, change: Change, sources: dict[str, tuple[str, str]] | None = None) -> None:
        """Make ``change`` and save; on a failed save, undo it in memory and raise StoreError."""
        if self.read_only:
            raise StoreError(f"{self.path}: {self.read_only_reason}")
        previous_sources = dict(self.sources)
        self._swap(change.before, change.after)
        for source, (path, digest) in (sources or {}).items():
            self.sources[source] = {**self.sources.get(source, {}), "path": path, "sha256": digest}
        try:
            self.save()
        except StoreError:
            self._swap(change.after, change.before)
            self.sources = previous_sources
            raise
        self._undo.append(change)
        self._redo.clear()

    def _swap(self, old: list[Annotation | None], new: list[Annotation | None]) -> None:
        for before, after in zip(old, new, strict=True):
            if before is not None:
                self.annotations.pop(before.id, None)
            if after is not None:
                self.annotations[after.id] = after

    def undo(self) -> Change | None:
        """Revert the last change (saved at once); None when there is nothing to undo."""
        return self._step(self._undo, self._redo, backwards=True)

    def redo(self) -> Change | None:
        """Make the last undone change again (saved at once); None when there is nothing."""
        return self._step(self._redo, self._undo, backwards=False)

    def _step(self, source: list[Change], target: list[Change], backwards: bool) -> Change | None:
        if not source:
            return None
        if self.read_only:
            raise StoreError(f"{self.path}: {self.read_only_reason}")
        change = source[-1]
        old, new = (change.after, change.before) if backwards else (change.before, change.after)
        self._swap(old, new)
        try:
            self.save()
        except StoreError:
            self._swap(new, old)
            raise
        source.pop()
        target.append(change)
        return change

    def save(self) -> None:
        """Write the store now. Raises StoreError (the old file intact) when that fails."""
        try:
            write_atomic(self.path, render(self.sources, self.annotations.values(), self._rendered))
        except OSError as error:
            reason = error.strerror or str(error)
            raise StoreError(f"{self.path}: not saved ({reason}); the previous version is intact") from None
