"""Financial products: named loans and cards a bank launches (某某科创贷, “某某贷”)."""

from __future__ import annotations

import re

from article import segment, wordtags
from article.spans import Span

_NAME = r"[\u4e00-\u9fff]{2,9}?[贷宝卡保险]"
_END = r"(?=[、，。；：”\"等）)\s]|$)"
_LAUNCH = r"(?:推出|发布|上线|推广|创设|首创|落地|发放)了?[“\"]?"
LAUNCH_RE = re.compile(rf"{_LAUNCH}(?!的)(?P<name>{_NAME}){_END}")  # (推出的茶叶保险: no name)
LIST_ITEM_RE = re.compile(rf"、(?P<name>{_NAME}){_END}")
QUOTED_RE = re.compile(rf"[“\"](?P<name>{_NAME})[”\"](?=产品|专项|融资|贷款|业务|服务)")
_PRODUCT_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,8}")
COINED_FREQ = 50  # a word rarer than this may be coined for a brand (稳盈, 安享)
LEAD_FUNCTION_TAGS = frozenset({"d", "p", "c", "r", "u", "m", "ad"})
# Programmes a bank or government launches are named in quotes: “某某共赢计划”, “某某行动”.
PROGRAMME_RE = re.compile(
    r"“(?P<name>[\u4e00-\u9fff]{2,12}?(?:行动计划|计划|行动|工程|专项行动|方案|工作法|[贷宝卡券]))”"
)


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
            spans.append(
                Span(item.start("name"), item.end("name"), "PRODUCT", 4, "launched product")
            )
            pos = item.end("name")
            item = LIST_ITEM_RE.match(text, pos)
    for m in QUOTED_RE.finditer(text):
        if _is_name(m.group("name")):
            spans.append(Span(m.start("name"), m.end("name"), "PRODUCT", 4, "quoted product"))
    return spans + _programmes(text) + _quoted_kinds(text) + _listed_funds(text)


# A listed fund named by its manager's brand: 某某仓储物流REIT, 某某低空经济ETF (not 公募REITs),
# its whole name quoted or opening a sentence.
LISTED_FUND_RE = re.compile(
    r"(?:(?<=“)(?P<quoted>[\u4e00-\u9fff]{2,12}?(?:REITs?|ETF|LOF))(?=”)"
    r"|(?:^|(?<=[。\n]))(?P<name>[\u4e00-\u9fff]{2,12}?(?:REITs?|ETF|LOF))(?![A-Za-z]))"
)


def _listed_funds(text: str) -> list[Span]:
    """A fund listed on an exchange, when a coined brand opens its name."""
    spans: list[Span] = []
    if "REIT" not in text and "ETF" not in text and "LOF" not in text:
        return spans
    for m in LISTED_FUND_RE.finditer(text):
        group = "quoted" if m.group("quoted") else "name"
        name = m.group(group)
        coined = segment.word_freq(name[:2]) < COINED_FREQ and not segment.word_freq(name[:3])
        if coined and not _FUND_FUNCTION.search(name):
            spans.append(
                Span(m.start(group), m.end(group), "PRODUCT", 4, "a listed fund named by its brand")
            )
    return spans


# 装进REIT, 和商品ETF: a phrase, no name
_FUND_FUNCTION = re.compile(r"[的把在是将和及与该比它其这那对从向]")


# A quoted coined name set beside the kind of product it is: “某某稳盈”系列, 新药“某某康”.
_QUOTED = r"“(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,8})”"
QUOTED_KIND_RE = re.compile(
    rf"(?:(?<=新药|药物|产品|品牌|平台|系列|项目|系统|模型|工具|险种){_QUOTED}"
    r"|(?=“[^”]{2,8}”(?:年金|线上|策略|专属)?(?:系列|产品|项目|平台|品牌|专区|贷款|理财|保险|基金|工具|App|APP"
    r"|合作协议|(?:养老|助学|慈善){0,2}信托"
    r"|[\u4e00-\u9fff]{0,8}?(?:资产支持证券|资产支持票据|资产支持专项计划)))"
    r"“[^”]{2,8}”)"
)


