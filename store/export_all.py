"""`jingdu export --all DIR`: a Markdown file per document with notes or bookmarks, stable names."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from article.model import Document, Source
from store.db import Database
from store.export import default_export_name, export_markdown
from store.library import LIBRARY, LibraryEntry, library

Loader = Callable[[str], Document | None]  # the analysed document of a file; None: unreadable


@dataclass(frozen=True, slots=True)
class Exported:
    """One file written: where, for which document, and with what."""

    target: Path
    entry: LibraryEntry
    missing: bool  # the source file is gone or unreadable: notes as stored, not re-anchored


def export_name(entry: LibraryEntry, taken: set[str]) -> str:
    """A file name from the title, kept once chosen, made unique with a hash of the path."""
    stem = default_export_name(_stand_in(entry)).removesuffix(".md")
    name = f"{stem}.md"
    if name in taken:
        name = f"{stem}-{hashlib.sha1(entry.path.encode()).hexdigest()[:6]}.md"
    return name


def export_all(db: Database, folder: Path, load: Loader) -> list[Exported]:
    """Write every document that has notes or bookmarks into `folder`; a re-run rewrites the
    same files (each document keeps the name it got the first time)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {row["path"]: row["export_name"] for row in db.rows(LIBRARY) if row.get("export_name")}
    taken = set(names.values())
    written: list[Exported] = []
    for entry in sorted(library(db), key=lambda e: e.path):
        if not (entry.notes or entry.bookmarks):
            continue
        name = names.get(entry.path)
        if name is None:
            name = export_name(entry, taken)
            taken.add(name)
            if not db.read_only:
                db.upsert(LIBRARY, entry.path, {"export_name": name})
        target = folder / name
        loaded = load(entry.path) if entry.exists else None
        missing = loaded is None
        doc = loaded or _stand_in(entry)
        if missing:
            notes, bookmarks = db.notes(entry.doc_id), db.bookmarks(entry.doc_id)
        else:
            notes, bookmarks = db.notes_for_document(doc), db.bookmarks_for_document(doc)
        target.write_text(export_markdown(doc, notes, bookmarks), encoding="utf-8")
        written.append(Exported(target, entry, missing))
    return written


def _stand_in(entry: LibraryEntry) -> Document:
    """A document without text for a file that is gone: its notes still export, unplaced."""
    return Document(
        source=Source(entry.path, "", ""),
        doc_id=entry.doc_id,
        title=entry.title,
        articles=[],
        blocks=[],
    )
