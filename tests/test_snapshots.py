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
