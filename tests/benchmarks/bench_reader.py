"""Reader speed: first screen against a bare Textual app, and key presses at 100 sources.

Run: ``python tests/benchmarks/bench_reader.py`` from a checkout. Prints every target of issue 16
with the figure of this tree ("after") and of a reference commit ("before": by default where this
branch left ``main``; ``--before REF`` picks another, ``--before none`` skips it). The two trees
run alternately, each in its own process, and the figures are medians, so both see the same load
on a shared machine. Asserts nothing: timings are for reading, not for failing a build.

- First screen: each app runs in a real pseudo-terminal (160 x 45); the clock runs from spawning
  the process to the first output holding the finished screen's text, polled every 2 ms. The
  reader opens the five seeds with its cache warm; the bare app shows one ``Static``. Both run
  from compiled bytecode, as installed (pip compiles a wheel's modules; Textual's are): without
  it, a checkout under ``PYTHONDONTWRITEBYTECODE=1`` compiled the reader's 50 modules from source
  at every start, ~60 ms the bare app never paid. Beside the wall clock, the CPU time each
  process used by then (steadier when other work loads the machine).
- Keys: 100 sources x 50 sentences, headless (Pilot); from sending a key to the end of the last
  screen update it caused, to its first one, and the process's CPU time to that first one.
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import random
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZE = (160, 45)
FIRST = " · first frame"
# CPU time of the reader's process up to that frame: what the key cost, whatever else the
# machine runs (wall-clock figures here doubled when two other agents were busy).
FIRST_CPU = " · first frame, CPU"

BARE = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello bare app")
Bare().run()
"""
BARE_MARK = b"hello bare app"

READER = """
import sys
from pathlib import Path
from tui.ui.app import ReaderApp
from tui.resources import seeds_dir
ReaderApp([seeds_dir()], cache_dir=Path(sys.argv[1])).run()
"""
# On the status line once the articles are shown (two panes): the first complete screen.
READER_MARK = b"shared claims"

# (name, key, target ms, kind): "step" presses the key in the compare view; "screen" opens a
# screen then closes it with escape (not timed); "type" times each character typed in search.
KEYS: list[tuple[str, str, float]] = [
    ("j (next row)", "j", 16),
    ("k (previous row)", "k", 16),
    ("n (next change)", "n", 16),
    ("] (next source in pane)", "right_square_bracket", 16),
    ("d (next divergence)", "d", 16),
    ("o (open matrix)", "o", 200),
    ("/ (open search)", "slash", 100),
    ("typed character in search", "type", 30),
]
# A key that stops moving at the end of the rows is timed again from the other end.
RESTART = {"j": "g", "n": "g", "k": "G"}

# -- first screen in a pseudo-terminal ----------------------------------------------------------


def time_to_mark(code: str, mark: bytes, env: dict[str, str], args: list[str]) -> tuple[float, float]:
    """Seconds from spawning ``python -c code`` in a pty to ``mark`` appearing in its output, and
    the CPU seconds the process used by then (it is killed as soon as the mark is read)."""
    import fcntl
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        # In the tree itself: ``python -c`` puts the working directory before PYTHONPATH, and run
        # from a checkout, both trees imported the checkout's code.
        cwd=env["PYTHONPATH"],
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    elapsed = float("nan")
    deadline = started + 30
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([master], [], [], 0.002)
            if not ready:
                continue
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                break
            seen = seen[-len(mark) :] + chunk
            if mark in seen:
                elapsed = time.perf_counter() - started
                break
    finally:
        process.kill()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = status
        os.close(master)
    return elapsed, usage.ru_utime + usage.ru_stime


