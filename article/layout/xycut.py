"""Cut a page into regions along white space, in reading order (recursive XY-cut).

A region is first cut at wide horizontal white space that runs through all of it (between
articles stacked one above the other), then at vertical white space (column gutters, the gap
between two articles side by side) when the columns start level, then at horizontal white space
wider than the body's line spacing (between a title and its text, above a chart). A column that
starts lower than its neighbours sits under something spanning them (a centred title): the
horizontal cut goes first there. Each part is cut again.
The leaves, read in order, give columns top to bottom and left to right, article by article.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from article.layout.geometry import BIG_RATIO, Metrics
from article.model import Piece

_HEAD_RATIO = 1.2  # a title or deck, not a heading inside a column
_TOP_BANDS = 2  # bands over the columns an unlocking cut may take off: a deck, a byline
_NARROW_GUTTER = 0.45  # in ems: the narrowest gutter between columns of several lines
_NARROW_LINES = 3  # lines each column cut at a narrow gutter runs over
MAX_DEPTH = 60  # a hostile page cannot recurse without end
_X0, _X1, _TOP, _BOTTOM = (attrgetter(name) for name in ("x0", "x1", "top", "bottom"))


@dataclass(slots=True)
class Leaf:
    """A region no white space cuts further: its pieces and its column's id."""

    pieces: list[Piece]
    col: int


class _Cutter:
    """Recursive cutting with the page's thresholds; numbers the column regions."""

    def __init__(self, metrics: Metrics) -> None:
        self.v_gap = 0.7 * metrics.size
        self.narrow_gap = _NARROW_GUTTER * metrics.size
        self.body = metrics.size
        self.pitch = metrics.line_gap + metrics.size
        self.h_gap = metrics.line_gap + 0.45 * metrics.size
        self.wide_gap = metrics.line_gap + 1.2 * metrics.size  # white space between articles
        self.level = 2 * metrics.size  # tops of columns side by side differ less than this
        self.fine_gap = metrics.line_gap + 0.2 * metrics.size
        self.big = BIG_RATIO * metrics.size  # type at least this large heads what is under it
        self.head = _HEAD_RATIO * metrics.size  # ... and this large, a whole article or region
        self.cols = 0
        self.leaves: list[Leaf] = []

    def cut(self, pieces: list[Piece], col: int, depth: int = 0) -> None:
        """Append the leaves of `pieces` in reading order."""
        if len(pieces) > 1 and depth < MAX_DEPTH:
            parts = split(pieces, self.wide_gap, vertical=False)
            if len(parts) > 1:
                return self._each(parts, col, depth)
            columns = self._gutters(pieces)
            if len(columns) > 1 and self._level(columns):
                return self._columns(columns, depth)
            parts = self._bands(pieces)
            if len(parts) > 1 and len(columns) > 1 and not self._heads(parts[0]):
                return self._columns(columns, depth)  # a column lower under a photo: no head
            if len(parts) > 1:
                return self._each(parts, col, depth)
            parts = head_band(pieces, self.big)
            if len(parts) == 1:
                parts = self._unlocking_cut(pieces)
            if len(parts) > 1:
                return self._each(parts, col, depth)
            if len(columns) > 1:
                return self._columns(columns, depth)
        self.leaves.append(Leaf(pieces, col))

    def _each(self, parts: list[list[Piece]], col: int, depth: int) -> None:
        """Cut each part on, in order, within the same column region."""
        for part in parts:
            self.cut(part, col, depth + 1)

    def _unlocking_cut(self, pieces: list[Piece]) -> list[list[Piece]]:
        """The top band or two cut off at white space a little wider than the line spacing,
        when what is under them then stands in level columns: a byline in body type over a
        gutter, or a deck in small type and a centred byline under it."""
        parts = split(pieces, self.fine_gap, vertical=False)
        if len(parts) == 1 or all(piece.size >= self.big for piece in parts[0]):
            return [pieces]  # large type is head_band's to cut
        for top in range(1, min(len(parts), _TOP_BANDS + 1)):
            rest = [piece for part in parts[top:] for piece in part]
            columns = self._gutters(rest)
            if len(columns) > 1 and self._level(columns) and min(map(len, columns)) > 1:
                return [*parts[:top], rest]
        return [pieces]

    def _gutters(self, pieces: list[Piece]) -> list[list[Piece]]:
        """Columns side by side at white space running top to bottom: at least 0.7 em wide,
        or narrower (a 2 mm gutter in small type) where every column it makes runs over
        several lines, which no spaced title or byline does."""
        columns = split(pieces, self.v_gap, vertical=True)
        if len(columns) > 1:
            return columns
        narrow = split(pieces, self.narrow_gap, vertical=True)
        if len(narrow) > 1 and all(self._lines(column) >= _NARROW_LINES for column in narrow):
            return narrow
        return self._body_gutters(pieces) or columns

    def _body_gutters(self, pieces: list[Piece]) -> list[list[Piece]]:
        """Columns the body type leaves gutters between, though a heading in other type hangs
        a little into one: each other piece goes with the column its middle stands over."""
        body: list[Piece] = []
        others: list[Piece] = []
        for piece in pieces:
            (body if abs(piece.size - self.body) <= 0.1 * self.body else others).append(piece)
        if not others or len(body) < 0.8 * len(pieces):
            return []
        columns = split(body, self.narrow_gap, vertical=True)
        if len(columns) < 2 or any(self._lines(column) < _NARROW_LINES for column in columns):
            return []
        spans = [(min(p.x0 for p in c), max(map(_inked_x1, c))) for c in columns]
        for piece in others:
            over = [min(piece.x1, x1) - max(piece.x0, x0) for x0, x1 in spans]
            if sum(width > min(piece.size, (piece.x1 - piece.x0) / 2) for width in over) != 1:
                return []  # a title across the columns: not a heading hung into a gutter
            columns[over.index(max(over))].append(piece)
        return columns

    def _lines(self, column: list[Piece]) -> int:
        """How many lines of body pitch a column's pieces stand on."""
        return len({round(piece.top / self.pitch) for piece in column})

    def _bands(self, pieces: list[Piece]) -> list[list[Piece]]:
        """Horizontal bands at white space wider than the line spacing; bands of body type
        next to each other stay one (white space that runs across columns of running text
        between two paragraph gaps, as beside a photo, cuts no article)."""
        bands: list[list[Piece]] = []
        for band in split(pieces, self.h_gap, vertical=False):
            if bands and not self._heads(bands[-1]) and not self._heads(band):
                bands[-1].extend(band)
            else:
                bands.append(band)
        return bands

    def _heads(self, band: list[Piece]) -> bool:
        """The top band holds large type (a title or deck), which is what a lower column can
        sit under; body text alone above white space is no head."""
        return any(piece.size >= self.head for piece in band)

    def _level(self, columns: list[list[Piece]]) -> bool:
        """Columns side by side start level; one starting lower sits under a spanning title."""
        tops = [min(p.top for p in column) for column in columns]
        return max(tops) - min(tops) <= self.level

    def _columns(self, columns: list[list[Piece]], depth: int) -> None:
        """Cut each column on, as a column region of its own."""
        for column in columns:
            self.cols += 1
            self.cut(column, self.cols, depth + 1)


