"""Sentence and word spans, and the plain Chinese-aware search."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from article.model import PARAGRAPH, Block
from article.search import find_all, fold
from article.text import sentence_spans, span_index, word_spans
from tui.selection import first_end, grow, shrink


def pieces(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_sentences_split_after_terminators_and_closing_quotes() -> None:
    text = "柳青山表示：“今年目标不变。”她补充道，规模将达三千亿！会吗？会；当然。尾巴"
    assert pieces(text, sentence_spans(text)) == [
        "柳青山表示：“今年目标不变。”",
        "她补充道，规模将达三千亿！",
        "会吗？",
        "会；",
        "当然。",
        "尾巴",
    ]


def test_sentence_keeps_following_spaces_and_repeated_marks() -> None:
    text = "真的吗？！ 是的。"
    assert pieces(text, sentence_spans(text)) == ["真的吗？！ ", "是的。"]


def test_decimal_point_does_not_end_a_sentence() -> None:
    text = "增长3.5%。下降1.2个百分点。"
    assert pieces(text, sentence_spans(text)) == ["增长3.5%。", "下降1.2个百分点。"]


def test_empty_text_has_one_empty_sentence() -> None:
    assert sentence_spans("") == [(0, 0)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙丙。！？；”」 a1", max_size=80))
def test_sentences_cover_text(text: str) -> None:
    spans = sentence_spans(text)
    assert spans
    assert "".join(pieces(text, spans)) == text
    assert all(s < e for s, e in spans) or text == ""
    for offset in range(len(text)):
        s, e = spans[span_index(spans, offset)]
        assert s <= offset < e


def test_word_spans_cover_text_with_cumulative_offsets() -> None:
    text = "江南农商银行发布了新的贷款产品，规模约50亿元。 Hello"
    spans = word_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert "发布" in pieces(text, spans)
    assert len(spans) < len(text)  # words, not characters


def blocks(*texts: str) -> list[Block]:
    return [Block(i, PARAGRAPH, t, [(i + 1, i + 1)]) for i, t in enumerate(texts)]


def test_search_plain_chinese() -> None:
    found = find_all(blocks("青禾银行与青禾证券", "无关", "青禾"), "青禾")
    assert found == [(0, 0, 2), (0, 5, 7), (2, 0, 2)]


def test_search_folds_case_and_width() -> None:
    doc = blocks("代码６０１２３４．ＳＨ上涨", "ai芯片与AI算力", "（括号）")
    assert find_all(doc, "601234.sh") == [(0, 2, 11)]
    assert find_all(doc, "Ai") == [(1, 0, 2), (1, 5, 7)]
    assert find_all(doc, "(括号)") == [(2, 0, 4)]


def test_search_ignores_whitespace_in_query_and_text() -> None:
    doc = blocks("人工 智能产业", "人工智能")
    assert find_all(doc, "人工智能") == [(0, 0, 5), (1, 0, 4)]
    assert find_all(doc, " 人 工 ") == [(0, 0, 2), (1, 0, 2)]


def test_search_treats_regex_and_markup_literally() -> None:
    doc = blocks("a.b axb [bold]x[/] (.*)")
    assert find_all(doc, "a.b") == [(0, 0, 3)]
    assert find_all(doc, "[/]") == [(0, 15, 18)]
    assert find_all(doc, "(.*)") == [(0, 19, 23)]


def test_search_empty_query_finds_nothing() -> None:
    assert find_all(blocks("甲乙"), "  ") == []


def test_search_hits_do_not_overlap() -> None:
    assert find_all(blocks("哈哈哈哈哈"), "哈哈") == [(0, 0, 2), (0, 2, 4)]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="甲乙AaＡ１1 ", max_size=40),
    st.text(alphabet="甲乙Aa1", min_size=1, max_size=3),
)
def test_search_hits_match_query_after_folding(text: str, query: str) -> None:
    for _, s, e in find_all(blocks(text), query):
        assert "".join(fold(text[s:e]).split()) == fold(query)


def naive_find(texts: list[str], query: str) -> list[tuple[int, int, int]]:
    """Reference: fold, drop whitespace, find, map back; one block at a time."""
    needle = "".join(c for c in fold(query) if not c.isspace())
    hits = []
    for b, text in enumerate(texts):
        kept = [i for i, c in enumerate(fold(text)) if not c.isspace()]
        hay = "".join(fold(text)[i] for i in kept)
        pos = hay.find(needle) if needle else -1
        while pos >= 0:
            hits.append((b, kept[pos], kept[pos + len(needle) - 1] + 1))
            pos = hay.find(needle, pos + len(needle))
    return hits


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="甲乙aAＡｓS1１ .*(\t", max_size=30), min_size=1, max_size=5),
    st.text(alphabet="甲乙aAｓs1 .*(", min_size=1, max_size=4),
)
def test_search_agrees_with_naive_reference(texts: list[str], query: str) -> None:
    assert find_all(blocks(*texts), query) == naive_find(texts, query)


def test_search_never_spans_two_blocks() -> None:
    assert find_all(blocks("甲乙", "丙丁"), "乙丙") == []
    assert find_all(blocks("甲乙 ", " 丙丁"), "乙丙") == []


def test_selection_arithmetic() -> None:
    words = [(0, 2), (2, 3), (3, 7), (7, 9)]
    assert first_end(words, 0, 9) == 2
    assert first_end(words, 3, 9) == 7
    assert first_end([], 4, 9) == 9
    assert grow(words, 0, 2) == 3
    assert grow(words, 0, 9) == 9  # nothing further
    assert shrink(words, 0, 7) == 3
    assert shrink(words, 0, 2) == 2  # never below one span
    assert shrink(words, 3, 9) == 7
