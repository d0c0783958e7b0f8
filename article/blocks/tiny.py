"""Text of one or two characters a line (a PDF typeset one character at a time, read by an
extractor that ends a line after every text object): the runs of such lines are joined back
into running text, since a block per character says nothing and costs much."""

from __future__ import annotations

from itertools import pairwise

from article.blocks.kinds import line_kind
from article.blocks.lines import latin_gap
from article.model import PARAGRAPH, RawBlock

TINY = 2  # characters of a line that holds no more than a character or two
_MEAN_LINE = 16  # characters a line holds on average, at most, in such a text
_MIN_LINES = 50  # fewer lines than this are no such text
_TINY_SHARE = 0.6  # of non-blank lines that are tiny
_BLANK_EVERYWHERE = 0.7  # share of lines after a blank: blanks then mean nothing
TINY_LINES = "每行只有一两个字（按字排版的 PDF）：已连成连续文字，段落分界无法恢复"


def tiny_blocks(text: str) -> list[RawBlock] | None:
    """Blocks of runs of tiny lines joined, each other line a block; None for other text."""
    if len(text) > _MEAN_LINE * (text.count("\n") + 1):
        return None  # lines this long on average cannot be mostly one or two characters
    filled = [(n, line.strip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    if len(filled) < _MIN_LINES:
        return None
    if sum(len(line) <= TINY for _n, line in filled) < _TINY_SHARE * len(filled):
        return None
    gaps = sum(1 for (a, _x), (b, _y) in pairwise(filled) if b > a + 1)
    blanks_matter = gaps < _BLANK_EVERYWHERE * len(filled)
    blocks: list[RawBlock] = []
    run: list[tuple[int, str]] = []
    for number, line in filled:
        apart = blanks_matter and bool(run) and number > run[-1][0] + 1
        if run and (len(line) > TINY or apart):
            blocks.append(_run_block(run))
            run = []
        if len(line) > TINY:
            kind, line_text, speaker = line_kind(line)
            blocks.append(RawBlock(kind, line_text, [(number, number)], speaker, True))
        else:
            run.append((number, line))
    if run:
        blocks.append(_run_block(run))
    return blocks


def _run_block(run: list[tuple[int, str]]) -> RawBlock:
    """One paragraph from a run of tiny lines: no space between CJK, one between Latin words."""
    text = run[0][1]
    for _number, piece in run[1:]:
        text += (latin_gap(text, piece) if len(piece) > 1 else "") + piece
    return RawBlock(PARAGRAPH, text, [(run[0][0], run[-1][0])], None, True)
