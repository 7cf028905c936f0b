"""``nato-reader export`` and ``nato-reader import``: annotations out to files and back in."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tui import paths
from tui.annotations.exchange.formats import FORMATS, USES_ARTICLES, format_for
from tui.cli.errors import CliError, UsageError, warn
from tui.corpus.text import visible

if TYPE_CHECKING:  # the parser is built on every start: keep the core's imports for the commands
    from tui.alignment.result import Alignment
    from tui.annotations.store import AnnotationStore

EXPORT_HELP = "write the annotations as json, jsonl, csv, md or w3c"
EXPORT_DESCRIPTION = (
    "Write the annotation store as json (the store with source metadata; import reads it back), "
    "jsonl (one annotation per line), csv (one row per annotation, UTF-8 without BOM), md (a "
    "readable report) or w3c (W3C Web Annotation JSON-LD; import reads it back). "
    "Articles: jsonl, csv and md read the PATHs given, else the article files recorded in the "
    "store (those still there), to add claim groups, the other sources of each claim and the "
    "divergence types of each annotated sentence; json and w3c need only the store (PATHs, when "
    "given, add source titles to json)."
)
IMPORT_HELP = "merge a json or w3c export into the store"
IMPORT_DESCRIPTION = (
    "Read a json or w3c export and merge it into the store by annotation id: new ids are added; "
    "for an id the store has, the copy with the later 'modified' time wins (the store's on a tie). "
    "A file with any problem is rejected whole and the store is left untouched."
)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    add_store: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add the ``export`` and ``import`` subcommands to the ``nato-reader`` parser."""
    export = commands.add_parser("export", help=EXPORT_HELP, description=EXPORT_DESCRIPTION)
    export.add_argument(
        "--format",
        choices=FORMATS,
        help="export format (default: from the -o file's extension: .json .jsonl .csv .md .jsonld)",
    )
    add_store(export)
    export.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)"
    )
    export.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    export.add_argument(
        "--no-cache",
        action="store_true",
        help="align the articles again instead of reusing the cached result",
    )
    export.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (default for csv and md: the files recorded in the store)",
    )

    imports = commands.add_parser("import", help=IMPORT_HELP, description=IMPORT_DESCRIPTION)
    imports.add_argument("file", type=Path, metavar="FILE", help="a json or w3c export")
    add_store(imports)


def run_export(args: argparse.Namespace) -> int:
    """``nato-reader export``: exit status 0, else ``CliError`` (one line, exit 1; 2 for usage)."""
    from tui.annotations.exchange.export import ExportError, export_text, save_export
    from tui.annotations.store import AnnotationStore, StoreError

    output: Path | None = args.output
    fmt = args.format or (format_for(output) if output else None)
    if fmt is None:
        named = f"{output.name} does not say which format; " if output else ""
        raise UsageError(f"{named}choose one with --format json|jsonl|csv|md|w3c")
    store_path: Path = args.store or paths.store_path()
    if not store_path.exists():
        raise CliError(f"{store_path}: no annotation store there (annotate first, or give --store)")
    try:
        store = AnnotationStore.open(store_path, lock=False)
    except StoreError as error:
        raise CliError(str(error)) from None
    if output is not None:
        if _same_file(output, store_path):
            raise CliError(f"{output}: that is the annotation store itself; choose another file")
        if output.exists() and not args.force and not output.is_dir():
            raise CliError(f"{output}: already exists; use --force to overwrite it")
    alignment = None
    if args.paths or fmt in USES_ARTICLES:
        alignment = _articles(args, store)
    text = export_text(fmt, store.sources, store.annotations.values(), alignment)
    if output is None:
        return _to_stdout(text)
    try:
        save_export(output, text, overwrite=args.force)
    except ExportError as error:
        raise CliError(str(error)) from None
    print(visible(f"nato-reader: wrote {len(store.annotations)} annotations as {fmt} to {output}"))
    return 0


