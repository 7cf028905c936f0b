"""From paths to an alignment, through the cache: what the app and the CLI both call."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui import paths as user_paths
from tui.alignment import cache
from tui.alignment.result import Alignment, align_corpus
from tui.alignment.thresholds import DEFAULT_THRESHOLDS, Thresholds
from tui.corpus.ingest import IngestError, expand_paths
from tui.corpus.loader import build_corpus, read_corpus
from tui.corpus.model import Article

if TYPE_CHECKING:
    from tui.alignment.pair_helper import PairHelper


class NothingToAlign(Exception):
    """No readable article under the given paths; the message says why, in one line."""


def open_cached(
    paths: list[Path],
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    cache_dir: Path | None = None,
    most_files: int = 50,
) -> Alignment | None:
    """The cached alignment of at most ``most_files`` articles, or None (not cached, too many
    to read at once, or unreadable: ``open_alignment`` then says why). Quick enough for a
    reader to call before its first frame."""
    try:
        files, _ = expand_paths(paths)
        if not files or len(files) > most_files:
            return None
        raws, warnings = read_corpus(paths)
    except (IngestError, OSError):
        return None
    if not raws:
        return None
    key = cache.cache_key(raws, thresholds)
    return cache.load(cache_dir or user_paths.cache_dir(), key, raws, warnings, thresholds)


def open_alignment(
    paths: list[Path],
    *,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    progress: Callable[[str, int, int], None] | None = None,
    compare_ahead: bool = False,
) -> Alignment:
    """Read, segment and align the articles under ``paths``, reusing a cached result.

    ``progress`` is called as ``(stage, done, total)`` with stages ``read``, ``segment`` and
    ``align``. ``compare_ahead``: the caller will write the JSON (``json_chunks``), so many
    articles' pairs are compared meanwhile in a helper process (``pair_helper``), where one may
    be forked.
    Raises ``IngestError`` for a missing path and ``NothingToAlign`` when nothing is readable.
    """

    def report_read(done: int, total: int, _path: Path) -> None:
        if progress is not None:
            progress("read", done, total)

    raws, warnings = read_corpus(paths, report_read)
    if not raws:
        reasons = "; ".join(warnings) or "no articles found"
        raise NothingToAlign(f"no readable articles ({reasons})")
    folder = cache_dir or user_paths.cache_dir()
    key = cache.cache_key(raws, thresholds) if use_cache else ""
    if use_cache:
        cached = cache.load(folder, key, raws, warnings, thresholds)
        if cached is not None:
            return cached

    def stage(name: str) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            if progress is not None:
                progress(name, done, total)

        return report

    corpus = build_corpus(raws, warnings, stage("segment"))
    # Articles segmented in worker processes came back as copies: the texts read here are not
    # needed through the aligner's peak (1,000 articles: 7 MB).
    del raws
    helper = _helper(corpus.articles, thresholds) if compare_ahead else None
    try:
        alignment = align_corpus(corpus, thresholds, stage("align"), helper)
    except BaseException:
        if helper is not None:
            helper.close()
        raise
    if use_cache:
        cache.save(folder, key, alignment)
    return alignment


def _helper(articles: list[Article], thresholds: Thresholds) -> PairHelper | None:
    """A ``PairHelper`` for many articles of several sources, where one may be forked."""
    from tui.alignment.pair_helper import HELPER_SENTENCES, PairHelper
    from tui.corpus.loader import can_fork

    if len({article.id for article in articles}) < 2 or not can_fork():
        return None
    if sum(len(article.sentences) for article in articles) < HELPER_SENTENCES:
        return None
    return PairHelper(articles, thresholds)
