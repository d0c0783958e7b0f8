"""split_blocks: paragraphs, structural lines, kinds and line provenance."""

from __future__ import annotations

import re
from pathlib import Path
from re._constants import (  # type: ignore[import-not-found]
    AT,
    BRANCH,
    CATEGORY,
    CATEGORY_SPACE,
    IN,
    LITERAL,
    MAX_REPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    SUBPATTERN,
)
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article.blocks import kinds as bk
from article.blocks.kinds import classify_line
from article.blocks.split import (
    _mark_unmarked_heads,
    _titles_over_decks,
    joiner,
    mark_column_ends,
    split_blocks,
)
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
    RawBlock,
)
from article.source.decode import load_text

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


def test_a_name_without_surname_answers_only_right_after_a_question() -> None:
    turns = [
        "记者：门槛会降吗？",
        "乙远舟：会的。",
        "乙远舟：再说一句。",
        "记者：还有呢？",
        "乙远舟：没了。",
    ]
    text = "\n\n".join(turns)
    got = [(b.kind, b.speaker) for b in split_blocks(text)]
    qa = [(QUESTION, "记者"), (ANSWER, "乙远舟")]
    assert got == [*qa, (PARAGRAPH, None), *qa]


def test_lines_joined_once_keep_latin_spaces_and_line_span() -> None:
    text = "甲乙 GDP\n42 丙丁\n戊己\nabc。\n\n答：是\n的 OK\nyes。\n\n## 小节\n续文"
    got = [(b.kind, b.text, b.lines) for b in split_blocks(text)]
    assert got == [
        (PARAGRAPH, "甲乙 GDP 42 丙丁戊己abc。", [(1, 4)]),
        (ANSWER, "答：是的 OK yes。", [(6, 8)]),
        (HEADING, "小节", [(10, 10)]),
        (PARAGRAPH, "续文", [(11, 11)]),
    ]


def _first_chars(items: list[Any]) -> tuple[set[str], bool]:
    """What a parsed regex sequence can begin with, and whether it can match nothing."""
    firsts: set[str] = set()
    for op, arg in items:
        if op is AT:
            continue
        if op is LITERAL:
            return firsts | {chr(arg)}, False
        if op is IN:  # whitespace never begins a stripped line
            assert all(item in ((CATEGORY, CATEGORY_SPACE),) or item[0] is LITERAL for item in arg)
            return firsts | {chr(c) for sub_op, c in arg if sub_op is LITERAL}, False
        if op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            inner, empty = _first_chars(list(arg[2]))
            empty = empty or arg[0] == 0
        elif op is SUBPATTERN:
            inner, empty = _first_chars(list(arg[-1]))
        elif op is BRANCH:
            parts = [_first_chars(list(branch)) for branch in arg[1]]
            inner = set().union(*(p[0] for p in parts))
            empty = any(p[1] for p in parts)
        else:
            raise AssertionError(f"unexpected regex op {op}")
        firsts |= inner
        if not empty:
            return firsts, False
    return firsts, True


def _can_begin_with(pattern: re.Pattern[str]) -> set[str]:
    firsts, empty = _first_chars(list(re._parser.parse(pattern.pattern).data))  # type: ignore[attr-defined]
    assert not empty
    return firsts


def test_first_character_guards_are_what_the_patterns_can_begin_with() -> None:
    assert _can_begin_with(bk._CONT) == bk._CONT_FIRST
    assert _can_begin_with(bk._SOURCE) == bk._SOURCE_FIRST
    assert _can_begin_with(bk._EDITOR_CREDIT) == bk._EDITOR_FIRST
    assert _can_begin_with(bk._ROLE_Q) == bk._ROLE_Q_FIRST
    assert _can_begin_with(bk._ROLE_A) == bk._ROLE_A_FIRST
    assert _can_begin_with(bk._MEDIA_Q) == {"《"}
    assert _can_begin_with(bk._TITLE) | _can_begin_with(bk._HEADING) == {"#"}
    guarded = (bk._CONT, bk._SOURCE, bk._EDITOR_CREDIT, bk._ROLE_Q, bk._ROLE_A, bk._MEDIA_Q)
    every = set().union(*map(_can_begin_with, (*guarded, bk._TITLE, bk._HEADING)))
    assert every == set(bk._STRUCTURAL_FIRST)


_LOOK_BITS = [
    "甲",
    "乙的",
    "是",
    "，",
    "。",
    "：",
    ":",
    "#",
    "（",
    "上",
    "资",
    "记",
    "记者",
    "答",
    "A",
]
_LOOK_BITS += ["张", "1", "a", " ", "《", "责", "通讯员", "撰稿", "实习生", "丙" * 20]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_LOOK_BITS), min_size=1, max_size=12).map("".join))
def test_closer_look_is_the_spelled_out_rule(line: str) -> None:
    line = line.strip()
    if line:
        short_plain = len(line) <= 40 and not re.search("[。，；！？：:]", line)
        byline_like = short_plain and re.search("记者|通讯员|实习生|撰稿", line) is not None
        spelled = line[0] in bk._STRUCTURAL_FIRST or "：" in line[2:5] or byline_like
        assert (bk.closer_look(line) is not None) == spelled


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_LOOK_BITS), min_size=1, max_size=12).map("".join))
def test_a_line_without_a_closer_look_is_a_plain_paragraph(line: str) -> None:
    line = line.strip()
    if line and bk.closer_look(line) is None:
        for after_question in (False, True):
            assert bk.line_kind(line, after_question) == (PARAGRAPH, line, None)