def _quoted_kinds(text: str) -> list[Span]:
    """“某某稳盈”系列, “稳猪价”项目, 新药“某某康”: the name of a product, series or programme."""
    if "“" not in text:
        return []
    return [
        Span(m.start() + 1, m.end() - 1, "PRODUCT", 4, "quoted name of a product or project")
        for m in QUOTED_KIND_RE.finditer(text)
        if _product_name(m.group()[1:-1])
        or _trust_name(m.group()[1:-1], text, m.end())
        or _series_name(m.group()[1:-1], text, m.end())
    ]


def _series_name(name: str, text: str, end: int) -> bool:
    """A product line is named by a phrase (“恒远传承”系列): any name no dictionary holds."""
    return text.startswith("系列", end) and _is_name(name) and _coined(name)


_TRUST_KIND = re.compile(r"(?:养老|助学|慈善){0,2}信托")


def _trust_name(name: str, text: str, end: int) -> bool:
    """A charity trust is named by a phrase (“春苗助学”慈善信托): any name no dictionary holds."""
    return bool(_TRUST_KIND.match(text, end)) and not segment.word_freq(name)


def _product_name(name: str) -> bool:
    """Letters, digits and Han only, coined, no adverb first, no slogan of everyday words."""
    coined = _is_name(name) or (len(name) == 2 and not segment.word_freq(name))  # “晶刻”系列
    return bool(_PRODUCT_CHARS.fullmatch(name)) and coined and _coined(name) and _no_phrase(name)


def _no_phrase(name: str) -> bool:
    """Not a slogan (“含权贸易”): a brand ends in a coined word or a lone character."""
    last = segment.cut(name, hmm=False)[-1]
    return len(last) == 1 or segment.word_freq(last) < COINED_FREQ  # 含权贸易 ends in a noun


def _programmes(text: str) -> list[Span]:
    """“某某共赢计划”, “某某快贷”: a quoted coined name ending like a programme or a loan."""
    if "“" not in text:
        return []
    return [
        Span(
            m.start("name"),
            m.end("name"),
            "PRODUCT",
            4,
            f"quoted name ending in {m.group('name')[-2:]}",
        )
        for m in PROGRAMME_RE.finditer(text)
        if _is_name(m.group("name")) and _coined(m.group("name"))
    ]


def _coined(name: str) -> bool:
    """Not a phrase in quotes (“不敢贷”, “单点信贷”): no adverb first, 贷 a character of its own."""
    parts = segment.cut(name, hmm=False)
    if len(parts[0]) > 1 and wordtags.tag(parts[0]) in LEAD_FUNCTION_TAGS:
        return False
    return name[-1] not in "贷宝卡" or parts[-1] == name[-1]


# How a text uses a product's quoted name: 通过“某某”为企业放款, “某某”上线后, “某某”项下贷款.
_QUOTED_ANY = re.compile(r"“(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,6})”")
_USED_BEFORE = (
    "通过", "推出", "发行", "凭借", "借助", "依托", "办理", "申请", "购买", "投保", "参保",
    "加入", "接入", "使用", "债券", "它的", "旗下",
)  # fmt: skip
_USED_AFTER = (
    "上线", "推出", "采用", "项下", "累计", "已为", "覆盖", "的服务", "的担保", "的保障",
    "的额度", "的贷款", "的规模", "的投保", "的参保", "的发行", "已累计", "是该行", "是该公",
    "起存", "起投", "的商户", "的用户", "的客户", "收款", "在深圳", "在上海", "上市",
)  # fmt: skip


def used_products(texts: list[str]) -> set[str]:
    """Coined names a document quotes at least twice, once the way a product is used or
    launched: the document's own products, though no suffix says so (“船链融”, “风盾”)."""
    counts: dict[str, int] = {}
    used: set[str] = set()
    for text in texts:
        for m in _QUOTED_ANY.finditer(text):
            name = m.group("name")
            counts[name] = counts.get(name, 0) + 1
            before, after = text[max(0, m.start() - 4) : m.start()], text[m.end() : m.end() + 3]
            if before.endswith(_USED_BEFORE) or after.startswith(_USED_AFTER):
                used.add(name)
    return {name for name in used if counts[name] >= 2 and _product_name(name)}


def used_product_spans(text: str, names: set[str]) -> list[Span]:
    """Every quoted mention of the document's own products."""
    return [
        Span(
            m.start("name"), m.end("name"), "PRODUCT", 4, "a quoted name the text uses as a product"
        )
        for m in _QUOTED_ANY.finditer(text)
        if m.group("name") in names
    ]
