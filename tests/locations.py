"""Where things are, for tests in any folder under tests/ (importable: tests/ is on the path)."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
DATA = TESTS / "data"
# The workplace's shared folder beside the checkout (the Golden Rules suite lives there).
SHARED = REPO.parent / "shared"
