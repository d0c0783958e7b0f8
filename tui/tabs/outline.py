"""The 目录 tab: the document's articles and headings; Enter jumps to one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from article.model import Document
from tui.messages import JumpTo
from tui.outline import Entry, outline
from tui.tabs.reading_list import ReadingList


def entry_prompt(entry: Entry) -> Text:
    """An article in bold, a heading indented under it; the page when the source is a PDF."""
    out = Text("  " * entry.level)
    out.append(entry.text, style="bold" if entry.level == 0 else "")
    if entry.page is not None:
        out.append(f"  第{entry.page}页", style="dim")
    return out


class OutlineTab(Vertical):
    """Every article and heading in reading order."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []

    def compose(self) -> ComposeResult:
        yield Static("分析中…", classes="tab-status")
        yield ReadingList()

    def set_document(self, doc: Document) -> None:
        """List the document's sections (headings are known once the reflow is done)."""
        self.entries = outline(doc)
        articles = sum(1 for e in self.entries if e.level == 0)
        headings = len(self.entries) - articles
        status = f"{articles} 篇文章 · {headings} 个小标题（Enter 跳转，J/K 篇，>/< 小标题）"
        if not doc.analysed:
            status = "分析中…"
        elif not self.entries:
            status = "没有找到标题"
        self.query_one(".tab-status", Static).update(status)
        options = self.query_one(OptionList)
        options.set_options(Option(entry_prompt(e)) for e in self.entries)
        if self.entries:
            options.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: jump to the start of that article or heading."""
        event.stop()
        if 0 <= event.option_index < len(self.entries):
            entry = self.entries[event.option_index]
            self.post_message(JumpTo(entry.block, 0, label=f"目录：{entry.text}"))
