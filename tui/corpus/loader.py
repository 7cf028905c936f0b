"""From paths to segmented articles with boilerplate marked: the input of alignment."""

from __future__ import annotations

import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tui.corpus.ingest import IngestError, RawArticle, expand_paths, read_article
from tui.corpus.model import Article, Kind, Sentence
from tui.corpus.text import visible, without_store_date

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

_TITLE_END_RE = re.compile(r"[.!…,;:][\"'”’)\]]*$")
_MARKDOWN_HEADING_RE = re.compile(r"^#{1,6}\s+")


@dataclass(slots=True)
class Corpus:
    """The articles that loaded, and one line per path that did not."""

    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _title(article: Article, html_title: str | None) -> str | None:
    """The headline: the page title for HTML, else a headline-shaped first content line.

    A short label line above it ("World", "Breaking news") that the clutter rules kept is
    skipped: pages often carry their section's name over the headline.
    """
    if html_title:
        return html_title.strip()
    content = (s for s in article.sentences if not s.boilerplate)
    for _ in range(_LABELS_SKIPPED + 1):
        first = next(content, None)
        if first is None:
            return None
        line_start = article.text.rfind("\n", 0, first.start) + 1
        line_end = article.text.find("\n", first.end)
        line = article.text[line_start : line_end if line_end >= 0 else len(article.text)]
        line = without_store_date(line).strip()  # a stamp on the headline's line is a sentence apart
        if line != first.text:
            return None  # the first line holds more than one sentence: it is prose, not a headline
        headline = _MARKDOWN_HEADING_RE.sub("", line)
        words = len(headline.split())
        if words < 4 and not _TITLE_END_RE.search(headline):
            continue  # a label line, not a headline: look at the next line
        if words <= 25 and not _TITLE_END_RE.search(headline):
            return None if _over_a_credit(article, line_end) else headline
        return None
    return None


def _over_a_credit(article: Article, line_end: int) -> bool:
    """Is the next line a picture's credit ("(Photo: Reuters)")? Then the line above it is the
    picture's caption, on a page whose headline the copy left out, not the headline."""
    if line_end < 0:
        return False
    after = next((s for s in article.sentences if s.start > line_end), None)
    return (
        after is not None
        and after.boilerplate_reason == "photo credit"
        and article.text.rfind("\n", 0, after.start) == line_end
    )


_LABELS_SKIPPED = 2  # short label lines looked past on the way to the headline


def build_article(raw: RawArticle) -> Article:
    """Segment an article's text and mark its boilerplate."""
    # Imported here: reading files for a cache hit (``read_corpus``) needs neither (~20 ms).
    from tui.corpus import boilerplate
    from tui.corpus.segment import join_broken_lines, split_sentences

    joined = join_broken_lines(raw.text)
    spans = split_sentences(raw.text, joined)
    paragraphs = joined.split("\n")
    by_paragraph: list[list[str]] = [[] for _ in paragraphs]
    for span in spans:
        by_paragraph[span.paragraph].append(raw.text[span.start : span.end])
    reasons = boilerplate.classify(paragraphs, by_paragraph)
    flat_reasons = [reason for group in reasons for reason in group]
    sentences = [
        Sentence(
            index=i,
            start=span.start,
            end=span.end,
            text=raw.text[span.start : span.end],
            boilerplate_reason=reason,
            kind=Kind.BOILERPLATE if reason else Kind.UNIQUE,
        )
        for i, (span, reason) in enumerate(zip(spans, flat_reasons, strict=True))
    ]
    article = Article(raw.id, raw.path, raw.text, raw.sha256, None, raw.encoding, sentences, raw.meta)
    article.title = _title(article, raw.html_title)
    return article


def read_corpus(
    paths: list[Path], progress: Callable[[int, int, Path], None] | None = None
) -> tuple[list[RawArticle], list[str]]:
    """Read every article under ``paths`` (no segmentation yet), with unique ids.

    A path that does not exist raises ``IngestError``; a file that cannot be read as an article
    is skipped with a warning so the others still load. Ids are file stems, made unique.
    """
    files, warnings = expand_paths(paths)
    raws: list[RawArticle] = []
    seen: set[str] = set()
    for number, path in enumerate(files, start=1):
        if progress is not None:
            progress(number, len(files), path)
        try:
            raw = read_article(path)
        except IngestError as error:
            warnings.append(str(error))
            continue
        unique_id, suffix = raw.id, 2
        while unique_id in seen:
            unique_id, suffix = f"{raw.id}-{suffix}", suffix + 1
        seen.add(unique_id)
        raws.append(replace(raw, id=unique_id))
    return raws, warnings


