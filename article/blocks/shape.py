"""A first look at a text's shape, cheap enough for the instant first view: could it be a PDF
extractor's hard-wrapped output? Only then is `wrapped.py` (and its regexes) loaded to look
closely; a text that is not wrapped pays nothing for it."""

from __future__ import annotations

from collections import Counter

LOOK = 4000  # lines looked at
_MIN_LINES = 8  # fewer lines than this say nothing about wrapping
_COMMON_SHARE = 0.3  # of lines sharing one of three lengths: one per column width
_COLUMN_LINES = 24  # lines it takes to see a column width in pieces set apart by blanks
_COLUMN_SHARE = 0.4  # of them within one character of the three commonest widths
_SPACED_SHARE = 0.25  # of long lines with a space: columns side by side on one line, maybe
_SPACED_LENGTH = 8  # characters of a line that may hold two column pieces


def head_lines(text: str) -> list[str]:
    """The non-blank lines, stripped, of the text's first LOOK lines."""
    return [line for line in map(str.strip, text.split("\n", LOOK)[:LOOK]) if line]


def common_lengths(lines: list[str]) -> bool:
    """Enough lines, many of them one of three lengths (one per column width)."""
    if len(lines) < _MIN_LINES:
        return False
    counts = Counter(map(len, lines))
    widths = [n for n, _ in counts.most_common() if n >= _SPACED_LENGTH][:3]
    near = {n + step for n in widths for step in (-1, 0, 1)}  # justified lines vary by one
    common = max(sum(n for _length, n in counts.most_common(3)), sum(counts[n] for n in near))
    return common >= _COMMON_SHARE * len(lines)


def column_shaped(lines: list[str]) -> bool:
    """Many lines, 40% of them within a character of a few widths: lines of columns as an
    extractor gives them, each its own piece perhaps, but never pieces that repeat a character
    across a break (only tools that cut paragraphs into fragments do that)."""
    if len(lines) < _COLUMN_LINES:
        return False
    counts = Counter(map(len, lines))
    widths = [n for n, _ in counts.most_common() if n >= 8][:3]  # a page's few column widths
    near = {n + step for n in widths for step in (-1, 0, 1)}
    return sum(counts[n] for n in near) >= _COLUMN_SHARE * len(lines)


def could_be_wrapped(text: str) -> bool:
    """Many lines share a few lengths, or many hold spaces: worth a close look."""
    lines = head_lines(text)
    if len(lines) < _MIN_LINES:
        return False
    if common_lengths(lines):
        return True
    # Lines of 16 characters or more but spaces are surely long enough to hold two pieces;
    # the close look wants a quarter of such lines holding several: no fewer can be spaced.
    sure = sum(1 for line in lines if len(line) - line.count(" ") >= 2 * _SPACED_LENGTH)
    spaced = sum(1 for line in lines if len(line) >= _SPACED_LENGTH and " " in line)
    return spaced >= 2 and spaced >= _SPACED_SHARE * sure
