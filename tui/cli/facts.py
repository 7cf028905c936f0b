"""``nato-reader facts``: every number, date, speaker and quotation the sources state.

Conflicts (the same thing stated with different values by different sources) come first. Three
formats: a Rich table for people, JSON (``nato-reader/facts``, documented in the README) for
scripts, and Markdown for notes and reports. Article text goes into Rich as ``Text``, never markup.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # imported where used: every command registers ``facts`` (~40 ms for nothing)
    from tui.alignment.facts import Fact
    from tui.alignment.result import Alignment

FORMATS = ("table", "json", "md")


def add_command(commands: Any, add_paths: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register ``facts`` on the ``nato-reader`` subcommands."""
    facts = commands.add_parser(
        "facts",
        help="print every number, date, speaker and quotation, by what it is about; conflicts first",
        description="Gather the numbers, dates and weekdays, named speakers and quotations the "
        "sources state, keyed by their claim (dates and counts also by the event they go with), "
        "each distinct value with the sources that state it. Where sources disagree it is a "
        "conflict, listed first.",
    )
    add_paths(facts)
    facts.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    facts.add_argument("--conflicts", action="store_true", help="only the facts the sources disagree on")


def source_labels(alignment: Alignment) -> dict[str, str]:
    """Short labels for sources: the id's leading number ("000") when ids are numbered, else the id."""
    ids = [article.id for article in alignment.articles]
    prefixes = [i.split("_", 1)[0] for i in ids]
    if len(set(prefixes)) == len(ids) and all(p.isdigit() for p in prefixes):
        return dict(zip(ids, prefixes, strict=True))
    return {i: i for i in ids}


def run(args: argparse.Namespace, load: Callable[[argparse.Namespace], Alignment | int]) -> int:
    """Print the facts of the articles under ``args.paths`` in ``args.format``."""
    alignment = load(args)
    if isinstance(alignment, int):
        return alignment
    from tui.alignment.facts import facts_json, gather_facts

    facts = gather_facts(alignment)
    if args.conflicts:
        facts = [fact for fact in facts if fact.conflict]
    if args.format == "json":
        json.dump(facts_json(facts), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "md":
        write_markdown(facts, source_labels(alignment), sys.stdout)
    else:
        print_table(facts, source_labels(alignment))
    return 0


def _values(fact: Fact, labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(value.value, ", ".join(labels.get(s, s) for s in value.sources)) for value in fact.values]


def markdown_lines(facts: list[Fact], labels: dict[str, str]) -> list[str]:
    """Facts as Markdown bullet lists: conflicts, then the facts all sources agree on."""

    def bullet(fact: Fact) -> str:
        values = " | ".join(f"{_md(value)} ({sources})" for value, sources in _values(fact, labels))
        return f"- **{_md(fact.about)}** ({fact.kind}): {values}"

    conflicting = [f for f in facts if f.conflict]
    agreed = [f for f in facts if not f.conflict]
    lines = [f"## Conflicts ({len(conflicting)})", ""]
    lines += [bullet(f) for f in conflicting] or ["No source states a different value from another."]
    if agreed:
        lines += ["", f"## Stated without disagreement ({len(agreed)})", ""]
        lines += [bullet(f) for f in agreed]
    return lines


def _md(text: str) -> str:
    """Article text in Markdown: one line, with the characters Markdown would read escaped."""
    text = " ".join(text.split())
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def write_markdown(facts: list[Fact], labels: dict[str, str], out: TextIO) -> None:
    out.write("# Facts across sources\n\n" + "\n".join(markdown_lines(facts, labels)) + "\n")


def print_table(facts: list[Fact], labels: dict[str, str]) -> None:
    """Facts as a Rich table; conflicting values marked with ⚠ so colour is not needed."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"Facts ({sum(f.conflict for f in facts)} conflicts first)", title_justify="left")
    for column in ("", "kind", "about", "values (sources)"):
        table.add_column(column)
    for fact in facts:
        values = Text()
        for n, (value, sources) in enumerate(_values(fact, labels)):
            if n:
                values.append(" | ")
            values.append(" ".join(value.split()), style="bold" if fact.conflict else "")
            values.append(f" ({sources})", style="dim")
        table.add_row("⚠" if fact.conflict else "", fact.kind, Text(fact.about), values)
    Console().print(table)
