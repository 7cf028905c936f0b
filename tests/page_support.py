"""Pages made up for the clutter tests: a headline, three paragraphs, and checks on lines.

Every line here is made up in the style of pasted news pages; none is copied from the dev set.
"""

from __future__ import annotations

from pathlib import Path

from tui.corpus.ingest import RawArticle
from tui.corpus.loader import build_article
from tui.corpus.model import Article, Sentence

BODY = [
    "Floodwater rose through the night in the river town of Alden, forcing hundreds of families "
    "onto rooftops before rescue boats arrived at dawn on Wednesday.",
    "The regional governor said at least 40 people had died and that the toll was expected to rise "
    "as crews reached villages cut off by landslides.",
    "Aid agencies warned that clean water would run short within days unless the main road reopened.",
]
HEADLINE = "Floods kill dozens in Alden as river bursts its banks"


def page(*lines: str) -> Article:
    text = "\n".join(lines)
    return build_article(RawArticle("test", Path("test.txt"), text, "0" * 64, "utf-8"))


def sentences_of(article: Article, line: str) -> list[Sentence]:
    """The sentences of the first line that is exactly ``line``."""
    lines = article.text.split("\n")
    start = sum(len(earlier) + 1 for earlier in lines[: lines.index(line)])
    return [s for s in article.sentences if start <= s.start < start + len(line)]


def assert_marked(article: Article, line: str, reason: str | None = None) -> None:
    found = sentences_of(article, line)
    assert found, line
    for sentence in found:
        assert sentence.boilerplate, (sentence.text, "kept")
        if reason is not None:
            assert sentence.boilerplate_reason == reason, sentence.boilerplate_reason


def assert_kept(article: Article, line: str) -> None:
    for sentence in sentences_of(article, line):
        assert not sentence.boilerplate, (sentence.text, sentence.boilerplate_reason)


def assert_body_kept(article: Article) -> None:
    for line in BODY:
        if line in article.text:
            assert_kept(article, line)
