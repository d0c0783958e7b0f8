"""The bundled real article: every break, gap, kind, article and repeat must come out right."""

from __future__ import annotations

import pytest
from test_reflow_support import SEED, article_lines, block_at, joined, reflowed, starts

from article.model import (
    ANSWER,
    BYLINE,
    CAPTION,
    CONTINUATION,
    HEADING,
    QUESTION,
    SOURCE,
    TITLE,
    TRUNCATED_END,
    TRUNCATED_START,
)

JOINS = [(7, 23), (21, 40), (26, 28), (30, 32), (44, 46), (52, 54), (76, 78)]
JOINS += [(96, 90), (104, 106), (110, 112), (130, 132)]


@pytest.mark.parametrize(("a", "b"), JOINS)
def test_seed_joins(a: int, b: int) -> None:
    assert joined(reflowed(SEED), a, b)


def test_no_other_joins() -> None:
    joined_blocks = [starts(b) for b in reflowed(SEED).blocks if len(b.lines) > 1]
    assert sorted(joined_blocks) == sorted([list(pair) for pair in JOINS])


def test_naive_next_block_join_is_avoided() -> None:
    result = reflowed(SEED)
    assert not joined(result, 21, 23)
    assert not joined(result, 96, 98)
    assert not joined(result, 72, 74)


def test_repeated_character_is_dropped_at_the_break() -> None:
    text = block_at(reflowed(SEED), 7).text
    assert "生产力的核心领域，正在成为银行" in text
    assert "核心心" not in text


def test_name_and_word_across_breaks() -> None:
    result = reflowed(SEED)
    assert "咨询专家韦玲艳指出" in block_at(result, 44).text
    assert "业内人士普遍认为" in block_at(result, 30).text
    assert "凭借牌照、算力与客群覆盖优势" in block_at(result, 21).text


def test_partner_before_the_dangling_end_sits_at_its_place() -> None:
    result = reflowed(SEED)
    block = block_at(result, 96)
    assert block.text.startswith("11月初，工商银行连云港分行发布消息称")
    assert block.lines[0] == (96, 96)
    after = result.blocks[block.index + 1]
    assert after.lines[0][0] == 92
    assert result.blocks[block.index - 1].lines[0][0] == 88


@pytest.mark.parametrize(
    ("line", "flag"), [(72, TRUNCATED_END), (80, TRUNCATED_START), (98, TRUNCATED_START)]
)
def test_gaps_without_a_convincing_partner(line: int, flag: str) -> None:
    block = block_at(reflowed(SEED), line)
    assert block.flags == [flag]
    assert len(block.lines) == 1


def test_only_those_blocks_are_flagged() -> None:
    flagged = [b.lines[0][0] for b in reflowed(SEED).blocks if b.flags]
    assert flagged == [72, 80, 98]


def test_kinds_and_speakers() -> None:
    result = reflowed(SEED)
    kinds = {3: TITLE, 60: TITLE, 5: BYLINE, 62: BYLINE, 34: CAPTION, 38: SOURCE}
    kinds |= {9: HEADING, 66: HEADING, 118: HEADING, 140: HEADING, 138: CONTINUATION}
    kinds |= {142: QUESTION, 148: QUESTION, 144: ANSWER, 150: ANSWER}
    for line, kind in kinds.items():
        assert block_at(result, line).kind == kind, line
    assert block_at(result, 142).speaker == "中国经营报"
    assert block_at(result, 150).speaker == "张畅"


def test_articles_and_the_moved_section() -> None:
    result = reflowed(SEED)
    assert len(result.articles) == 3
    first, second, third = (article_lines(result, i) for i in range(3))
    assert first[:3] == [3, 5, 7]
    assert first[first.index(58) + 1 :] == [118, 120, 122, 124, 126, 128, 130, 134, 136]
    assert second[0] == 60 and second[-1] == 116 and 118 not in second
    assert third == [138, 140, 142, 144, 146, 148, 150, 152]
    assert result.articles[2].title is None
    assert result.articles[0].byline == "中经记者 秦玉芳 广州报道"
    moved = [r for r in result.repairs if r.kind == "moved_section"]
    assert [r.from_lines for r in moved] == [(118, 136)]


def test_reading_order_indices_and_article_numbers() -> None:
    result = reflowed(SEED)
    assert [b.index for b in result.blocks] == list(range(len(result.blocks)))
    order = [i for article in result.articles for i in article.blocks]
    assert order == list(range(len(result.blocks)))
    for number, article in enumerate(result.articles):
        assert all(result.blocks[i].article == number for i in article.blocks)


def test_duplicated_question_is_reported_as_the_copy() -> None:
    result = reflowed(SEED)
    question, answer = block_at(result, 148), block_at(result, 150)
    dups = [d for d in result.duplicates if d.block == question.index]
    assert len(dups) == 1
    dup = dups[0]
    assert dup.of_block == answer.index
    copied = question.text[dup.start : dup.end]
    assert copied.startswith("专柜、社区服务点") and copied.endswith("提升专业资质。")
    assert answer.text[dup.of_start : dup.of_start + len(copied)] == copied


def test_section_deck_repeat_is_reported_too() -> None:
    result = reflowed(SEED)
    deck, body = block_at(result, 120), block_at(result, 130)
    assert any(d.block == deck.index and d.of_block == body.index for d in result.duplicates)


def test_every_duplicate_is_a_real_repeat_of_twenty_or_more() -> None:
    result = reflowed(SEED)
    for dup in result.duplicates:
        run = result.blocks[dup.block].text[dup.start : dup.end]
        assert len(run) >= 20
        other = result.blocks[dup.of_block].text
        assert other[dup.of_start : dup.of_start + len(run)] == run


def test_repairs_point_at_the_join() -> None:
    result = reflowed(SEED)
    joins = [r for r in result.repairs if r.kind.startswith("join")]
    assert len(joins) == len(JOINS)
    for repair in joins:
        block = result.blocks[repair.block]
        assert 0 < repair.offset < len(block.text)
        assert repair.from_lines in [tuple(r) for r in block.lines]
    repeat = next(r for r in joins if r.kind == "join_repeat")
    assert result.blocks[repeat.block].text[repeat.offset - 2 : repeat.offset + 2] == "核心领域"


def test_all_seed_repeats() -> None:
    result = reflowed(SEED)
    pairs = {
        (result.blocks[d.block].lines[0][0], result.blocks[d.of_block].lines[0][0])
        for d in result.duplicates
    }
    assert pairs == {(148, 150), (120, 130), (30, 134)}
