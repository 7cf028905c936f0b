"""Snapshots of the screens that matter, at a fixed size and theme (update only on purpose:
``pytest tests/test_snapshots.py --snapshot-update``, then look at the SVGs)."""

from __future__ import annotations

from reader_support import loaded, make_app

SIZE = (120, 36)


async def _ready(pilot) -> None:
    await loaded(pilot)


def test_compare_view(snap_compare):
    assert snap_compare(make_app(), press=["j"], terminal_size=SIZE, run_before=_ready)


def test_compare_view_light_theme(snap_compare):
    app = make_app()
    app.theme = "textual-light"
    assert snap_compare(app, press=["j"], terminal_size=SIZE, run_before=_ready)


def test_compare_view_80x24(snap_compare):
    assert snap_compare(make_app(), press=["j", "j"], terminal_size=(80, 24), run_before=_ready)


def test_coverage_matrix(snap_compare):
    assert snap_compare(make_app(), press=["o"], terminal_size=SIZE, run_before=_ready)


def test_help_screen(snap_compare):
    assert snap_compare(make_app(), press=["question_mark"], terminal_size=SIZE, run_before=_ready)


async def _on_a_claim_four_sources_carry(pilot) -> None:
    await loaded(pilot)
    app = pilot.app
    group = next(g for g in app.alignment.groups if len(g.members) == 4)
    app.compare.show_member(group.members[0])
    await pilot.pause()


def test_claim_card(snap_compare):
    assert snap_compare(
        make_app(), press=["c"], terminal_size=(160, 40), run_before=_on_a_claim_four_sources_carry
    )


def test_three_panes_at_200_columns(snap_compare):
    assert snap_compare(make_app(), press=["plus", "d"], terminal_size=(200, 50), run_before=_ready)
