"""The wheel carries the styles and the seed articles, and works without the source tree."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from locations import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("hatchling") is None:
        if os.environ.get("CI"):
            pytest.fail("hatchling is missing: it is in the test extra, so CI must have it")
        pytest.skip("hatchling not installed (pip install '.[test]' brings it)")
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("nato_reader-*.whl")
    return built


def test_wheel_ships_styles_and_seeds(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = sorted(p.name for p in (REPO / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    for seed in seeds:
        assert f"tui/_seeds/{seed}" in names
    styles = sorted(p.name for p in (REPO / "styles").glob("*.tcss"))
    assert any(name.startswith("tui/_styles/") for name in names)
    for style in styles:
        assert f"tui/_styles/{style}" in names
    assert "tui/alignment/result.py" in names and "tui/cli/main.py" in names
    assert not any(name.startswith(("tests/", "seeds/", "styles/")) for name in names)
    (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
    assert "nato-reader = tui.cli.main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_unpacked_wheel_aligns_its_own_seeds(wheel: Path, tmp_path: Path) -> None:
    # The wheel's files first on the path, run from an unrelated folder: no reliance on the checkout.
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"PYTHONPATH": str(site)}
    env.setdefault("NATO_READER_CACHE_DIR", str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-m", "tui", "align", "--format", "json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    sources = json.loads(result.stdout)["sources"]
    assert len(sources) == 5
    for source in sources:
        assert Path(source["path"]).parent == site / "tui" / "_seeds"
    check = subprocess.run(
        [sys.executable, "-c", "from tui.resources import styles_dir; print(styles_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert Path(check.stdout.strip()) == site / "tui" / "_styles"
