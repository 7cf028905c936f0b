"""The ``nato-reader`` command: the reader by default, plus headless subcommands."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui import __version__

COMMANDS = ("read", "align", "facts", "export", "import", "serve")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nato-reader",
        description="Compare how several news outlets report the same story. "
        "With no command, opens the reader on PATHs (the bundled seed articles when none).",
        epilog="Run 'nato-reader COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"nato-reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = commands.add_parser("read", help="open the reader (the default command)")
    _add_paths(read)
    _add_store(read)

    serve = commands.add_parser(
        "serve",
        help="serve the reader to a web browser (needs: pip install 'nato-reader[web]')",
        description="Serve the same reader in a browser page. Each tab runs its own reader on this "
        "machine, on the same store (tabs after the first are read-only). Exports reach the browser "
        "as downloads; the store stays here.",
    )
    _add_paths(serve)
    _add_store(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow an address other machines can reach; every request then needs the printed token",
    )
    serve.add_argument(
        "--public-url", help="the URL browsers use to reach this server, if not http://HOST:PORT"
    )

    align = commands.add_parser("align", help="print the cross-source alignment")
    _add_paths(align)
    align.add_argument(
        "--format", choices=("table", "json"), default="table", help="output format (default: table)"
    )

    from tui.cli import facts

    facts.add_command(commands, _add_paths)

    from tui.cli.exchange import add_commands

    add_commands(commands, _add_store)
    return parser


def _add_store(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store",
        type=Path,
        metavar="PATH",
        help="annotation store (default: annotations.json in the platform's user data folder)",
    )


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="align again instead of reusing the result cached for these exact articles",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders of .txt/.md/.html (default: the bundled seeds)",
    )


def _with_default_command(argv: list[str]) -> list[str]:
    """Treat ``nato-reader [--store S] a.txt`` as ``nato-reader read [--store S] a.txt``."""
    for arg in argv:
        if arg in ("-h", "--help", "--version"):
            return argv
        if arg in COMMANDS:
            return argv
    return ["read", *argv]


def fail(message: str, code: int = 2) -> int:
    """Print one error line on stderr and return the exit code."""
    print(f"nato-reader: error: {message}", file=sys.stderr)
    return code


def warn(message: str) -> None:
    """Print one warning line on stderr."""
    print(f"nato-reader: warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``nato-reader`` script."""
    args = _parser().parse_args(_with_default_command(list(sys.argv[1:] if argv is None else argv)))
    try:
        if args.command == "serve":
            from tui.cli.serve import run

            return run(
                _paths(args),
                host=args.host,
                port=args.port,
                store=args.store,
                allow_remote=args.allow_remote,
                public_url=args.public_url,
                fail=fail,
                warn=warn,
            )
        if args.command == "align":
            return _align(args)
        if args.command == "facts":
            from tui.cli.facts import run as run_facts

            return run_facts(args, _load)
        if args.command in ("export", "import"):
            from tui.cli.exchange import run_export, run_import

            return run_export(args) if args.command == "export" else run_import(args)
        return _read(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the reader went away: not an error worth a traceback.
        sys.stderr.close()
        return 0


def _paths(args: argparse.Namespace) -> list[Path]:
    from tui.resources import seeds_dir

    return list(args.paths) or [seeds_dir()]


def _load(args: argparse.Namespace):
    """Load and align the articles, or return an exit code after a one-line error."""
    from tui.alignment.pipeline import NothingToAlign, open_alignment
    from tui.cli.progress import StderrProgress
    from tui.corpus.ingest import IngestError

    with StderrProgress() as progress:
        try:
            alignment = open_alignment(_paths(args), use_cache=not args.no_cache, progress=progress.update)
        except (IngestError, NothingToAlign) as error:
            return fail(str(error))
    for warning in alignment.warnings:
        warn(warning)
    return alignment


def _align(args: argparse.Namespace) -> int:
    alignment = _load(args)
    if isinstance(alignment, int):
        return alignment
    if args.format == "json":
        json.dump(alignment.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    from tui.cli.table import print_alignment

    print_alignment(alignment)
    return 0


def _read(args: argparse.Namespace) -> int:
    from tui.corpus.ingest import IngestError, expand_paths

    paths = _paths(args)
    try:
        files, warnings = expand_paths(paths)
    except IngestError as error:
        return fail(str(error))  # before the screen switches, so the message stays readable
    if not files:
        return fail("; ".join(warnings) or "no articles found")
    from tui.ui.app import ReaderApp

    app = ReaderApp(paths, use_cache=not args.no_cache, store_path=args.store)
    app.run()
    return app.return_code or 0
