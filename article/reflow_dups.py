"""Find passages printed twice (runs of 20+ characters), by clause-anchored shingles."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate

from article.model import Duplicate

MIN_RUN = 20
_KEY = 10  # shingle length: a run is found from any clause start at least 10 before its end
_WINDOW = 30  # blocks apart at most (keeps the work linear and repeats local)
_CHUNK = 10  # blocks whose shingles are gathered into one set
_MARKS = "，。、；：！？“”;:!?"
# The shingle at each clause start: after the block start or a run of separators (found as
# the last separator of the run: one character to test, no run to scan).
_ANCHOR_KEY = re.compile(f"[{_MARKS}\n](?=([^{_MARKS}\n][^\n]{{{_KEY - 1}}}))")


def _same_before(a: str, ea: int, b: str, eb: int) -> int:
    """How many characters before a[ea] and b[eb] agree (galloping slice compares)."""
    size, limit = 1, min(ea, eb)
    while size <= limit and a[ea - size : ea] == b[eb - size : eb]:
        size *= 2
    low, high = size // 2, min(size, limit + 1)  # agree on `low`, disagree on `high` (or edge)
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if a[ea - mid : ea] == b[eb - mid : eb] else (low, mid)
    return low if high > limit or a[ea - high : ea] != b[eb - high : eb] else high


def _same_after(a: str, sa: int, b: str, sb: int, limit: int) -> int:
    """How many characters from a[sa] and b[sb] agree, at most `limit`."""
    size = 1
    while size <= limit and a[sa : sa + size] == b[sb : sb + size]:
        size *= 2
    low, high = size // 2, min(size, limit + 1)
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if a[sa : sa + mid] == b[sb : sb + mid] else (low, mid)
    return low if high > limit or a[sa : sa + high] != b[sb : sb + high] else high


def _extend(a: str, sa: int, b: str, sb: int, same: bool) -> tuple[int, int, int]:
    """Grow a seed match both ways; returns (start in a, start in b, length)."""
    back = _same_before(a, sa, b, sb)
    sa, sb = sa - back, sb - back
    limit = min(len(a) - sa, len(b) - sb)
    if same:  # in one block, the first copy stops where the second starts
        limit = min(limit, sb - sa)
    return sa, sb, _same_after(a, sa, b, sb, limit)


def _record(texts: list[str], first: tuple[int, int], second: tuple[int, int], n: int) -> Duplicate:
    """The copy is the occurrence filling more of its own block; on a tie, the later one."""
    (b1, s1), (b2, s2) = first, second
    if n / max(1, len(texts[b1])) > n / max(1, len(texts[b2])):
        return Duplicate(b1, s1, s1 + n, b2, s2)
    return Duplicate(b2, s2, s2 + n, b1, s1)


@dataclass(frozen=True, slots=True)
class _Page:
    """All blocks in one string ("\n" before each block), with where each block ends."""

    texts: list[str]
    joined: str
    ends: list[int]  # joined offset just past block i (where the next "\n" stands)

    @classmethod
    def of(cls, texts: list[str]) -> _Page:
        """Join once; every later step searches spans of it without copying."""
        ends = list(accumulate(len(t) + 1 for t in texts))
        return cls(texts, "\n" + "\n".join(texts) if texts else "", ends)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Joined offsets covering blocks first..last-1 (with the newline before each)."""
        return (self.ends[first - 1] if first else 0), self.ends[last - 1]

    def locate(self, p: int, first: int, last: int) -> tuple[int, int]:
        """(block, offset in it) of a joined offset inside blocks first..last-1."""
        block = bisect_right(self.ends, p, first, last)
        return block, p - (self.ends[block - 1] if block else 0) - 1


def _chunk_keys(page: _Page, first: int, last: int) -> tuple[set[str], set[str]]:
    """The clause-start shingles of some blocks, and those seen twice among them."""
    keys = _ANCHOR_KEY.findall(page.joined, *page.span(first, last))  # none spans two blocks
    unique = set(keys)
    if len(unique) == len(keys):
        return unique, set()
    return unique, {key for key, n in Counter(keys).items() if n > 1}


def _pairs(text: str, keys: set[str], lo: int, mid: int, hi: int) -> list[tuple[int, int]]:
    """(later, earlier) places of each key in text[lo:hi], for every two successive ones whose
    earlier lies before `mid` (later pairs have windows of their own), in order of the later."""
    pairs: list[tuple[int, int]] = []
    append, find = pairs.append, text.find
    for key in keys:
        prev = find(key, lo, hi)
        while 0 <= prev < mid:
            at = find(key, prev + 1, hi)
            if at < 0:
                break
            append((at, prev))
            prev = at
    pairs.sort()
    return pairs


def _window_runs(page: _Page, keys: set[str], first: int, last: int) -> list[Duplicate]:
    """Runs of 20+ characters seeded by `keys` among blocks first..last-1, whose earlier
    copy lies in the window's first chunk (later chunks have windows of their own)."""
    texts = page.texts
    found: list[Duplicate] = []
    done_until = -1  # seeds inside a run already reported need no second look
    lo, hi = page.span(first, last)
    mid = page.span(first, min(last, first + _CHUNK))[1]
    for p, q in _pairs(page.joined, keys, lo, mid, hi):
        if p < done_until:
            continue
        (eb, ep), (b, lp) = page.locate(q, first, last), page.locate(p, first, last)
        if b - eb > _WINDOW or (eb == b and lp - ep < MIN_RUN):
            continue
        s1, s2, n = _extend(texts[eb], ep, texts[b], lp, eb == b)
        if n >= MIN_RUN:
            found.append(_record(texts, (eb, s1), (b, s2), n))
            done_until = p - lp + s2 + n
    return found


def find_duplicates(texts: list[str]) -> list[Duplicate]:
    """Every run of >= 20 characters that appears twice, in reading order of the copies.

    Blocks are read in chunks of `_CHUNK`; set operations (in C) find the shingles repeated
    inside a chunk or shared with the chunks within `_WINDOW` blocks after it, and only those
    are walked in Python.
    """
    page = _Page.of(texts)
    n = len(texts)
    chunks = [_chunk_keys(page, i, min(n, i + _CHUNK)) for i in range(0, n, _CHUNK)]
    reach = -(-_WINDOW // _CHUNK)  # chunks after this one that a partner may sit in
    found: dict[tuple[int, int], Duplicate] = {}
    for c, (keys, repeated) in enumerate(chunks):
        for later, _ in chunks[c + 1 : c + 1 + reach]:
            repeated = repeated | (keys & later)
        if not repeated:
            continue
        first = c * _CHUNK
        for dup in _window_runs(page, repeated, first, min(n, first + (reach + 1) * _CHUNK)):
            found.setdefault((dup.block, dup.start), dup)
    return sorted(found.values(), key=lambda d: (d.block, d.start))
