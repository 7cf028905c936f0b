"""The annotation store: one pretty-printed JSON file, written atomically on every change.

Guarantees, each with a test:
- every change is on disk when ``apply`` returns (temporary file in the same folder, flushed and
  fsynced, renamed over the old file, folder fsynced), and the last three versions are kept as
  ``<name>.bak``, ``<name>.bak.2`` and ``<name>.bak.3``;
- the store is its resolved path: a symlinked store stays a link, and the lock is the real file's;
- a change on disk since the last read (another program, a hand edit, a sync tool: size, mtime
  and sha256 compared) is never overwritten: the store reloads it and the change is refused with
  a message saying so;
- a file it cannot read (bad JSON, unknown version, wrong shape) is never overwritten: loading
  raises ``StoreError`` and the caller opens read-only or stops;
- a second process on the same file gets the store read-only (an OS file lock, released on exit
  and when a process dies);
- a failed write of any kind leaves the previous file intact, undoes the change in memory and
  raises ``StoreError`` naming the file, the cause and "not saved";
- file names that are not UTF-8 (surrogate-escaped in Python) are stored as JSON escapes and
  read back to the same name.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path

from tui.annotations.model import Annotation, Change, reanchor
from tui.annotations.sources import absolute, same_source, spare_key
from tui.annotations.store_lock import Busy, Held, take
from tui.annotations.store_text import SCHEMA, VERSION, render
from tui.atomic import write_atomic

__all__ = ["IMPORTED", "SCHEMA", "VERSION", "AnnotationStore", "StoreError", "render", "write_atomic"]

# A source entry's key marking a path that came from an imported file: a label, never read.
IMPORTED = "imported"


class StoreError(Exception):
    """A store problem, as one line for the user naming the file and what to do."""


class _Reloaded(StoreError):
    """The file changed on disk and was reloaded: memory already holds the file's version."""


def _restore(path: Path) -> str:
    """Suggest the backup only when there is one to restore."""
    backup = path.with_name(f"{path.name}.bak")
    return f" or restore {backup.name}" if backup.exists() else ""


def _parse(path: Path, raw: str) -> tuple[dict[str, dict[str, str]], list[Annotation]]:
    if not raw.strip():
        raise StoreError(f"{path}: the file is empty (not a store); move it away{_restore(path)}")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise StoreError(
            f"{path}: not valid JSON (line {error.lineno}: {error.msg}); fix it{_restore(path)}"
        ) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise StoreError(f"{path}: not a nato-reader annotation store (no schema {SCHEMA!r})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(f"{path}: unknown store version {version!r}; fix it{_restore(path)}")
    if version > VERSION:
        raise StoreError(
            f"{path}: store version {version!r} is newer than this nato-reader reads ({VERSION}); upgrade"
        )
    try:
        sources = {
            str(k): {"path": str(v["path"]), "sha256": str(v["sha256"])}
            | ({"name": str(v["name"])} if v.get("name") else {})  # an outlet name the user gave
            | ({IMPORTED: "true"} if v.get(IMPORTED) else {})
            for k, v in data["sources"].items()
        }
        items = data["annotations"]
        if not isinstance(items, list):  # iterating a {} or "" would read as no annotations
            raise TypeError(f"annotations is a {type(items).__name__}, not a list")
        annotations = [Annotation.from_json(item) for item in items]
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise StoreError(
            f"{path}: wrong shape ({error.__class__.__name__}: {error}); fix it{_restore(path)}"
        ) from None
    seen: set[str] = set()
    for annotation in annotations:
        if annotation.id in seen:  # one would silently replace the other, and the next save drop it
            raise StoreError(
                f"{path}: wrong shape (annotation id {annotation.id!r} twice); fix it{_restore(path)}"
            )
        seen.add(annotation.id)
    return sources, annotations


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):  # a symlink loop: keep the name, opening will say what is wrong
        return Path(path)


def _fingerprint(raw: bytes, stat: os.stat_result) -> tuple[int, int, str]:
    return stat.st_size, stat.st_mtime_ns, hashlib.sha256(raw).hexdigest()


