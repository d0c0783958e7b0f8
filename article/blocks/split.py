"""Split cleaned source text into raw blocks (paragraphs and marker lines) with line provenance."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import chain, compress, count, islice, repeat
from operator import and_, contains, eq, gt, itemgetter, not_, setitem, sub
from typing import Any

from article.blocks.kinds import closer_look, line_kind, names_a_chart
from article.blocks.repeats import drop_inner_repeats
from article.blocks.shape import column_shaped, could_be_wrapped
from article.blocks.tiny import TINY_LINES, tiny_blocks
from article.gcpause import collector_paused
from article.model import (
    ANSWER,
    BODY_KINDS,
    BYLINE,
    CAPTION,
    CONTINUATION,
    FURNITURE,
    HEADING,
    PARAGRAPH,
    QUESTION,
    SOURCE,
    SUBTITLE,
    TITLE,
    RawBlock,
)

# Below this share of blank separators per non-blank line, a document has no paragraph breaks
# worth trusting, so each line is taken as a block of its own.
_MIN_BLANK_SHARE = 0.1
_MAX_RUNNING = 64  # characters of the longest running header or title line
_MAX_HEAD = 40  # ... of the longest title
_MIN_TITLE = 5  # characters of the shortest title
_MAX_TITLE_LINE = 16  # ... of one line of a title set in large type
_CLAUSE_MARKS = frozenset("。，；！？、")
_SENTENCE_ENDS = frozenset("。！？…”")
_SHORT_NOTE = 30  # a line between a chart heading and its source line ("单位：亿元")
_BODY_KINDS = frozenset(BODY_KINDS)  # the kinds of block that the next lines may join
# Where `joiner` gives a space: a newline between ASCII letters or digits (the newline first,
# so the regex engine scans for it in C instead of trying the lookbehind everywhere).
_ASCII_GAP = re.compile(r"\n(?<=[0-9A-Za-z]\n)(?=[0-9A-Za-z])")


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
    return split_with_warnings(text, dictionary=dictionary)[0]


def split_with_warnings(text: str, *, dictionary: bool = True) -> tuple[list[RawBlock], list[str]]:
    """`split_blocks`, and what the text's shape says a reader must be told."""
    with collector_paused():
        tiny = tiny_blocks(text)
        if tiny is not None:
            return tiny, [TINY_LINES]
        wrapped, warnings = _wrapped_split(text, dictionary)
        if wrapped is not None:
            return wrapped, warnings
        blocks = _split(text, dictionary)
        if warnings:  # lines interleaved from several columns: no order to pair breaks by
            for block in blocks:
                block.unordered = True
        return blocks, warnings


def text_warnings(text: str) -> list[str]:
    """What the text's shape says a reader must be told: columns read across, line by line."""
    return split_with_warnings(text)[1]


def _wrapped_split(text: str, dictionary: bool) -> tuple[list[RawBlock] | None, list[str]]:
    """The wrapped reading of a text that may be wrapped (its module loaded only then)."""
    if not could_be_wrapped(text):
        return None, []
    from article.blocks.wrapped import wrapped_split

    return wrapped_split(text, dictionary)


def _split(text: str, dictionary: bool = True) -> list[RawBlock]:
    """The work of `split_blocks`: lines are found, told apart and made blocks in C-level
    passes; Python looks only at the lines that may be structural, and joins the lines of
    each paragraph that has more than one."""
    stripped = list(map(str.strip, text.split("\n")))
    lines = list(compress(stripped, stripped))  # the non-blank ones
    numbers = list(compress(count(1), stripped))
    every_line, steps = _line_per_block(numbers)
    # lines right after a non-blank one, which may join it (none: every line is a block)
    continued = [] if every_line or 1 not in steps else [False, *map(eq, steps, repeat(1))]
    kinds, texts, speakers, headings = _columns(lines, continued, dictionary)
    if continued:
        blocks, headings = _grown_blocks(kinds, texts, speakers, numbers, continued)
    else:
        blocks = list(map(RawBlock, kinds, texts, _spans(numbers), speakers))
    _mark_captions(blocks, headings)
    blocks = _titles_over_decks(blocks, stripped)
    _mark_unmarked_heads(blocks)
    # lines of one running text, or of columns: no break between them repeats a character
    if every_line or column_shaped(lines):
        for block in blocks:
            block.unwrapped = True
    elif continued and dictionary:
        drop_inner_repeats(blocks, stripped)
    mark_column_ends(blocks, stripped)
    return _jumps_apart(blocks)


def mark_column_ends(blocks: list[RawBlock], stripped: list[str]) -> None:
    """A block whose last line is no longer than a column's is a piece of a column: a break
    after it never repeats a character (only a tool that cuts whole paragraphs does that)."""
    for block in blocks:
        block.unwrapped = block.unwrapped or len(stripped[block.lines[-1][1] - 1]) <= COLUMN_LINE


