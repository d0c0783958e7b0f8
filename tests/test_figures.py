"""Figures on invented articles: values, units, qualifiers, ranges, labels, subjects, exclusions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article.blocks.split import split_blocks
from article.entities.find import find_entities
from article.figures.find import find_figures
from article.model import Block, Figure

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ae48cb718f3105d7.txt"


def figures_of(*paragraphs: str) -> list[Figure]:
    """Figures of paragraphs turned into blocks directly (no reflow)."""
    blocks = [Block(i, "paragraph", t, [(i + 1, i + 1)]) for i, t in enumerate(paragraphs)]
    return find_figures(blocks, find_entities(blocks))


def one(paragraph: str) -> Figure:
    """The single figure of a paragraph."""
    figures = figures_of(paragraph)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("paragraph", "text", "value", "unit"),
    [
        ("余额为4.2万亿元，", "4.2万亿元", 4.2e12, "元"),
        ("发放贷款2367.45万元。", "2367.45万元", 23674500, "元"),
        ("占比为18.6%。", "18.6%", 18.6, "%"),
        ("增速高出6.4个百分点。", "6.4个百分点", 6.4, "个百分点"),
        ("平均年龄41周岁。", "41周岁", 41, "周岁"),
        ("共有两万户参与。", "两万户", 20000, "户"),
        ("调整可分为三步。", "三步", 3, "步"),
        ("七成客户满意。", "七成", 0.7, ""),
        ("三分之二来自县域。", "三分之二", 0.6667, ""),
        ("百分之三十的客户。", "百分之三十", 30, "%"),
        ("融资规模3万亿。", "3万亿", 3e12, ""),
        ("募集1,250万美元。", "1,250万美元", 12_500_000, "美元"),
        ("下调利率15个基点。", "15个基点", 15, "个基点"),
        ("回购价格不超过38.5元/股。", "不超过38.5元/股", 38.5, "元/股"),
        ("较去年同期增长近一倍。", "近一倍", 1, "倍"),
    ],
)
def test_values_and_units(paragraph: str, text: str, value: float, unit: str) -> None:
    figure = one(paragraph)
    assert (figure.text, figure.unit) == (text, unit)
    assert figure.value == pytest.approx(value, abs=1e-9)


def test_money_is_exact_without_float_error() -> None:
    assert one("授信超过4000亿元。").value == 400_000_000_000
    assert one("贷款1433.57万元。").value == 14_335_700
    assert one("规模0.7亿元。").value == 70_000_000


@pytest.mark.parametrize(
    ("paragraph", "text", "qualifier"),
    [
        ("实现绿色产业授信超过2800亿元。", "超过2800亿元", "超过"),
        ("贷款期限不超过3年。", "不超过3年", "不超过"),
        ("与120余家企业合作。", "120余家", "余"),
        ("组建了超1800人的团队。", "超1800人", "超"),
        ("持有五项及以上证书。", "五项及以上", "以上"),
        ("回款约30天。", "约30天", "约"),
        ("期限最长为5年。", "5年", "最长"),
        ("增速在2%以内。", "2%以内", "以内"),
        ("不少于10家机构参与。", "不少于10家", "不少于"),
        ("单户授信最高可达30万元。", "30万元", "最高"),
        ("覆盖率力争达到九成以上。", "九成以上", "以上"),
        ("服务客户1.2万余户。", "1.2万余户", "余"),
        ("累计投放绿色贷款超千亿元。", "超千亿元", "超"),
        ("产值将突破2000亿元。", "2000亿元", None),  # 突破 is a verb, as 达 is
    ],
)
def test_qualifiers(paragraph: str, text: str, qualifier: str) -> None:
    figure = one(paragraph)
    assert (figure.text, figure.qualifier) == (text, qualifier)


@pytest.mark.parametrize(
    ("paragraph", "value", "high", "unit"),
    [
        ("由基金分担20%—40%的损失。", 20, 40, "%"),
        ("比例为15%至25%。", 15, 25, "%"),
        ("期限3至5年。", 3, 5, "年"),
        ("投放3-5亿元。", 3e8, 5e8, "元"),
    ],
)
def test_ranges(paragraph: str, value: float, high: float, unit: str) -> None:
    figure = one(paragraph)
    assert (figure.value, figure.high, figure.unit) == (value, high, unit)


@pytest.mark.parametrize(
    "paragraph",
    [
        "2026年3月末，贷款增长较快。",
        "一是设立“520”计划，二是推出第三期产品，首笔贷款落地。",
        "上接 B3",
        "川渝精工(301288.SZ)发布公告。",
        "一家国有大行的分行人士表示，进一步加大投放。",
        "构建“112”业务推动机制，发展5G应用。",
        "十分重要，千家万户受益，三者形成互补。",
        "中国金融四十人论坛发布报告。",
        "五年期定期存款和3个月期票据。",
        "10月份以来，第三季度表现平稳，前5个月平稳。",
        "千万不要轻信，百万富翁也一样。",
        "零分之一的说法。",
        "联合发布“江北科创十条”和“630”台账。",
    ],
)
def test_not_figures(paragraph: str) -> None:
    assert figures_of(paragraph) == []


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("中国银行表示，实现人工智能核心企业授信超过4000亿元。", "人工智能核心企业授信"),
        ("科技贷款余额为3.6万亿元，同比增长22.3%。", "科技贷款余额"),
        ("与120余家科技型企业开展合作。", "科技型企业"),
        ("审批了1000万元流动资金贷款。", "流动资金贷款"),
        ("获贷率为50.3%。", "获贷率"),
        ("贷款期限通常以3年为主。", "贷款期限"),
        ("提供不超过9.8亿元的专项贷款。", "专项贷款"),
        ("管理客户总资产(AUM)达到15.2万亿元。", "管理客户总资产(AUM)"),
        ("单户授信最高可达30万元。", "单户授信"),
        ("五年期定期存款利率降至1.3%。", "五年期定期存款利率"),
        ("最终完成比例不足50%。", "最终完成比例"),
        ("调整路径可分为三步。", "调整路径"),
    ],
)
def test_labels(paragraph: str, label: str) -> None:
    assert figures_of(paragraph)[0].label == label


def test_growth_label() -> None:
    figures = figures_of("科技贷款余额为3.6万亿元，同比增长22.3%。")
    assert figures[1].label == "科技贷款余额同比增长"


def test_subject_is_the_nearest_organisation_or_person_in_the_sentence() -> None:
    figures = figures_of(
        "9月1日，川渝精工(301288.SZ)发布公告称，建设银行已批准为其提供不超过2.5亿元的贷款。",
        "分析师柏一舟指出，贷款余额为4.2万亿元。",
        "另据统计，增速为7.1%。",
    )
    assert [f.subject for f in figures] == ["建设银行", "柏一舟", None]


def test_subject_of_this_bank_is_the_bank_named_before() -> None:
    figures = figures_of(
        "工商银行绵阳分行日前召开会议。",
        "会上透露，该行已累计发放科创贷款350万元，川渝精工获益。",
    )
    assert figures[0].subject == "工商银行绵阳分行"
    assert figures[0].label == "发放科创贷款"


def test_seed_article_figures() -> None:
    raw = split_blocks(SEED.read_text(encoding="utf-8"))
    blocks = [Block(i, r.kind, r.text, r.lines, r.speaker) for i, r in enumerate(raw)]
    figures = find_figures(blocks, find_entities(blocks))
    by_text = {f.text: f for f in figures}
    assert by_text["超过4000亿元"].value == 400_000_000_000
    assert by_text["超过4000亿元"].subject == "中国银行"
    assert by_text["30%—50%"].high == 50
    assert not any(f.text.startswith(("2025", "2024", "601")) for f in figures)
    _check_invariants(blocks, figures)


def _check_invariants(blocks: list[Block], figures: list[Figure]) -> None:
    """Offsets point at the text; figures come in reading order without overlap."""
    last = (-1, -1)
    for f in figures:
        assert blocks[f.block].text[f.start : f.end] == f.text
        assert (f.block, f.start) >= last
        last = (f.block, f.end)
        assert f.high is None or f.high >= f.value or f.unit == ""


PIECES = ["超过", "4000", "亿", "元", "%", "—", "至", "三", "分之", "一", "成", "家", "余", "，"]
PIECES += [
    "。",
    "第",
    "“",
    "”",
    "2025年",
    "9月",
    "以上",
    "的",
    "贷款",
    "该行",
    "中国银行",
    "B",
    ".",
    "-",
    "到",
    "降至",
    "最低",
    "数",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=20).map("".join), max_size=3))
def test_any_text_keeps_the_invariants(paragraphs: list[str]) -> None:
    blocks = [Block(i, "paragraph", t, [(1, 1)]) for i, t in enumerate(paragraphs)]
    entities = find_entities(blocks)
    figures = find_figures(blocks, entities)
    _check_invariants(blocks, figures)
    for f in figures:
        for e in entities:
            assert e.block != f.block or e.end <= f.start or e.start >= f.end, (e, f)


def test_subject_skips_sources_and_recipients() -> None:
    figures = figures_of(
        "建设银行(601939.SH)婺源支行向上饶市婺源县城市发展有限公司发放专项融资446.68万元。",
        "经宣城市工信局确认，光大银行发放贷款120万元。",
    )
    # issue 16: a branch split from its bank by a ticker is one organisation
    assert [f.subject for f in figures] == ["建设银行婺源支行", "光大银行"]


def test_subject_falls_back_to_the_source_of_the_data() -> None:
    figures = figures_of("另据中国人民银行江苏省分行披露，前三季度全省新增科技贷款1.2万亿元。")
    assert figures[0].subject == "中国人民银行江苏省分行"


def test_subject_falls_back_to_the_topic_of_an_earlier_sentence() -> None:
    figures = figures_of(
        "兴业银行自2024年起启动人才培养计划。目前团队平均年龄36周岁。",
        "发布消息称，该行落实了首单贷款。在接到通知之后，立即响应。清偿金额共计281.5万元。",
        "整体来看，坏账损失由基金承担30%—50%。",
    )
    # issue 16: the agent of 由…承担 is whom the share belongs to
    assert [f.subject for f in figures] == ["兴业银行", "兴业银行", "基金"]


def test_one_run_on_block_gives_the_same_figures() -> None:
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n") if p.strip()]
    separate = figures_of(*paragraphs)
    joined = figures_of("".join(paragraphs))
    assert [f.text for f in joined] == [f.text for f in separate]
    assert [f.value for f in joined] == [f.value for f in separate]


def test_a_qualifier_character_inside_a_word_is_no_qualifier() -> None:
    assert one("今年签约3家企业。").qualifier is None
    assert one("在附近3公里范围内。").qualifier is None
    assert one("最近3个月内。").qualifier is None
    assert one("接近3成。").qualifier == "接近"


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("在已披露年报的27家A股上市银行中，多数增长。", "27家"),  # a Latin word after the unit
        ("在利率下行的背景下，公募REITs3%—5%的分派率有吸引力。", "3%—5%"),  # Latin before, %
        ("十年期国债收益率在1.8%附近震荡。", "1.8%附近"),
        ("占比从三年前的不到15%提高到了30%。", "不到15%"),
        ("发卡量已连续七个季度下降。", "七个季度"),
        ("公告后4个交易日内，价格平均下跌。", "4个交易日"),
        ("银保渠道的费率下降了二到三成。", "二到三成"),
    ],
)
def test_shapes_another_hand_writes(paragraph: str, text: str) -> None:
    assert text in [f.text for f in figures_of(paragraph)]


def test_a_number_glued_to_a_latin_name_without_a_unit_is_no_figure() -> None:
    assert figures_of("5G手机出货量回升，M2余额保持稳定。") == []


def test_a_currency_named_after_its_country_is_a_unit() -> None:
    from article.entities.find import find_entities
    from article.figures.find import find_figures
    from article.model import Block

    blocks = [Block(0, "paragraph", "船厂获得约14亿挪威克朗和3000万瑞典克朗的订单。", [(1, 1)])]
    found = [(f.text, f.unit) for f in find_figures(blocks, find_entities(blocks))]
    assert found == [("约14亿挪威克朗", "挪威克朗"), ("3000万瑞典克朗", "瑞典克朗")]
