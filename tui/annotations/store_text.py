"""The store file's text: a fixed key order and annotation order, pretty-printed, fast.

Exactly ``json.dumps(..., ensure_ascii=False, indent=2)`` for the same data (a test compares),
except that a lone surrogate (a file name that is not UTF-8) is written as its ``\\udcxx``
escape, which UTF-8 cannot hold raw and which reads back to the same name.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from json.encoder import encode_basestring as _encode_string
from typing import Any

from tui.annotations.model import Annotation

SCHEMA = "nato-reader/annotations"
VERSION = 1


def _string(value: str) -> str:
    """A JSON string; a lone surrogate (a non-UTF-8 file name) as its ``\\udcxx`` escape, which
    UTF-8 cannot hold raw and which reads back to the same name."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return _encode_string(value)


def _pretty(value: Any, indent: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it at ``indent``.

    The same text, several times faster: ``indent=2`` makes ``json`` use its pure-Python encoder,
    while strings here go through its C string encoder. Raw newlines never occur inside JSON
    strings, so nesting is a matter of indenting every new line.
    """
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    if isinstance(value, dict) and value and all(isinstance(key, str) for key in value):
        inner = indent + "  "
        items = [f"{_string(key)}: {_pretty(item, inner)}" for key, item in value.items()]
        return "{\n" + inner + (",\n" + inner).join(items) + "\n" + indent + "}"
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def _encode_annotation(annotation: Annotation) -> str:
    # The shape comes from Annotation.to_json, the one place it is written down. (msgspec's
    # encoder was measured twice as fast cold, 19 against 55 ms for 10,000, but the store caches
    # each annotation's text, so only the first save after opening pays, and msgspec would be one
    # more dependency with its own import time.)
    return _pretty(annotation.to_json(), "    ")


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
