"""The `?` screen: every key, grouped, read from the live bindings so it can never go stale."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.tabs.legend import EntityStyles, legend_text

KeyGroup = tuple[str, Sequence[BindingType]]


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
    return [(action, " / ".join(keys), desc or action) for action, (keys, desc) in rows.items()]


def help_table(groups: Sequence[KeyGroup], display: Callable[[Binding], str]) -> Table:
    """One two-column table, a bold heading row per group."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for title, bindings in groups:
        table.add_row(Text(""), Text(""))
        table.add_row(Text(title, style="bold underline"), Text(""))
        for _action, keys, description in action_rows(bindings, display):
            table.add_row(Text(keys), Text(description))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and the entity colour legend; any of Esc, q or ? closes it."""

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
            yield Static(Text("实体颜色："), classes="help-legend-label")
            yield Static(legend_text(self.legend_styles), id="help-legend")
            yield Static(help_table(self.groups, self.app.get_key_display), id="help-keys")
            yield Static(Text("Esc / q / ? 关闭", style="dim"), id="help-hint")

    def action_dismiss_help(self) -> None:
        """Back to the reader."""
        self.dismiss(None)
