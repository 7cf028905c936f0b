"""Where stored annotations sit in the loaded articles now: the input of every export and report.

A store names sources by id and records each file's path and sha256; the loaded articles may have
moved or changed. ``place`` matches each annotation to its article (same id, else the same file,
else the same text), re-anchors it in memory and finds its sentence and claim group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tui.alignment.model import ClaimGroup, Member
from tui.alignment.result import Alignment
from tui.annotations.model import Annotation, reanchor
from tui.corpus.model import Article
from tui.corpus.outlets import name_outlets

Sources = Mapping[str, Mapping[str, str]]


@dataclass(frozen=True, slots=True)
class Placed:
    """An annotation where it sits in the loaded articles now.

    ``annotation`` is re-anchored to the article's current text (in memory only); ``member`` is
    the annotated sentence and ``group`` its claim group, both None when the article is not
    loaded, the annotation is an orphan or the sentence is boilerplate.
    """

    annotation: Annotation
    article: Article | None
    member: Member | None
    group: ClaimGroup | None


def match_articles(sources: Sources, alignment: Alignment | None) -> dict[str, Article]:
    """The loaded article of each store source id: same id, else the same file, else same text."""
    if alignment is None:
        return {}
    by_id = {a.id: a for a in alignment.articles}
    by_path = {_resolved(str(a.path)): a for a in alignment.articles}
    by_sha = {a.sha256: a for a in alignment.articles}
    matched: dict[str, Article] = {}
    for key in set(sources) | set(by_id):
        entry = sources.get(key)
        article = by_id.get(key)
        if entry is not None and (article is None or not _same_file(article, entry["path"])):
            # No such id, or the id names another file: the recorded file or text matches better.
            article = by_path.get(_resolved(entry["path"])) or by_sha.get(entry["sha256"]) or article
        if article is not None:
            matched[key] = article
    return matched


def _same_file(article: Article, path: str) -> bool:
    return _resolved(str(article.path)) == _resolved(path)


def _resolved(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return path


def place(annotations: Iterable[Annotation], sources: Sources, alignment: Alignment | None) -> list[Placed]:
    """Each annotation with its article, sentence and claim group in ``alignment``.

    Annotations are re-anchored to the article's current text in memory (the store is not
    changed), so positions and groups describe the articles as they are now.
    """
    articles = match_articles(sources, alignment)
    placed: list[Placed] = []
    for annotation in annotations:
        article = articles.get(annotation.source)
        if article is None or alignment is None:
            placed.append(Placed(annotation, article, None, None))
            continue
        current = reanchor(article.text, annotation)
        index = None if current.orphan else sentence_at(article, current.start, current.end)
        member = None if index is None else Member(article.id, index)
        group = None if index is None else alignment.group_of(article.id, index)
        placed.append(Placed(current, article, member if group is not None else None, group))
    return placed


def sentence_at(article: Article, start: int, end: int) -> int | None:
    """The index of the first sentence overlapping ``[start, end)`` (or holding ``start``)."""
    for sentence in article.sentences:
        if sentence.start < max(end, start + 1) and start < sentence.end:
            return sentence.index
    return None


def source_ids(sources: Sources, alignment: Alignment | None) -> dict[str, str]:
    """Article id to store source id, for naming the sources of a claim group."""
    return {article.id: key for key, article in match_articles(sources, alignment).items()}


def source_names(sources: Sources, alignment: Alignment | None) -> dict[str, str]:
    """What the reader calls each source, by article id and by store source id: the name the
    store keeps (a rename, or the outlet the reader found), else the outlet found now (a sidecar,
    the page's metadata, its copyright line), else the id. Every export names sources so."""
    articles = match_articles(sources, alignment)
    kept = {key: entry["name"] for key, entry in sources.items() if entry.get("name")}
    found: dict[str, str] = {}
    if alignment is not None:
        user = {articles[key].id: name for key, name in kept.items() if key in articles}
        found = {id_: outlet.name for id_, outlet in name_outlets(alignment.articles, user).items()}
    for key in sources:
        found[key] = kept.get(key) or (found.get(articles[key].id) if key in articles else None) or key
    return found
