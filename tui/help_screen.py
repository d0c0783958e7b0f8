"""The `?` screen: every key, grouped, read from the live bindings so it can never go stale."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.tabs.legend import EntityStyles, legend_text

KeyGroup = tuple[str, Sequence[BindingType]]
NARROW_HELP = 100  # screen columns below which the two key columns are stacked


# Chinese names for the reader's actions (its bindings are described in English).
CHINESE: dict[str, str] = {
    "next_sentence": "下一句",
    "previous_sentence": "上一句",
    "next_paragraph": "下一段",
    "previous_paragraph": "上一段",
    "page_down": "下一页",
    "page_up": "上一页",
    "next_heading": "下一个小标题",
    "previous_heading": "上一个小标题",
    "next_article": "下一篇文章",
    "previous_article": "上一篇文章（或本篇开头）",
    "first": "开头",
    "last": "结尾",
    "next_hit": "下一个搜索结果",
    "previous_hit": "上一个搜索结果",
    "next_entity": "下一个实体",
    "previous_entity": "上一个实体",
    "select": "开始选择",
    "grow_word": "选择 +1 词",
    "shrink_word": "选择 −1 词",
    "grow_sentence": "选择 +1 句",
    "shrink_sentence": "选择 −1 句",
    "cancel_selection": "取消选择",
    "clear": "取消选择；没有选择时清除搜索",
}


def action_rows(
    bindings: Iterable[BindingType], display: Callable[[Binding], str]
) -> list[tuple[str, str, str]]:
    """(action, keys, description) per action, keys of the same action joined: 'j / ↓'."""
    rows: dict[str, tuple[list[str], str]] = {}
    for binding in Binding.make_bindings(bindings):
        keys, description = rows.setdefault(binding.action, ([], binding.description))
        shown = display(binding)
        if shown not in keys:
            keys.append(shown)
        if not description and binding.description:
            rows[binding.action] = (keys, binding.description)
    return [
        (action, " / ".join(keys), CHINESE.get(action, desc or action))
        for action, (keys, desc) in rows.items()
    ]


def help_table(groups: Sequence[KeyGroup], display: Callable[[Binding], str]) -> Table:
    """A keys/description grid, a bold heading row per group."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for index, (title, bindings) in enumerate(groups):
        if index:
            table.add_row(Text(""), Text(""))
        table.add_row(Text(""), Text(title, style="bold underline"))
        for _action, keys, description in action_rows(bindings, display):
            table.add_row(Text(keys), Text(description))
    return table


def split_groups(groups: Sequence[KeyGroup]) -> tuple[list[KeyGroup], list[KeyGroup]]:
    """Two columns of whole groups with about the same number of rows each."""
    sizes = [len({b.action for b in Binding.make_bindings(g[1])}) + 2 for g in groups]
    total, running = sum(sizes), 0
    for cut, size in enumerate(sizes):
        if running + size / 2 > total / 2:
            return list(groups[: max(cut, 1)]), list(groups[max(cut, 1) :])
        running += size
    return list(groups), []


class HelpScreen(ModalScreen[None]):
    """Keys and the entity colour legend; any of Esc, q or ? closes it."""

    DEFAULT_CSS = """
        HelpScreen {
            align: center middle;
            background: $background 60%;
        }

        #help-hint {
            color: $text-muted;
        }

        #help-box {
            width: 110;
            max-width: 95%;
            height: auto;
            max-height: 95%;
            border: round $primary;
            background: $surface;
            padding: 0 2;
        }

        #help-legend {
            margin-bottom: 1;
        }

        #help-columns {
            height: auto;
        }

        .help-column {
            width: 1fr;
            height: auto;
        }

        #help-columns.-stacked {
            layout: vertical;
        }

        #help-columns.-stacked #help-keys-2 {
            margin-top: 1;
        }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss_help", "关闭")
    ]

    def __init__(self, groups: Sequence[KeyGroup], styles: EntityStyles) -> None:
        super().__init__()
        self.groups = groups
        self.legend_styles = styles

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("精读 jingdu · 按键", style="bold"), id="help-title")
            yield Static(
                Text("实体颜色（产品含贷款、卡和带引号的计划、行动）："),
                classes="help-legend-label",
            )
            yield Static(legend_text(self.legend_styles), id="help-legend")
            left, right = split_groups(self.groups)
            display = self.app.get_key_display
            with Horizontal(id="help-columns"):
                yield Static(help_table(left, display), id="help-keys", classes="help-column")
                yield Static(help_table(right, display), id="help-keys-2", classes="help-column")
            yield Static(
                Text("鼠标：单击移动光标，滚轮滚动 · Esc / q / ? 关闭", style="dim"), id="help-hint"
            )

    def on_resize(self, event: events.Resize) -> None:
        """Two columns crowd each other on a small terminal: stack them there."""
        narrow = event.size.width < NARROW_HELP
        self.query_one("#help-columns").set_class(narrow, "-stacked")

    def action_dismiss_help(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
