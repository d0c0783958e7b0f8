"""Heads of a second article on a hard-wrapped page: what sits right above its byline."""

from __future__ import annotations

from wrapped_support import BYLINE, PARAGRAPHS, TITLE, wrap

from article.blocks import split_blocks
from article.model import (
    BYLINE as BYLINE_KIND,
)
from article.model import (
    CAPTION,
    CONTINUATION,
    FURNITURE,
    HEADING,
    PARAGRAPH,
    SUBTITLE,
)
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


def _kinds(*lines: str) -> dict[str, str]:
    """Block text -> kind of the lines set over a wrapped body."""
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    return {b.text: b.kind for b in split_blocks("\n".join([*lines, *body]))}


def test_a_jump_head_and_its_marker_on_one_line_are_a_title_and_a_marker() -> None:
    kinds = _kinds("临江商报", "临江数据增信试点 （上接A4版）")
    assert kinds["临江数据增信试点"] == TITLE_KIND
    assert kinds["（上接A4版）"] == CONTINUATION


def test_a_kicker_beside_the_byline_and_the_title_under_both() -> None:
    title = "两家城商行试水供应链数据增信小微企业首贷周期缩短近一半"
    kinds = _kinds("业绩快报 本报记者 闵知远 临江报道", title)
    assert kinds[title] == TITLE_KIND
    assert kinds["本报记者 闵知远 临江报道"] == BYLINE_KIND


def test_a_short_kicker_over_a_one_line_title_is_no_part_of_it() -> None:
    kinds = _kinds("县域金融观察", "临江“数据贷”一年撬动8.6亿元授信", BYLINE)
    assert kinds["临江“数据贷”一年撬动8.6亿元授信"] == TITLE_KIND
    assert kinds["县域金融观察"] == SUBTITLE


def test_headings_as_wide_as_their_column_are_headings() -> None:
    paragraphs = [wrap(p, 15) for p in PARAGRAPHS]
    starts = [["\u3000\u3000" + lines[0], *lines[1:]] for lines in paragraphs]  # indented
    bulleted, plain = "■ 茶山有了数字化的专属身份证", "设备贴息政策延续至明年年底前"
    body = [*starts[0], *starts[1], bulleted, *starts[2], plain, *starts[3], *starts[4]]
    kinds = {b.text: b.kind for b in split_blocks("\n".join([*TITLE, BYLINE, *body]))}
    assert kinds.get(bulleted) == HEADING
    assert kinds.get(plain) == HEADING


def test_a_caption_ends_on_its_photo_credit_and_a_chart_title_on_its_last_word() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    photo = ["图为临江市一家企业的技术人员在调试新购置的数控设备。本报记", "者 闵知远 摄"]
    chart = ["图表：临江精工近五年营业", "收入", "单位：亿元", "3.2", "4.1"]
    text = "\n".join([*TITLE, BYLINE, *body[:8], *photo, *body[8:14], *chart, *body[14:]])
    captions = [b.text for b in split_blocks(text) if b.kind == CAPTION]
    assert "图为临江市一家企业的技术人员在调试新购置的数控设备。本报记者闵知远摄" in captions
    assert "图表：临江精工近五年营业收入" in captions


def test_a_title_under_a_byline_over_an_indented_first_paragraph() -> None:
    body = [
        "\u3000\u3000" + line if i == 0 else line for i, line in enumerate(wrap(PARAGRAPHS[0], 10))
    ]
    rest = [line for p in PARAGRAPHS[1:] for line in wrap(p, 10)]
    text = "\n".join(["临江商报", "A6 区域金融", BYLINE, "临江科创债券发行提速", *body, *rest])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["临江科创债券发行提速"] == TITLE_KIND


def test_a_title_and_deck_over_a_photo_caption_open_the_page() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 17)]
    deck = "拟定增募资不超过28亿元，其中19.6亿元投向临江钠离子电池基地"
    caption = "▲临江锂电宜宾基地的电芯生产线。公司供图"
    text = "\n".join(
        [
            "临江商报",
            "LINJIANG COMMERCIAL NEWS",
            "公司·深度 B2",
            "临江锂电押注钠离子电池",
            deck,
            caption,
            *body,
        ]
    )
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["临江锂电押注钠离子电池"] == TITLE_KIND and kinds[deck] == SUBTITLE


def test_a_caption_over_two_lines_takes_the_credit_on_its_own_line() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    photo = ["图为临江市一处茶园内，茶农正在", "采摘春茶。", "闵知远 摄"]
    text = "\n".join([*TITLE, BYLINE, *body[:8], *photo, *body[8:]])
    captions = [b.text for b in split_blocks(text) if b.kind == CAPTION]
    assert captions == ["图为临江市一处茶园内，茶农正在采摘春茶。闵知远摄"]


def test_a_title_over_two_lines_under_a_byline_set_above_it() -> None:
    body = [
        "\u3000\u3000" + line if i == 0 else line for i, line in enumerate(wrap(PARAGRAPHS[0], 14))
    ]
    rest = [line for p in PARAGRAPHS[1:] for line in wrap(p, 14)]
    head = ["临江一城投公司发行蓝色债券", "票面利率2.41%创同类新低"]
    text = "\n".join(["临江商报", "A6 区域金融", BYLINE, *head, *body, *rest])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["".join(head)] == TITLE_KIND


def test_a_note_under_a_table_is_no_paragraph() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    text = "\n".join([*TITLE, BYLINE, *body, "注：数据截至4月15日，期限均为5年"])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["注：数据截至4月15日，期限均为5年"] != PARAGRAPH
