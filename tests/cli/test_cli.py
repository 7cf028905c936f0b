"""``nato-reader align``, ``--version`` and ``--help`` as a user runs them, in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from exchange_support import assert_clean_failure, run

import tui
from tui import __version__
from tui.alignment.model import KIND_MARKS
from tui.corpus.ingest import read_article
from tui.corpus.model import Kind

KINDS = {str(kind) for kind in Kind}
DIFF_OPS = {"equal", "insert", "delete", "replace"}
# Subprocesses run the same tui as this test process (the checkout under test, not another copy).
CODE_ROOT = str(Path(tui.__file__).resolve().parents[1])
PROSE = "NATO allies met in Brussels on Thursday to discuss who should succeed the secretary general."


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> dict:
    result = run("align", "--format", "json", cwd=tmp_path_factory.mktemp("cwd"))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


# --- json ----------------------------------------------------------------------------------------


def test_json_top_level(seeds_json: dict) -> None:
    assert seeds_json["schema"] == "nato-reader/alignment"
    assert seeds_json["version"] == 2
    assert {"schema", "version", "sources", "groups"} <= set(seeds_json)
    assert len(seeds_json["sources"]) == 5
    assert [s["id"] for s in seeds_json["sources"]] == sorted(s["id"] for s in seeds_json["sources"])


def test_json_sources_and_sentences(seeds_json: dict) -> None:
    for source in seeds_json["sources"]:
        assert {"id", "path", "title", "sha256", "sentences"} <= set(source)
        assert isinstance(source["id"], str) and source["id"]
        assert source["title"] is None or isinstance(source["title"], str)
        path = Path(source["path"])
        assert path.stem == source["id"]
        text = read_article(path).text
        assert source["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert source["sentences"]
        for position, sentence in enumerate(source["sentences"]):
            expected = {
                "index",
                "start",
                "end",
                "text",
                "boilerplate",
                "boilerplate_reason",
                "group",
                "kind",
                "score",
            }
            assert expected <= set(sentence)
            assert sentence["index"] == position
            assert isinstance(sentence["start"], int) and isinstance(sentence["end"], int)
            assert sentence["text"] == text[sentence["start"] : sentence["end"]]
            assert isinstance(sentence["boilerplate"], bool)
            assert sentence["kind"] in KINDS
            if sentence["boilerplate"]:
                assert isinstance(sentence["boilerplate_reason"], str) and sentence["boilerplate_reason"]
                assert sentence["kind"] == "boilerplate"
                assert sentence["group"] is None
                assert sentence["score"] is None
            else:
                assert sentence["boilerplate_reason"] is None
                assert sentence["kind"] != "boilerplate"
                assert isinstance(sentence["group"], int)
            if sentence["score"] is not None:
                assert isinstance(sentence["score"], (int, float)) and 0 <= sentence["score"] <= 100


def test_json_groups_and_pairs(seeds_json: dict) -> None:
    sentences = {
        (source["id"], sentence["index"]): sentence
        for source in seeds_json["sources"]
        for sentence in source["sentences"]
    }
    seen = set()
    shared = 0
    for position, group in enumerate(seeds_json["groups"]):
        assert {"id", "members", "pairs"} <= set(group)
        assert group["id"] == position
        members = [(m["source"], m["sentence"]) for m in group["members"]]
        assert all(set(m) >= {"source", "sentence"} for m in group["members"])
        assert len({source for source, _ in members}) == len(members), "two sentences of one source"
        for key in members:
            # Version 2: "groups" lists every claim a sentence carries, its main one ("group") first.
            assert group["id"] in sentences[key]["groups"]
            assert sentences[key]["group"] == sentences[key]["groups"][0]
            assert (key, group["id"]) not in seen
            seen.add((key, group["id"]))
        if len(members) == 1:
            assert group["pairs"] == []
            assert sentences[members[0]]["kind"] == "unique"
            continue
        shared += 1
        assert group["pairs"]
        for pair in group["pairs"]:
            assert {"a", "b", "score", "kind", "diff", "divergences"} <= set(pair)
            a, b = (pair["a"]["source"], pair["a"]["sentence"]), (pair["b"]["source"], pair["b"]["sentence"])
            assert a in members and b in members and a != b
            assert isinstance(pair["score"], (int, float)) and 0 <= pair["score"] <= 100
            assert pair["kind"] in {"identical", "near-identical", "paraphrase"}
            a_text, b_text = sentences[a]["text"], sentences[b]["text"]
            for diff_run in pair["diff"]:
                assert isinstance(diff_run, list) and diff_run[0] in DIFF_OPS
                assert isinstance(diff_run[1], str) and isinstance(diff_run[2], str)
                assert diff_run[1] in a_text and diff_run[2] in b_text
                if diff_run[0] == "insert":
                    assert diff_run[1] == ""
                if diff_run[0] == "delete":
                    assert diff_run[2] == ""
            for divergence in pair["divergences"]:
                assert set(divergence) >= {"type", "a", "b"}
                assert divergence["type"] in {"number", "date", "attribution", "name", "quote"}
                assert set(divergence) >= {"a_span", "b_span", "minor"}
    expected = {(key, g) for key, s in sentences.items() if not s["boilerplate"] for g in s["groups"]}
    assert seen == expected  # every content sentence in the groups it lists, boilerplate in none
    assert all(s["groups"] for s in sentences.values() if not s["boilerplate"])
    assert shared >= 10


def test_json_flags_the_seed_quote(seeds_json: dict) -> None:
    quotes = [
        d
        for group in seeds_json["groups"]
        for pair in group["pairs"]
        for d in pair["divergences"]
        if d["type"] == "quote"
    ]
    assert any(
        "outstanding candidate" in d["a"] + d["b"] and "extraordinary mandate" in d["a"] + d["b"]
        for d in quotes
    )


def test_cached_and_fresh_alignments_print_the_same_json(tmp_path: Path) -> None:
    first = run("align", "--format", "json", cwd=tmp_path)
    second = run("align", "--format", "json", cwd=tmp_path)  # same cache folder: a cache hit
    fresh = run("align", "--format", "json", "--no-cache", cwd=tmp_path)
    assert first.returncode == second.returncode == fresh.returncode == 0
    assert json.loads(first.stdout) == json.loads(second.stdout) == json.loads(fresh.stdout)


def test_json_of_given_files_is_valid_utf8_with_raw_text(tmp_path: Path) -> None:
    hostile = f"{PROSE} The [bold red]x[/] tag and “quotes” stay as written.\n"
    (tmp_path / "a.txt").write_text(hostile, encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"{PROSE}\n", encoding="utf-8")
    result = run("align", "--format", "json", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["id"] for s in data["sources"]] == ["a", "b"]
    texts = [s["text"] for s in data["sources"][0]["sentences"]]
    assert "The [bold red]x[/] tag and “quotes” stay as written." in texts


# --- table ---------------------------------------------------------------------------------------


def test_table_on_seeds(tmp_path: Path) -> None:
    result = run("align", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Traceback" not in out + result.stderr
    for source in ("000_01d7c358cd3f792d", "001_a351163bb1205c22", "004_73fc911b91fc8937"):
        assert source in out
    assert "US and European powers back Dutch PM Rutte as next NATO head" in out
    assert "Claims carried by more than one source" in out
    assert "Only in" in out
    for kind in (Kind.NEAR_IDENTICAL, Kind.PARAPHRASE):
        assert KIND_MARKS[kind] in out
        assert f"{KIND_MARKS[kind]} {kind}" in out  # the legend says what each mark means
    assert "\x1b[" not in out  # no colour codes when not writing to a terminal


def test_table_prints_article_text_literally(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        f"{PROSE}\nThe [bold red]x[/] tag is part of this sentence.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        f"{PROSE}\nSomething else entirely happened in Oslo today.\n", encoding="utf-8"
    )
    result = run("align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "The [bold red]x[/] tag is part of this sentence." in result.stdout
    assert "Something else entirely happened in Oslo today." in result.stdout
    assert "\x1b" not in result.stdout


def test_skipped_file_warns_but_others_align(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{PROSE}\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary\x00")
    result = run("align", "--format", "json", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("nato-reader: warning:") and str(tmp_path / "b.txt") in line
    assert [s["id"] for s in json.loads(result.stdout)["sources"]] == ["a"]


# --- bad input -----------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-article.txt"
    result = run("align", str(missing), cwd=tmp_path)
    assert_clean_failure(result)
    assert str(missing) in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_empty_folder(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = run("align", "--format", fmt, str(folder), cwd=tmp_path)
    assert_clean_failure(result)
    assert str(folder) in result.stderr


def test_folder_of_only_binary_and_empty_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "b.md").write_bytes(b"")
    result = run("align", str(tmp_path), cwd=tmp_path)
    assert_clean_failure(result)
    assert str(tmp_path / "a.txt") in result.stderr
    assert str(tmp_path / "b.md") in result.stderr


def test_bad_format_is_a_usage_error_without_traceback(tmp_path: Path) -> None:
    result = run("align", "--format", "xml", cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "--format" in result.stderr


def test_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    # `nato-reader align --format json | head -1`: the reader goes away early.
    env = os.environ | {"PYTHONIOENCODING": "utf-8", "PYTHONPATH": CODE_ROOT}
    env.setdefault("NATO_READER_CACHE_DIR", str(tmp_path / "cache"))
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "align", "--format", "json"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    process.wait(timeout=120)
    assert "Traceback" not in stderr
    assert "BrokenPipeError" not in stderr


# --- version and help ----------------------------------------------------------------------------


def test_version(tmp_path: Path) -> None:
    result = run("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"nato-reader {__version__}"
    assert re.fullmatch(r"nato-reader \d+\.\d+\.\d+\S*", result.stdout.strip())


def test_help(tmp_path: Path) -> None:
    result = run("--help", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: nato-reader")
    assert "align" in result.stdout and "--version" in result.stdout


def test_align_help(tmp_path: Path) -> None:
    result = run("align", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "--format" in result.stdout and "table" in result.stdout and "json" in result.stdout
    assert "PATH" in result.stdout


def test_reader_options_work_without_the_read_command(tmp_path):
    """``nato-reader --no-cache --store S PATH`` means the read command (checked without a TUI)."""
    from tui.cli.main import _parser, _with_default_command

    args = _parser().parse_args(
        _with_default_command(["--no-cache", "--store", str(tmp_path / "s.json"), "a.txt"])
    )
    assert args.command == "read"
    assert args.no_cache and args.store == tmp_path / "s.json"
    assert [str(p) for p in args.paths] == ["a.txt"]


# --- one error path: exit 1 for runtime problems, 2 for usage ------------------------------------


def test_a_missing_article_is_a_runtime_error(tmp_path: Path) -> None:
    result = run("align", str(tmp_path / "gone.txt"), cwd=tmp_path)
    assert_clean_failure(result)
    assert result.returncode == 1
    assert "gone.txt: no such file or folder" in result.stderr


def test_a_mistyped_command_says_so(tmp_path: Path) -> None:
    result = run("bogus", cwd=tmp_path)
    assert_clean_failure(result)
    assert result.returncode == 2
    assert "not a command" in result.stderr and "export" in result.stderr


def test_options_before_the_command_belong_to_it(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    result = run("--store", str(missing), "export", "--format", "json", cwd=tmp_path)
    assert_clean_failure(result)
    assert result.returncode == 1
    assert f"{missing}: no annotation store there" in result.stderr


def test_export_without_a_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run("export", cwd=tmp_path)
    assert_clean_failure(result)
    assert result.returncode == 2


def test_json_on_a_non_utf8_terminal_is_valid_json(tmp_path: Path) -> None:
    result = run("align", "--format", "json", cwd=tmp_path, env_extra={"PYTHONIOENCODING": "latin-1"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema"] == "nato-reader/alignment"
