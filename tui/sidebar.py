"""The sidebar: tabs for 目录, 数据, 实体, 笔记 and 书签 that jump into the text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget

if TYPE_CHECKING:
    from article.model import Document
    from store.records import Bookmark, Note
    from tui.tabs.legend import EntityStyles

# The tabs (DataTable, TabbedContent, OptionList and their CSS) are imported when the sidebar
# is built, after the first frame: a person sees the article first.

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
        self._built = False  # the tabs come after the first frame: the article comes first
        self._tab = "figures"
        self._doc: Document | None = None
        self._marks: tuple[list[Note], list[Bookmark]] | None = None

    def on_mount(self) -> None:
        """Build the tabs once the article is on screen."""
        self.call_after_refresh(self._build)

    async def _build(self) -> None:
        """Compose the tabs and give them what arrived meanwhile."""
        self._built = True
        await self.recompose()
        if self._doc is not None:
            self.set_document(self._doc)
        if self._marks is not None:
            self.set_marks(*self._marks)

    @property
    def built(self) -> bool:
        """Whether the tabs exist yet."""
        return self._built

    def compose(self) -> ComposeResult:
        if not self._built:
            return
        from textual.widgets import TabbedContent, TabPane

        from tui.tabs.bookmarks import BookmarksTab
        from tui.tabs.entities import EntitiesTab
        from tui.tabs.figures import FiguresTab
        from tui.tabs.notes import NotesTab
        from tui.tabs.outline import OutlineTab

        with TabbedContent(initial=self._tab):
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
        """Feed a new analysis to the 目录, 数据 and 实体 tabs (kept until they exist)."""
        self._doc = doc
        if not self._built:
            return
        from tui.tabs.entities import EntitiesTab
        from tui.tabs.figures import FiguresTab
        from tui.tabs.outline import OutlineTab

        self.query_one(OutlineTab).set_document(doc)
        self.query_one(FiguresTab).set_document(doc)
        self.query_one(EntitiesTab).set_document(doc)

    def set_marks(self, notes: list[Note], bookmarks: list[Bookmark]) -> None:
        """Feed the stored notes and bookmarks to their tabs (kept until they exist)."""
        self._marks = (notes, bookmarks)
        if not self._built:
            return
        from tui.tabs.bookmarks import BookmarksTab
        from tui.tabs.notes import NotesTab

        self.query_one(NotesTab).set_notes(notes)
        self.query_one(BookmarksTab).set_bookmarks(bookmarks)

    @property
    def active(self) -> str:
        """Id of the tab on show."""
        return self.query_one("TabbedContent").active if self._built else self._tab  # type: ignore[attr-defined]

    def show_tab(self, tab: str) -> None:
        """Bring a tab to the front without moving focus."""
        self._tab = tab
        if self._built:
            self.query_one("TabbedContent").active = tab  # type: ignore[attr-defined]

    def action_cycle(self, step: int) -> None:
        """[ and ]: the previous/next tab, focus moving along into its list."""
        order = list(TABS)
        self.show_tab(order[(order.index(self.active) + step) % len(order)])
        self.call_after_refresh(lambda: self.focus_target().focus())

    def focus_target(self) -> Widget:
        """The list of the active tab: where Tab lands when moving into the sidebar."""
        if not self._built:
            return self  # a moment after start: nothing to focus yet
        pane = self.query_one("TabbedContent").get_pane(self.active)  # type: ignore[attr-defined]
        return pane.query_one("DataTable" if self.active == "figures" else "OptionList")
