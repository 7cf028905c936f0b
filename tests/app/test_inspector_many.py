"""The inspector on a claim many sources carry: the cursor's frame shows the pair in the panes at
once, and the other versions once they are compared, between key presses (issue 16)."""

from __future__ import annotations

from pathlib import Path

from reader_support import SIZE, loaded, make_app

from tui.ui.widgets.claim_inspector import ClaimInspector

SOURCES = 20  # 19 versions to compare with the focused one: more than COMPARE_NOW


def _corpus(folder: Path) -> None:
    for number in range(SOURCES):
        hurt = 40 + number % 3  # three different counts: a flagged number divergence
        (folder / f"outlet_{number:02}.txt").write_text(
            "Rescue teams worked through the night near the old harbour wall.\n"
            f"The ministry said {hurt} people were hurt in the blast at the port on Tuesday.\n"
            "Officials promised an inquiry into the storage of chemicals at the site.\n",
            encoding="utf-8",
        )


async def _aligned_once(folder: Path) -> None:
    """Align ``folder`` into the cache, so the app under test starts with no pair compared."""
    _corpus(folder)
    async with make_app([folder]).run_test(size=SIZE) as pilot:
        await loaded(pilot)


def _text(app) -> str:
    return str(app.compare.query_one(ClaimInspector).content)


async def test_after_j_the_inspector_shows_the_new_rows_pair_and_then_every_version(tmp_path: Path):
    await _aligned_once(tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        while "blast" not in app.alignment.sentence(compare.current_member()).text:
            compare.action_next_row()  # what j does, without letting the event loop run
        left, right = (compare.labels[source] for source in compare.sources)
        text = _text(app)
        # The frame drawn for the move: the claim, both versions in the panes, the rest pending.
        assert f"carried by {SOURCES} of {SOURCES} sources" in text
        assert f"▶ {left} " in text and f"  {right} " in text
        assert f"comparing the other {SOURCES - 2} versions…" in text
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = _text(app)
        assert "comparing the other" not in text
        assert "diverging:" in text and "⚠ number" in text
        assert "also:" in text  # more versions than the box describes in full


async def test_moving_on_stops_the_comparisons_of_the_claim_left_behind(tmp_path: Path):
    await _aligned_once(tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        compare = app.compare
        while "blast" not in app.alignment.sentence(compare.current_member()).text:
            compare.action_next_row()
        blast, focused = compare.current_claim(), compare.current_member()
        await pilot.press("j")  # on before the blast claim's versions were all compared
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert compare.current_claim() is not blast
        assert "blast" not in _text(app) and "comparing the other" not in _text(app)
        compared = [m for m in blast.members if m != focused and app.alignment.is_compared(focused, m)]
        assert len(compared) < SOURCES - 1, "the versions of a claim left behind are not all compared"


async def test_the_panes_keep_their_height_while_the_versions_are_compared(tmp_path: Path):
    # The cursor's frame lists every version the box will describe (those not compared yet
    # marked as being compared), so the box is as tall before the comparisons as after them:
    # the rows above it do not jump up and down at each key. 30 lines: both claims fill the
    # box (45% of the screen) before and after their versions are compared.
    await _aligned_once(tmp_path)
    app = make_app([tmp_path])
    async with app.run_test(size=(SIZE[0], 30)) as pilot:
        await loaded(pilot)
        compare = app.compare
        assert "Rescue teams" in app.alignment.sentence(compare.current_member()).text
        height = compare.panes.size.height
        seen = []  # (panes' height, inspector text) in each frame drawn
        draw = compare._compositor_refresh

        def drawn() -> None:
            draw()
            seen.append((compare.panes.size.height, _text(app)))

        compare._compositor_refresh = drawn
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "blast" in app.alignment.sentence(compare.current_member()).text
        assert any("comparing the other" in text for _, text in seen), "all compared in the key frame"
        assert {h for h, _ in seen} == {height}
        pending = next(text for _, text in seen if "comparing the other" in text)
        assert pending.count("… comparing") >= 8  # listed, not left out
