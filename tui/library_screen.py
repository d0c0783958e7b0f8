"""The `L` screen: every document opened before, last first; Enter opens one, Esc goes back."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from store.db import Database, StoreError
from store.library import LibraryEntry, library
from tui.library_list import LibraryList


class LibraryScreen(ModalScreen[str | None]):
    """Lists the library; returns the path chosen, or None."""

    DEFAULT_CSS = """
        /* Opaque: a see-through background re-renders the whole reader under it (~100 ms). */
        LibraryScreen {
            align: center middle;
            background: $background;
        }

        #library-box {
            width: 90%;
            max-width: 120;
            height: 90%;
            border: round $primary;
            background: $surface;
            padding: 0 1;
        }

        #library-title {
            color: $primary;
        }

        #library-status, #library-hint {
            color: $text-muted;
        }

        #library-list {
            height: 1fr;
            border: none;
        }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,L", "close", "关闭"),
    ]

    def __init__(self, db: Database | None, current: str | None) -> None:
        super().__init__()
        self.db = db
        self.current = current
        self.entries: list[LibraryEntry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="library-box"):
            yield Static(Text("书库 · 打开过的文档", style="bold"), id="library-title")
            yield Static("载入中…", id="library-status")
            yield LibraryList(id="library-list")
            yield Static("Enter 打开 · j/k 移动 · Esc 关闭", id="library-hint")

    def on_mount(self) -> None:
        """Read the library here: ~15 ms for a thousand documents, less than a worker's wait
        for the GIL while the analysis runs."""
        if self.db is None:
            self.query_one("#library-status", Static).update("数据库尚未打开，请稍候再试")
            return
        try:
            entries = library(self.db)
        except (StoreError, OSError) as err:
            self._show_problem(str(err))
            return
        self.show(entries)

    def _show_problem(self, problem: str) -> None:
        """The library could not be read."""
        self.query_one("#library-status", Static).update(Text(f"无法读取书库：{problem}"))

    def show(self, entries: list[LibraryEntry]) -> None:
        """Fill the list; the open document highlighted."""
        self.entries = entries
        missing = sum(not e.exists for e in entries)
        status = f"{len(entries)} 篇文档" + (f"，{missing} 篇的文件已不存在" if missing else "")
        self.query_one("#library-status", Static).update(status if entries else "书库是空的")
        listed = self.query_one(LibraryList)
        here = next((i for i, e in enumerate(entries) if e.path == self.current), 0)
        listed.set_entries(entries, self.current, here)
        self.set_focus(listed)

    def on_library_list_chosen(self, event: LibraryList.Chosen) -> None:
        """Enter: open that document, unless its file is gone (then say so and stay)."""
        event.stop()
        entry = self.entries[event.index]
        if not entry.exists:
            self.app.notify(f"文件不存在：{entry.path}", severity="warning", markup=False)
            return
        self.dismiss(entry.path)

    def action_close(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
