"""Cut a page into regions along white space, in reading order (recursive XY-cut).

A region is first cut at wide horizontal white space that runs through all of it (between
articles stacked one above the other), then at vertical white space (column gutters, the gap
between two articles side by side), then at horizontal white space wider than the body's line
spacing (between a title and its text, above a chart). Each part is cut again.
The leaves, read in order, give columns top to bottom and left to right, article by article.
"""

from __future__ import annotations

from dataclasses import dataclass

from article.layout.geometry import Metrics
from article.model import Piece

MAX_DEPTH = 60  # a hostile page cannot recurse without end


@dataclass(slots=True)
class Leaf:
    """A region no white space cuts further: its pieces and its column's id."""

    pieces: list[Piece]
    col: int


class _Cutter:
    """Recursive cutting with the page's thresholds; numbers the column regions."""

    def __init__(self, metrics: Metrics) -> None:
        self.v_gap = 0.7 * metrics.size
        self.h_gap = metrics.line_gap + 0.45 * metrics.size
        self.wide_gap = metrics.line_gap + 1.2 * metrics.size  # white space between articles
        self.cols = 0
        self.leaves: list[Leaf] = []

    def cut(self, pieces: list[Piece], col: int, depth: int = 0) -> None:
        """Append the leaves of `pieces` in reading order."""
        if len(pieces) > 1 and depth < MAX_DEPTH:
            parts = split(pieces, self.wide_gap, vertical=False)
            if len(parts) > 1:
                for part in parts:
                    self.cut(part, col, depth + 1)
                return
            parts = split(pieces, self.v_gap, vertical=True)
            if len(parts) > 1:
                for part in parts:
                    self.cols += 1
                    self.cut(part, self.cols, depth + 1)
                return
            parts = split(pieces, self.h_gap, vertical=False)
            if len(parts) > 1:
                for part in parts:
                    self.cut(part, col, depth + 1)
                return
        self.leaves.append(Leaf(pieces, col))


def split(pieces: list[Piece], gap: float, vertical: bool) -> list[list[Piece]]:
    """Groups of pieces separated by white space at least `gap` wide along one axis."""
    if vertical:
        ordered = sorted(pieces, key=lambda p: p.x0)
        spans = [(p.x0, p.x1) for p in ordered]
    else:
        ordered = sorted(pieces, key=lambda p: p.top)
        spans = [(p.top, p.bottom) for p in ordered]
    parts: list[list[Piece]] = [[ordered[0]]]
    reach = spans[0][1]
    for piece, (start, end) in zip(ordered[1:], spans[1:], strict=True):
        if start - reach >= gap:
            parts.append([piece])
        else:
            parts[-1].append(piece)
        reach = max(reach, end)
    return parts


def regions(pieces: list[Piece], metrics: Metrics) -> list[Leaf]:
    """The page's leaf regions in reading order."""
    cutter = _Cutter(metrics)
    if pieces:
        cutter.cut(pieces, 0)
    return cutter.leaves
