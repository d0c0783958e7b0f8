"""Columns that run on under a photo set across them: each column is read down past the photo
before the next begins.

A photo in the middle of several columns leaves a band of white space, with its caption in it,
across those columns; the XY-cut takes that band for a break between two rows of columns and
reads every column's top before any column's bottom. When the columns under the caption stand
exactly where those over it stand, they are the same columns going on.
"""

from __future__ import annotations

import re

from article.blocks import PHOTO_CAPTION
from article.layout.xycut import Leaf
from article.model import Piece

_CAPTION = re.compile(PHOTO_CAPTION)
_CREDIT = re.compile(r"(?:摄|供图)$")
_ALIGN = 0.5  # of the body size: columns over and under a photo start this close together


def around_photos(leaves: list[Leaf], size: float) -> list[Leaf]:
    """The leaves with each column over a photo followed by its own part under the photo."""
    units = _units(leaves)
    i = 0
    while i < len(units):
        if _caption(units[i]):
            units, i = _interleave(units, i, size)
        i += 1
    return [leaf for unit in units for leaf in unit]


def _units(leaves: list[Leaf]) -> list[list[Leaf]]:
    """Runs of leaves of one column region (a heading and the text under it are one column)."""
    units: list[list[Leaf]] = []
    for leaf in leaves:
        if units and units[-1][-1].col == leaf.col:
            units[-1].append(leaf)
        else:
            units.append([leaf])
    return units


def _text(unit: list[Leaf]) -> str:
    """The unit's text in reading order, as a caption test needs it."""
    pieces = sorted((p for leaf in unit for p in leaf.pieces), key=lambda p: (p.top, p.x0))
    return "".join(p.text for p in pieces)


def _caption(unit: list[Leaf]) -> bool:
    """A photo's caption (▲…, 图为…)."""
    return bool(_CAPTION.match(_text(unit)))


def _box(unit: list[Leaf]) -> tuple[float, float, float, float]:
    """x0, top, x1, bottom of a unit."""
    pieces: list[Piece] = [p for leaf in unit for p in leaf.pieces]
    return (
        min(p.x0 for p in pieces),
        min(p.top for p in pieces),
        max(p.x1 for p in pieces),
        max(p.bottom for p in pieces),
    )


def _interleave(units: list[list[Leaf]], c: int, size: float) -> tuple[list[list[Leaf]], int]:
    """Reorder the columns around the caption at c, if those over and under it line up."""
    end = c + 1
    while end < len(units) and _CREDIT.search(_text(units[end])) and len(_text(units[end])) < 12:
        end += 1  # the photographer's credit, set apart beside the caption
    left, top = _box(units[c])[:2]  # the caption starts where the photo does
    over: list[list[Leaf]] = []
    for unit in reversed(units[:c]):
        x0, _, _, unit_bottom = _box(unit)
        if unit_bottom > top or x0 < left - size:
            break
        over.insert(0, unit)
    bottom = max(_box(u)[3] for u in units[c:end])
    under = units[end : end + len(over)]
    if len(over) < 2 or len(under) != len(over) or any(_box(u)[1] < bottom for u in under):
        return units, c
    if any(abs(_box(a)[0] - _box(b)[0]) > _ALIGN * size for a, b in zip(over, under, strict=True)):
        return units, c
    start = c - len(over)
    paired = [unit for pair in zip(over, under, strict=True) for unit in pair]
    rebuilt = units[:start] + paired + units[c:end] + units[end + len(under) :]
    return rebuilt, start + len(paired) + (end - c) - 1
