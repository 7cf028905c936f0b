"""``python -m tui`` runs the same command as ``nato-reader``."""

from tui.cli import main

raise SystemExit(main())