COLUMN_LINE = 30  # characters: a newspaper column's line is no longer


Columns = tuple[list[str], list[str], list[str | None], list[int]]


def _columns(lines: list[str], continued: list[bool], dictionary: bool) -> Columns:
    """Kind, text and speaker of every line, and the lines that are headings: the lines to look
    at are classified (first as outside a Q&A run) and put over plain paragraph defaults in C."""
    looks = list(map(closer_look, lines))  # a match (true) for a line to look at
    at = list(compress(count(), looks))
    found = list(map(line_kind, compress(lines, looks), repeat(False), repeat(dictionary)))
    found_kinds = list(map(itemgetter(0), found))
    kinds = [PARAGRAPH] * len(lines)
    _scatter(kinds, at, found_kinds)
    texts = lines.copy()
    _scatter(texts, at, map(itemgetter(1), found))
    speakers: list[str | None] = [None] * len(lines)
    _scatter(speakers, at, map(itemgetter(2), found))
    if QUESTION in found_kinds:
        questions = list(compress(at, map(eq, found_kinds, repeat(QUESTION))))
        _answer_questions((kinds, texts, speakers), questions, lines, looks, continued, dictionary)
    headings = list(compress(at, map(eq, found_kinds, repeat(HEADING))))
    return kinds, texts, speakers, headings


def _spans(numbers: list[int]) -> Iterator[list[tuple[int, int]]]:
    """The `lines` of one-line blocks, [(n, n)] for each number, made in C."""
    return map(list, zip(zip(numbers, numbers, strict=True)))


def _scatter(target: list[Any], at: Iterable[int], values: Iterable[Any]) -> None:
    """target[i] = value for each pair, in C."""
    deque(map(setitem, repeat(target), at, values), maxlen=0)


def _answer_questions(
    columns: tuple[list[str], list[str], list[str | None]],
    questions: list[int],
    lines: list[str],
    looks: list[re.Match[str] | None],
    continued: list[bool],
    dictionary: bool,
) -> None:
    """Classify again, as in a Q&A run, the looked-at lines taken for plain paragraphs in the
    block of a question and right after it (a name without a known surname answers it).
    Only those can change: a Q&A run accepts every speaker that is accepted outside one."""
    kinds, texts, speakers = columns
    for question in questions:
        j = question + 1
        while j < len(lines):  # the question's block is still open at line j
            if looks[j] and kinds[j] == PARAGRAPH:
                kinds[j], texts[j], speakers[j] = line_kind(lines[j], True, dictionary)
            if not (continued and continued[j]) or kinds[j] != PARAGRAPH:
                break  # line j starts a block of its own
            j += 1


def _grown_blocks(
    kinds: list[str],
    texts: list[str],
    speakers: list[str | None],
    numbers: list[int],
    continued: list[bool],
) -> tuple[list[RawBlock], list[int]]:
    """Blocks when some lines join the one above (a plain paragraph line right after a line of
    a paragraph or Q&A turn), and where the headings are; made in C but for the joining."""
    body = map(contains, repeat(_BODY_KINDS), kinds)
    joins = map(
        and_,
        map(and_, continued, chain((False,), body)),
        map(eq, kinds, repeat(PARAGRAPH)),
    )
    starts = list(compress(count(), map(not_, joins)))
    ends = [*islice(starts, 1, None), len(kinds)]
    block_texts = list(map(texts.__getitem__, starts))
    for b in compress(count(), map(gt, map(sub, ends, starts), repeat(1))):
        block_texts[b] = _joined(texts[starts[b] : ends[b]])
    lasts = map(numbers.__getitem__, map(sub, ends, repeat(1)))
    spans = map(list, zip(zip(map(numbers.__getitem__, starts), lasts, strict=True)))
    block_kinds = list(map(kinds.__getitem__, starts))
    block_speakers = map(speakers.__getitem__, starts)
    blocks = list(map(RawBlock, block_kinds, block_texts, spans, block_speakers))
    return blocks, list(compress(count(), map(eq, block_kinds, repeat(HEADING))))


# Jump markers printed inside a paragraph: …由去年的4.6%（下转A3版） / （上接A2版）下调至3.9%
_OUTGOING_JUMP = re.compile(r"\s*[（(](?:下转|转)[^（）()，。]{1,8}[）)]$")
_INCOMING_JUMP = re.compile(r"^[（(](?:上接|接)[^（）()，。]{1,8}[）)]\s*")


