"""Names no lexicon holds: coined firms, compound surnames, roles, Q&A turns, unknown cities."""

from __future__ import annotations

import pytest

from article.entities import find_entities
from article.model import Block


def blocks_of(*paragraphs: str) -> list[Block]:
    """Plain paragraph blocks, independent of reflow."""
    return [Block(i, "paragraph", text, [(i + 1, i + 1)]) for i, text in enumerate(paragraphs)]


def of_type(kind: str, *paragraphs: str) -> list[str]:
    """Texts of one entity type in reading order."""
    return [e.text for e in find_entities(blocks_of(*paragraphs)) if e.type == kind]


@pytest.mark.parametrize(
    ("paragraph", "orgs"),
    [
        ("11月2日，嘉禾银行宁波分行向当地企业发放贷款。", ["嘉禾银行宁波分行"]),
        (
            "记者从云澜证券获悉，该公司与泓泰基金、恒屿信托共同出资。",
            ["云澜证券", "泓泰基金", "恒屿信托"],
        ),
        (
            "据荣安财险披露，其与汇川资管合作，携手裕丰人寿推出新产品。",
            ["荣安财险", "汇川资管", "裕丰人寿"],
        ),
        ("此前，瀚海银行行长表示，今年岭南银行的利润增长。", ["瀚海银行", "岭南银行"]),
        ("明泰保险资产管理公司和长汀期货也在名单中。", ["明泰保险资产管理公司", "长汀期货"]),
        ("澄海保险资管投资总监指出，久期匹配是关键。", ["澄海保险资管"]),
        ("9月3日，鹭岛集团宣布与獐子湾银行签署协议。", ["鹭岛集团", "獐子湾银行"]),
    ],
)
def test_coined_firm_names_before_a_firm_suffix(paragraph: str, orgs: list[str]) -> None:
    assert of_type("ORG", paragraph) == orgs


@pytest.mark.parametrize(
    "paragraph",
    [
        "数字人民币对商业银行的存款会产生哪些影响？中小银行、城商行、股份制银行和国有银行都在布局。",
        "该银行表示，多家银行已经跟进，这家保险公司也在观望，部分保险机构持观望态度。",
        "投向股票和证券投资基金的资金占比上升，养老保险、医疗保险和重疾保险需求上升。",
        "外资银行、民营银行、村镇银行、直销银行、互联网银行纷纷布局，城投公司和政府引导基金也在参与。",
        "商业保险与社会保险互为补充，存款保险制度运行平稳，投资银行业务增长。",
        "不少银行加大投放，一些保险资金进入养老社区，险企资管规模上升。",
        "他说银行理财产品收益下降，头部券商资管、公募基金和私募基金表现分化。",
        "记者从多家银行了解到，各家银行普遍加大了支持力度。上述银行均表示，两家银行合计投放。",
        "当地银行、外地银行与全国性银行竞争，大型银行和中小型银行各有优势。",
        "这些保险公司、寿险公司、财险公司的保费增长，人身保险和财产保险分化。",
        "推动科技保险、绿色保险、农业保险、巨灾保险、出口信用保险发展。",
        "产业基金加速设立，创投基金募资困难，这也会让银行更加谨慎。",
    ],
)
def test_generic_firm_heads_are_not_names(paragraph: str) -> None:
    assert of_type("ORG", paragraph) == []
