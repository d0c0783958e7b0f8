"""Turn one visual line plus its span styles into a Strip; no state, so results cache cleanly."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from article.model import Block
from tui.layout import BLANK, CENTRED, GAP, GUTTER, GUTTERED, NOTE, RULE, Line, shown

StyleOf = Callable[[str], Style]  # component class name -> rich style
Span = tuple[int, int, str]  # (start, end, component class), offsets into the block text

BOOKMARK_MARK = "▌"

KIND_COMPONENT = {
    "title": "reader-view--title",
    "byline": "reader-view--byline",
    "heading": "reader-view--heading",
    "caption": "reader-view--caption",
    "source": "reader-view--caption",
    "continuation": "reader-view--continuation",
    "question": "reader-view--question",
    "answer": "reader-view--answer",
    "paragraph": "reader-view--paragraph",
    "subtitle": "reader-view--byline",  # a deck under a title: quiet, like the byline
    "furniture": "reader-view--caption",  # page headers, chart labels: dimmed, like captions
}


@dataclass(frozen=True, slots=True)
class Frame:
    """Where the text column sits in the view: total width and width of the column."""

    width: int
    column: int

    @property
    def margin(self) -> int:
        """Cells left of the text column (the column is centred)."""
        return max(0, (self.width - self.column) // 2)


def text_x(line: Line, block: Block, frame: Frame) -> int:
    """Cell where the line's block text begins (after margin, gutter, prefix, centring)."""
    x = frame.margin + cell_len(line.prefix)
    if block.kind in GUTTERED:
        x += 2
    if block.kind in CENTRED:
        body = cell_len(shown(block.text[line.start : line.end]).rstrip())
        x += max(0, (frame.column - body - cell_len(line.prefix)) // 2)
    return x


def _decoration(line: Line, frame: Frame, style_of: StyleOf) -> Text:
    """A rule, gap mark or note line."""
    if line.role == RULE:
        return Text(" " * frame.margin + "─" * frame.column, style=style_of("reader-view--rule"))
    if line.role == GAP:
        pad = frame.margin + max(0, (frame.column - cell_len(line.label)) // 2)
        return Text(" " * pad + line.label, style=style_of("reader-view--gap"))
    return Text(" " * frame.margin + line.label, style=style_of("reader-view--dup-note"))


def _body(line: Line, block: Block, spans: Iterable[Span], style_of: StyleOf) -> Text:
    """The block's text on this line with every span style applied in order."""
    text = shown(block.text[line.start : line.end])
    body = Text(text, style=style_of(KIND_COMPONENT[block.kind]))
    for start, end, component in spans:
        s, e = max(start, line.start), min(end, line.end)
        if s < e:
            body.stylize(style_of(component), s - line.start, e - line.start)
    return body


def paint(
    line: Line,
    block: Block,
    frame: Frame,
    spans: Iterable[Span],
    *,
    bookmarked: bool,
    style_of: StyleOf,
    base: Style,
    console: Console,
) -> Strip:
    """Render one visual line at the frame's width."""
    if line.role == BLANK:
        return Strip.blank(frame.width, base)
    if line.role in (RULE, GAP, NOTE):
        text = _decoration(line, frame, style_of)
    else:
        text = Text()
        left = text_x(line, block, frame) - cell_len(line.prefix)
        if block.kind in GUTTERED:
            left -= 2
        if bookmarked and line.first and frame.margin >= 2:
            text.append(" " * (frame.margin - 2))
            text.append(BOOKMARK_MARK, style=style_of("reader-view--bookmark"))
            text.append(" " * (left - frame.margin + 1))
        else:
            text.append(" " * left)
        if block.kind in GUTTERED:
            text.append(GUTTER + " ", style=style_of("reader-view--gutter"))
        if line.prefix:
            text.append(line.prefix, style=style_of("reader-view--speaker"))
        text.append_text(_body(line, block, spans, style_of))
    text.stylize_before(base)
    strip = Strip(text.render(console), text.cell_len)
    return strip.crop_extend(0, frame.width, base)
