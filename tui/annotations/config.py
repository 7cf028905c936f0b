"""User configuration: labels (name, colour, key) and key remaps, from a TOML file.

The file lives in the platform's config folder (``NATO_READER_CONFIG`` overrides the path):

    replace_labels = false  # optional; true: only the labels below, not the defaults too
    theme = "textual-light"  # optional: the colours to start with (ctrl+p, "theme", lists them)

    [[labels]]
    name = "claim"
    color = "#e5c07b"   # optional; default labels use the theme's colours
    key = "1"           # optional; 1-9 in the label picker

    [keys]
    next-row = "j,down"  # binding id = keys, as listed on the help screen

``[[labels]]`` extend the default labels (a label named like a default changes that default)
unless ``replace_labels = true``. A file that is missing is fine; one that cannot be used (an
unknown key, a misspelt binding id, a bad colour) gives a one-line message naming the key, and
the defaults.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
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
    theme: str | None = None
    problem: str | None = None


TOP_KEYS = ("labels", "keys", "replace_labels", "theme")
LABEL_KEYS = ("name", "color", "key")
# The shapes of colour Textual reads: #rgb, #rrggbb (with alpha too), rgb()/hsl(), or a name.
_COLOR_RE = re.compile(
    r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|(?:rgba?|hsla?)\(.*\)|[a-z][a-z0-9_]*"
)


def _labels(raw: object, color_ok: Callable[[str], bool] | None = None) -> list[Label]:
    if not isinstance(raw, list) or not raw:
        raise ValueError("'labels' must be a non-empty list of [[labels]] tables")
    labels = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ValueError(f"label {number} needs a name")
        unknown = [k for k in item if k not in LABEL_KEYS]
        if unknown:
            raise ValueError(
                f"label {item['name']!r}: unknown key {unknown[0]!r} (expected {', '.join(LABEL_KEYS)})"
            )
        color, key = item.get("color"), item.get("key")
        if color is not None and (
            not isinstance(color, str)
            or not _COLOR_RE.fullmatch(color.strip())
            or (color_ok is not None and not color_ok(color.strip()))
        ):
            raise ValueError(f"label {item['name']!r}: 'color' {color!r} is not a colour like '#e5c07b'")
        if key is not None and (not isinstance(key, str) or len(key) != 1):
            raise ValueError(f"label {item['name']!r}: key must be one character")
        labels.append(Label(item["name"].strip(), color, key))
    if len({label.name for label in labels}) != len(labels):
        raise ValueError("label names must be unique")
    return labels


def _merge(defaults: list[Label], mine: list[Label]) -> list[Label]:
    """The default labels with the user's: same name changes that default, others follow."""
    by_name = {label.name: label for label in mine}
    merged = [
        replace(d, color=by_name[d.name].color, key=by_name[d.name].key) if d.name in by_name else d
        for d in defaults
    ]
    return merged + [label for label in mine if label.name not in {d.name for d in defaults}]


def load_config(
    path: Path | None = None,
    *,
    binding_ids: Collection[str] | None = None,
    color_ok: Callable[[str], bool] | None = None,
) -> Config:
    """Read the config; any problem gives defaults and a one-line message naming file and key.

    ``binding_ids`` (when given) are the ids ``[keys]`` may remap; ``color_ok`` checks a colour
    beyond its shape (the UI passes its colour parser; this package stays free of it).
    """
    path = path or paths.config_path()
    if not path.exists():
        return Config()
    import tomllib  # here: without a config file (most starts) the reader never parses TOML

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        unknown = [k for k in data if k not in TOP_KEYS]
        if unknown:
            raise ValueError(f"unknown key {unknown[0]!r} (expected {', '.join(TOP_KEYS)})")
        replace_labels = data.get("replace_labels", False)
        if not isinstance(replace_labels, bool):
            raise ValueError("'replace_labels' must be true or false")
        config = Config()
        if "labels" in data:
            mine = _labels(data["labels"], color_ok)
            config.labels = mine if replace_labels else _merge(config.labels, mine)
        keys = data.get("keys", {})
        if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
            raise ValueError("[keys] must map binding ids to key strings")
        if binding_ids is not None:
            misspelt = sorted(k for k in keys if k not in binding_ids)
            if misspelt:
                raise ValueError(
                    f"[keys] {misspelt[0]!r} is not a binding id (the help screen, ?, lists them)"
                )
        config.keymap = dict(keys)
        theme = data.get("theme")
        if theme is not None and (not isinstance(theme, str) or not theme.strip()):
            raise ValueError("'theme' must be a theme's name, like \"textual-light\"")
        config.theme = theme.strip() if theme else None
        return config
    except (OSError, UnicodeDecodeError, ValueError) as error:  # TOMLDecodeError is a ValueError
        return Config(problem=f"{path}: {error}; using the default labels and keys")