def split(pieces: list[Piece], gap: float, vertical: bool) -> list[list[Piece]]:
    """Groups of pieces separated by white space at least `gap` wide along one axis."""
    start, end = (_X0, _inked_x1) if vertical else (_TOP, _BOTTOM)
    ordered = sorted(pieces, key=start)
    parts: list[list[Piece]] = []
    current: list[Piece] = []
    reach = -1e9
    for piece in ordered:
        if start(piece) - reach >= gap:
            current = [piece]
            parts.append(current)
        else:
            current.append(piece)
        reach = max(reach, end(piece))
    return parts


_HANGING = frozenset("，。、；：！？”’）》,.;:!?)")  # marks a justified column may hang


def _inked_x1(piece: Piece) -> float:
    """The right edge of a piece's text, a last mark hung into the gutter not counted (a
    column set with hanging punctuation narrows its gutter by an em on such lines)."""
    if piece.text[-1:] in _HANGING and len(piece.text) > 1:
        return piece.x1 - 0.5 * piece.size
    return piece.x1


def head_band(pieces: list[Piece], big: float) -> list[list[Piece]]:
    """A title or deck in large type spanning the columns under it, set closer to them than
    white space between articles: cut off at the last clean gap under large type only."""
    ordered = sorted(pieces, key=_TOP)
    above = _line_over_head(ordered, big)
    reach, cut = -1e9, 0
    for k, piece in enumerate(ordered):
        if k and piece.top >= reach:
            cut = k
        if piece.size < big and k >= above:  # body type under the head: cut above it
            return [ordered[:cut], ordered[cut:]] if cut else [ordered]
        reach = max(reach, piece.bottom)
    return [ordered]  # large type only: a title's own lines stay together


def _line_over_head(ordered: list[Piece], big: float) -> int:
    """How many pieces of one line in small type stand over the large type (a byline or a
    kicker set above the title): they belong to the head band. 0 when there is none."""
    first_big = next((k for k, piece in enumerate(ordered) if piece.size >= big), 0)
    if not first_big:
        return 0
    over = ordered[:first_big]
    one_line = max(map(_BOTTOM, over)) - min(map(_TOP, over)) < _ONE_LINE * over[0].size
    return first_big if one_line and max(map(_BOTTOM, over)) <= ordered[first_big].top else 0


_ONE_LINE = 1.5  # a band no taller than this many times its type size is one line


def regions(pieces: list[Piece], metrics: Metrics) -> list[Leaf]:
    """The page's leaf regions in reading order."""
    cutter = _Cutter(metrics)
    if pieces:
        cutter.cut(pieces, 0)
    return cutter.leaves
