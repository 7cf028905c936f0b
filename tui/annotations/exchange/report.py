"""The Markdown export: a report a person reads, in plain text or rendered.

Sections: the conflicts across sources (the same fact stated with different values: a weekday, a
count, a speaker, quoted words; see ``tui.alignment.facts``), when the articles are loaded; the
sources (each given a short key, S1, S2, ...); a coverage table of the annotated
claims by source; each annotated claim with its sentence in every source that carries it, the
word-level differences and flagged divergences from the annotated source, and the annotations
(label, verdict, note); annotations outside any claim group; orphaned annotations last.

Article text and notes are untrusted: every piece of it goes through ``inline`` so that it stays
one line of literal text. Markdown punctuation and ``|`` are backslash-escaped, ``& < >`` become
HTML entities, line breaks become ``<br>``, and text with bidirectional controls is wrapped in an
isolate (FSI ... PDI) so a stray right-to-left override cannot reorder the rest of the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import groupby

from tui.alignment.model import ClaimGroup, PairComparison
from tui.alignment.result import Alignment
from tui.annotations.exchange.placing import Placed, Sources, place, source_ids, source_names
from tui.annotations.model import Annotation

# Claim wording in the coverage table is cut to this many characters.
CLAIM_PREVIEW = 60
# Word changes listed per pair of sentences; longer lists end with "...".
MAX_WORD_CHANGES = 12

_ESCAPE = re.compile(r"([\\`*_\[\]|~$])")
_BREAK = re.compile(r"\r\n|\r|\n")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
CARRIES, ANNOTATED, SILENT = "○", "●", "·"


def inline(text: str) -> str:
    """``text`` as literal one-line Markdown, safe inside a paragraph, list item or table cell."""
    text = text.replace("\x00", "\ufffd").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _BREAK.sub("<br>", _ESCAPE.sub(r"\\\1", text))
    if _BIDI.search(text):
        text = f"\u2068{text}\u2069"
    return text


def quoted(text: str) -> str:
    """Escaped text between typographic quotes."""
    return f"“{inline(text)}”"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GitHub-flavoured Markdown table (cells must already be escaped)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


class _Report:
    """Builds the report's lines from placed annotations."""

    def __init__(self, sources: Sources, annotations: list[Annotation], alignment: Alignment | None) -> None:
        self.alignment = alignment
        self.placed = place(sorted(annotations, key=lambda a: (a.source, a.start, a.id)), sources, alignment)
        self.store_ids = source_ids(sources, alignment)
        self.names = source_names(sources, alignment)
        order = [a.id for a in alignment.articles] if alignment else []
        keys = [self.store_ids.get(i, i) for i in order]
        keys += sorted((set(sources) | {a.source for a in annotations}) - set(keys))
        self.keys = {source: f"S{n}" for n, source in enumerate(keys, start=1)}
        self.sources = sources
        self.titles = {p.annotation.source: p.article.title for p in self.placed if p.article}
        if alignment:
            self.titles |= {self.store_ids.get(a.id, a.id): a.title for a in alignment.articles}

    def key(self, source: str) -> str:
        return self.keys.get(source, "S?")

    def article_key(self, article_id: str) -> str:
        return self.key(self.store_ids.get(article_id, article_id))

    def lines(self) -> list[str]:
        grouped = sorted((p for p in self.placed if p.group is not None), key=_group_id)
        loose = [p for p in self.placed if p.group is None and not p.annotation.orphan]
        orphans = [p for p in self.placed if p.annotation.orphan]
        claims = len({_group_id(p) for p in grouped})
        lines = [
            "# nato-reader annotations",
            "",
            f"{len(self.placed)} annotations on {len(self.keys)} sources; {claims} claims annotated; "
            f"{len(orphans)} orphaned.",
        ]
        lines += self.conflicts_section()
        lines += self.sources_section()
        lines += self.coverage_section(grouped)
        if grouped:
            lines += ["", "## Claims"]
        for _, items in groupby(grouped, key=_group_id):
            lines += self.claim_section(list(items))
        if loose:
            heading = "Annotations outside claim groups" if self.alignment else "Annotations"
            lines += ["", f"## {heading}", ""]
            lines += [self.annotation_line(p.annotation) for p in loose]
        if orphans:
            lines += ["", "## Orphaned annotations", ""]
            lines += ["Their text was not found in the current version of the article.", ""]
            lines += [self.annotation_line(p.annotation, position=True) for p in orphans]
        return lines

    def conflicts_section(self) -> list[str]:
        """What the sources disagree on, first: a fact-checker's starting point."""
        if self.alignment is None:
            return []
        from tui.alignment.facts import conflicts, gather_facts

        found = conflicts(gather_facts(self.alignment))
        lines = ["", f"## Conflicts across sources ({len(found)})", ""]
        if not found:
            return [*lines, "No fact is stated with different values by different sources."]
        for fact in found:
            values = " \\| ".join(
                f"{quoted(value.value)} ({', '.join(self.article_key(s) for s in value.sources)})"
                for value in fact.values
            )
            lines.append(f"- {inline(fact.about)} ({fact.kind}): {values}")
        return lines

    def sources_section(self) -> list[str]:
        counts: dict[str, int] = {}
        for item in self.placed:
            counts[item.annotation.source] = counts.get(item.annotation.source, 0) + 1
        rows = [
            [
                key,
                inline(self.names.get(source, source)),
                inline(self.titles.get(source) or ""),
                inline(self.sources[source]["path"]) if source in self.sources else "",
                str(counts.get(source, 0)),
            ]
            for source, key in self.keys.items()
        ]
        return ["", "## Sources", "", *table(["Key", "Source", "Title", "File", "Annotations"], rows)]

    def coverage_section(self, grouped: list[Placed]) -> list[str]:
        if self.alignment is None:
            return ["", "## Coverage", "", "The articles were not loaded: no claim groups or divergences."]
        annotated = {(p.group.id, p.annotation.source) for p in grouped if p.group is not None}
        rows = []
        for group_id, items in groupby(grouped, key=_group_id):
            group = next(items).group
            assert group is not None
            carriers = {self.store_ids.get(s, s) for s in group.sources}
            marks = [
                ANNOTATED if (group_id, source) in annotated else CARRIES if source in carriers else SILENT
                for source in self.keys
            ]
            rows.append([str(group_id), inline(self.preview(group)), *marks])
        legend = f"{ANNOTATED} annotated in that source, {CARRIES} carried, {SILENT} not carried."
        header = ["Claim", "Wording (first source)", *self.keys.values()]
        return ["", "## Coverage", "", legend, "", *table(header, rows)]

    def preview(self, group: ClaimGroup) -> str:
        assert self.alignment is not None
        text = " ".join(self.alignment.sentence(group.members[0]).text.split())
        return text if len(text) <= CLAIM_PREVIEW else text[: CLAIM_PREVIEW - 1] + "…"

    def claim_section(self, items: list[Placed]) -> list[str]:
        group = items[0].group
        alignment = self.alignment
        assert group is not None and alignment is not None
        reference = items[0].member
        assert reference is not None
        lines = ["", f"### Claim {group.id}", ""]
        for member in group.members:
            mark = " (annotated)" if any(p.member == member for p in items) else ""
            text = alignment.sentence(member).text
            lines.append(f"- **{self.article_key(member.source)}**{mark}: {quoted(text)}")
        carriers = {self.store_ids.get(source, source) for source in group.sources}
        silent = [key for source, key in self.keys.items() if source not in carriers]
        if silent:
            lines.append(f"- Not carried by: {', '.join(silent)}")
        others = [m for m in group.members if m != reference]
        if others:
            lines += ["", f"Differences from {self.article_key(reference.source)}:", ""]
            lines += [self.difference_line(alignment.compare(reference, m)) for m in others]
        lines += ["", "Annotations:", ""]
        # A whole-sentence annotation's quote is the sentence listed above: say so, not twice.
        lines += [
            self.annotation_line(
                p.annotation,
                whole=p.member is not None and alignment.sentence(p.member).text == p.annotation.quote.exact,
            )
            for p in items
        ]
        return lines

    def difference_line(self, pair: PairComparison) -> str:
        line = f"- **{self.article_key(pair.b.source)}**: {pair.kind}, score {pair.score:g}"
        flagged = [f"{d.type} {quoted(d.a)} → {quoted(d.b)}" for d in pair.divergences]
        if flagged:
            line += ". Divergences: " + "; ".join(flagged)
        changes = self.word_changes(pair)
        if changes:
            line += ". Words: " + "; ".join(changes)
        return line

    def word_changes(self, pair: PairComparison) -> list[str]:
        assert self.alignment is not None
        a_text, b_text = self.alignment.sentence(pair.a).text, self.alignment.sentence(pair.b).text
        changes = []
        for run in pair.diff:
            old, new = a_text[run.a_start : run.a_end], b_text[run.b_start : run.b_end]
            if run.op == "replace":
                changes.append(f"{quoted(old)} → {quoted(new)}" + (" (spelling)" if run.minor else ""))
            elif run.op == "insert":
                changes.append(f"+ {quoted(new)}")
            elif run.op == "delete":
                changes.append(f"− {quoted(old)}")
        if len(changes) > MAX_WORD_CHANGES:
            changes = [*changes[:MAX_WORD_CHANGES], "…"]
        return changes

    def annotation_line(self, annotation: Annotation, position: bool = False, whole: bool = False) -> str:
        quote = "the whole sentence" if whole else quoted(annotation.quote.exact)
        parts = [f"**{self.key(annotation.source)}** {quote}"]
        parts.append(f"label: **{inline(annotation.label)}**")
        if annotation.verdict:
            parts.append(f"verdict: **{inline(annotation.verdict)}**")
        if position:
            parts.append(f"was at {annotation.start}-{annotation.end}")
        if annotation.changed:  # the article's words differ now; the quote is what was judged
            parts.append("**changed, check**: the article's words differ from this quote now")
        line = "- " + " · ".join(parts)
        if annotation.note:
            line += f"<br>note: {inline(annotation.note)}"
        return line


def export_markdown(
    sources: Sources, annotations: Iterable[Annotation], alignment: Alignment | None = None
) -> str:
    """The Markdown report of ``annotations`` (claims and divergences need ``alignment``)."""
    return "\n".join(_Report(sources, list(annotations), alignment).lines()) + "\n"


def _group_id(placed: Placed) -> int:
    """The claim group of an annotation placed in one (callers pass only those)."""
    assert placed.group is not None
    return placed.group.id
