"""Large input end to end: folders of 50 to 500 articles, and one 20 MB article.

Run: ``python tests/benchmarks/bench_scale.py [--sizes 50,100,250,500]``. Each measurement runs
``open_alignment`` (read, segment, align) on real files in a fresh interpreter, so time includes
everything a user waits for; peak memory is the child's maximum resident set. A second run on the
same files shows the cache (results keyed by the sources' sha256). Prints figures only.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = """
import json, resource, sys, time
from pathlib import Path
t = time.perf_counter()
from tui.alignment.pipeline import open_alignment
a = open_alignment([Path(sys.argv[1])], cache_dir=Path(sys.argv[2]))
print(json.dumps({
    "seconds": time.perf_counter() - t,
    "sentences": sum(len(x.sentences) for x in a.articles),
    "groups": len(a.groups),
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
"""


def seed_paragraphs() -> list[str]:
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    return [
        line for f in sorted(seeds.iterdir()) for line in f.read_text(encoding="utf-8").splitlines() if line
    ]


def write_folder(folder: Path, articles: int, rng: random.Random) -> None:
    """Articles of ~30 seed paragraphs each, shuffled, with numbers and words perturbed."""
    pool = seed_paragraphs()
    for number in range(articles):
        lines = rng.sample(pool, 30)
        out = []
        for line in lines:
            words = line.split()
            if len(words) > 5 and rng.random() < 0.4:
                i = rng.randrange(len(words) - 1)
                words[i], words[i + 1] = words[i + 1], words[i]
            out.append(" ".join(str(rng.randint(2, 99)) if w.isdigit() else w for w in words))
        (folder / f"article_{number:03}.txt").write_text("\n\n".join(out), encoding="utf-8")


def measure(folder: Path, cache: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder), str(cache)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,100,250,500")
    sizes = [int(n) for n in parser.parse_args().sizes.split(",")]
    rng = random.Random(11)
    header = ("articles", "sentences", "groups", "cold s", "x time", "peak MB", "cached s")
    widths = (8, 9, 7, 7, 6, 8, 8)
    print(" ".join(f"{name:>{width}}" for name, width in zip(header, widths, strict=True)))
    first = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / f"n{size}"
            folder.mkdir()
            write_folder(folder, size, rng)
            cache = Path(tmp) / f"cache{size}"
            cold = measure(folder, cache)
            warm = measure(folder, cache)
            first = first or cold["seconds"]
            print(
                f"{size:>8} {cold['sentences']:>9} {cold['groups']:>7} {cold['seconds']:>7.2f}"
                f" {cold['seconds'] / first:>6.1f} {cold['rss_mb']:>8.0f} {warm['seconds']:>8.2f}"
            )
        huge = Path(tmp) / "huge"
        huge.mkdir()
        text = "\n\n".join(seed_paragraphs())
        (huge / "huge.txt").write_text((text + "\n\n") * (20_000_000 // len(text)), encoding="utf-8")
        result = measure(huge, Path(tmp) / "cache-huge")
        size_mb = (huge / "huge.txt").stat().st_size / 1e6
        print(
            f"one {size_mb:.0f} MB article: {result['sentences']} sentences, {result['seconds']:.1f} s, "
            f"peak {result['rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
