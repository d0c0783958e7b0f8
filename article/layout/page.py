"""One page: running header and footer off, regions cut, lines built, parts found and typed."""

from __future__ import annotations

from article.layout.geometry import (
    BODY,
    Line,
    Metrics,
    joined,
    lines_of,
    measure,
    role_of,
)
from article.layout.kinds import assign_kinds, is_running, stands_alone
from article.layout.paragraphs import INDENT, Part, build_parts
from article.layout.xycut import regions, split
from article.model import FURNITURE, PdfPage, Piece

HEADER_ZONE = 0.15  # running headers sit in the top 15% of a page
FOOTER_ZONE = 0.85  # running footers below 85%
SPACED = 0.35  # in ems: outside running text, a gap this wide between pieces is a space


def _running(page: PdfPage, metrics: Metrics) -> tuple[list[Piece], list[Piece], list[Piece]]:
    """(header, rest, footer): the page's top and bottom bands that read like running text."""
    if not page.pieces:
        return [], [], []
    bands = split(page.pieces, metrics.line_gap + 0.45 * metrics.size, vertical=False)
    head: list[Piece] = []
    foot: list[Piece] = []
    while bands and _is_band(bands[0], page.height, top=True):
        head.extend(bands.pop(0))
    while bands and _is_band(bands[-1], page.height, top=False):
        foot[:0] = bands.pop()
    return head, [p for band in bands for p in band], foot


def _is_band(band: list[Piece], height: float, top: bool) -> bool:
    """A band in the page's margin zone with a date, page code, editors or web address."""
    if top and max(p.bottom for p in band) > HEADER_ZONE * height:
        return False
    if not top and min(p.top for p in band) < FOOTER_ZONE * height:
        return False
    return is_running([p.text for p in band]) or is_running([_band_text(band)])


def _band_text(band: list[Piece]) -> str:
    """A band's pieces in one string, for patterns that span pieces (a date with spaces)."""
    return " ".join(p.text for p in sorted(band, key=lambda p: (round(p.bottom), p.x0)))


def _set_columns(lines: list[Line], metrics: Metrics) -> None:
    """Each line's role, and its column's left and right edges (from the column's body text)."""
    for line in lines:
        line.role = role_of(line.size, line.style, line.bold, metrics)
        if line.role != BODY:  # spaced words in bylines and headers: keep them apart
            line.text = joined(line.pieces, SPACED)
    edges = _edges([line for line in lines if line.role == BODY])
    for col, edge in _edges(lines).items():
        edges.setdefault(col, edge)
    for line in lines:
        line.left, line.right = edges[line.col]
    body = [line for line in lines if line.role == BODY]
    indented = sum(1 for line in body if line.x0 >= line.left + INDENT * line.size)
    metrics.indents = indented >= max(2, 0.03 * len(body))


def _edges(lines: list[Line]) -> dict[int, tuple[float, float]]:
    """The leftmost start and rightmost end of the lines of each column."""
    edges: dict[int, tuple[float, float]] = {}
    for line in lines:
        left, right = edges.get(line.col, (line.x0, line.x1))
        edges[line.col] = (min(left, line.x0), max(right, line.x1))
    return edges


def _furniture_parts(pieces: list[Piece], page: int) -> list[Part]:
    """Header or footer lines, each its own furniture part."""
    parts = []
    for line in lines_of(pieces, page, -1):
        line.left, line.right = line.x0, line.x1
        line.text = joined(line.pieces, SPACED)
        parts.append(Part(FURNITURE, [line], kind=FURNITURE))
    return parts


def lay_out_page(page: PdfPage) -> list[Part]:
    """The page's parts in reading order, each with its kind."""
    metrics = measure(page.pieces)
    head, rest, foot = _running(page, metrics)
    lines: list[Line] = []
    for leaf in regions(rest, metrics):
        lines.extend(lines_of(leaf.pieces, page.number, leaf.col))
    _set_columns(lines, metrics)
    parts = build_parts(lines, metrics, stands_alone)
    assign_kinds(parts)
    return _furniture_parts(head, page.number) + parts + _furniture_parts(foot, page.number)
