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

# (file name, keys pressed after loading)
SHOTS = [
    ("compare.svg", ["j", "j"]),
    # A quotation the machine translation changed: "an outstanding candidate" / "extraordinary mandate".
    ("compare-divergence.svg", ["slash", *"outstanding candidate", "enter"]),
    ("matrix.svg", ["o", "s"]),
    ("help.svg", ["question_mark"]),
]


async def shoot(name: str, keys: list[str]) -> None:
    app = ReaderApp([seeds_dir()])
    app.theme = "textual-dark"
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(HERE))
    print(f"wrote {HERE / name}")


async def main() -> None:
    for name, keys in SHOTS:
        await shoot(name, keys)


if __name__ == "__main__":
    asyncio.run(main())
