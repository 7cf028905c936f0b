"""nato-reader: compare how several news outlets report the same story, in the terminal."""

# The single source of the version: pyproject reads it (hatch), so no metadata lookup at start-up.
__version__ = "0.1.0"
