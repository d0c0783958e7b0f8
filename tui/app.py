"""The jingdu reader app: the article view, a sidebar of tabs, notes and bookmarks in a worker."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.lazy import Lazy
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

from article.analyze import open_first, open_text, quick_document
from article.model import Document, LoadedText
from article.source import safe_line
from tui.analysis_flow import REFLOWING, AnalysisMixin, Analyzer, Progress
from tui.analysis_process import AnalysisProcess
from tui.annotations import AnnotationsMixin
from tui.commands import JingduCommands
from tui.entity_place import EntityPlaces
from tui.pending import Pending
from tui.reader_view import ReaderView
from tui.sidebar import TABS, Sidebar
from tui.status_line import ReadingProgress, StatusMixin
from tui.tabs.legend import EntityStyles
from tui.theme import ENTITY_STYLES
from tui.typeahead import TypeaheadMixin

if TYPE_CHECKING:
    from store.db import Database
    from store.records import Bookmark, Note
    from tui.help_screen import KeyGroup

__all__ = ["Analyzer", "JingduApp", "Progress", "run_reader"]

MEASURE_STEP = 2
MEASURE_RANGE = (16, 80)
MEASURE_NOTE_DELAY = 0.2  # seconds without + or - before the new measure is announced
WIDE_SCREEN = 110  # columns from which the sidebar opens by itself
NARROW_SCREEN = 90  # below this the sidebar closes itself, unless it is being used
SIDEBAR_WIDTH = (50, 80)  # the sidebar takes what the text column leaves, within these
COMPACT_FOOTER = 100  # below this the footer drops its padding so every hint still fits
READER_CHROME = 6  # the reader's margins and scrollbar around its text column
START_DELAY = 0.03  # seconds after the first frame before background work takes the GIL


class JingduApp(TypeaheadMixin, StatusMixin, AnalysisMixin, AnnotationsMixin, App[int]):
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
        Binding("y", "copy", "复制", show=False),
        Binding("o", "show_tab('outline')", "目录", show=False),
        Binding("L", "library", "书库", key_display="L", show=False),
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
        self._status: dict[str, str] = {"analysis": REFLOWING}
        self._expiry: dict[str, Timer] = {}
        self._jump_at: tuple[int, int] | None = None  # cursor where the 'jump' status applies
        self._places: EntityPlaces | None = None
        self._progress: ReadingProgress | None = None
        self._percent = 0
        self._measure_note: Timer | None = None
        self._pending: list[Pending] = []  # a and b pressed before notes could be saved
        self.next_path: Path | None = None  # set when the library chose another document
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
        footer = Footer()
        footer.compact = self.size.width < COMPACT_FOOTER
        yield Lazy(footer)  # after the first frame: a person looks at the article first

    def on_mount(self) -> None:
        """Reading starts at once on the quick document; the full analysis follows."""
        self.reader.focus()
        self.watch_typeahead()
        self.sidebar.display = self.size.width >= WIDE_SCREEN
        self._auto_hidden = not self.sidebar.display
        self._fit_sidebar()
        self.sidebar.set_document(self.document)
        self._show_place(*self.reader.cursor)
        # After the first frame has reached the terminal: the store's open (tinydb, JSON) and a
        # cached analysis parsed in-process hold the GIL and would delay the driver's write.
        self.call_after_refresh(self.set_timer, START_DELAY, self._start_background)

    def _start_background(self) -> None:
        """Open the notes database and start the analysis, both off the UI thread."""
        self.open_store()
        self.run_analysis()

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
        for footer in self.query(Footer):
            footer.compact = width < COMPACT_FOOTER

    def _fit_sidebar(self, screen: int | None = None) -> None:
        """The text column keeps its measure; the sidebar gets the rest, within bounds."""
        screen = self.size.width if screen is None else screen
        low, high = SIDEBAR_WIDTH
        low = max(30, min(low, screen // 2 - 4))  # a narrow screen opened the sidebar by hand
        spare = screen - (self.reader.measure * 2 + READER_CHROME)
        width = max(low, min(high, spare))
        self.sidebar.styles.width = width
        self._fit_toasts(screen, width if self.sidebar.display else 0)

    def _fit_toasts(self, screen: int, sidebar: int) -> None:
        """Toasts stay over the article, left of its scrollbar: the compositor cuts every row
        at each widget's edge, and an edge inside a toast (the sidebar's border, its panes)
        splits a double-width character there into two blanks."""
        right = sidebar + self.reader.styles.scrollbar_size_vertical
        try:
            rack = self.screen_stack[0].get_child_by_id("textual-toastrack")
        except NoMatches:  # notifications are switched off
            return
        rack.styles.width = max(20, screen - right)  # docked: a margin would not narrow it

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
            self._fit_sidebar()
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
        self._fit_sidebar()
        if inside or not sidebar.display:
            self.reader.focus()

    def action_show_tab(self, tab: str) -> None:
        """Open the sidebar on one tab and move into it."""
        self.sidebar.display, self._auto_hidden = True, False
        self._fit_sidebar()
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
        before = reader.measure
        reader.measure = max(low, min(high, reader.measure + step * MEASURE_STEP))
        self._fit_sidebar()
        if reader.measure == before:
            self.notify(f"每行最多 {before} 字：已是{'最宽' if step > 0 else '最窄'}", timeout=2)
            return
        if self._measure_note is not None:  # one toast for a run of + or -, not one per key
            self._measure_note.stop()
        self._measure_note = self.set_timer(MEASURE_NOTE_DELAY, self._say_measure)

    def _say_measure(self) -> None:
        """Say the measure, and when the window keeps the lines shorter, say that too."""
        measure, shown = self.reader.measure, self.reader.line_chars
        if shown < measure:
            hint = "t 收起侧栏或加宽窗口" if self.sidebar.display else "加宽窗口"
            text = f"每行最多 {measure} 字，窗口只容得下 {shown} 字（{hint}）"
        else:
            text = f"每行最多 {measure} 字"
        self.notify(text, timeout=3)

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
        self.screen.set_focus(search)  # now: the keys typed after / are the query

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
        from tui.library_screen import LibraryScreen
        from tui.tabs.bookmarks import BookmarksTab
        from tui.tabs.figures import FiguresTab
        from tui.tabs.notes import NotesTab
        from tui.tabs.reading_list import ReadingList

        return [
            ("阅读", ReaderView.BINDINGS),
            ("应用", self.BINDINGS),
            (
                "侧栏",
                [
                    Binding("enter", "jump", "跳到原文并闪烁（实体：依次跳到各处提及）"),
                    *Sidebar.BINDINGS,
                    *ReadingList.BINDINGS,
                ],
            ),
            ("侧栏 · 数据", FiguresTab.BINDINGS),
            ("侧栏 · 笔记", NotesTab.BINDINGS),
            ("侧栏 · 书签", BookmarksTab.BINDINGS),
            ("书库（L）", [Binding("enter", "open", "打开文档"), *LibraryScreen.BINDINGS]),
        ]

    def action_help(self) -> None:
        """Show every key and the entity colours."""
        from tui.help_screen import HelpScreen

        self.push_screen(HelpScreen(self.key_groups(), self.entity_styles()))

    def palette_commands(self) -> Iterator[tuple[str, str, str]]:
        """(title, keys, action) for the command palette: every reader and app action."""
        from tui.help_screen import action_rows

        display = self.get_key_display
        for action, keys, description in action_rows(ReaderView.BINDINGS, display):
            yield description, keys, f"reader('{action}')"
        for action, keys, description in action_rows(self.BINDINGS, display):
            if action != "command_palette":
                yield description, keys, action
        keys = {"outline": "o", "bookmarks": "B"}
        for tab, label in TABS.items():
            yield f"侧栏：{label}", keys.get(tab, "[ / ]（在侧栏中）"), f"show_tab('{tab}')"

    def action_command_palette(self) -> None:
        """The palette, its search field prompting in Chinese like everything else."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder="搜索命令…", id="--command-palette"))

    def action_copy(self) -> None:
        """Copy the selection, or the current sentence, to the system clipboard (OSC 52)."""
        block, start, end = self.reader.current_span()
        if not self.document.blocks:
            return
        text = self.document.blocks[block].text[start:end]
        self.copy_to_clipboard(text)
        self.notify(
            f"已复制 {len(text)} 字。\n经终端复制（OSC 52）：有的终端不支持，剪贴板就不会变。",
            title="复制",
            markup=False,
            timeout=4,
        )

    def action_library(self) -> None:
        """Every document opened before; Enter opens one (the reader restarts on it)."""
        from store.library import library_key
        from tui.library_screen import LibraryScreen

        self.push_screen(LibraryScreen(self.db, library_key(self.path)), self._library_done)

    def _library_done(self, path: str | None) -> None:
        """Open the chosen document: keep this one's place, then start over on the other."""
        from store.library import library_key

        if path is None or library_key(path) == library_key(self.path):
            return
        self.next_path = Path(path)
        self._save_position_now()
        self._analysis.stop()
        self.exit(0)

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
    next_path: Path | None = path
    code = 0
    while next_path is not None:  # L in the reader chooses the next document
        loaded = open_first(next_path)  # InputError: the CLI prints one line, no screen taken
        app = JingduApp(next_path, db_path, loaded=loaded)
        app.run()
        code, next_path = app.return_code or 0, app.next_path
    return code
