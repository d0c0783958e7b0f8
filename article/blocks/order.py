"""Whether hard-wrapped lines run on in reading order: the breaks of running text fall inside
a dictionary word about half the time, those between columns read across hardly ever.

An extractor may read a page's columns across, line by line; text alone cannot put those lines
back in order, so they are kept apart and the reader is told. One article of a page may be read
so and the other not: the page is judged stretch by stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from article.blocks.lines import Line, ends_sentence, is_full

COLUMNS_MERGED = "多栏文字被提取在同一行（PDF 按行排版）：已按栏拆开，阅读顺序仍可能有误"
ROWS_INTERLEAVED = "各栏文字逐行交错（PDF 按行排版）：仅凭文字无法恢复阅读顺序"
_MIN_LINES = 8  # fewer lines than this say nothing about wrapping
_WRAPPED_SHARE = 0.3  # of lines that fill their column yet end mid-sentence
_INTERLEAVED_RATE = 0.3  # share of breaks inside a word, below which lines do not continue
# (running text breaks inside a word at 0.35-0.5 of its breaks, interleaved columns at 0.05-0.26)
_WRAPPED_RATE = 0.2  # ... and above which a few breaks already say the text runs on
_MIN_BREAKS = 5  # line breaks it takes to call a text wrapped
_MIN_JUDGED = 30  # ... and to call its lines interleaved
_FEW_JUDGED, _FEW_RATE = 12, 0.2  # ... or fewer breaks, hardly ever inside a word
_HAN_PAIR = re.compile("[\u4e00-\u9fff]{2}")
_REGION_BREAKS = 16  # judged breaks in a stretch of the page read as one
_CROSSED_RATE = 0.1  # ... fewer of them inside a word: read across, even on a page in order
_MIN_CROSSED = 12  # lines: fewer read across are chance, not a page read across columns
_ORDERED_BLOCK = 3  # lines of one block, no blank between them: read down one column


@dataclass
class Order:
    """What the breaks say: the text is wrapped, which lines were read across, what to tell."""

    wrapped: bool
    crossed: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def reading_order(lines: list[Line], merged: bool, dictionary: bool) -> Order:
    """Judge the lines: hard-wrapped or not, and where columns were read across."""
    cut = _cut_share(lines) >= _WRAPPED_SHARE
    judged = judged_breaks(lines) if dictionary and cut else []
    hits, total = sum(hit for _, hit in judged), len(judged)
    warnings = [COLUMNS_MERGED] if merged else []
    crossed: set[int] = set()
    if dictionary and cut and not merged:
        page_crossed = total >= _MIN_JUDGED and hits < _INTERLEAVED_RATE * total
        page_crossed |= total >= _FEW_JUDGED and hits < _FEW_RATE * total
        # a page read across its columns, stretch by stretch (one article may be read in
        # order); on a page read in order, only a stretch that is plainly read across
        rate = _INTERLEAVED_RATE if page_crossed else _CROSSED_RATE
        following = {line.number: after.number for line, after in pairwise(lines)}
        crossed = interleaved_lines(judged, rate, following)
        crossed = _without_ordered_blocks(lines, crossed)
    if crossed:
        warnings.append(ROWS_INTERLEAVED)
    runs_on = total >= _MIN_BREAKS and hits >= _WRAPPED_RATE * total
    wrapped = bool(merged or crossed) or (cut and (runs_on or not dictionary))
    return Order(wrapped, crossed, warnings)


def _without_ordered_blocks(lines: list[Line], crossed: set[int]) -> set[int]:
    """The crossed lines less those of blocks several lines long, when the extractor set
    the lines it read across apart as one-line blocks (pdftotext, pdfminer): there a block's
    lines come from one column, in order, however few of its breaks fall inside a word."""
    runs: list[list[int]] = []
    for line in lines:
        if line.blank_before or not runs:
            runs.append([])
        runs[-1].append(line.number)
    alone = {run[0] for run in runs if len(run) == 1}
    if len(alone & crossed) * 2 < len(crossed & {line.number for line in lines}):
        return crossed  # no blocks to trust: a stream read row by row
    kept = crossed - {n for run in runs if len(run) >= _ORDERED_BLOCK for n in run}
    return kept if len(kept) >= _MIN_CROSSED else set()


def _cut_share(lines: list[Line]) -> float:
    """The share of lines that fill their column yet stop mid-sentence."""
    body = [line for line in lines if line.width >= 4]
    if len(body) < _MIN_LINES:
        return 0.0
    cut = sum(1 for line in body if is_full(line) and not ends_sentence(line.text))
    return cut / len(body)


def word_across(line: Line, following: Line) -> bool:
    """The last character of the line and the first of the next make a dictionary word."""
    from article.segment import MIN_WORD_FREQ, word_freq

    pair = _han_pair(line, following)
    return bool(pair) and word_freq(pair) >= MIN_WORD_FREQ


def _han_pair(line: Line, following: Line) -> str:
    """The two Han characters either side of the break ("" when either side is no Han)."""
    pair = line.text[-1] + following.text[:1]
    return pair if _HAN_PAIR.fullmatch(pair) else ""


def judged_breaks(lines: list[Line]) -> list[tuple[int, bool]]:
    """Every break after a full line cut mid-sentence between two Han characters: the line's
    number, and whether the break falls inside a dictionary word. In wrapped text about half
    do; between alternating columns, or between lines that each stand alone, hardly any."""
    from article.segment import MIN_WORD_FREQ, word_freq

    return [
        (line.number, word_freq(pair) >= MIN_WORD_FREQ)
        for line, following in pairwise(lines)
        if is_full(line) and not ends_sentence(line.text) and (pair := _han_pair(line, following))
    ]


def interleaved_lines(
    judged: list[tuple[int, bool]], rate: float, following: dict[int, int]
) -> set[int]:
    """Numbers of the lines in a stretch of the page whose judged breaks hardly ever fall
    inside a word: there the extractor read across columns. `following` gives each line the
    number of the line after it (a blank may stand between)."""
    crossed: set[int] = set()
    preceding = {after: before for before, after in following.items()}
    # a short page is one stretch, if it has breaks enough to judge at all
    size = min(_REGION_BREAKS, max(len(judged), _FEW_JUDGED))
    for at in range(len(judged) - size + 1):
        region = judged[at : at + size]
        if sum(hit for _, hit in region) < rate * size:
            first, last = region[0][0], region[-1][0]
            start = first if at else preceding.get(first, first)  # a short first line too
            crossed.update(range(start, following.get(last, last) + 1))  # the whole stretch
    return crossed if len(crossed) >= _MIN_CROSSED else set()
