"""Shared helpers for the reflow tests: run the pipeline on a file, find blocks by source line."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache
from pathlib import Path

from article.blocks.split import split_blocks
from article.model import Block, Reflowed
from article.reflow.dups import _Page
from article.reflow.engine import reflow
from article.source.decode import load_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
ARTICLES = sorted((Path(__file__).resolve().parent / "articles").glob("*.txt"))
_MARKUP = re.compile(r"^#{1,6}[ \t\u3000]+(?=\S)")


@cache
def reflowed(path: Path) -> Reflowed:
    """Reflow of a file (cached: several tests look at the same result)."""
    return reflow(split_blocks(load_text(path).text))


def run(text: str) -> Reflowed:
    """Reflow of some text."""
    return reflow(split_blocks(text))


def block_at(result: Reflowed, line: int) -> Block:
    """The block built from the source line `line`."""
    for block in result.blocks:
        if any(first <= line <= last for first, last in block.lines):
            return block
    raise AssertionError(f"no block holds line {line}")


def starts(block: Block) -> list[int]:
    """First source line of each piece of a block, in text order."""
    return [first for first, _ in block.lines]


def joined(result: Reflowed, a: int, b: int) -> bool:
    """True when the piece from line b follows the piece from line a in one block."""
    parts = starts(block_at(result, a))
    return a in parts and b in parts and parts.index(b) == parts.index(a) + 1


def article_lines(result: Reflowed, number: int) -> list[int]:
    """First source line of every block of an article, in reading order."""
    return [result.blocks[i].lines[0][0] for i in result.articles[number].blocks]


def source_chars(text: str) -> Counter[str]:
    """Every non-blank character of the source except the `#` markup marks of titles/headings."""
    lines = (_MARKUP.sub("", line.strip()) for line in text.split("\n"))
    return Counter(c for line in lines for c in line if not c.isspace())


def output_chars(result: Reflowed) -> Counter[str]:
    """Every non-blank character of the reflowed blocks, plus the repeats dropped at breaks."""
    chars = Counter(c for b in result.blocks for c in b.text if not c.isspace())
    for repair in result.repairs:
        if repair.kind == "join_repeat":
            chars[result.blocks[repair.block].text[repair.offset - 1]] += 1
    return chars


def page_span(page: _Page, first: int, last: int) -> tuple[int, int]:
    """Offsets in a duplicates page's joined text covering blocks first..last-1 (with the
    newline before each): the plain definition the search writes out."""
    return page.begins[first], page.ends[last - 1]


def page_locate(page: _Page, p: int, first: int, last: int) -> tuple[int, int]:
    """(block, offset in it) of an offset in a duplicates page's joined text."""
    block = bisect_right(page.ends, p, first, last)
    return block, p - page.begins[block] - 1
