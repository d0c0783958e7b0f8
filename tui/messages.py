"""Messages the sidebar, modals and workers post up to the app, so widgets never reach across."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from article.model import Document
    from store.db import Database
    from store.records import Bookmark, Note, Position


@dataclass
class JumpTo(Message):
    """Move the reader to a span and flash it (a sidebar row was chosen)."""

    block: int
    start: int
    end: int | None = None
    label: str | None = None  # what was jumped to, for the status line ('人物 某某 2/3')


@dataclass
class DocumentReady(Message):
    """A (better) analysis of the open file is ready to be shown."""

    document: Document


@dataclass
class AnalysisProgress(Message):
    """A stage of the background analysis finished ('分析中… 实体 50%')."""

    text: str


@dataclass
class AnalysisFailed(Message):
    """The background analysis raised; the reader keeps the quick document."""

    error: str


@dataclass
class StoreOpened(Message):
    """The notes database was opened (possibly read-only) and the reading position read."""

    database: Database
    position: Position | None  # in the quick document's blocks
    problem: str | None = None


@dataclass
class MarksLoaded(Message):
    """Fresh notes and bookmarks of the document, after a change was saved."""

    notes: list[Note]
    bookmarks: list[Bookmark]
    status: str | None = None
    problem: str | None = None  # they could not be read: the database goes read-only


@dataclass
class StoreFailed(Message):
    """A save failed; the message names what was lost from disk (not from the screen)."""

    error: str
    draft: NoteDraft | None = None


@dataclass
class NoteDraft:
    """What the note editor returns: the text being written, kept whole until it is saved."""

    block: int
    start: int
    end: int
    quote: str
    text: str
    tags: list[str]
    note_id: str | None = None  # set when editing an existing note


@dataclass
class EditNote(Message):
    """The 笔记 tab asks to edit a note."""

    note_id: str


@dataclass
class DeleteNote(Message):
    """The 笔记 tab asks to delete a note (the app confirms first)."""

    note_id: str


@dataclass
class DeleteBookmark(Message):
    """The 书签 tab asks to delete a bookmark."""

    bookmark_id: str
