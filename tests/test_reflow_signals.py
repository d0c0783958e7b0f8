"""Edge signals and pair scoring: dangling ends, orphan starts, evidence across a break."""

from __future__ import annotations

import pytest

from article.reflow.scoring import repeat_at_break, word_across
from article.reflow.shared import char_pairs, shared_words
from article.reflow.signals import (
    closes_unopened_quote,
    dangles,
    expects_quantity,
    first_token,
    open_quote_pending,
    start_of,
    surname_after_title,
    trailing_surname,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他说完了。", False),
        ("“好。”", False),
        ("真的吗？", False),
        ("分两步走；", False),
        ("包括土地、", True),
        ("包括土地，", True),
        ("他表示：", True),
        ("截至9月末，科技", True),
        ("增长了12", True),
    ],
)
def test_dangling_ends(text: str, expected: bool) -> None:
    assert dangles(text) is expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("，部分地区更多。", "closing_punct"),
        ("笔贷款已经发放。", "measure"),
        ("发布消息称，项目开工。", "speech_verb"),
        ("表示，今年会更好。", "speech_verb"),
        ("思远指出，需求在变化。", "name_fragment"),
        ("的变化让人意外。", "bound_char"),
        ("项目已经开工。", None),
        ("家庭消费回暖。", None),
        ("个人贷款增长。", None),
    ],
)
def test_orphan_start_reasons(text: str, reason: str | None) -> None:
    assert start_of(text).reason == reason


def test_closing_quote_before_any_opening_one() -> None:
    assert closes_unopened_quote("正常经营。”他说。")
    assert not closes_unopened_quote("他说：“正常经营。”")
    assert start_of("工作。按照要求推进。”一位人士说。").closes_quote
    assert start_of("工作。按照要求推进。”一位人士说。").orphan
    assert open_quote_pending("“企业有现金流，说明在正常")
    assert not open_quote_pending("“好。”他说")


@pytest.mark.parametrize(
    "text",
    [
        "9月1日，会议召开。",
        "11月初，某行宣布。",
        "此外，还有新进展。",
        "“我们很有信心。”",
        "曾向阳指出，变化很快。",
    ],
)
def test_paragraph_start_signals(text: str) -> None:
    start = start_of(text)
    assert start.signal and not start.orphan


def test_full_names_are_not_orphans() -> None:
    assert start_of("贺明川表示，今年以来订单增长。").reason is None
    assert start_of("该人士认为，风险可控。").reason is None
    assert start_of("他还向记者表示，情况好转。").reason is None


def test_dictionary_only_tokens_never_invent_words() -> None:
    assert first_token("笔清欠贷款") == "笔"


def test_repeat_at_break_only_for_a_lone_repeated_character() -> None:
    assert repeat_at_break("已成为转型的关键", "键抓手，带动了", "键") == 1
    assert repeat_at_break("已成为转型的关键", "关注度提高", "关注") == 0
    assert repeat_at_break("他们常", "常来这里", "常常") == 0


def test_word_across_needs_a_lone_character_and_a_real_word() -> None:
    assert word_across("业内人士普", "遍认为，未来") == "普遍"
    assert word_across("剩余部", "分由居民分摊") == "部分"
    assert word_across("经济发展", "中国家庭") == ""  # two whole words: no evidence
    assert word_across("召开全省清", "笔清欠贷款") == ""  # HMM would say 清笔


def test_surname_after_title_word() -> None:
    assert surname_after_title("咨询专家韦")
    assert surname_after_title("县农业农村局局长司马")
    assert not surname_after_title("咨询专家")
    assert not surname_after_title("他们的关键")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("680亿元。业内人士认为", "amount"),
        ("8.7%，较年初提高", "amount"),
        ("3800万个。", "amount"),
        ("12家险企投资了项目。", None),
        ("2024年，园区扩建。", None),
        ("1、加强监管。", None),
    ],
)
def test_a_bare_amount_cannot_open_a_sentence(text: str, reason: str | None) -> None:
    assert start_of(text).reason == reason


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("计划总投资规模约", 2),
        ("余额同比增长", 2),
        ("营收同比增长了", 2),
        ("已超过", 2),
        ("贷款余额为", 1),
        ("双方签署条约", 0),
        ("正在成为银行", 0),
    ],
)
def test_words_that_want_an_amount_next(text: str, level: int) -> None:
    assert expects_quantity(text) == level


def test_rare_surnames_count_after_a_title_only() -> None:
    assert trailing_surname("公司首席投资官端木") == "端木"
    assert surname_after_title("公司首席投资官端木")
    assert trailing_surname("研究员蔺") == "蔺"
    assert trailing_surname("双方约定第五") == ""


def _shared(a: str, b: str) -> set[str]:
    return shared_words(a, char_pairs(a), b, char_pairs(b))


def test_shared_words_are_rare_dictionary_words_not_fragments() -> None:
    a = "全市社区项目建设加快，社区项目总投资规模约"
    b = "立新指出，社区项目建设要讲究质量。"
    assert _shared(a, b) == set()  # 社区, 项目 are common; 区项目 is no word
    assert "连云港" in _shared("工商银行连云港分行", "连云港金融系统的首笔")