class AnnotationStore:
    """Annotations of one store file, with undo and redo of every change in this session."""

    def __init__(self, path: Path) -> None:
        # The real file: saving through a symlink replaces the target, not the link, and two
        # readers through different names share one lock.
        self.path = _resolved(path)
        self.unsaved = False  # True when memory holds a change the file does not (a failed save)
        self._disk: tuple[int, int, str] | None = None  # (size, mtime_ns, sha256) last read/written
        self.sources: dict[str, dict[str, str]] = {}
        self.annotations: dict[str, Annotation] = {}
        self.read_only = False
        self.read_only_reason = ""
        self._lock: Held | None = None
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
        path = store.path
        if lock:
            # Lock first, then read: a holder's last save lands before this read, never after it
            # (reading first, a writable store could miss that save and drop it on its next one).
            store._take_lock()
        try:
            if path.exists():
                store._read()
        except StoreError:
            store.close()
            raise
        return store

    def _read(self) -> None:
        """Load the file into memory and remember its size, mtime and hash."""
        path = self.path
        try:
            with path.open("rb") as handle:
                stat = os.fstat(handle.fileno())
                data = handle.read()
            raw = data.decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise StoreError(f"{path}: cannot read ({error}); check the file's permissions") from None
        self.sources, annotations = _parse(path, raw)
        self.annotations = {a.id: a for a in annotations}
        self._disk = _fingerprint(data, stat)

    def _changed_on_disk(self) -> bool:
        """Whether the file is not what this store last read or wrote (cheap when it is)."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError:
            return self._disk is not None
        except OSError:
            return False  # the write will say what is wrong
        if self._disk is None:
            return True  # created by someone else since this store found none
        size, mtime, digest = self._disk
        if (stat.st_size, stat.st_mtime_ns) == (size, mtime):
            return False
        try:
            data = self.path.read_bytes()
        except OSError:
            return False
        return hashlib.sha256(data).hexdigest() != digest

    def _take_lock(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            lock = take(str(self.path) + ".lock")
        except Busy:
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

    def claim_sources(self, articles: dict[str, tuple[str, str]]) -> int:
        """Make each opened article's id name that article's file in this store.

        ``articles`` maps article id to (path, sha256). An entry with that id that is another
        file (see ``tui.annotations.sources``) moves, with its annotations, to a key of its own;
        an entry under such a key that is this file comes back to the id. Returns how many
        annotations changed key; saved when writable.
        """
        moved = 0
        for key, (path, digest) in articles.items():
            known = self.sources.get(key)
            if known is not None and not same_source(known, path, digest):
                moved += self._rekey(key, spare_key(key, known["path"], set(self.sources)))
                known = None
            if known is None:
                home = next(
                    (
                        other
                        for other, entry in self.sources.items()
                        if other.startswith(f"{key} (") and same_source(entry, path, digest)
                    ),
                    None,
                )
                if home is not None:
                    moved += self._rekey(home, key)
        if moved and not self.read_only:
            self.save()
        return moved

    def _rekey(self, old: str, new: str) -> int:
        self.sources[new] = self.sources.pop(old)
        count = 0
        for annotation in self.for_source(old):
            self.annotations[annotation.id] = replace(annotation, source=new)
            count += 1
        self._undo.clear()  # undo entries name the old key
        self._redo.clear()
        return count

    def rename(self, source: str, name: str, path: str, digest: str) -> None:
        """Give ``source`` an outlet name (empty to forget it) and save; StoreError when not saved."""
        if self.read_only:
            raise StoreError(f"{self.path}: {self.read_only_reason}")
        previous = self.sources.get(source)
        entry = {**(previous or {}), "path": absolute(path), "sha256": digest}
        entry.pop("name", None)
        if name:
            entry["name"] = name
        self.sources[source] = entry
        try:
            self.save()
        except _Reloaded:  # the file on disk won: its sources are loaded now
            raise
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
            self.sources[source] = {"path": absolute(path), "sha256": digest} | (
                {"name": known["name"]} if known.get("name") else {}  # a name the user gave stays
            )
        if changed and not self.read_only:
            self.save()
        return moved

    def apply(
        self, change: Change, sources: dict[str, tuple[str, str]] | None = None, *, imported: bool = False
    ) -> None:
        """Make ``change`` and save; on a failed save, undo it in memory and raise StoreError.

        ``sources`` (id -> (path, sha256)) are recorded too; with ``imported`` they are marked as
        coming from an imported file, so that no export reads their paths.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: {self.read_only_reason}")
        previous_sources = dict(self.sources)
        self._swap(change.before, change.after)
        for source, (path, digest) in (sources or {}).items():
            # An imported path is a label, kept as it is; a reader's is recorded absolute.
            recorded = path if imported else absolute(path)
            kept = self.sources.get(source, {}).get("name")  # a name the user gave stays
            self.sources[source] = (
                {"path": recorded, "sha256": digest}
                | ({IMPORTED: "true"} if imported else {})
                | ({"name": kept} if kept else {})
            )
        try:
            self.save()
        except _Reloaded:
            raise
        except StoreError:
            self._swap(change.after, change.before)
            self.sources = previous_sources
            self.unsaved = False
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
        except _Reloaded:
            raise
        except StoreError:
            self._swap(new, old)
            self.unsaved = False
            raise
        source.pop()
        target.append(change)
        return change

    def save(self) -> None:
        """Write the store now. Raises StoreError (the old file intact) when that fails.

        A file changed on disk since it was last read or written here is reloaded instead, and
        StoreError says so: the other writer's version is kept, this change is not saved.
        """
        if self._changed_on_disk():
            self.unsaved = True
            try:
                if self.path.exists():
                    self._read()
                else:
                    self.sources, self.annotations, self._disk = {}, {}, None
            except StoreError as error:
                self.make_read_only(f"{error} (changed on disk; opened read-only)")
                raise StoreError(f"{self.path}: not saved; {error}") from None
            self._undo.clear()
            self._redo.clear()
            self._rendered.clear()
            self.unsaved = False
            raise _Reloaded(
                f"{self.path}: not saved: the file changed on disk since it was read (another program "
                "or a hand edit); its version is loaded now, make the change again"
            )
        try:
            text = render(self.sources, self.annotations.values(), self._rendered)
            write_atomic(self.path, text)
            data = text.encode("utf-8")
            self._disk = _fingerprint(data, os.stat(self.path))
        except Exception as error:  # any failure: the caller undoes the change and says so
            reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
            self.unsaved = True
            raise StoreError(f"{self.path}: not saved ({reason}); the previous version is intact") from None
        self.unsaved = False
