"""Quoted article text, broken into lines by the reader's Chinese rules, with no 「」 around it.

Corner brackets around a wrapped quote leave 」 alone at the start of a line, which Chinese
typesetting forbids; a bar beside the block (CSS border, or drawn here in lists) marks it
instead. Lines are broken by tui.typeset, so no line starts with a closing mark and no code such
as 601628.SH is split, as in the article view itself.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style

from tui.typeset import visible_width, wrap

BAR = "▎"


def typeset_lines(text: str, width: int) -> list[str]:
    """`text` as lines of at most `width` cells, each paragraph broken by Chinese rules."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(paragraph[s:e].rstrip() for s, e in wrap(paragraph, max(2, width)))
    return lines


class Typeset:
    """Rich renderable: plain text (never markup) broken into lines like the article view."""

    def __init__(self, text: str, *, style: Style | str = "") -> None:
        self.text = text
        self.style = style

    def __str__(self) -> str:
        return self.text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = console.get_style(self.style) if self.style else None
        for line in typeset_lines(self.text, options.max_width):
            yield Segment(line, style)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((visible_width(p) for p in self.text.split("\n")), default=0)
        return Measurement(min(4, widest), widest)


class QuoteBlock(Typeset):
    """A quote in a list row: the bar drawn on every line, the text a bar and a space narrower."""

    def __init__(self, text: str, *, style: Style | str = "", bar_style: Style | str = "") -> None:
        super().__init__(text, style=style)
        self.bar_style = bar_style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        style = console.get_style(self.style) if self.style else None
        bar = Segment(BAR, console.get_style(self.bar_style) if self.bar_style else None)
        for line in typeset_lines(self.text, options.max_width - 2):
            yield bar
            yield Segment(" ")
            yield Segment(line, style)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        inner = super().__rich_measure__(console, options)
        return Measurement(inner.minimum + 2, inner.maximum + 2)
