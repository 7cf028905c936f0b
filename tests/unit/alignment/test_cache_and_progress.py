"""The alignment cache (reopen instantly, re-align a changed file) and the CLI progress bar."""

from __future__ import annotations

import io
import sys

import tui.alignment.pipeline as pipeline
import tui.cli.progress as progress
from tui.alignment.pipeline import open_alignment


def _write(folder, right: str) -> None:
    (folder / "a.txt").write_text("The summit opens on Monday in Vilnius, officials said.", encoding="utf-8")
    (folder / "b.txt").write_text(right, encoding="utf-8")


def test_reopening_uses_the_cache_and_a_changed_file_is_aligned_again(tmp_path, monkeypatch):
    articles, cache = tmp_path / "articles", tmp_path / "cache"
    articles.mkdir()
    _write(articles, "The summit opens on Tuesday in Vilnius, officials said.")
    first = open_alignment([articles], cache_dir=cache)
    assert len(list(cache.iterdir())) == 1

    def no_alignment(*args, **kwargs):
        raise AssertionError("aligned again although nothing changed")

    monkeypatch.setattr(pipeline, "align_corpus", no_alignment)
    again = open_alignment([articles], cache_dir=cache)
    assert [s.text for s in again.article("b").sentences] == [s.text for s in first.article("b").sentences]
    assert [g.members for g in again.groups] == [g.members for g in first.groups]

    monkeypatch.undo()
    _write(articles, "Nobody expected the summit. It was cancelled on Friday.")
    changed = open_alignment([articles], cache_dir=cache)
    assert [s.text for s in changed.article("b").sentences] == [
        "Nobody expected the summit.",
        "It was cancelled on Friday.",
    ]


def test_progress_bar_never_on_a_pipe(monkeypatch):
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    with progress.StderrProgress() as bar:
        monkeypatch.setattr(progress, "QUIET_FOR", -1.0)
        bar.update("read", 1, 10)
        assert bar._progress is None
    assert sys.stderr.getvalue() == ""


def test_progress_bar_only_after_a_second_on_a_terminal(monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", Terminal())
    with progress.StderrProgress() as bar:
        bar.update("read", 1, 10)
        assert bar._progress is None  # quick work prints nothing
        monkeypatch.setattr(progress, "QUIET_FOR", -1.0)
        bar.update("segment", 5, 10)
        assert bar._progress is not None
