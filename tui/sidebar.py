"""The sidebar: tabs for 目录, 数据, 实体, 笔记 and 书签 that jump into the text."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, TabbedContent, TabPane

from article.model import Document
from store.records import Bookmark, Note
from tui.tabs.bookmarks import BookmarksTab
from tui.tabs.entities import EntitiesTab
from tui.tabs.figures import FiguresTab
from tui.tabs.legend import EntityStyles
from tui.tabs.notes import NotesTab
from tui.tabs.outline import OutlineTab

TABS = {
    "outline": "目录",
    "figures": "数据",
    "entities": "实体",
    "notes": "笔记",
    "bookmarks": "书签",
}


class Sidebar(Vertical, can_focus=False):
    """Tabbed panes that list what the article holds; never takes focus by itself."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "cycle(-1)", "上一栏", show=False),
        Binding("right_square_bracket", "cycle(1)", "下一栏", show=False),
    ]

    def __init__(self, styles: Callable[[], EntityStyles], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._styles = styles

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="figures"):
            with TabPane(TABS["outline"], id="outline"):
                yield OutlineTab()
            with TabPane(TABS["figures"], id="figures"):
                yield FiguresTab()
            with TabPane(TABS["entities"], id="entities"):
                yield EntitiesTab(self._styles)
            with TabPane(TABS["notes"], id="notes"):
                yield NotesTab()
            with TabPane(TABS["bookmarks"], id="bookmarks"):
                yield BookmarksTab()

    def set_document(self, doc: Document) -> None:
        """Feed a new analysis to the 目录, 数据 and 实体 tabs."""
        self.query_one(OutlineTab).set_document(doc)
        self.query_one(FiguresTab).set_document(doc)
        self.query_one(EntitiesTab).set_document(doc)

    def set_marks(self, notes: list[Note], bookmarks: list[Bookmark]) -> None:
        """Feed the stored notes and bookmarks to their tabs."""
        self.query_one(NotesTab).set_notes(notes)
        self.query_one(BookmarksTab).set_bookmarks(bookmarks)

    @property
    def active(self) -> str:
        """Id of the tab on show."""
        return self.query_one(TabbedContent).active

    def show_tab(self, tab: str) -> None:
        """Bring a tab to the front without moving focus."""
        self.query_one(TabbedContent).active = tab

    def action_cycle(self, step: int) -> None:
        """[ and ]: the previous/next tab, focus moving along into its list."""
        order = list(TABS)
        self.show_tab(order[(order.index(self.active) + step) % len(order)])
        self.call_after_refresh(lambda: self.focus_target().focus())

    def focus_target(self) -> Widget:
        """The list of the active tab: where Tab lands when moving into the sidebar."""
        pane = self.query_one(TabbedContent).get_pane(self.active)
        return (
            pane.query(DataTable).first()
            if self.active == "figures"
            else pane.query_one(OptionList)
        )
