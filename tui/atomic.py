"""Atomic file writes: a crash leaves the old file or the new one, never half of either.

Used by the store (with backups) and by exports. A temporary file in the same folder is written,
flushed and fsynced, then renamed over the target, and the folder fsynced. The store keeps
BACKUP_GENERATIONS previous versions (``.bak``, ``.bak.2``, ...) as hard links, renamed along,
never copied. A temporary file being written is locked, so that ``remove_stale_temporaries``
removes only those a killed process left.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import tempfile
from pathlib import Path

# Backups kept: <name>.bak (the previous version), <name>.bak.2, <name>.bak.3.
BACKUP_GENERATIONS = 3


def _rotate_backups(folder: Path, name: str) -> None:
    """Move ``.bak`` to ``.bak.2`` and so on, dropping the oldest (renames: no copies)."""
    names = [f"{name}.bak"] + [f"{name}.bak.{n}" for n in range(2, BACKUP_GENERATIONS + 1)]
    for older, newer in reversed(list(itertools.pairwise(names))):
        if (folder / older).exists():
            os.replace(folder / older, folder / newer)


def _hold(descriptor: int) -> None:
    """Lock an open temporary file for as long as it is open (released when the process dies)."""
    try:
        import fcntl
    except ImportError:  # Windows: stale files are then left to the store's own cleanup
        return
    with contextlib.suppress(OSError):
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


def remove_stale_temporaries(path: Path) -> None:
    """Remove the hidden ``.<name>.*.tmp`` files that writes of ``path`` left when killed.

    A file another process is still writing is locked (see ``_hold``) and stays.
    """
    try:
        import fcntl
    except ImportError:
        return
    prefix = f".{path.name}."
    with contextlib.suppress(OSError):
        for entry in path.parent.iterdir():
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            try:
                with entry.open("rb") as candidate:
                    fcntl.flock(candidate.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    entry.unlink(missing_ok=True)
            except OSError:  # locked by a live writer, or gone already
                continue


def write_atomic(path: Path, text: str, backup: bool = True, mode: int | None = None) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file.

    The file is private (``0o600``, the temporary file's mode) unless ``mode`` is given; exports
    pass the mode a plain ``open()`` would give, so a colleague can read a shared report.
    Raises OSError; the old file is untouched when anything fails.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False
    ) as handle:
        temporary = Path(handle.name)
        try:
            _hold(handle.fileno())  # "being written": remove_stale_temporaries leaves it alone
            handle.write(text)
            handle.flush()
            if mode is not None:
                os.fchmod(handle.fileno(), mode)
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
            _rotate_backups(folder, path.name)
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
