"""Facts across sources: the sheet a fact-checker opens first, from the module and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.alignment.facts import Fact, fact_line, facts_json, gather_facts
from tui.alignment.result import Alignment, align_corpus
from tui.cli.main import main
from tui.corpus.loader import load_corpus
from tui.resources import seeds_dir

ARTICLES = {
    "gazette.txt": """Ferry Fire Forces Evacuation of Port Velin

A fire broke out on the ferry Aurora in Port Velin on Tuesday, forcing the evacuation of 300 passengers.

Twelve people were injured, two of them seriously, port authority spokeswoman Lena Ostrova said.

"The crew acted quickly and saved many lives," Ostrova told reporters at the quay.

Investigators will examine the engine room, where the fire is believed to have started.
""",
    "coast.txt": """Hundreds Evacuated After Fire on Ferry in Velin

A fire broke out on the ferry Aurora in Port Velin on Wednesday, forcing the evacuation of 3,000 passengers.

Twenty-one people were injured, two of them seriously, Mayor Ivo Brandt, not the port authority, said.

"The crew acted quickly and saved lives," Brandt told reporters at the quay.

Investigators will examine the engine room, where the fire is believed to have started.
""",
    "wire.txt": "VELIN, May 14 (Wire) - A fire broke out on the ferry Aurora in Port Velin on Tuesday, "
    """forcing the evacuation of 300 passengers.

Twelve people were injured, two of them seriously, port authority spokeswoman Lena Ostrova said.

Investigators will examine the engine room, where the fire is believed to have started.
""",
}


@pytest.fixture(scope="module")
def seed_facts() -> list[Fact]:
    return gather_facts(align_corpus(load_corpus([seeds_dir()])))


def short(source: str) -> str:
    return source[:3]


def conflict_lines(facts: list[Fact]) -> list[str]:
    return [fact_line(f, short) for f in facts if f.conflict]


def test_seed_conflicts_come_first_and_name_their_sources(seed_facts: list[Fact]) -> None:
    lines = conflict_lines(seed_facts)
    assert seed_facts[: len(lines)] == [f for f in seed_facts if f.conflict]
    assert "Thursday (000, 003, 004) | Wednesday (002)" in "\n".join(lines)  # the README weekday
    assert any("some 16 (000, 001, 003)" in line and "more than 20 (002)" in line for line in lines)
    assert any(
        "British Foreign Office (000, 001, 003)" in line and "Rishi Sunak's spokesman (004)" in line
        for line in lines
    )
    assert any(
        "an outstanding candidate. (000, 001)" in line and "extraordinary mandate (003)" in line
        for line in lines
    )


def test_values_all_sources_agree_on_are_not_conflicts(seed_facts: list[Fact]) -> None:
    founded = [f for f in seed_facts if any(v.value == "1949" for v in f.values)]
    assert founded and not any(f.conflict for f in founded)
    members = [f for f in seed_facts if [v.value for v in f.values] == ["31"]]
    assert members and not members[0].conflict


def test_every_statement_points_at_its_value(seed_facts: list[Fact]) -> None:
    alignment = align_corpus(load_corpus([seeds_dir()]))
    for fact in seed_facts:
        for value in fact.values:
            for statement in value.statements:
                text = alignment.article(statement.source).sentences[statement.sentence].text
                assert text[statement.start : statement.end] == statement.text


@pytest.fixture
def own_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ferry"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_facts_command_json_on_a_folder_of_own_articles(
    own_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["facts", "--format", "json", "--no-cache", str(own_folder)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "nato-reader/facts" and data["version"] == 1
    conflicts = {
        " | ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in fact["values"])
        for fact in data["facts"]
        if fact["conflict"]
    }
    assert "3,000 (coast) | 300 (gazette, wire)" in conflicts
    assert "Twenty-one (coast) | Twelve (gazette, wire)" in conflicts
    assert "Wednesday (coast) | Tuesday (gazette, wire)" in conflicts
    assert "Mayor Ivo Brandt (coast) | port authority spokeswoman Lena Ostrova (gazette, wire)" in conflicts
    flags = [fact["conflict"] for fact in data["facts"]]
    assert flags == sorted(flags, reverse=True)  # conflicts first
    for fact in data["facts"]:
        assert {"kind", "about", "group", "event", "conflict", "values"} <= set(fact)
        for value in fact["values"]:
            for statement in value["statements"]:
                assert {"source", "sentence", "span", "text"} <= set(statement)


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_facts_command_table_and_markdown(
    own_folder: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    assert main(["facts", "--format", fmt, "--conflicts", "--no-cache", str(own_folder)]) == 0
    out = capsys.readouterr().out
    assert "Twelve" in out and "Twenty-one" in out
    if fmt == "md":
        assert out.startswith("# Facts across sources")
        assert "## Conflicts (" in out


def test_facts_json_of_an_alignment_without_shared_claims(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Nothing here says a number.\n", encoding="utf-8")
    alignment: Alignment = align_corpus(load_corpus([tmp_path]))
    assert facts_json(gather_facts(alignment))["facts"] == []
