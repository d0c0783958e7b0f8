"""Numeral parsing: exact values for Arabic and Chinese numerals, with and without magnitudes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from article.figures.numbers import MAGNITUDES, parse_arabic, parse_chinese, parse_number, to_float

CN_DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    """Chinese reading of 0 < n < 10000, with 零 for inner gaps (1005 -> 一千零五)."""
    out, pending_zero = "", False
    for power, unit in ((3, "千"), (2, "百"), (1, "十"), (0, "")):
        digit = n // 10**power % 10
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += CN_DIGITS[digit] + unit
    return out


def to_chinese(n: int) -> str:
    """Render 0 <= n < 10**12 the way a newspaper writes it out."""
    if n == 0:
        return "零"
    yi, rest = divmod(n, 10**8)
    wan, low = divmod(rest, 10**4)
    out = _section(yi) + "亿" if yi else ""
    if wan:
        out += ("零" if out and wan < 1000 else "") + _section(wan) + "万"
    if low:
        out += ("零" if out and (low < 1000 or not wan) else "") + _section(low)
    return out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("三", 3),
        ("十五", 15),
        ("二十", 20),
        ("一百零五", 105),
        ("两万", 20000),
        ("三亿五千万", 350000000),
        ("一万二", 12000),
        ("三千五", 3500),
        ("三点五", Decimal("3.5")),
        ("二〇二六", 2026),
        ("三万亿", 3 * 10**12),
    ],
)
def test_chinese_numerals(text: str, value: int | Decimal) -> None:
    assert parse_chinese(text) == value


def test_arabic_with_separators_and_fullwidth_digits() -> None:
    assert parse_arabic("1,433.57") == Decimal("1433.57")
    assert parse_number("１２.５") == Decimal("12.5")
    with pytest.raises(ValueError):
        parse_arabic("12a")


def test_magnitudes_are_exact() -> None:
    assert parse_number("4000") * MAGNITUDES["亿"] == 400_000_000_000
    assert to_float(parse_number("1433.57") * MAGNITUDES["万"]) == 14_335_700
    assert to_float(parse_number("0.1") * 3) == 0.3
    assert to_float(Decimal(1) / 3, 4) == 0.3333


def test_bad_chinese_numeral_is_rejected() -> None:
    with pytest.raises(ValueError):
        parse_chinese("三点")


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_round_trip(n: int) -> None:
    assert parse_chinese(to_chinese(n)) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_arabic_round_trip(value: Decimal) -> None:
    assert parse_arabic(f"{value:,}") == value
