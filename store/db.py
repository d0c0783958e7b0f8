"""The notes database: notes, bookmarks and reading positions, safe across crashes and windows."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB, where
from tinydb.table import Document as Row
from tinydb.table import Table

from article.model import Document
from store.anchor import context, reanchor
from store.bookmark_anchor import reanchor_bookmark, still_placed
from store.errors import CorruptDatabase, StoreError
from store.labels import paragraph_label
from store.paths import read_only_reason, real_path
from store.records import Bookmark, Note, Position, new_id, now_iso
from store.storage import META_TABLE, AtomicJSONStorage
from store.validate import replace_surrogates

__all__ = ["SCHEMA_VERSION", "CorruptDatabase", "Database", "StoreError", "clean_tags"]

SCHEMA_VERSION = 1
NOTES, BOOKMARKS, POSITIONS, META = "notes", "bookmarks", "positions", META_TABLE
ANCHOR_FIELDS = ("doc_id", "block", "start", "end", "orphaned")  # never the user's words
MARK_FIELDS = ("doc_id", "block", "offset", "orphaned")


class _Table(Table):
    """Rows keyed by our own string ids (note id, doc id), so lookups need no scan."""

    document_id_class = str  # type: ignore[assignment]


class _TinyDB(TinyDB):
    """TinyDB with string-keyed tables."""

    table_class = _Table


class Database:
    """All reads and writes of notes, bookmarks and positions; thread-safe and process-safe."""

    def __init__(self, path: Path) -> None:
        self.path = real_path(Path(path))  # a symlink: work next to its target, keep the link
        self._mutex = threading.RLock()
        with contextlib.suppress(OSError):  # a folder we cannot create: read_only_reason says so
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._storage: AtomicJSONStorage | None = AtomicJSONStorage(self.path)
        self._db = _TinyDB(storage=lambda: self._storage)
        self._storage.read()  # raises CorruptDatabase (or refuses a FIFO) before any write
        self._check_schema()
        self.reason: str | None = read_only_reason(self.path, self._storage.lock_path)
        self.read_only = self.reason is not None  # reads work, writes are refused up front
        if not self.read_only:
            self._storage.remove_stale_temp_files()

    @classmethod
    def open_read_only(cls, path: Path, reason: str | None = None) -> Database:
        """A database that reads nothing and writes nothing, for a session after CorruptDatabase."""
        self = cls.__new__(cls)
        self.path = Path(path)
        self.read_only = True
        self.reason = reason
        self._mutex = threading.RLock()
        self._storage = None
        return self

    def close(self) -> None:
        """Nothing is held open between operations; kept for symmetry with TinyDB."""

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- notes ---------------------------------------------------------------------------

    def notes(self, doc_id: str) -> list[Note]:
        """Notes stored under `doc_id`, in reading order."""
        rows = self._search(NOTES, where("doc_id") == doc_id)
        return _reading_order([Note.from_dict(r) for r in rows])

    def new_note(
        self, doc: Document, block: int, start: int, end: int, text: str, tags: list[str]
    ) -> Note:
        """Create and save a note on doc.blocks[block].text[start:end] (a non-empty span)."""
        _check_span(doc, block, start, end)
        if start == end:
            raise ValueError("a note needs a non-empty span of text")
        prefix, suffix = context(doc, block, start, end)
        stamp = now_iso()
        note = Note(
            id=new_id(),
            doc_id=doc.doc_id,
            source_path=_norm_path(doc.source.path),
            quote=doc.blocks[block].text[start:end],
            prefix=prefix,
            suffix=suffix,
            block=block,
            start=start,
            end=end,
            text=replace_surrogates(text),  # nothing unencodable is ever stored
            tags=clean_tags(tags),
            created=stamp,
            updated=stamp,
        )
        return self.add_note(note)

    def add_note(self, note: Note) -> Note:
        """Save `note` as given (a new one, or again after a failed save); returns it."""
        with self._writing():
            table = self._table(NOTES)
            if table.contains(doc_id=note.id):
                table.update(note.to_dict(), doc_ids=[note.id])
            else:
                table.insert(Row(note.to_dict(), doc_id=note.id))
        return note

    def update_note(
        self, note_id: str, *, text: str | None = None, tags: list[str] | None = None
    ) -> Note:
        """Change a note's text and/or tags; bumps `updated`."""
        with self._writing():
            table = self._table(NOTES)
            row = table.get(doc_id=note_id)
            if row is None:
                raise StoreError(f"note {note_id} is no longer in {self.path} (deleted elsewhere?)")
            fields: dict[str, Any] = {"updated": now_iso()}
            if text is not None:
                fields["text"] = replace_surrogates(text)
            if tags is not None:
                fields["tags"] = clean_tags(tags)
            table.update(fields, doc_ids=[note_id])
            return Note.from_dict({**row, **fields})

    def delete_note(self, note_id: str) -> None:
        """Remove a note; removing one that is already gone is not an error."""
        with self._writing():
            table = self._table(NOTES)
            if table.contains(doc_id=note_id):
                table.remove(doc_ids=[note_id])

    def notes_for_document(self, doc: Document) -> list[Note]:
        """This document's notes, including those of earlier versions of its file, re-anchored.
        Re-anchoring happens in memory; saving the new places is only a bonus."""
        if self._storage is None:
            return []
        with self._mutex:
            path = _norm_path(doc.source.path)
            rows = self._search(NOTES, lambda r: r.get("doc_id") == doc.doc_id or _same(r, path))
            old = [Note.from_dict(r) for r in rows]
            new = [n if _still_anchored(n, doc) else reanchor(n, doc) for n in old]
            moved = {n.id: n for o, n in zip(old, new, strict=True) if o != n}
            self._save_anchors(NOTES, moved, ANCHOR_FIELDS)
            return _reading_order(new)

    def _save_anchors(self, name: str, moved: dict[str, Any], fields: tuple[str, ...]) -> None:
        """Persist new anchors only, so a concurrent edit of the record's text is kept; best
        effort: reading must work without writing (read-only folder, lock held elsewhere)."""
        if not moved or self.read_only:
            return
        with contextlib.suppress(StoreError):
            self._update_anchors(name, moved, fields)

    def _update_anchors(self, name: str, moved: dict[str, Any], fields: tuple[str, ...]) -> None:
        """Write the new anchor fields of the rows that are still there."""

        def apply(row: dict[str, Any]) -> None:
            record = moved[row["id"]]
            row.update({field: getattr(record, field) for field in fields})

        with self._writing():
            table = self._table(name)
            present = [rid for rid in moved if table.contains(doc_id=rid)]
            if present:
                table.update(apply, doc_ids=present)

    # ---- bookmarks -----------------------------------------------------------------------

    def bookmarks(self, doc_id: str) -> list[Bookmark]:
        """Bookmarks of `doc_id`, in reading order."""
        rows = self._search(BOOKMARKS, where("doc_id") == doc_id)
        return sorted((Bookmark.from_dict(r) for r in rows), key=_mark_key)

    def toggle_bookmark(self, doc: Document, block: int, offset: int) -> Bookmark | None:
        """Bookmark the paragraph, or remove its bookmark if it has one (then returns None)."""
        _check_span(doc, block, offset, offset)
        with self._writing():
            table = self._table(BOOKMARKS)
            found = [
                row
                for row in table.search((where("doc_id") == doc.doc_id) & (where("block") == block))
                if not row.get("orphaned")
            ]
            if found:
                table.remove(doc_ids=[row.doc_id for row in found])
                return None
            mark = Bookmark(
                id=new_id(),
                doc_id=doc.doc_id,
                source_path=_norm_path(doc.source.path),
                block=block,
                offset=offset,
                label=paragraph_label(doc.blocks[block].text),
                created=now_iso(),
            )
            table.insert(Row(mark.to_dict(), doc_id=mark.id))
            return mark

    def bookmarks_for_document(self, doc: Document) -> list[Bookmark]:
        """This document's bookmarks, including earlier versions', re-placed by their labels."""
        if self._storage is None:
            return []
        with self._mutex:
            path = _norm_path(doc.source.path)
            rows = self._search(
                BOOKMARKS, lambda r: r.get("doc_id") == doc.doc_id or _same(r, path)
            )
            old = [Bookmark.from_dict(r) for r in rows]
            new = [m if _mark_in_place(m, doc) else reanchor_bookmark(m, doc) for m in old]
            moved = {m.id: m for o, m in zip(old, new, strict=True) if o != m}
            self._save_anchors(BOOKMARKS, moved, MARK_FIELDS)
            return sorted(new, key=_mark_key)

    def delete_bookmark(self, bookmark_id: str) -> None:
        """Remove a bookmark; removing one that is already gone is not an error."""
        with self._writing():
            table = self._table(BOOKMARKS)
            if table.contains(doc_id=bookmark_id):
                table.remove(doc_ids=[bookmark_id])

    # ---- reading positions ---------------------------------------------------------------

    def position(self, doc_id: str) -> Position | None:
        """Where the reader left `doc_id`, if it was ever opened."""
        if self._storage is None:
            return None
        with self._mutex:
            row = self._table(POSITIONS).get(doc_id=doc_id)
        return Position.from_dict(row) if row is not None else None

    def save_position(self, doc_id: str, block: int, offset: int) -> None:
        """Remember the reading position; an unchanged position costs no write."""
        with self._writing():
            table = self._table(POSITIONS)
            row = table.get(doc_id=doc_id)
            if row is not None and (row.get("block"), row.get("offset")) == (block, offset):
                return
            record = Position(doc_id, block, offset, now_iso()).to_dict()
            if row is None:
                table.insert(Row(record, doc_id=doc_id))
            else:
                table.update(record, doc_ids=[doc_id])

    # ---- other tables (the library keeps one row per document) ---------------------------

    def rows(self, name: str) -> list[dict[str, Any]]:
        """Every row of table `name` as plain dicts (none for a read-only database)."""
        return [dict(row) for row in self._search(name, lambda row: True)]

    def upsert(self, name: str, key: str, fields: dict[str, Any]) -> None:
        """Create row `key` of table `name`, or merge `fields` into it."""
        with self._writing():
            table = self._table(name)
            if table.contains(doc_id=key):
                table.update(fields, doc_ids=[key])
            else:
                table.insert(Row(fields, doc_id=key))

    # ---- plumbing ------------------------------------------------------------------------

    def _table(self, name: str) -> Table:
        """A table without a query cache: another process may have changed the file."""
        return self._db.table(name, cache_size=0)

    def _search(self, name: str, cond: Any) -> list[Row]:
        """Rows of a table matching `cond`; nothing for a database that could not be read."""
        if self._storage is None:
            return []
        with self._mutex:
            return self._table(name).search(cond)

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One read-modify-write: thread mutex, then the file lock, re-reading inside it."""
        if self.read_only:
            why = f" ({self.reason})" if self.reason else ""
            raise StoreError(f"notes database {self.path} is open read-only{why}; nothing saved")
        assert self._storage is not None  # only open_read_only has none, and it is read-only
        with self._mutex, self._storage.locked():
            self._check_schema(create=True)
            yield

    def _check_schema(self, create: bool = False) -> None:
        """Refuse files from a newer jingdu; stamp new databases with our schema version.
        (The storage already refused a version that is not a whole number as damage.)"""
        meta = self._table(META)
        row = meta.get(doc_id="schema")
        if row is None:
            if create:
                meta.insert(Row({"version": SCHEMA_VERSION}, doc_id="schema"))
            return
        version = row["version"]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"notes database {self.path} has schema {version!r}, newer than this jingdu"
                f" understands ({SCHEMA_VERSION}); upgrade jingdu to use it"
            )


def clean_tags(tags: list[str]) -> list[str]:
    """Tags without '#', surrounding space, blanks or repeats, in the order given."""
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = replace_surrogates(tag).strip().lstrip("#").strip()
        if cleaned:
            seen.setdefault(cleaned, None)
    return list(seen)


def _check_span(doc: Document, block: int, start: int, end: int) -> None:
    """Reject positions outside the document before anything is saved."""
    if not 0 <= block < len(doc.blocks):
        raise ValueError(f"block {block} is outside the document (0..{len(doc.blocks) - 1})")
    length = len(doc.blocks[block].text)
    if not 0 <= start <= end <= length:
        raise ValueError(f"span {start}..{end} is outside block {block} (length {length})")


def _still_anchored(note: Note, doc: Document) -> bool:
    """Same text, quote still at its place: no re-anchoring needed."""
    if note.doc_id != doc.doc_id or note.orphaned or not 0 <= note.block < len(doc.blocks):
        return False
    return doc.blocks[note.block].text[note.start : note.end] == note.quote


def _reading_order(notes: list[Note]) -> list[Note]:
    """Sort by position; creation time and id make the order total and stable."""
    return sorted(notes, key=lambda n: (n.block, n.start, n.end, n.created, n.id))


def _mark_in_place(mark: Bookmark, doc: Document) -> bool:
    """Same document, not orphaned, paragraph still starts with the label."""
    return mark.doc_id == doc.doc_id and not mark.orphaned and still_placed(mark, doc)


def _mark_key(mark: Bookmark) -> tuple[int, int, str, str]:
    """Reading order of bookmarks, made total by creation time and id."""
    return (mark.block, mark.offset, mark.created, mark.id)


def _norm_path(path: str) -> str:
    """An absolute, normalised path, so the same file matches from any working directory."""
    return replace_surrogates(os.path.normcase(os.path.abspath(path))) if path else ""


def _same(row: dict[str, Any], path: str) -> bool:
    """True when a stored row came from the file at `path`."""
    stored = row.get("source_path")
    return bool(path) and isinstance(stored, str) and _norm_path(stored) == path
