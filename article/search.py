"""Plain, Chinese-aware text search: width- and case-folded, whitespace-insensitive, no regex."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from article.model import Block

# Full-width ASCII (！ to ～) folds to half-width; the ideographic space to a plain space.
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """One character lower-cased, unless that would change the length (İ -> i̇)."""
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def fold(text: str) -> str:
    """Fold width and case without changing the length, so offsets map one to one."""
    quick = text.translate(_WIDTH_TABLE).lower()
    if len(quick) == len(text):
        return quick
    return "".join(_fold_char(ch) for ch in text.translate(_WIDTH_TABLE))


def _squeeze(text: str) -> tuple[str, list[int] | None]:
    """Text without whitespace, plus the original index of each kept character (None: identity)."""
    if not any(ch.isspace() for ch in text):
        return text, None
    kept = [(i, ch) for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def _find_in(text: str, needle: str) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) hits of the folded needle in one text, in original offsets."""
    hay, index = _squeeze(fold(text))
    hits: list[tuple[int, int]] = []
    pos = hay.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        if index is None:
            hits.append((pos, end))
        else:
            hits.append((index[pos], index[end - 1] + 1))
        pos = hay.find(needle, end)
    return hits


def find_all(blocks: Sequence[Block], query: str) -> list[tuple[int, int, int]]:
    """Every (block, start, end) where `query` occurs, in reading order."""
    needle, _ = _squeeze(fold(query))
    if not needle:
        return []
    hits: list[tuple[int, int, int]] = []
    for number, block in enumerate(blocks):
        hits.extend((number, start, end) for start, end in _find_in(block.text, needle))
    return hits