def _jumps_apart(blocks: list[RawBlock]) -> list[RawBlock]:
    """A jump marker printed inside a paragraph, at its end or its start, is a block of its
    own: the text either side of the jump can then be joined as one sentence."""
    out: list[RawBlock] = []
    for block in blocks:
        text, body = block.text, block.kind in (PARAGRAPH, TITLE)
        outgoing = _OUTGOING_JUMP.search(text) if body else None
        incoming = _INCOMING_JUMP.match(text) if body else None
        if outgoing and outgoing.start() > 0:
            block.text, block.kind = text[: outgoing.start()], PARAGRAPH  # no title jumps
            out += [block, RawBlock(CONTINUATION, outgoing.group().strip(), block.lines[-1:])]
        elif incoming and incoming.end() < len(text):
            cut = incoming.end()
            block.text = text[cut:]
            block.repeats = [(offset - cut, line) for offset, line in block.repeats]
            out += [RawBlock(CONTINUATION, incoming.group().strip(), block.lines[:1]), block]
        else:
            out.append(block)
    return out


def _mark_unmarked_heads(blocks: list[RawBlock]) -> None:
    """Without markup, a running header line is furniture and a short unpunctuated line right
    above a byline is its title (text with `#` marks never needs this)."""
    from article.blocks.furniture import (
        is_paper_name,
        is_photo_caption,
        is_running_line,
        marked_heading,
    )

    opening = True  # no article text seen yet
    for i, block in enumerate(blocks):
        if block.kind != PARAGRAPH or len(block.text) > _MAX_RUNNING:
            opening = opening and block.kind in (FURNITURE, CONTINUATION)
            continue
        one_line = block.lines[0][0] == block.lines[-1][1]
        if one_line and (is_running_line(block.text) or (opening and is_paper_name(block.text))):
            block.kind = FURNITURE
        elif one_line and is_photo_caption(block.text):
            block.kind = CAPTION
        elif one_line and not opening and marked_heading(block.text):
            block.kind = HEADING  # ▲价格下跌时获得赔付: a section's head, not a photo's
        elif _heads_byline(blocks, i) or (opening and _opening_title(blocks, i)):
            block.kind = TITLE
        opening = opening and block.kind == FURNITURE


def _titles_over_decks(blocks: list[RawBlock], stripped: list[str]) -> list[RawBlock]:
    """Two lines right above a byline, a short unpunctuated one and a longer one under it,
    are a title and its deck (中间业务收入止跌回升 / 上市银行一季报透视：…), not a paragraph."""
    out: list[RawBlock] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        first, last = block.lines[0][0], block.lines[-1][1]
        if block.kind != PARAGRAPH or last != first + 1 or following is None:
            out.append(block)
            continue
        title, deck = stripped[first - 1], stripped[last - 1]
        if following.kind != BYLINE or not _title_and_deck(title, deck):
            out.append(block)
            continue
        out += [
            RawBlock(TITLE, title, [(first, first)], None, block.unwrapped),
            RawBlock(SUBTITLE, deck, [(last, last)], None, block.unwrapped),
        ]
    return out


def _title_and_deck(title: str, deck: str) -> bool:
    """A short title line without punctuation over a deck line that ends no sentence."""
    fits = len(title) <= _MAX_TITLE_LINE < len(deck) <= _MAX_HEAD
    return fits and _unpunctuated(title) and deck[-1] not in "。！？"


def _opening_title(blocks: list[RawBlock], i: int) -> bool:
    """The text's first line, short and unpunctuated, set apart above running text: the title
    of an article pasted without markup."""
    block, following = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
    if following is None or following.kind != PARAGRAPH or block.lines[0] != block.lines[-1]:
        return False
    if following.lines[0][0] <= block.lines[-1][1] + 1:
        return False  # no blank line between: the first line of a paragraph
    text = block.text
    if not _MIN_TITLE <= len(text) <= _MAX_HEAD:
        return False  # 银行: a page's section name, not a title
    return _unpunctuated(text) and not _name_cut_off(text)


def _name_cut_off(text: str) -> bool:
    """研究院首席专家韦: a title word and a lone surname, the given name cut off by the break."""
    from article.lexicon import titles
    from article.surname_lists import surname_of

    return bool(surname_of(text[-1:], True)) and text[:-1].endswith(titles())


def _heads_byline(blocks: list[RawBlock], i: int) -> bool:
    """A short line without clause punctuation, set right above a byline."""
    text = blocks[i].text
    following = blocks[i + 1] if i + 1 < len(blocks) else None
    if following is None or following.kind != BYLINE or len(text) > _MAX_HEAD:
        return False
    return _unpunctuated(text)


def _unpunctuated(text: str) -> bool:
    """No clause punctuation inside and no sentence end: a line that could be a title (a quote
    closing a word, 有了“活钱”, ends no sentence; 。” does)."""
    body = text.rstrip("”’")
    return not _CLAUSE_MARKS.intersection(text) and body[-1:] not in _SENTENCE_ENDS


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
