"""Hard-wrapped extractor text: lines unwrapped into paragraphs, kinds found without markup,
furniture kept apart, and never a character lost."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wrapped_support import (
    BYLINE,
    DECK,
    FOOTER,
    HEADING,
    PAPER,
    PARAGRAPHS,
    TITLE,
    body_lines,
    page,
    wrap,
)

from article.analyze import structure
from article.blocks import furniture, split_blocks, text_warnings
from article.blocks.heads import byline_text
from article.blocks.lines import unspaced
from article.model import (
    BYLINE as BYLINE_KIND,
)
from article.model import (
    CAPTION as CAPTION_KIND,
)
from article.model import (
    FURNITURE,
    PARAGRAPH,
    SUBTITLE,
    LoadedText,
    Source,
)
from article.model import (
    HEADING as HEADING_KIND,
)
from article.model import (
    TITLE as TITLE_KIND,
)


def _document(text: str):
    """The reflowed document of a text, without entities."""
    return structure(LoadedText(Source("page.txt", "utf-8", "0"), text))


def _paragraphs(text: str) -> list[str]:
    """The texts of the paragraph blocks after reflow."""
    return [b.text for b in _document(text).blocks if b.kind == PARAGRAPH]


def _chars(text: str) -> Counter[str]:
    """The multiset of non-space characters."""
    return Counter(c for c in text if not c.isspace())


@pytest.mark.parametrize("width", [13, 15, 18, 22])
@pytest.mark.parametrize("blank", [False, True])
def test_a_page_in_columns_reads_back_as_its_paragraphs(width: int, blank: bool) -> None:
    text = page(width, column_lines=9, blank_at_columns=blank)
    assert _paragraphs(text) == PARAGRAPHS


@pytest.mark.parametrize("width", [14, 19])
def test_title_deck_byline_heading_and_furniture_are_told_apart(width: int) -> None:
    blocks = _document(page(width, column_lines=11, blank_at_columns=False)).blocks
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["".join(TITLE)] == TITLE_KIND  # a title over two lines is one
    assert kinds[DECK] == SUBTITLE
    assert kinds[BYLINE] == BYLINE_KIND
    assert kinds[HEADING] == HEADING_KIND
    for line in [*PAPER, *FOOTER]:
        assert kinds.get(line, kinds.get(unspaced(line))) == FURNITURE, line


def test_pdfminer_style_blank_line_after_every_line_unwraps() -> None:
    lines = [line for paragraph in PARAGRAPHS for line in wrap(paragraph, 16)]
    assert _paragraphs("\n\n".join(lines)) == PARAGRAPHS


def test_justification_spaces_are_removed_but_latin_and_bylines_keep_theirs() -> None:
    assert unspaced("3 0 % 的 有 1 1 家") == "30%的有11家"
    assert unspaced("( 6 0 0 0 3 0 . S H )") == "(600030.SH)"
    assert unspaced("消费 金 融 行 业 正 在 经历一场") == "消费金融行业正在经历一场"
    assert unspaced("JINGWEI FINANCIAL DAILY") == "JINGWEI FINANCIAL DAILY"
    blocks = split_blocks(page(15, 9, False))
    assert any(b.kind == BYLINE_KIND and b.text == BYLINE for b in blocks)


def test_a_sentence_about_a_reporter_is_no_byline() -> None:
    assert byline_text("本报记者 闵知远 临江报道")
    assert byline_text("记者 闵知远")
    assert not byline_text("记者近日走访广州、佛山、东莞")
    assert not byline_text("记者从多家银行了解到")


def test_furniture_between_two_halves_of_a_sentence_is_never_joined_in() -> None:
    lines = wrap(PARAGRAPHS[0], 15)
    text = "\n".join([*lines[:4], "2026年5月12日 星期二", "C3 公司·产业", *lines[4:]])
    text += "\n" + "\n".join(line for p in PARAGRAPHS[1:] for line in wrap(p, 15))
    blocks = _document(text).blocks
    assert PARAGRAPHS[0] in [b.text for b in blocks]
    assert all("星期" not in b.text for b in blocks if b.kind == PARAGRAPH)


def test_a_doubled_character_at_a_line_break_is_kept() -> None:
    # wrapped text never doubles a character at a break: 心 + 心 is what the writer wrote
    paragraph = "人工智能作为新质生产力的核心心领神会的技术路线正在成为银行布局的关键突破口之一。"
    lines = wrap(paragraph, 13)
    text = "\n".join(lines + [line for p in PARAGRAPHS for line in wrap(p, 13)])
    assert _chars("".join(b.text for b in _document(text).blocks)) == _chars(text)


def test_a_surname_and_a_given_name_of_two_people_are_not_made_one() -> None:
    first = wrap("安和人寿副总经理司马", 30)[0]
    others = "“过去几年，产品结构变化很大。”上海一所大学的教授梁嘉欣表示，分红险正在成为主力。"
    text = f"{first}\n\n嘉欣表示，市场正在回暖。\n\n{others}\n\n骏表示，公司将继续推进转型。"
    blocks = [b.text for b in _document(text).blocks]
    assert not any("司马嘉欣" in t for t in blocks)


def test_a_surname_joins_a_given_name_the_text_prints_in_full_elsewhere() -> None:
    text = (
        "研究院首席专家韦\n\n玲艳指出，产业发展需求也是银行布局的关键因素。\n\n"
        "韦玲艳进一步分析，知识产权的估值仍是主要瓶颈。"
    )
    assert any(b.text.startswith("研究院首席专家韦玲艳指出") for b in _document(text).blocks)


def test_row_interleaved_columns_are_flagged() -> None:
    left = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    right = [line for p in reversed(PARAGRAPHS) for line in wrap(p, 15)]
    rows = [line for pair in zip(left, right, strict=False) for line in pair]
    assert text_warnings("\n".join(rows))
    merged = [f"{a} {b}" for a, b in zip(left, right, strict=False)]
    assert text_warnings("\n".join(merged))
    assert not text_warnings(page(15, 9, False))
    interleaved = _document("\n".join(rows))
    assert "warnings" in interleaved.to_json()
    assert not [r for r in interleaved.repairs if r.kind.startswith("join")]  # no guessed order


_CJK = st.sampled_from(list("银行贷款企业数据市场利率资金产品服务发展政策记者表示认为同比增长"))
_PUNCT = st.sampled_from(["，", "、", "；"])


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    """An invented paragraph: clauses of CJK characters and numbers, ending a sentence."""
    clauses = draw(st.lists(st.lists(_CJK, min_size=4, max_size=14), min_size=2, max_size=6))
    parts = ["".join(c) for c in clauses]
    if draw(st.booleans()):
        parts[0] += str(draw(st.integers(1, 99999)))
    return draw(_PUNCT).join(parts) + "。"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(_paragraph(), min_size=3, max_size=8),
    st.integers(12, 24),
    st.integers(5, 30),
    st.booleans(),
)
def test_no_character_is_ever_lost(
    paragraphs: list[str], width: int, column: int, blank: bool
) -> None:
    lines = [line for p in paragraphs for line in wrap(p, width)]
    cut = [lines[i : i + column] for i in range(0, len(lines), column)]
    text = ("\n\n" if blank else "\n").join("\n".join(c) for c in cut)
    out = "".join(b.text for b in _document(text).blocks)
    assert _chars(out) == _chars(text)


def test_a_character_a_line_is_joined_back_into_running_text() -> None:
    text = "\n".join(PARAGRAPHS[0] + PARAGRAPHS[1])
    document = _document(text)
    assert PARAGRAPHS[0] + PARAGRAPHS[1] in [b.text for b in document.blocks]
    assert document.warnings


def test_a_first_line_that_lost_its_indent_is_no_heading() -> None:
    # a viewer's copy drops the indent: the first line looks short, but its sentence runs on
    opening = (
        "沿江物流行业正在经历一场“提速潮”。在政策引导和市场竞争的双重作用下，"
        "各港区的平均周转时间普遍缩短。"
    )
    second = "临川是沿江港口最集中的城市之一。记者从临川市交通运输局了解到，港区吞吐量继续增长。"
    lines = [*TITLE, BYLINE, *wrap(opening, 15, indent=3), *wrap(second, 15, indent=3)]
    text = "\n".join(lines + [line for p in PARAGRAPHS for line in wrap(p, 15, indent=0)])
    blocks = _document(text).blocks
    assert not [b.text for b in blocks if b.kind == HEADING_KIND]
    assert opening in [b.text for b in blocks]


def test_a_masthead_line_and_a_date_without_its_weekday_are_furniture() -> None:
    head = ["B3 市场观察 沧浪经济周报 月 星 CANGLANG ECONOMIC WEEKLY", "2026年5 12日 期二"]
    text = "\n".join([*head, *TITLE, BYLINE, *body_lines(15)])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds[head[0]] == FURNITURE and kinds[head[1]] == FURNITURE
    assert kinds["".join(TITLE)] == TITLE_KIND


def test_column_lines_set_apart_by_blanks_keep_a_doubled_character() -> None:
    # every column line its own blank-set piece, out of order (pdftotext on a page of loose
    # characters): 利率 + 率下行 is what the lines say, not a repeat to drop
    lines = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    random.Random(7).shuffle(lines)
    lines[3:3] = ["持牌机构的贷款综合年化利率", "率下行会加速行业洗牌"]
    text = "\n\n".join(lines)
    assert _chars("".join(b.text for b in _document(text).blocks)) == _chars(text)


def test_a_numbered_heading_is_a_heading() -> None:
    lines = [*TITLE, BYLINE, *wrap(PARAGRAPHS[0], 15), "二、数据确权仍待破题"]
    lines += [line for p in PARAGRAPHS[1:] for line in wrap(p, 15)]
    kinds = {b.text: b.kind for b in split_blocks("\n".join(lines))}
    assert kinds["二、数据确权仍待破题"] == HEADING_KIND


def test_an_unspaced_credit_needs_a_name_after_the_role() -> None:
    assert byline_text("证券时报记者甘露白") and byline_text("本报记者戚南乔实习记者孔思")
    assert byline_text("□记者 叶蓁 北京报道")
    assert not byline_text("记者从央行获悉") and not byline_text("记者近日走访广州")


def test_a_kicker_set_apart_above_a_two_line_title_is_its_subtitle() -> None:
    # pdftotext gives each type size its own block: kicker, title (two lines), byline
    kicker = "年内发行规模同比增长近六成"
    head = f"{kicker}\n\n{TITLE[0]}\n{TITLE[1]}\n{BYLINE}\n\n"
    text = head + "\n".join(line for p in PARAGRAPHS for line in wrap(p, 15))
    blocks = _document(text).blocks
    kinds = {b.text: b.kind for b in blocks}
    assert kinds[kicker] == SUBTITLE and kinds["".join(TITLE)] == TITLE_KIND
    assert len({b.article for b in blocks if b.kind != FURNITURE}) == 1  # one article


def test_a_title_over_two_lines_with_no_byline_is_one_title() -> None:
    # a shuffled page puts a second article's title mid-text, with no byline under it
    first = [line for p in PARAGRAPHS[:2] for line in wrap(p, 15)]
    head = ["两融余额创年内新高", "券商下调融资利率争夺客户"]
    rest = [line for p in PARAGRAPHS[2:] for line in wrap(p, 15)]
    kinds = {b.text: b.kind for b in split_blocks("\n".join([*first, *head, *rest]))}
    assert kinds["".join(head)] == TITLE_KIND


def test_three_head_lines_with_no_deck_mark_are_a_kicker_and_a_two_line_title() -> None:
    kicker = "一季度发行规模超900亿元"
    text = "\n".join([kicker, *TITLE, BYLINE, *(line for p in PARAGRAPHS for line in wrap(p, 15))])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds[kicker] == SUBTITLE and kinds["".join(TITLE)] == TITLE_KIND


def test_interleaved_columns_keep_their_heads_and_join_no_two_lines() -> None:
    left = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    right = [line for p in reversed(PARAGRAPHS) for line in wrap(p, 15)]
    rows = [line for pair in zip(left, right, strict=False) for line in pair]
    text = "\n".join([*TITLE, BYLINE, *rows])
    blocks = split_blocks(text)
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["".join(TITLE)] == TITLE_KIND and kinds[BYLINE] == BYLINE_KIND
    assert all(b.lines[0][0] == b.lines[-1][1] for b in blocks if b.kind == PARAGRAPH)
    assert text_warnings(text)


def _heads_of(head: list[str]) -> dict[str, str]:
    """Block text -> kind of the head lines set over the byline and a wrapped body."""
    body = (line for p in PARAGRAPHS for line in wrap(p, 15))
    return {b.text: b.kind for b in split_blocks("\n".join([*head, BYLINE, *body]))}


def test_three_head_lines_whose_last_alone_gives_a_figure_are_a_title_and_its_deck() -> None:
    deck = "一季度企业外汇套保比率升至29.5%"
    kinds = _heads_of([*TITLE, deck])
    assert kinds["".join(TITLE)] == TITLE_KIND and kinds[deck] == SUBTITLE


def test_a_deck_sets_its_phrases_apart_with_a_space() -> None:
    deck = "年内9单扩募项目获批 保险资金成为主力认购方"
    kinds = _heads_of([TITLE[0], deck])
    assert kinds[TITLE[0]] == TITLE_KIND and kinds[deck.replace(" ", "")] == SUBTITLE


def test_a_title_line_after_a_colon_may_hold_a_space() -> None:
    head = ["专访澄岭数科董事长顾以安：", "稳住主业 再谈出海"]
    assert _heads_of(head)["".join(head).replace(" ", "")] == TITLE_KIND


def test_a_deck_wrapped_over_two_lines_stays_under_its_two_line_title() -> None:
    deck = ["多地平台公司“退名单”后转型为市场化经营主体，债务置", "换节奏加快"]
    kinds = _heads_of([*TITLE, *deck])
    assert kinds["".join(TITLE)] == TITLE_KIND and kinds["".join(deck)] == SUBTITLE


def test_a_paper_name_beside_its_latin_name_is_a_masthead() -> None:
    assert furniture.is_running_line("南方金融时报 SOUTHERN FINANCIAL TIMES")
    assert not furniture.is_running_line("南方金融时报记者 SOUTHERN FINANCIAL TIMES 报道了")


def test_a_title_set_across_columns_among_a_column_s_lines_stands_apart() -> None:
    # a shuffled page: the title's two lines (the second wider than the column) come mid-column
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    head = ["县域信贷扩面提速", "城商行加快布局普惠小微企业首贷业务新模式"]
    kinds = {b.text: b.kind for b in split_blocks("\n".join([*body[:9], *head, *body[9:]]))}
    assert kinds["".join(head)] == TITLE_KIND


def test_a_title_line_and_the_byline_on_one_baseline_are_told_apart() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    text = "\n".join([TITLE[0], TITLE[1] + "证券时报记者 闵知远", *body])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["".join(TITLE)] == TITLE_KIND and kinds["证券时报记者 闵知远"] == BYLINE_KIND


def test_two_titles_set_side_by_side_and_read_one_after_the_other_stay_two() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    other = ["量化私募规模回落", "头部机构加码指数增强"]
    blocks = split_blocks("\n".join([*other, *TITLE, BYLINE, *body]))
    titles = [b.text for b in blocks if b.kind == TITLE_KIND]
    assert titles == ["".join(other), "".join(TITLE)]


def test_a_bulleted_section_heading_under_a_title_is_no_part_of_it() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    text = "\n".join(["（上接A5版）", "县域信贷扩面提速", "■风险仍需关注", *body])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["县域信贷扩面提速"] == TITLE_KIND and kinds["■风险仍需关注"] == HEADING_KIND


def test_a_title_set_inside_a_cut_sentence_is_a_title_and_the_sentence_goes_on() -> None:
    body = body_lines(18)
    cut = next(
        i
        for i, line in enumerate(body)
        if i > 3 and len(line) >= 17 and line[-1] not in "。，；、”" and body[i + 1][0] != "“"
    )
    shuffled = [*PAPER, BYLINE, *body[: cut + 1], *TITLE, *body[cut + 1 :], *FOOTER]
    document = _document("\n".join(shuffled) + "\n")
    titles = [b.text for b in document.blocks if b.kind == TITLE_KIND]
    assert titles == ["".join(TITLE)]
    assert _paragraphs("\n".join(shuffled)) == [*PARAGRAPHS[:3], *PARAGRAPHS[3:]]


def test_a_lone_title_line_wider_than_the_column_among_its_lines_is_a_title() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    title = "县域普惠信贷余额突破两千亿元小微首贷占比提升"
    table = "各地普惠小微贷款余额一览（截至4月末）"  # a table's title, not the article's
    blocks = split_blocks("\n".join([*body[:6], title, *body[6:12], table, *body[12:]]))
    kinds = {b.text: b.kind for b in blocks}
    assert kinds[title] == TITLE_KIND and kinds.get(table) != TITLE_KIND


def test_a_two_line_title_set_inside_a_cut_quotation_is_a_title() -> None:
    body = body_lines(18)
    cut = next(
        i
        for i, line in enumerate(body)
        if len(line) >= 17 and line[-1] not in "。，；、”" and "“" in line and "”" not in line
    )
    shuffled = [*PAPER, BYLINE, *body[: cut + 1], *TITLE, *body[cut + 1 :], *FOOTER]
    titles = [b.text for b in _document("\n".join(shuffled) + "\n").blocks if b.kind == TITLE_KIND]
    assert titles == ["".join(TITLE)]


def test_a_caption_cut_mid_sentence_ends_on_the_short_line_under_it() -> None:
    body = [line for p in PARAGRAPHS for line in wrap(p, 15)]
    caption = ["图为临江市一家城商行的普惠金融服务站，客户经理正在为店主办理", "信用贷款。"]
    blocks = split_blocks("\n".join([*body[:8], *caption, *body[8:]]))
    kinds = {b.text: b.kind for b in blocks}
    assert kinds["".join(caption)] == CAPTION_KIND
    ended = "图为临江市一家城商行的普惠金融服务站。"  # a whole caption takes no line under it
    blocks = split_blocks("\n".join([*body[:8], ended, "信用贷款。", *body[8:]]))
    assert [b.text for b in blocks if b.kind == CAPTION_KIND] == [ended]


def test_lines_with_wide_digits_that_stop_a_little_short_still_run_on() -> None:
    lines = body_lines(20)
    for i, line in enumerate(lines[:-1]):
        ascii_chars = sum(c.isascii() for c in line)
        if ascii_chars >= 8 and line[-1] not in "。，；、”" and not lines[i + 1].startswith("“"):
            lines[i], lines[i + 1] = line[:-1], line[-1] + lines[i + 1]  # digits set wider
    text = "\n".join([*PAPER, *TITLE, BYLINE, *lines, *FOOTER]) + "\n"
    assert _paragraphs(text) == [*PARAGRAPHS[:3], *PARAGRAPHS[3:]]


def test_a_doubled_character_after_a_short_column_line_is_kept() -> None:
    text = "银行贷款企业，数据市场行市\n\n市利率资金稳定，产品服务发展。"
    out = "".join(b.text for b in _document(text).blocks)
    assert _chars(out) == _chars(text)


def test_one_article_read_across_its_columns_leaves_the_other_read_in_order() -> None:
    page = Path(__file__).parent / "pages3" / "p02"
    text = (page / "pdfminer.txt").read_text(encoding="utf-8")
    gold = json.loads((page / "clean.json").read_text(encoding="utf-8"))
    blocks = [b.text for b in _document(text).blocks]
    first = [p["text"] for p in gold["articles"][0]["paragraphs"]]
    # the stretch where the two meet is judged read across too: its paragraphs keep their gaps
    assert all(any(p in b for b in blocks) for p in first[:4])
    assert any(w.startswith("各栏文字逐行交错") for w in text_warnings(text))


@pytest.mark.parametrize(
    ("line", "advert"),
    [
        ("财富管理 · 投资银行 · 研究服务", True),
        ("投资有风险 入市需谨慎", True),
        ("读者热线 0571-8000-0001", True),
        ("理财非存款 产品有风险", True),
        ("约瑟夫·奈", False),
        ("聚焦·科技金融", False),
        ("市场风险仍需谨慎对待", False),
        ("风险提示", False),
    ],
)
def test_advert_lines_are_furniture(line: str, advert: bool) -> None:
    assert furniture.is_advert(line) is advert
    assert furniture.is_running_line(line) is advert


def test_a_block_read_down_its_column_beside_lines_read_across_stays_whole() -> None:
    ordered = "\n".join(line for p in PARAGRAPHS[:3] for line in wrap(p, 13))
    left = [line for p in PARAGRAPHS for line in wrap(p, 11)]
    right = [line for p in reversed(PARAGRAPHS) for line in wrap(p, 11)]
    rows = [line for pair in zip(left, right, strict=False) for line in pair]
    text = "\n".join([*TITLE, BYLINE, ordered, "", "\n\n".join(rows)])
    paragraphs = [b.text for b in _document(text).blocks if b.kind == PARAGRAPH]
    assert all(p in paragraphs for p in PARAGRAPHS[:3])  # the block read down its column
    assert text_warnings(text)  # the lines read across, one per block, are still told
