"""Firms written in Latin letters (Lazada, Ninja Van): no lexicon holds them, the sentence does.

A capitalised word in Chinese prose is a brand, a unit, an index or an acronym. It is taken for
an organisation only when the text says so: it stands right after the kind of firm it is
(电商平台Lazada), is followed by a firm's noun or verb (Shopee平台, Shopee表示), or counts as
a data source (据Wind统计).
"""

from __future__ import annotations

import re

from article.spans import words

# A word with a capital and a small letter (Lazada, eBay, TikTok), or two such words.
_WORD = r"[A-Za-z][A-Za-z&\-]*"
LATIN_NAME_RE = re.compile(
    rf"(?<![A-Za-z0-9.])(?P<name>{_WORD}(?: [A-Z][A-Za-z&\-]*){{0,3}})(?![A-Za-z0-9])"
)
_KIND_BEFORE = re.compile(
    r"(?:平台|电商|公司|集团|品牌|巨头|服务商|厂商|零售商|运营商|供应商|机构|银行|旗下|伙伴|对手|"
    r"合作方|客户|股东|投资方|基金|资管|咨询|研究|企业|车企|药企|航司|船东|买家|[\u4e00-\u9fff]商|"
    r"旅行社|出版社|通讯社)$"
)
_FIRM_AFTER = re.compile(
    r"(?:表示|宣布|发布|披露|透露|称|介绍|指出|认为|数据显示|的数据显示|公司|集团|平台|旗下|"
    r"创始人|首席|总裁|董事长|CEO|中国区|亚太区|大中华区|亚洲区|欧洲区|北美区|拉美区|全球|官方|"
    r"合伙人|总经理|副总裁|负责人|高管|[\u4e00-\u9fff]{2}事业部|销售)"
)
_SOURCE_BEFORE = re.compile(r"(?:据|根据|来自)$")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # REITs, ETFs: kinds of security
_NOT_FIRMS = frozenset(
    words(
        "App APP Pro Plus Max Mini Ultra Lite Logo Web Wi-Fi WiFi Token Beta Demo Excel PPT "
        "Java Python Linux Windows Android Email Blog Vlog Live Show Talk Lab Hub Cloud Data "
        "Fintech Regtech Insurtech Proptech ChatGPT GPT"
    )
)
_LOOK = 6  # characters of context read on either side
# The last word of a firm's Latin name (Nordvik Asset Management, Helvora Re, Samdori Foods).
_CORPORATE_WORDS = frozenset(
    words(
        "Re Capital Partners Management Holdings Holding Group Bank Insurance Assurance Securities "
        "Fund Funds Asset Assets Ventures Trust Trustees Investments Investment Advisors Foods "
        "Food "
        "Tours Travel Mining Logistics Shipping Energy Power Tech Technologies Labs Pharma "
        "Genetics Motors Industries Solutions Systems Finance Financial Bancorp Corp Corporation "
        "Inc Ltd LLC AG GmbH SA NV PLC Co"
    )
)


def _is_name(name: str) -> bool:
    """Capitalised like a name: a capital and a small letter, not a plural acronym or a term."""
    if len(name) < 3 or name in _NOT_FIRMS or _PLURAL_ACRONYM.fullmatch(name):
        return False
    return any(ch.isupper() for ch in name) and any(ch.islower() for ch in name)


def latin_firms(text: str) -> dict[str, str]:
    """Latin-letter names the sentence around them sets as firms, with the evidence."""
    found: dict[str, str] = {}
    for m in LATIN_NAME_RE.finditer(text):
        name = m.group("name")
        if not _is_name(name) or name in found:
            continue
        before = text[max(0, m.start() - _LOOK) : m.start()]
        after = text[m.end() : m.end() + _LOOK]
        if name.split()[-1] in _CORPORATE_WORDS and " " in name:
            found[name] = "a Latin-letter name ending in a firm's word (Asset Management, Re)"
        elif _KIND_BEFORE.search(before):
            found[name] = "a Latin-letter name after the kind of firm it is"
        elif _FIRM_AFTER.match(after):
            found[name] = "a Latin-letter name that speaks or owns like a firm"
        elif _SOURCE_BEFORE.search(before) and re.match(r"(?:的)?(?:统计|数据|显示)", after):
            found[name] = "a Latin-letter data source (据…统计)"
    return found
