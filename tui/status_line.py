"""The status line and the header: what is going on, where the reader is, how far they have read."""

from __future__ import annotations

from itertools import accumulate
from typing import TYPE_CHECKING

from rich.text import Text
from textual.timer import Timer
from textual.widgets import Static

from article.model import Document
from article.source import safe_line
from tui.entity_place import EntityPlaces
from tui.messages import JumpTo
from tui.reader_messages import EntityReached, SearchChanged, SelectionChanged

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from tui.reader_view import ReaderView

    _Base = App[int]
else:
    _Base = object

ORDER = ("store", "analysis", "waiting", "search", "selection", "jump")
NOTE_SECONDS = 4.0  # a passing remark ('没有找到') leaves the status line after this long


class ReadingProgress:
    """Characters before each block, so 'how far' is one lookup per cursor move."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._before = [0, *accumulate(len(b.text) for b in doc.blocks)]

    def percent(self, block: int, end: int) -> int:
        """Share of the text up to `end` in `block` (the current sentence counts as read)."""
        total = self._before[-1]
        if total == 0 or not 0 <= block < len(self.doc.blocks):
            return 0
        return min(100, round(100 * (self._before[block] + end) / total))


def place_text(doc: Document, progress: ReadingProgress, block: int, end: int) -> str:
    """'第2/3篇 · 41% · ¶19/63': the article (when there are several), the share read, the ¶."""
    parts = []
    if len(doc.articles) > 1 and 0 <= block < len(doc.blocks):
        article = doc.blocks[block].article
        if article is not None:
            parts.append(f"第{article + 1}/{len(doc.articles)}篇")
    parts.append(f"{progress.percent(block, end)}%")
    parts.append(f"¶{block + 1}/{len(doc.blocks)}")
    return " · ".join(parts)


def article_title(doc: Document, block: int) -> str | None:
    """The title of the article holding `block`, else the document's."""
    if 0 <= block < len(doc.blocks):
        article = doc.blocks[block].article
        if article is not None and 0 <= article < len(doc.articles):
            title = doc.articles[article].title
            if title:
                return title
    return doc.title


class StatusMixin(_Base):
    """The JingduApp half that keeps the status line and the header title up to date."""

    document: Document
    path: Path
    selection: tuple[int, int, int] | None
    _status: dict[str, str]
    _jump_at: tuple[int, int] | None
    _places: EntityPlaces | None
    _progress: ReadingProgress | None
    _percent: int
    _expiry: dict[str, Timer]

    if TYPE_CHECKING:
        reader: ReaderView

    def set_status(self, part: str, text: str | None, *, expire: float | None = None) -> None:
        """Set or clear one part of the status line; `expire` clears it after that long."""
        old = self._expiry.pop(part, None)
        if old is not None:
            old.stop()
        if text:
            self._status[part] = text
            if expire:
                self._expiry[part] = self.set_timer(expire, lambda: self.set_status(part, None))
        else:
            self._status.pop(part, None)
        self._show_status()

    def _show_status(self) -> None:
        """Join the parts in a fixed order so the line does not jump about."""
        text = "  ·  ".join(self._status[k] for k in ORDER if self._status.get(k))
        self.query_one("#status", Static).update(Text(text))
        self.query_one("#place", Static).update(Text(self._status.get("place", "")))

    def _show_place(self, block: int, offset: int) -> None:
        """Where the reader is and how far they have read; the header names the article."""
        if self._jump_at is not None and self._jump_at != (block, offset):
            self._jump_at = None  # moved on from the entity the status line names
            self._status.pop("jump", None)
        doc = self.document
        if self._progress is None or self._progress.doc is not doc:
            self._progress = ReadingProgress(doc)
        cursor = self.reader.sentence
        end = cursor[2] if cursor[0] == block else offset
        self.title = article_title(doc, block) or safe_line(self.path.name)
        self._percent = self._progress.percent(block, end)
        self.set_status("place", place_text(doc, self._progress, block, end))

    def percent_read(self) -> int:
        """How much of the document lay before the end of the sentence last shown."""
        return self._percent

    def _show_jump(self, label: str | None) -> None:
        """Name what a jump landed on until the cursor moves elsewhere."""
        self._jump_at = self.reader.cursor if label else None
        self.set_status("jump", label)

    def on_reader_view_selection_changed(self, message: SelectionChanged) -> None:
        """Keep the selection for `a` and `y` and say how to use it."""
        self.selection = message.span
        if message.span is None:
            self.set_status("selection", None)
        else:
            _block, start, end = message.span
            self.set_status("selection", f"已选 {end - start} 字（a 批注，y 复制，Esc 取消）")

    def on_reader_view_search_changed(self, message: SearchChanged) -> None:
        """Show the hit count and the current hit; a search without hits says so briefly."""
        if not message.query:
            self.set_status("search", None)
        elif message.count == 0:
            self.set_status("search", f"“{message.query}”：没有找到", expire=NOTE_SECONDS)
        else:
            where = f"{message.index + 1}/{message.count}"
            self.set_status("search", f"“{message.query}”：{where}（n/N，Esc 清除）")

    def on_jump_to(self, message: JumpTo) -> None:
        """A sidebar row was chosen: show that place in the text, flashed."""
        if 0 <= message.block < len(self.document.blocks):
            self.reader.goto(message.block, message.start, message.end, flash=True)
            self._show_jump(message.label)

    def on_reader_view_entity_reached(self, message: EntityReached) -> None:
        """e/E: say which entity this is and which of its mentions ('人物 某某 2/3')."""
        if self._places is None or self._places.doc is not self.document:
            self._places = EntityPlaces(self.document)
        ent = self._places.at(message.block, message.start, message.end)
        self._show_jump(self._places.describe(ent) if ent else None)
