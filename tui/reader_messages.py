"""What the article view tells the app: cursor, selection, search and entity jumps."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class CursorMoved(Message, namespace="reader_view"):
    """The sentence cursor moved (the app saves the reading position)."""

    block: int
    offset: int


@dataclass
class SelectionChanged(Message, namespace="reader_view"):
    """The selection changed; None when it was cancelled."""

    span: tuple[int, int, int] | None


@dataclass
class EntityReached(Message, namespace="reader_view"):
    """e/E landed on an entity mention (the app names it in the status line)."""

    block: int
    start: int
    end: int


@dataclass
class SearchChanged(Message, namespace="reader_view"):
    """Search results or the current hit changed (index -1 when there are none)."""

    query: str
    index: int
    count: int
