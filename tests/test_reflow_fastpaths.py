"""The fast paths added for speed give exactly what the plain computations they replace give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reflow_support import page_locate, page_span

from article.blocks.kinds import classify_line, closer_look
from article.model import PARAGRAPH
from article.reflow import dups as reflow_dups
from article.reflow.find import contains, find, found_in, found_in_each
from article.reflow.shared import char_pairs, content_pairs
from article.reflow.signals import last_sentence, open_quote_pending
from article.reflow.words import FUNCTION_CHARS

# Few distinct characters, so words recur and first characters repeat; structural ones too.
_CHARS = "甲乙丙丁的是了，。：！？“”「」#（上资记答A张王1 "
_TEXT = st.text(alphabet=_CHARS, max_size=60)
_WORD = st.text(alphabet="甲乙丙丁的", min_size=1, max_size=4)


@settings(max_examples=300)
@given(st.text(alphabet=_CHARS + "《主责编接转来", min_size=1, max_size=50))
def test_a_plain_line_is_classified_as_a_plain_paragraph(line: str) -> None:
    line = line.strip()
    if line and closer_look(line) is None:
        for after_question in (False, True):
            kind = classify_line(line, after_question)
            assert (kind.kind, kind.text, kind.speaker, kind.structural) == (
                PARAGRAPH,
                line,
                None,
                False,
            )


def test_structural_lines_get_a_closer_look() -> None:
    for line in ("## 小标题", "资料来源：某某研究院", "上接 B2", "答：是的。", "何明轩：对。"):
        assert closer_look(line) is not None
    assert closer_look("某市今年新增贷款120亿元，同比增长8%。") is None


@settings(max_examples=300)
@given(
    st.text(alphabet="甲乙丙", max_size=300),
    st.text(alphabet="甲乙丙", min_size=2, max_size=2),
    st.integers(0, 310),
    st.integers(0, 310),
)
def test_find_of_a_two_character_word_is_str_find(
    text: str, word: str, start: int, end: int
) -> None:
    assert find(text, word, start, end) == text.find(word, start, end)
    assert find(text, word, start) == text.find(word, start)


def test_find_of_a_two_character_word_after_many_near_misses() -> None:
    text = "甲丙乙" * 60 + "甲乙" + "丙甲"
    for word in ("甲乙", "丙甲", "乙丙", "乙乙"):
        for start in (0, 5, 170, 181):
            assert find(text, word, start) == text.find(word, start)


@settings(max_examples=300)
@given(st.text(alphabet="甲乙丙丁的", max_size=80), _WORD, st.integers(0, 90))
def test_contains_is_substring_search(text: str, word: str, start: int) -> None:
    assert contains(text, word) == (word in text)
    assert contains(text, word, start) == (word in text[start:])


@given(st.lists(_WORD, max_size=8), st.text(alphabet="甲乙丙丁的", max_size=40))
def test_found_in_keeps_order_and_finds_every_present_word(words: list[str], text: str) -> None:
    assert found_in(words, text) == [w for w in words if w in text]


_CJK_PAIR = re.compile(r"[\u3400-\u9fff]{2}")


@given(_TEXT)
def test_content_pairs_are_the_cjk_pairs_without_function_characters(text: str) -> None:
    expected = {
        p for p in char_pairs(text) if _CJK_PAIR.fullmatch(p) and FUNCTION_CHARS.isdisjoint(p)
    }
    assert content_pairs(text) == expected


@given(_TEXT)
def test_listed_content_pairs_are_one_per_place(text: str) -> None:
    places = [text[i : i + 2] for i in range(len(text) - 1)]
    expected = [p for p in places if _CJK_PAIR.fullmatch(p) and FUNCTION_CHARS.isdisjoint(p)]
    assert sorted(content_pairs.listed(text)) == sorted(expected)


@given(_TEXT, st.integers(1, 70))
def test_last_sentence_and_open_quote_match_their_definitions(text: str, limit: int) -> None:
    start = max(0, len(text) - limit)
    ends = [m.end() for m in re.finditer(r"[。！？!?]", text[start:])]
    assert last_sentence(text, limit) == (text[start + ends[-1] :] if ends else text[start:])
    opened = max(text.rfind(q) for q in "“「『")
    assert open_quote_pending(text) == (opened > max(text.rfind(q) for q in "”」』"))


def _walked_runs(page: reflow_dups._Page, keys: set[str], first: int, last: int) -> list:
    """The earlier walk over every place of every key (the reference for the pair walk)."""
    texts, lo, hi = page.texts, *page_span(page, first, last)
    places = sorted((at, key) for key in keys for at in _every(page.joined, key, lo, hi))
    seen: dict[str, tuple[int, int]] = {}
    found, done_until = [], -1
    for p, key in places:
        here = page_locate(page, p, first, last)
        earlier, seen[key] = seen.get(key), here
        if earlier is None or p < done_until or here[0] - earlier[0] > reflow_dups._WINDOW:
            continue
        (eb, ep), (b, lp) = earlier, here
        if eb >= first + reflow_dups._CHUNK or (eb == b and lp - ep < reflow_dups.MIN_RUN):
            continue
        s1, s2, n = reflow_dups._extend(texts[eb], ep, texts[b], lp, eb == b)
        if n >= reflow_dups.MIN_RUN:
            found.append(reflow_dups._record(page, (eb, s1), (b, s2), n))
            done_until = p - lp + s2 + n
    return found


def _every(text: str, key: str, lo: int, hi: int) -> list[int]:
    """Every place of key in text[lo:hi]."""
    places, at = [], text.find(key, lo, hi)
    while at >= 0:
        places.append(at)
        at = text.find(key, at + 1, hi)
    return places


_PHRASES = [
    "甲乙丙丁甲乙丙丁甲乙，",
    "丙丁甲乙丙丁甲乙丙丁。",
    "乙丙丁甲乙丙丁甲乙丙",
    "丁甲乙丙丁甲乙丙丁甲；",
]


@settings(max_examples=150)
@given(st.lists(st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=6), min_size=1))
def test_duplicate_pairs_walk_finds_what_walking_every_place_finds(blocks: list[list[str]]) -> None:
    texts = ["".join(parts) for parts in blocks] * 3
    page = reflow_dups._Page.of(texts)
    keys = set(reflow_dups._ANCHOR_KEY.findall(page.joined))
    for first in range(0, len(texts), reflow_dups._CHUNK):
        last = min(len(texts), first + 4 * reflow_dups._CHUNK)
        assert reflow_dups._window_runs(page, keys, first, last) == _walked_runs(
            page, keys, first, last
        )


@given(
    st.lists(_WORD, max_size=6), st.lists(st.text(alphabet="甲乙丙丁的", max_size=30), max_size=5)
)
def test_found_in_each_is_found_in_for_every_text(words: list[str], texts: list[str]) -> None:
    assert found_in_each(words, texts) == [found_in(words, text) for text in texts]


_RUN_ANCHOR = re.compile(f"[{reflow_dups._MARKS}\n]++(?=([^\n]{{{reflow_dups._KEY}}}))")


@settings(max_examples=300)
@given(st.text(alphabet="甲乙丙丁，。、；：“”!\n", max_size=80))
def test_anchor_keys_are_the_keys_after_each_separator_run(text: str) -> None:
    assert reflow_dups._ANCHOR_KEY.findall(text) == _RUN_ANCHOR.findall(text)
