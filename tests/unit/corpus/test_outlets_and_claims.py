"""Outlet naming (tui.corpus.outlets) and claim data (tui.alignment.claims) without a UI."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.alignment.claims import claim_card, claim_position, divergence_stops, find_stop, next_stop
from tui.alignment.pipeline import open_alignment
from tui.alignment.rows import build_rows
from tui.corpus.ingest import read_article, split_front_matter
from tui.corpus.loader import build_article, load_corpus
from tui.corpus.outlets import by_publication, name_outlets, parse_names
from tui.resources import seeds_dir


@pytest.fixture(scope="module")
def seeds():
    return open_alignment([seeds_dir()], use_cache=False)


def test_seed_outlets_come_from_their_text_and_the_rest_from_the_stem():
    corpus = load_corpus([seeds_dir()])
    outlets = name_outlets(corpus.articles)
    names = [outlets[a.id].name for a in corpus.articles]
    assert names[:2] == ["CGTN", "Qonversations"]
    assert names[2:] == [a.id for a in corpus.articles[2:]]
    assert outlets[corpus.articles[0].id].origin == "text"


def test_the_order_of_sources_is_user_sidecar_metadata_text_stem(tmp_path: Path):
    (tmp_path / "a.md").write_text("---\noutlet: Meta Daily\nurl: https://meta.example/a\n---\nText here.\n")
    (tmp_path / "b.txt").write_text("A story.\n\nCopyright © 2024 Footer News. All rights reserved.\n")
    (tmp_path / "c.txt").write_text("A story.\n")
    (tmp_path / "sources.toml").write_text('[a]\nname = "Sidecar"\n[c]\nurl = "https://c.example"\n')
    corpus = load_corpus([tmp_path])
    outlets = name_outlets(corpus.articles, {"b": "User Named"})
    assert (outlets["a"].name, outlets["a"].origin, outlets["a"].url) == (
        "Sidecar",
        "sidecar",
        "https://meta.example/a",
    )
    assert (outlets["b"].name, outlets["b"].origin) == ("User Named", "user")
    assert (outlets["c"].name, outlets["c"].url) == ("c", "https://c.example")
    assert name_outlets(corpus.articles)["b"].name == "Footer News"


def test_a_pictures_unknown_credit_glued_to_a_caption_names_no_outlet(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "A story.\n\n© unknownThe bus burns on the High Street.\n\nCOPYRIGHT 2024 Footer News.\n"
    )
    outlets = name_outlets(load_corpus([tmp_path]).articles)
    assert (outlets["a"].name, outlets["a"].origin) == ("Footer News", "text")


@pytest.mark.parametrize(
    ("footer", "name"),
    [
        ("More on FLOODS\n\nMore from Valley Times", "Valley Times"),
        (
            "More from This Section\n\nCopyright © Copyright Valley Times. All rights reserved.",
            "Valley Times",
        ),
    ],
)
def test_a_topic_or_a_section_is_no_outlet_and_copyright_is_not_its_name(tmp_path: Path, footer, name):
    (tmp_path / "a.txt").write_text(f"A story.\n\n{footer}\n")
    assert name_outlets(load_corpus([tmp_path]).articles)["a"].name == name


@pytest.mark.parametrize("sidecar", [b'[a]\nname = "Unclosed\n', b"\xff\xfe not utf-8", None])
def test_a_broken_or_missing_sidecar_names_nothing_and_the_rest_still_apply(tmp_path: Path, sidecar):
    (tmp_path / "a.txt").write_text("A story.\n\nCopyright © 2024 Footer News. All rights reserved.\n")
    (tmp_path / "b.txt").write_text("Another story.\n")
    if sidecar is not None:
        (tmp_path / "sources.toml").write_bytes(sidecar)
    outlets = name_outlets(load_corpus([tmp_path]).articles)
    assert (outlets["a"].name, outlets["a"].origin) == ("Footer News", "text")
    assert outlets["b"].name == "b"


def test_front_matter_is_read_and_removed_but_plain_dashes_are_text():
    text, meta = split_front_matter("---\nname: X\ndate: 2024-01-02\n---\nBody.\n")
    assert (text, meta.name, meta.published) == ("Body.\n", "X", "2024-01-02")
    assert split_front_matter("--- not front matter\nBody.\n")[0].startswith("---")


def test_html_metadata_names_the_outlet(tmp_path: Path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Rutte backed</title>"
        '<meta property="og:site_name" content="Example Times">'
        '<meta property="article:published_time" content="2024-02-22T10:00:00Z">'
        '<link rel="canonical" href="https://example.com/rutte"></head><body><article>'
        + "<p>The United States backed Mark Rutte on Thursday to lead NATO, officials said.</p>" * 3
        + "</article></body></html>"
    )
    raw = read_article(page)
    assert raw.meta.name == "Example Times"
    assert raw.meta.published and raw.meta.published.startswith("2024-02-22")
    article = build_article(raw)
    assert name_outlets([article])[article.id].origin == "metadata"


def test_names_and_publication_order():
    assert parse_names(["a=Reuters", " b = The Times "]) == {"a": "Reuters", "b": "The Times"}
    with pytest.raises(ValueError, match="STEM=Outlet"):
        parse_names(["nothing"])


def test_sources_with_a_date_come_first_by_date(tmp_path: Path):
    for stem, date in (("x", "2024-03-01"), ("y", None), ("z", "2024-01-01")):
        head = f"---\npublished: {date}\n---\n" if date else ""
        (tmp_path / f"{stem}.txt").write_text(head + "Officials met.\n")
    corpus = load_corpus([tmp_path])
    assert by_publication(corpus.articles, name_outlets(corpus.articles)) == ["z", "x", "y"]


def test_claim_card_puts_the_reference_first_then_diverging_versions(seeds):
    group = next(g for g in seeds.groups if len(g.members) == 4)
    card = claim_card(seeds, group.id, group.members[1])
    assert card.versions[0].member == group.members[1] and card.versions[0].is_reference
    flagged = [bool(v.divergences) for v in card.versions[1:]]
    assert flagged == sorted(flagged, reverse=True)
    assert sorted(card.silent + [v.member.source for v in card.versions]) == sorted(
        a.id for a in seeds.articles
    )


@given(st.floats(0, 1), st.sampled_from([1, -1]))
def test_next_stop_moves_strictly_in_its_direction(position, step):
    stops = STOPS
    found = next_stop(stops, position, None, step)
    if found is not None:
        assert (found.position > position) if step > 0 else (found.position < position)


STOPS = divergence_stops(open_alignment([seeds_dir()]))


def test_rows_for_three_sources_keep_every_sentence_once_in_order(seeds):
    sources = [a.id for a in seeds.articles[:3]]
    rows = build_rows(seeds, sources)
    for pane, source in enumerate(sources):
        shown = [r.cells[pane] for r in rows if r.cells[pane] is not None]
        assert shown == list(range(len(seeds.article(source).sentences)))
    two = build_rows(seeds, sources[:2])
    assert [r.cells for r in two] == [r.cells[:2] for r in build_rows(seeds, sources[:2])]


def test_a_malformed_name_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]):
    from tui.cli.main import main

    assert main(["--name", "no-equals-sign", str(seeds_dir())]) == 2
    assert "expected STEM=Outlet" in capsys.readouterr().err


@given(
    position=st.floats(min_value=-0.1, max_value=1.1), step=st.sampled_from([1, -1]), pick=st.integers(0, 400)
)
def test_walking_the_claims_finds_the_same_divergence_stop_as_listing_them_all(
    seeds, position, step, pick
) -> None:
    # ``d`` walks claims in story order and compares only those it passes; the stop it lands on
    # must be the one the full list gives, from any claim or story position, either way.
    prefer = seeds.articles[pick % len(seeds.articles)].id
    stops = divergence_stops(seeds, prefer)
    group = seeds.groups[pick % len(seeds.groups)] if pick % 3 else None
    if group is not None:
        position = claim_position(seeds, group)
    group_id = None if group is None else group.id
    assert find_stop(seeds, position, group_id, step, prefer) == next_stop(stops, position, group_id, step)
