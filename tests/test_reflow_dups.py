"""Duplicate finder internals on invented texts: run extension and the per-chunk shingle sets."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reflow_support import page_span

from article.reflow.dups import (
    _ANCHOR_KEY,
    _CHUNK,
    _WINDOW,
    MIN_RUN,
    _extend,
    _Page,
    _repeated_keys,
    _same_after,
    _same_before,
    find_duplicates,
)

PASSAGE = "河谷新区的物流中心今年扩建了三座冷库，带动周边农户增收"


def _walk(a: str, sa: int, b: str, sb: int, same: bool) -> tuple[int, int, int]:
    """The plain character walk that `_extend` must agree with."""
    while sa and sb and a[sa - 1] == b[sb - 1]:
        sa, sb = sa - 1, sb - 1
    limit = min(len(a) - sa, len(b) - sb, sb - sa if same else len(a))
    n = 0
    while n < limit and a[sa + n] == b[sb + n]:
        n += 1
    return sa, sb, n


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙丙", max_size=60), st.text(alphabet="甲乙丙", max_size=60), st.data())
def test_extend_starts_like_a_walk_and_is_exact_from_min_run(
    a: str, b: str, data: st.DataObject
) -> None:
    same = data.draw(st.booleans())
    if same:
        b = a
    sa = data.draw(st.integers(0, len(a)))
    sb = data.draw(st.integers(sa if same else 0, len(b)))
    s1, s2, n = _extend(a, sa, b, sb, same)
    w1, w2, wn = _walk(a, sa, b, sb, same)
    assert (s1, s2) == (w1, w2)
    assert n == wn if wn >= MIN_RUN else n < MIN_RUN


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="甲乙", max_size=90),
    st.text(alphabet="甲乙丙", max_size=12),
    st.text(alphabet="甲乙丙", max_size=12),
    st.data(),
)
def test_extend_is_exact_on_long_copies_after_different_heads(
    passage: str, head: str, tail: str, data: st.DataObject
) -> None:
    a, b = f"{head}{passage}丁", f"{tail}{passage}戊"  # long runs, cut short at both ends
    at = data.draw(st.integers(0, len(passage)))
    s1, s2, n = _extend(a, len(head) + at, b, len(tail) + at, False)
    w1, w2, wn = _walk(a, len(head) + at, b, len(tail) + at, False)
    assert (s1, s2) == (w1, w2)
    assert n == wn if wn >= MIN_RUN else n < MIN_RUN


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="甲乙", max_size=70), st.text(alphabet="甲乙", max_size=70), st.data())
def test_galloping_from_a_known_agreement_stops_at_the_limit(
    a: str, b: str, data: st.DataObject
) -> None:
    ea, eb = data.draw(st.integers(0, len(a))), data.draw(st.integers(0, len(b)))
    back = 0
    while back < min(ea, eb) and a[ea - back - 1] == b[eb - back - 1]:
        back += 1
    limit = data.draw(st.integers(0, min(ea, eb)))
    low = data.draw(st.integers(0, min(back, limit)))
    assert _same_before(a, ea, b, eb, low, limit) == min(back, limit)
    ahead, most = 0, min(len(a) - ea, len(b) - eb)
    while ahead < most and a[ea + ahead] == b[eb + ahead]:
        ahead += 1
    limit = data.draw(st.integers(0, most))
    low = data.draw(st.integers(0, min(ahead, limit)))
    assert _same_after(a, ea, b, eb, limit, low) == min(ahead, limit)


def test_a_repeat_filling_its_block_and_one_cut_short_are_both_exact() -> None:
    texts = [f"开场白。{PASSAGE}。", "中间一段无关的话。", f"{PASSAGE}。", f"{PASSAGE[:-3]}X"]
    dups = find_duplicates(texts)
    assert [(d.block, d.start, d.end, d.of_block) for d in dups] == [
        (2, 0, len(PASSAGE) + 1, 0),
        (3, 0, len(PASSAGE) - 3, 2),  # paired with the nearest earlier copy
    ]


def _chunk_multisets(page: _Page) -> list[Counter[str]]:
    """Each chunk's clause-start shingles with their counts, one chunk at a time."""
    n = len(page.texts)
    return [
        Counter(_ANCHOR_KEY.findall(page.joined, *page_span(page, i, min(n, i + _CHUNK))))
        for i in range(0, n, _CHUNK)
    ]


_DIGITS = "甲乙丙丁戊己庚辛壬癸"


def _clause(n: int) -> str:
    """An invented clause of 12 characters, one for each number (so repeats are chosen)."""
    return "".join(_DIGITS[int(d)] for d in f"{n:03d}") * 4 + "，"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 60), max_size=3), max_size=80))
def test_repeated_keys_are_those_met_twice_within_the_window(blocks: list[list[int]]) -> None:
    texts = ["".join(map(_clause, numbers)) for numbers in blocks]
    page = _Page.of(texts)
    chunks = _chunk_multisets(page)
    reach = -(-_WINDOW // _CHUNK)
    expected = [
        {
            k
            for k, n in here.items()
            if n > 1 or any(k in later for later in chunks[c + 1 :][:reach])
        }
        for c, here in enumerate(chunks)
    ]
    got = _repeated_keys(page) if texts else []
    assert got == expected or (got == [] and not any(expected))  # [] when nothing repeats
