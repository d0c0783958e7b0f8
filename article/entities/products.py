"""Financial products: named loans and cards a bank launches (某某科创贷, “某某贷”)."""

from __future__ import annotations

import re

from article import segment
from article.spans import Span

_NAME = r"[\u4e00-\u9fff]{2,9}?[贷宝卡保险]"
_END = r"(?=[、，。；：”\"等）)\s]|$)"
_LAUNCH = r"(?:推出|发布|上线|推广|创设|首创|落地|发放)了?[“\"]?"
LAUNCH_RE = re.compile(rf"{_LAUNCH}(?P<name>{_NAME}){_END}")
LIST_ITEM_RE = re.compile(rf"、(?P<name>{_NAME}){_END}")
QUOTED_RE = re.compile(rf"[“\"](?P<name>{_NAME})[”\"](?=产品|专项|融资|贷款|业务|服务)")


def _is_name(name: str) -> bool:
    """A coined product name, not an everyday word such as 信贷 or 房贷."""
    return len(name) >= 3 and not segment.word_freq(name)


def find_products(text: str) -> list[Span]:
    """Products launched in the text (and the rest of their 、 list), quoted “某某贷”产品."""
    spans: list[Span] = []
    for m in LAUNCH_RE.finditer(text):
        pos = m.start("name")
        item: re.Match[str] | None = m
        while item is not None and _is_name(item.group("name")):
            spans.append(Span(item.start("name"), item.end("name"), "PRODUCT", 4))
            pos = item.end("name")
            item = LIST_ITEM_RE.match(text, pos)
    for m in QUOTED_RE.finditer(text):
        if _is_name(m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRODUCT", 4))
    return spans
