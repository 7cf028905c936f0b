"""``python -m tui`` runs the same command as ``nato-reader``."""

from tui.cli.main import main

# Guarded: worker processes (spawned to segment many articles) import this module again.
if __name__ == "__main__":
    raise SystemExit(main())
