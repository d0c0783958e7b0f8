"""The `jingdu` command line: reader, analyze, export. Failures are one line, never a traceback."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
DEBUG_ENV = "JINGDU_DEBUG"
SUBCOMMANDS = ("analyze", "export", "library")


class UsageError(Exception):
    """Bad command-line usage: exit status 2."""


class OutputError(Exception):
    """The result could not be written out: a runtime failure, exit status 1."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage problem in one line instead of exiting mid-parse."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _split_db(argv: list[str]) -> tuple[str | None, list[str]]:
    """Take the global --db FILE out of argv, wherever it stands."""
    db: str | None = None
    rest: list[str] = []
    items = iter(argv)
    for arg in items:
        if arg == "--":
            rest.append(arg)
            rest.extend(items)
            break
        if arg == "--db":
            db = next(items, None)
            if db is None:
                raise UsageError("--db needs a FILE argument (see 'jingdu --help')")
        elif arg.startswith("--db="):
            db = arg.removeprefix("--db=")
        else:
            rest.append(arg)
    return db, rest


DB_HELP = "notes database (TinyDB JSON); default $JINGDU_DB or the user data dir"


def _reader_parser() -> _Parser:
    parser = _Parser(
        prog="jingdu",
        description="精读 jingdu — read Chinese news articles broken by PDF extraction.",
        epilog=(
            "commands:\n"
            "  jingdu [PATH]                     open the reader (default: the bundled article)\n"
            "  jingdu analyze [PATH] [--json]    print the analysis (JSON schema 1 or an outline)\n"
            "  jingdu export [PATH] [-o FILE]    write notes and bookmarks as Markdown\n"
            "  jingdu export --all DIR           one Markdown file per document with notes\n"
            "  jingdu library                    every document opened in the reader\n"
            "\nenvironment: JINGDU_DB (notes database), JINGDU_CACHE_DIR (analysis cache, 'off')\n"
            "exit status: 0 ok, 1 runtime failure, 2 bad usage or unreadable input"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path", nargs="?", help="article text file (UTF-8, UTF-16, GBK, Big5) or newspaper PDF"
    )
    parser.add_argument("--db", metavar="FILE", help=DB_HELP)
    return parser


def _analyze_parser() -> _Parser:
    parser = _Parser(prog="jingdu analyze", description="Print the analysis of an article.")
    parser.add_argument(
        "path", nargs="?", help="article text file or PDF (default: bundled article)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON (schema 1) instead of text")
    parser.add_argument(
        "--text",
        action="store_true",
        help="print the reading-order plain text (what block 'lines' refer to)",
    )
    parser.add_argument("--no-cache", action="store_true", help="ignore the analysis cache")
    parser.add_argument("--db", metavar="FILE", help=DB_HELP)
    return parser


def _export_parser() -> _Parser:
    parser = _Parser(
        prog="jingdu export", description="Write a document's notes and bookmarks as Markdown."
    )
    parser.add_argument("path", nargs="?", help="article text file (default: bundled article)")
    parser.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="output file ('-': stdout)"
    )
    parser.add_argument("--with-figures", action="store_true", help="append the figures table")
    parser.add_argument(
        "--all",
        metavar="DIR",
        dest="all_dir",
        help="every document with notes or bookmarks, one file each in DIR (re-runs update them)",
    )
    parser.add_argument("--db", metavar="FILE", help=DB_HELP)
    return parser


def _library_parser() -> _Parser:
    parser = _Parser(
        prog="jingdu library",
        description="List every document opened in the reader, last opened first.",
    )
    parser.add_argument("--db", metavar="FILE", help=DB_HELP)
    return parser


def _article_path(value: str | None) -> Path:
    """The file to read: the given path, else the bundled seed."""
    if value:
        return Path(value)
    from seeds import seed_path

    return seed_path()


def _write_stdout(text: str) -> None:
    """Write to stdout; a closed pipe (`| head`) is not an error."""
    try:
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError:  # a file name with undecodable bytes, or a narrow locale
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError as err:
        raise OutputError(f"standard output: cannot write ({err.strerror or err})") from None


