"""Tickers and dates: entities with a fixed written shape, found by regex alone."""

from __future__ import annotations

import re

from article.spans import Span

TICKER_RE = re.compile(
    r"(?=\d)(?<![0-9A-Za-z.])(?:\d{6}\.(?:SH|SZ|BJ|NQ|SS)|\d{4,5}\.HK)(?![A-Za-z0-9])",
    re.IGNORECASE,
)

# A bare A-share or Beijing code in brackets right after a name: 某某银行（600036）.
BARE_CODE = r"(?:60[0135]|68[89]|00[0-3]|30[01]|8[3-7]\d|4[03]\d|920)\d{3}"
BARE_TICKER_RE = re.compile(rf"(?<=[\u4e00-\u9fff][(（]){BARE_CODE}(?=[)）])")

_YEAR = r"(?:19|20)\d{2}年"
_MONTH = r"(?:(?:1[0-2]|0?[1-9])月?[-—–~～至])?(?:1[0-2]|0?[1-9])月份?"  # 1-2月份, 1月至3月
_DAY = r"(?:3[01]|[12]\d|0?[1-9])[日号]"
_PART = r"(?:上旬|中旬|下旬|末|初|底|中)"
_YEAR_PART = r"(?:上半年|下半年|前三季度|第?[一二三四]季度[末初]?|年初|年中|年底|年末|初|底|末)"
_REL_YEAR = r"(?:今年|去年|明年|前年|上年|当年|本年)"
_CN_MONTH = r"(?:十[一二]|[一二三四五六七八九十])月"

DATE_RE = re.compile(
    rf"(?=[\d今去明前上当本第下一二三四])(?<!\d)(?:"
    rf"(?:{_YEAR}|{_REL_YEAR})?{_MONTH}(?:{_DAY}|{_PART})?"
    rf"|{_YEAR}{_YEAR_PART}?"
    rf"|{_REL_YEAR}{_YEAR_PART}"
    rf"|{_REL_YEAR}{_CN_MONTH}(?:{_PART})?"
    rf"|第?[一二三四]季度[末初]?|前三季度|[上下]半年|前(?:\d{{1,2}}|[一二三四五六七八九十]{{1,2}})个月"
    rf"|(?:19|20)\d{{2}}-(?:1[0-2]|0[1-9])-(?:3[01]|[12]\d|0[1-9])"
    rf")"
)


DIGIT_RE = re.compile(r"\d")


def find_tickers(text: str) -> list[Span]:
    """Exchange codes such as 601988.SH, 831099.NQ, 00700.HK, or 600036 bracketed after a name."""
    if not DIGIT_RE.search(text):
        return []  # every code has digits: one scan instead of two
    found = [*TICKER_RE.finditer(text), *BARE_TICKER_RE.finditer(text)]
    return [Span(m.start(), m.end(), "TICKER", 9, "exchange code") for m in found]


def find_dates(text: str) -> list[Span]:
    """Calendar dates and periods: 2025年9月末, 11月26日, 11月初, 2027年底, 今年上半年."""
    return [Span(m.start(), m.end(), "DATE", 8, "date pattern") for m in DATE_RE.finditer(text)]
