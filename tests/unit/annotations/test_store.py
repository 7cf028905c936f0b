"""The annotation store on disk: unreadable files, format, backups, failed writes, locks, undo.

The promises under test (tui/core/store.py): a file it cannot read is never written to; every
change is on disk when ``apply`` returns, pretty-printed in a stable order, the previous version
kept as ``<name>.bak``; a failed write (read-only folder, full disk) leaves the old file
byte-identical, rolls the change back in memory and says why; a second process gets the store
read-only; undo and redo restore exact states on disk. The SIGKILL test is tests/test_store_crash.py.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui import paths
from tui.annotations.model import VERDICTS, Annotation, Change, Quote, create
from tui.annotations.store import SCHEMA, VERSION, AnnotationStore, StoreError, render

TEXT = (
    "NATO defence ministers agreed on Thursday to raise the alliance's spending target to 3.5% of "
    "GDP by 2035, a senior official said. “We will not leave Ukraine alone,” the Secretary General "
    "told reporters in Brussels. Critics said the plan lacked detail; Spain asked for an exemption."
)
SOURCE = "reuters"
SOURCES = {SOURCE: ("/articles/reuters.txt", hashlib.sha256(TEXT.encode()).hexdigest())}
KEY_ORDER = [
    "id",
    "source",
    "start",
    "end",
    "quote",
    "label",
    "verdict",
    "note",
    "claim",
    "group",
    "created",
    "modified",
    "orphan",
    "changed",
]


def tag(word: str, label: str = "claim", stamp: str = "2026-03-01T10:00:00Z", **changes: Any) -> Annotation:
    """An annotation on the first occurrence of ``word`` in TEXT, created at ``stamp``."""
    start = TEXT.index(word)
    annotation = create(TEXT, SOURCE, start, start + len(word), label)
    return replace(annotation, created=stamp, modified=stamp, **changes)


def add(store: AnnotationStore, annotation: Annotation) -> None:
    store.apply(Change("tag", [None], [annotation]), SOURCES)


def edit(store: AnnotationStore, ident: str, **changes: Any) -> None:
    before = store.annotations[ident]
    store.apply(Change("edit", [before], [replace(before, **changes)]))


def delete(store: AnnotationStore, ident: str) -> None:
    store.apply(Change("delete", [store.annotations[ident]], [None]))


def saved_store(path: Path) -> AnnotationStore:
    """A store on disk with three annotations (its lock not taken)."""
    store = AnnotationStore.open(path, lock=False)
    add(store, tag("NATO", stamp="2026-03-01T10:00:00Z"))
    add(store, tag("3.5%", "number", stamp="2026-03-01T10:01:00Z", verdict="supported"))
    add(store, tag("“We will not leave Ukraine alone,”", "quote", stamp="2026-03-01T10:02:00Z", note="check"))
    return store


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def valid_annotation() -> dict[str, Any]:
    return tag("NATO").to_json()


def store_text(**changes: Any) -> str:
    data: dict[str, Any] = {"schema": SCHEMA, "version": VERSION, "sources": {}, "annotations": []}
    data.update(changes)
    return json.dumps(data)


def without(key: str) -> dict[str, Any]:
    item = valid_annotation()
    del item[key]
    return item


# -- files it cannot read ------------------------------------------------------------------------

UNREADABLE = {
    "corrupt JSON": (
        '{"schema": "nato-reader/annotations", "version": 1, "annotations": [}',
        "not valid JSON",
    ),
    "not JSON at all": ("label,quote\nclaim,NATO\n", "not valid JSON"),
    "empty": ("", "empty"),
    "only whitespace": ("\n  \n", "empty"),
    "not UTF-8": (b"\xff\xfe{\x00", "cannot read"),
    "future version": (store_text(version=99), "newer"),
    "no version": (store_text(version=None), "unknown store version None"),
    "version as text": (store_text(version="1"), "unknown store version '1'"),
    "another schema": (store_text(schema="someone-else/notes"), "not a nato-reader annotation store"),
    "a list, not an object": ("[]", "not a nato-reader annotation store"),
    "annotations an object": (store_text(annotations={}), "wrong shape"),
    "annotations keyed by id": (store_text(annotations={"a1": valid_annotation()}), "wrong shape"),
    "annotations a string": (store_text(annotations=""), "wrong shape"),
    "annotations null": (store_text(annotations=None), "wrong shape"),
    "annotations missing": (json.dumps({"schema": SCHEMA, "version": VERSION, "sources": {}}), "wrong shape"),
    "sources a list": (store_text(sources=[]), "wrong shape"),
    "source without sha256": (store_text(sources={SOURCE: {"path": "/a.txt"}}), "wrong shape"),
    "annotation not an object": (store_text(annotations=[1]), "wrong shape"),
    "annotation without quote": (store_text(annotations=[without("quote")]), "wrong shape"),
    "annotation without id": (store_text(annotations=[without("id")]), "wrong shape"),
    "annotation without label": (store_text(annotations=[without("label")]), "wrong shape"),
    "quote not an object": (store_text(annotations=[{**valid_annotation(), "quote": "NATO"}]), "wrong shape"),
    "unknown verdict": (store_text(annotations=[{**valid_annotation(), "verdict": "true-ish"}]), "verdict"),
    "end before start": (store_text(annotations=[{**valid_annotation(), "start": 9, "end": 2}]), "position"),
    "position not a number": (store_text(annotations=[{**valid_annotation(), "start": "x"}]), "wrong shape"),
    "same id twice": (store_text(annotations=[valid_annotation()] * 2), "twice"),
}


@pytest.mark.parametrize("lock", [True, False], ids=["locked", "unlocked"])
@pytest.mark.parametrize("case", list(UNREADABLE))
def test_a_store_it_cannot_read_raises_naming_the_file_and_is_never_written(
    tmp_path: Path, case: str, lock: bool
) -> None:
    content, says = UNREADABLE[case]
    path = tmp_path / "annotations.json"
    raw = content if isinstance(content, bytes) else content.encode()
    path.write_bytes(raw)
    with pytest.raises(StoreError) as raised:
        AnnotationStore.open(path, lock=lock)
    message = str(raised.value)
    assert message.startswith(f"{path}: "), message
    assert says in message
    assert "\n" not in message  # one line for the status bar and the CLI
    assert path.read_bytes() == raw
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "annotations.json.lock") == [
        "annotations.json"
    ]
    if lock:  # a failed open holds no lock: the next attempt (after a fix) is not told "in use"
        path.write_text(store_text(), encoding="utf-8")
        store = AnnotationStore.open(path)
        assert not store.read_only, store.read_only_reason
        store.close()


def test_a_truncated_store_raises_at_every_cut_and_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    saved_store(path)
    whole = path.read_bytes()
    assert whole.endswith(b"}\n")
    # Every cut up to the closing brace leaves invalid JSON (the top-level object is unclosed).
    for cut in [*range(0, len(whole) - 1, 7), len(whole) - 2]:
        path.write_bytes(whole[:cut])
        with pytest.raises(StoreError, match=r"empty|not valid JSON|cannot read") as raised:
            AnnotationStore.open(path)
        assert str(path) in str(raised.value)
        assert path.read_bytes() == whole[:cut]
    assert leftovers(tmp_path) == []


def test_the_future_version_message_says_to_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    path.write_text(store_text(version=99), encoding="utf-8")
    with pytest.raises(StoreError, match=r"version 99 is newer than this nato-reader reads \(1\); upgrade"):
        AnnotationStore.open(path)


# -- a missing file ------------------------------------------------------------------------------


def test_a_missing_store_opens_empty_and_is_created_on_the_first_change(tmp_path: Path) -> None:
    path = tmp_path / "not" / "yet" / "annotations.json"
    store = AnnotationStore.open(path, lock=False)
    assert (store.annotations, store.sources, store.read_only) == ({}, {}, False)
    assert not path.parent.exists()  # opening never writes
    annotation = tag("NATO")
    add(store, annotation)
    again = AnnotationStore.open(path, lock=False)
    assert again.annotations == {annotation.id: annotation}
    assert again.sources == {SOURCE: {"path": SOURCES[SOURCE][0], "sha256": SOURCES[SOURCE][1]}}
    assert not path.with_name("annotations.json.bak").exists()  # nothing before it to keep


def test_a_missing_store_with_its_lock_creates_only_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path)
    try:
        assert not store.read_only
        assert not path.exists()
    finally:
        store.close()


# -- format --------------------------------------------------------------------------------------


def test_the_file_is_pretty_printed_with_schema_and_version_first(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    saved_store(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('{\n  "schema": "nato-reader/annotations",\n  "version": 1,\n  "sources": {\n')
    data = json.loads(text)
    assert list(data) == ["schema", "version", "sources", "annotations"]
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert "“We will not leave Ukraine alone,”" in text  # readable, not \u201c escapes
    for item in data["annotations"]:
        assert list(item) == KEY_ORDER
        assert list(item["quote"]) == ["exact", "prefix", "suffix"]
    assert [a["created"] for a in data["annotations"]] == sorted(a["created"] for a in data["annotations"])


def test_the_same_store_is_always_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = saved_store(path)
    first = path.read_bytes()
    store.save()
    assert path.read_bytes() == first
    reopened = AnnotationStore.open(path, lock=False)
    reopened.save()
    assert path.read_bytes() == first
    # Insertion order does not matter: annotations by creation time, sources by id.
    other = tmp_path / "other.json"
    shuffled = AnnotationStore.open(other, lock=False)
    shuffled.sources = dict(reversed(list(store.sources.items())))
    shuffled.annotations = dict(reversed(list(store.annotations.items())))
    shuffled.save()
    assert other.read_bytes() == first


def test_annotations_created_in_the_same_second_are_ordered_by_id(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path, lock=False)
    same = [tag(word, stamp="2026-03-01T10:00:00Z") for word in ("Spain", "NATO", "GDP", "Brussels")]
    for annotation in same:
        add(store, annotation)
    ids = [a["id"] for a in json.loads(path.read_text(encoding="utf-8"))["annotations"]]
    assert ids == sorted(a.id for a in same)


def test_the_backup_holds_the_previous_version(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    backup = tmp_path / "annotations.json.bak"
    store = AnnotationStore.open(path, lock=False)
    add(store, tag("NATO"))
    first = path.read_bytes()
    add(store, tag("GDP", stamp="2026-03-01T11:00:00Z"))
    second = path.read_bytes()
    assert backup.read_bytes() == first
    edit(store, next(iter(store.annotations)), verdict="misleading")
    assert backup.read_bytes() == second
    assert AnnotationStore.open(backup, lock=False).annotations.keys() <= store.annotations.keys()
    # The backup is a file of its own, not a second name of the store.
    assert os.stat(backup).st_ino != os.stat(path).st_ino
    assert os.stat(backup).st_nlink == 1
    assert leftovers(tmp_path) == []


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=6,
)
annotations_strategy = st.builds(
    Annotation,
    id=st.text("0123456789abcdef", min_size=1, max_size=32),
    source=st.text(max_size=20),
    start=st.integers(0, 10**6),
    end=st.integers(0, 10**6),
    quote=st.builds(Quote, st.text(max_size=60), st.text(max_size=32), st.text(max_size=32)),
    label=st.text(max_size=15),
    created=st.sampled_from(["2026-01-01T00:00:00Z", "2026-01-01T00:00:01Z", "2027-05-05T05:05:05Z"]),
    modified=st.just("2026-01-02T00:00:00Z"),
    verdict=st.none() | st.sampled_from(VERDICTS),
    note=st.text(max_size=80),
    # A hand-edited store can hold any JSON in these two; it must come out as json.dumps writes it.
    claim=st.none() | st.text(max_size=12) | json_values,
    group=st.none() | st.integers(-5, 10**9) | json_values,
    orphan=st.booleans(),
)


@given(
    annotations=st.lists(annotations_strategy, max_size=6, unique_by=lambda a: a.id),
    sources=st.dictionaries(
        st.text(max_size=10), st.fixed_dictionaries({"path": st.text(), "sha256": st.text()})
    ),
)
def test_render_writes_exactly_what_json_dumps_would(
    annotations: list[Annotation], sources: dict[str, dict[str, str]]
) -> None:
    """The store encodes annotations itself (and caches them) for speed; the text must not differ."""
    expected = (
        json.dumps(
            {
                "schema": SCHEMA,
                "version": VERSION,
                "sources": {key: sources[key] for key in sorted(sources)},
                "annotations": [a.to_json() for a in sorted(annotations, key=lambda a: (a.created, a.id))],
            },
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
    assert render(sources, annotations) == expected
    cache: dict[str, tuple[Annotation, str]] = {}
    assert render(sources, annotations, cache) == expected
    assert render(sources, annotations, cache) == expected  # from the cache
    if annotations:  # one changed, one gone: the cache must not serve stale text
        changed = [replace(annotations[0], note=annotations[0].note + "!"), *annotations[1:-1]]
        assert render(sources, changed, cache) == render(sources, changed)
        assert set(cache) == {a.id for a in changed}


# -- failed writes -------------------------------------------------------------------------------


def _writable(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.touch()
    except OSError:
        return False
    probe.unlink()
    return True


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """Make ``folder`` refuse new files: chmod 555, or (as root, whom modes do not stop)
    chattr +i where the file system and capabilities allow it; else skip."""
    folder.chmod(0o555)
    immutable = False
    try:
        if _writable(folder) and shutil.which("chattr"):
            immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if _writable(folder):
            pytest.skip(
                "cannot make a folder read-only here (root without chattr +i); see the simulated tests"
            )
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def assert_failed_cleanly(
    store: AnnotationStore,
    raised: pytest.ExceptionInfo[StoreError],
    cause: str,
    disk: bytes,
    backup: bytes,
    memory: dict[str, Annotation],
    sources: dict[str, dict[str, str]],
) -> None:
    """The failed change: explained, not on disk, not in memory, nothing left lying around."""
    message = str(raised.value)
    assert message.startswith(f"{store.path}: not saved ("), message
    assert cause in message
    assert "previous version is intact" in message
    assert store.path.read_bytes() == disk
    assert store.path.with_name(store.path.name + ".bak").read_bytes() == backup
    assert store.annotations == memory
    assert store.sources == sources
    assert leftovers(store.path.parent) == []


def test_a_read_only_folder_keeps_the_old_store_and_rolls_the_change_back(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    folder.mkdir()
    path = folder / "annotations.json"
    store = saved_store(path)
    disk, backup = path.read_bytes(), path.with_name("annotations.json.bak").read_bytes()
    memory, sources = dict(store.annotations), dict(store.sources)
    with read_only_folder(folder):
        with pytest.raises(StoreError) as raised:
            store.apply(Change("tag", [None], [tag("Spain")]), {"other": ("/b.txt", "0" * 64)})
        cause = "Permission denied" if "Permission" in str(raised.value) else "Operation not permitted"
        assert_failed_cleanly(store, raised, cause, disk, backup, memory, sources)
        # Opening it now (a second start of the app) gives it read-only, saying why.
        later = AnnotationStore.open(path)
        assert later.read_only and "cannot lock" in later.read_only_reason
        assert later.annotations == memory
    add(store, tag("Spain"))  # writable again: the next change is saved
    assert len(AnnotationStore.open(path, lock=False).annotations) == 4


def _patch(
    monkeypatch: pytest.MonkeyPatch, target: object, name: str, error: OSError, only: Callable[..., bool]
) -> None:
    """``target.name`` raises ``error`` for the calls ``only`` picks."""
    real = getattr(target, name)

    def patched(*args: Any, **kwargs: Any) -> Any:
        if only(*args, **kwargs):
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr(target, name, patched)


PERMISSION = OSError(errno.EACCES, "Permission denied")
NO_SPACE = OSError(errno.ENOSPC, "No space left on device")

# (what fails, how, the cause the message must give)
SIMULATED = {
    "temporary file not created": ("tempfile", "NamedTemporaryFile", PERMISSION, "Permission denied"),
    "every rename refused": ("os", "replace", PERMISSION, "Permission denied"),
    "final rename refused": ("os", "replace", PERMISSION, "Permission denied"),
    "backup not made": ("shutil", "copy2", PERMISSION, "Permission denied"),
    "disk full at fsync": ("os", "fsync", NO_SPACE, "No space left on device"),
}


@pytest.mark.parametrize("case", list(SIMULATED))
def test_a_failed_write_keeps_the_old_store_and_rolls_the_change_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    module_name, name, error, cause = SIMULATED[case]
    path = tmp_path / "annotations.json"
    store = saved_store(path)
    disk, backup = path.read_bytes(), path.with_name("annotations.json.bak").read_bytes()
    memory, sources = dict(store.annotations), dict(store.sources)
    module = {"tempfile": tempfile, "os": os, "shutil": shutil}[module_name]
    only: Callable[..., bool] = lambda *args, **kwargs: True  # noqa: E731
    if case == "final rename refused":
        only = lambda source, target, *rest: Path(target) == path  # noqa: E731
    if case == "backup not made":  # no hard links here either, so the copy is the way
        _patch(monkeypatch, os, "link", OSError(errno.EPERM, "Operation not permitted"), only)
    _patch(monkeypatch, module, name, error, only)
    with pytest.raises(StoreError) as raised:
        store.apply(Change("tag", [None], [tag("Spain")]), {"other": ("/b.txt", "0" * 64)})
    if case == "final rename refused":  # the backup was refreshed: with the same bytes as before
        backup = disk
    assert_failed_cleanly(store, raised, cause, disk, backup, memory, sources)
    monkeypatch.undo()
    # The failed change is not on the undo stack: undo reverts the last saved one.
    assert store.undo() is not None
    assert len(store.annotations) == 2
    assert store.redo() is not None
    add(store, tag("Spain"))
    assert len(AnnotationStore.open(path, lock=False).annotations) == 4


class FullDisk:
    """A temporary file on a disk that fills up: half the text is written, then writing and
    flushing fail with ENOSPC, and so does the flush inside the first ``close()`` (which still
    closes the file), as Python's buffered files behave on a full disk."""

    def __init__(self, real: Any) -> None:
        self._real = real
        self.name = real.name
        self._closed = False

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def write(self, text: str) -> int:
        self._real.write(text[: len(text) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self) -> int:
        return self._real.fileno()

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._real.close()
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_while_writing_leaves_no_partial_file_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "annotations.json"
    store = saved_store(path)
    disk, backup = path.read_bytes(), path.with_name("annotations.json.bak").read_bytes()
    memory, sources = dict(store.annotations), dict(store.sources)
    real = tempfile.NamedTemporaryFile
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", lambda *a, **k: FullDisk(real(*a, **k)))
    with pytest.raises(StoreError) as raised:
        store.apply(Change("tag", [None], [tag("Spain")]))
    assert_failed_cleanly(store, raised, "No space left on device", disk, backup, memory, sources)


FILE_SIZE_LIMIT_CHILD = """
import resource, signal, sys
from pathlib import Path
from tui.annotations.model import Change
from tui.annotations.store import AnnotationStore, StoreError
path = Path(sys.argv[1])
store = AnnotationStore.open(path)
big = next(iter(store.annotations.values()))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size + 4096,) * 2)
try:
    store.apply(Change("note", [big], [big.edited(note="x" * 100_000)]))
except StoreError as error:
    print(error)
    print(store.annotations[big.id] == big)
"""


def test_a_real_write_failure_from_the_os_keeps_the_old_store(tmp_path: Path) -> None:
    """No simulation: a file-size limit (as a quota would) makes the OS refuse the write."""
    path = tmp_path / "annotations.json"
    saved_store(path)
    disk = path.read_bytes()
    child = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT_CHILD, str(path)], capture_output=True, text=True, check=True
    )
    message, rolled_back = child.stdout.splitlines()
    assert message.startswith(f"{path}: not saved (File too large)"), child.stdout + child.stderr
    assert rolled_back == "True"
    assert path.read_bytes() == disk
    assert leftovers(tmp_path) == []