# From this many articles, sentences are found in worker processes (pySBD is pure Python, so
# threads would not help); below it, starting the processes costs more than it saves.
PARALLEL_ARTICLES = 24


@contextmanager
def real_stderr() -> Iterator[None]:
    """Starting a process passes stderr's file descriptor along; under a TUI, stderr may be a
    capture object without one (fileno -1), which multiprocessing cannot pass. Use the real one."""
    captured = sys.stderr
    try:
        broken = captured is None or captured.fileno() < 0
    except (AttributeError, OSError, ValueError):
        broken = True
    if broken and sys.__stderr__ is not None:
        sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = captured


def ignore_interrupts() -> None:
    """A worker's start: Ctrl-C is the parent's to handle (it stops the pool); a worker that took
    it too would print a traceback of its own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def can_fork() -> bool:
    """Worker processes may be forked: on Linux (macOS system libraries are unsafe after a fork;
    Windows has none) when no other thread runs here (a fork copies only the calling thread, so a
    lock another thread held would stay locked): the command line, not the threaded UI."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _built(raws: list[RawArticle]) -> Iterator[Article]:
    """``build_article`` for each raw article, in order, on every core when there are many."""
    workers = min(os.cpu_count() or 1, 4)
    if len(raws) < PARALLEL_ARTICLES or workers < 2:
        yield from map(build_article, raws)
        return
    # Imported here: a reader opening a cached alignment reads its articles through this module
    # and starts no process (multiprocessing cost its first screen ~3 ms).
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context: BaseContext
    if can_fork():
        # Forked workers start at once with pySBD loaded here, once (spawned ones each start an
        # interpreter and import it: about 0.4 s of CPU apiece).
        from tui.corpus import boilerplate, segment  # noqa: F401  # imported for the workers

        segment.warm_up()
        context = multiprocessing.get_context("fork")
    else:
        context = multiprocessing.get_context("spawn")  # a threaded UI, where forking is unsafe
    with real_stderr():
        # The pool's semaphores start multiprocessing's resource tracker, and map submits
        # everything at once, so every helper process starts inside this block.
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=ignore_interrupts)
        results = pool.map(build_article, raws, chunksize=max(1, len(raws) // (workers * 8)))
    finished = False
    try:
        yield from results
        finished = True
    finally:
        # All done: the idle workers are joined, so no pool thread outlives this (the aligner
        # forks its own workers next, which ``can_fork`` allows only with no other thread
        # running: left to end on its own, the pool's thread was still alive then and the
        # sentence features were worked out in this process alone). Stopped early (the user
        # quit): the queued work is dropped.
        pool.shutdown(wait=finished, cancel_futures=not finished)


def build_corpus(
    raws: list[RawArticle],
    warnings: list[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """Segment and mark read articles."""
    corpus = Corpus(warnings=list(warnings or []))
    for number, article in enumerate(_built(raws), start=1):
        if progress is not None:
            progress(number, len(raws))
        corpus.articles.append(article)
    _mark_site_furniture(corpus.articles)
    for raw, article in zip(raws, corpus.articles, strict=True):
        if not article.content():
            corpus.warnings.append(
                f"{visible(str(raw.path), one_line=True)}: only page clutter, no article sentences"
            )
    return corpus


def _mark_site_furniture(articles: list[Article]) -> None:
    """Mark short lines that several sources carry word for word (see ``boilerplate``)."""
    from tui.corpus import boilerplate

    furniture = boilerplate.repeated_across_sources([a.text.split("\n") for a in articles])
    if not furniture:
        return
    for article in articles:
        for sentence in article.sentences:
            if sentence.boilerplate:
                continue
            line_start = article.text.rfind("\n", 0, sentence.start) + 1
            line_end = article.text.find("\n", sentence.end)
            line = article.text[line_start : line_end if line_end >= 0 else len(article.text)].strip()
            if line in furniture:
                sentence.boilerplate_reason = "site furniture"
                sentence.kind = Kind.BOILERPLATE


def load_corpus(paths: list[Path], progress: Callable[[int, int, Path], None] | None = None) -> Corpus:
    """Read, segment and mark every article under ``paths`` (see ``read_corpus``)."""
    raws, warnings = read_corpus(paths, progress)
    return build_corpus(raws, warnings)
