"""Split cleaned source text into raw blocks (paragraphs and marker lines) with line provenance."""

from __future__ import annotations

from itertools import compress
from operator import gt

from article.blockkinds import LineKind, classify_line, names_a_chart, plain_line
from article.model import ANSWER, CAPTION, HEADING, PARAGRAPH, QUESTION, SOURCE, RawBlock
from article.reflow_gc import collector_paused

# Below this share of blank separators per non-blank line, a document has no paragraph breaks
# worth trusting, so each line is taken as a block of its own.
_MIN_BLANK_SHARE = 0.1
_SHORT_NOTE = 30  # a line between a chart heading and its source line ("单位：亿元")


def joiner(left: str, right: str) -> str:
    """Nothing between CJK pieces, one space between Latin letters or digits."""
    ascii_pair = bool(left and right) and left[-1].isascii() and right[0].isascii()
    return " " if ascii_pair and left[-1].isalnum() and right[0].isalnum() else ""


def _line_per_block(filled: list[bool]) -> bool:
    """True when the text has (almost) no blank lines between its non-blank lines (counted in C:
    a gap is a non-blank line after a blank one)."""
    n_filled = sum(filled)
    if n_filled < 2:
        return False
    first = filled.index(True)
    gaps = sum(map(gt, filled[first + 1 :], filled[first:-1]))
    return gaps < _MIN_BLANK_SHARE * n_filled


def _new_block(kind: LineKind, number: int) -> RawBlock:
    """A block started by one line."""
    return RawBlock(kind.kind, kind.text, [(number, number)], kind.speaker)


def _extend(block: RawBlock, text: str, number: int) -> None:
    """Append a continuation line to a paragraph (or Q&A turn) being built."""
    block.text += joiner(block.text, text) + text
    first, _ = block.lines[-1]
    block.lines[-1] = (first, number)


def split_blocks(text: str, *, dictionary: bool = True) -> list[RawBlock]:
    """One RawBlock per paragraph or structural line, in source order.

    `dictionary=False` judges `某某：` speakers by surname alone, without loading jieba's
    dictionary: the reader's instant first screen must not wait half a second for it.
    """
    with collector_paused():
        return _split(text, dictionary)


def _split(text: str, dictionary: bool = True) -> list[RawBlock]:
    """The work of `split_blocks`."""
    stripped = list(map(str.strip, text.split("\n")))
    filled = list(map(bool, stripped))
    every_line = _line_per_block(filled)
    blocks: list[RawBlock] = []
    headings: list[int] = []  # where the headings are: only they may be captions
    open_block: RawBlock | None = None  # the paragraph that the next plain line continues
    last = 0  # the number of the last non-blank line
    for number, line in compress(enumerate(stripped, start=1), filled):  # blank lines skipped
        if number != last + 1:
            open_block = None  # a blank line ends the paragraph
        last = number
        if plain_line(line):  # the usual case, without building a LineKind
            if open_block is not None and not every_line:
                _extend(open_block, line, number)
                continue
            open_block = RawBlock(PARAGRAPH, line, [(number, number)])
            blocks.append(open_block)
            continue
        kind = classify_line(line, bool(blocks) and blocks[-1].kind == QUESTION, dictionary)
        if open_block is not None and not kind.structural and not every_line:
            _extend(open_block, kind.text, number)
            continue
        if kind.kind == HEADING:
            headings.append(len(blocks))
        block = _new_block(kind, number)
        blocks.append(block)
        growable = not kind.structural or kind.kind in (QUESTION, ANSWER)
        open_block = block if growable else None
    _mark_captions(blocks, headings)
    return blocks


def _mark_captions(blocks: list[RawBlock], headings: list[int]) -> None:
    """Headings that name a chart, or are followed by a source line, are figure captions."""
    for i in headings:
        block = blocks[i]
        if names_a_chart(block.text) or _source_follows(blocks, i):
            block.kind = CAPTION


def _source_follows(blocks: list[RawBlock], i: int) -> bool:
    """A source line right after the heading, or after one short note line (units, notes)."""
    after = blocks[i + 1 : i + 3]
    if not after:
        return False
    if after[0].kind == SOURCE:
        return True
    note = after[0]
    return (
        len(after) == 2
        and after[1].kind == SOURCE
        and len(note.text) <= _SHORT_NOTE
        and "。" not in note.text
        and note.kind not in (HEADING, QUESTION, ANSWER)
    )
