"""Figures as a reader says them (超过 4,000 亿元, 33.3%): for the reader and the export alike."""

from __future__ import annotations

from article.model import Figure

# Largest magnitude first: a value is shown in the biggest unit that keeps it >= 1.
_MAGNITUDES: tuple[tuple[float, str], ...] = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_PERCENT_UNITS = ("%", "‰")
_INNER_QUALIFIERS = ("余", "多")  # 110余家: between the number and the unit
_TRAILING_QUALIFIERS = ("以内", "以上", "以下", "左右", "上下", "开外", "出头")


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
