"""The helper process that compares pairs while the aligner runs (``pair_helper``): the JSON is
the same bytes, and nothing hangs or leaks when the helper dies or the aligner stops."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fresh_python import run_fresh

from tui.alignment import pair_helper
from tui.alignment.model import ClaimGroup, Member, group_pairs
from tui.alignment.pair_helper import _draft_pairs, _to_prepare, draft_of
from tui.corpus.model import Article, Sentence

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked on Linux only")

# The helper for the seeds (a few articles: it starts from 2,000 sentences otherwise), and two
# JSON workers forked from it, with small batches so that several go back in order.
SET_UP = """
import json, os, sys
import tui.alignment.json_workers as json_workers
import tui.alignment.pair_helper as pair_helper
from tui.alignment.pipeline import open_alignment
from tui.resources import seeds_dir

pair_helper.HELPER_SENTENCES = 0
pair_helper.SEND_CHARS = 1000
json_workers.os.cpu_count = lambda: 2
json_workers.FORKED_PAIRS = 0
json_workers.BATCH_PAIRS = 7

def aligned():
    alignment = open_alignment([seeds_dir()], use_cache=False, compare_ahead=True)
    assert alignment.helper is not None, "no helper started"
    return alignment
"""

SAME_JSON = """
for ensure_ascii in (True, False):
    alignment = aligned()
    chunks = alignment.json_chunks(ensure_ascii=ensure_ascii)
    whole = json.dumps(alignment.to_json(), indent=2, ensure_ascii=ensure_ascii)
    assert "".join(chunks) == whole, "the helper wrote other JSON"
"""

# Every sentence prepared before the first draft is looked at, and the groups encoded in the
# helper itself (no workers: what it does once the drafts' pairs are all compared).
PREPARED_AND_ENCODED_HERE = (
    """
pair_helper.LOOK_EVERY = 10**9
json_workers.FORKED_PAIRS = 10**9
"""
    + SAME_JSON
)

HELPER_DIES = """
def dies(conn, alignment, ensure_ascii):
    os._exit(9)  # the helper killed (out of memory) as the groups come
pair_helper._send_groups = dies
alignment = aligned()
chunks = alignment.json_chunks()
whole = json.dumps(alignment.to_json(), indent=2)
assert "".join(chunks) == whole, "the JSON was not finished here"
"""

STOPPED_EARLY = """
alignment = aligned()
next(iter(alignment.json_chunks()))  # the caller stopped reading: the process still exits
"""

ALIGNER_FAILS = """
from tui.alignment.aligner import Aligner
def fails(*args):
    raise MemoryError("out of memory while refining")
Aligner._refine = fails
try:
    aligned()
except MemoryError:
    print("raised", end="")  # and the process exits: the helper does not keep it waiting
"""


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return run_fresh(SET_UP + script)


def test_the_helper_writes_the_same_json() -> None:
    done = _run(SAME_JSON)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_prepared_sentences_and_groups_encoded_in_the_helper_give_the_same_json() -> None:
    done = _run(PREPARED_AND_ENCODED_HERE)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_a_dead_helper_leaves_the_json_to_be_finished_here() -> None:
    done = _run(HELPER_DIES)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_a_reader_that_stops_early_still_exits() -> None:
    done = _run(STOPPED_EARLY)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_an_aligner_that_fails_does_not_leave_the_helper_waiting() -> None:
    done = _run(ALIGNER_FAILS)
    assert done.stdout == "raised", done.stderr


def test_draft_pairs_are_the_pairs_of_the_groups_in_reading_order() -> None:
    # Articles read in the order c, b, a: a draft group's members come in that order, as the
    # final group's do, so its pairs are the ones the JSON asks for.
    order = {"c": 0, "b": 1, "a": 2}
    draft = draft_of([[Member("a", 3), Member("c", 1), Member("b", 2)], [Member("a", 2)]])
    assert draft == [[("a", 3), ("c", 1), ("b", 2)]]
    final = ClaimGroup(0, [Member("c", 1), Member("b", 2), Member("a", 3)])
    assert list(_draft_pairs(draft, order)) == group_pairs(final)


def test_the_final_groups_pairs_are_the_pairs_the_json_asks_for() -> None:
    # A final group puts the sentences whose main claim it is first, not in reading order: its
    # pairs are compared with its members as they come.
    order = {"c": 0, "b": 1, "a": 2}
    final = ClaimGroup(0, [Member("a", 3), Member("c", 1), Member("b", 2)])
    draft = draft_of([final.members])
    assert list(_draft_pairs(draft, order, in_order=True)) == group_pairs(final)
    assert list(_draft_pairs(draft, order)) != group_pairs(final)


def test_each_text_is_prepared_once_and_a_corpus_too_big_for_the_caches_not_at_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def article(name: str, texts: list[str]) -> Article:
        sentences = [Sentence(index=i, start=0, end=1, text=t) for i, t in enumerate(texts)]
        return Article(name, Path(f"{name}.txt"), "x", "0" * 64, sentences=sentences)

    articles = [article("a", ["One.", "Two.", "One."]), article("b", ["Two.", "Three."])]
    assert _to_prepare(articles) == [Member("a", 0), Member("a", 1), Member("b", 1)]
    monkeypatch.setattr(pair_helper, "PREPARED_SENTENCES", 2)
    assert _to_prepare(articles) == []
