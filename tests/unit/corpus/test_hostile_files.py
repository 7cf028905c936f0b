"""Broken and extreme files a user can feed the reader: each gets a clear line, the rest loads."""

from __future__ import annotations

from pathlib import Path

import pytest

import tui.corpus.ingest as ingest
from tui.alignment.pipeline import open_alignment
from tui.corpus.loader import load_corpus


def _good(folder: Path) -> None:
    (folder / "a.txt").write_text("The summit opens on Monday in Vilnius, officials said.", encoding="utf-8")
    (folder / "b.txt").write_text("The summit opens on Tuesday in Vilnius, officials said.", encoding="utf-8")


def test_a_directory_symlink_loop_is_not_followed(tmp_path):
    _good(tmp_path)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    corpus = load_corpus([tmp_path])
    assert sorted(a.id for a in corpus.articles) == ["a", "b"]


def test_a_file_that_vanishes_between_listing_and_reading(tmp_path, monkeypatch):
    _good(tmp_path)
    (tmp_path / "gone.txt").write_text("Soon gone.", encoding="utf-8")
    real = ingest.expand_paths

    def list_then_delete(paths):
        files, warnings = real(paths)
        (tmp_path / "gone.txt").unlink()
        return files, warnings

    monkeypatch.setattr("tui.corpus.loader.expand_paths", list_then_delete)
    corpus = load_corpus([tmp_path])
    assert sorted(a.id for a in corpus.articles) == ["a", "b"]
    assert any("gone.txt: file vanished" in w for w in corpus.warnings)


def test_a_one_sentence_article_and_an_only_boilerplate_file(tmp_path):
    _good(tmp_path)
    (tmp_path / "one.txt").write_text("Rutte backed.", encoding="utf-8")
    (tmp_path / "clutter.txt").write_text("Advertisement\nAlso read: Other news\n", encoding="utf-8")
    alignment = open_alignment([tmp_path], use_cache=False)
    assert {a.id for a in alignment.articles} >= {"a", "b", "one"}
    assert any("clutter.txt: only page clutter" in w for w in alignment.warnings)


def test_mixed_newlines_and_invalid_utf8(tmp_path):
    (tmp_path / "mixed.txt").write_bytes(b"First line.\r\nSecond line.\rThird line.\nCaf\xe9 \xff end.")
    corpus = load_corpus([tmp_path])
    text = corpus.articles[0].text
    assert "\r" not in text
    assert [s.text for s in corpus.articles[0].sentences][:3] == [
        "First line.",
        "Second line.",
        "Third line.",
    ]


@pytest.mark.parametrize("size", [5_000_000])
def test_a_single_5mb_line_without_punctuation_loads(tmp_path, size):
    words = ("alpha beta gamma delta nato rutte allies " * (size // 40 + 1))[:size]
    (tmp_path / "huge.txt").write_text(words, encoding="utf-8")
    _good(tmp_path)
    alignment = open_alignment([tmp_path], use_cache=False)
    huge = next(a for a in alignment.articles if a.id == "huge")
    assert all(huge.text[s.start : s.end] == s.text for s in huge.sentences)
    assert sum(len(s.text) for s in huge.sentences) >= size * 0.99
