"""A helper process that compares pairs for ``align --format json`` while the aligner still runs.

The aligner's last steps run on one core, and the JSON's pair comparisons (word diff, score,
divergences: most of the JSON's cost) can only start once the groups are final, so one core
idled through the one and the other waited for it. The helper is forked when the articles are
segmented (before the aligner's memory peak, so it does not hold a copy of it); the aligner hands
it a draft of its groups as soon as it has one (``draft``), and the helper compares the draft's
pairs until the final groups come (``encoded_groups``). Then it compares the rest in worker
processes forked from it, which inherit every comparison already made, and sends the groups'
encoded text back in order. A comparison depends only on its two sentences and those before
them, so the bytes are the same as encoding every group here (a test holds it); a draft pair the
final groups do not have is only time lost.

Only where workers may be forked (``loader.can_fork``: the command line on Linux).
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import threading
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from tui.alignment.indented_json import Encoded
from tui.alignment.model import ClaimGroup, Member, group_pairs
from tui.alignment.thresholds import Thresholds
from tui.corpus.loader import ignore_interrupts, real_stderr
from tui.corpus.model import Article

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from tui.alignment.result import Alignment, Alike

# Fewer content sentences than this: the pairs are few, and the helper not worth a process.
HELPER_SENTENCES = 2_000
# Draft pairs compared between two looks at the pipe (a look costs a system call; a pair ~0.5 ms).
LOOK_EVERY = 16
# Sentences whose comparison features are worked out before the first draft, at most: the
# per-sentence caches that keep them (``text.normalise``, ``scoring.sentence_terms``...) hold
# 8,192, and the drafts' pairs need room of their own. A corpus with more is not prepared at all:
# what was prepared would be pushed out before its pairs came, and the preparing took a core from
# the sentence features' workers (1,000 half-unique articles: 33,000 texts).
PREPARED_SENTENCES = 6_144
# Pairs' JSON held encoded ahead, at most (1,000 articles' pairs are about 80 million characters:
# most are encoded at the end, as before, rather than held through the aligner's peak).
ENCODED_CHARS = 1 << 24
# Encoded text sent back to this process at a time (a few hundred kilobytes: few messages).
SEND_CHARS = 1 << 18

Draft = list[list[tuple[str, int]]]  # groups of (source, sentence), as plain tuples: cheap to send


class PairHelper:
    """The helper process, seen from the process that aligns."""

    def __init__(self, articles: list[Article], thresholds: Thresholds) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe()
        self._process: BaseProcess | None = context.Process(
            target=_serve, args=(theirs, self._conn, articles, thresholds), name="nato-reader pairs"
        )
        with real_stderr():
            self._process.start()
        theirs.close()
        # Before multiprocessing's own exit handler, which waits for its processes: a helper
        # never told to stop (the aligner raised) would make it wait forever.
        atexit.register(self.close)

    def draft(self, groups: Draft, *, in_order: bool = False) -> None:
        """Groups the aligner has so far: their pairs are compared ahead. ``in_order``: the final
        groups, members in their order (else they are put in reading order)."""
        # The helper gone: the pairs are compared later, the same way.
        with contextlib.suppress(OSError):
            self._conn.send(("draft", groups, in_order))

    def encoded_groups(self, alignment: Alignment, *, ensure_ascii: bool) -> Iterator[Encoded]:
        """``alignment.encoded_groups(alignment.groups)``, from the helper. It starts now, not at
        the first group asked for: it compares while the caller writes what comes first. If the
        helper dies, the rest is encoded here."""
        with contextlib.suppress(OSError):  # the helper gone: found out at the first receive below
            self._conn.send(("groups", alignment.groups, ensure_ascii))
        return self._received(alignment, ensure_ascii)

    def _received(self, alignment: Alignment, ensure_ascii: bool) -> Iterator[Encoded]:
        done = 0
        try:
            while True:
                try:
                    texts = self._conn.recv()
                except (EOFError, OSError):
                    break
                if texts is None:
                    return
                yield from map(Encoded, texts)
                done += len(texts)
            # The helper died (killed, out of memory): the remaining groups are compared here.
            yield from alignment.encoded_groups(alignment.groups[done:], ensure_ascii=ensure_ascii)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the helper (at once if it is still comparing) and wait for it to end."""
        process, self._process = self._process, None
        if process is None:
            return
        atexit.unregister(self.close)
        self._conn.close()  # the helper reads the end of the pipe, or fails to send: it stops
        process.join()


def draft_of(groups: list[list[Member]]) -> Draft:
    """The aligner's groups of two or more members, as ``PairHelper.draft`` sends them."""
    return [[(m.source, m.sentence) for m in group] for group in groups if len(group) > 1]


def _draft_pairs(
    draft: Draft, order: dict[str, int], in_order: bool = False
) -> Iterator[tuple[Member, Member]]:
    """The pairs the draft's groups would compare: members in reading order, as the final groups
    have them when every member's main claim is the group's (``sentence_groups.number_groups``),
    or ``in_order``, as they come (the final groups)."""
    for group in draft:
        members = group if in_order else sorted(set(group), key=lambda m: (order[m[0]], m[1]))
        yield from group_pairs(ClaimGroup(0, [Member(*m) for m in members]))


