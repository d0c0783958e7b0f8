"""The 数据 tab: every figure in a table (reading or value order) and a bar chart of 元 amounts."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static
from textual.widgets.data_table import CellDoesNotExist

from article.model import Document, Figure
from tui.messages import JumpTo
from tui.tabs.figure_format import (
    bar_lengths,
    cells_bar,
    format_value,
    money_figures,
    sorted_by_value,
)

_CHART_LIMIT = 8
_CHART_VALUE_CELLS = 16  # '不超过 9.8 亿元' and most other values fit
_TABLE_CHROME = 8  # DataTable cell padding (1 + 1 per column) and its scrollbar
_TWO_COLUMNS = 22  # cells the label and subject need between them to both say something
CHART_MIN_HEIGHT = 26  # below this the table needs every row the chart would take
COLUMNS = ("数值", "项目", "主体")
MAX_ROWS = 500  # a table of thousands of rows costs seconds to build and helps nobody
_LABEL_HEAD = 2  # characters of a long label kept before its ellipsis


def column_cells(width: int, value_cells: int) -> tuple[int, int]:
    """Cells for the label and subject columns in a table `width` cells wide (60:40);
    subject 0 when there is no room for it: a label cut to nothing helps nobody."""
    spare = width - value_cells - _TABLE_CHROME
    if spare < _TWO_COLUMNS:
        return max(8, spare + 2), 0  # one column less: its padding goes to the label
    label = spare * 3 // 5
    return label, spare - label


def chart_cells(width: int, value_cells: int = _CHART_VALUE_CELLS) -> tuple[int, int]:
    """Label and bar cells of a chart line `width` cells wide, the value taking the rest."""
    label = max(8, min(24, (width - value_cells - 2) // 2))
    return label, max(4, width - label - value_cells - 2)


def _clip(text: str, cells: int) -> str:
    """Cut `text` to `cells` terminal cells (CJK counts double) and pad it to exactly that."""
    out = ""
    for ch in text:
        if cell_len(out + ch) > cells - 1 and cell_len(text) > cells:
            out += "…"
            break
        out += ch
    return out + " " * max(0, cells - cell_len(out))


def clip_label(text: str, cells: int) -> str:
    """A label cut in the middle: a Chinese noun phrase ends in its head noun (…贷款余额同比增长),
    so its first characters and its end both stay (科技…余额同比增长), padded to `cells`."""
    if cell_len(text) <= cells:
        return text + " " * (cells - cell_len(text))
    head = text[:_LABEL_HEAD]
    room = cells - cell_len(head) - 1  # the ellipsis takes one cell
    tail = ""
    for ch in reversed(text[_LABEL_HEAD:]):
        if cell_len(ch + tail) > room:
            break
        tail = ch + tail
    out = head + "…" + tail
    return out + " " * max(0, cells - cell_len(out))


def chart(figures: list[Figure], width: int = 48) -> Text:
    """Unicode block bars of the 元 amounts, one line each, so sizes compare at a glance."""
    money = money_figures(figures, _CHART_LIMIT)
    out = Text()
    if not money:
        return out
    values = [format_value(fig) for fig in money]
    label_cells, bar_cells = chart_cells(width, max(cell_len(value) for value in values))
    total = sum(1 for f in figures if f.unit == "元" and f.value > 0)
    more = f"，最大的 {len(money)} 项" if total > len(money) else ""
    lengths, log = bar_lengths([f.value for f in money], bar_cells)
    scale = "，对数刻度" if log else ""
    out.append(f"金额对比（元{more}{scale}）\n", style="bold")
    for fig, value, cells in zip(money, values, lengths, strict=True):
        out.append(clip_label(fig.label or fig.subject or fig.text, label_cells) + " ", style="dim")
        out.append(cells_bar(cells).ljust(bar_cells), style="bold")
        out.append(f" {value}\n")
    out.rstrip()
    return out


class FigureTable(DataTable[str | Text]):
    """A DataTable where one click on a row is enough to jump (not a second click)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "下一项", show=False),
        Binding("k", "cursor_up", "上一项", show=False),
        Binding("g", "scroll_top", "第一项", show=False),
        Binding("G", "scroll_bottom", "最后一项", show=False),
    ]

    def on_click(self, event: events.Click) -> None:
        """DataTable selects only an already-highlighted row; here the first click selects."""
        if event.style.meta.get("row", -1) >= 0:
            self.call_next(self._select_if_moved, self.cursor_coordinate)

    def _select_if_moved(self, before: Coordinate) -> None:
        """After DataTable's own click handling: a newly highlighted row is selected too."""
        if self.cursor_coordinate != before:
            self.action_select_cursor()