def child_env(tree: Path, tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.pop("TEXTUAL_THEME", None)
    env.update(
        PYTHONPATH=str(tree),
        TERM="xterm-256color",
        COLUMNS=str(SIZE[0]),
        LINES=str(SIZE[1]),
        NATO_READER_STORE=str(tmp / "store.json"),
        NATO_READER_CONFIG=str(tmp / "absent-config.toml"),
        NATO_READER_LOG=str(tmp / "log.txt"),
    )
    return env


def first_screen(trees: dict[str, Path], tmp: Path, runs: int) -> dict[str, float]:
    """Median first-screen ratio (reader / bare) per tree, runs alternated."""
    for tree in trees.values():
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(tree / "tui")],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    envs = {name: child_env(tree, tmp / name) for name, tree in trees.items()}
    caches = {name: tmp / name / "cache" for name in trees}
    for name in trees:
        (tmp / name).mkdir(parents=True, exist_ok=True)
        time_to_mark(READER, READER_MARK, envs[name], [str(caches[name])])  # warm the cache
    bare: list[tuple[float, float]] = []
    reader: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    for _ in range(runs):
        for name in trees:  # interleaved: bare, then each tree, so all see the same load
            bare.append(time_to_mark(BARE, BARE_MARK, envs[name], []))
            reader[name].append(time_to_mark(READER, READER_MARK, envs[name], [str(caches[name])]))
    b, b_cpu = (statistics.median(run[i] for run in bare) for i in (0, 1))
    print(f"first complete screen, pty {SIZE[0]}x{SIZE[1]}, 2 ms polling, median of {runs}")
    print(f"  bare Textual app, one Static : {b * 1000:6.0f} ms (CPU {b_cpu * 1000:4.0f} ms)")
    ratios = {}
    for name in trees:
        r, r_cpu = (statistics.median(run[i] for run in reader[name]) for i in (0, 1))
        ratios[name] = r / b
        ratios[f"{name}{FIRST_CPU}"] = r_cpu / b_cpu
        print(
            f"  nato-reader, seeds ({name:6}) : {r * 1000:6.0f} ms = {r / b:.2f}x bare"
            f" (CPU {r_cpu * 1000:4.0f} ms = {r_cpu / b_cpu:.2f}x)"
        )
    return ratios


# -- keys at 100 sources -------------------------------------------------------------------------


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


