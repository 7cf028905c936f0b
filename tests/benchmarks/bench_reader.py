"""Reader speed: start-up against a bare Textual app, and key-press repaint with 100 sources.

Run: ``python tests/benchmarks/bench_reader.py``. Prints figures; asserts nothing (timings on a
shared machine are for reading, not for failing a build). Compare the ratios, which hold better
across machines than the absolute numbers.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = 5

# Each child measures from its own start (imports included) to the first complete screen.
BARE = """
import time; t0 = time.perf_counter()
import asyncio
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    app = Bare()
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        print(time.perf_counter() - t0)
asyncio.run(main())
"""

READER = """
import time; t0 = time.perf_counter()
import asyncio
from tui.ui.app import ReaderApp
from tui.resources import seeds_dir
async def main():
    app = ReaderApp([seeds_dir()])
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.compare.panes.rows
        print(time.perf_counter() - t0)
asyncio.run(main())
"""


def child_seconds(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def startup() -> None:
    bare, reader = [], []
    for _ in range(RUNS):  # interleaved, so both see the same machine load
        bare.append(child_seconds(BARE))
        reader.append(child_seconds(READER))
    b, r = statistics.median(bare), statistics.median(reader)
    print(f"start-up to first complete screen (median of {RUNS}, imports included)")
    print(f"  bare Textual app with one Static : {b * 1000:7.0f} ms")
    print(f"  nato-reader on the five seeds    : {r * 1000:7.0f} ms")
    print(f"  ratio                            : {r / b:7.2f}x  (aim: under 1.5x)")


def write_corpus(folder: Path, sources: int, sentences: int) -> None:
    """Articles made of seed sentences, shuffled and lightly changed per source."""
    from tui.corpus.loader import load_corpus
    from tui.resources import seeds_dir

    pool = [s.text for a in load_corpus([seeds_dir()]).articles for s in a.content()]
    rng = random.Random(7)
    for number in range(sources):
        picked = rng.sample(pool, min(sentences, len(pool)))
        while len(picked) < sentences:
            picked.append(rng.choice(pool))
        lines = []
        for text in picked:
            words = text.split()
            if rng.random() < 0.3 and len(words) > 4:
                i = rng.randrange(len(words) - 1)
                words[i], words[i + 1] = words[i + 1], words[i]
            lines.append(" ".join(str(rng.randint(2, 99)) if w.isdigit() else w for w in words))
        (folder / f"source_{number:03}.txt").write_text("\n".join(lines), encoding="utf-8")


async def key_latency(folder: Path) -> None:
    from textual.screen import Screen

    from tui.ui.app import ReaderApp

    # Latency = from sending the key to the end of the screen update it caused. Pilot's own
    # idle waits after that are not counted (they show up in the unbound-key baseline).
    painted: list[float] = []
    original = Screen._compositor_refresh

    def timed_refresh(self: Screen) -> None:
        original(self)
        painted.append(time.perf_counter())

    Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]

    app = ReaderApp([folder])
    app.animation_level = "none"
    started = time.perf_counter()
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        print(f"  load + align + first screen      : {time.perf_counter() - started:7.2f} s")
        keys = {"j (next row)": "j", "] (switch source)": "right_square_bracket"}
        timings: dict[str, list[float]] = {name: [] for name in keys}
        for name, key in keys.items():
            samples = timings[name]
            for _ in range(30):
                painted.clear()
                t = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                samples.append((painted[-1] if painted else time.perf_counter()) - t)
        for name, samples in timings.items():
            samples.sort()
            ms = [s * 1000 for s in samples]
            print(
                f"  {name:<22} median {statistics.median(ms):6.1f} ms  p90 {ms[int(len(ms) * 0.9)]:6.1f} ms"
                f"  max {ms[-1]:6.1f} ms  (aim: median under 50 ms)"
            )


def main() -> None:
    startup()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_corpus(folder, 100, 50)
        print("100 sources x 50 sentences, key press to repaint (Pilot, 30 presses each)")
        asyncio.run(key_latency(folder))


if __name__ == "__main__":
    main()
