"""The 书签 tab: bookmarked paragraphs with their labels; Enter jumps, d deletes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.records import Bookmark
from tui.messages import DeleteBookmark, JumpTo
from tui.tabs.reading_list import ReadingList


def bookmark_prompt(bookmark: Bookmark) -> Text:
    """'¶12 label…': the paragraph number, then the first words of the paragraph."""
    if bookmark.orphaned:
        out = Text("⚠ 段落已找不到 ", style="bold red")
    else:
        out = Text(f"¶{bookmark.block + 1} ", style="bold")
    out.append(bookmark.label or "")
    return out


class BookmarksTab(Vertical):
    """The document's bookmarks in reading order."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("d", "delete", "删除")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bookmarks: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        yield Static("载入中…", classes="tab-status")
        yield ReadingList()

    def set_bookmarks(self, bookmarks: list[Bookmark]) -> None:
        """Replace the list, keeping the highlight near where it was."""
        self.bookmarks = sorted(bookmarks, key=lambda b: (b.block, b.offset))
        count = len(self.bookmarks)
        status = f"{count} 个书签（Enter 跳转）" if count else "还没有书签（b 添加）"
        self.query_one(".tab-status", Static).update(status)
        options = self.query_one(OptionList)
        keep = options.highlighted
        options.set_options(Option(bookmark_prompt(b), id=b.id) for b in self.bookmarks)
        if self.bookmarks:
            options.highlighted = min(keep or 0, count - 1)

    def _current(self) -> Bookmark | None:
        """The highlighted bookmark, if any."""
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.bookmarks):
            return None
        return self.bookmarks[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: jump to the bookmarked paragraph."""
        event.stop()
        bookmark = self._current()
        if bookmark is None:
            return
        if bookmark.orphaned:
            self.app.notify("这个书签的段落已找不到，无法跳转", severity="warning")
            return
        self.post_message(JumpTo(bookmark.block, bookmark.offset))

    def action_delete(self) -> None:
        """Ask the app to delete the highlighted bookmark."""
        bookmark = self._current()
        if bookmark is not None:
            self.post_message(DeleteBookmark(bookmark.id))
