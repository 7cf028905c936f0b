"""Candidate pairs found on two cores are the pairs found on one (``alignment.candidates``)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fresh_python import run_fresh

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked on Linux only")

# In a fresh interpreter: the command line forks (no other thread runs there), and a fresh
# interpreter is such a process, which a test worker may not be.
SET_UP = """
import os
import tui.alignment.candidates as candidates
from tui.alignment.sentence_graph import build_nodes
from tui.corpus.loader import can_fork, load_corpus
from tui.resources import seeds_dir

nodes = build_nodes(load_corpus([seeds_dir()]).articles)
candidates.PARALLEL_NODES = 10**9
alone = candidates.candidate_pairs(nodes)
assert alone, "no candidates on the seeds"
assert can_fork(), "no fork here"
candidates.PARALLEL_NODES = 0
"""

SAME_PAIRS = """
assert candidates.candidate_pairs(nodes) == alone, "two cores found other pairs"
"""

SEARCHER_DIES = """
def dies(*args):
    os._exit(9)  # the forked searcher killed (out of memory)
candidates._search = dies
assert candidates.candidate_pairs(nodes) == alone, "its half was not searched here"
"""


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return run_fresh(SET_UP + script)


def test_pairs_found_on_two_cores_are_those_found_on_one() -> None:
    done = _run(SAME_PAIRS)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_a_dead_searcher_leaves_its_nodes_to_be_searched_here() -> None:
    done = _run(SEARCHER_DIES)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
