"""The export formats, their file extensions, and which need the articles: the one list.

A module of its own so that the command-line parser can offer the choices without importing the
exporters (about 0.2 s).
"""

from __future__ import annotations

from pathlib import Path

FORMATS = ("json", "jsonl", "csv", "md", "w3c")
# Formats that are better with the articles loaded (claim groups, other sources, divergences).
USES_ARTICLES = frozenset({"jsonl", "csv", "md"})
EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "w3c": ".jsonld"}


def format_for(path: Path) -> str | None:
    """The export format a file name suggests (``.json`` is nato-reader's own json)."""
    suffix = path.suffix.lower()
    return next((name for name, ext in EXTENSIONS.items() if ext == suffix), None)


def default_filename(fmt: str) -> str:
    """A sensible file name for an export in the current folder, such as ``annotations.csv``."""
    return f"annotations{EXTENSIONS[fmt]}"
