"""Which file a store's source entry is: identity by resolved path and by content.

Article ids are file stems, so ``story1/reuters.txt`` and ``story2/reuters.txt`` are both
``reuters``. A store must not move story 1's verdicts onto story 2's words: an entry is the same
source as an opened article only when its path resolves to the article's file, or its text is
the same (sha256), or it came from an import without a hash (a path from another machine is a
label; the reader re-anchors such annotations when it opens an article of that id). Otherwise
the store's entry is another file that happens to share the name: its annotations move to a key
of their own (``reuters (story1)``) and come back when that file is opened again.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Set
from pathlib import Path


def absolute(path: str) -> str:
    """``path`` made absolute with symlinks resolved, as a store records it (a relative path
    would make a later export read whatever has that name in the current folder)."""
    try:
        return str(Path(path).expanduser().resolve())
    except (OSError, RuntimeError, ValueError):
        return os.path.abspath(path)


def same_file(recorded: str, path: str) -> bool:
    """Whether two recorded paths name one file."""
    return recorded == path or absolute(recorded) == absolute(path)


def same_source(entry: Mapping[str, str], path: str, digest: str) -> bool:
    """Whether a store's source ``entry`` is the article at ``path`` with text hash ``digest``."""
    if entry.get("imported") and not entry.get("sha256"):
        return True
    return entry.get("sha256") == digest or same_file(entry.get("path", ""), path)


def spare_key(key: str, path: str, taken: Set[str]) -> str:
    """A key for another file called ``key``: ``key (folder)``, numbered if need be."""
    folder = Path(path).parent.name or "elsewhere"
    candidate = f"{key} ({folder})"
    number = 2
    while candidate in taken:
        candidate = f"{key} ({folder} {number})"
        number += 1
    return candidate
