"""Plain records stored in the database, with dict round-trips that tolerate older files."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

CONTEXT_CHARS = 32  # characters of context kept on each side of a quote


def new_id() -> str:
    """A short random id, safe in Markdown block ids (`^note-<id>`) and file names."""
    return uuid.uuid4().hex[:12]


def now_iso() -> str:
    """The local time with its UTC offset, so dates read naturally and still sort globally."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(slots=True)
class Note:
    """A user's note on a quoted span, with enough context to find the span again."""

    id: str
    doc_id: str
    source_path: str
    quote: str
    prefix: str
    suffix: str
    block: int
    start: int
    end: int
    text: str
    tags: list[str] = field(default_factory=list)
    created: str = ""
    updated: str = ""
    orphaned: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; lists are copied so the record and the dict never share state."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Note:
        """Rebuild a note; optional fields missing from older files get their defaults."""
        return cls(
            id=str(data["id"]),
            doc_id=str(data["doc_id"]),
            source_path=str(data.get("source_path", "")),
            quote=str(data.get("quote", "")),
            prefix=str(data.get("prefix", "")),
            suffix=str(data.get("suffix", "")),
            block=int(data.get("block", 0)),
            start=int(data.get("start", 0)),
            end=int(data.get("end", 0)),
            text=str(data.get("text", "")),
            tags=[str(t) for t in data.get("tags", [])],
            created=str(data.get("created", "")),
            updated=str(data.get("updated", data.get("created", ""))),
            orphaned=bool(data.get("orphaned", False)),
        )


@dataclass(slots=True)
class Bookmark:
    """A marked paragraph; the label lets a list of bookmarks be read without the text."""

    id: str
    doc_id: str
    source_path: str
    block: int
    offset: int
    label: str
    created: str
    orphaned: bool = False  # its paragraph was not found in the current text

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bookmark:
        """Rebuild a bookmark; missing optional fields get harmless defaults."""
        return cls(
            id=str(data["id"]),
            doc_id=str(data["doc_id"]),
            source_path=str(data.get("source_path", "")),
            block=int(data.get("block", 0)),
            offset=int(data.get("offset", 0)),
            label=str(data.get("label", "")),
            created=str(data.get("created", "")),
            orphaned=bool(data.get("orphaned", False)),
        )


@dataclass(slots=True)
class Position:
    """Where the reader left a document, so reopening it resumes there."""

    doc_id: str
    block: int
    offset: int
    updated: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Position:
        """Rebuild a position."""
        return cls(
            doc_id=str(data["doc_id"]),
            block=int(data.get("block", 0)),
            offset=int(data.get("offset", 0)),
            updated=str(data.get("updated", "")),
        )
