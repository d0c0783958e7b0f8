"""split_blocks: paragraphs, structural lines, kinds and line provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from article.blocks import split_blocks
from article.decode import load_text
from article.model import (
    ANSWER,
    BYLINE,
    CAPTION,
    CONTINUATION,
    HEADING,
    PARAGRAPH,
    QUESTION,
    SOURCE,
    TITLE,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ae48cb718f3105d7.txt"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in split_blocks(text)]


def test_paragraphs_are_separated_by_blank_and_whitespace_lines() -> None:
    text = "第一段第一行\n第一段第二行。\n \t\n第二段。\n\n\n第三段。"
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["第一段第一行第一段第二行。", "第二段。", "第三段。"]
    assert [b.lines for b in blocks] == [[(1, 2)], [(4, 4)], [(7, 7)]]


def test_latin_and_digits_joined_with_one_space_cjk_without() -> None:
    text = "报告称 GDP\ngrowth 达到\n5%。\n\n另一段。"
    assert split_blocks(text)[0].text == "报告称 GDP growth 达到5%。"


def test_markup_marks_removed_and_titles_headings_recognised() -> None:
    text = "# 大标题 副题\n\n## 小节标题\n\n正文。"
    assert _kinds(text) == [(TITLE, "大标题 副题"), (HEADING, "小节标题"), (PARAGRAPH, "正文。")]


@pytest.mark.parametrize(
    "line",
    [
        "本报记者 贺一鸣 杭州报道",
        "中经记者 林小雨 成都报道",
        "通讯员 严文",
        "记者 章立群 摄",
        "责任编辑：卢一帆",
        "（编辑：钟原 校对：米兰）",
    ],
)
def test_bylines(line: str) -> None:
    assert split_blocks(f"# 题\n\n{line}\n\n正文。")[1].kind == BYLINE


def test_a_sentence_mentioning_reporters_is_not_a_byline() -> None:
    text = "他向记者表示，今年会好转。\n\n另起一段。"
    assert split_blocks(text)[0].kind == PARAGRAPH


@pytest.mark.parametrize(
    "line", ["资料来源：国家统计局", "数据来源：某某研究院", "来源：公司公告", "（来源：年报）"]
)
def test_source_lines(line: str) -> None:
    assert split_blocks(f"正文。\n\n{line}")[1].kind == SOURCE


@pytest.mark.parametrize(
    "line", ["上接 B2", "下转A4", "接第3版", "转第5版", "(上接第2版)", "（下转第12版）"]
)
def test_continuation_markers(line: str) -> None:
    assert split_blocks(f"正文。\n\n{line}\n\n正文二。")[1].kind == CONTINUATION


def test_structural_lines_stand_alone_even_without_blank_lines_around() -> None:
    text = "第一段。\n\n# 新题\n本报记者 洪涛 报道\n正文开始\n接着写。\n下转A4\n\n末段。"
    got = _kinds(text)
    assert got == [
        (PARAGRAPH, "第一段。"),
        (TITLE, "新题"),
        (BYLINE, "本报记者 洪涛 报道"),
        (PARAGRAPH, "正文开始接着写。"),
        (CONTINUATION, "下转A4"),
        (PARAGRAPH, "末段。"),
    ]


def test_caption_by_chart_word_and_by_following_source_line() -> None:
    text = (
        "## 图1 各省贷款余额\n\n## 主要指标一览表\n\n## 五个新方向\n\n"
        "资料来源：某所\n\n## 普通小节\n\n正文。"
    )
    kinds = [b.kind for b in split_blocks(text)]
    assert kinds == [CAPTION, CAPTION, CAPTION, SOURCE, HEADING, PARAGRAPH]


def test_caption_with_a_unit_note_before_the_source() -> None:
    text = "## 三年走向\n\n单位：亿元\n\n数据来源：某局\n\n正文。"
    assert split_blocks(text)[0].kind == CAPTION


def test_heading_followed_by_a_paragraph_then_source_is_still_a_heading() -> None:
    text = "## 市场观察\n\n今年以来，行业整体回暖，多家公司业绩增长。\n\n资料来源：某局"
    assert split_blocks(text)[0].kind == HEADING


def test_question_and_answer_turns_with_speakers() -> None:
    text = (
        "《东岭日报》：今年有何打算？\n\n韩明远：我们会继续投入。\n\n记者：还有呢？\n\n"
        "答：还有很多。\n\n问：最后一个问题？\n\n方法：先调研再决定。"
    )
    got = [(b.kind, b.speaker) for b in split_blocks(text)]
    assert got == [
        (QUESTION, "东岭日报"),
        (ANSWER, "韩明远"),
        (QUESTION, "记者"),
        (ANSWER, None),
        (QUESTION, None),
        (PARAGRAPH, None),
    ]


def test_qa_turn_keeps_its_continuation_lines() -> None:
    text = "韩明远：第一行\n第二行。\n\n后文。"
    first = split_blocks(text)[0]
    assert (first.kind, first.text, first.lines) == (ANSWER, "韩明远：第一行第二行。", [(1, 2)])


def test_without_blank_lines_every_line_is_a_block() -> None:
    lines = [f"第{i}段的内容在这里" for i in range(12)]
    blocks = split_blocks("\n".join(lines))
    assert [b.text for b in blocks] == lines
    assert blocks[3].lines == [(4, 4)]


def test_seed_kinds_speakers_and_lines() -> None:
    blocks = split_blocks(load_text(SEED).text)
    by_line = {b.lines[0][0]: b for b in blocks}
    expect = {3: TITLE, 60: TITLE, 5: BYLINE, 62: BYLINE, 34: CAPTION, 38: SOURCE}
    expect |= {9: HEADING, 66: HEADING, 118: HEADING, 140: HEADING, 138: CONTINUATION}
    expect |= {142: QUESTION, 148: QUESTION, 144: ANSWER, 150: ANSWER, 7: PARAGRAPH}
    for line, kind in expect.items():
        assert by_line[line].kind == kind, line
    assert by_line[142].speaker == by_line[148].speaker == "中国经营报"
    assert by_line[144].speaker == by_line[150].speaker == "张畅"
    assert not by_line[3].text.startswith("#")
    assert all(b.kind == PARAGRAPH for b in blocks if b.lines[0][0] in (23, 40, 98))
    assert len(blocks) == 74


def test_rare_surnames_answer_a_question_even_on_the_next_line() -> None:
    text = (
        "记者：门槛会降吗？\n郦远舟：会的，很快。\n\n记者：然后呢？\n\n亓官墨：再看看。\n\n"
        "记者：数据怎么说？\n\n数据显示：增长很快。"
    )
    got = [(b.kind, b.speaker, b.lines) for b in split_blocks(text)]
    assert got == [
        (QUESTION, "记者", [(1, 1)]),
        (ANSWER, "郦远舟", [(2, 2)]),
        (QUESTION, "记者", [(4, 4)]),
        (ANSWER, "亓官墨", [(6, 6)]),
        (QUESTION, "记者", [(8, 8)]),
        (PARAGRAPH, None, [(10, 10)]),
    ]


def test_outside_a_qa_run_a_rare_surname_must_not_start_a_word() -> None:
    kinds = [(b.kind, b.speaker) for b in split_blocks("蔺远舟：我们会做。\n\n有的人：不同意。")]
    assert kinds == [(ANSWER, "蔺远舟"), (PARAGRAPH, None)]
