"""Chinese and Arabic numerals to exact Decimals, so 4000亿 is 400000000000 without float error."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
DIGITS |= {"七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8}
MAGNITUDES = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10}
MAGNITUDES |= {"亿": Decimal(10) ** 8, "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6}
MAGNITUDES |= {"万": Decimal(10) ** 4, "千": Decimal(10) ** 3}
CN_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点"


def parse_arabic(text: str) -> Decimal:
    """'1,433.57' -> Decimal('1433.57'); full-width digits are accepted."""
    cleaned = text.translate(_FULLWIDTH).replace(",", "").replace("，", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {text!r}") from exc


_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def _parse_section(text: str) -> int:
    """A section below 万: 三千五百二十 -> 3520, 十五 -> 15, 二〇二五 -> 2025 (digit by digit)."""
    if text and all(ch in DIGITS for ch in text) and len(text) > 1:
        return int("".join(str(DIGITS[ch]) for ch in text))
    total, digit, last_unit, zero = 0, None, 0, False
    for ch in text:
        if ch in DIGITS:
            zero = zero or DIGITS[ch] == 0
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit, last_unit, zero = None, SMALL_UNITS[ch], False
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    if digit and last_unit >= 100 and not zero:
        return total + digit * last_unit // 10  # 三千五 is 3500, 一百五 is 150
    return total + (digit or 0)


def _parse_integer(text: str) -> int:
    """Chinese integer with 万/亿 sections: 三亿五千万 -> 350000000."""
    if not text:
        raise ValueError("empty numeral")
    for unit in ("亿", "万"):
        head, sep, tail = text.rpartition(unit) if unit == "万" else text.partition(unit)
        if sep:
            high = _parse_integer(head) if head else 1
            if len(tail) == 1 and tail in DIGITS and DIGITS[tail]:
                return (high * 10 + DIGITS[tail]) * BIG_UNITS[unit] // 10  # 一万二 is 12000
            return high * BIG_UNITS[unit] + (_parse_integer(tail) if tail else 0)
    return _parse_section(text)


def parse_chinese(text: str) -> Decimal:
    """'三点五' -> 3.5, '一千二百' -> 1200, '两万' -> 20000."""
    whole, sep, frac = text.partition("点")
    value = Decimal(_parse_integer(whole))
    if sep:
        if not frac or any(ch not in DIGITS for ch in frac):
            raise ValueError(f"bad decimal part: {text!r}")
        value += Decimal("0." + "".join(str(DIGITS[ch]) for ch in frac))
    return value


def parse_number(text: str) -> Decimal:
    """Arabic or Chinese numeral to Decimal."""
    if text and (text[0].isdigit() or text[0] in "０１２３４５６７８９"):
        return parse_arabic(text)
    return parse_chinese(text)


def to_float(value: Decimal, places: int | None = None) -> float:
    """The JSON value: exact integers stay exact; ratios are rounded to `places` digits."""
    if places is not None:
        value = round(value, places)
    if value == value.to_integral_value():
        return float(int(value))
    return float(value)
