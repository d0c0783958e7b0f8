"""Labels of shares and of figures reached by a verb jieba cuts apart, and units of counted
visits and foreign currencies (invented sentences)."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.figures.find import find_figures
from article.model import Block, Figure


def _figures(text: str) -> dict[str, Figure]:
    """Figure text -> figure of one paragraph."""
    blocks = [Block(0, "paragraph", text, [(1, 1)])]
    return {f.text: f for f in find_figures(blocks, find_entities(blocks))}


@pytest.mark.parametrize(
    ("text", "figure", "label"),
    [
        ("澄禾茶业今年对欧出口额约2.4亿欧元，其中超过三成来自绿茶。", "超过三成", "对欧出口额"),
        ("全市规模以上茶企约900家，其中近六成企业年销售额不足5000万元。", "近六成", "企业"),
        ("过去，这些小微企业的应收账款平均账期长达126天。", "126天", "平均账期"),
        ("保险期内鲜茶收购均价最低跌至每斤18元。", "18元", "鲜茶收购均价"),
        ("新客户里超过六成来自外省。", "超过六成", "新客户"),
        ("交易所共设交割仓库7家，其中3家设在临江。", "3家", "交割仓库"),
        ("合作社112户社员今年户均增收约4.1万元。", "112户", "社员"),
        ("（上接A2版）参与活动的商户4300家。", "4300家", "商户"),
    ],
)
def test_a_label_names_what_the_figure_measures(text: str, figure: str, label: str) -> None:
    found = _figures(text)[figure].label or ""
    assert found.endswith(label) and not found.endswith(("长", "跌", "里"))


@pytest.mark.parametrize(
    ("text", "figure", "unit", "value"),
    [
        ("平台今年累计服务逾1.6万户次。", "逾1.6万户次", "户次", 16_000),
        ("担保公司累计服务约3400家次。", "约3400家次", "家次", 3_400),
        ("平台交易额约7.2亿兹罗提。", "约7.2亿兹罗提", "兹罗提", 720_000_000),
        ("当地销售额约5600万兰特。", "约5600万兰特", "兰特", 56_000_000),
        ("公司在手订单约12.5GWh，排产已到年底。", "约12.5GWh", "GWh", 12.5),
        ("合作社新建深水网箱120口。", "120口", "口", 120),
        ("储能电芯中标均价约0.33元/Wh，同比下降。", "约0.33元/Wh", "元/Wh", 0.33),
    ],
)
def test_counted_visits_and_foreign_currencies_are_units(
    text: str, figure: str, unit: str, value: float
) -> None:
    found = _figures(text)[figure]
    assert (found.unit, found.value) == (unit, value)
