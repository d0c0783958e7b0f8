"""Parts of every page → the reading-order text, blocks with lines and boxes, articles, repairs.

The text has one printed line per text line and a blank line between blocks, so a block's
`lines` are the line numbers of its pieces there (one range and one box per piece).
"""

from __future__ import annotations

from itertools import pairwise

from article.layout.geometry import Line
from article.layout.paragraphs import Part
from article.model import (
    BYLINE,
    FURNITURE,
    TITLE,
    ArticleInfo,
    Block,
    Box,
    Reflowed,
    Repair,
)


def _segments(part: Part) -> list[list[Line]]:
    """The part's pieces: its lines cut where geometry joined two runs of text."""
    cuts = [0, *(i for i, _why in part.joins), len(part.lines)]
    return [part.lines[a:b] for a, b in pairwise(cuts) if b > a]


def _box(lines: list[Line]) -> Box:
    """The box around some lines of one page."""
    return (
        lines[0].page,
        round(min(x.x0 for x in lines), 1),
        round(min(x.top for x in lines), 1),
        round(max(x.x1 for x in lines), 1),
        round(max(x.bottom for x in lines), 1),
    )


def _glue(left: str, right: str) -> str:
    """What goes between two lines of a block: a space only between Latin words."""
    a, b = left[-1:], right[:1]
    return " " if a.isascii() and a.isalnum() and b.isascii() and b.isalnum() else ""


class _Writer:
    """Builds the text, blocks and repairs in one pass over the parts."""

    def __init__(self) -> None:
        self.text_lines: list[str] = []
        self.blocks: list[Block] = []
        self.repairs: list[Repair] = []

    def add(self, part: Part, article: int | None) -> Block:
        """Write a part's lines to the text and make its block."""
        if self.text_lines:
            self.text_lines.append("")
        text = ""
        ranges: list[tuple[int, int]] = []
        boxes: list[Box] = []
        index = len(self.blocks)
        reasons = iter(why for _i, why in part.joins)
        for n, segment in enumerate(_segments(part)):
            first = len(self.text_lines) + 1
            self.text_lines.extend(line.text for line in segment)
            ranges.append((first, len(self.text_lines)))
            boxes.append(_box(segment))
            piece = segment[0].text
            for a, b in pairwise(segment):
                piece += _glue(a.text, b.text) + b.text
            if n:
                text += _glue(text, piece)
                self.repairs.append(Repair("join", index, len(text), next(reasons), ranges[-1]))
            text += piece
        block = Block(index, part.kind, text, ranges, part.speaker, article, list(part.flags))
        block.page, block.boxes = part.lines[0].page, boxes
        self.blocks.append(block)
        return block


def assemble(parts: list[Part]) -> tuple[str, Reflowed]:
    """The document's text and its blocks grouped into articles."""
    writer = _Writer()
    articles: list[ArticleInfo] = []
    current: ArticleInfo | None = None
    page = 0
    for part in parts:
        if part.lines[0].page != page and not part.moved:
            page, current = part.lines[0].page, None
        if part.kind == FURNITURE:
            writer.add(part, None)
            continue
        if part.kind == TITLE or current is None:
            current = ArticleInfo(part.text if part.kind == TITLE else None, None, [])
            articles.append(current)
        block = writer.add(part, len(articles) - 1)
        current.blocks.append(block.index)
        if part.kind == BYLINE and current.byline is None:
            current.byline = block.text
    text = "\n".join(writer.text_lines) + "\n" if writer.text_lines else ""
    return text, Reflowed(writer.blocks, articles, repairs=writer.repairs)
