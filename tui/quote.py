"""A quoted passage as a block with a bar down its left side, instead of 「」 around it.

Corner brackets around a wrapped quote leave 」 alone at the start of a line, which Chinese
typesetting forbids; a bar beside the block marks the quote on every line instead.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

BAR = "▎"


class QuoteBlock:
    """Rich renderable: `text` wrapped a bar and a space narrower, the bar on every line."""

    def __init__(self, text: str, *, style: Style | str = "", bar_style: Style | str = "") -> None:
        self.text = text
        self.style = style
        self.bar_style = bar_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - 2)
        body = Text(self.text, style=self.style)
        lines = console.render_lines(body, options.update_width(width), pad=False)
        bar = Segment(BAR, console.get_style(self.bar_style) if self.bar_style else None)
        for line in lines:
            yield bar
            yield Segment(" ")
            yield from line
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measured = Measurement.get(console, options, Text(self.text))
        return Measurement(measured.minimum + 2, measured.maximum + 2)
