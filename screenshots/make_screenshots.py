"""Regenerate the README screenshots from the real app on the bundled seeds.

Run from the repository root: ``python screenshots/make_screenshots.py``
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from tui.resources import seeds_dir
from tui.ui.app import ReaderApp

HERE = Path(__file__).parent
SIZE = (140, 40)

# (file name, keys pressed after loading, terminal size)
SHOTS = [
    ("compare.svg", ["j", "j"], SIZE),
    # A quotation the machine translation changed: "an outstanding candidate" / "extraordinary mandate".
    ("compare-divergence.svg", ["slash", *"outstanding candidate", "enter"], SIZE),
    ("three-panes.svg", ["plus", "d", "d"], (200, 50)),
    ("claim-card.svg", ["d", "d", "c"], (160, 40)),
    ("matrix.svg", ["o", "s"], SIZE),
    ("help.svg", ["question_mark"], SIZE),
]


async def shoot(name: str, keys: list[str], size: tuple[int, int]) -> None:
    app = ReaderApp([seeds_dir()])
    app.theme = "textual-dark"
    app.animation_level = "none"
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(HERE))
    print(f"wrote {HERE / name}")


async def main() -> None:
    for name, keys, size in SHOTS:
        await shoot(name, keys, size)


if __name__ == "__main__":
    asyncio.run(main())
