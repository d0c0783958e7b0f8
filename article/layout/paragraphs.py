"""Lines in reading order → parts (blocks in the making), from indents, short lines and fonts.

A body line starts a new paragraph when it is indented or the line before it ends short. A
paragraph whose last line is full stays open: when the next body line (the head of the next
column, or the text below a chart) is not indented, it carries on the same paragraph, and the
join is recorded with its reason. A heading, byline or title in between closes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from article.layout.geometry import BODY, EMPH, SMALL, TITLE_SIZE, Line, Metrics

INDENT = 0.9  # in ems: a line starting this far right of its column's edge is indented
SENTENCE_END = ("。", "！", "？", "”", "」", "…")


@dataclass(slots=True)
class Part:
    """A block in the making: its lines in reading order and where geometry joined them."""

    role: str
    lines: list[Line]
    kind: str = ""
    joins: list[tuple[int, str]] = field(default_factory=list)  # (first line after, reason)
    flags: list[str] = field(default_factory=list)
    speaker: str | None = None
    moved: bool = False  # a continuation moved from another page into its article

    @property
    def text(self) -> str:
        """The part's text, lines run together (a space only between Latin words)."""
        out = [self.lines[0].text]
        for a, b in pairwise(self.lines):
            if a.text[-1:].isascii() and a.text[-1:].isalnum() and b.text[:1].isascii():
                out.append(" ")
            out.append(b.text)
        return "".join(out)


def full(line: Line) -> bool:
    """The line runs to its column's right edge: the paragraph may go on."""
    return line.x1 >= line.right - line.slack * line.size


def indented(line: Line) -> bool:
    """The line starts right of its column's left edge: a paragraph's first line."""
    return line.x0 >= line.left + INDENT * line.size


def _same_type(a: Line, b: Line) -> bool:
    """Same role, font and size on the same page."""
    return (
        a.role == b.role
        and a.style == b.style
        and abs(a.size - b.size) <= 0.1 * a.size
        and a.page == b.page
    )


def _continues(a: Line, b: Line, metrics: Metrics) -> bool:
    """Whether line b is the next line of the block that ends with line a."""
    if not _same_type(a, b):
        return False
    gap = b.top - a.bottom
    if a.role == TITLE_SIZE:
        return -0.2 * a.size <= gap < 0.8 * a.size and b.x0 < a.x1 and a.x0 < b.x1
    if b.col != a.col or gap < -0.3 * a.size:
        return False
    if gap > metrics.line_gap * a.size / metrics.size + max(0.3 * a.size, 2.0):
        return False  # more white space than between lines: a paragraph gap
    return (full(a) or _mid_sentence(a.text)) and not indented(b)


def _mid_sentence(text: str) -> bool:
    """The line stops inside a sentence (…最低的接近 / 1.3%。): a ragged column or a word kept
    whole ended it short, not a paragraph's end."""
    text = text.strip()
    if " " in text or "\u3000" in text:
        return False  # 本报记者 某某: a credit's spaced words, no running text
    last = text[-1:]
    return bool(last) and ("\u4e00" <= last <= "\u9fff" or last.isalnum() or last in "，、")


def _resumes(a: Line, b: Line, metrics: Metrics) -> str | None:
    """Why line b carries on the open paragraph ending with a, or None."""
    if not _same_type(a, b) or indented(b) or not full(a):
        return None
    if not metrics.indents and a.text.endswith(SENTENCE_END):
        return None  # without indents a new paragraph at a column head looks the same
    if b.col != a.col:
        return "column foot → next column head (full last line, no indent)"
    if b.top > a.bottom:
        return "same column, below a box (full last line, no indent)"
    return None


def build_parts(lines: list[Line], metrics: Metrics, marker: Callable[[str], object]) -> list[Part]:
    """Parts of one page in reading order (`marker`: a line that must stand alone)."""
    parts: list[Part] = []
    current: Part | None = None
    open_para: Part | None = None
    for line in lines:
        if marker(line.text.replace(" ", "")):  # markers and bylines stand alone
            current = Part(line.role, [line])
            parts.append(current)
            continue
        if current is not None and _continues(current.lines[-1], line, metrics):
            current.lines.append(line)
        elif open_para is not None and (why := _resumes(open_para.lines[-1], line, metrics)):
            open_para.joins.append((len(open_para.lines), why))
            open_para.lines.append(line)
            current = open_para
        else:
            current = Part(line.role, [line])
            parts.append(current)
            if line.role != SMALL:
                open_para = None
        if current.role in (BODY, EMPH):  # running text and bold turns go on in the next column
            open_para = current if full(current.lines[-1]) else None
    return parts
