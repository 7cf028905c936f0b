"""Every folder and file nato-reader keeps for a user, each with its environment override.

One place, so the store, the alignment cache, the config and the error log agree on the platform's
conventions (platformdirs: XDG on Linux) and tests can point each of them into a temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "nato-reader"


def _override(variable: str) -> Path | None:
    value = os.environ.get(variable)
    return Path(value) if value else None


def store_path() -> Path:
    """The annotation store (``NATO_READER_STORE`` overrides)."""
    from platformdirs import user_data_dir

    return _override("NATO_READER_STORE") or Path(user_data_dir(APP, appauthor=False)) / "annotations.json"


def cache_dir() -> Path:
    """The folder of cached alignments (``NATO_READER_CACHE_DIR`` overrides)."""
    from platformdirs import user_cache_dir

    return _override("NATO_READER_CACHE_DIR") or Path(user_cache_dir(APP, appauthor=False)) / "alignments"


def config_path() -> Path:
    """The user's ``config.toml`` (``NATO_READER_CONFIG`` overrides)."""
    from platformdirs import user_config_dir

    return _override("NATO_READER_CONFIG") or Path(user_config_dir(APP, appauthor=False)) / "config.toml"


def log_path() -> Path:
    """The error log (``NATO_READER_LOG`` overrides)."""
    from platformdirs import user_log_dir

    return _override("NATO_READER_LOG") or Path(user_log_dir(APP, appauthor=False)) / "nato-reader.log"