class FiguresTab(Vertical):
    """Figures with value, label and subject; Enter jumps to the figure in the text."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("s", "toggle_sort", "排序")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.figures: list[Figure] = []
        self.by_value = False
        self.analysed = False
        self._width = 48  # until the first resize: the sidebar's narrowest usual width

    def compose(self) -> ComposeResult:
        yield Static("分析中…", classes="tab-status")
        table = FigureTable(cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield Static("", classes="figure-chart")

    def set_document(self, doc: Document) -> None:
        """Show the document's figures (or say they are still being found)."""
        self.figures = list(doc.figures)
        self.analysed = doc.analysed
        self._refill()

    def on_resize(self, event: events.Resize) -> None:
        """A wider sidebar shows more of each label and subject; a short one drops the chart."""
        self.query_one(".figure-chart", Static).display = event.size.height >= CHART_MIN_HEIGHT
        if event.size.width != self._width:
            self._width = event.size.width
            self._refill()

    def _status(self) -> str:
        """One line above the table: progress, count and current order."""
        if not self.analysed:
            return "分析中…"
        if not self.figures:
            return "没有找到数据"
        order = "按数值" if self.by_value else "按阅读顺序"
        shown = f"前 {MAX_ROWS} / " if len(self.figures) > MAX_ROWS else ""
        return f"{shown}{len(self.figures)} 项数据 · {order}（s 切换）"

    def _refill(self) -> None:
        """Rebuild the rows in the current order; row keys are indices into `figures`."""
        self.query_one(".tab-status", Static).update(self._status())
        table = self.query_one(DataTable)
        current = self._cursor_key(table)
        order = sorted_by_value(self.figures) if self.by_value else range(len(self.figures))
        shown = [(i, format_value(self.figures[i])) for i in list(order)[:MAX_ROWS]]
        value_cells = max((cell_len(value) for _, value in shown), default=4)
        label_cells, subject_cells = column_cells(self._width, value_cells)
        columns = COLUMNS if subject_cells else COLUMNS[:2]
        table.clear(columns=len(table.columns) != len(columns))
        if not table.columns:
            table.add_columns(*columns)
        for i, value in shown:
            fig = self.figures[i]
            label = clip_label(fig.label or "—", label_cells).rstrip()
            cells = [Text(value, justify="right"), Text(label)]
            if subject_cells:
                cells.append(Text(_clip(fig.subject or "—", subject_cells).rstrip()))
            table.add_row(*cells, key=str(i))
        self.query_one(".figure-chart", Static).update(chart(self.figures, self._width - 2))
        if current is not None and current in table.rows:
            table.move_cursor(row=table.get_row_index(current), animate=False)

    @staticmethod
    def _cursor_key(table: DataTable[str | Text]) -> str | None:
        """Key of the highlighted row, so a refill keeps the reader on the same figure."""
        if not table.row_count:
            return None
        try:
            return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        except CellDoesNotExist:
            return None

    def action_toggle_sort(self) -> None:
        """Switch between reading order and largest-first within each unit."""
        self.by_value = not self.by_value
        self._refill()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on the header row switches the order, as in a spreadsheet."""
        event.stop()
        self.action_toggle_sort()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: jump to that figure in the text."""
        event.stop()
        fig = self.figures[int(str(event.row_key.value))]
        label = " · ".join(part for part in (format_value(fig), fig.label, fig.subject) if part)
        if fig.why:  # what the label and subject were read from, so a doubtful one can be judged
            label += f"（依据：{fig.why}）"
        self.post_message(JumpTo(fig.block, fig.start, fig.end, label=label))
