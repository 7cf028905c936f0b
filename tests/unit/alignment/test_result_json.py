"""The alignment JSON written in pieces, and pair comparisons that share work, give the same
results as the plain ways of computing them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.alignment.aligner import Aligner
from tui.alignment.diff import word_diff
from tui.alignment.divergences import find_divergences
from tui.alignment.indented_json import Encoded, Record, encode, iterencode, joined
from tui.alignment.model import group_pairs
from tui.alignment.result import Alignment, align_corpus
from tui.corpus.ingest import RawArticle
from tui.corpus.loader import build_article, load_corpus
from tui.resources import seeds_dir


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return align_corpus(load_corpus([seeds_dir()]))


@pytest.mark.parametrize("ensure_ascii", [True, False])
def test_json_in_pieces_is_the_indented_document(seeds: Alignment, ensure_ascii: bool) -> None:
    whole = json.dumps(seeds.to_json(), indent=2, ensure_ascii=ensure_ascii)
    assert "".join(seeds.json_chunks(ensure_ascii=ensure_ascii)) == whole


def test_json_in_pieces_with_warnings_odd_text_and_no_groups() -> None:
    texts = ['Zürich said "no"\x1b.\n\nLine\ttwo, with “quotes” and a \\ backslash.', "Nothing shared here."]
    articles = [
        build_article(RawArticle(f"s{n}", Path(f"s{n}.txt"), text, "0" * 64, "utf-8"))
        for n, text in enumerate(texts)
    ]
    for alignment in (
        Alignment(articles, Aligner().run(articles), ["one warning", "two\nlines"]),
        Alignment([], [], []),
    ):
        for ensure_ascii in (True, False):
            whole = json.dumps(alignment.to_json(), indent=2, ensure_ascii=ensure_ascii)
            assert "".join(alignment.json_chunks(ensure_ascii=ensure_ascii)) == whole


def test_json_is_the_same_whether_pairs_were_compared_before_or_not(seeds: Alignment) -> None:
    fresh = align_corpus(load_corpus([seeds_dir()]))
    before = fresh.to_json()
    for group in fresh.groups:
        fresh.pairs(group)  # the reader's cache filled
    assert fresh.to_json() == before == seeds.to_json()


def test_divergences_given_the_word_diff_are_the_divergences_computed_alone(seeds: Alignment) -> None:
    compared = 0
    for group in seeds.groups:
        for a, b in group_pairs(group):
            a_text, b_text = seeds.sentence(a).text, seeds.sentence(b).text
            a_before, b_before = seeds.before(a), seeds.before(b)
            alone = find_divergences(a_text, b_text, a_before, b_before)
            shared = find_divergences(a_text, b_text, a_before, b_before, word_diff(a_text, b_text))
            assert shared == alone
            compared += 1
    assert compared > 50


def _wire_copies() -> Alignment:
    """Five sources carrying one story word for word, but for who spoke: "She said" is Jane Doe
    in three of them, John Roe in one, nobody named in the last."""
    claim = "She said 12 people died in the warehouse fire on Sunday night."
    intros = ["Jane Doe said the blaze began at noon."] * 3 + [
        "John Roe said the blaze began at noon.",
        "Officials in the city gave no names on Monday.",
    ]
    articles = [
        build_article(
            RawArticle(
                f"s{n}",
                Path(f"s{n}.txt"),
                f"{intro}\n\n{claim}\n\nRescuers searched for hours.",
                "0" * 64,
                "utf-8",
            )
        )
        for n, intro in enumerate(intros)
    ]
    return Alignment(articles, Aligner().run(articles))


@pytest.mark.parametrize("corpus", ["seeds", "wire copies"])
def test_pairs_of_repeated_texts_are_compared_as_each_pair_alone(seeds: Alignment, corpus: str) -> None:
    # The JSON compares a pair of texts a group repeats once (``compare_alike``): each pair must
    # still be what comparing it alone gives, who spoke included.
    alignment = seeds if corpus == "seeds" else _wire_copies()
    reused = attributed = 0
    for group in alignment.groups:
        alike: dict = {}
        for a, b in group_pairs(group):
            texts = (alignment.sentence(a).text, alignment.sentence(b).text)
            reused += texts in alike
            shared = alignment.compare_alike(a, b, alike)
            assert shared == alignment._compare(a, b)
            attributed += any(d.type == "attribution" for d in shared.divergences)
    if corpus == "wire copies":
        assert reused >= 3 and attributed >= 2  # texts repeated, with the same and other speakers
    assert json.loads("".join(alignment.json_chunks())) == json.loads(json.dumps(_plain_json(alignment)))


def _plain_json(alignment: Alignment) -> dict[str, Any]:
    """``to_json`` with every pair compared on its own."""
    document = alignment.to_json()
    for group, written in zip(alignment.groups, document["groups"], strict=True):
        written["pairs"] = [alignment._pair_json(alignment._compare(a, b)) for a, b in group_pairs(group)]
    return document


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES, st.booleans(), st.integers(min_value=0, max_value=3))
def test_indented_json_is_the_standard_librarys(value: object, ensure_ascii: bool, level: int) -> None:
    expected = json.dumps(value, indent=2, ensure_ascii=ensure_ascii).replace("\n", "\n" + "  " * level)
    assert encode(value, level=level, ensure_ascii=ensure_ascii) == expected


SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text()


@given(
    st.dictionaries(st.text(), SCALARS | st.lists(SCALARS, max_size=3) | JSON_VALUES, max_size=6),
    st.booleans(),
    st.integers(min_value=0, max_value=5),
)
def test_a_record_encodes_its_values_as_the_dict_would_be(
    value: dict[str, Any], ensure_ascii: bool, level: int
) -> None:
    record = Record(list(value), level=level, ensure_ascii=ensure_ascii)
    assert record(list(value.values())) == encode(value, level=level, ensure_ascii=ensure_ascii)


@given(st.lists(SCALARS, max_size=3), st.booleans())
def test_a_record_writes_an_encoded_value_as_it_is(values: list[Any], ensure_ascii: bool) -> None:
    inner = Encoded(encode(values, level=2, ensure_ascii=ensure_ascii))
    record = Record(["inner", "n"], level=1, ensure_ascii=ensure_ascii)
    assert record([inner, 1]) == encode({"inner": values, "n": 1}, level=1, ensure_ascii=ensure_ascii)


@given(st.lists(JSON_VALUES, max_size=4), st.booleans(), st.integers(min_value=0, max_value=4))
def test_a_list_joined_from_encoded_items_is_the_list_encoded(
    values: list[Any], ensure_ascii: bool, level: int
) -> None:
    items = [encode(value, level=level + 1, ensure_ascii=ensure_ascii) for value in values]
    assert joined(items, level=level) == encode(values, level=level, ensure_ascii=ensure_ascii)


def test_the_seeds_json_has_what_the_fast_encoders_write() -> None:
    """The whole-document tests above cover the pair encoder only if the seeds have its parts."""
    document = align_corpus(load_corpus([seeds_dir()])).to_json()
    pairs = [pair for group in document["groups"] for pair in group["pairs"]]
    assert any(run[3:] == ["minor"] for pair in pairs for run in pair["diff"])
    assert any(pair["divergences"] for pair in pairs)


def _lazy(value: Any, depth: int) -> Any:
    """``value`` with its lists down to ``depth`` levels made iterators."""
    if depth <= 0:
        return value
    if isinstance(value, list):
        return iter([_lazy(item, depth - 1) for item in value])
    if isinstance(value, dict):
        return {key: _lazy(item, depth - 1) for key, item in value.items()}
    return value


@given(JSON_VALUES, st.booleans(), st.integers(min_value=0, max_value=4))
def test_indented_json_in_pieces_is_the_whole(value: object, ensure_ascii: bool, depth: int) -> None:
    whole = encode(value, level=1, ensure_ascii=ensure_ascii)
    pieces = iterencode(_lazy(value, depth), level=1, ensure_ascii=ensure_ascii)
    assert "".join(pieces) == whole


def test_groups_compared_in_worker_processes_give_the_same_json(
    seeds: Alignment, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tui.alignment.json_workers as json_workers
    import tui.corpus.loader as loader

    pools = []

    class CountingPool(json_workers.ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(json_workers, "ProcessPoolExecutor", CountingPool)
    monkeypatch.setattr(json_workers.os, "cpu_count", lambda: 2)  # the same on a one-core machine
    monkeypatch.setattr(json_workers, "PARALLEL_PAIRS", 0)
    monkeypatch.setattr(json_workers, "BATCH_PAIRS", 7)  # several batches, kept in order
    # Spawned, as in a threaded UI (a test process may have other threads: never forked here).
    monkeypatch.setattr(loader, "can_fork", lambda: False)
    for ensure_ascii in (True, False):
        whole = json.dumps(seeds.to_json(), indent=2, ensure_ascii=ensure_ascii)
        assert "".join(seeds.json_chunks(ensure_ascii=ensure_ascii)) == whole
    assert pools == [2, 2], "the worker pool did not run"


# The workers' set-up of both scripts below: two of them, from the first pair, batches of 7.
WORKERS_ON_SEEDS = """
import json, os, sys
import tui.alignment.json_workers as json_workers
import tui.corpus.loader as loader
from tui.alignment.result import align_corpus
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir

