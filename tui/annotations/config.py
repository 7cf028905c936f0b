"""User configuration: labels (name, colour, key) and key remaps, from a TOML file.

The file lives in the platform's config folder (``NATO_READER_CONFIG`` overrides the path):

    [[labels]]
    name = "claim"
    color = "#e5c07b"   # optional; default labels use the theme's colours
    key = "1"           # optional; 1-9 in the label picker

    [keys]
    next-row = "j,down"  # binding id = keys, as listed on the help screen

A file that is missing is fine; one that cannot be used gives a one-line message and defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tui import paths
from tui.annotations.model import DEFAULT_LABELS


@dataclass(frozen=True, slots=True)
class Label:
    """A tag a user can put on a claim."""

    name: str
    color: str | None = None
    key: str | None = None


@dataclass(slots=True)
class Config:
    """Labels and key remaps, plus a problem message when the file could not be used."""

    labels: list[Label] = field(default_factory=lambda: [Label(name) for name in DEFAULT_LABELS])
    keymap: dict[str, str] = field(default_factory=dict)
    problem: str | None = None


def _labels(raw: object) -> list[Label]:
    if not isinstance(raw, list) or not raw:
        raise ValueError("'labels' must be a non-empty list of [[labels]] tables")
    labels = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ValueError(f"label {number} needs a name")
        color, key = item.get("color"), item.get("key")
        if color is not None and not isinstance(color, str):
            raise ValueError(f"label {item['name']!r}: color must be a string like '#e5c07b'")
        if key is not None and (not isinstance(key, str) or len(key) != 1):
            raise ValueError(f"label {item['name']!r}: key must be one character")
        labels.append(Label(item["name"].strip(), color, key))
    if len({label.name for label in labels}) != len(labels):
        raise ValueError("label names must be unique")
    return labels


def load_config(path: Path | None = None) -> Config:
    """Read the config; any problem gives defaults and a message naming the file."""
    path = path or paths.config_path()
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        config = Config()
        if "labels" in data:
            config.labels = _labels(data["labels"])
        keys = data.get("keys", {})
        if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
            raise ValueError("[keys] must map binding ids to key strings")
        config.keymap = dict(keys)
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as error:
        return Config(problem=f"{path}: {error}; using the default labels and keys")
