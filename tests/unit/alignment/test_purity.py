"""The pure packages (corpus, alignment, annotations) run without the UI libraries: no Textual, no Rich.

import-linter checks the imports written in the code (``.ci/run``); this test checks what really
gets imported at run time, lazy imports included, by running the whole headless pipeline.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import tui

UI_LIBRARIES = ("textual", "rich")
PURE_PACKAGES = ("tui.corpus", "tui.alignment", "tui.annotations")

# Imports every module of the pure packages, then runs the whole headless pipeline on the seeds and
# on an HTML page (HTML extraction imports its own libraries lazily), and reports what got imported.
SCRIPT = """
import importlib, json, pkgutil, sys
from pathlib import Path
modules = []
for package in {packages}:
    root = importlib.import_module(package)
    modules += [m.name for m in pkgutil.walk_packages(root.__path__, package + ".")]
for name in modules:
    importlib.import_module(name)
after_import = sorted(m for m in sys.modules if m.split(".")[0] in {ui})
from tui.alignment.result import align_paths
from tui.resources import seeds_dir
alignment = align_paths([seeds_dir(), Path(sys.argv[1])])
json.dumps(alignment.to_json())
after_run = sorted(m for m in sys.modules if m.split(".")[0] in {ui})
print(json.dumps({{"modules": sorted(modules), "after_import": after_import, "after_run": after_run,
                  "sources": len(alignment.articles)}}))
""".format(ui=repr(set(UI_LIBRARIES)), packages=repr(PURE_PACKAGES))


def test_pure_packages_import_and_run_without_textual_or_rich(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Allies back Rutte</title></head><body><article><h1>Allies back Rutte</h1>"
        "<p>The United States and Britain on Thursday backed Mark Rutte to succeed Jens Stoltenberg "
        "as the head of NATO, officials said after a meeting in Brussels.</p></article></body></html>",
        encoding="utf-8",
    )
    # The subprocess imports the same tui as this test (the checkout under test, not another copy).
    env = os.environ | {"PYTHONPATH": str(Path(tui.__file__).resolve().parents[1])}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(page)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    package_root = Path(tui.__file__).parent
    expected = {
        ".".join(p.relative_to(package_root.parent).with_suffix("").parts)
        for package in PURE_PACKAGES
        for p in (package_root.parent / package.replace(".", "/")).rglob("*.py")
        if p.stem != "__init__"
    }
    assert expected <= set(report["modules"])
    assert report["after_import"] == []
    assert report["after_run"] == []
    assert report["sources"] == 6
