"""Figures for the 数据 tab: readable values (from article.figure_text), orderings and bars."""

from __future__ import annotations

import math
from collections.abc import Sequence

from article.figure_text import format_value, group_digits, unit_name
from article.model import Figure

_EIGHTHS = " ▏▎▍▌▋▊▉"

__all__ = [
    "bar",
    "bar_lengths",
    "cells_bar",
    "format_value",
    "group_digits",
    "money_figures",
    "sorted_by_value",
    "unit_name",
]


def sorted_by_value(figures: Sequence[Figure]) -> list[int]:
    """Indices of `figures` grouped by unit (first appearance order), largest value first."""
    first_seen: dict[str, int] = {}
    for i, fig in enumerate(figures):
        first_seen.setdefault(fig.unit, i)
    order = range(len(figures))
    return sorted(order, key=lambda i: (first_seen[figures[i].unit], -figures[i].value))


def bar(value: float, largest: float, width: int) -> str:
    """A horizontal bar in eighth-cell steps, `width` cells for the largest value."""
    if largest <= 0 or value <= 0:
        return ""
    return cells_bar(value / largest * width)


def bar_lengths(values: Sequence[float], width: int) -> tuple[list[float], bool]:
    """Bar lengths in cells for positive values, and whether the scale is logarithmic: linear
    while the smallest bar still fills a whole cell, else log10 so every bar shows."""
    largest, smallest = max(values), min(values)
    if largest <= 0 or smallest / largest * width >= 1:
        return [v / largest * width if largest > 0 else 0 for v in values], False
    decades = math.log10(largest / smallest)
    floor = 1 / (decades + 1)  # the smallest bar: one decade's share of the width
    return [
        width * (floor + (1 - floor) * math.log10(v / smallest) / decades) for v in values
    ], True


def cells_bar(cells: float) -> str:
    """A bar `cells` long in eighth-cell steps."""
    eighths = max(1, round(cells * 8)) if cells > 0 else 0
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def money_figures(figures: Sequence[Figure], limit: int = 8) -> list[Figure]:
    """The largest amounts in 元, in reading order: a comparison needs at least two."""
    money = [f for f in figures if f.unit == "元" and f.value > 0]
    if len(money) < 2:
        return []
    keep = {id(f) for f in sorted(money, key=lambda f: -f.value)[:limit]}
    return [f for f in money if id(f) in keep]
