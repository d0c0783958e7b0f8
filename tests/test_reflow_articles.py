"""Invented broken articles, each exercising several reflow rules, plus "lose nothing"."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_reflow_support import (
    ARTICLES,
    SEED,
    article_lines,
    block_at,
    output_chars,
    reflowed,
    source_chars,
    starts,
)

from article.model import (
    ANSWER,
    CAPTION,
    CONTINUATION,
    QUESTION,
    TRUNCATED_END,
    TRUNCATED_START,
)


@dataclass
class Expect:
    """What a person reading the broken article would reconstruct."""

    joins: list[list[int]]  # each: first source lines of the pieces of one joined block
    flags: dict[int, list[str]] = field(default_factory=dict)
    articles: list[list[int]] = field(default_factory=list)  # first lines in reading order
    texts: list[tuple[int, str]] = field(default_factory=list)  # (line, text the block holds)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (copy line, of line)


EXPECT = {
    # Repeat at a break across a heading, a trap partner right after the cut, a partner after a
    # chart, a surname cut after a title word, a measure word with no numeral, reversed order.
    "01_port.txt": Expect(
        joins=[[5, 17], [11, 13], [15, 23], [31, 29]],
        flags={25: [TRUNCATED_END], 27: [TRUNCATED_START]},
        articles=[[1, 3, 5, 7, 9, 11, 15, 19, 21, 25, 27, 31, 33]],
        texts=[
            (5, "多式联运已成为港口转型的关键抓手，带动了"),
            (11, "研究员蔡远帆表示"),
            (15, "依托出口加工区和保税物流中心"),
            (31, "9月30日，东岭港务集团发布消息称，"),
        ],
    ),
    # A section printed inside the wrong article goes home; "上接" with a new topic starts an
    # article without title; Q&A speakers; a garbled question that repeats the answer.
    "02_pages.txt": Expect(
        joins=[],
        articles=[[1, 3, 5, 7, 9, 21, 23, 25], [11, 13, 15, 17, 19], [27, 29, 31, 33, 35, 37]],
        duplicates=[(35, 33)],
    ),
    # No blank lines: every line is a block. Quote opened and closed across lines, a compound
    # surname cut after a title, a start with a comma, a subject-less verb with no partner,
    # a "(上接第2版)" piece whose vocabulary belongs to the first article.
    "03_flat.txt": Expect(
        joins=[[4, 5], [6, 7], [8, 9]],
        flags={11: [TRUNCATED_START], 17: [TRUNCATED_END]},
        articles=[[1, 2, 3, 4, 6, 8, 10, 11, 15, 16, 17], [12, 13, 14]],
        texts=[(6, "局长司马启航介绍"), (4, "该除虫，省了不少工夫。”")],
    ),
    # Latin words and digits keep their spaces; numeral + measure word; a quote whose middle is
    # missing ("，" then "的…" never meet); markers out and in; a continuation with a new topic.
    "04_tech.txt": Expect(
        joins=[[5, 7], [10, 12]],
        flags={14: [TRUNCATED_END], 16: [TRUNCATED_START], 24: [TRUNCATED_START]},
        articles=[[1, 3, 5, 10, 14, 16, 18, 20], [22, 24], [26, 28, 30]],
        texts=[
            (5, "增长了27.6%，其中面向东南亚市场的 MCU 和 power management 芯片"),
            (10, "共签约12个项目"),
        ],
    ),
    # A title word with no name after it, a word across a far break beating the adjacent block,
    # repeats across blocks and far apart inside one block.
    "05_repeats.txt": Expect(
        joins=[[11, 23]],
        flags={9: [TRUNCATED_END]},
        articles=[[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21]],
        texts=[(11, "补贴最高十五万元，剩余部分由居民按楼层分摊")],
        duplicates=[(17, 5), (19, 19), (21, 7)],
    ),
    # Words that want an amount ("规模约", "同比下降") join a bare amount across a heading; a
    # rare compound surname cut after a title beats a wrong join that shares only common words;
    # a bare amount that nothing asks for stays a visible gap.
    "06_amounts.txt": Expect(
        joins=[[5, 9], [13, 15], [17, 21]],
        flags={23: [TRUNCATED_START]},
        articles=[[1, 3, 5, 7, 11, 13, 17, 19, 23, 25]],
        texts=[
            (5, "总投资规模约312亿元。业内人士"),
            (13, "首席技术官端木思齐介绍"),
            (17, "同比下降3.4%。其中"),
        ],
    ),
    # An amount after "超过", a chain of three pieces across a name and an amount, Q&A answers by
    # people with rare surnames, one on the line right after its question, and a repeated answer.
    "07_interview.txt": Expect(
        joins=[[5, 7], [9, 11, 13]],
        articles=[[1, 3, 5, 9, 15, 17, 18, 20, 22, 24, 26]],
        texts=[(5, "已超过21.6万人。"), (9, "总经理上官立言表示"), (9, "环比增长两成以上。")],
        duplicates=[(18, 26)],
    ),
}


def _path(name: str) -> Path:
    return next(p for p in ARTICLES if p.name == name)


def test_there_are_at_least_five_invented_articles() -> None:
    assert len(ARTICLES) >= 5
    assert {p.name for p in ARTICLES} == set(EXPECT)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_joins(name: str) -> None:
    result = reflowed(_path(name))
    got = sorted(starts(b) for b in result.blocks if len(b.lines) > 1)
    assert got == sorted(EXPECT[name].joins)


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_flags(name: str) -> None:
    result = reflowed(_path(name))
    got = {b.lines[0][0]: b.flags for b in result.blocks if b.flags}
    assert got == EXPECT[name].flags


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_articles_in_reading_order(name: str) -> None:
    result = reflowed(_path(name))
    got = [article_lines(result, i) for i in range(len(result.articles))]
    assert got == EXPECT[name].articles


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_joined_texts(name: str) -> None:
    result = reflowed(_path(name))
    for line, text in EXPECT[name].texts:
        assert text in block_at(result, line).text


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_duplicates(name: str) -> None:
    result = reflowed(_path(name))
    got = [
        (result.blocks[d.block].lines[0][0], result.blocks[d.of_block].lines[0][0])
        for d in result.duplicates
    ]
    assert sorted(got) == sorted(EXPECT[name].duplicates)


def test_titles_bylines_captions_and_markers() -> None:
    port = reflowed(_path("01_port.txt"))
    assert port.articles[0].title == "港口物流提速 东岭市打造内陆枢纽"
    assert port.articles[0].byline == "本报记者 柯文远 东岭报道"
    assert block_at(port, 19).kind == CAPTION
    tech = reflowed(_path("04_tech.txt"))
    assert [block_at(tech, n).kind for n in (20, 22)] == [CONTINUATION, CONTINUATION]
    assert tech.articles[1].title is None
    pages = reflowed(_path("02_pages.txt"))
    assert block_at(pages, 33).speaker == "龚佩瑶"
    assert block_at(pages, 31).speaker == "北岭晚报"
    talk = reflowed(_path("07_interview.txt"))
    turns = [(block_at(talk, n).kind, block_at(talk, n).speaker) for n in (17, 18, 22, 26)]
    assert turns == [
        (QUESTION, "记者"),
        (ANSWER, "郦清禾"),
        (ANSWER, "亓官墨"),
        (ANSWER, "蒯一舟"),
    ]


def test_moves_are_explained() -> None:
    pages = reflowed(_path("02_pages.txt"))
    moved = [r for r in pages.repairs if r.kind == "moved_section"]
    assert [r.from_lines for r in moved] == [(21, 25)]
    assert "充电难" in moved[0].detail
    flat = reflowed(_path("03_flat.txt"))
    assert [r.from_lines for r in flat.repairs if r.kind == "moved_section"] == [(15, 17)]


@pytest.mark.parametrize("path", [SEED, *ARTICLES], ids=lambda p: p.name)
def test_lose_nothing(path: Path) -> None:
    assert output_chars(reflowed(path)) == source_chars(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", [SEED, *ARTICLES], ids=lambda p: p.name)
def test_every_block_once_in_reading_order(path: Path) -> None:
    result = reflowed(path)
    order = [i for article in result.articles for i in article.blocks]
    assert order == list(range(len(result.blocks)))
    lines = [r for b in result.blocks for r in b.lines]
    assert len(lines) == len(set(lines))
