"""nato-reader: compare how several news outlets report the same story, in the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("nato-reader")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0+checkout"
