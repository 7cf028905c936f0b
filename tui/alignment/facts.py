"""Facts across sources: every number, date, speaker and quotation, with who states which value.

A fact is one thing the sources state a value for: how many were killed, when the US backed
Rutte, who is credited with a claim, what words were quoted. It is keyed by its claim group and,
within the group, by the words around the value; numbers and dates that go with an event verb
("backed on Thursday", "20 killed") are gathered across claim groups, so two outlets that date the
same event in differently worded sentences still meet. Each distinct value lists the sources (and
sentences) that state it; a fact with more than one value is a **conflict**, listed first.

Pure: no UI imports. ``facts_json`` is the documented ``nato-reader/facts`` shape.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tui.alignment.context import verb_of
from tui.alignment.divergences import affinity, same_quote
from tui.alignment.mentions import STOPWORDS, Mention, numbers_and_dates, quotes, stem
from tui.alignment.model import ClaimGroup, Member
from tui.alignment.result import Alignment
from tui.alignment.speaker_identity import same_speaker
from tui.alignment.speakers import speakers
from tui.corpus.text import normalise, tokens

SCHEMA = "nato-reader/facts"
SCHEMA_VERSION = 1
KINDS = ("number", "date", "attribution", "quote")
# Event verbs whose numbers and dates are gathered across claim groups (stem -> event).
EVENTS = {
    "back": "backed", "kill": "killed", "injur": "injured", "evacuat": "evacuated", "elect": "elected",
    "win": "won", "vote": "voted", "arrest": "arrested", "launch": "launched", "land": "landed",
    "crash": "crashed", "magnitud": "magnitude", "miss": "missing", "rescu": "rescued",
    "displac": "displaced", "damag": "damaged", "destroy": "destroyed", "struck": "struck",
}  # fmt: skip
# Counted things that are the same thing ("16 other NATO members", "20 NATO allies").
_THINGS = {
    "alli": "member",
    "allie": "member",
    "ally": "member",
    "countri": "member",
    "nation": "member",
    "state": "member",
}
_SKIP_BEFORE_THING = frozenset({"other", "more", "additional", "further", "new", "people's"})
_DENIALS = frozenset({"not", "no", "never", "holding", "against", "opposed", "refused", "without"})
# How far (in words) a number or a date may be from its event verb; a weekday may be anywhere in
# its sentence ("on Wednesday ..., readiness to support Rutte").
NUMBER_REACH = 8
DATE_REACH = 6


@dataclass(frozen=True, slots=True)
class Statement:
    """Where a source states a value: its sentence and the span of the value in it."""

    source: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Value:
    """One distinct value of a fact, and every statement of it."""

    value: str
    key: str
    statements: list[Statement] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """The sources stating this value, each once, in the order first seen."""
        return list(dict.fromkeys(s.source for s in self.statements))


@dataclass(slots=True)
class Fact:
    """A thing the sources state a value for; more than one value is a conflict."""

    kind: str  # "number", "date", "attribution" or "quote"
    about: str
    group: int | None  # the claim group, or None for an event gathered across groups
    event: str = ""
    values: list[Value] = field(default_factory=list)
    conflict: bool = False


def _event(words: list[str], first: int, last: int, reach: int) -> str:
    """The event verb nearest to ``words[first:last]`` within ``reach`` words, or "".

    A denial between the value and the verb ("ten allies are still holding back from backing")
    means the value is not a count of that event.
    """
    best, distance = "", reach + 1
    for index, word in enumerate(words):
        event = EVENTS.get(stem(word))
        gap = first - index if index < first else index - last + 1
        if event and 0 <= gap < distance:
            between = words[min(index, last) : max(index, first)]
            if not any(w.lower() in _DENIALS for w in between):
                best, distance = event, gap
    return best


def _thing(words: list[str], after: int) -> tuple[str, str]:
    """The counted thing after a number, as a key and as written ("member", "members")."""
    for word in words[after : after + 4]:
        lowered = word.lower()
        if lowered in STOPWORDS or lowered in _SKIP_BEFORE_THING or word[:1].isupper():
            continue
        key = stem(lowered)
        return _THINGS.get(key, key), lowered.strip(".,;:")
    return "", ""


@dataclass(slots=True)
class _Found:
    mention: Mention
    member: Member
    event: str
    thing: str
    thing_as_written: str = ""


def _value_mentions(alignment: Alignment, group: ClaimGroup) -> list[_Found]:
    found = []
    for member in group.members:
        text = alignment.sentence(member).text
        word_tokens = [t for t in tokens(text) if t.is_word]
        words = [t.text for t in word_tokens]
        for mention in numbers_and_dates(text):
            first = next((i for i, t in enumerate(word_tokens) if t.start >= mention.start), 0)
            last = next((i for i, t in enumerate(word_tokens) if t.start >= mention.end), len(words))
            if mention.type == "number":
                (thing, written), reach = _thing(words, last), NUMBER_REACH
                if verb_of(written):
                    thing, written = _THINGS.get(mention.thing, mention.thing), mention.thing  # "20 killed"
            else:
                thing, written = mention.grain, mention.grain
                reach = len(words) if mention.grain == "weekday" else DATE_REACH
            found.append(_Found(mention, member, _event(words, first, last, reach), thing, written))
        # "on Thursday (Feb 22) backed", "on Wednesday, the 21st of February": the day goes with
        # the weekday beside it, and so with its event.
        here = [f for f in found if f.member == member]
        for item in here:
            if item.mention.grain == "day" and not item.event:
                beside = [
                    f.event
                    for f in here
                    if (f.mention.grain == "weekday" and abs(f.mention.end - item.mention.start) < 12)
                    or (abs(item.mention.end - f.mention.start) < 12 and f.mention.grain == "weekday")
                ]
                item.event = next((e for e in beside if e), "")
    return found


def _statement(member: Member, mention: Mention) -> Statement:
    return Statement(member.source, member.sentence, mention.start, mention.end, mention.text)


def _add(
    values: list[Value], key: str, label: str, statement: Statement, same: Callable[[str, str], bool]
) -> None:
    for value in values:
        if same(value.key, key):
            if statement not in value.statements:
                value.statements.append(statement)
            return
    values.append(Value(" ".join(label.split()), key, [statement]))


def _excerpt(alignment: Alignment, member: Member, words: int = 8) -> str:
    text = " ".join(alignment.sentence(member).text.split()[:words])
    return text + " …"


def _most_common(items: list[str]) -> str:
    counted = Counter(item for item in items if item)
    return counted.most_common(1)[0][0] if counted else ""


class FactsStopped(Exception):
    """``gather_facts`` was told to stop (the reader closed the sheet or quit)."""


def _groups(alignment: Alignment, stop: Callable[[], bool]) -> Iterator[ClaimGroup]:
    """The claim groups, asking ``stop`` before each: a huge corpus takes minutes to gather."""
    for group in alignment.groups:
        if stop():
            raise FactsStopped
        yield group


def _never() -> bool:
    return False


def _numbers_and_dates(alignment: Alignment, stop: Callable[[], bool] = _never) -> list[Fact]:
    """Numbers and dates: clustered within a group when they are about the same thing (as the
    divergences compare them); a cluster that goes with an event verb joins the same event's
    values from other groups."""
    by_event: dict[tuple[str, str, str, str], Fact] = {}
    facts: list[Fact] = []
    for group in _groups(alignment, stop):
        clusters: list[tuple[list[_Found], set[str]]] = []  # values about one thing, with their anchors
        for item in _value_mentions(alignment, group):
            mention = item.mention
            scored = [
                (max(affinity(i.mention, mention) for i in items), n)
                for n, (items, _anchors) in enumerate(clusters)
                if all(i.member != item.member for i in items)  # one sentence's two values are two things
            ]
            best = max(scored, default=(0, -1))
            target = clusters[best[1]] if best[0] > 0 else None
            if target is None:
                clusters.append(([item], set(mention.anchors)))
            else:
                target[0].append(item)
                target[1].update(mention.anchors)
        for items, _anchors in clusters:
            kind = items[0].mention.type
            event = _most_common([i.event for i in items])
            thing = _most_common([i.thing for i in items])
            # Months and years recur for other events ("the November election" in one claim, "the
            # June election" in another), so only weekdays and days are gathered across claims.
            # A count is of something somewhere: "how many people killed in Cebu" is not the toll.
            place = _most_common([i.mention.place for i in items]) if kind == "number" else ""
            if kind == "number" and thing in {"", "people", "other"}:
                thing = "people"  # "20 killed" and "20 people killed" count the same
            if event and (kind == "number" or thing in {"weekday", "day"}):
                key = (kind, event, thing, place)
                if key not in by_event:
                    if kind == "date":
                        grain = "" if thing == "weekday" else f" ({thing})"
                        about = f"when {event}{grain}"
                    else:
                        noun = next(
                            (i.thing_as_written for i in items if i.thing == thing and i.thing_as_written),
                            thing,
                        )
                        about = f"how many {noun} {event}" if noun else f"how many {event}"
                        about += f" in {place.capitalize()}" if place else ""
                    by_event[key] = Fact(kind, about, None, event)
                fact = by_event[key]
            else:
                fact = Fact(kind, f"{kind} in: {_excerpt(alignment, items[0].member)}", group.id)
                facts.append(fact)
            for item in items:
                _add(
                    fact.values,
                    item.mention.value,
                    item.mention.text,
                    _statement(item.member, item.mention),
                    str.__eq__,
                )
    return list(by_event.values()) + facts


def _speakers(alignment: Alignment, stop: Callable[[], bool] = _never) -> list[Fact]:
    facts = []
    for group in _groups(alignment, stop):
        fact = Fact("attribution", f"who is credited: {_excerpt(alignment, group.members[0])}", group.id)
        by_member: dict[Member, list[Mention]] = {}
        representatives: list[Mention] = []
        for member in group.members:
            found = speakers(alignment.sentence(member).text, alignment.before(member))
            by_member[member] = found
            for mention in found:
                statement = _statement(member, mention)
                index = next((i for i, r in enumerate(representatives) if same_speaker(r, mention)), None)
                if index is None:
                    representatives.append(mention)
                    fact.values.append(Value(" ".join(mention.label.split()), mention.value, [statement]))
                elif statement not in fact.values[index].statements:
                    fact.values[index].statements.append(statement)
        credited = [found for found in by_member.values() if found]
        fact.conflict = any(
            not any(same_speaker(a, b) for a in first for b in second)
            for i, first in enumerate(credited)
            for second in credited[i + 1 :]
        )
        if fact.values:
            facts.append(fact)
    return facts


def _quotes(alignment: Alignment, stop: Callable[[], bool] = _never) -> list[Fact]:
    facts = []
    for group in _groups(alignment, stop):
        fact = Fact("quote", f"quoted words: {_excerpt(alignment, group.members[0])}", group.id)
        for member in group.members:
            text = alignment.sentence(member).text
            for mention in quotes(text):
                _add(fact.values, mention.value, mention.text, _statement(member, mention), same_quote)
        # A source stating the quoted words without quotation marks states the same words.
        for value in fact.values:
            for member in group.members:
                text = alignment.sentence(member).text
                if member.source not in value.sources and len(value.key.split()) >= 2:
                    position = normalise(text).find(value.key)
                    if position >= 0:
                        value.statements.append(Statement(member.source, member.sentence, 0, 0, ""))
        fact.conflict = _across_sources(fact)
        if fact.values:
            facts.append(fact)
    return facts


def _across_sources(fact: Fact) -> bool:
    """Two values each stated by a source the other is not: one source's two figures for two
    things in one sentence are not a conflict."""
    sources = [set(value.sources) for value in fact.values]
    return any(a - b and b - a for i, a in enumerate(sources) for b in sources[i + 1 :])


def gather_facts(alignment: Alignment, stop: Callable[[], bool] = _never) -> list[Fact]:
    """Every fact the sources state, conflicts first, then by kind and claim order.

    ``stop`` is asked before each claim; when it says so, ``FactsStopped`` is raised."""
    facts = _numbers_and_dates(alignment, stop) + _speakers(alignment, stop) + _quotes(alignment, stop)
    for fact in facts:
        if fact.kind in {"number", "date"}:
            fact.conflict = _across_sources(fact)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(
        facts,
        key=lambda f: (not f.conflict, order[f.kind], -1 if f.group is None else f.group),
    )


def conflicts(facts: list[Fact]) -> list[Fact]:
    """The facts on which sources state different values."""
    return [fact for fact in facts if fact.conflict]


def fact_line(fact: Fact, label: Callable[[str], str] = lambda source: source) -> str:
    """One line: ``when backed: Thursday (000, 003, 004) | Wednesday (002)``."""
    parts = [f"{value.value} ({', '.join(label(s) for s in value.sources)})" for value in fact.values]
    return f"{fact.about}: " + " | ".join(parts)


def facts_json(facts: list[Fact]) -> dict[str, Any]:
    """The documented ``nato-reader/facts`` JSON shape."""
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "facts": [
            {
                "kind": fact.kind,
                "about": fact.about,
                "group": fact.group,
                "event": fact.event,
                "conflict": fact.conflict,
                "values": [
                    {
                        "value": value.value,
                        "sources": value.sources,
                        "statements": [
                            {
                                "source": s.source,
                                "sentence": s.sentence,
                                "span": [s.start, s.end],
                                "text": s.text,
                            }
                            for s in value.statements
                        ],
                    }
                    for value in fact.values
                ],
            }
            for fact in facts
        ],
    }
