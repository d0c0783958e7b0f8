"""The library's list: two rows per document, drawn only where the screen shows them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from store.library import LibraryEntry

ROWS = 2  # title line, path line


def entry_lines(entry: LibraryEntry, current: str | None) -> tuple[Text, Text]:
    """Title, progress, counts and last opening; then the path, dimmed (missing: marked)."""
    top = Text("▶ " if entry.path == current else "  ")
    top.append(entry.title, style="bold" if entry.exists else "dim strike")
    top.append(f"  {entry.progress}%", style="bold")
    top.append(f" · {entry.notes} 笔记 · {entry.bookmarks} 书签 · {entry.opened[:10]}", style="dim")
    bottom = Text(f"    {entry.path}", style="dim")
    if not entry.exists:
        bottom.append("  （文件不存在）", style="bold red")
    return top, bottom


class LibraryList(ScrollView, can_focus=True):
    """A highlight that moves by keys or clicks; Enter chooses. Cost follows the screen, not
    the number of documents (an OptionList measures every row on each update)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"library-list--highlight"}
    DEFAULT_CSS = """
    LibraryList > .library-list--highlight { background: $primary 40%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "下一项", show=False),
        Binding("k,up", "move(-1)", "上一项", show=False),
        Binding("g,home", "jump(0)", "第一项", show=False),
        Binding("G,end", "jump(-1)", "最后一项", show=False),
        Binding("pagedown,space", "page(1)", "下一页", show=False),
        Binding("pageup", "page(-1)", "上一页", show=False),
        Binding("enter", "choose", "打开", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """Enter (or a click on the highlighted row) chose an entry."""

        index: int

    highlighted: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[LibraryEntry] = []
        self.current: str | None = None

    def set_entries(self, entries: list[LibraryEntry], current: str | None, here: int) -> None:
        """Show these entries with `here` highlighted and in view."""
        self.entries, self.current = entries, current
        self.virtual_size = Size(self.size.width, len(entries) * ROWS)
        self.highlighted = max(0, min(here, len(entries) - 1))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        """One screen row: half of an entry."""
        row = round(self.scroll_y) + y
        index, part = divmod(row, ROWS)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= index < len(self.entries):
            return Strip.blank(width, base)
        text = entry_lines(self.entries[index], self.current)[part]
        style = base
        if index == self.highlighted:
            style = base + self.get_component_rich_style("library-list--highlight")
        segments = list(text.render(self.app.console))
        strip = Strip(segments).apply_style(style).crop_extend(0, width, style)
        return strip.simplify() if segments else Strip([Segment(" " * width, style)])

    def watch_highlighted(self, old: int, new: int) -> None:
        """Repaint the two entries and keep the highlight in view."""
        for index in (old, new):
            self.refresh_lines(index * ROWS - round(self.scroll_y), ROWS)
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height or self.size.height
        first, last = new * ROWS, new * ROWS + ROWS - 1
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False)

    def action_move(self, step: int) -> None:
        """One entry down or up; the ends stay the ends."""
        if self.entries:
            self.highlighted = max(0, min(self.highlighted + step, len(self.entries) - 1))

    def action_jump(self, index: int) -> None:
        """The first or the last entry."""
        if self.entries:
            self.highlighted = index % len(self.entries)

    def action_page(self, direction: int) -> None:
        """A screenful of entries on or back."""
        height = self.scrollable_content_region.height or self.size.height
        self.action_move(direction * max(1, height // ROWS - 1))

    def action_choose(self) -> None:
        """Enter: tell the screen which entry."""
        if self.entries:
            self.post_message(self.Chosen(self.highlighted))

    def on_click(self, event: events.Click) -> None:
        """A click highlights an entry; a click on the highlighted one chooses it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (round(self.scroll_y) + offset.y) // ROWS
        if 0 <= index < len(self.entries):
            if index == self.highlighted:
                self.action_choose()
            self.highlighted = index
