"""The jingdu reader app: the article view, a sidebar of tabs, notes and bookmarks in a worker."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from article.analyze import open_first, open_text, quick_document
from article.model import Document, LoadedText
from article.source import safe_line
from store.db import Database
from store.records import Bookmark, Note
from tui.analysis_process import AnalysisProcess
from tui.annotations import AnnotationsMixin
from tui.commands import JingduCommands
from tui.entity_place import EntityPlaces
from tui.guards import while_reading
from tui.help_screen import HelpScreen, KeyGroup, action_rows
from tui.messages import (
    AnalysisFailed,
    AnalysisProgress,
    DocumentReady,
    JumpTo,
)
from tui.reader_view import ReaderView
from tui.sidebar import Sidebar
from tui.tabs.bookmarks import BookmarksTab
from tui.tabs.figures import FiguresTab
from tui.tabs.legend import EntityStyles
from tui.tabs.notes import NotesTab
from tui.theme import ENTITY_STYLES

MEASURE_STEP = 2
MEASURE_RANGE = (16, 80)
WIDE_SCREEN = 110  # columns from which the sidebar opens by itself
NARROW_SCREEN = 90  # below this the sidebar closes itself, unless it is being used
SIDEBAR_WIDTH = (50, 80)  # the sidebar takes what the text column leaves, within these
COMPACT_FOOTER = 100  # below this the footer drops its padding so every hint still fits
READER_CHROME = 6  # the reader's margins and scrollbar around its text column

Progress = Callable[[str, float], None]
Analyzer = Callable[[LoadedText, Progress], Document]


class JingduApp(AnnotationsMixin, App[int]):
    """Reads one article; analysis (in a child process) and disk writes never block the UI."""

    CSS_PATH = "jingdu.tcss"
    COMMANDS: ClassVar = {JingduCommands}
    ENABLE_COMMAND_PALETTE = True
    CURSOR_BLINK: ClassVar[bool] = True  # snapshot tests switch it off for stable screenshots
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "toggle_focus", "文章⇄侧栏", priority=True, show=False),
        Binding("slash", "search", "搜索"),
        Binding("a", "annotate", "批注"),
        Binding("b", "bookmark", "书签"),
        Binding("B", "bookmark_list", "书签列表", key_display="B", show=False),
        Binding("x", "export", "导出"),
        Binding("t,f2", "toggle_sidebar", "侧栏"),
        Binding("c", "toggle_highlight", "实体着色", show=False),
        Binding("plus,equals_sign", "measure(1)", "加宽", show=False),
        Binding("minus", "measure(-1)", "收窄", show=False),
        Binding("i", "toggle_indent", "首行缩进", show=False),
        Binding("question_mark,f1", "help", "帮助"),
        Binding("q", "quit_reader", "退出"),
        # Textual's own palette binding says "palette"; ours says it in the footer's language.
        Binding("ctrl+p", "command_palette", "命令面板", show=False, priority=True),
    ]

    def __init__(
        self,
        path: Path,
        db_path: Path,
        *,
        loaded: LoadedText | None = None,
        analyzer: Analyzer | None = None,
    ) -> None:
        super().__init__()
        self._analysis = AnalysisProcess()
        self.analyzer: Analyzer = analyzer or self._analysis.run
        self.path = Path(path)
        self.db_path = Path(db_path)
        self.loaded = loaded if loaded is not None else open_text(self.path)
        self.quick: Document = quick_document(self.loaded)  # reading positions refer to it
        gc.freeze()  # the document lives as long as the app: keep it out of every collection
        self.document: Document = self.quick
        self.db: Database | None = None
        self.notes: list[Note] = []
        self.bookmarks: list[Bookmark] = []
        self.selection: tuple[int, int, int] | None = None
        self._db_lock = threading.Lock()
        self._position_timer: Timer | None = None
        self._pending_position: tuple[int, int] | None = None
        self._restoring = False
        self._moved = False
        self._marks_ready = False
        self._auto_hidden = False  # the sidebar was closed for a narrow screen, not by the user
        self._status: dict[str, str] = {"analysis": "分析中…"}
        self._jump_at: tuple[int, int] | None = None  # cursor where the 'jump' status applies
        self._places: EntityPlaces | None = None
        self.title = self.document.title or safe_line(self.path.name)
        # A full path would push the title off a narrow header; the name is cleaned like the
        # text, so escape sequences in a file name never reach the terminal.
        self.sub_title = safe_line(self.path.name)

    # ---- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield ReaderView(self.document, id="reader")
            yield Sidebar(self.entity_styles, id="sidebar")
        search = Input(placeholder="搜索（Enter 确定，Esc 取消）", id="search")
        search.cursor_blink = self.CURSOR_BLINK
        yield search
        with Horizontal(id="status-bar"):
            yield Static("", id="status", markup=False)
            yield Static("", id="place", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Reading starts at once on the quick document; the full analysis follows."""
        self.reader.focus()
        self.sidebar.display = self.size.width >= WIDE_SCREEN
        self._auto_hidden = not self.sidebar.display
        self._fit_sidebar()
        self.query_one(Footer).compact = self.size.width < COMPACT_FOOTER
        self.sidebar.set_document(self.document)
        self._show_place(*self.reader.cursor)
        self.open_store()
        # After the first frame: a cached analysis is parsed in-process and would delay it.
        self.call_after_refresh(self.run_analysis)

    def on_unmount(self) -> None:
        """However the app ends (q, ctrl+q, the palette), keep the place and stop the analysis."""
        self._save_position_now()
        self._analysis.stop()

    def on_resize(self, event: events.Resize) -> None:
        """Narrow: give the article the room back; wide again: bring back what was put away."""
        sidebar, width = self.sidebar, event.size.width
        if width < NARROW_SCREEN and sidebar.display and not self._in_sidebar():
            sidebar.display = False
            self._auto_hidden = True
        elif width >= WIDE_SCREEN and self._auto_hidden and not sidebar.display:
            sidebar.display = True
            self._auto_hidden = False
        self._fit_sidebar(width)
        self.query_one(Footer).compact = width < COMPACT_FOOTER

    def _fit_sidebar(self, screen: int | None = None) -> None:
        """The text column keeps its measure; the sidebar gets the rest, within bounds."""
        screen = self.size.width if screen is None else screen
        low, high = SIDEBAR_WIDTH
        low = max(30, min(low, screen // 2 - 4))  # a narrow screen opened the sidebar by hand
        spare = screen - (self.reader.measure * 2 + READER_CHROME)
        self.sidebar.styles.width = max(low, min(high, spare))

    def _in_sidebar(self) -> bool:
        """True when the focus is somewhere in the sidebar."""
        return self.focused is not None and self.sidebar in self.focused.ancestors_with_self

    @property
    def reader(self) -> ReaderView:
        """The article view."""
        return self.query_one("#reader", ReaderView)

    @property
    def sidebar(self) -> Sidebar:
        """The tabbed sidebar."""
        return self.query_one("#sidebar", Sidebar)

    def entity_styles(self) -> EntityStyles:
        """Each entity type's highlight style, as the reader draws it (follows the theme)."""
        styles: EntityStyles = {}
        for style in ENTITY_STYLES:
            try:
                styles[style.type] = self.reader.get_component_rich_style(style.component)
            except KeyError:  # a reader without that component class: plain bold
                styles[style.type] = Style(bold=True)
        return styles

    # ---- status line --------------------------------------------------------------------

    def set_status(self, part: str, text: str | None) -> None:
        """Set or clear one part of the status line (analysis, search, store, selection)."""
        if text:
            self._status[part] = text
        else:
            self._status.pop(part, None)
        self._show_status()

    def _show_status(self) -> None:
        """Join the parts in a fixed order so the line does not jump about."""
        order = ("store", "analysis", "search", "selection", "jump")
        text = "  ·  ".join(self._status[k] for k in order if self._status.get(k))
        self.query_one("#status", Static).update(Text(text))
        self.query_one("#place", Static).update(Text(self._status.get("place", "")))

    def _show_place(self, block: int, offset: int) -> None:
        """'¶3/8' in the status line: where the reader is in the document."""
        if self._jump_at is not None and self._jump_at != (block, offset):
            self._jump_at = None  # moved on from the entity the status line names
            self._status.pop("jump", None)
        self.set_status("place", f"¶{block + 1}/{len(self.document.blocks)}")

    def _show_jump(self, label: str | None) -> None:
        """Name what a jump landed on until the cursor moves elsewhere."""
        self._jump_at = self.reader.cursor if label else None
        self.set_status("jump", label)

    # ---- analysis -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Full analysis off the UI thread (and process); the reader stays usable meanwhile."""

        def progress(stage: str, fraction: float) -> None:
            self.post_message(AnalysisProgress(f"分析中… {stage} {int(fraction * 100)}%"))

        try:
            doc = self.analyzer(self.loaded, progress)
        except Exception as err:  # analysis bugs must not take the reader down
            self.post_message(AnalysisFailed(f"{type(err).__name__}: {err}"))
            return
        self.post_message(DocumentReady(doc))

    @while_reading
    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        """Show how far the analysis is, so a long document does not look stuck."""
        self.set_status("analysis", message.text)

    @while_reading
    def on_document_ready(self, message: DocumentReady) -> None:
        """Show the better document without moving the reader, then load notes for it."""
        self.document = message.document
        if self.loaded.partial:  # a PDF's later pages arrived: places refer to the whole now
            self.quick, self.loaded = self.document, replace(self.loaded, partial=False)
            self.open_store()
        self.reader.set_document(self.document)
        self.sidebar.set_document(self.document)
        self.title = self.document.title or safe_line(self.path.name)
        self.set_status("analysis", None)
        self._show_place(*self.reader.cursor)
        self._load_marks_when_ready()

    @while_reading
    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """Keep reading the quick document; say what went wrong."""
        self.set_status("analysis", "分析失败")
        self.notify(
            f"分析失败：{safe_line(message.error)}", severity="error", markup=False, timeout=10
        )
        self.document.analysed = True  # nothing more will come: stop the tabs saying 分析中…
        self.sidebar.set_document(self.document)
        self._load_marks_when_ready()

    # ---- reader messages ----------------------------------------------------------------

    def on_reader_view_selection_changed(self, message: ReaderView.SelectionChanged) -> None:
        """Keep the selection for `a` and say how to use it."""
        self.selection = message.span
        if message.span is None:
            self.set_status("selection", None)
        else:
            _block, start, end = message.span
            self.set_status("selection", f"已选 {end - start} 字（a 批注，Esc 取消）")

    def on_reader_view_search_changed(self, message: ReaderView.SearchChanged) -> None:
        """Show the hit count and the current hit."""
        if not message.query:
            self.set_status("search", None)
        elif message.count == 0:
            self.set_status("search", f"“{message.query}”：没有找到")
        else:
            self.set_status(
                "search", f"“{message.query}”：{message.index + 1}/{message.count}（n/N）"
            )

    def on_jump_to(self, message: JumpTo) -> None:
        """A sidebar row was chosen: show that place in the text, flashed."""
        if 0 <= message.block < len(self.document.blocks):
            self.reader.goto(message.block, message.start, message.end, flash=True)
            self._show_jump(message.label)

    def on_reader_view_entity_reached(self, message: ReaderView.EntityReached) -> None:
        """e/E: say which entity this is and which of its mentions ('人物 某某 2/3')."""
        if self._places is None or self._places.doc is not self.document:
            self._places = EntityPlaces(self.document)
        ent = self._places.at(message.block, message.start, message.end)
        self._show_jump(self._places.describe(ent) if ent else None)

    # ---- actions: view ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reading keys act on the reading screen only: under a modal (help, a confirmation)
        a stray b or x must not bookmark or export, and the footer shows the modal's keys."""
        if action in READING_ACTIONS:
            return self.screen is self.screen_stack[0]
        return True

    def action_toggle_focus(self) -> None:
        """Tab: article ⇄ sidebar (opening the sidebar if it is closed)."""
        if self.reader.has_focus:
            self.sidebar.display, self._auto_hidden = True, False
            self.call_after_refresh(self.sidebar.focus_target().focus)
        else:
            self.query_one("#search", Input).display = False
            self.reader.focus()

    def action_toggle_sidebar(self) -> None:
        """Show or hide the sidebar; focus stays where it is unless it was inside."""
        sidebar = self.sidebar
        inside = self._in_sidebar()
        sidebar.display = not sidebar.display
        self._auto_hidden = False
        if inside or not sidebar.display:
            self.reader.focus()

    def action_show_tab(self, tab: str) -> None:
        """Open the sidebar on one tab and move into it."""
        self.sidebar.display, self._auto_hidden = True, False
        self.sidebar.show_tab(tab)
        self.call_after_refresh(lambda: self.sidebar.focus_target().focus())

    def action_toggle_highlight(self) -> None:
        """Entity colours on/off: some readers find them noisy."""
        reader = self.reader
        reader.highlight_entities = not reader.highlight_entities
        self.notify("实体着色：" + ("开" if reader.highlight_entities else "关"), timeout=2)

    def action_measure(self, step: int) -> None:
        """Widen or narrow the text column, within readable bounds."""
        low, high = MEASURE_RANGE
        reader = self.reader
        reader.measure = max(low, min(high, reader.measure + step * MEASURE_STEP))
        self._fit_sidebar()
        self.notify(f"每行最多 {reader.measure} 字", timeout=2)

    def action_toggle_indent(self) -> None:
        """First-line indent of two full-width spaces, on or off."""
        reader = self.reader
        reader.indent = not reader.indent
        self.notify("首行缩进：" + ("开" if reader.indent else "关"), timeout=2)

    def action_reader(self, action: str) -> None:
        """Run a ReaderView action (from the command palette)."""
        self.reader.focus()
        self.call_after_refresh(self.reader.run_action, action)

    # ---- actions: search ----------------------------------------------------------------

    def action_search(self) -> None:
        """Open the search field at the bottom."""
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search field: search, close it, back to reading."""
        if event.input.id != "search":
            return
        event.stop()
        query = event.value.strip()
        event.input.display = False
        self.reader.focus()
        if query:
            count = self.reader.start_search(query)
            if count == 0:
                self.notify(f"没有找到“{query}”", severity="warning", markup=False, timeout=3)

    def on_key(self, event: events.Key) -> None:
        """Esc in the search field closes it."""
        search = self.query_one("#search", Input)
        if event.key == "escape" and search.has_focus:
            event.stop()
            search.display = False
            self.reader.focus()

    # ---- actions: help, palette, quit ---------------------------------------------------

    def key_groups(self) -> list[KeyGroup]:
        """Every key binding, grouped as the help screen and the palette show them."""
        return [
            ("阅读", ReaderView.BINDINGS),
            ("应用", self.BINDINGS),
            (
                "侧栏",
                [
                    Binding("enter", "jump", "跳到原文并闪烁（实体：依次跳到各处提及）"),
                    *Sidebar.BINDINGS,
                ],
            ),
            ("侧栏 · 数据", FiguresTab.BINDINGS),
            ("侧栏 · 笔记", NotesTab.BINDINGS),
            ("侧栏 · 书签", BookmarksTab.BINDINGS),
        ]

    def action_help(self) -> None:
        """Show every key and the entity colours."""
        self.push_screen(HelpScreen(self.key_groups(), self.entity_styles()))

    def palette_commands(self) -> Iterator[tuple[str, str, str]]:
        """(title, keys, action) for the command palette: every reader and app action."""
        display = self.get_key_display
        for action, keys, description in action_rows(ReaderView.BINDINGS, display):
            yield description, keys, f"reader('{action}')"
        for action, keys, description in action_rows(self.BINDINGS, display):
            if action != "command_palette":
                yield description, keys, action
        for tab, label in (("figures", "数据"), ("entities", "实体"), ("notes", "笔记")):
            yield f"侧栏：{label}", "", f"show_tab('{tab}')"

    def action_command_palette(self) -> None:
        """The palette, its search field prompting in Chinese like everything else."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="搜索命令…", id="--command-palette"))

    async def action_quit_reader(self) -> None:
        """Save the reading position, stop a running analysis, then leave."""
        self._save_position_now()
        self._analysis.stop()
        self.exit(0)


# The app's own keys that only make sense over the article (not under a modal).
READING_ACTIONS = frozenset(
    b.action
    for b in Binding.make_bindings(JingduApp.BINDINGS)
    if b.action not in {"command_palette", "quit_reader", "help"}
)


def run_reader(path: Path | None, db_path: Path) -> int:
    """Open the reader on `path` (None: the bundled article); returns the exit status."""
    if path is None:
        from seeds import seed_path

        path = seed_path()
    loaded = open_first(path)  # InputError here: the CLI prints one line, no screen taken over
    app = JingduApp(path, db_path, loaded=loaded)
    app.run()
    return app.return_code or 0
