"""The 笔记 tab: notes in reading order, quote then note; Enter jumps, e edits, d deletes."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.records import Note
from tui.messages import DeleteNote, EditNote, JumpTo
from tui.quote import QuoteBlock
from tui.tabs.reading_list import ReadingList

_QUOTE_CHARS = 60


def note_prompt(note: Note, quote_style: Style | str = "", bar_style: Style | str = "") -> Group:
    """A note as a block: its place, the quote (a bar on its left, clipped), the note, its tags."""
    quote = note.quote if len(note.quote) <= _QUOTE_CHARS else note.quote[:_QUOTE_CHARS] + "…"
    if note.orphaned:
        place = Text("⚠ 原文已找不到", style="bold red")
    else:
        place = Text(f"¶{note.block + 1}", style="dim")
    parts: list[RenderableType] = [
        place,
        QuoteBlock(quote, style=quote_style, bar_style=bar_style),
        Text(note.text or "（无内容）"),
    ]
    if note.tags:
        parts.append(Text(" ".join(f"#{tag}" for tag in note.tags), style="bold"))
    return Group(*parts)


class NotesTab(Vertical):
    """Every note of the document; orphaned ones stay listed and marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"notes-tab--quote", "notes-tab--quote-bar"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "编辑"),
        Binding("d", "delete", "删除"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: list[Note] = []

    def compose(self) -> ComposeResult:
        yield Static("载入中…", classes="tab-status")
        yield ReadingList()

    def set_notes(self, notes: list[Note]) -> None:
        """Replace the list, keeping the highlight on the same row where possible."""
        self.notes = sorted(notes, key=lambda n: (n.orphaned, n.block, n.start))
        status = f"{len(notes)} 条笔记（Enter 跳转）"
        if not notes:
            status = "还没有笔记（a 添加）"
        self.query_one(".tab-status", Static).update(status)
        options = self.query_one(OptionList)
        keep = options.highlighted
        rows: list[Option | None] = []
        quote, bar = self._ink("notes-tab--quote"), self._ink("notes-tab--quote-bar")
        for note in self.notes:
            if rows:
                rows.append(None)  # a rule between notes: they run to several lines
            rows.append(Option(note_prompt(note, quote, bar), id=note.id))
        options.set_options(rows)
        if self.notes:
            options.highlighted = min(keep or 0, options.option_count - 1)

    def _ink(self, component: str) -> Style:
        """A component's colour and text style without its background, so the highlighted
        row's background shows through the quote as through the rest of the note."""
        full = self.get_component_rich_style(component)
        return Style(color=full.color, bold=full.bold, italic=full.italic, dim=full.dim)

    def _current(self) -> Note | None:
        """The highlighted note, if any."""
        option = self.query_one(OptionList).highlighted_option
        if option is None:
            return None
        return next((n for n in self.notes if n.id == option.id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: jump to the note's span (orphaned notes have no place to go)."""
        event.stop()
        note = self._current()
        if note is None:
            return
        if note.orphaned:
            self.app.notify("这条笔记的原文已找不到（已失锚），无法跳转", severity="warning")
            return
        self.post_message(JumpTo(note.block, note.start, note.end))

    def action_edit(self) -> None:
        """Ask the app to open the editor on the highlighted note."""
        note = self._current()
        if note is not None:  # straight to the app: the keys typed after e wait for it
            self.app.post_message(EditNote(note.id))

    def action_delete(self) -> None:
        """Ask the app to delete the highlighted note (it confirms first)."""
        note = self._current()
        if note is not None:
            self.post_message(DeleteNote(note.id))
