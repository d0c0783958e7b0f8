"""A page's opening heads in hard-wrapped text: the running header's issue number and numbered
section, a title of two phrases with a comma, a deck set across the columns, a column's name
as a kicker, and a short page read across its columns."""

from __future__ import annotations

import pytest
from wrapped_support import BYLINE, PARAGRAPHS, wrap

from article.blocks import split_blocks, text_warnings
from article.blocks.furniture import is_running_line
from article.model import FURNITURE, HEADING, SUBTITLE, TITLE

_HEADER = ["临江商报", "LINJIANG COMMERCIAL NEWS", "2026年5月12日 星期二"]


def _kinds(lines: list[str]) -> dict[str, str]:
    """Block text -> kind."""
    return {b.text: b.kind for b in split_blocks("\n".join(lines))}


def _body(width: int = 15) -> list[str]:
    """The invented paragraphs in a column `width` characters wide, first lines indented."""
    return [
        "\u3000\u3000" + line if i == 0 else line
        for p in PARAGRAPHS
        for i, line in enumerate(wrap(p, width))
    ]


@pytest.mark.parametrize(
    "line",
    [
        "总第812期",
        "第5126期 A3宏观·货币",
        "06 区域·县域",
        "产经·公司 12",
        "L I N J I A N G   D A I L Y",
    ],
)
def test_an_issue_number_or_a_numbered_section_is_furniture(line: str) -> None:
    assert is_running_line(line)


@pytest.mark.parametrize("line", ["第三期项目预计年底投产", "06年以来的改革·开放"])
def test_a_phrase_with_a_number_is_no_header(line: str) -> None:
    assert not is_running_line(line)


def test_a_title_of_two_phrases_across_the_columns_and_a_longer_deck_under_it() -> None:
    title = "春耕备耕正当时，临江涉农贷款余额超过86亿元"
    deck = "东岭、西川等县农户凭合作社交售记录即可申请线上信用贷款，额度最高30万元"
    kinds = _kinds([*_HEADER, "总第812期", title, deck, BYLINE, *_body()])
    assert kinds["总第812期"] == FURNITURE
    assert kinds[title] == TITLE and kinds[deck] == SUBTITLE


def test_a_page_opening_with_a_two_phrase_title_and_a_deck_across_its_columns() -> None:
    title = ["订单排到年底，现金流却转负", "澄川储能扩产背后的资金账"]
    deck = "一季度营收同比增长48.2%，经营活动现金流净流出2.6亿元，应收账款较年初增加7.1亿元"
    kinds = _kinds([*_HEADER, *title, deck, *_body(17)])
    assert kinds["".join(title)] == TITLE and kinds[deck] == SUBTITLE


def test_a_column_name_over_the_title_is_its_kicker() -> None:
    kicker, title = "一季度信贷投放观察", "临江普惠小微贷款余额突破3200亿元"
    kinds = _kinds([*_HEADER, kicker, title, BYLINE, *_body()])
    assert kinds[kicker] == SUBTITLE and kinds[title] == TITLE


def test_a_short_page_read_across_its_columns_is_told_and_joins_nothing() -> None:
    left = [line for p in PARAGRAPHS for line in wrap(p, 13)]
    right = [line for p in reversed(PARAGRAPHS) for line in wrap(p, 13)]
    rows = [line for pair in zip(left, right, strict=False) for line in pair][:32]
    text = "\n\n".join(rows)
    assert text_warnings(text)
    assert all(b.lines[0][0] == b.lines[-1][1] for b in split_blocks(text))


def test_a_column_name_over_a_two_line_title_whose_last_line_gives_a_figure() -> None:
    head = ["一季度金融数据观察", "临江普惠小微贷款余额", "突破3200亿元"]
    kinds = _kinds([*_HEADER, *head, BYLINE, *_body()])
    assert kinds[head[0]] == SUBTITLE and kinds["".join(head[1:])] == TITLE


def test_a_byline_set_above_a_title_and_a_much_longer_deck() -> None:
    title, deck = "临江跨境理财投资升温", "大湾区内地投资者南向通净汇出资金超过120亿元"
    kinds = _kinds([*_HEADER, BYLINE, title, deck, *_body()])
    assert kinds[title] == TITLE and kinds[deck] == SUBTITLE


def test_a_numbered_heading_as_wide_as_its_column_is_a_heading() -> None:
    lines = [*wrap(PARAGRAPHS[0], 12), "三、额度管理与风险提示", *_body(12)]
    kinds = _kinds([*_HEADER, "临江跨境理财投资升温", BYLINE, *lines])
    assert kinds["三、额度管理与风险提示"] == HEADING