async def key_latency(folder: Path, cache: Path, presses: int) -> dict[str, list[float]]:
    """Milliseconds per key press, from sending it to the end of the last screen update."""
    import textual.constants
    from textual.screen import Screen

    from tui.ui.app import ReaderApp

    textual.constants.TEXTUAL_ANIMATIONS = "none"  # type: ignore[attr-defined]
    painted: list[float] = []
    painted_cpu: list[float] = []
    painters: list[str] = []  # which screen each update drew
    original = Screen._compositor_refresh

    def timed_refresh(self: Screen[object]) -> None:
        original(self)
        painted.append(time.perf_counter())
        painted_cpu.append(time.process_time())
        painters.append(type(self).__name__)

    Screen._compositor_refresh = timed_refresh  # type: ignore[method-assign]
    # A typed character's results: the first update after the results list is filled.
    from textual.widgets import OptionList

    listed: list[float] = []
    add_options = OptionList.add_options

    def timed_add(self: OptionList, *args: object, **kwargs: object) -> OptionList:
        listed.append(time.perf_counter())
        return add_options(self, *args, **kwargs)  # type: ignore[arg-type]

    OptionList.add_options = timed_add  # type: ignore[method-assign,assignment]
    app = ReaderApp([folder], cache_dir=cache)
    timings: dict[str, list[float]] = {name: [] for name, _, _ in KEYS}
    first: list[float] = []
    first_cpu: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def timed(key: str, typing: bool = False) -> float:
            painted.clear()
            painted_cpu.clear()
            painters.clear()
            listed.clear()
            t, cpu = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            await app.workers.wait_for_complete()  # the inspector's background comparisons
            await pilot.pause()
            end = time.perf_counter()
            # Opening a screen: its own first update, not the compare view's last one before it.
            opened = [p for p, name in zip(painted, painters, strict=True) if name != "CompareScreen"]
            shown = opened if key in ("o", "slash") and opened else painted
            if typing and listed:  # the frame with the results, not the echo of the character
                shown = [p for p in painted if p > listed[0]]
            first.append(((shown[0] if shown else end) - t) * 1000)
            at = painted.index(shown[0]) if shown else None
            first_cpu.append((painted_cpu[at] - cpu) * 1000 if at is not None else float("nan"))
            return ((painted[-1] if painted else end) - t) * 1000

        only = os.environ.get("BENCH_READER_KEYS")
        for name, key, _ in KEYS:
            if only and key not in only.split(","):
                continue
            samples = timings[name]
            first = timings.setdefault(f"{name}{FIRST}", [])
            first_cpu = timings.setdefault(f"{name}{FIRST_CPU}", [])
            if key == "type":
                for _ in range(max(1, presses // 8)):
                    await pilot.press("slash")
                    await pilot.pause()
                    for character in "the state":
                        samples.append(await timed("space" if character == " " else character, typing=True))
                    await pilot.press("escape")
                    await pilot.pause()
            elif key in ("o", "slash"):
                for _ in range(max(3, presses // 3)):
                    samples.append(await timed(key))
                    await pilot.press("escape")
                    await pilot.pause()
            else:
                for _ in range(presses * 3):  # bounded: a key that never moves gives no samples
                    if len(samples) >= presses:
                        break
                    cursor = app.compare.panes.cursor
                    ms = await timed(key)
                    if key in RESTART and app.compare.panes.cursor == cursor:
                        # At the end (or the top) nothing moved: not a sample of the key's work.
                        timings[f"{name}{FIRST}"].pop()
                        timings[f"{name}{FIRST_CPU}"].pop()
                        await pilot.press(RESTART[key])
                        await pilot.pause()
                        continue
                    samples.append(ms)
    return timings


def run_keys_child(tree: Path, folder: Path, cache: Path, presses: int) -> dict[str, list[float]]:
    env = dict(os.environ, PYTHONPATH=str(tree), NATO_READER_STORE=str(cache / "store.json"))
    env["NATO_READER_CONFIG"] = str(cache / "absent-config.toml")
    # One hash seed for every process: set and dict orders decide which rows and sources a key
    # lands on, and a median of `]` moved by 4-5 ms from one process to the next without it.
    env.setdefault("PYTHONHASHSEED", "0")
    out = subprocess.run(
        [sys.executable, __file__, "--keys-child", str(folder), str(cache), str(presses)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result: dict[str, list[float]] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def keys(trees: dict[str, Path], tmp: Path, rounds: int, presses: int) -> dict[str, dict[str, float]]:
    folder = tmp / "corpus"
    folder.mkdir()
    write_corpus(folder, 100, 50)
    pooled: dict[str, dict[str, list[float]]] = {name: {} for name in trees}
    for name in trees:  # align once per tree, untimed, so every round starts with a warm cache
        run_keys_child(trees[name], folder, tmp / name / "keycache", 1)
    for _ in range(rounds):
        for name, tree in trees.items():
            for key, samples in run_keys_child(tree, folder, tmp / name / "keycache", presses).items():
                pooled[name].setdefault(key, []).extend(samples)
    # A key left out (``--keys``) has no samples.
    return {name: {k: statistics.median(v) for k, v in keyed.items() if v} for name, keyed in pooled.items()}


# -- the report ----------------------------------------------------------------------------------


def export_tree(ref: str, into: Path) -> Path:
    """A copy of ``ref``'s files (no git metadata), to import ``tui`` from."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def default_before() -> str:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], capture_output=True, text=True
    )
    return out.stdout.strip() if out.returncode == 0 else "none"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=None, help="git ref for the 'before' column, or 'none'")
    parser.add_argument("--after", default=None, help="git ref for the 'after' column (default: this tree)")
    parser.add_argument("--runs", type=int, default=5, help="first-screen runs per tree")
    parser.add_argument("--rounds", type=int, default=2, help="key rounds per tree (alternated)")
    parser.add_argument("--presses", type=int, default=20, help="presses per key and round")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-keys", action="store_true")
    parser.add_argument(
        "--keys", default=None, help="only these keys, as Textual names them: j,right_square_bracket,o"
    )
    args = parser.parse_args(argv)
    if args.keys:
        os.environ["BENCH_READER_KEYS"] = args.keys  # read by the key-timing child processes
    before = args.before or default_before()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        after = export_tree(args.after, tmp / "tree-after") if args.after else ROOT
        trees = {"after": after}
        if before != "none":
            trees = {"before": export_tree(before, tmp / "tree-before"), "after": after}
        print(f"before = {before[:12]}, after = {args.after or f'this tree ({ROOT})'}")
        screen = {} if args.skip_startup else first_screen(trees, tmp, args.runs)
        key_ms = {} if args.skip_keys else keys(trees, tmp, args.rounds, args.presses)
    print()
    print(f"{'target (issue 16)':<44} {'aim':>9} " + " ".join(f"{n:>9}" for n in trees))
    if screen:
        cells = " ".join(f"{screen[n]:8.2f}x" for n in trees)
        print(f"{'first complete screen / bare app':<44} {'<= 1.30x':>9} {cells}")
        cells = " ".join(f"{screen[n + FIRST_CPU]:8.2f}x" for n in trees)
        print(f"{'first complete screen / bare app, CPU':<44} {'':>9} {cells}")
    if key_ms:
        print("keys at 100 sources x 50 sentences, p50; 'first frame' = the key's first screen update,")
        print("the plain row = until the last update it caused (background comparisons included),")
        print("'CPU' = the reader process's CPU time to the first frame (steadier under load)")
        for key_name, _, target in KEYS:
            for suffix in ("", FIRST, FIRST_CPU):
                label = f"{key_name}{suffix}"
                cells = " ".join(f"{key_ms[n].get(label, float('nan')):6.1f} ms" for n in trees)
                print(f"{label:<44} {f'<= {target:g} ms':>9} {cells}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--keys-child":
        import asyncio

        folder, cache, presses = Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
        print(json.dumps(asyncio.run(key_latency(folder, cache, presses))))
    else:
        main()
