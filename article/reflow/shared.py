"""Rare words shared across a break: evidence that two passages are about the same thing."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from article.reflow.signals import freq_table
from article.reflow.words import FUNCTION_CHARS
from article.segment import MIN_WORD_FREQ

COHESION_MAX = 2.0  # the most that shared rare words add to a pair's score
RARE_FREQ = 2000  # shared words rarer than this say two passages are about the same thing
_CJK_PAIR = re.compile(r"[\u3400-\u9fff]{2}")


def char_pairs(text: str) -> set[str]:
    """Every two adjacent characters of a text (built in C: map over two offsets)."""
    return set(map(str.__add__, text, text[1:]))


def content_class(excluded: frozenset[str]) -> str:
    """A regex class of CJK characters but the excluded ones (ranges between them)."""
    ranges, low = [], 0x3400
    for code in sorted(ord(c) for c in excluded):
        if low < code:
            ranges.append(f"{chr(low)}-{chr(code - 1)}")
        low = code + 1
    return "[" + "".join(ranges) + f"{chr(low)}-\u9fff]"


class PairScan:
    """Every two adjacent characters of a class, found by two plain scans, at even and at odd
    offsets in runs of them (faster than a lookahead tried at every position)."""

    def __init__(self, excluded: frozenset[str]) -> None:
        content = content_class(excluded)
        self._even = re.compile(f"{content}{{2}}")
        self._odd = re.compile(f"(?<={content}){content}{{2}}")
        # one scan: a pair read ahead from each character of the class (a list needs no set)
        self._each = re.compile(f"(?=({content}{{2}})){content}")

    def __call__(self, text: str, end: int = sys.maxsize) -> set[str]:
        """The pairs in text[:end]."""
        pairs = set(self._even.findall(text, 0, end))
        pairs.update(self._odd.findall(text, 0, end))
        return pairs

    def listed(self, text: str) -> list[str]:
        """The pairs in text, once per place (no set is built where only a few are looked up)."""
        return self._each.findall(text)


# The adjacent character pairs that may start a shared word (CJK, no function character): the
# only ones `shared_words` looks at.
content_pairs = PairScan(FUNCTION_CHARS)


def shared_words(a: str, a_pairs: set[str], b: str, b_pairs: set[str]) -> set[str]:
    """Rare dictionary words (2–4 CJK characters, no function characters) in both texts.

    Only character pairs found in both are looked at, so fragments of common words ("区项目"
    of 社区项目) never count: they are not dictionary words.
    """
    common = a_pairs & b_pairs
    content = [p for p in common if _CJK_PAIR.fullmatch(p) and FUNCTION_CHARS.isdisjoint(p)]
    return shared_from(a, b, content)


def shared_from(a: str, b: str, pairs: Iterable[str]) -> set[str]:
    """`shared_words` from content pairs (CJK, no function character) found in both texts."""
    table, found = freq_table(), set()
    for pair in pairs:
        at = a.find(pair)
        count = table.get(pair)
        if count is None or at < 0:
            continue  # the table holds every prefix of its words: no word starts here
        if MIN_WORD_FREQ <= count < RARE_FREQ:
            found.add(pair)
        for size in (3, 4):
            word = a[at : at + size]
            if len(word) < size or word not in b or (count := table.get(word)) is None:
                break  # not in both, or no dictionary word begins with it: nothing longer
            if MIN_WORD_FREQ <= count < RARE_FREQ and FUNCTION_CHARS.isdisjoint(word):
                found.add(word)
    return found
