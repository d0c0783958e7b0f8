"""Labels a tenth hand's figures taught: lists set out by 分别, counted pairs and relative
clauses, and the modal or adverb before a figure that is no part of what it measures."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.figures.find import find_figures
from article.model import Block


def _labels(text: str) -> dict[str, str | None]:
    """Figure text -> label in one paragraph."""
    blocks = [Block(0, "paragraph", text, [(1, 1)])]
    return {f.text: f.label for f in find_figures(blocks, find_entities(blocks))}


def test_a_list_set_out_by_fen_bie_takes_the_subject_of_the_clause_before() -> None:
    labels = _labels("农户按出栏计划投保，保障价格分为三档，分别为每公斤15元、14元和13元。")
    assert labels == {"15元": "保障价格", "14元": "保障价格", "13元": "保障价格"}


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        ("该行已为上游的186户个体加工户和74家配套企业发放贷款。", "186户", "个体加工户"),
        ("投资者来自11个国家和地区的机构。", "11个", "国家和地区"),
        ("全省已有11家银行与养老机构签订合作协议。", "11家", "银行"),
        ("船厂目前有3艘正在舾装的汽车运输船。", "3艘", "汽车运输船"),
        ("公司员工总数预计由目前的620人增加到900人以上。", "620人", "公司员工总数"),
        ("5月当地猪价一度跌到每公斤13.6元。", "13.6元", "当地猪价"),
        (
            "巨灾债券的综合发行成本约为同等保障再保险费用的1.3倍。",
            "1.3倍",
            "巨灾债券的综合发行成本",
        ),
        ("单笔交易金额超过5万美元的需要留存完整的物流和订单信息。", "超过5万美元", "单笔交易金额"),
    ],
)
def test_what_a_figure_measures(text: str, figure: str, label: str) -> None:
    assert _labels(text)[figure] == label