def _to_stdout(text: str) -> int:
    """Write ``text`` as UTF-8 whatever the terminal's encoding; a failed write is one error line."""
    try:
        sys.stdout.flush()
        # Control characters made visible: a store may hold strings from before imports were
        # cleaned, or from a hand edit, and this may be a terminal.
        sys.stdout.buffer.write(visible(text).encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        # Point stdout at /dev/null so the interpreter's final flush cannot fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise CliError(f"cannot write to standard output ({error.strerror or error})") from None
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _warn_of_siblings(paths: list[Path]) -> None:
    """The store records only the articles that carry annotations; when their folders hold other
    articles, the reader was probably given those too, and numbered its claims with them."""
    from tui.corpus.ingest import IngestError, expand_paths

    folders = list(dict.fromkeys(path.parent for path in paths))
    try:
        found, _ = expand_paths(folders)
    except IngestError:
        return
    others = [path for path in found if path not in paths]
    if others:
        where = ", ".join(visible(str(folder)) for folder in folders[:2])
        where += ", ..." if len(folders) > 2 else ""
        warn(
            f"claim groups from the {len(paths)} annotated article(s) only, not the {len(others)} "
            f"other(s) in {where}; give the articles as PATHs to number claims as the reader did"
        )


def _articles(args: argparse.Namespace, store: AnnotationStore) -> Alignment | None:
    """The alignment of the PATHs, else of the store's recorded articles that still exist.

    Raises ``CliError`` for a bad PATH; returns None (after a warning) when the recorded articles
    are gone, so that the export goes on without claim groups.
    """
    from tui.alignment.pipeline import NothingToAlign, open_alignment
    from tui.corpus.ingest import IngestError

    paths: list[Path] = list(args.paths)
    if not paths:
        # Only files a reader opened: a path from an imported file is a label, never read.
        imported = [key for key, entry in store.sources.items() if entry.get("imported")]
        if imported:
            warn(
                f"{len(imported)} imported source(s) not read (paths in imported files are labels); "
                "give the article files as PATHs to place their annotations"
            )
        recorded = [Path(store.sources[key]["path"]) for key in sorted(store.sources) if key not in imported]
        paths = [path for path in dict.fromkeys(recorded) if path.is_file()]
        missing = [str(path) for path in dict.fromkeys(recorded) if path not in paths]
        if missing:
            warn(
                f"{len(missing)} recorded article(s) not found ({', '.join(missing[:3])}"
                f"{', ...' if len(missing) > 3 else ''}); their annotations have no claim groups"
            )
        if not paths:
            return None
        _warn_of_siblings(paths)
    from tui.cli.progress import StderrProgress

    with StderrProgress() as progress:
        try:
            alignment = open_alignment(paths, use_cache=not args.no_cache, progress=progress.update)
        except IngestError as error:
            raise CliError(str(error)) from None
        except NothingToAlign as error:
            if args.paths:
                raise CliError(str(error)) from None
            warn(f"{error}; exporting without claim groups")
            return None
    for warning in alignment.warnings:
        warn(warning)
    return alignment


def run_import(args: argparse.Namespace) -> int:
    """``nato-reader import``: exit status 0, else ``CliError`` (one line, exit 1; store untouched)."""
    from tui.annotations.exchange.importer import ImportFileError, import_into, read_import
    from tui.annotations.store import AnnotationStore, StoreError

    store_path: Path = args.store or paths.store_path()
    try:
        imported = read_import(args.file)
    except ImportFileError as error:
        raise CliError(str(error)) from None
    try:
        store = AnnotationStore.open(store_path, lock=True)
    except StoreError as error:
        raise CliError(str(error)) from None
    try:
        if store.read_only:
            raise CliError(f"{store_path}: {store.read_only_reason}; close the reader and import again")
        result = import_into(store, imported)
    except StoreError as error:
        raise CliError(str(error)) from None
    finally:
        store.close()
    print(
        visible(
            f"nato-reader: imported {len(imported.annotations)} annotations ({imported.format}) into "
            f"{store_path}: {result.added} added, {result.updated} updated, {result.kept} kept"
        )
    )
    return 0
