"""``json.dumps(value, indent=2)`` for the plain values an alignment's JSON is made of, faster,
and in pieces.

With an indent, the standard library encodes in pure Python through nested generators, one
``yield`` per bracket, key and value: 85 % of the time of writing a 20 MB alignment. This
encoder builds the same text with a list of pieces and the standard library's own string
escaping (in C), about twice as fast; ``tests/unit/alignment/test_result_json.py`` checks the
bytes are the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

_INFINITY = float("inf")


class Encoded(str):
    """Text already encoded at its place in the document: ``iterencode`` writes it as it is."""

    __slots__ = ()


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INFINITY:
        return "Infinity"
    if value == -_INFINITY:
        return "-Infinity"
    return float.__repr__(value)


def scalar(value: Any, string: Callable[[str], str]) -> str | None:
    """A string, number, boolean or None as ``encode`` writes it (``string`` escapes strings), or
    None for anything else: the fast path of encoders that know their document's shape."""
    kind = type(value)
    if kind is str:
        return string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return _float(value)
    return None


def encode(value: Any, *, level: int = 0, ensure_ascii: bool = True) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=...)`` as it appears ``level`` levels deep in an
    indented document (its inner lines indented by ``2 * level`` more spaces).

    Values are dicts with string keys, lists, tuples, strings, ints, floats, booleans and None;
    anything else is handed to ``json.dumps``.
    """
    string: Callable[[str], str] = encode_basestring_ascii if ensure_ascii else encode_basestring
    if isinstance(value, str):  # most calls: a key or a value of a streamed dict
        return string(value)
    pieces: list[str] = []
    append = pieces.append

    def walk(value: Any, indent: str) -> None:
        if isinstance(value, str):
            append(string(value))
        elif value is None:
            append("null")
        elif value is True:
            append("true")
        elif value is False:
            append("false")
        elif isinstance(value, int):
            append(int.__repr__(value))
        elif isinstance(value, float):
            append(_float(value))
        elif isinstance(value, dict) and all(isinstance(key, str) for key in value):
            if not value:
                append("{}")
                return
            inner = indent + "  "
            opening = "{" + inner
            for key, item in value.items():
                append(opening + string(key) + ": ")
                opening = "," + inner
                walk(item, inner)
            append(indent + "}")
        elif isinstance(value, list | tuple):
            if not value:
                append("[]")
                return
            inner = indent + "  "
            opening = "[" + inner
            for item in value:
                append(opening)
                opening = "," + inner
                walk(item, inner)
            append(indent + "]")
        else:  # not in an alignment's JSON: the standard library decides (or raises)
            append(json.dumps(value, indent=2, ensure_ascii=ensure_ascii).replace("\n", indent))

    walk(value, "\n" + "  " * level)
    return "".join(pieces)


def joined(items: Sequence[str], *, level: int) -> Encoded:
    """A list at ``level`` whose items are already encoded (at ``level + 1``)."""
    if not items:
        return Encoded("[]")
    indent = "\n" + "  " * level
    inner = indent + "  "
    return Encoded("[" + inner + ("," + inner).join(items) + indent + "]")


class Record:
    """``encode`` for dicts of one shape (the same keys, in order) at one level: a sentence, a
    group member. Built once, called with the values only, so a 20 MB article's 100,000 sentences
    skip making and walking a dict each (see ``result.json_chunks``). Scalars and lists of scalars
    take the fast path; any other value is handed to ``encode``."""

    __slots__ = ("_close", "_ensure_ascii", "_heads", "_inner", "_item", "_level", "_string")

    def __init__(self, keys: Sequence[str], *, level: int, ensure_ascii: bool = True) -> None:
        string: Callable[[str], str] = encode_basestring_ascii if ensure_ascii else encode_basestring
        indent = "\n" + "  " * level
        inner = indent + "  "
        self._heads = [("{" if n == 0 else ",") + inner + string(key) + ": " for n, key in enumerate(keys)]
        self._close = indent + "}" if keys else "{}"
        self._inner = inner
        self._item = inner + "  "
        self._level = level
        self._ensure_ascii = ensure_ascii
        self._string = string

    def __call__(self, values: Sequence[Any]) -> Encoded:
        pieces = []
        string, item = self._string, self._item
        for head, value in zip(self._heads, values, strict=True):
            text = value if type(value) is Encoded else scalar(value, string)
            if text is None:
                if type(value) is list and value:
                    found = [scalar(x, string) for x in value]
                    if None not in found:
                        text = "[" + item + ("," + item).join(found) + self._inner + "]"  # type: ignore[arg-type]
                if text is None:
                    text = encode(value, level=self._level + 1, ensure_ascii=self._ensure_ascii)
            pieces.append(head + text)
        pieces.append(self._close)
        return Encoded("".join(pieces))


def _streamed(value: Any) -> bool:
    """An iterator, or a dict holding one (at any depth of dicts)."""
    return isinstance(value, Iterator) or (
        isinstance(value, dict)
        and any(isinstance(item, Iterator | dict) and _streamed(item) for item in value.values())
        and all(isinstance(key, str) for key in value)
    )


def iterencode(value: Any, *, level: int = 0, ensure_ascii: bool = True) -> Iterator[str]:
    """``encode(value, ...)`` in pieces. An iterator stands for a list whose items are made only
    as they are written, one piece each, and a dict holding one (at any depth of dicts) is
    written item by item; an ``Encoded`` item is written as it is; all else is encoded whole.
    So a 20 MB article's 100,000 sentences, or 1,000 articles' claim groups, are never all made
    (or encoded) at once."""
    if not _streamed(value):
        yield encode(value, level=level, ensure_ascii=ensure_ascii)
        return
    string: Callable[[str], str] = encode_basestring_ascii if ensure_ascii else encode_basestring
    indent = "\n" + "  " * level
    inner = indent + "  "
    if isinstance(value, dict):
        items: Iterator[tuple[str | None, Any]] = iter(value.items())
        brackets = "{}"
    else:
        items = ((None, item) for item in value)
        brackets = "[]"
    opening = brackets[0] + inner
    for key, item in items:
        head = opening if key is None else opening + string(key) + ": "
        opening = "," + inner
        if isinstance(item, Encoded):
            yield head + item
        elif _streamed(item):
            yield head
            yield from iterencode(item, level=level + 1, ensure_ascii=ensure_ascii)
        else:
            yield head + encode(item, level=level + 1, ensure_ascii=ensure_ascii)
    yield brackets if opening.startswith(brackets[0]) else indent + brackets[1]
