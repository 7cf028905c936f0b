"""Annotations as the W3C Web Annotation Data Model (JSON-LD), and back.

One export is an ``AnnotationCollection`` whose ``first`` page embeds every annotation as
``items``. Each ``Annotation`` has:

- ``id``: ``urn:uuid:...`` for nato-reader's own ids (32 hex digits); any other id is kept as
  ``urn:nato-reader:annotation:<percent-encoded id>`` so that it comes back unchanged;
- ``body``: ``TextualBody`` resources with purpose ``tagging`` (the label), ``assessing`` (the
  verdict, when there is one) and ``commenting`` (the note, when there is one);
- ``target``: a ``SpecificResource`` whose ``source`` is the article's file URI, with a
  ``TextQuoteSelector`` (exact, prefix, suffix) and a ``TextPositionSelector`` (start, end);
- ``created`` and ``modified``.

What the model has no term for (the source id, its sha256, the linked claim, the claim group and
the orphan and changed flags) travels in properties named by absolute IRIs (``urn:nato-reader:...``): valid
JSON-LD without changing the standard ``@context``, ignored by tools that do not know them.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit
from urllib.request import url2pathname

from tui.annotations.model import VERDICTS, Annotation, Quote

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NS = "urn:nato-reader:"
SOURCE_ID = NS + "source"
SOURCE_SHA256 = NS + "sha256"
CLAIM = NS + "claim"
GROUP = NS + "group"
ORPHAN = NS + "orphan"
CHANGED = NS + "changed"
ANNOTATION_ID = NS + "annotation:"
SOURCE_IRI = NS + "source:"
# Collection and page ids are derived from the annotation ids, so an export is reproducible.
_ID_NAMESPACE = uuid.UUID("6f1d3c1e-8f6b-4a59-9d8e-2b7a1c0e5d42")
_HEX_ID = re.compile(r"[0-9a-f]{32}")


class W3CError(ValueError):
    """A W3C document nato-reader cannot read; the message says where and why, in one line."""


# -- writing --------------------------------------------------------------------------------------


def annotation_iri(annotation_id: str) -> str:
    """The IRI of an annotation id (``urn:uuid:`` for nato-reader's uuid hex ids)."""
    if _HEX_ID.fullmatch(annotation_id):
        return uuid.UUID(hex=annotation_id).urn
    return ANNOTATION_ID + quote(annotation_id, safe="")


def source_iri(source: str, path: str | None) -> str:
    """The file URI of a source's path, or a ``urn:nato-reader:source:`` IRI when it has none."""
    if path is None:
        return SOURCE_IRI + quote(source, safe="")
    return Path(path).absolute().as_uri()


def to_w3c(annotation: Annotation, source: Mapping[str, str] | None = None) -> dict[str, Any]:
    """One annotation as a W3C ``Annotation``; ``source`` is the store's entry for its source."""
    bodies: list[dict[str, Any]] = [_body("tagging", annotation.label)]
    if annotation.verdict is not None:
        bodies.append(_body("assessing", annotation.verdict))
    if annotation.note:
        bodies.append(_body("commenting", annotation.note))
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source_iri(annotation.source, source["path"] if source else None),
        SOURCE_ID: annotation.source,
        "selector": [
            {
                "type": "TextQuoteSelector",
                "exact": annotation.quote.exact,
                "prefix": annotation.quote.prefix,
                "suffix": annotation.quote.suffix,
            },
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
        ],
    }
    if source:
        target[SOURCE_SHA256] = source["sha256"]
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "id": annotation_iri(annotation.id),
        "type": "Annotation",
        "motivation": "assessing" if annotation.verdict is not None else "tagging",
        "created": annotation.created,
        "modified": annotation.modified,
        "body": bodies,
        "target": target,
    }
    if annotation.claim is not None:
        item[CLAIM] = annotation.claim
    if annotation.group is not None:
        item[GROUP] = annotation.group
    if annotation.orphan:
        item[ORPHAN] = True
    if annotation.changed:
        item[CHANGED] = True
    return item


