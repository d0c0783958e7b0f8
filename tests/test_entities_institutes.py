"""Research institutes named after a region, coined two-character names, and what is no firm:
a controlling shareholder, a kind of fund described, a verb between a word and a suffix."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.model import Block


def orgs_of(text: str) -> list[str]:
    """Organisation texts of one paragraph, in reading order."""
    return [
        e.text for e in find_entities([Block(0, "paragraph", text, [(1, 1)])]) if e.type == "ORG"
    ]


@pytest.mark.parametrize(
    ("paragraph", "orgs"),
    [
        ("皖南金融研究院院长表示，利率仍有下行空间。", ["皖南金融研究院"]),
        ("岭南财经研究院副院长指出，存款定价更趋理性。", ["岭南财经研究院"]),
        ("江北经济研究所的报告认为，出口仍有韧性。", ["江北经济研究所"]),
        ("全年营收下降。清峦研究院首席分析师认为，行业分化加剧。", ["清峦研究院"]),
    ],
)
def test_institutes_named_after_a_region_or_coined(paragraph: str, orgs: list[str]) -> None:
    assert orgs_of(paragraph) == orgs


def test_controlling_shareholder_is_two_firms() -> None:
    text = "以澜屿基金控股股东澜屿证券(601999.SH)披露的数据为例，费用下降。"
    assert orgs_of(text) == ["澜屿基金", "澜屿证券"]


def test_holding_firms_keep_their_suffix() -> None:
    assert orgs_of("鼎屿控股集团表示，将继续增持。") == ["鼎屿控股集团"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "与业绩挂钩的浮动费率基金正在加速推出。",
        "“浮动费率让基金公司与投资者的利益更一致。”",
    ],
)
def test_described_kinds_and_verbs_are_no_firms(paragraph: str) -> None:
    assert orgs_of(paragraph) == []
