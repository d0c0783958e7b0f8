"""A document laid out as visual lines, wrapped lazily block by block so cost follows the screen."""

from __future__ import annotations

import operator
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import repeat
from operator import attrgetter
from typing import Generic, NamedTuple, TypeVar

from rich.cells import cell_len

from article.model import (
    CAPTION,
    PARAGRAPH,
    SOURCE,
    TITLE,
    TRUNCATED_END,
    TRUNCATED_START,
    Document,
    Duplicate,
)
from tui.prefix_sums import PrefixSums
from tui.typeset import INDENT, estimate_cells, wrap

T = TypeVar("T")
EAGER_BLOCKS = 2000  # up to this many blocks, per-block estimates are cheap enough up front

# Roles of visual lines.
TEXT = "text"
BLANK = "blank"
GAP = "gap"  # ⋯ where the source was cut
RULE = "rule"  # between articles
NOTE = "note"  # （重复，见第N段）

GAP_MARK = "⋯"
GUTTER = "▏"  # drawn before every line of captions and sources
CENTRED = frozenset({TITLE})
GUTTERED = frozenset({CAPTION, SOURCE})


class Line(NamedTuple):
    """One visual line: a block's text range or a decoration (a tuple: quick to hash, GC-free)."""

    block: int
    role: str = TEXT
    start: int = 0
    end: int = 0
    prefix: str = ""  # drawn before the text: indent or speaker label (first line only)
    label: str = ""  # the text of decoration lines
    first: bool = False  # the block's first text line (bookmark marks go here)


# Characters that would break a terminal row (tabs, line breaks, other controls) are drawn as one
# space each: same length, so every offset into the block text still holds.
_SHOWN = {code: " " for code in (*range(0x00, 0x20), 0x7F, 0x2028, 0x2029)}


def shown(text: str) -> str:
    """Text as drawn on one terminal row."""
    return text.translate(_SHOWN)


def _start(line: Line) -> int:
    """Sort key of text lines within a block."""
    return line.start


class ByBlock(Generic[T]):
    """Items that carry a `.block`, looked up per block by bisection (no grouping pass)."""

    def __init__(self, items: Sequence[T]) -> None:
        # Timsort is linear on the already-ordered lists analysis produces.
        self._items: list[T] = sorted(items, key=attrgetter("block"))

    def __call__(self, block: int) -> list[T]:
        """The items of one block, in their order."""
        lo = bisect_left(self._items, block, key=attrgetter("block"))
        hi = bisect_right(self._items, block, lo=lo, key=attrgetter("block"))
        return self._items[lo:hi]

    @property
    def items(self) -> list[T]:
        """Every item, ordered by block."""
        return self._items


def speaker_label(text: str, speaker: str | None) -> int:
    """Length of the speaker label the text opens with (《某报》：, 张三:), 0 when it has none."""
    if not speaker:
        return 0
    pattern = rf"[《「『“\"(（\[]?{re.escape(speaker)}[》」』”\")）\]]?\s*[：:]"
    found = re.match(pattern, text)
    return found.end() if found else 0


def speaker_prefix(doc: Document, block: int) -> str:
    """The speaker label drawn before a Q&A turn whose text does not already open with it."""
    b = doc.blocks[block]
    if b.speaker and not speaker_label(b.text, b.speaker):
        return f"{b.speaker}："
    return ""


