"""Lists of the sidebar and the library: vim keys move the highlight; it stops at the ends."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class ReadingList(OptionList):
    """An OptionList that takes j/k/g/G like the article does and never wraps around."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "下一项", show=False),
        Binding("k", "cursor_up", "上一项", show=False),
        Binding("g", "first", "第一项", show=False),
        Binding("G", "last", "最后一项", show=False),
    ]

    def action_cursor_up(self) -> None:
        """The previous enabled row; at the top it stays (a list is not a ring)."""
        self._step(-1)

    def action_cursor_down(self) -> None:
        """The next enabled row; at the bottom it stays."""
        self._step(1)

    def _step(self, direction: int) -> None:
        """Move to the nearest enabled row in `direction`, if there is one."""
        if self.highlighted is None:
            self.action_first() if direction > 0 else self.action_last()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction
