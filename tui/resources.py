"""Where the bundled styles and seed articles are, installed or in a checkout.

The wheel carries them as ``tui/_styles`` and ``tui/_seeds``; a source checkout (and an editable
install) has them beside the package as ``styles/`` and ``seeds/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(installed: str, checkout: str) -> Path:
    inside = _PACKAGE / installed
    return inside if inside.is_dir() else _PACKAGE.parent / checkout


def styles_dir() -> Path:
    """The folder of Textual CSS files."""
    return _bundled("_styles", "styles")


def seeds_dir() -> Path:
    """The folder of the five bundled articles, the default corpus."""
    return _bundled("_seeds", "seeds")


def stylesheet(name: str) -> Path:
    """Absolute path of one ``.tcss`` file (absolute so it works from any working directory)."""
    return styles_dir() / name