def _to_prepare(articles: list[Article]) -> list[Member]:
    """Each article's content sentences, one per text, or none if there are more than
    PREPARED_SENTENCES texts."""
    members: dict[str, Member] = {}
    for article in articles:
        for sentence in article.content():
            members.setdefault(sentence.text, Member(article.id, sentence.index))
            if len(members) > PREPARED_SENTENCES:
                return []
    return list(members.values())


def _serve(conn: Connection, parents: Connection, articles: list[Article], thresholds: Thresholds) -> None:
    """The helper: compare the drafts' pairs until the final groups come, then send those back."""
    from tui.alignment.result import Alignment

    ignore_interrupts()  # Ctrl-C is the aligning process's to handle: it stops the helper
    parents.close()  # the aligning process's end: open here, the pipe could not report it gone
    alignment = Alignment(articles, [], [], thresholds)
    order = {article.id: position for position, article in enumerate(articles)}
    pending: Iterator[tuple[Member, Member]] = iter(())
    alike: Alike = {}  # the comparisons made, by their texts (``Alignment.compare_alike``)
    try:
        # Until the first draft comes (the aligner's first second or so, on one core), each
        # sentence's half of the comparisons is worked out: the drafts' pairs then cost a third.
        for number, member in enumerate(_to_prepare(articles), start=1):
            alignment.prepare(member)
            if number % LOOK_EVERY == 0 and conn.poll():
                break
        encoded = 0  # characters encoded ahead
        while True:
            for number, pair in enumerate(pending, start=1):
                if not alignment.is_compared(*pair):  # kept: the final groups' workers inherit it
                    alignment.keep(alignment.compare_alike(*pair, alike))
                if number % LOOK_EVERY == 0 and conn.poll():
                    break  # a newer draft, or the final groups
            else:
                # The draft's pairs all compared before the aligner's next: their JSON is written
                # now, not after the aligner ends (200 copied articles: 0.2 s of the wait for it).
                encoded = _encode_ahead(conn, alignment, encoded)
            message = conn.recv()
            if message[0] == "draft":
                # Each draft is closer to the final groups than the one before: the pairs of the
                # one before that are left are mostly pairs refining undid (1,000 half-unique
                # articles: 6,300 of 43,000 compared were never asked for).
                pending = _draft_pairs(message[1], order, message[2])
            else:
                _, alignment.groups, ensure_ascii = message
                _send_groups(conn, alignment, ensure_ascii)
                return
    except (EOFError, OSError):
        return  # the aligning process stopped, or stopped reading
    finally:
        # The workers' pool ends in a thread of its own. A process multiprocessing started runs
        # its exit handler before waiting for threads, and that handler closes the queue the
        # thread still sends the workers their "stop" on: it would wait for them forever.
        for thread in threading.enumerate():
            if thread is not threading.main_thread():
                thread.join()


def _encode_ahead(conn: Connection, alignment: Alignment, encoded: int) -> int:
    """Encode the pairs compared so far for the JSON (``Alignment.encoded_ahead``), until a message
    comes or ENCODED_CHARS are held; returns the characters held."""
    from tui.alignment.pair_json import PairRecords
    from tui.alignment.result import GROUP_LEVEL

    ready = alignment.encoded_ahead
    records = PairRecords(GROUP_LEVEL + 2, ensure_ascii=False)
    for number, comparison in enumerate(alignment.compared(), start=1):
        if encoded >= ENCODED_CHARS:
            break
        key = (comparison.a, comparison.b)
        if key not in ready:
            text = ready[key] = records(alignment, comparison)
            encoded += len(text)
        if number % LOOK_EVERY == 0 and conn.poll():
            break
    return encoded


def _send_groups(conn: Connection, alignment: Alignment, ensure_ascii: bool) -> None:
    from tui.alignment import json_workers
    from tui.alignment.json_workers import encoded_groups, workers_for

    # Workers only for many pairs left to compare, or many to encode (those not encoded ahead):
    # with the drafts' pairs compared ahead (200 copied articles: all 9,152), encoding here took
    # 0.38 s, against 0.52-0.61 s forking two workers from this large process and passing their
    # text through it; 50,000 pairs (1,000 half-unique articles) took 1.4 s to encode here.
    ready = alignment.encoded_ahead if not ensure_ascii else {}
    pairs = [pair for group in alignment.groups for pair in group_pairs(group) if pair not in ready]
    left = sum(not alignment.is_compared(a, b) for a, b in pairs)
    many = left >= json_workers.FORKED_PAIRS or len(pairs) >= json_workers.PARALLEL_PAIRS
    workers = workers_for(alignment.groups, forked=True) if many else 0
    texts = (
        encoded_groups(alignment, workers, ensure_ascii=ensure_ascii, forked=True, closing=conn)
        if workers
        else alignment.encoded_groups(alignment.groups, ensure_ascii=ensure_ascii)
    )
    batch: list[str] = []
    size = 0
    try:
        for text in texts:
            batch.append(str(text))
            size += len(text)
            if size >= SEND_CHARS:
                conn.send(batch)
                batch, size = [], 0
        conn.send(batch)
        conn.send(None)
    finally:
        # Now, not when the generator is collected: stopped early (the aligning process stopped
        # reading), its workers are stopped here, else this process would wait for them forever.
        close = getattr(texts, "close", None)
        if close is not None:
            close()
