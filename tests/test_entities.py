"""Entities on invented articles: names, banks and places that no lexicon contains."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article.blocks.split import split_blocks
from article.entities.find import find_entities
from article.model import Block, Entity

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ae48cb718f3105d7.txt"


def blocks_of(*paragraphs: str, kind: str = "paragraph") -> list[Block]:
    """Blocks built straight from paragraphs, so these tests do not depend on reflow."""
    return [Block(i, kind, text, [(i + 1, i + 1)]) for i, text in enumerate(paragraphs)]


def found(*paragraphs: str) -> set[tuple[str, str]]:
    """(type, text) of every entity found in the paragraphs."""
    return {(e.type, e.text) for e in find_entities(blocks_of(*paragraphs))}


def texts(kind: str, *paragraphs: str) -> list[str]:
    """Texts of one entity type, in reading order."""
    return [e.text for e in find_entities(blocks_of(*paragraphs)) if e.type == kind]


@pytest.mark.parametrize(
    "text",
    [
        "农业银行衡阳市珠晖区支行",
        "赣州市章贡区城市建设投资有限公司",
        "工商银行漳州分行",
        "泸州市经济和信息化局",
        "青田县人民医院",
        "华南金融研究院",
        "苏州市吴江区农村商业银行",
        "江苏省财政厅",
        "人保财险浙江省分公司",
        "太平洋保险宁波分公司",
        "中国社会科学院金融研究所",
        "合肥市滨湖新区管委会",
        "浙江省慈善基金会",
    ],
)
def test_compound_organisations(text: str) -> None:
    paragraph = f"10月9日，{text}向当地企业发放了贷款。"
    assert texts("ORG", paragraph) == [text]


def test_company_before_business_stays_a_company() -> None:
    assert texts("ORG", "九江市城市建设投资有限公司业务稳定。") == ["九江市城市建设投资有限公司"]


def test_branch_after_a_ticker_belongs_to_the_bank() -> None:
    got = found("此外，光大银行(601818.SH)婺源支行于5月8日投放贷款。")
    assert {("ORG", "光大银行"), ("TICKER", "601818.SH"), ("ORG", "婺源支行")} <= got


def test_unknown_listed_company_before_its_ticker() -> None:
    got = found("5月2日，川渝精工(301288.SZ)发布公告称，与腾讯控股(00700.HK)合作。")
    assert ("ORG", "川渝精工") in got
    assert ("ORG", "腾讯控股") in got
    assert {("TICKER", "301288.SZ"), ("TICKER", "00700.HK")} <= got


def test_people_from_title_verb_and_byline() -> None:
    got = found(
        "中经记者 单晓禾 昆明报道",
        "泸州市经济和信息化局副局长蒲文涛在调研时指出，要为企业纾困。",
        "华南金融研究院首席经济学家欧阳明川表示，区域银行加大投放。",
        "钮佳宁认为，科技金融前景可期。",
    )
    people = {t for kind, t in got if kind == "PERSON"}
    assert people == {"单晓禾", "蒲文涛", "欧阳明川", "钮佳宁"}
    assert ("PLACE", "昆明") in got


def test_name_seen_once_is_found_again_alone() -> None:
    paragraphs = (
        "分析师柏一舟指出，风控仍是难点。",
        "柏一舟还提到，估值体系尚未成熟。",
        "对此柏一舟没有回应",
    )
    assert texts("PERSON", *paragraphs) == ["柏一舟", "柏一舟", "柏一舟"]


def test_name_length_follows_the_next_word() -> None:
    assert texts("PERSON", "研究员祝刚进一步强调，风险可控。") == ["祝刚"]
    assert texts("PERSON", "研究员祝刚同时强调，风险可控。") == ["祝刚"]
    assert texts("PERSON", "副主任涂文永在会上谈到此事。") == ["涂文永"]
    assert texts("PERSON", "副行长贲向东在说明会上表示，零售业务稳定。") == ["贲向东"]
    assert texts("PERSON", "温州银行行长助理施明轩认为，网点还会增加。") == ["施明轩"]


def test_byline_with_two_reporters() -> None:
    got = found("记者 庞晓岚 郑一帆 成都报道")
    assert got == {("PERSON", "庞晓岚"), ("PERSON", "郑一帆"), ("PLACE", "成都")}


def test_person_name_holding_a_city_name_stays_whole() -> None:
    assert texts("PERSON", "行长助理李玉林表示，网点客流增加。") == ["李玉林"]
    assert texts("PLACE", "行长助理李玉林表示，网点客流增加。") == []


def test_known_name_is_not_found_inside_a_longer_word() -> None:
    paragraphs = ("首席经济学家高峰在会上表示，经济回升。", "早高峰期间客流大增，高峰认为可控。")
    found_people = find_entities(blocks_of(*paragraphs))
    assert [(e.block, e.text) for e in found_people] == [(0, "高峰"), (1, "高峰")]
    assert found_people[1].start == 10


def test_products_launched_or_quoted_as_products() -> None:
    got = found(
        "该行推出锦程科创算力贷，上线茶农贷、乡村振兴卡等产品，发放“清欠贷”专项融资。",
        "推出信贷产品，从“单点信贷”走向生态，“不敢贷”的顾虑仍在，上线房贷、车贷。",
    )
    products = {t for kind, t in got if kind == "PRODUCT"}
    assert products == {"锦程科创算力贷", "茶农贷", "乡村振兴卡", "清欠贷"}
    assert texts("PRODUCT", "宁波分公司也推出了“渔船保”，提供风险保障。") == ["渔船保"]


def test_qa_speaker_is_a_person() -> None:
    block = Block(0, "answer", "林知远：我们会继续加大投放。", [(1, 1)], speaker="林知远")
    assert [(e.type, e.text) for e in find_entities([block])] == [("PERSON", "林知远")]


@pytest.mark.parametrize(
    "paragraph",
    [
        "养老金融发展需要深度融合，银行业普遍认为前景可期。",
        "业内人士表示，试点银行超过20家，地区股份制银行和各家银行纷纷布局。",
        "其中行业龙头的格局仍未改变，市场布局加快。",
        "他还向记者表示，很多国企借款主体原本就是银行贷款客户。",
        "邀请专家授课，鼓励员工考取证书。",
        "部分地区的金融监管部门召开了座谈会，划片分区对口联系。",
        "理财公司、金融资产投资公司等渠道深度介入股权投资。",
        "官方表示，公司表示，原因指出，会议指出，双方表示，报告认为。",
        "他说，三明治很好吃，南非常见。王府井表示赞同。",
        "我国银行业和证券业发展迅速。",
        "多家银行长期以来支持小微企业，银行长江沿线布局加快。",
        "业内专家普遍认为，养老金融将成为发展重点。",
        "该行相关负责人向记者透露，贷款增长较快。",
    ],
)
def test_ordinary_words_are_not_entities(paragraph: str) -> None:
    assert found(paragraph) == set()


def test_industry_is_not_the_bank_of_the_same_name() -> None:
    assert found("中国银行业协会发布报告，中国银行业正在转型。") == {
        ("ORG", "中国银行业协会"),
        ("PLACE", "中国"),
    }


def test_place_is_not_extended_into_an_ordinary_word() -> None:
    assert found("在上海市场的份额上升。") == {("PLACE", "上海")}
    assert found("陕西省延安市召开会议。") == {("PLACE", "陕西省延安市")}  # issue 16: one place


def test_longest_known_name_wins_over_an_earlier_short_one() -> None:
    got = found("国家知识产权局联合国家金融监督管理总局推动试点。")
    assert got == {("ORG", "国家知识产权局"), ("ORG", "国家金融监督管理总局")}


@pytest.mark.parametrize(
    "date",
    [
        "2026年3月末",
        "12月5日",
        "10月初",
        "2028年底",
        "今年上半年",
        "2025年",
        "10月份",
        "第三季度",
        "前5个月",
    ],
)
def test_dates(date: str) -> None:
    assert texts("DATE", f"截至{date}，贷款增长较快。") == [date]


def test_counts_of_years_are_not_dates() -> None:
    assert texts("DATE", "贷款期限不超过5年，平均3个月。") == []


def _check_invariants(blocks: list[Block], entities: list[Entity]) -> None:
    """Offsets point at the text, spans never overlap and come in reading order."""
    last = (-1, -1)
    for e in entities:
        assert blocks[e.block].text[e.start : e.end] == e.text
        assert e.end > e.start
        assert (e.block, e.start) >= last
        last = (e.block, e.end)


def test_seed_article_invariants_and_key_entities() -> None:
    raw = split_blocks(SEED.read_text(encoding="utf-8"))
    blocks = [Block(i, r.kind, r.text, r.lines, r.speaker) for i, r in enumerate(raw)]
    entities = find_entities(blocks)
    _check_invariants(blocks, entities)
    people = {e.text for e in entities if e.type == "PERSON"}
    assert len(people) >= 6
    assert not people & {"养老", "深度", "银行"}
    assert sum(e.type == "TICKER" for e in entities) >= 7


FRAGMENTS = [
    "研究员",
    "表示，",
    "银行",
    "分行",
    "支行",
    "有限公司",
    "市",
    "县",
    "区",
    "(600000.SH)",
    "12月",
    "3日",
    "中国",
    "工商银行",
    "的",
    "，",
    "。",
    "曾",
    "王",
    "欧阳",
    "指出",
    "养老",
    "深度",
    "广州",
    "超过",
    "4000亿元",
    "保险",
    "资管",
    "星港",
    "记者：",
    "？",
    "市政府",
    "实习生 ",
    "诸葛",
    "有限公司",
    "科技",
    "农商银行",
    "研究院",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join), max_size=4))
def test_any_text_keeps_the_invariants(paragraphs: list[str]) -> None:
    blocks = blocks_of(*paragraphs)
    _check_invariants(blocks, find_entities(blocks))


def test_a_branch_named_by_its_place_alone_is_no_organisation() -> None:
    text = "一家国有大行贵州省分行的信贷部负责人表示，工商银行贵州省分行也在推进。"
    orgs = [
        e.text for e in find_entities([Block(0, "paragraph", text, [(1, 1)])]) if e.type == "ORG"
    ]
    assert "贵州省分行" not in orgs
    assert "工商银行贵州省分行" in orgs