def _reference_split(text: str) -> list[RawBlock]:
    """The plain line-by-line loop that `split_blocks` does in C-level passes."""
    stripped = [line.strip() for line in text.split("\n")]
    filled = [n for n, line in enumerate(stripped, start=1) if line]
    runs = sum(1 for i, n in enumerate(filled) if i == 0 or filled[i - 1] != n - 1)
    every_line = len(filled) >= 2 and runs - 1 < 0.1 * len(filled)
    blocks: list[RawBlock] = []
    open_block: RawBlock | None = None
    last = 0
    for n in filled:
        if n != last + 1:
            open_block = None
        last = n
        after_question = bool(blocks) and blocks[-1].kind == QUESTION
        kind = classify_line(stripped[n - 1], after_question)
        if open_block is not None and not kind.structural and not every_line:
            open_block.text += joiner(open_block.text, kind.text) + kind.text
            open_block.lines[-1] = (open_block.lines[-1][0], n)
            continue
        blocks.append(RawBlock(kind.kind, kind.text, [(n, n)], kind.speaker, every_line))
        growable = not kind.structural or kind.kind in (QUESTION, ANSWER)
        open_block = blocks[-1] if growable else None
    blocks = _titles_over_decks(blocks, stripped)  # after the loop, as split_blocks does
    _mark_unmarked_heads(blocks)  # running headers and titles over bylines
    mark_column_ends(blocks, stripped)
    return blocks


_LINES = [
    "",
    " ",
    "甲乙。",
    "ab",
    "12 甲",
    "记者：问？",
    "郦远舟：答。",
    "## 小节",
    "# 题",
    "上接 B2",
]
_LINES += [
    "资料来源：某",
    "答：是",
    "乙远舟：对。",
    "中经记者 林小雨 成都报道",
    "有的人：不。",
    "丙" * 45,
]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_LINES), max_size=40))
def test_split_blocks_is_the_line_by_line_loop(lines: list[str]) -> None:
    text = "\n".join(lines)
    got = split_blocks(text)
    for block in got:
        if block.kind == CAPTION:  # captions are marked after the loop
            block.kind = HEADING
    assert got == _reference_split(text)


_ONE_CHART_REGEX = re.compile(
    r"(?:^(?:附)?(?:图|表|图表)\s*[0-9０-９一二三四五六七八九十]"
    r"|(?:图|表|图表|示意图|一览|一览表|统计表|走势|趋势图|分布图|对比图|情况表|明细)"
    r"\s*(?:[（(][^）)]*[）)])?$)"
)


_CHART_BITS = [
    "图",
    "表",
    "一览表",
    "附",
    "1",
    "十",
    " ",
    "（",
    "(",
    ")",
    "）",
    "甲",
    "示意图",
    "明细",
]


@settings(max_examples=400)
@given(st.lists(st.sampled_from([*_CHART_BITS, "\n"]), max_size=8).map("".join))
def test_names_a_chart_is_the_one_regex_search(heading: str) -> None:
    assert bk.names_a_chart(heading) == bool(_ONE_CHART_REGEX.search(heading.strip()))


def test_text_without_markup_finds_its_running_header_and_the_title_over_its_byline() -> None:
    text = (
        "2026年5月4日 星期一\n\nMINGHU FINANCIAL HERALD\n\n"
        "县域信贷扩面提速\n本报记者 邵清言 衢州报道\n\n"
        "今年以来，县域信贷投放明显加快。\n\n记者了解到，多家农商行下调了利率。"
    )
    kinds = [(b.kind, b.text) for b in split_blocks(text)]
    assert kinds[:4] == [
        ("furniture", "2026年5月4日 星期一"),
        ("furniture", "MINGHU FINANCIAL HERALD"),
        ("title", "县域信贷扩面提速"),
        ("byline", "本报记者 邵清言 衢州报道"),
    ]
    assert kinds[4][0] == "paragraph"


def test_a_pasted_article_s_first_line_is_its_title() -> None:
    text = (
        "岚汐能源去年净利润增长31.6% 海外订单大幅增长\n\n"
        "3月10日晚间，岚汐能源发布年报。\n\n分业务看，储能系统增长最快。"
    )
    kinds = [b.kind for b in split_blocks(text)]
    assert kinds == ["title", "paragraph", "paragraph"]
    assert split_blocks("今年以来\n信贷投放加快。")[0].kind == "paragraph"


def test_a_title_and_its_deck_over_a_byline_without_markup() -> None:
    text = (
        "县域信贷扩面提速\n上市银行一季报透视：小微贷款同比增长8.9% 不良率回落\n"
        "本报记者 邵清言 衢州报道\n\n今年以来，县域信贷投放明显加快。\n\n"
        "记者了解到，多家农商行下调了利率。"
    )
    kinds = [(b.kind, b.text) for b in split_blocks(text)][:3]
    assert kinds == [
        ("title", "县域信贷扩面提速"),
        ("subtitle", "上市银行一季报透视：小微贷款同比增长8.9% 不良率回落"),
        ("byline", "本报记者 邵清言 衢州报道"),
    ]


def test_a_title_ending_in_a_quoted_word_over_a_byline_is_a_title() -> None:
    text = (
        "A5  乡村金融  2026年11月12日  星期四  编辑 苗青禾  美编 褚亦凡\n\n"
        "临江农商银行“海养贷”投放超过6亿元\n东岭渔排上的海参有了“活钱”\n\n本报记者 闵知远\n\n"
        "十一月的东岭县，海面上的网箱连成一片。合作社理事长介绍了今年的情况。"
    )
    blocks = split_blocks(text)
    assert blocks[1].kind == TITLE and blocks[1].text.endswith("“活钱”")
    assert split_blocks("他说：“我们会继续努力。”\n\n本报记者 闵知远")[0].kind != TITLE
