"""Line breaking: cell widths, Chinese kinsoku rules, unbroken Latin words and numbers."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from article.model import PARAGRAPH, Block, Document, Source
from tui.layout import TEXT, Layout
from tui.prefix_sums import PrefixSums
from tui.typeset import NO_END, NO_START, estimate_cells, offset_at_cell, visible_width, wrap


def lines_of(text: str, width: int, first: int | None = None) -> list[str]:
    return [text[s:e] for s, e in wrap(text, width, first)]


def test_cjk_counts_two_cells_per_character() -> None:
    text = "甲乙丙丁戊己庚辛壬癸" * 3
    lines = lines_of(text, 10)
    assert lines[0] == "甲乙丙丁戊"
    assert all(cell_len(line) <= 10 for line in lines)
    assert "".join(lines) == text


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "赵钱孙李周吴郑王冯陈，褚卫蒋沈韩杨朱秦尤许。"
    lines = lines_of(text, 20)  # 10 characters fit; the comma would start line two
    assert lines[0] == "赵钱孙李周吴郑王冯"
    assert lines[1].startswith("陈，")


def test_opening_quote_never_ends_a_line() -> None:
    text = "甲乙丙丁戊己庚辛壬“癸子丑”寅卯"
    lines = lines_of(text, 20)
    assert not lines[0].endswith("“")
    assert lines[1].startswith("“")


def test_ticker_and_percent_stay_whole() -> None:
    text = "某某科技(688123.SH)今年营收增长37.25%，净利润增长112.8%，规模达到4567亿元。"
    for width in range(12, 40):
        lines = lines_of(text, width)
        for token in ("688123.SH", "37.25%", "112.8%", "4567"):
            assert any(token in line for line in lines), (width, lines)


def test_number_keeps_its_unit() -> None:
    text = "甲乙丙丁戊己庚4567亿元"
    for width in range(10, 30):
        lines = lines_of(text, width)
        assert not any(line.endswith("4567") for line in lines[:-1]), (width, lines)


def test_long_latin_word_is_cut_only_when_it_cannot_fit() -> None:
    word = "Supercalifragilisticexpialidocious"
    lines = lines_of(word, 10)
    assert "".join(lines) == word
    assert all(cell_len(line) <= 10 for line in lines)


def test_spaces_hang_at_line_end() -> None:
    text = "alpha beta gamma delta epsilon"
    lines = lines_of(text, 11)
    assert lines == ["alpha beta ", "gamma delta ", "epsilon"]
    assert all(visible_width(line) <= 11 for line in lines)


def test_first_line_room_for_indent() -> None:
    text = "甲" * 12
    lines = lines_of(text, 10, 6)
    assert [len(line) for line in lines] == [3, 5, 4]


def test_empty_text_is_one_empty_line() -> None:
    assert wrap("", 10) == [(0, 0)]


def test_helpers() -> None:
    assert estimate_cells("ab甲乙") == 6
    assert offset_at_cell("ab甲乙", 0) == 0
    assert offset_at_cell("ab甲乙", 3) == 2
    assert offset_at_cell("ab甲乙", 4) == 3
    assert offset_at_cell("ab甲乙", 99) == 3


CJK = st.sampled_from(list("银行证券保险市场规模增长企业科技金融服务创新发展人工智能"))
LATIN = st.from_regex(r"[A-Za-z0-9]{1,5}(\.[A-Z0-9]{1,3})?%?", fullmatch=True)
PUNCT_CLOSE = st.sampled_from(sorted(NO_START - {"…", "—"}))
PUNCT_OPEN = st.sampled_from(sorted(NO_END))


@st.composite
def article_text(draw: st.DrawFn) -> str:
    """Text whose punctuation runs are short, so every rule can always be met."""
    parts: list[str] = []
    for _ in range(draw(st.integers(1, 40))):
        choice = draw(st.integers(0, 9))
        if choice < 6:
            parts.append(draw(CJK))
        elif choice == 6:  # a space keeps two Latin words from running into one too long
            spaced = bool(parts) and parts[-1][-1:].isascii() and parts[-1][-1:].isalnum()
            parts.append((" " if spaced else "") + draw(LATIN))
        elif choice == 7 and parts and parts[-1][-1] not in NO_START | NO_END:
            parts.append(draw(PUNCT_CLOSE))
        elif choice == 8:
            parts.append(draw(PUNCT_OPEN) + draw(CJK))
        else:
            parts.append(draw(CJK) + " ")
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(article_text(), st.integers(16, 90))
def test_wrap_properties(text: str, width: int) -> None:
    ranges = wrap(text, width)
    lines = [text[s:e] for s, e in ranges]
    assert "".join(lines) == text
    assert all(s < e for s, e in ranges) or text == ""
    for line in lines:
        assert visible_width(line) <= width
    for line in lines[1:]:
        assert line[0] not in NO_START, lines
    for line in lines[:-1]:
        assert line.rstrip()[-1:] not in NO_END, lines


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.integers(2, 60), st.integers(2, 60))
def test_wrap_any_text_covers_it_and_fits(text: str, width: int, first: int) -> None:
    ranges = wrap(text, width, first)
    assert "".join(text[s:e] for s, e in ranges) == text
    starts = [s for s, _ in ranges]
    assert starts == sorted(starts)
    for n, (s, e) in enumerate(ranges):
        room = max(first if n == 0 else width, 2)
        line = text[s:e]
        # A single character wider than the room (rare symbols) may stand alone.
        assert visible_width(line) <= room or len(line.rstrip()) <= 1, (line, room)


@settings(max_examples=200, deadline=None)
@given(st.lists(LATIN, min_size=1, max_size=12), st.integers(12, 40))
def test_latin_tokens_are_never_cut(words: list[str], width: int) -> None:
    text = "的".join(words)
    lines = lines_of(text, width)
    pieces = set(re.findall(r"[A-Za-z0-9.%]+", "\n".join(lines)))
    assert all(word.rstrip("%") in "".join(pieces) for word in words)
    for word in words:
        if cell_len(word) <= width:
            assert any(word in line for line in lines), (word, lines)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 9), min_size=1, max_size=60),
    st.lists(st.tuples(st.integers(0, 59), st.integers(-5, 5)), max_size=30),
)
def test_prefix_sums_match_naive_sums(counts: list[int], changes: list[tuple[int, int]]) -> None:
    sums = PrefixSums(counts)
    current = list(counts)
    for index, delta in changes:
        index %= len(current)
        delta = max(delta, -current[index])
        sums.add(index, delta)
        current[index] += delta
    for i in range(len(current) + 1):
        assert sums.prefix(i) == sum(current[:i])
    assert sums.total == sum(current)
    for y in range(sum(current)):
        i = sums.find(y)
        assert sum(current[:i]) <= y < sum(current[: i + 1])


def layout_doc(texts: list[str]) -> Document:
    blocks = [Block(i, PARAGRAPH, t, [(i + 1, i + 1)], None, 0) for i, t in enumerate(texts)]
    return Document(Source("x", "utf-8", "0"), "id", None, [], blocks)


def test_layout_lines_cover_every_block_and_locate_offsets() -> None:
    texts = [f"第{n}段。" + "甲乙丙丁戊己庚辛壬癸" * (n % 7 + 1) for n in range(50)]
    layout = Layout(layout_doc(texts), 20)
    for b, text in enumerate(texts):
        lines = [line for line in layout.lines_of(b) if line.role == TEXT]
        assert "".join(text[line.start : line.end] for line in lines) == text
        for offset in (0, len(text) // 2, len(text) - 1):
            y = layout.y_of(b, offset)
            line = layout.line_at(y)
            assert line is not None and line.block == b
            assert line.start <= offset < line.end
    assert layout.total == sum(len(layout.lines_of(b)) for b in range(len(texts)))


def test_layout_ensure_keeps_the_top_block_line() -> None:
    texts = ["甲" * (n * 13 % 97 + 1) for n in range(3000)]  # many blocks: uniform guesses
    layout = Layout(layout_doc(texts), 30)
    assert not layout.refined
    y = layout.top(2000) + 1
    fixed = layout.ensure(y, 20)
    assert layout.find(fixed) == (2000, 1)
    layout.refine()
    assert layout.refined and layout.find(layout.top(2000) + 1) == (2000, 1)