json_workers.os.cpu_count = lambda: 2
json_workers.FORKED_PAIRS = 0
json_workers.BATCH_PAIRS = 7
"""

FORKED_JSON = """
assert loader.can_fork(), "no fork here"
alignment = align_corpus(load_corpus([seeds_dir()]))
print("before the JSON", end="")  # buffered when the workers are forked: still written once
for ensure_ascii in (True, False):
    whole = json.dumps(alignment.to_json(), indent=2, ensure_ascii=ensure_ascii)
    chunks = alignment.json_chunks(ensure_ascii=ensure_ascii)
    assert "".join(chunks) == whole, "forked workers wrote other JSON"
# Stopped early: the workers stop, and the process still exits at once.
next(iter(alignment.json_chunks()))
"""

DEAD_WORKER_JSON = """
def dies(groups, ensure_ascii):
    os._exit(9)  # a worker killed (out of memory, a crash in a C extension)
json_workers._encode_groups = dies
alignment = align_corpus(load_corpus([seeds_dir()]))
whole = json.dumps(alignment.to_json(), indent=2)
assert "".join(alignment.json_chunks()) == whole, "the JSON was not finished here"
"""


def _with_workers_on_seeds(script: str) -> subprocess.CompletedProcess[str]:
    """``script`` after WORKERS_ON_SEEDS, in a fresh interpreter: the command line forks its
    workers (no other thread runs there), and a fresh interpreter is such a process, which a
    test worker may not be."""
    return subprocess.run(
        [sys.executable, "-c", WORKERS_ON_SEEDS + script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_groups_compared_in_forked_workers_give_the_same_json() -> None:
    done = _with_workers_on_seeds(FORKED_JSON)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "before the JSON"
    assert done.stderr == ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_dead_worker_leaves_the_json_to_be_finished_here() -> None:
    done = _with_workers_on_seeds(DEAD_WORKER_JSON)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
