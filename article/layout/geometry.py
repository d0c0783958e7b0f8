"""Measures of a page and its lines: body size and font, line pitch, lines from pieces."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from article.model import Piece

# Typographic roles of a line, from its size and font against the page's body text.
BODY = "body"  # the running text's size and font
EMPH = "emph"  # body size, another font or bold: headings, questions, bylines
BIG = "big"  # larger than body, smaller than a title: subtitles, headings, ads
TITLE_SIZE = "title"  # a title's size
SMALL = "small"  # smaller than body: captions, chart labels, fine print

TITLE_RATIO = 1.75  # a title is at least this many times the body size
BIG_RATIO = 1.1
# A jump marker: （上接B6版）, 下转第3版
CONTINUATION_RE = re.compile(
    r"^[（(【\[]?\s*(?:上接|下转|接|转|续)\s*(?:第\s*)?[A-Za-z]{0,2}\s*[0-9０-９一二三四五六七八九十]+"
    r"\s*(?:版|页)?\s*[)）】\]]?[。.]?$"
)
SMALL_RATIO = 0.9
SHORT = 0.9  # in ems: a justified line ending this far left of its column's edge is short
_SMALLEST = 1.0  # points: type any smaller is no measure of the page
_SECOND_BODY = 0.3  # of the commonest type's characters: another article's running text


@dataclass(slots=True)
class Line:
    """One printed line of one column: pieces on one baseline, left to right."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    style: str
    bold: bool
    page: int
    col: int = 0  # the column region (XY-cut node) the line sits in
    role: str = BODY
    left: float = 0.0  # the column's left and right edge, for indents and short lines
    right: float = 0.0
    slack: float = SHORT  # in ems: a line ending no further left of `right` is full
    pieces: list[Piece] = field(default_factory=list)


@dataclass(slots=True)
class Metrics:
    """What the body text of a page looks like."""

    size: float
    style: str
    pitch: float  # baseline to baseline of body lines
    bold: bool = False  # the body itself is set bold (some papers print it so)
    indents: bool = True  # paragraphs start indented (else a gap or a short line ends them)
    # every (size, font, bold) a page's articles run in: two articles may differ
    bodies: frozenset[tuple[float, str, bool]] = frozenset()

    @property
    def line_gap(self) -> float:
        """White space between two body lines (loose boxes are one size tall)."""
        return max(self.pitch - self.size, 0.0)


def measure(pieces: list[Piece]) -> Metrics:
    """Body size (most characters), its font, and its line pitch."""
    sizes: Counter[float] = Counter()
    for p in pieces:
        if p.size >= _SMALLEST:  # a damaged font's size 0 measures nothing
            sizes[round(p.size * 2) / 2] += len(p.text)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    styles: Counter[tuple[str, bool]] = Counter()
    for p in pieces:
        if abs(p.size - size) < 0.3:
            styles[p.style, p.bold] += len(p.text)
    style, bold = styles.most_common(1)[0][0] if styles else ("", False)
    return Metrics(size, style, _pitch(pieces, size), bold, bodies=_bodies(pieces))


def _bodies(pieces: list[Piece]) -> frozenset[tuple[float, str, bool]]:
    """The type of the page's running text, and of a second article set in another: any type
    holding nearly as many characters (headings and questions hold far fewer)."""
    types: Counter[tuple[float, str, bool]] = Counter()
    for p in pieces:
        types[_type_of(p.size, p.style, p.bold)] += len(p.text)
    most = max(types.values(), default=0)
    return frozenset(t for t, n in types.items() if n >= _SECOND_BODY * most)


def _type_of(size: float, style: str, bold: bool) -> tuple[float, str, bool]:
    """Size to the half point, font and weight."""
    return round(size * 2) / 2, style, bold


def _pitch(pieces: list[Piece], size: float) -> float:
    """Median distance between lines that start at the same x: a column's line pitch."""
    starts: dict[int, list[float]] = {}
    for p in pieces:
        if abs(p.size - size) < 0.3:
            starts.setdefault(round(p.x0), []).append(p.bottom)
    steps = []
    for bottoms in starts.values():
        bottoms.sort()
        steps.extend(b - a for a, b in pairwise(bottoms) if size < b - a < 3 * size)
    if not steps:
        return size * 1.5
    steps.sort()
    return steps[len(steps) // 2]


def role_of(size: float, style: str, bold: bool, metrics: Metrics) -> str:
    """The line's typographic role from its size and font."""
    if _type_of(size, style, bold) in metrics.bodies:
        return BODY
    if size >= metrics.size * TITLE_RATIO:
        return TITLE_SIZE
    if size >= metrics.size * BIG_RATIO:
        return BIG
    if size <= metrics.size * SMALL_RATIO:
        return SMALL
    if style != metrics.style or bold != metrics.bold:
        return EMPH
    return BODY


def joined(pieces: list[Piece], cjk_gap: float = 1.5) -> str:
    """Pieces of one line as text: a space where Latin words meet a gap, or any wide gap."""
    out = [pieces[0].text]
    for a, b in pairwise(pieces):
        gap = b.x0 - a.x1
        latin = a.text[-1].isascii() and b.text[0].isascii() and not _percent(a, b, gap)
        if (latin and gap > 0.15 * a.size) or gap > cjk_gap * a.size:
            out.append(" ")
        out.append(b.text)
    return "".join(out)


def _percent(a: Piece, b: Piece, gap: float) -> bool:
    """8 % on a justified line: a number and its per cent sign, spread apart, take no space."""
    return a.text[-1].isdigit() and b.text[0] in "%‰" and gap <= a.size


def make_line(pieces: list[Piece], page: int, col: int) -> Line:
    """A line from pieces on one baseline (sorted left to right here)."""
    pieces.sort(key=lambda p: p.x0)
    main = max(pieces, key=lambda p: len(p.text))
    return Line(
        joined(pieces),
        pieces[0].x0,
        min(p.top for p in pieces),
        max(p.x1 for p in pieces),
        max(p.bottom for p in pieces),
        main.size,
        main.style,
        main.bold,
        page,
        col,
        pieces=pieces,
    )


def lines_of(pieces: list[Piece], page: int, col: int) -> list[Line]:
    """Pieces of one region grouped into lines by baseline and size, top to bottom."""
    lines: list[list[Piece]] = []
    for p in sorted(pieces, key=lambda p: p.bottom):
        if lines:
            last = lines[-1][-1]
            near = abs(p.bottom - last.bottom) <= 0.3 * min(p.size, last.size)
            if near and abs(p.size - last.size) <= 0.15 * last.size:
                lines[-1].append(p)
                continue
        lines.append([p])
    return [make_line(group, page, col) for group in lines]
