"""Notes, bookmarks, reading position and export: every disk write of the reader, in workers."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from textual import work
from textual.timer import Timer

from article.model import Document
from article.source import safe_line
from tui.guards import while_reading
from tui.messages import (
    DeleteBookmark,
    DeleteNote,
    EditNote,
    MarksLoaded,
    NoteDraft,
    StoreFailed,
    StoreOpened,
)
from tui.pending import PendingMixin
from tui.reader_view import ReaderView
from tui.relocate import relocate

if TYPE_CHECKING:
    from textual.app import App

    from store.db import Database
    from store.records import Bookmark, Note
    from tui.sidebar import Sidebar

    _Base = App[int]
else:
    _Base = object

# The store, the editor and the confirmation are imported where they are first used: the first
# frame needs none of them (tinydb, filelock and TextArea cost start-up time).

POSITION_DELAY = 0.8  # seconds of stillness before the reading position is written
QUIT_SAVE_LIMIT = 2.0  # seconds quitting waits for the last position (a stuck disk, a lock)


class Place(NamedTuple):
    """A reading position to save (quick-document coordinates) and what the library shows."""

    block: int
    offset: int
    percent: int
    title: str


class AnnotationsMixin(PendingMixin, _Base):
    """The JingduApp half that talks to the store: nothing here blocks the UI on disk I/O."""

    document: Document
    quick: Document
    db: Database | None
    db_path: Path
    path: Path
    notes: list[Note]
    bookmarks: list[Bookmark]
    _db_lock: threading.Lock
    _position_timer: Timer | None
    _pending_position: tuple[Document, int, int] | None
    _restoring: bool
    _moved: bool
    _marks_ready: bool

    if TYPE_CHECKING:
        reader: ReaderView
        sidebar: Sidebar

        def set_status(self, part: str, text: str | None) -> None: ...

        def _show_place(self, block: int, offset: int) -> None: ...

        def percent_read(self) -> int: ...

    # ---- store ------------------------------------------------------------------------
    # Reading positions are kept in the coordinates of the quick document (blocks as printed,
    # no analysis), so the place is restored on the first screen and saved even when the
    # reader quits before the analysis is done; notes and bookmarks wait for the final text.

    @work(thread=True, exclusive=True, group="store-open")
    def open_store(self) -> None:
        """Open the database (read-only if it is damaged or may not be written) and read where
        the reader left off. Whatever the store raises, the worker reports it and lives on."""
        from store.db import Database
        from store.library import remember_opened

        try:
            db = Database(self.db_path)
        except Exception as err:  # CorruptDatabase among them: never written to
            db = Database.open_read_only(self.db_path, str(err))
        try:
            with self._db_lock:
                position = db.position(self.quick.doc_id)
                if not db.read_only:
                    title = self.quick.title or self.path.name
                    remember_opened(db, self.path, title, self.quick.doc_id)
        except Exception as err:
            db, position = Database.open_read_only(self.db_path, str(err)), None
        self.post_message(StoreOpened(db, position, db.reason if db.read_only else None))

    @while_reading
    def on_store_opened(self, message: StoreOpened) -> None:
        """Restore the reading position, warn loudly about a read-only db, then load marks."""
        self.db = message.database
        if message.problem or self.db.read_only:
            self._say_read_only(message.problem)
        pos = message.position
        if pos and not self._moved and 0 <= pos.block < len(self.quick.blocks):
            before = self.reader.cursor
            self.reader.goto(*self._from_quick(pos.block, pos.offset), flash=False)
            self._restoring = self.reader.cursor != before  # its CursorMoved is no user move
        self._load_marks_when_ready()

    def _say_read_only(self, problem: str | None) -> None:
        """The status line and a long notification: nothing will be saved, and why."""
        self.set_status("store", "只读：笔记和书签不会保存")
        self.notify(
            f"{safe_line(problem or self.db_path)}\n数据库以只读方式打开：笔记和书签不会保存。",
            title="数据库无法使用",
            severity="error",
            timeout=30,
            markup=False,
        )

    def _from_quick(self, block: int, offset: int) -> tuple[int, int]:
        """A place in the quick document, in the document on screen."""
        if self.document is self.quick:
            return block, offset
        return relocate(self.quick, self.document, block, offset)

    def _to_quick(self, doc: Document, block: int, offset: int) -> tuple[int, int]:
        """A place in `doc`, in the quick document (where positions are stored)."""
        if doc is self.quick:
            return block, offset
        return relocate(doc, self.quick, block, offset)

    def _load_marks_when_ready(self) -> None:
        """Notes and bookmarks are anchored in the final text: load them once both are here."""
        if self.db is not None and self.document.analysed and not self._marks_ready:
            self._load_marks(self.db, self.document)

    @work(thread=True, exclusive=True, group="store-marks")
    def _load_marks(self, db: Database, doc: Document) -> None:
        """This document's notes (re-anchored) and bookmarks, read off the UI thread."""
        try:
            with self._db_lock:
                notes = db.notes_for_document(doc)
                bookmarks = db.bookmarks_for_document(doc)
        except Exception as err:  # a worker must not die on what the store raises
            self.post_message(MarksLoaded([], [], problem=str(err)))
            return
        self.post_message(MarksLoaded(notes, bookmarks))

    def _apply_marks(self, notes: list[Note], bookmarks: list[Bookmark]) -> None:
        """Draw notes and bookmarks in the text and list them in the sidebar."""
        self.notes, self.bookmarks = notes, bookmarks
        spans = [(n.block, n.start, n.end) for n in notes if not n.orphaned]
        self.reader.set_marks(spans, [b.block for b in bookmarks if not b.orphaned])
        self.sidebar.set_marks(notes, bookmarks)

    @while_reading
    def on_marks_loaded(self, message: MarksLoaded) -> None:
        """Marks were read (or a write landed): redraw them and the lists from the disk."""
        from store.db import Database

        self._marks_ready = True
        if message.problem is not None:
            self.db = Database.open_read_only(self.db_path, message.problem)
            self._say_read_only(message.problem)
        self._apply_marks(message.notes, message.bookmarks)
        if message.status:
            self.notify(message.status, markup=False, timeout=3)
        if self._pending:
            self._run_pending()

    @while_reading
    def on_store_failed(self, message: StoreFailed) -> None:
        """A write failed: say so, and put an unsaved note back in front of the user."""
        error = safe_line(message.error)
        self.notify(error, title="保存失败", severity="error", timeout=15, markup=False)
        if message.draft is not None:
            self._edit(message.draft, problem=f"保存失败：{error}")

    def _writable(self) -> Database | None:
        """The database if it can take writes; otherwise say why not."""
        if self.db is None or not self._marks_ready:
            self.notify("分析完成后才能保存笔记和书签，请稍候…", severity="warning", timeout=3)
            return None
        if self.db.read_only:
            self.notify(
                f"数据库只读（{safe_line(self.db_path)}）：笔记和书签无法保存",
                severity="error",
                markup=False,
            )
            return None
        return self.db

    def _store_call(
        self, change: Callable[[Database], str | None], draft: NoteDraft | None
    ) -> None:
        """Run one write in a worker, then reload the marks (or report the failure)."""
        db = self._writable()
        if db is not None:
            self._store_worker(db, self.document, change, draft)

    @work(thread=True, group="store")
    def _store_worker(
        self,
        db: Database,
        doc: Document,
        change: Callable[[Database], str | None],
        draft: NoteDraft | None,
    ) -> None:
        """The write, then fresh marks; never raises into the UI."""
        try:
            with self._db_lock:
                status = change(db)
                notes = db.notes_for_document(doc)
                bookmarks = db.bookmarks_for_document(doc)
        except Exception as err:  # a worker must not die on what the store raises
            self.post_message(StoreFailed(str(err), draft))
            return
        self.post_message(MarksLoaded(notes, bookmarks, status))

    # ---- reading position ---------------------------------------------------------------

    def on_reader_view_cursor_moved(self, message: ReaderView.CursorMoved) -> None:
        """Remember where the reader is, written after a short pause (debounced)."""
        if self._restoring:
            self._restoring = False
        else:
            self._moved = True
        self._pending_position = (self.document, message.block, message.offset)
        self._show_place(message.block, message.offset)
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_DELAY, self._flush_position)

    def _flush_position(self) -> None:
        """Write the pending position in a worker."""
        if self._pending_position is None or self.db is None or self.db.read_only:
            return
        doc, block, offset = self._pending_position
        self._pending_position = None
        place = Place(*self._to_quick(doc, block, offset), self.percent_read(), self.title)
        self._save_position(self.db, self.quick.doc_id, place)

    @work(thread=True, group="position")
    def _save_position(self, db: Database, doc_id: str, place: Place) -> None:
        """One small write, and the library's copy; a failure only costs the resume point."""
        from store.library import LIBRARY, library_key, remember_place

        try:
            with self._db_lock:
                db.save_position(doc_id, place.block, place.offset)
                remember_place(db, self.path, place.block, place.offset, place.percent)
                db.upsert(LIBRARY, library_key(self.path), {"title": place.title})
        except Exception as err:  # a worker must not die on what the store raises
            self.post_message(StoreFailed(f"阅读位置未保存：{err}"))

    def _save_position_now(self) -> None:
        """On quit (analysis finished or not): write the last position before the app goes,
        in a thread the UI waits for at most QUIT_SAVE_LIMIT: quitting never hangs on I/O."""
        if self._pending_position is None or (self.db is not None and self.db.read_only):
            return
        doc, block, offset = self._pending_position
        self._pending_position = None
        where = self._to_quick(doc, block, offset)
        args = (self.db, where, self.percent_read())
        saver = threading.Thread(target=self._quit_save, args=args, daemon=True)
        saver.start()
        saver.join(QUIT_SAVE_LIMIT)

    def _quit_save(self, db: Database | None, where: tuple[int, int], percent: int) -> None:
        """The last position write (and the library's copy), with a lock wait of its own."""
        from store.db import Database
        from store.library import remember_place

        with contextlib.suppress(Exception):  # quitting: nobody is left to tell of a failure
            db = db or Database(self.db_path)  # quit before the store had even opened
            if not db.read_only and self._db_lock.acquire(timeout=QUIT_SAVE_LIMIT):
                try:
                    db.save_position(self.quick.doc_id, *where)
                    remember_place(db, self.path, *where, percent)
                finally:
                    self._db_lock.release()

    # ---- actions: notes and bookmarks ---------------------------------------------------

    def _too_early(self) -> bool:
        """True while notes cannot be saved yet only because the text or store is on its way."""
        return (self.db is None or not self._marks_ready) and not (self.db and self.db.read_only)

    def action_annotate(self) -> None:
        """Annotate the selection, or the current sentence if nothing is selected."""
        block, start, end = self.reader.current_span()
        if self._too_early():
            self._wait_with("annotate", self.document, block, start, end)
            return
        if self._writable() is not None:
            self._annotate_span(block, start, end)

    def _annotate_span(self, block: int, start: int, end: int) -> None:
        """Open the editor on a span of the document on screen."""
        text = self.document.blocks[block].text
        draft = NoteDraft(block, start, end, text[start:end], "", [])
        self._edit(draft)

    def _draft_done(self, draft: NoteDraft | None) -> None:
        """The editor closed: save the note in a worker (nothing to do when cancelled)."""
        if draft is None:
            return
        if self.reader.selection is not None:
            self.reader.action_cancel_selection()
        doc = self.document
        if draft.note_id is None:

            def change(db: Database) -> str:
                db.new_note(doc, draft.block, draft.start, draft.end, draft.text, draft.tags)
                return "笔记已保存"

        else:
            note_id = draft.note_id

            def change(db: Database) -> str:
                db.update_note(note_id, text=draft.text, tags=draft.tags)
                return "笔记已更新"

        self._store_call(change, draft)

    def on_edit_note(self, message: EditNote) -> None:
        """Open the editor on a stored note."""
        note = self._note(message.note_id)
        if note is None or self._writable() is None:
            return
        draft = NoteDraft(
            note.block, note.start, note.end, note.quote, note.text, list(note.tags), note.id
        )
        self._edit(draft)

    def on_delete_note(self, message: DeleteNote) -> None:
        """Delete a note, but only after the user confirms."""
        note = self._note(message.note_id)
        if note is None or self._writable() is None:
            return
        quote = note.quote if len(note.quote) <= 30 else note.quote[:30] + "…"

        def answered(yes: bool | None) -> None:
            if yes:
                self._store_call(lambda db: _deleted(db.delete_note, note.id, "笔记已删除"), None)

        self._confirm("删除这条笔记？", quote, answered)

    def on_delete_bookmark(self, message: DeleteBookmark) -> None:
        """Delete a bookmark after the user confirms, as `d` does for a note."""
        bookmark = next((b for b in self.bookmarks if b.id == message.bookmark_id), None)
        if bookmark is None or self._writable() is None:
            return
        bookmark_id = bookmark.id

        def answered(yes: bool | None) -> None:
            if yes:
                delete = db_delete_bookmark(bookmark_id)
                self._store_call(delete, None)

        where = f"¶{bookmark.block + 1} {bookmark.label}"
        self._confirm("删除这个书签？", where, answered)

    def _edit(self, draft: NoteDraft, *, problem: str | None = None) -> None:
        """Open the note editor on a draft; saving it stores the note."""
        from tui.note_editor import NoteEditor

        self.push_screen(NoteEditor(draft, problem=problem), self._draft_done)

    def _confirm(self, question: str, quote: str, answered: Callable[[bool | None], None]) -> None:
        """Ask before deleting what the user made."""
        from tui.confirm import ConfirmScreen

        self.push_screen(ConfirmScreen(question, quote), answered)

    def _note(self, note_id: str) -> Note | None:
        """A loaded note by id."""
        return next((n for n in self.notes if n.id == note_id), None)

    def action_bookmark(self) -> None:
        """Toggle a bookmark on the paragraph under the cursor."""
        block, offset = self.reader.cursor
        if self._too_early():
            self._wait_with("bookmark", self.document, block, offset, offset)
            return
        self._bookmark_at(block, offset)

    def _bookmark_at(self, block: int, offset: int) -> None:
        """Toggle the bookmark of a paragraph of the document on screen."""
        doc = self.document

        def change(db: Database) -> str:
            added = db.toggle_bookmark(doc, block, offset)
            return f"已加书签：¶{block + 1}" if added else f"已取消书签：¶{block + 1}"

        self._store_call(change, None)

    def action_bookmark_list(self) -> None:
        """Open the 书签 tab and move into it."""
        self.action_show_tab("bookmarks")

    def action_export(self) -> None:
        """Write this document's notes and bookmarks as Markdown into the current directory."""
        if self.db is None or self.db.read_only or not self._marks_ready:
            why = "数据库只读" if self.db is not None and self.db.read_only else "分析尚未完成"
            self.notify(f"{why}：导出的文件不含笔记和书签", severity="warning", timeout=5)
        self._export(self.document, list(self.notes), list(self.bookmarks), Path.cwd())

    @work(thread=True, group="export")
    def _export(
        self, doc: Document, notes: list[Note], bookmarks: list[Bookmark], folder: Path
    ) -> None:
        """Render and write the Markdown off the UI thread, then say where it went."""
        from store.export import default_export_name, export_markdown

        target = folder / default_export_name(doc)
        try:
            target.write_text(export_markdown(doc, notes, bookmarks), encoding="utf-8")
        except Exception as err:  # a worker must not die, whatever went wrong
            why = err.strerror if isinstance(err, OSError) and err.strerror else err
            self.post_message(StoreFailed(f"{target}: 无法写入（{why}）"))
            return
        message = f"已导出 {len(notes)} 条笔记、{len(bookmarks)} 个书签到\n{safe_line(target)}"
        self.call_from_thread(self.notify, message, title="导出", markup=False, timeout=10)


def db_delete_bookmark(bookmark_id: str) -> Callable[[Database], str]:
    """The store change that deletes one bookmark."""
    return lambda db: _deleted(db.delete_bookmark, bookmark_id, "书签已删除")


def _deleted(delete: Callable[[str], None], item_id: str, status: str) -> str:
    """Run a delete and return the line to show."""
    delete(item_id)
    return status
