"""Plain, Chinese-aware text search: width- and case-folded, whitespace-insensitive."""

# The query is never a pattern: each of its characters is escaped into a class of its width and
# case variants (s -> [sSｓＳ]), with optional whitespace between them, and the compiled pattern
# scans the document's raw text once, at C speed, without a folded copy of it.

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence

from article.model import Block

# Full-width ASCII (！ to ～) folds to half-width; the ideographic space to a plain space.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_SEPARATOR = "\x00"  # between blocks in the index; never matched, so no hit spans two blocks
_BETWEEN = r"[^\S\x00]*"  # whitespace the text may have between two characters of the query

Hit = tuple[int, int, int]  # (block, start, end)


def fold(text: str) -> str:
    """Width- and case-folded text (full-width ASCII to half-width, lower case)."""
    narrow = text.translate(_WIDTH_TABLE)
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in narrow)


def _variants(ch: str) -> str:
    """A regex matching `ch` in either width and either case."""
    forms = {ch, ch.lower(), ch.upper()}
    forms |= {chr(ord(f) + 0xFEE0) for f in list(forms) if len(f) == 1 and "!" <= f <= "~"}
    forms = {f for f in forms if len(f) == 1}
    if len(forms) == 1:
        return re.escape(ch)
    return "[" + "".join(re.escape(f) for f in sorted(forms)) + "]"


def compile_query(query: str) -> re.Pattern[str] | None:
    """The pattern for `query`, or None when it holds nothing but whitespace."""
    chars = [c for c in fold(query) if not c.isspace() and c != _SEPARATOR]
    if not chars:
        return None
    return re.compile(_BETWEEN.join(_variants(c) for c in chars))


class SearchIndex:
    """A document's text joined once, so each search is one compiled-pattern scan."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._text = _SEPARATOR.join(b.text for b in blocks)
        # Block b starts at starts[b] in the joined text.
        self._starts = [0, *itertools.accumulate(len(b.text) + 1 for b in blocks)][:-1]

    def find(self, query: str) -> list[Hit]:
        """Every non-overlapping (block, start, end) where `query` occurs, in reading order."""
        pattern = compile_query(query)
        if pattern is None:
            return []
        hits: list[Hit] = []
        starts = self._starts
        for match in pattern.finditer(self._text):
            block = bisect_right(starts, match.start()) - 1
            base = starts[block]
            hits.append((block, match.start() - base, match.end() - base))
        return hits


def find_all(blocks: Sequence[Block], query: str) -> list[Hit]:
    """Every (block, start, end) where `query` occurs, in reading order."""
    return SearchIndex(blocks).find(query)
