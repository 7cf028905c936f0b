"""The core (tui.core) runs without the UI libraries: no Textual, no Rich."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import tui.core

UI_LIBRARIES = ("textual", "rich")

# Imports every module of tui.core, then runs the whole headless pipeline on the seeds and on an
# HTML page (HTML extraction imports its own libraries lazily), and reports what got imported.
SCRIPT = """
import importlib, json, pkgutil, sys
from pathlib import Path
import tui.core
modules = sorted(m.name for m in pkgutil.iter_modules(tui.core.__path__, "tui.core."))
for name in modules:
    importlib.import_module(name)
after_import = sorted(m for m in sys.modules if m.split(".")[0] in {ui})
from tui.core.alignment import align_paths
from tui.resources import seeds_dir
alignment = align_paths([seeds_dir(), Path(sys.argv[1])])
json.dumps(alignment.to_json())
after_run = sorted(m for m in sys.modules if m.split(".")[0] in {ui})
print(json.dumps({{"modules": modules, "after_import": after_import, "after_run": after_run,
                  "sources": len(alignment.articles)}}))
""".format(ui=repr(set(UI_LIBRARIES)))


def test_core_imports_and_runs_without_textual_or_rich(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Allies back Rutte</title></head><body><article><h1>Allies back Rutte</h1>"
        "<p>The United States and Britain on Thursday backed Mark Rutte to succeed Jens Stoltenberg "
        "as the head of NATO, officials said after a meeting in Brussels.</p></article></body></html>",
        encoding="utf-8",
    )
    # The subprocess imports the same tui as this test (the checkout under test, not another copy).
    env = os.environ | {"PYTHONPATH": str(Path(tui.core.__file__).resolve().parents[2])}
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
    expected = {
        f"tui.core.{p.stem}" for p in Path(tui.core.__file__).parent.glob("*.py") if p.stem != "__init__"
    }
    assert set(report["modules"]) == expected
    assert report["after_import"] == []
    assert report["after_run"] == []
    assert report["sources"] == 6
