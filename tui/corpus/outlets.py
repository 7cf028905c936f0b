"""Which outlet published each source: a display name, a URL and a publication time.

Taken, in order, from: a name the user gave (``--name STEM=Outlet`` or a rename in the app), a
``sources.toml`` sidecar in the article's folder, the file's own metadata (front matter of a
.txt/.md, HTML metadata of a page), a copyright or "More from X" line in the text, and last the
file stem. Every view and export names sources through ``Outlet.name``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tui.corpus.model import Article, SourceMeta
from tui.corpus.text import visible

SIDECAR = "sources.toml"

# "Copyright © 2024 CGTN", "© 2024 Reuters.", "(c) The Guardian 2024"
# A name starts with a capital, in any case of "Copyright": a photo's "© unknown" glued to the next
# caption ("© unknownThe bus burns.") names no outlet.
_COPYRIGHT_RE = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<name>(?-i:[A-Z])[\w&.'’ -]{1,40}?)\s*(?:\d{4})?\s*(?:[.,|]|all rights|$)",
    re.IGNORECASE,
)
# "More from Valley News" names the site; "More on PARIS ATTACKS" names a topic.
_MORE_FROM_RE = re.compile(
    r"^\s*more from (?P<name>(?-i:[A-Z])[\w&.'’ -]{1,40}?)\s*[.:]?\s*$", re.MULTILINE | re.IGNORECASE
)
# What such a line may name that is no outlet: "More from This Section", "© All rights reserved".
_NOT_NAMES = ("all rights", "the author", "this ", "our ")


@dataclass(frozen=True, slots=True)
class Outlet:
    """A source as the reader names it, with where the name came from."""

    id: str
    name: str
    url: str | None
    published: str | None
    origin: str  # "user", "sidecar", "metadata", "text" or "file"

    def citation(self, title: str | None, path: Path) -> str:
        """One line naming the source: outlet, title, URL (or path) and date."""
        parts = [self.name]
        if title:
            parts.append(f"“{title}”")
        parts.append(self.url or str(path))
        if self.published:
            parts.append(self.published)
        return " — ".join(parts)


def read_sidecar(folder: Path) -> dict[str, SourceMeta]:
    """``sources.toml`` in ``folder``: one table per file stem with name, url and published.

    A missing or unreadable sidecar gives nothing (the other ways of naming still apply).
    """
    path = folder / SIDECAR
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    import tomllib  # here: most folders have none, and the reader's first screen paid the import

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    found = {}
    for stem, entry in data.items():
        if not isinstance(entry, dict):
            continue
        values = [entry.get(key) for key in ("name", "url", "published")]
        # Names are shown in titles, tables and toasts: never an escape sequence.
        found[str(stem)] = SourceMeta(
            *(visible(str(v), one_line=True) if v not in (None, "") else None for v in values)
        )
    return found


def name_in_text(article: Article) -> str | None:
    """An outlet named by the page itself: a copyright line or a "More from X" heading."""
    # Page clutter first: that is where footers live; then the whole text.
    clutter = "\n".join(s.text for s in article.sentences if s.boilerplate)
    for text in (clutter, article.text):
        for pattern in (_COPYRIGHT_RE, _MORE_FROM_RE):
            match = pattern.search(text)
            if match:
                # "Copyright © Copyright Valley Times": the word is printed twice.
                name = re.sub(r"^(?i:copyright)\s+", "", match.group("name").strip(" .-"))
                if name and not name.lower().startswith(_NOT_NAMES):
                    return name
    return None


def name_outlets(articles: Iterable[Article], names: Mapping[str, str] | None = None) -> dict[str, Outlet]:
    """The outlet of every article (see the module docstring for the order of sources)."""
    names = {key: visible(value, one_line=True) for key, value in (names or {}).items()}
    sidecars: dict[Path, dict[str, SourceMeta]] = {}
    outlets = {}
    for article in articles:
        folder = article.path.parent
        if folder not in sidecars:
            sidecars[folder] = read_sidecar(folder)
        side = sidecars[folder].get(article.path.stem) or sidecars[folder].get(article.id) or SourceMeta()
        meta = article.meta
        url = side.url or meta.url
        published = side.published or meta.published
        if article.id in names:
            name, origin = names[article.id], "user"
        elif side.name:
            name, origin = side.name, "sidecar"
        elif meta.name:
            name, origin = meta.name, "metadata"
        elif (found := name_in_text(article)) is not None:
            name, origin = found, "text"
        else:
            name, origin = article.id, "file"
        outlets[article.id] = Outlet(article.id, name, url, published, origin)
    return outlets


def by_publication(articles: Iterable[Article], outlets: Mapping[str, Outlet]) -> list[str]:
    """Source ids ordered by publication time where known, the undated after, in load order."""
    ordered = list(articles)
    dated = sorted(
        (a for a in ordered if outlets[a.id].published), key=lambda a: str(outlets[a.id].published)
    )
    return [a.id for a in dated] + [a.id for a in ordered if not outlets[a.id].published]


def parse_names(items: Iterable[str]) -> dict[str, str]:
    """``STEM=Outlet`` strings as a mapping; raises ``ValueError`` naming a malformed one."""
    names = {}
    for item in items:
        stem, sep, name = item.partition("=")
        if not sep or not stem.strip() or not name.strip():
            raise ValueError(f"--name {item!r}: expected STEM=Outlet")
        names[stem.strip()] = name.strip()
    return names
