"""Markdown articles (issue 15, item 8): a heading is the title, and Markdown marks are masked
(spaces, one for one) so they count in neither matching nor diffs, while offsets stay exact."""

from __future__ import annotations

from pathlib import Path

from tui.alignment.pipeline import open_alignment
from tui.corpus.ingest import clean_text, read_article
from tui.corpus.model import Kind

MARKDOWN = """# Allies back Rutte for NATO post

*By Coastal Wire staff*

NATO allies **met** in [Brussels](https://example.org/brussels "the city") on Thursday to discuss the budget.

- The ministers agreed to spend two percent more on _defence_ next year.
"""

PLAIN = """Allies back Rutte for NATO post

By Coastal Wire staff

NATO allies met in Brussels on Thursday to discuss the budget.

The ministers agreed to spend two percent more on defence next year.
"""


def test_markdown_marks_are_masked_one_for_one(tmp_path: Path) -> None:
    path = tmp_path / "wire.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_article(path)
    original = clean_text(MARKDOWN).strip("\n")
    assert len(article.text) == len(original)  # offsets into the file's text stay exact
    for mark in ("#", "*", "_", "[", "](", "https://"):
        assert mark not in article.text, mark
    # Every character that is not a mask is the file's own, at its own offset.
    assert all(a == b or a == " " for a, b in zip(article.text, original, strict=True))
    assert article.html_title == "Allies back Rutte for NATO post"


def test_markdown_and_plain_text_align_as_identical(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "wire.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "a" / "post.txt").write_text(PLAIN, encoding="utf-8")
    alignment = open_alignment([tmp_path / "a"], cache_dir=tmp_path / "cache")
    markdown = alignment.article("wire")
    assert markdown.title == "Allies back Rutte for NATO post"
    for sentence in markdown.content():
        assert "*" not in sentence.text and "#" not in sentence.text
        assert sentence.text == markdown.text[sentence.start : sentence.end]
    met = next(s for s in markdown.sentences if "met in" in " ".join(s.text.split()))
    assert met.kind is Kind.IDENTICAL, (met.kind, met.text)