def _cmd_analyze(args: argparse.Namespace) -> int:
    from article.analyze import analyze, open_text
    from article.outline import outline

    loaded = open_text(_article_path(args.path))
    if args.text:
        _write_stdout(loaded.text if loaded.text.endswith("\n") else loaded.text + "\n")
        return EXIT_OK
    doc = analyze(loaded, use_cache=not args.no_cache)
    if args.json:
        _write_stdout(json.dumps(doc.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        _write_stdout(outline(doc))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, db_value: str | None) -> int:
    from article.analyze import analyze, open_text
    from store.db import Database
    from store.export import export_markdown
    from store.paths import resolve_db_path

    if args.all_dir is not None:
        if args.path or args.output != "-":
            raise UsageError("export --all DIR takes no PATH and no -o (see 'jingdu export -h')")
        from tui.cli_library import export_everything

        return export_everything(Database(resolve_db_path(db_value)), Path(args.all_dir))

    doc = analyze(open_text(_article_path(args.path)))
    db = Database(resolve_db_path(db_value))
    notes = db.notes_for_document(doc)
    markdown = export_markdown(
        doc, notes, db.bookmarks_for_document(doc), with_figures=args.with_figures
    )
    if args.output == "-":
        _write_stdout(markdown)
        return EXIT_OK
    target = Path(args.output)
    try:
        target.write_text(markdown, encoding="utf-8")
    except OSError as err:
        raise OutputError(f"{target}: cannot write ({err.strerror or err})") from None
    _say(f"exported {_count(len(notes), 'note')} to {target}")
    return EXIT_OK


def _count(n: int, noun: str) -> str:
    """'1 note', '2 notes'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _cmd_library(db_value: str | None) -> int:
    from store.db import Database
    from store.paths import resolve_db_path
    from tui.cli_library import print_library

    _write_stdout(print_library(Database(resolve_db_path(db_value))))
    return EXIT_OK


def _cmd_read(args: argparse.Namespace, db_value: str | None) -> int:
    from store.paths import resolve_db_path

    # run_reader reads the file before it takes over the screen: a bad file is one line.
    return _reader()(_article_path(args.path), resolve_db_path(db_value))


def _reader() -> Callable[[Path, Path], int]:
    """The reader, imported with the garbage collector off: importing Textual and the reader
    makes thousands of objects and no cycles, so collecting meanwhile only delays the first
    screen (by about 10 ms); what the imports made is then frozen out of later collections."""
    gc.disable()
    try:
        from tui.app import run_reader
    finally:
        gc.enable()
    gc.freeze()
    return run_reader


def _dispatch(argv: list[str]) -> int:
    db_value, rest = _split_db(argv)
    if rest and rest[0] in SUBCOMMANDS:
        command, rest = rest[0], rest[1:]
        if command == "library":
            _library_parser().parse_args(rest)
            return _cmd_library(db_value)
        parser = _analyze_parser() if command == "analyze" else _export_parser()
        args = parser.parse_args(rest)
        if command == "analyze":
            return _cmd_analyze(args)
        return _cmd_export(args, db_value)
    return _cmd_read(_reader_parser().parse_args(rest), db_value)


def _known_errors() -> tuple[type[BaseException], ...]:
    """Errors that are the user's input, not our bug: exit 2 with their one-line message."""
    from article.source import InputError

    errors: list[type[BaseException]] = [InputError, UsageError]
    try:
        from store.errors import StoreError  # not store.db: tinydb is not needed to start

        errors.append(StoreError)
    except ImportError:
        pass
    return tuple(errors)


def _say(message: str) -> None:
    """One line on stderr; file names in it are cleaned like article text (no escapes)."""
    from article.source import safe_line

    print(f"jingdu: {safe_line(message)}", file=sys.stderr)


def _guard(run: Callable[[], int]) -> int:
    """Run a command, turning every failure into one line on stderr and an exit status."""
    known = _known_errors()
    try:
        return run()
    except known as err:
        _say(str(err))
        return EXIT_USAGE
    except OutputError as err:
        _say(str(err))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        if os.environ.get(DEBUG_ENV):
            raise
        _say(f"internal error: {type(err).__name__}: {err} (set {DEBUG_ENV}=1 for details)")
        return EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `jingdu` console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    return _guard(lambda: _dispatch(args))


if __name__ == "__main__":
    sys.exit(main())