class Layout:
    """Visual lines of a document at one width; blocks are wrapped on first use."""

    def __init__(
        self,
        doc: Document,
        width: int,
        *,
        indent: bool = False,
        duplicates: ByBlock[Duplicate] | None = None,
    ) -> None:
        self.doc = doc
        self.width = max(width, 4)
        self.indent = indent
        self._dups = duplicates if duplicates is not None else ByBlock(doc.duplicates)
        self._lines: dict[int, list[Line]] = {}
        # Long documents start from one uniform guess per block (touching every block costs
        # milliseconds before the first screen); refine() replaces it after that screen.
        self.refined = len(doc.blocks) <= EAGER_BLOCKS
        self.counts = self._estimates() if self.refined else self._uniform()
        self._sums = PrefixSums(self.counts)

    # -- per-block construction -------------------------------------------------------------
    def _before(self, i: int) -> list[Line]:
        """Decoration lines above block i: spacing, article rule, gap mark."""
        if i == 0:
            lines: list[Line] = []
        else:
            prev, cur = self.doc.blocks[i - 1], self.doc.blocks[i]
            if cur.article != prev.article and cur.article is not None:
                lines = [Line(i, BLANK), Line(i, RULE), Line(i, BLANK)]
            else:
                lines = [Line(i, BLANK)]
        if TRUNCATED_START in self.doc.blocks[i].flags:
            lines.append(Line(i, GAP, label=GAP_MARK))
        return lines

    def _after(self, i: int) -> list[Line]:
        """Decoration lines below block i: gap mark and where a repeated passage first appeared."""
        lines: list[Line] = []
        if TRUNCATED_END in self.doc.blocks[i].flags:
            lines.append(Line(i, GAP, label=GAP_MARK))
        targets = dict.fromkeys(d.of_block for d in self._dups(i))
        for target in targets:
            lines.append(Line(i, NOTE, label=f"（重复，见第{target + 1}段）"))
        return lines

    def _prefix(self, i: int) -> str:
        """What is drawn before the block's first line."""
        block = self.doc.blocks[i]
        speaker = speaker_prefix(self.doc, i)
        if speaker:
            return speaker
        if self.indent and block.kind == PARAGRAPH:
            return INDENT
        return ""

    def _text_width(self, i: int) -> int:
        """Cells available for the block's text (captions lose two to their gutter)."""
        kind = self.doc.blocks[i].kind
        return self.width - 2 if kind in GUTTERED else self.width

    def _sample(self) -> list[str]:
        """Texts of about 200 evenly spaced blocks."""
        blocks = self.doc.blocks
        return [b.text for b in blocks[:: max(1, len(blocks) // 200)]]

    def _chars_per_line(self, sample: list[str]) -> int:
        """Characters that fit a line on average, from the sample's mix of wide and narrow."""
        joined = "".join(sample)
        per_char = estimate_cells(joined) / len(joined) if joined else 2.0
        return max(1, int(self.width / per_char))

    def _uniform(self) -> list[int]:
        """The same guessed line count for every block, from the sample's average length."""
        sample = self._sample()
        average = sum(map(len, sample)) // max(1, len(sample))
        counts = [2 + (average - 1) // self._chars_per_line(sample)] * len(self.doc.blocks)
        if counts:
            counts[0] -= 1
        return counts

    def refine(self) -> None:
        """Per-block estimates in place of the uniform guess; wrapped blocks stay exact."""
        if self.refined:
            return
        counts = self._estimates()
        for i in self._lines:
            counts[i] = self.counts[i]
        self.counts = counts
        self._sums = PrefixSums(counts)
        self.refined = True

    def _estimates(self) -> list[int]:
        """Cheap line counts (spacing + chars / average chars per line) until wrapped."""
        blocks = self.doc.blocks
        per_line = self._chars_per_line(self._sample())
        # spacing line + ceil(len / per_line) = 2 + (len - 1) // per_line, in C-level maps
        lengths = map(len, map(attrgetter("text"), blocks))
        lines = map(operator.floordiv, map(operator.sub, lengths, repeat(1)), repeat(per_line))
        counts = list(map(operator.add, lines, repeat(2)))
        if counts:
            counts[0] -= 1
        return counts

    def _build(self, i: int) -> list[Line]:
        """Wrap block i into its visual lines."""
        block = self.doc.blocks[i]
        width = self._text_width(i)
        prefix = self._prefix(i)
        ranges = wrap(shown(block.text), width, width - cell_len(prefix))
        body = [
            Line(i, TEXT, s, e, prefix if n == 0 else "", first=n == 0)
            for n, (s, e) in enumerate(ranges)
        ]
        return self._before(i) + body + self._after(i)

    # -- index -------------------------------------------------------------------------------
    def lines_of(self, i: int) -> list[Line]:
        """The visual lines of block i, wrapping it now if needed."""
        lines = self._lines.get(i)
        if lines is None:
            lines = self._build(i)
            self._lines[i] = lines
            if len(lines) != self.counts[i]:
                self._sums.add(i, len(lines) - self.counts[i])
                self.counts[i] = len(lines)
        return lines

    def is_wrapped(self, i: int) -> bool:
        """Whether block i's line count is exact."""
        return i in self._lines

    @property
    def total(self) -> int:
        """Number of visual lines (estimated until every block is wrapped)."""
        return self._sums.total

    def top(self, i: int) -> int:
        """Visual line where block i starts."""
        return self._sums.prefix(i)

    def find(self, y: int) -> tuple[int, int]:
        """(block, line within block) at visual line y, clamped to the document."""
        if not self.counts:
            return 0, 0
        y = min(max(y, 0), self.total - 1)
        i = self._sums.find(y)
        return i, y - self.top(i)

    def line_at(self, y: int) -> Line | None:
        """The visual line at y, wrapping its block if needed; None past the end."""
        if y < 0 or y >= self.total:
            return None
        i, k = self.find(y)
        lines = self.lines_of(i)
        return lines[min(k, len(lines) - 1)]

    def ensure(self, y: int, height: int) -> int:
        """Wrap the blocks in view from y; return y moved so the top block's line stays put."""
        if not self.counts:
            return 0
        i, k = self.find(y)
        count = len(self.lines_of(i))
        y = self.top(i) + min(k, count - 1)
        j = i + 1
        while j < len(self.counts) and self.top(j) < y + height:
            self.lines_of(j)
            j += 1
        return y

    def ensure_before(self, block: int, height: int) -> None:
        """Wrap block and the blocks above it for `height` lines, so scrolling up is exact."""
        seen = len(self.lines_of(block))
        i = block - 1
        while i >= 0 and seen < height:
            seen += len(self.lines_of(i))
            i -= 1

    def line_index(self, block: int, offset: int) -> int:
        """Index within block's lines of the text line holding `offset`."""
        lines = self.lines_of(block)
        first = next(n for n, line in enumerate(lines) if line.role == TEXT)
        last = first
        while last + 1 < len(lines) and lines[last + 1].role == TEXT:
            last += 1
        found = bisect_right(lines, offset, lo=first, hi=last + 1, key=_start) - 1
        return max(found, first)

    def y_of(self, block: int, offset: int) -> int:
        """Visual line of character `offset` of `block`."""
        return self.top(block) + self.line_index(block, offset)

    def text_rows(self, block: int, start: int, end: int) -> tuple[int, int]:
        """First and last visual line covering block[start:end]."""
        first = self.y_of(block, start)
        last = self.y_of(block, max(start, end - 1))
        return first, last
