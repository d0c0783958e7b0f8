"""Pathological shapes of input grow the analysis time linearly: twice the input, about twice
the time (ratios only: absolute times depend on the machine)."""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import accumulate, pairwise
from pathlib import Path

import pytest

from article import segment
from article.blocks import split_blocks
from article.entities import find_entities
from article.figures import find_figures
from article.model import Block
from article.reflow import reflow

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_ae48cb718f3105d7.txt"
MAX_RATIO = 3.0  # time(2N) / time(N): linear gives 2, quadratic 4


def _chars() -> str:
    """The seed's characters without whitespace and markup."""
    return "".join(c for c in SEED.read_text("utf-8") if not c.isspace() and c != "#")


def _one_char_lines(n: int) -> str:
    """`n` lines of one character each: one block per character for reflow to pair."""
    chars = _chars()
    return "\n".join(chars[i % len(chars)] for i in range(n))


def _long_line(n: int) -> str:
    """One line of `n` characters repeating a short passage that names a bank's branch after
    its ticker: every copy repeats the text before it, every branch is looked up."""
    unit = "中国银行(601988.SH)延安分行表示，将进一步加大对当地的信贷投放额度，以量补价。"
    return (unit * (n // len(unit) + 1))[:n]


def _fragments(n: int) -> str:
    """`n` blank-separated fragments of 3 to 14 characters, each cut mid-sentence: every block
    dangles, and each has a dozen candidate partners for reflow to weigh."""
    chars = "".join(c for c in _chars() if c not in "。！？；：，、”）」』…")
    widths = [3 + i * 7 % 12 for i in range(n)]
    starts = [0, *accumulate(widths)]
    long = chars * (starts[-1] // len(chars) + 1)
    return "\n\n".join(long[a:b] for a, b in pairwise(starts)) + "\n"


def _reporting_line(n: int) -> str:
    """One line of `n` characters where every clause has an organisation report (表示, 数据显示)
    and a company name: each mention is checked against the spans found so far."""
    unit = "中国银行(601988.SH)延安分行表示，澜沧消费金融有限公司数据显示，信贷投放额度增长3.5%。"
    return (unit * (n // len(unit) + 1))[:n]


def _analysis_seconds(text: str) -> float:
    """Best of three runs of the whole analysis of `text` (blocks, reflow, entities, figures),
    in this process's CPU time (other processes on the machine do not count), each run with
    the memory of segmented clauses emptied."""
    best = float("inf")
    for _ in range(3):
        segment._cut_short.cache_clear()
        start = time.process_time()
        blocks = reflow(split_blocks(text)).blocks
        find_figures(blocks, find_entities(blocks))
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize(
    ("make", "n"),
    [(_one_char_lines, 20_000), (_long_line, 40_000), (_fragments, 3_000)],
    ids=["one-character lines", "one long line", "cut fragments"],
)
def test_twice_the_input_takes_about_twice_the_time(make: Callable[[int], str], n: int) -> None:
    _analysis_seconds(make(n // 4))  # warm: jieba's dictionary and the caches
    ratio = _analysis_seconds(make(2 * n)) / _analysis_seconds(make(n))
    assert ratio < MAX_RATIO


def _entity_seconds(text: str) -> float:
    """Best of two runs of the entity stage on `text` as one block (the stage that grew
    fastest on a long line: each mention was checked against every span found)."""
    blocks = [Block(0, "para", text, [(1, 1)])]
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        find_entities(blocks)
        best = min(best, time.perf_counter() - start)
    return best


def test_entities_of_a_long_line_take_about_twice_the_time() -> None:
    _entity_seconds(_reporting_line(10_000))  # warm
    n = 100_000
    assert _entity_seconds(_reporting_line(2 * n)) / _entity_seconds(_reporting_line(n)) < MAX_RATIO
