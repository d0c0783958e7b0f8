"""`jingdu library` and `jingdu export --all`: the library as text, notes as files."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.cells import cell_len

from article.model import Document
from store.db import Database
from store.export_all import export_all
from store.library import LibraryEntry, library

MISSING = "（文件不存在）"


def library_line(entry: LibraryEntry) -> str:
    """One document: progress, notes, bookmarks, last opened, title, path (missing flagged)."""
    when = entry.opened[:16].replace("T", " ")
    gone = f" {MISSING}" if not entry.exists else ""
    title = entry.title + " " * max(0, 30 - cell_len(entry.title))
    return (
        f"{entry.progress:>4}%  {entry.notes:>4}  {entry.bookmarks:>4}  {when:<16}  "
        f"{title}  {entry.path}{gone}"
    )


def print_library(db: Database) -> str:
    """The library as a table for a terminal, last opened first."""
    entries = library(db)
    if not entries:
        return "还没有打开过任何文档。用 jingdu PATH 打开一篇。\n"
    head = f"{'进度':>3}  {'笔记':>2}  {'书签':>2}  {'最后打开':<12}  {'标题':<28}  路径"
    return "\n".join([head, *(library_line(e) for e in entries)]) + "\n"


def _load(path: str) -> Document | None:
    """The analysed document of a library entry (cached); None when it cannot be read now."""
    from article.analyze import analyze, open_text
    from article.source import InputError

    try:
        return analyze(open_text(path))
    except InputError as err:
        print(f"jingdu: {err}; exporting its notes as stored", file=sys.stderr)
        return None


def export_everything(db: Database, folder: Path) -> int:
    """Write every document with notes or bookmarks into `folder` and say what was written."""
    try:
        written = export_all(db, folder, _load)
    except OSError as err:
        print(f"jingdu: {folder}: cannot write ({err.strerror or err})", file=sys.stderr)
        return 1
    for item in written:
        note = " (source file missing: notes as stored)" if item.missing else ""
        print(f"jingdu: {item.target}{note}", file=sys.stderr)
    print(f"jingdu: exported {len(written)} document(s) to {folder}", file=sys.stderr)
    return 0
