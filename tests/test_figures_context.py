"""Figure labels and qualifiers around joins, purposes and reporting verbs (invented articles)."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.figures.find import find_figures
from article.model import Block, Figure


def figures_of(*paragraphs: str) -> list[Figure]:
    """Figures of paragraphs turned into blocks directly (no reflow)."""
    blocks = [Block(i, "paragraph", t, [(i + 1, i + 1)]) for i, t in enumerate(paragraphs)]
    return find_figures(blocks, find_entities(blocks))


def test_qualifier_and_label_across_a_joined_line_break() -> None:
    # what reflow makes of "…已有9家机构参与，总规模约" + "315亿元。业内认为…"
    joined = "已有9家机构参与，总规模约" + "315亿元。业内认为前景可期。"
    figure = figures_of(joined)[1]
    assert (figure.text, figure.qualifier, figure.label) == ("约315亿元", "约", "总规模")
    assert figure.value == 31_500_000_000


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        (
            "截至6月末，住房公积金缴存余额达到9.4万亿元，同比增长6.2%。",
            "住房公积金缴存余额同比增长",
        ),
        ("绿色贷款余额为4.1万亿元，较年初增长11.5%。", "绿色贷款余额较年初增长"),
    ],
)
def test_growth_after_an_amount(paragraph: str, label: str) -> None:
    assert figures_of(paragraph)[1].label == label


def test_qualifier_after_a_word_that_only_jieba_glues_to_it() -> None:
    figure = figures_of("店里每月可以节省手续费约860元。")[0]
    assert (figure.text, figure.qualifier) == ("约860元", "约")


def test_qualifier_inside_a_real_word_stays_out() -> None:
    assert figures_of("双方签约30亿元。")[0].qualifier is None


def test_purpose_after_an_amount_is_not_its_label() -> None:
    figure = figures_of("9月3日，鹭岛集团宣布与澧州市政府签约，拟投资28亿元建设康养综合体项目。")[0]
    assert figure.label == "拟投资"
    assert figure.subject == "鹭岛集团"


def test_reporting_verb_is_not_part_of_the_label() -> None:
    figure = figures_of("同业方面，嘉禾银行披露其普惠贷款余额为420亿元。")[0]
    assert (figure.label, figure.subject) == ("普惠贷款余额", "嘉禾银行")


def test_label_after_a_modal_verb() -> None:
    assert figures_of("他的店里每月可以节省房租约3000元。")[0].label == "节省房租"


def test_range_written_with_dao() -> None:
    figure = figures_of("项目回收期普遍在六到八年，贷款期限为2到4年。")[0]
    assert (figure.text, figure.value, figure.high, figure.unit) == ("六到八年", 6, 8, "年")


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("存款利率从2.9%下降到2.6%。", "存款利率"),
        ("授信规模由210亿元增加到380亿元。", "授信规模"),
        ("网点数量从15家增至22家。", "网点数量"),
    ],
)
def test_both_ends_of_a_change_share_the_label(paragraph: str, label: str) -> None:
    assert [f.label for f in figures_of(paragraph)] == [label, label]


def test_quarter_end_is_one_date() -> None:
    blocks = [Block(0, "paragraph", "截至三季度末，贷款余额为88亿元。", [(1, 1)])]
    dates = [e.text for e in find_entities(blocks) if e.type == "DATE"]
    assert dates == ["三季度末"]


def test_qualifier_before_a_change_verb() -> None:
    figure = figures_of("该行单笔手续费最低降至3元。")[0]
    assert (figure.text, figure.qualifier, figure.label) == ("3元", "最低", "单笔手续费")


def test_trailing_modal_is_trimmed_from_the_label() -> None:
    assert figures_of("以前一笔跨境汇款要四到六天。")[0].label == "以前一笔跨境汇款"


def test_counted_thing_ends_where_its_action_begins() -> None:
    assert figures_of("已有9家险企投资建设康养社区项目。")[0].label == "险企"


def test_quoted_product_right_before_an_amount_is_the_label() -> None:
    figure = figures_of("该行今年以来累计发放“茶园贷”3.8亿元，惠及茶农约1500户。")[0]
    assert (figure.label, figure.value) == ("发放茶园贷", 380_000_000)


def test_decades_are_not_counts_of_years() -> None:
    assert [f.text for f in figures_of("早在上世纪九十年代，当地就有200多户外出经营。")] == [
        "200多户"
    ]


def test_label_after_a_duration_skips_its_tail() -> None:
    figures = figures_of("在短短十年间外出经营的农户就达3000多户。")
    assert figures[1].label == "外出经营的农户"


def test_counted_branches_keep_their_suffix() -> None:
    assert figures_of("该行宣布新设15家县域支行。")[0].label == "县域支行"


def test_this_company_may_be_an_insurer() -> None:
    figures = figures_of("澄岭人寿日前召开发布会。", "会上透露，该公司计划新增床位不少于8000张。")
    assert figures[0].subject == "澄岭人寿"


def test_vague_orders_of_magnitude_are_not_counts() -> None:
    assert figures_of("数十家银行和几十亿元资金参与其中。") == []


def test_per_mille() -> None:
    figure = figures_of("不良率为0.8‰。")[0]
    assert (figure.value, figure.unit, figure.label) == (0.8, "‰", "不良率")


def test_negative_amounts_and_full_width_decimals() -> None:
    figures = figures_of("净利润-3.2亿元，增速为-0.4%，增长１５．５％，期限2-3年。")
    assert [(f.text, f.value) for f in figures] == [
        ("-3.2亿元", -320_000_000),
        ("-0.4%", -0.4),
        ("１５．５％", 15.5),
        ("2-3年", 2),
    ]


def test_lengthened_period_shares_the_label() -> None:
    figures = figures_of("平均退出周期已经从4年左右延长到6年以上。")
    assert [f.label for f in figures] == ["平均退出周期", "平均退出周期"]


@pytest.mark.parametrize(
    ("paragraph", "labels"),
    [
        ("云杉科技的研发人员由320人增加到410人。", ["研发人员", "研发人员"]),
        ("签约企业数量有望从目前的800家扩大到1500家。", ["签约企业数量", "签约企业数量"]),
        ("存款余额为5.2亿元，同比增长8.1%。", ["存款余额", "存款余额同比增长"]),
        ("托管面积比去年增加了逾2.2万亩，是2024年的1.8倍。", ["托管面积", "托管面积"]),
        ("茶园面积达到去年同期的近2倍。", ["茶园面积"]),
        ("该行为31户茶农发放52笔“春芽贷”。", ["茶农", "春芽贷"]),
        ("该平台目前商户数量超过1200家。", ["商户数量"]),
    ],
)
def test_labels_of_changes_multiples_and_counts(paragraph: str, labels: list[str]) -> None:
    assert [f.label for f in figures_of(paragraph)] == labels


def test_a_bare_company_is_the_story_s_listed_company() -> None:
    figures = figures_of(
        "岚汐能源（688777.SH）发布年报。",
        "岚汐能源去年海外收入增长明显。",
        "董事长表示，岚汐能源将加大投入。",
        "财务总监介绍，公司去年研发投入6.1亿元。",
    )
    assert [(f.text, f.subject) for f in figures] == [("6.1亿元", "岚汐能源")]


def test_instalments_count_but_a_phase_is_a_name() -> None:
    figures = figures_of("最长可分12期免息，一期工程已投产，第5期产品。")
    assert [f.text for f in figures] == ["12期"]


def test_the_company_meant_is_the_subsidiary_named_last_not_its_listed_parent_bank() -> None:
    figures = figures_of("嘉川银行(601777.SH)旗下理财子公司澄江理财披露，该公司存续规模达860亿元。")
    assert [(f.text, f.subject) for f in figures] == [("860亿元", "澄江理财")]


def test_a_kind_of_firm_before_a_listed_name_is_no_part_of_it() -> None:
    entities = find_entities(
        [Block(0, "paragraph", "创新药企澜溪生物(688599.SH)发布年报。", [(1, 1)])]
    )
    assert [e.text for e in entities if e.type == "ORG"] == ["澜溪生物"]


def test_this_firm_and_the_fund_point_back_to_their_names() -> None:
    figures = figures_of(
        "汇岭科技是受益企业之一。这家芯片测试企业去年营业收入1.2亿元。",
        "湘江科创融资担保基金在长沙揭牌。该基金首期规模30亿元。",
    )
    subjects = [(f.text, f.subject) for f in figures]
    assert subjects[0] == ("1.2亿元", "汇岭科技")


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("首贷户占比达18%。", "首贷户占比"),
        ("海外收入只有3亿元。", "海外收入"),
        ("出货量增长，是上年的2.1倍。", None),
    ],
)
def test_a_label_ends_at_its_noun_not_at_a_verb_or_a_base_period(
    paragraph: str, label: str | None
) -> None:
    assert figures_of(paragraph)[0].label == label


def test_a_date_after_from_is_where_a_change_starts_not_the_subject() -> None:
    figures = figures_of("存续规模由上年末的186亿元提高到342亿元。")
    assert [f.label for f in figures] == ["存续规模", "存续规模"]


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("集团成功发行5亿元乡村振兴公司债券，期限五年。", "乡村振兴公司债券"),
        ("本期债券的票面利率比去年发行的同期限企业债低约35个基点。", "本期债券的票面利率"),
        ("权益投资比例提高2个百分点。", "权益投资比例"),
    ],
)
def test_labels_of_compound_names_and_comparisons(paragraph: str, label: str) -> None:
    assert figures_of(paragraph)[0].label == label


def test_places_are_counted_but_a_department_is_no_count() -> None:
    figures = figures_of("拟购入位于成都、武汉的两处仓储物流园，设立3处网点。他是处长，一处一策。")
    assert [(f.text, f.label) for f in figures] == [("两处", "仓储物流园"), ("3处", "网点")]


def test_cases_index_points_and_containers_count_but_a_time_of_day_does_not() -> None:
    text = "查处违规案件486起，沪指上涨189点，吞吐量1.6万标准箱，有两点建议，下午3点开会。"
    assert [f.text for f in figures_of(text)] == ["486起", "189点", "1.6万标准箱"]


def test_commodity_futures_are_no_firms() -> None:
    entities = find_entities([Block(0, "paragraph", "干辣椒期货上市，嵩岚期货表示。", [(1, 1)])])
    assert [e.text for e in entities if e.type == "ORG"] == ["嵩岚期货"]


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("最低交易保证金为合约价值的8%。", "最低交易保证金"),
        ("社会资本出资比例平均71%。", "社会资本出资比例"),
        ("单一国家的收入占比原则上不超过25%。", "单一国家的收入占比"),
    ],
)
def test_a_label_drops_the_base_of_a_share_and_trailing_adverbs(paragraph: str, label: str) -> None:
    assert figures_of(paragraph)[0].label == label


def test_a_time_before_a_multiple_is_its_base_not_a_figure() -> None:
    figures = figures_of(
        "鹭川农商行的涉农贷款余额突破52亿元，是三年前的3.4倍。三年前，该行刚起步。"
    )
    assert [(f.text, f.label) for f in figures] == [
        ("52亿元", "涉农贷款余额"),
        ("3.4倍", "涉农贷款余额"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "labels"),
    [
        ("企业应收账款的回收周期由45天延长到了82天。", ["企业应收账款的回收周期"] * 2),
        ("今年公司计划把海外网点扩大到2400个。", ["海外网点"]),
        ("商户收一笔货款的时间，已经从过去的4天缩短到了3小时。", ["商户收一笔货款的时间"] * 2),
    ],
)
def test_labels_of_changes_with_ba_and_a_comma(paragraph: str, labels: list[str]) -> None:
    assert [f.label for f in figures_of(paragraph)] == labels


def test_two_tenths_and_counts_of_tags_heads_and_birds() -> None:
    figures = figures_of(
        "出口增长近两成，布设耳标逾36万枚，存栏2600头，蛋鸡85万羽。另一头，两头都顾。"
    )
    assert [(f.text, f.value) for f in figures] == [
        ("近两成", 0.2),
        ("逾36万枚", 360_000),
        ("2600头", 2600),
        ("85万羽", 850_000),
    ]


@pytest.mark.parametrize(
    ("paragraph", "labels"),
    [
        ("收购均价为每公斤26.4元，候鸟年均3.1个。", ["收购均价", "候鸟"]),
        ("羊群存栏已经扩大到了630只。", ["羊群存栏"]),
        ("发往秘鲁和约旦的订单结算额分别增长了31%、27%和19%。", ["发往秘鲁和约旦的订单结算额"] * 3),
        ("为12个园区项目发放贷款41笔，金额合计5.3亿元。", ["园区项目", "发放贷款", "金额"]),
        (
            "澄川银行提供了15亿元的绿色综合授信，以及最高300万元的仓储和冷链补贴，目前已落地。",
            ["绿色综合授信", "仓储和冷链补贴"],
        ),
    ],
)
def test_labels_without_adverbial_tails_in_lists_and_after_de(
    paragraph: str, labels: list[str]
) -> None:
    assert [
        (f.label or "")[-len(want) :] for f, want in zip(figures_of(paragraph), labels, strict=True)
    ] == labels


def test_a_figure_with_no_one_named_is_about_the_story_s_organisation() -> None:
    paragraphs = [
        "澄川银行今年推出养老金融产品。澄川银行表示，产品销售平稳。",
        "截至9月末，个人养老金账户开户数达到42万户。澄川银行行长表示，这是开始。",
        "养殖户柯远舟说，去年春天，他凭186只滩羊获得了28万元贷款，延迟由12毫秒缩短到3毫秒。",
    ]
    figures = figures_of(*paragraphs)
    assert [(f.text, f.subject) for f in figures] == [
        ("42万户", "澄川银行"),
        ("186只", "柯远舟"),
        ("28万元", "柯远舟"),
        ("12毫秒", "柯远舟"),
        ("3毫秒", "柯远舟"),
    ]


def test_the_exchange_where_a_bond_is_issued_is_no_subject() -> None:
    text = "澄禾乳业（002999.SZ）日前在深圳证券交易所发行7亿元公司债券，票面利率为2.38%。"
    assert [f.subject for f in figures_of(text)] == ["澄禾乳业", "澄禾乳业"]


@pytest.mark.parametrize(
    ("paragraph", "labels"),
    [
        ("平均买卖价差则由0.52%收窄到0.19%。", ["平均买卖价差"] * 2),
        ("日均成交额由900万元增至2700万元，约为引入做市前的3倍。", ["日均成交额"] * 3),
        ("利差进一步收窄至12个基点以内。", ["利差"]),
        ("进一步收窄至12个基点以内。", ["进一步收窄"]),
    ],
)
def test_labels_of_narrowing_and_a_multiple_of_before(paragraph: str, labels: list[str]) -> None:
    assert [f.label for f in figures_of(paragraph)] == labels


def test_what_ba_takes_and_units_of_containers_and_calls() -> None:
    text = "该公司计划把从澄国采购的比例由8%提高到20%，吞吐量702万标箱，约12万通电话。"
    assert [(f.text, f.label) for f in figures_of(text)] == [
        ("8%", "从澄国采购的比例"),
        ("20%", "从澄国采购的比例"),
        ("702万标箱", "吞吐量"),
        ("约12万通", "电话"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("精品豆的占比仍然不足15%。", "精品豆的占比"),
        ("港区内的260辆柴油集卡全部替换为电动集卡。", "柴油集卡"),
        ("单台成本比前年下降约4200元。", "单台成本"),  # what changed (the subject of 下降)
        ("在售的分红型终身寿险保证利率多为1.75%。", "在售的分红型终身寿险保证利率"),
    ],
)
def test_adverbs_and_comparisons_at_a_label_s_end(paragraph: str, label: str) -> None:
    assert figures_of(paragraph)[0].label == label


def test_a_part_of_a_whole_named_before_zhong() -> None:
    figures = figures_of("本次募集资金中，约6.1亿元将投向澄州的项目。")
    assert [(f.text, f.label) for f in figures] == [("约6.1亿元", "本次募集资金")]


@pytest.mark.parametrize(
    ("paragraph", "figure", "label"),
    [
        ("临川的茶叶出口规模约占全省的18%。", "18%", "临川的茶叶出口规模"),
        ("该所的大豆期权成交量约占全市场的6%。", "6%", "大豆期权成交量"),
        ("海外收入占比由去年的21%提高到34%。", "21%", "海外收入占比"),
        ("该所将合约的交易保证金比例定为9%。", "9%", "合约的交易保证金比例"),
        ("车主换电一次只需4分钟。", "4分钟", "车主换电一次"),
        ("交割仓库由3家增加到8家。", "8家", "交割仓库"),
        ("签约客户达到46家。", "46家", "签约客户"),
        ("门店从4家开到了57家。", "57家", "门店"),
    ],
)
def test_label_of_a_share_a_setting_and_a_change(paragraph: str, figure: str, label: str) -> None:
    found = {f.text: f.label for f in figures_of(paragraph)}
    assert found[figure].endswith(label)


@pytest.mark.parametrize(
    ("paragraph", "figure", "label"),
    [
        ("全市单位产值能耗下降11.6%。", "11.6%", "单位产值能耗"),
        ("储能系统招标均价同比下降约23%。", "约23%", "储能系统招标均价"),
        ("当地对茶砖的需求每年增长超过20%。", "超过20%", "当地对茶砖的需求"),
    ],
)
def test_what_changed_is_the_label_not_the_change(paragraph: str, figure: str, label: str) -> None:
    found = {f.text: f.label for f in figures_of(paragraph)}
    assert found[figure] == label


def test_a_change_stated_against_a_base_alone_keeps_its_verb() -> None:
    found = {f.text: f.label for f in figures_of("收盘价为每吨16220元，较挂牌基准价上涨2.7%。")}
    assert found["2.7%"].endswith("上涨")


def test_second_hand_and_two_handed_are_no_lots() -> None:
    texts = [f.text for f in figures_of("二手船价格可能下跌超过三成，企业要做两手准备。")]
    assert texts == ["超过三成"]


def test_a_latin_name_spaced_from_its_count_labels_it() -> None:
    found = {f.text: f.label for f in figures_of("今年以来沪市新上市ETF 64只，合计募集约410亿元。")}
    assert found["64只"].endswith("新上市ETF")


@pytest.mark.parametrize(
    ("paragraph", "figure", "label"),
    [
        (
            "做市的债券ETF平均折溢价率为0.05%，比未做市产品低约0.11个百分点。",
            "约0.11个百分点",
            "平均折溢价率",
        ),
        ("收购价每公斤3.9元左右，比散户高约0.3元。", "约0.3元", "收购价"),
        ("全县的投保户由三年前的不到2000户增加到今年的约5100户。", "约5100户", "投保户"),
        ("全县的投保户由三年前的不到2000户增加到今年的约5100户。", "不到2000户", "投保户"),
        ("赔款从报案到到账的时间由去年的15天缩短到了5天以内。", "15天", "到账的时间"),
        ("非银行支付机构167家，较高峰期减少了104家。", "104家", "减少"),
    ],
)
def test_labels_of_comparisons_and_changes_to_a_later_time(
    paragraph: str, figure: str, label: str
) -> None:
    found = {f.text: f.label for f in figures_of(paragraph)}
    assert found[figure].endswith(label)
