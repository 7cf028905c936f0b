"""``nato-reader align --format table``: the alignment as Rich tables on the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.alignment.model import KIND_MARKS
from tui.alignment.result import Alignment
from tui.corpus.model import Kind
from tui.corpus.text import visible

CLAIM_WIDTH = 90
MAX_SOURCE_COLUMNS = 12


def _short(text: str, width: int = CLAIM_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def print_alignment(alignment: Alignment, console: Console | None = None) -> None:
    """Print sources, shared claims (one row each, a column per source) and unique sentences.

    Article text goes in as ``Text`` objects, never as markup strings, so ``[bold]`` inside an
    article is printed as it is.
    """
    console = console or Console()
    labels = {article.id: f"S{n}" for n, article in enumerate(alignment.articles, start=1)}

    sources = Table(title="Sources", title_justify="left", show_edge=False)
    for column in ("", "id", "title", "sentences", "boilerplate"):
        sources.add_column(column)
    for article in alignment.articles:
        boilerplate = sum(1 for s in article.sentences if s.boilerplate)
        sources.add_row(
            labels[article.id],
            Text(visible(article.id, one_line=True)),
            Text(visible(article.title or "(no headline)", one_line=True)),
            str(len(article.sentences) - boilerplate),
            str(boilerplate),
        )
    console.print(sources)

    shared = [g for g in alignment.groups if len(g.members) > 1]
    claims = Table(
        title=f"Claims carried by more than one source ({len(shared)})",
        title_justify="left",
        caption="  ".join(f"{mark} {kind}" for kind, mark in KIND_MARKS.items() if kind != Kind.BOILERPLATE),
        caption_justify="left",
    )
    claims.add_column("#", justify="right")
    # A column per source reads well up to a dozen; beyond, a count and the source labels.
    wide = len(alignment.articles) > MAX_SOURCE_COLUMNS
    if wide:
        claims.add_column("n", justify="right")
        claims.add_column("sources")
    else:
        for article in alignment.articles:
            claims.add_column(labels[article.id], justify="center")
    claims.add_column("claim (first source's wording)")
    for group in shared:
        first = alignment.sentence(group.members[0]).text
        if wide:
            carried = " ".join(
                labels[m.source] + KIND_MARKS[alignment.sentence(m).kind] for m in group.members
            )
            claims.add_row(
                str(group.id), str(len(group.members)), _short(carried, 30), Text(_short(first, 60))
            )
            continue
        marks = []
        for article in alignment.articles:
            member = group.member_for(article.id)
            marks.append(KIND_MARKS[alignment.sentence(member).kind] if member else "")
        first = alignment.sentence(group.members[0]).text
        claims.add_row(str(group.id), *marks, Text(_short(first)))
    console.print(claims)

    for article in alignment.articles:
        unique = [s for s in article.content() if s.kind == Kind.UNIQUE]
        if not unique:
            continue
        table = Table(
            # A Text, not a string: a string title is Rich markup, and the id is a file name.
            title=Text(f"Only in {labels[article.id]} {visible(article.id, one_line=True)} ({len(unique)})"),
            title_justify="left",
            show_header=False,
        )
        table.add_column("#", justify="right")
        table.add_column("sentence")
        for sentence in unique:
            table.add_row(str(sentence.index), Text(_short(sentence.text)))
        console.print(table)
