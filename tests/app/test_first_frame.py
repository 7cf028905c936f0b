"""A warm cache is shown in the reader's first frame: no loading frame, no loading worker."""

from __future__ import annotations

from pathlib import Path

from reader_support import loaded, screen_text
from textual.screen import Screen

from tui.alignment.model import Member, PairComparison
from tui.alignment.result import Alignment
from tui.resources import seeds_dir
from tui.ui.app import ReaderApp
from tui.ui.screens.compare import CompareScreen


def _app(cache: Path) -> ReaderApp:
    app = ReaderApp([seeds_dir()], cache_dir=cache, catch_errors=False)
    app.theme = "textual-dark"
    app.animation_level = "none"
    return app


async def test_a_cached_alignment_is_on_screen_before_any_worker_runs(tmp_path: Path) -> None:
    async with _app(tmp_path).run_test(size=(160, 45)) as pilot:  # cold: aligned in the worker
        await loaded(pilot)
        cold = pilot.app.compare.panes.rows
    app = _app(tmp_path)
    async with app.run_test(size=(160, 45)):
        # Mounted, nothing awaited: the rows are already there and no load worker was started.
        assert app.alignment is not None
        assert not [worker for worker in app.workers if worker.group == "load"]
        assert app.compare.panes.rows == cold
        status = str(app.compare.query_one("#status").content)
        assert "shared claims" in status and "Loading" not in status


async def test_the_cursor_rows_differences_and_the_claims_versions_follow_the_first_frame(
    tmp_path: Path, monkeypatch
):
    async with _app(tmp_path).run_test(size=(160, 45)) as pilot:  # cold: aligned in the worker
        await loaded(pilot)
    events: list[str] = []
    paint = Screen._compositor_refresh
    compare = Alignment.compare

    def painted(screen: Screen) -> None:
        paint(screen)
        if isinstance(screen, CompareScreen) and "shared claims" in screen_text(screen.app):
            events.append("frame with the articles")

    def compared(alignment: Alignment, a: Member, b: Member) -> PairComparison:
        events.append("comparison")
        return compare(alignment, a, b)

    monkeypatch.setattr(Screen, "_compositor_refresh", painted)
    monkeypatch.setattr(Alignment, "compare", compared)
    app = _app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        # The first comparison (which loads the word-frequency tables) waits for the first frame.
        assert events.index("frame with the articles") < events.index("comparison")
        # Then the row is coloured and the claim described in full.
        screen = app.compare
        assert screen.panes.compare_cursor
        inspector = str(screen.query_one("#inspector").content)
        assert "comparing the other" not in inspector and "silent:" in inspector
        focused, group = screen.current_member(), screen.current_claim()
        assert all(app.alignment.is_compared(focused, m) for m in group.members if m != focused)


async def test_in_a_terminal_the_first_comparison_waits_for_the_frame_to_be_written(
    tmp_path: Path, monkeypatch
):
    # In a terminal the first comparison (a quarter of a second of word tables) is put off by
    # a timer, so Textual's output thread can write the first frame; headless there is no
    # terminal. Here the timer is 1 ms: what is checked is that the rows get compared after it.
    from textual.app import App

    from tui.ui.screens import inspecting

    async with _app(tmp_path).run_test(size=(160, 45)) as pilot:  # cold: aligned in the worker
        await loaded(pilot)
    monkeypatch.setattr(App, "is_headless", property(lambda app: False))
    monkeypatch.setattr(inspecting, "FIRST_FRAME_WRITE", 0.001)
    app = _app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        for _ in range(10):
            await pilot.pause()
            if app.compare.panes.compare_cursor:
                break
        await loaded(pilot)
        assert app.compare.panes.compare_cursor
        inspector = str(app.compare.query_one("#inspector").content)
        assert "silent:" in inspector


def _styles(screen: Screen) -> dict[str, object]:
    """Every rule of every node of ``screen``, its component classes' rules included."""
    out: dict[str, object] = {}
    for number, node in enumerate(screen.walk_children(with_self=True)):
        components = {
            name: sorted(
                (rule, str(value)) for rule, value in node.get_component_styles(name).get_rules().items()
            )
            for name in sorted(type(node).COMPONENT_CLASSES)
        }
        rules = sorted((rule, str(value)) for rule, value in node.styles.get_rules().items())
        out[f"{number} {type(node).__name__}#{node.id}"] = (rules, components)
    return out


async def test_the_first_frame_is_drawn_with_the_styles_a_full_restyle_gives(tmp_path: Path, monkeypatch):
    # The compare screen is not styled a second time as it is first shown (Textual does that on
    # every resume): each node was styled as it mounted. Were one left with stale styles (a
    # class or pseudo-class set between mount and frame), styling the screen again would differ.
    async with _app(tmp_path).run_test(size=(160, 45)) as pilot:  # cold: aligned in the worker
        await loaded(pilot)
    seen: list[tuple[dict[str, object], dict[str, object]]] = []
    paint = Screen._compositor_refresh

    def painted(screen: Screen) -> None:
        if not seen and isinstance(screen, CompareScreen) and "shared claims" in screen_text(screen.app):
            drawn = _styles(screen)
            screen.app.stylesheet.update_nodes(screen.walk_children(with_self=True), animate=False)
            seen.append((drawn, _styles(screen)))
        paint(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", painted)
    async with _app(tmp_path).run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
    assert seen, "the first frame with the articles was drawn"
    drawn, restyled = seen[0]
    names = " ".join(drawn)
    assert "AlignedPanes" in names and "KeyFooter" in names and "ClaimInspector" in names
    assert any(components for _, components in drawn.values())
    assert drawn == restyled


async def test_the_compare_screen_is_the_first_screen_and_nothing_is_drawn_before_it(
    tmp_path: Path, monkeypatch
):
    async with _app(tmp_path).run_test(size=(160, 45)) as pilot:  # cold: aligned in the worker
        await loaded(pilot)
    laid_out: list[str] = []
    layout = Screen._refresh_layout

    def refreshed(screen: Screen, *args: object, **kwargs: object) -> None:
        laid_out.append(type(screen).__name__)
        layout(screen, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", refreshed)
    app = _app(tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await loaded(pilot)
        assert app.screen_stack == [app.compare]
        assert laid_out and set(laid_out) == {"CompareScreen"}, "no blank screen laid out first"
