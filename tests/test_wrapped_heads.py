"""Heads of a second article on a hard-wrapped page: what sits right above its byline."""

from __future__ import annotations

from wrapped_support import BYLINE, PARAGRAPHS, TITLE, wrap

from article.blocks import split_blocks
from article.model import FURNITURE, PARAGRAPH, SUBTITLE
from article.model import TITLE as TITLE_KIND


def test_a_paragraph_cut_just_above_the_next_title_stays_running_text() -> None:
    # the first article's last paragraph starts two lines above the second's title: its short
    # first line and its comma-bearing full line are running text, not a title over them
    first = [line for p in PARAGRAPHS[:2] for line in wrap(p, 14)]
    tail = wrap("临江市金融工作局相关负责人表示，下一步将继续完善数据登记规则。", 14)
    second = [line for p in PARAGRAPHS[2:] for line in wrap(p, 14)]
    text = "\n".join([*first, *tail[:2], "", "".join(TITLE), BYLINE, *second])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["".join(TITLE)] == TITLE_KIND
    assert kinds["".join(tail[:2])] == PARAGRAPH


def test_a_deck_with_its_phrases_apart_right_under_the_title_is_no_part_of_it() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    kicker, title, deck = (
        "城商行试水数据增信",
        "小微首贷周期缩短近一半",
        "授信超过42亿元 服务企业1380户",
    )
    text = "\n".join([kicker, "", title, deck, BYLINE, *body])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds[title] == TITLE_KIND
    assert kinds[kicker] == SUBTITLE and kinds[deck.replace(" ", "")] == SUBTITLE


def test_a_deck_and_a_heading_set_apart_by_a_blank_are_two_blocks() -> None:
    # two articles side by side: the first's deck, then the second's first heading above a
    # byline; the blank between them says they are not one deck set over two lines
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    deck = "数据质押登记平台上线三个月，累计撮合授信超过42亿元"
    heading = "“保底+浮动”考验投资能力"
    text = "\n".join(["城商行试水数据增信", *TITLE[:1], deck, "", heading, BYLINE, *body])
    blocks = [b.text for b in split_blocks(text)]
    assert deck in blocks and heading in blocks


def test_a_table_set_in_the_page_is_furniture_with_its_title_and_header() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    table = [
        "部分理财产品七日年化收益率（12月1日）",
        "产品 管理人 七日年化",
        "日日盈A 朝露理财 1.31",
        "活钱宝3号 北辰理财 1.29",
    ]
    blocks = split_blocks("\n".join([*TITLE, BYLINE, *body[:10], *table, *body[10:]]))
    kinds = {b.text: b.kind for b in blocks}
    assert all(kinds.get(row) == FURNITURE for row in table)
