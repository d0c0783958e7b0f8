"""Pure formatting of figures for the 数据 tab: readable values, orderings and block bars."""

from __future__ import annotations

import math
from collections.abc import Sequence

from article.model import Figure

# Largest magnitude first: a value is shown in the biggest unit that keeps it >= 1.
_MAGNITUDES: tuple[tuple[float, str], ...] = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_EIGHTHS = " ▏▎▍▌▋▊▉"
_PERCENT_UNITS = ("%", "‰")
_INNER_QUALIFIERS = ("余", "多")  # 110余家: between the number and the unit
_TRAILING_QUALIFIERS = ("以内", "以上", "以下")


def group_digits(value: float, decimals: int = 2) -> str:
    """4000 -> '4,000', 1433.57 -> '1,433.57', 3.60 -> '3.6': digits a reader can scan."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _magnitude(value: float, unit: str) -> tuple[float, str]:
    """The 万/亿/万亿 size that keeps a money or count figure short (none for percentages)."""
    if unit in _PERCENT_UNITS or unit == "":
        return 1.0, ""
    for size, name in _MAGNITUDES:
        if abs(value) >= size:
            return size, name
    return 1.0, ""


def _digits(value: float, unit: str, size: float) -> str:
    """The number part: bare ratios as percentages, others scaled to the chosen magnitude."""
    if unit == "":
        return group_digits(value * 100, 1)
    return group_digits(value / size)


def _unit_suffix(unit: str, magnitude: str) -> str:
    """Percent signs stay tight ('30.5%'); word units get a space ('4,000 亿元')."""
    if unit in _PERCENT_UNITS or unit == "":
        return unit or "%"
    return f" {magnitude}{unit}"


def format_value(figure: Figure) -> str:
    """The figure as a reader says it: '超过 4,000 亿元', '30%–50%', '15.8 个百分点'."""
    size, magnitude = _magnitude(figure.value, figure.unit)
    text = _digits(figure.value, figure.unit, size)
    if figure.high is not None:
        text += "–" + _digits(figure.high, figure.unit, size)
    qualifier = figure.qualifier or ""
    if qualifier in _INNER_QUALIFIERS:
        return text + qualifier + _unit_suffix(figure.unit, magnitude).lstrip()
    text += _unit_suffix(figure.unit, magnitude)
    if qualifier in _TRAILING_QUALIFIERS:
        return f"{text} {qualifier}"
    return f"{qualifier} {text}".strip()


def unit_name(figure: Figure) -> str:
    """The unit shown in headings and sort groups ('比例' for bare ratios)."""
    return figure.unit or "比例"


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
