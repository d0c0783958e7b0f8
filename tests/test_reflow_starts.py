"""Starts read for a whole page agree with each block read alone, whatever quote marks the page
uses: the page-level shortcuts of `starts_of` must not change a single answer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from article.model import BODY_KINDS, CAPTION, SOURCE, RawBlock
from article.reflow.engine import _edges
from article.reflow.signals import (
    _NAME_VERB,
    _name_start,
    closes_unopened_quote,
    dangles,
    start_of,
    starts_of,
)

_MARK = re.compile("[“”「」『』]")

# Invented text: a surname or two, speech verbs and adverbs, digits, quote marks, punctuation.
_ALPHABET = list("甘邬韦尧晓川林说称也还则表示指出认为同时进一步7８一二（）、，。：“”「」『』ab")
_TEXT = st.text(alphabet=_ALPHABET, max_size=12)


def _closes_unopened(text: str) -> bool:
    """The plain definition: the first quotation mark of the text is a closing one."""
    match = _MARK.search(text)
    return match is not None and match.group() in "”」』"


def test_a_page_of_curly_quotes_reads_as_each_block_alone() -> None:
    page = ["正常经营。”他说。", "他说：“正常经营。”", "“好。”", "贸易额增长。”尧晓川指出，"]
    assert starts_of(page) == [start_of(text) for text in page]
    assert [s.closes_quote for s in starts_of(page)] == [True, False, False, True]


def test_corner_brackets_elsewhere_on_the_page_change_no_answer() -> None:
    page = ["正常经营。”他说。", "他说：“正常经营。”", "「好」，邬林说。", "成本下降。』"]
    assert starts_of(page) == [start_of(text) for text in page]
    assert [s.closes_quote for s in starts_of(page)] == [True, False, False, True]


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_starts_of_a_page_match_each_block_alone(page: list[str]) -> None:
    assert starts_of(page) == [start_of(text) for text in page]
    for text in page:
        assert closes_unopened_quote(text) is _closes_unopened(text)
        assert start_of(text).closes_quote is (
            bool(text) and text[0] not in "“「『" and _closes_unopened(text)
        )


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_name_start_reads_the_regex_name(text: str) -> None:
    match = _NAME_VERB.match(text)
    kind, name = _name_start(text)
    if match is None:
        assert (kind, name) == (None, "")
    else:
        assert name in ("", match.group(1))


_KINDS = st.sampled_from(["paragraph", "question", "answer", "heading", "caption", "source"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_KINDS, _TEXT), max_size=8))
def test_page_edges_read_each_block_by_its_own_rules(page: list[tuple[str, str]]) -> None:
    raw = [RawBlock(kind, text, [(n, n)]) for n, (kind, text) in enumerate(page, start=1)]
    edges = _edges(raw)
    assert edges.dangling == [kind in BODY_KINDS and dangles(text) for kind, text in page]
    for i, (kind, text) in enumerate(page):
        before = page[i - 1][0] if i else None
        want = (
            "dangling"
            if i and edges.dangling[i - 1]
            else "figure"
            if before in (CAPTION, SOURCE)
            else None
        )
        assert edges.after[i] == want
        start = start_of(text) if kind == "paragraph" else None
        assert edges.starts[i] == start
        assert edges.orphan[i] is bool(start and start.orphan)
        hinted = start is not None and (start.hinted or want is not None)
        assert edges.joinable[i] is (edges.dangling[i] or hinted)