def test_a_failed_undo_or_redo_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "annotations.json"
    store = saved_store(path)
    ident = next(iter(store.annotations))
    edit(store, ident, verdict="contradicted")
    disk, memory = path.read_bytes(), dict(store.annotations)
    _patch(monkeypatch, os, "fsync", NO_SPACE, lambda *args: True)
    with pytest.raises(StoreError, match=r"not saved \(No space left on device\)"):
        store.undo()
    assert (path.read_bytes(), store.annotations) == (disk, memory)
    monkeypatch.undo()
    assert store.undo() is not None
    assert store.annotations[ident].verdict is None
    _patch(monkeypatch, os, "fsync", NO_SPACE, lambda *args: True)
    undone_disk, undone_memory = path.read_bytes(), dict(store.annotations)
    with pytest.raises(StoreError):
        store.redo()
    assert (path.read_bytes(), store.annotations) == (undone_disk, undone_memory)
    monkeypatch.undo()
    assert store.redo() is not None
    assert path.read_bytes() == disk


# -- the lock ------------------------------------------------------------------------------------


def test_a_second_open_is_read_only_because_the_store_is_in_use(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    saved_store(path)
    disk = path.read_bytes()
    first = AnnotationStore.open(path)
    try:
        assert not first.read_only
        second = AnnotationStore.open(path)
        assert second.read_only
        assert "in use" in second.read_only_reason
        assert second.annotations == first.annotations  # it can still be read
        with pytest.raises(StoreError, match="in use") as raised:
            add(second, tag("Spain"))
        assert str(path) in str(raised.value)
        assert second.annotations == first.annotations
        assert path.read_bytes() == disk
        assert not AnnotationStore.open(path, lock=False).read_only  # readers that do not write
        second.close()  # closing a store without the lock does not release the holder's
        assert AnnotationStore.open(path).read_only
    finally:
        first.close()
    third = AnnotationStore.open(path)
    assert not third.read_only, third.read_only_reason
    third.close()
    third.close()  # twice is harmless


def test_a_writable_store_holds_what_was_on_disk_when_it_got_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holder saves one last change and quits just as a second instance starts: the second
    must not get the lock with the file as it was before that change (its next save would drop it)."""
    path = tmp_path / "annotations.json"
    holder = saved_store(path)
    holder._take_lock()
    late = tag("Spain", stamp="2026-03-02T09:00:00Z")
    real_take_lock = AnnotationStore._take_lock

    def holder_finishes_first(self: AnnotationStore) -> None:
        if self is not holder and holder._lock is not None:
            add(holder, late)
            holder.close()
        real_take_lock(self)

    monkeypatch.setattr(AnnotationStore, "_take_lock", holder_finishes_first)
    second = AnnotationStore.open(path)
    try:
        assert not second.read_only
        assert late.id in second.annotations
        add(second, tag("GDP", stamp="2026-03-02T10:00:00Z"))
        assert late.id in AnnotationStore.open(path, lock=False).annotations
    finally:
        second.close()


# -- undo and redo -------------------------------------------------------------------------------


def test_undo_and_redo_restore_exact_states_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "annotations.json"
    store = AnnotationStore.open(path)
    try:
        add(store, tag("NATO"))
        states = [path.read_bytes()]
        first = next(iter(store.annotations))
        add(store, tag("3.5%", "number", stamp="2026-03-01T10:05:00Z"))
        states.append(path.read_bytes())
        edit(store, first, verdict="contradicted")
        states.append(path.read_bytes())
        edit(store, first, note="the ministers agreed on 3.5%, not 5%")
        states.append(path.read_bytes())
        second = max(store.annotations.values(), key=lambda a: a.created).id
        delete(store, second)
        states.append(path.read_bytes())
        linked = [tag(w, claim="claim-1", stamp="2026-03-01T10:09:00Z") for w in ("Spain", "Brussels")]
        store.apply(Change("tag claim", [None, None], linked), SOURCES)
        states.append(path.read_bytes())
        assert len(set(states)) == len(states)

        for expected in reversed(states[:-1]):
            assert store.undo() is not None
            assert path.read_bytes() == expected
        assert store.undo() is not None  # the first tag: back to an empty store
        assert json.loads(path.read_text(encoding="utf-8"))["annotations"] == []
        assert store.undo() is None
        for expected in states:
            assert store.redo() is not None
            assert path.read_bytes() == expected
        assert store.redo() is None

        store.undo()
        store.undo()
        assert path.read_bytes() == states[-3]
        add(store, tag("GDP", stamp="2026-03-01T11:00:00Z"))  # a new change drops the redo list
        assert store.redo() is None
        assert AnnotationStore.open(path, lock=False).annotations == store.annotations
    finally:
        store.close()


# -- where it lives ------------------------------------------------------------------------------


def test_the_store_path_comes_from_the_environment_or_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NATO_READER_STORE", str(tmp_path / "mine.json"))
    assert paths.store_path() == tmp_path / "mine.json"
    monkeypatch.delenv("NATO_READER_STORE")
    from platformdirs import user_data_dir

    assert paths.store_path() == Path(user_data_dir("nato-reader", appauthor=False)) / "annotations.json"
