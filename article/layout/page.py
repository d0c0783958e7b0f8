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
from article.layout.paragraphs import INDENT, SENTENCE_END, Part, build_parts
from article.layout.photos import around_photos
from article.layout.xycut import regions, split
from article.model import BYLINE, FURNITURE, SUBTITLE, TITLE, PdfPage, Piece

HEADER_ZONE = 0.15  # running headers sit in the top 15% of a page
FOOTER_ZONE = 0.85  # running footers below 85%
SPACED = 0.35  # in ems: outside running text, a gap this wide between pieces is a space
_CREDIT_GAP = 0.15  # in ems: ... and in a byline, a gap this wide
_RAGGED_LINES = 10  # body lines it takes to tell ragged-right text from justified
_RAGGED_STEP = 0.5  # in ems: justified lines run on ending closer than this to the edge
_RAGGED_SHARE_ON_RAGGED_PAGE = 0.05
_RAGGED_SHARE = 0.2  # of running-on lines ending further short: the text is set ragged
_RAGGED_MOST = 3.0  # in ems: a ragged line ending further short ends its paragraph (a line
# breaks early before a Latin word or number, or carries a character down with 。” after it)


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
    columns: dict[int, list[Line]] = {}
    for line in body:
        columns.setdefault(line.col, []).append(line)
    page_slack = _ragged_slack(body)
    # on a page set ragged, a column is ragged too unless hardly a line of it ends short
    share = _RAGGED_SHARE if not page_slack else _RAGGED_SHARE_ON_RAGGED_PAGE
    slacks = {col: _ragged_slack(lines_, page_slack, share) for col, lines_ in columns.items()}
    for line in lines:
        line.slack = slacks.get(line.col, page_slack) or line.slack


def _ragged_slack(body: list[Line], unknown: float = 0.0, share: float = _RAGGED_SHARE) -> float:
    """In ems, how far short of its column a line set ragged-right may end and still run on
    (0: the text is justified, every line but a paragraph's last fills its column); a gap or
    an indent tells its paragraphs apart. Too few lines to tell: `unknown`."""
    shortfalls = [
        (line.right - line.x1) / line.size
        for line in body
        if line.size > 0 and not line.text.endswith(SENTENCE_END)
    ]
    if len(shortfalls) < _RAGGED_LINES:
        return unknown
    if sum(1 for short in shortfalls if short > _RAGGED_STEP) < share * len(shortfalls):
        return 0.0
    return _RAGGED_MOST


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


def _spaced_credits(parts: list[Part]) -> None:
    """A byline keeps the thin spaces set between its role, names and place ("□记者 叶蓁
    北京报道"), a deck those between its phrases; running text never has them."""
    for part in parts:
        if part.kind in (BYLINE, SUBTITLE):
            for line in part.lines:
                line.text = joined(line.pieces, _CREDIT_GAP)


def _bylines_up(parts: list[Part]) -> None:
    """A byline set over the last column (right-aligned under the title) is read after the
    title and deck, not after the columns left of it: everything between lies below it."""
    for i, part in enumerate(parts):
        if part.kind != BYLINE:
            continue
        head = _head_end(parts, i)
        between = parts[head:i] if head else []
        bottom, page = part.lines[-1].bottom, part.lines[0].page
        if between and all(p.lines[0].top > bottom and p.lines[0].page == page for p in between):
            parts.insert(head, parts.pop(i))


def _head_end(parts: list[Part], i: int) -> int:
    """The index after the title (and deck) above part i, 0 when another byline or no title
    comes first."""
    for j in range(i - 1, -1, -1):
        if parts[j].kind == BYLINE:
            return 0
        if parts[j].kind == TITLE:
            k = j + 1
            while k < i and parts[k].kind == SUBTITLE:
                k += 1
            return k
    return 0


def lay_out_page(page: PdfPage) -> list[Part]:
    """The page's parts in reading order, each with its kind."""
    metrics = measure(page.pieces)
    head, rest, foot = _running(page, metrics)
    lines: list[Line] = []
    for leaf in around_photos(regions(rest, metrics), metrics.size):
        lines.extend(lines_of(leaf.pieces, page.number, leaf.col))
    _set_columns(lines, metrics)
    parts = build_parts(lines, metrics, stands_alone)
    assign_kinds(parts)
    _spaced_credits(parts)
    _bylines_up(parts)
    return _furniture_parts(head, page.number) + parts + _furniture_parts(foot, page.number)
