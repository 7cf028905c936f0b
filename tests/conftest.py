"""Shared test settings: hypothesis profiles and an environment that cannot change results."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# In CI the property tests run the same examples every time (a failure there is reproducible, never
# a fluke of the random seed) and keep no example database; locally they explore new examples.
settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def shared_alignment_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One alignment cache for the whole run: the seeds are aligned once, not once per Pilot test.

    Safe to share: an entry is keyed by the articles' content, the thresholds and the code that
    decides alignment. Tests about the cache itself use a folder of their own.
    """
    return tmp_path_factory.mktemp("alignment-cache")


@pytest.fixture(autouse=True)
def _plain_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory, shared_alignment_cache: Path
) -> None:
    """Colour and theme variables from the user's shell must not change what a test sees, and
    no test reads or writes the user's own store, config or cache."""
    for name in ("NO_COLOR", "FORCE_COLOR", "TEXTUAL_THEME"):
        monkeypatch.delenv(name, raising=False)
    private = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("NATO_READER_STORE", str(private / "annotations.json"))
    monkeypatch.setenv("NATO_READER_CACHE_DIR", str(shared_alignment_cache))
    monkeypatch.setenv("NATO_READER_CONFIG", str(private / "config.toml"))
