"""The library: every document opened in the reader, with its place, counts and last opening."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from store.db import Database
from store.records import now_iso

LIBRARY = "library"


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One document as the library lists it; `exists` says whether its file is still there."""

    path: str
    title: str
    doc_id: str
    progress: int  # percent read
    block: int
    offset: int
    opened: str  # ISO time of the last opening
    notes: int = 0
    bookmarks: int = 0
    exists: bool = True


def library_key(path: str | os.PathLike[str]) -> str:
    """The row key of a file: its absolute, normalised path (the same from any directory)."""
    return os.path.normcase(os.path.abspath(os.fspath(path)))


def remember_opened(db: Database, path: Path, title: str, doc_id: str) -> None:
    """Record that `path` was opened now (title and text id as they are today)."""
    key = library_key(path)
    db.upsert(LIBRARY, key, {"path": key, "title": title, "doc_id": doc_id, "opened": now_iso()})


def remember_place(db: Database, path: Path, block: int, offset: int, progress: int) -> None:
    """Record where the reader is in `path` and how far, in percent, they have read."""
    fields = {"path": library_key(path), "block": block, "offset": offset, "progress": progress}
    db.upsert(LIBRARY, library_key(path), fields)


def library(db: Database, *, check_files: bool = True) -> list[LibraryEntry]:
    """Every remembered document, last opened first, with its notes and bookmarks counted."""
    notes = _counts(db.rows("notes"))
    bookmarks = _counts(db.rows("bookmarks"))
    entries = []
    for row in db.rows(LIBRARY):
        entry = _entry(row)
        if entry is None:
            continue
        keys = (entry.doc_id, entry.path)
        entries.append(
            LibraryEntry(
                **{
                    **_fields(entry),
                    "notes": _count_of(notes, keys),
                    "bookmarks": _count_of(bookmarks, keys),
                    "exists": os.path.isfile(entry.path) if check_files else True,
                }
            )
        )
    return sorted(entries, key=lambda e: (e.opened, e.path), reverse=True)


def _entry(row: dict[str, Any]) -> LibraryEntry | None:
    """A row as an entry; a row without a path (damaged by hand) is skipped."""
    path = row.get("path")
    if not isinstance(path, str) or not path:
        return None
    try:
        return LibraryEntry(
            path=path,
            title=str(row.get("title") or Path(path).stem),
            doc_id=str(row.get("doc_id", "")),
            progress=int(row.get("progress", 0)),
            block=int(row.get("block", 0)),
            offset=int(row.get("offset", 0)),
            opened=str(row.get("opened", "")),
        )
    except (TypeError, ValueError):
        return None


def _fields(entry: LibraryEntry) -> dict[str, Any]:
    """The entry's fields as a dict (slots dataclasses have no __dict__)."""
    return {name: getattr(entry, name) for name in entry.__slots__}  # type: ignore[attr-defined]


def _counts(rows: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Record ids per doc_id and per source path (stored normalised, as library keys are)."""
    by_key: dict[str, set[str]] = {}
    for row in rows:
        rid = str(row.get("id", ""))
        for key in (row.get("doc_id"), row.get("source_path")):
            if isinstance(key, str) and key:
                by_key.setdefault(key, set()).add(rid)
    return by_key


def _count_of(by_key: dict[str, set[str]], keys: tuple[str, str]) -> int:
    """How many distinct records belong to a document by its text id or its path."""
    found: set[str] = set()
    for key in keys:
        found |= by_key.get(key, set())
    return len(found)