def _body(purpose: str, value: str) -> dict[str, Any]:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def collection(annotations: Iterable[Annotation], sources: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    """An ``AnnotationCollection`` of ``annotations``, all on its first (and only) page."""
    ordered = sorted(annotations, key=lambda a: (a.created, a.id))
    digest = uuid.uuid5(_ID_NAMESPACE, "\n".join(a.id for a in ordered))
    document: dict[str, Any] = {
        "@context": CONTEXT,
        "id": digest.urn,
        "type": "AnnotationCollection",
        "label": "nato-reader annotations",
        "total": len(ordered),
    }
    if ordered:  # the model wants a first page only when there is something on it
        document["first"] = {
            "id": uuid.uuid5(digest, "page-1").urn,
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": [to_w3c(a, sources.get(a.source)) for a in ordered],
        }
    return document


# -- reading --------------------------------------------------------------------------------------


def items_of(document: Any) -> list[Any]:
    """The annotations of a collection, a page or a single annotation; raises W3CError."""
    if not isinstance(document, dict):
        raise W3CError("not a W3C annotation document (expected a JSON object)")
    kind = _types(document)
    if "AnnotationCollection" in kind:
        first = document.get("first")
        if first is None:
            if document.get("total", 0) not in (0, [0]):
                raise W3CError("the collection has annotations but no first page")
            return []
        if not isinstance(first, dict):
            raise W3CError("the collection's pages are only referenced; embed them to import")
        document = first
        kind = _types(document)
    if "AnnotationPage" in kind:
        if document.get("next") is not None:
            raise W3CError("the collection has more than one page; only single-page exports import")
        items = document.get("items")
        if not isinstance(items, list):
            raise W3CError("the annotation page has no items list")
        return items
    if "Annotation" in kind:
        return [document]
    raise W3CError("not a W3C Annotation, AnnotationPage or AnnotationCollection (no such type)")


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("type", node.get("@type"))
    values = value if isinstance(value, list) else [value]
    return {v for v in values if isinstance(v, str)}


def from_w3c(item: Any) -> tuple[Annotation, tuple[str, str] | None]:
    """An annotation and its source's (path, sha256) when known; raises W3CError."""
    if not isinstance(item, dict) or "Annotation" not in _types(item):
        raise W3CError("an item is not an Annotation")
    annotation_id = _annotation_id(_string(item, "id"))
    try:
        label, verdict, note = _bodies(item.get("body"))
        target = _one(item.get("target"), "target")
        if not isinstance(target, dict):
            raise W3CError("target is not a SpecificResource object")
        quote_selector, position = _selectors(target.get("selector"))
        source_uri = _string(target, "source")
        source = target.get(SOURCE_ID, _source_id(source_uri))
        annotation = Annotation(
            id=annotation_id,
            source=_checked(source, str, "source id"),
            start=_checked(position.get("start"), int, "start"),
            end=_checked(position.get("end"), int, "end"),
            quote=Quote(
                _checked(quote_selector.get("exact"), str, "exact"),
                _checked(quote_selector.get("prefix", ""), str, "prefix"),
                _checked(quote_selector.get("suffix", ""), str, "suffix"),
            ),
            label=label,
            created=_string(item, "created"),
            modified=_string(item, "modified"),
            verdict=verdict,
            note=note,
            claim=_checked(item.get(CLAIM), (str, type(None)), "claim"),
            group=_checked(item.get(GROUP), (int, type(None)), "group"),
            orphan=_checked(item.get(ORPHAN, False), bool, "orphan"),
            changed=_checked(item.get(CHANGED, False), bool, "changed"),
        )
    except W3CError as error:
        raise W3CError(f"annotation {annotation_id!r}: {error}") from None
    if not 0 <= annotation.start <= annotation.end:
        raise W3CError(f"annotation {annotation_id!r}: bad position {annotation.start}-{annotation.end}")
    return annotation, _source_entry(source_uri, target.get(SOURCE_SHA256))


def _annotation_id(iri: str) -> str:
    if iri.startswith(ANNOTATION_ID):
        return unquote(iri[len(ANNOTATION_ID) :])
    if iri.lower().startswith("urn:uuid:"):
        try:
            return uuid.UUID(iri[len("urn:uuid:") :]).hex
        except ValueError:
            raise W3CError(f"annotation id {iri!r} is not a valid urn:uuid") from None
    return iri


def _source_id(source_uri: str) -> str:
    """A source id for a target without nato-reader's own: the file's stem, like the reader's ids."""
    if source_uri.startswith(SOURCE_IRI):
        return unquote(source_uri[len(SOURCE_IRI) :])
    parts = urlsplit(source_uri)
    if parts.scheme == "file":
        return Path(url2pathname(parts.path)).stem or source_uri
    return source_uri


def _source_entry(source_uri: str, sha256: Any) -> tuple[str, str] | None:
    parts = urlsplit(source_uri)
    if parts.scheme != "file":
        return None
    # An unknown sha256 ("") makes the reader re-anchor these annotations when it opens the file.
    return url2pathname(parts.path), sha256 if isinstance(sha256, str) else ""


def _bodies(value: Any) -> tuple[str, str | None, str]:
    bodies = value if isinstance(value, list) else [] if value is None else [value]
    found: dict[str, str] = {}
    for body in bodies:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            raise W3CError("a body is not a TextualBody with a text value")
        purpose = body.get("purpose")
        if purpose not in ("tagging", "assessing", "commenting"):
            raise W3CError(f"a body has purpose {purpose!r} (expected tagging, assessing or commenting)")
        if purpose in found:
            raise W3CError(f"more than one {purpose} body")
        found[purpose] = body["value"]
    if "tagging" not in found:
        raise W3CError("no tagging body (the label)")
    verdict = found.get("assessing")
    if verdict is not None and verdict not in VERDICTS:
        raise W3CError(f"unknown verdict {verdict!r} (expected one of {', '.join(VERDICTS)})")
    return found["tagging"], verdict, found.get("commenting", "")


def _selectors(value: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    selectors = value if isinstance(value, list) else [value]
    by_type: dict[str, dict[str, Any]] = {}
    for selector in selectors:
        if isinstance(selector, dict):
            for kind in _types(selector):
                by_type.setdefault(kind, selector)
    quote_selector = by_type.get("TextQuoteSelector")
    position = by_type.get("TextPositionSelector")
    if quote_selector is None or position is None:
        raise W3CError("the target needs both a TextQuoteSelector and a TextPositionSelector")
    return quote_selector, position


def _one(value: Any, name: str) -> Any:
    if isinstance(value, list):
        if len(value) != 1:
            raise W3CError(f"expected exactly one {name}, found {len(value)}")
        return value[0]
    if value is None:
        raise W3CError(f"no {name}")
    return value


def _string(node: dict[str, Any], key: str) -> str:
    value = node.get(key)
    if not isinstance(value, str) or not value:
        raise W3CError(f"{key} is missing or not a string")
    return value


def _checked(value: Any, kind: type | tuple[type, ...], name: str) -> Any:
    # bool is an int in Python but never a valid position or group here.
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise W3CError(f"{name} has the wrong type ({type(value).__name__})")
    return value
