"""The ``nato-reader`` command: the reader by default, plus headless subcommands."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tui import __version__
from tui.cli.errors import CliError, UsageError, report, warn

if TYPE_CHECKING:  # the parser is built on every start: the core is imported by the commands
    from tui.alignment.result import Alignment

COMMANDS = ("read", "align", "facts", "export", "import", "serve")


WEB_INSTALL = "pip install '.[web]'"  # as the README says: the package installs from its checkout

EXAMPLES = """main use (the reader; 'read' is the default command):
  nato-reader a.txt b.html                 compare two articles side by side
  nato-reader news/ --store ~/story.json   every article in a folder; annotations in story.json
  nato-reader                              the bundled seed articles

Articles are .txt, .md, .html or .htm files. Run 'nato-reader COMMAND --help' for a command's
options."""


def _parser(default_command: bool = False) -> argparse.ArgumentParser:
    """The argument parser; ``default_command`` when ``read`` was implied, not typed."""
    parser = argparse.ArgumentParser(
        prog="nato-reader",
        description="Compare how several news outlets report the same story.\n"
        "With no command, opens the reader on PATHs (the bundled seed articles when none).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"nato-reader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = commands.add_parser(
        "read",
        # A user who typed `nato-reader a.txt --store` never typed `read`: errors name the program.
        prog="nato-reader" if default_command else "nato-reader read",
        help="open the reader (the default command)",
        description="Open the reader on article files or folders: aligned sources side by side, "
        "the claims they share, where their wording diverges, and your annotations.",
    )
    _add_paths(read)
    _add_store(read)

    serve = commands.add_parser(
        "serve",
        help=f"serve the reader to a web browser (needs the web extra: {WEB_INSTALL})",
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
    serve.add_argument(
        "--max-sessions",
        type=int,
        default=8,
        metavar="N",
        help="at most N browser tabs (reader processes) at once; one more is refused (default: 8)",
    )

    align = commands.add_parser(
        "align",
        help="print the cross-source alignment",
        description="Align the articles without the reader and print the claims they share "
        "(table) or the whole alignment with sentences, groups, kinds, diffs and divergences (json).",
    )
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
        "--name",
        action="append",
        default=[],
        metavar="STEM=OUTLET",
        help="show the article with file stem STEM as OUTLET (repeatable; overrides other names)",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders of .txt, .md, .html or .htm (default: the bundled seeds)",
    )


def _with_default_command(argv: list[str]) -> list[str]:
    """Treat ``nato-reader [--store S] a.txt`` as ``nato-reader read [--store S] a.txt``, and
    ``nato-reader --store S export`` as ``nato-reader export --store S`` (options before the
    command belong to it)."""
    for position, arg in enumerate(argv):
        if arg in ("-h", "--help", "--version"):
            return argv
        if arg in COMMANDS:
            if position and argv[0].startswith("-"):
                return [arg, *argv[:position], *argv[position + 1 :]]
            return argv
    return ["read", *argv]


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse ``argv``, with ``read`` implied when no command is given."""
    full = _with_default_command(argv)
    return _parser(default_command=full is not argv).parse_args(full)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``nato-reader`` script."""
    args = parse(list(sys.argv[1:] if argv is None else argv))
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
                max_sessions=args.max_sessions,
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
    except CliError as error:
        return report(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the reader went away: not an error worth a traceback.
        sys.stderr.close()
        return 0


def _paths(args: argparse.Namespace) -> list[Path]:
    from tui.resources import seeds_dir

    return list(args.paths) or [seeds_dir()]


def _load(args: argparse.Namespace) -> Alignment:
    """Load and align the articles (``CliError`` when none can be read)."""
    from tui.alignment.pipeline import NothingToAlign, open_alignment
    from tui.cli.progress import StderrProgress
    from tui.corpus.ingest import IngestError

    with StderrProgress() as progress:
        try:
            alignment = open_alignment(
                _paths(args),
                use_cache=not args.no_cache,
                progress=progress.update,
                compare_ahead=args.format == "json",
            )
        except (IngestError, NothingToAlign) as error:
            raise CliError(str(error)) from None
    for warning in alignment.warnings:
        warn(warning)
    return alignment


def _align(args: argparse.Namespace) -> int:
    # Aligning and comparing make millions of objects but next to no reference cycles (a few
    # hundred objects at 200 articles), so the collector's passes over the whole heap found
    # nothing and cost about 8 % of the run. Forked workers inherit the setting: nor do they
    # walk, and so copy, the heap they share with this process.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _print_alignment(args)
    finally:
        if collecting:
            gc.enable()


def _print_alignment(args: argparse.Namespace) -> int:
    alignment = _load(args)
    if args.format == "json":
        # A terminal that cannot show every character still gets valid JSON (escaped), not a
        # traceback; the usual UTF-8 stdout gets the text as it is.
        utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
        # Written a group at a time (the whole document is never in memory). With
        # PYTHONUNBUFFERED (set in CI) each small write is a system call: 81 MB of JSON took 13 s
        # written piece by piece, so pieces go out in batches of about 1 MB.
        batch: list[str] = []
        size = 0
        for chunk in alignment.json_chunks(ensure_ascii=not utf8):
            batch.append(chunk)
            size += len(chunk)
            if size >= 1 << 20:
                sys.stdout.write("".join(batch))
                batch, size = [], 0
        batch.append("\n")
        sys.stdout.write("".join(batch))
        return 0
    from tui.cli.table import print_alignment

    print_alignment(alignment)
    return 0


def _read(args: argparse.Namespace) -> int:
    from tui.corpus.ingest import IngestError, expand_paths

    paths = _paths(args)
    if len(args.paths) == 1 and not paths[0].exists() and not paths[0].suffix and "/" not in str(paths[0]):
        # "nato-reader bogus": more likely a mistyped command than a missing file.
        raise UsageError(f"{paths[0]}: no such file or folder, and not a command ({', '.join(COMMANDS)})")
    try:
        files, warnings = expand_paths(paths)
    except IngestError as error:
        raise CliError(str(error)) from None  # before the screen switches, so it stays readable
    if not files:
        raise CliError("; ".join(warnings) or "no articles found")
    from tui.corpus.outlets import parse_names

    try:
        names = parse_names(args.name)
    except ValueError as error:
        raise UsageError(str(error)) from None
    from tui.ui.app import ReaderApp

    app = ReaderApp(paths, use_cache=not args.no_cache, store_path=args.store, names=names)
    app.run()
    return app.return_code or 0
