"""A character doubled where a hand-broken paragraph is cut by a single line break
(出口企 / 企业, 核心 / 心领域): dropped only on strong evidence, and every drop is reported.

Only in text whose paragraphs are lines of their own: there a line break inside a paragraph is
itself a break left by the tool, never a column's wrap. The doubled character must make no
word with itself, stand alone on one side and begin or end a dictionary noun on the other.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from article import segment, wordtags
from article.model import PARAGRAPH, RawBlock
from article.spans import is_han

_DOUBLED_WORD = 50  # 天天, 人人: a doubled character that is a word of its own is kept
_NUMERALS = frozenset("一二两三四五六七八九十百千万亿")
_NOUN_TAGS = ("n", "vn", "nz", "nt", "ns")
_WRAP_LINE, _WRAPPED_LINES = 6, 3  # lines this long, this many of one length: wrapped text


def drop_inner_repeats(blocks: list[RawBlock], stripped: list[str]) -> None:
    """Remove the doubled character at each single line break of a paragraph that repeats
    one (`stripped`: the source's lines, stripped, 0-based), noting where for the repairs."""
    width = _wrap_width(stripped)
    for block in blocks:
        (first, last), *rest = block.lines
        if block.kind != PARAGRAPH or rest or last == first:
            continue
        pieces = [line for line in stripped[first - 1 : last] if line]
        if "".join(pieces) != block.text:
            continue  # markup or a speaker's name was taken out: leave the block as it is
        _drop_in(block, pieces, first, width)


def _wrap_width(stripped: list[str]) -> int:
    """The length most lines share when the text is wrapped at a width (0 when none is): a
    line that long ends where the width ran out, not where a tool cut the paragraph."""
    lengths = Counter(len(line) for line in stripped if len(line) >= _WRAP_LINE)
    if not lengths:
        return 0
    width, count = lengths.most_common(1)[0]
    return width if count >= _WRAPPED_LINES else 0


def _drop_in(block: RawBlock, pieces: list[str], first: int, wrap_width: int) -> None:
    """Rebuild the block's text without the repeats between its pieces."""
    text, number = pieces[0], first
    for before, piece in pairwise(pieces):
        number += 1
        if len(before) != wrap_width and repeated(text, piece):
            block.repeats.append((len(text), number))
            piece = piece[1:]
        text += piece
    block.text = text


def repeated(left: str, right: str) -> bool:
    """The break between these lines doubles a character a tool repeated: alone on one side,
    the first or last character of a noun on the other, and no word doubled."""
    char = right[:1]
    if not left or left[-1] != char or not is_han(char) or char in _NUMERALS:
        return False
    if not is_han(right[1:2]):
        return False  # 银行 / 行。: a line wrapped before its last character, the text goes on
        # no further; a tool's repeat sits inside running text (核心 / 心领域)
    if segment.word_freq(char * 2) >= _DOUBLED_WORD:
        return False
    before = segment.cut(left[-4:], hmm=False)[-1]
    after = segment.cut(right[:4], hmm=False)[0]
    if before == char and len(after) >= 2:
        return _noun(after)  # 出口企 / 企业
    if after == char and len(before) >= 2:
        return _noun(before)  # 核心 / 心领域
    return False


def _noun(word: str) -> bool:
    """A dictionary noun (企业, 保险, 核心), not a verb (说明) that may legitimately follow."""
    return segment.word_freq(word) >= segment.MIN_WORD_FREQ and (
        wordtags.tag(word) or ""
    ).startswith(_NOUN_TAGS)
