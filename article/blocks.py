"""Split cleaned source text into raw blocks (paragraphs and marker lines) with line provenance."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import compress, count, islice, repeat
from operator import eq, itemgetter, not_, or_, setitem, sub
from typing import Any

from article.blockkinds import closer_look, line_kind, names_a_chart
from article.model import (
    ANSWER,
    BODY_KINDS,
    CAPTION,
    HEADING,
    PARAGRAPH,
    QUESTION,
    SOURCE,
    RawBlock,
)
from article.reflow_gc import collector_paused

# Below this share of blank separators per non-blank line, a document has no paragraph breaks
# worth trusting, so each line is taken as a block of its own.
_MIN_BLANK_SHARE = 0.1
_SHORT_NOTE = 30  # a line between a chart heading and its source line ("单位：亿元")
_ASCII_GAP = re.compile(r"(?<=[0-9A-Za-z])\n(?=[0-9A-Za-z])")  # `joiner` gives a space here


def joiner(left: str, right: str) -> str:
    """Nothing between CJK pieces, one space between Latin letters or digits."""
    ascii_pair = bool(left and right) and left[-1].isascii() and right[0].isascii()
    return " " if ascii_pair and left[-1].isalnum() and right[0].isalnum() else ""


def _joined(pieces: list[str]) -> str:
    """The pieces (non-empty, without newlines) glued by `joiner`, in a few C passes."""
    return _ASCII_GAP.sub(" ", "\n".join(pieces)).replace("\n", "")


def _line_per_block(numbers: list[int]) -> tuple[bool, list[int]]:
    """Whether the text has (almost) no blank lines between its non-blank lines (numbered
    `numbers`), and the step from each of those lines to the next (1: no blank between)."""
    steps = list(map(sub, islice(numbers, 1, None), numbers))
    gaps = len(steps) - steps.count(1)  # non-blank lines after a blank one, but the first
    return len(numbers) >= 2 and gaps < _MIN_BLANK_SHARE * len(numbers), steps


def split_blocks(text: str, *, dictionary: bool = True) -> list[RawBlock]:
    """One RawBlock per paragraph or structural line, in source order.

    `dictionary=False` judges `某某：` speakers by surname alone, without loading jieba's
    dictionary: the reader's instant first screen must not wait half a second for it.
    """
    with collector_paused():
        return _split(text, dictionary)


def _split(text: str, dictionary: bool = True) -> list[RawBlock]:
    """The work of `split_blocks`: lines are found, told apart and made blocks in C-level
    passes; Python looks only at the lines that may be structural (and at those that may
    join the line above)."""
    stripped = list(map(str.strip, text.split("\n")))
    lines = list(compress(stripped, stripped))  # the non-blank ones
    numbers = list(compress(count(1), stripped))
    every_line, steps = _line_per_block(numbers)
    looks = list(map(closer_look, lines))  # a match (true) for a line to look at
    if every_line or 1 not in steps:  # every non-blank line is a block of its own
        blocks, headings = _line_blocks(lines, numbers, looks, dictionary)
    else:  # lines right after a non-blank one may join it
        continued = [False, *map(eq, steps, repeat(1))]
        blocks, headings = _grown_blocks(lines, numbers, looks, continued, dictionary)
    _mark_captions(blocks, headings)
    return blocks


def _line_blocks(
    lines: list[str], numbers: list[int], looks: list[re.Match[str] | None], dictionary: bool
) -> tuple[list[RawBlock], list[int]]:
    """One block per line, and where the headings are: the lines to look at are classified,
    their kinds, texts and speakers put over the plain paragraph defaults (all in C)."""
    at = list(compress(count(), looks))
    found = list(map(line_kind, compress(lines, looks), repeat(False), repeat(dictionary)))
    kinds = list(map(itemgetter(0), found))
    if QUESTION in kinds:
        _answer_questions(found, kinds, at, lines, dictionary)
    kind_column = [PARAGRAPH] * len(lines)
    _scatter(kind_column, at, kinds)
    text_column = lines.copy()
    _scatter(text_column, at, map(itemgetter(1), found))
    speakers: list[str | None] = [None] * len(lines)
    _scatter(speakers, at, map(itemgetter(2), found))
    blocks = list(map(RawBlock, kind_column, text_column, _spans(numbers), speakers))
    return blocks, list(compress(at, map(eq, kinds, repeat(HEADING))))


def _spans(numbers: list[int]) -> Iterator[list[tuple[int, int]]]:
    """The `lines` of one-line blocks, [(n, n)] for each number, made in C."""
    return map(list, zip(zip(numbers, numbers, strict=True)))


def _scatter(target: list[Any], at: Iterable[int], values: Iterable[Any]) -> None:
    """target[i] = value for each pair, in C."""
    deque(map(setitem, repeat(target), at, values), maxlen=0)


def _answer_questions(
    found: list[tuple[str, str, str | None]],
    kinds: list[str],
    at: list[int],
    lines: list[str],
    dictionary: bool,
) -> None:
    """Classify again, as in a Q&A run, each looked-at line right after a question that was
    taken for a plain paragraph (a rare surname answers a question)."""
    for i in list(compress(count(), map(eq, kinds, repeat(QUESTION)))):
        after = i + 1
        if after < len(at) and at[after] == at[i] + 1 and kinds[after] == PARAGRAPH:
            found[after] = line_kind(lines[at[after]], True, dictionary)
            kinds[after] = found[after][0]


def _grown_blocks(
    lines: list[str],
    numbers: list[int],
    looks: list[re.Match[str] | None],
    continued: list[bool],
    dictionary: bool,
) -> tuple[list[RawBlock], list[int]]:
    """Blocks when some lines may join the one above: plain lines after a blank line are made
    blocks in C, the others are taken one by one."""
    special = list(map(or_, map(bool, looks), continued))
    plain = list(map(not_, special))
    plain_numbers = list(compress(numbers, plain))
    plain_blocks = list(
        map(RawBlock, repeat(PARAGRAPH), compress(lines, plain), _spans(plain_numbers))
    )
    return _merge(
        plain_blocks, compress(count(), special), lines, numbers, looks, continued, dictionary
    )


def _merge(
    plain_blocks: list[RawBlock],
    positions: Iterator[int],
    lines: list[str],
    numbers: list[int],
    looks: list[re.Match[str] | None],
    continued: list[bool],
    dictionary: bool,
) -> tuple[list[RawBlock], list[int]]:
    """The plain blocks in order, with the other lines (at `positions`) classified between
    them: a new block each, or joined to the paragraph or Q&A turn on the line above."""
    blocks: list[RawBlock] = []
    headings: list[int] = []  # where the headings are: only they may be captions
    pieces: list[str] = []  # the texts joined into blocks[-1], while it is growing
    done = 0  # plain blocks already in `blocks`
    for k, j in enumerate(positions):
        if j - k != done:  # plain blocks lie between the previous special line and this one
            if pieces:
                pieces = _close(blocks[-1], pieces)
            blocks += plain_blocks[done : j - k]
            done = j - k
        line = lines[j]
        if not looks[j]:
            kind, text, speaker = PARAGRAPH, line, None
        else:
            after_question = bool(blocks) and blocks[-1].kind == QUESTION
            kind, text, speaker = line_kind(line, after_question, dictionary)
        if kind == PARAGRAPH and continued[j] and blocks[-1].kind in BODY_KINDS:
            if not pieces:
                pieces = [blocks[-1].text]
            pieces.append(text)
            blocks[-1].lines[-1] = (blocks[-1].lines[-1][0], numbers[j])
            continue
        if pieces:
            pieces = _close(blocks[-1], pieces)
        if kind == HEADING:
            headings.append(len(blocks))
        blocks.append(RawBlock(kind, text, [(numbers[j], numbers[j])], speaker))
    if pieces:
        _close(blocks[-1], pieces)
    blocks += plain_blocks[done:]
    return blocks, headings


def _close(block: RawBlock, pieces: list[str]) -> list[str]:
    """Give a grown block its text, joined once from its lines; no pieces are pending after."""
    block.text = _joined(pieces)
    return []


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
