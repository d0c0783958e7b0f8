"""Rules found on the second page corpus (tests/pages2), checked with other invented names."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.model import Block


def found(*paragraphs: str) -> set[tuple[str, str]]:
    """(type, text) of every person, organisation and place in plain paragraph blocks."""
    blocks = [Block(i, "paragraph", t, [(i + 1, i + 1)]) for i, t in enumerate(paragraphs)]
    return {(e.type, e.text) for e in find_entities(blocks) if e.type in ("PERSON", "ORG", "PLACE")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lone, very common character ends the word before the name (管理人)
        ("基金管理人澜舟基金有关负责人表示同意。", {("ORG", "澜舟基金")}),
        # two characters that make no word at a clause start are a short name (中再)
        ("中岚资本研究部总经理房毓表示同意。", {("ORG", "中岚资本"), ("PERSON", "房毓")}),
        # a line of business as the suffix, and the legal form carried along
        (
            "总部位于杭州的申澜汽车金融有限公司发行3单。",
            {("PLACE", "杭州"), ("ORG", "申澜汽车金融有限公司")},
        ),
        ("禾泰汽车金融紧随其后。", {("ORG", "禾泰汽车金融")}),
        (
            "南垦财产保险江苏分公司经理钟若表示同意。",
            {("ORG", "南垦财产保险江苏分公司"), ("PERSON", "钟若")},
        ),
        # a word ending in 性/型 describes a kind of capital or fund
        ("城商行内生性资本补充偏弱，成长型基金下跌。", set()),
    ],
)
def test_coined_firms(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place before a coined firm locates it
        (
            "香港澜川证券大中华区首席经济学家骆年表示同意。",
            {("PLACE", "香港"), ("ORG", "澜川证券"), ("PERSON", "骆年")},
        ),
        # a firm's research unit is a department, the firm is named
        (
            "沐川证券北交所研究中心负责人蔡川认为可行。",
            {("ORG", "沐川证券"), ("ORG", "北交所"), ("PERSON", "蔡川")},
        ),
        # 证券化 and 交易银行部 begin other words
        ("澄信证券资产证券化业务部总经理卓鸣表示同意。", {("ORG", "澄信证券"), ("PERSON", "卓鸣")}),
        (
            "溪山银行长沙分行交易银行部负责人毛齐表示同意。",
            {("ORG", "溪山银行长沙分行"), ("PERSON", "毛齐")},
        ),
        # a university's research centre is still its own institution
        (
            "东川大学金融研究中心主任欧阳澜表示同意。",
            {("ORG", "东川大学金融研究中心"), ("PERSON", "欧阳澜")},
        ),
    ],
)
def test_what_a_firm_name_takes_in(text: str, expected: set[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_name_before_ticker_drops_its_kind_and_keeps_a_latin_tail() -> None:
    text = "以上市的精密仪器企业恒澄科技(920118.BJ)和澜溪仓储REIT(180316.SZ)为例。"
    orgs = {t for kind, t in found(text) if kind == "ORG"}
    assert orgs == {"恒澄科技", "澜溪仓储REIT"}


def test_bylines() -> None:
    """The masthead before 记者 is no entity; the name closing a byline is a person's."""
    assert found("证券时报记者 甘露明") == {("PERSON", "甘露明")}
    assert found("中经记者 宁远帆 杭州报道") == {("PERSON", "宁远帆"), ("PLACE", "杭州")}


def test_given_name_may_open_with_zhi() -> None:
    assert ("PERSON", "俞之川") in found("该行负责人俞之川表示，风险可控。")
    assert not any(kind == "PERSON" for kind, _ in found("负责人李之前表示，风险可控。"))


def test_city_and_its_district_are_one_place() -> None:
    assert found("绥远市北林区的种植户今年种了大豆。") >= {("PLACE", "绥远市北林区")}
    assert ("PLACE", "许昌市襄城县") in found("许昌市襄城县的农户说。")
