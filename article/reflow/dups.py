"""Find passages printed twice (runs of 20+ characters), by clause-anchored shingles."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, chain, count, repeat
from operator import add

from article.model import Duplicate

MIN_RUN = 20
_KEY = 10  # shingle length: a run is found from any clause start at least 10 before its end
_WINDOW = 30  # blocks apart at most (keeps the work linear and repeats local)
# characters a seed match grows back at most: a block repeating itself all the way back from
# every seed (one long line of a text printed over and over) would take quadratic time
_MAX_BACK = 5000
_CHUNK = 10  # blocks whose shingles are gathered into one set
_AHEAD = range(1, -(-_WINDOW // _CHUNK) + 1)  # chunks after one that a partner may sit in
_REACH = len(_AHEAD) + 1  # chunks in one window
_MARKS = "，。、；：！？“”;:!?"
# The shingle at each clause start: after the block start or a run of separators (found as
# the last separator of the run: one character to test, no run to scan).
_ANCHOR_KEY = re.compile(f"[{_MARKS}\n](?=([^{_MARKS}\n][^\n]{{{_KEY - 1}}}))")


def _same_before(a: str, ea: int, b: str, eb: int, low: int = 0, limit: int = -1) -> int:
    """How many characters before a[ea] and b[eb] agree, knowing `low` do and at most `limit`
    can (galloping; each test slices b only, `endswith` reads a in place)."""
    limit = min(ea, eb) if limit < 0 else limit
    size = low * 2 or 1
    while size <= limit and a.endswith(b[eb - size : eb], 0, ea):
        low, size = size, size * 2
    high = min(size, limit + 1)  # agree on `low`, disagree on `high` (or past the limit)
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if a.endswith(b[eb - mid : eb], 0, ea) else (low, mid)
    return low


def _same_after(a: str, sa: int, b: str, sb: int, limit: int, low: int = 0) -> int:
    """How many characters from a[sa] and b[sb] agree, at most `limit`, knowing `low` do."""
    size = low * 2 or 1
    while size <= limit and a.startswith(b[sb : sb + size], sa):
        low, size = size, size * 2
    high = min(size, limit + 1)
    while high - low > 1:
        mid = (low + high) // 2
        low, high = (mid, high) if a.startswith(b[sb : sb + mid], sa) else (low, mid)
    return low


def _extend(a: str, sa: int, b: str, sb: int, same: bool) -> tuple[int, int, int]:
    """Grow a seed match both ways; returns (start in a, start in b, length), the length exact
    only when it reaches `MIN_RUN` (shorter runs are dropped, so they end the look early)."""
    back = min(sa, sb, _MAX_BACK)
    if not back or a[sa - 1] != b[sb - 1]:
        back = 0
    elif not a.endswith(b[sb - back : sb], 0, sa):  # most repeats start with their block
        back = _same_before(a, sa, b, sb, 1, back - 1)
    sa, sb = sa - back, sb - back
    limit = min(len(a) - sa, len(b) - sb)
    if same:  # in one block, the first copy stops where the second starts
        limit = min(limit, sb - sa)
    if limit < MIN_RUN or not a.startswith(b[sb : sb + MIN_RUN], sa):
        return sa, sb, 0
    if a.startswith(b[sb : sb + limit], sa):  # and most fill it
        return sa, sb, limit
    return sa, sb, _same_after(a, sa, b, sb, limit - 1, MIN_RUN)


def _record(page: _Page, first: tuple[int, int], second: tuple[int, int], n: int) -> Duplicate:
    """The copy is the occurrence filling more of its own block; on a tie, the later one."""
    (b1, s1), (b2, s2) = first, second
    texts, offset = page.texts, page.offset
    if n / max(1, len(texts[b1])) > n / max(1, len(texts[b2])):
        return Duplicate(b1 + offset, s1, s1 + n, b2 + offset, s2)
    return Duplicate(b2 + offset, s2, s2 + n, b1 + offset, s1)


@dataclass(frozen=True, slots=True)
class _Page:
    """All blocks in one string ("\n" before each block), with where each block ends."""

    texts: list[str]
    joined: str
    ends: list[int]  # joined offset just past block i (where the next "\n" stands)
    begins: list[int]  # joined offset of the "\n" before block i
    offset: int = 0  # the document's index of block 0

    @classmethod
    def of(cls, texts: list[str], offset: int = 0) -> _Page:
        """Join once; every later step searches spans of it without copying."""
        ends = list(map(add, accumulate(map(len, texts)), count(1)))  # one "\n" per block
        joined = "\n".join(["", *texts]) if texts else ""
        return cls(texts, joined, ends, [0, *ends[:-1]], offset)


def _twice(keys: list[str], unique: set[str]) -> set[str]:
    """The shingles met more than once in one chunk (none when the set kept them all)."""
    if len(unique) == len(keys):
        return set()
    return _earlier_places(keys, unique.copy())  # the copy is walked down: `unique` stays


def _earlier_places(keys: list[str], left: set[str]) -> set[str]:
    """Keys of one chunk, walked backwards, that `left` no longer holds: met again later."""
    met: Callable[[str], object] = left.remove  # walking back, a key's last place removes it
    return {key for key in reversed(keys) if key not in left or met(key)}


def _met_later(lists: list[list[str]]) -> list[set[str]]:
    """Per chunk, its shingles met again further on, when all chunks lie in one window (one set
    for the page, no intersections); none at all when no shingle repeats."""
    left = set(chain.from_iterable(lists))
    if len(left) == sum(map(len, lists)):
        return []
    later = list(map(_earlier_places, reversed(lists), repeat(left)))
    later.reverse()
    return later


def _repeated_keys(page: _Page) -> list[set[str]]:
    """Per chunk of `_CHUNK` blocks, its clause-start shingles seen twice in it or again in the
    chunks within `_WINDOW` blocks after it (maybe none at all when no shingle repeats); on
    longer pages every pass over the chunks runs in C (map)."""
    stops = page.ends[_CHUNK - 1 :: _CHUNK]
    if len(page.ends) % _CHUNK:
        stops.append(page.ends[-1])
    lists = list(map(_ANCHOR_KEY.findall, repeat(page.joined), [0, *stops[:-1]], stops))
    if len(lists) <= _REACH:  # most articles
        return _met_later(lists)
    sets = list(map(set, lists))  # no shingle spans two blocks
    empty: set[str] = set()
    shared = (map(set.intersection, sets, chain(sets[k:], repeat(empty, k))) for k in _AHEAD)
    return list(map(set.union, map(_twice, lists, sets), *shared))


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
    texts, ends, begins = page.texts, page.ends, page.begins
    found: list[Duplicate] = []
    done_until = -1  # seeds inside a run already reported need no second look
    lo, hi = begins[first], ends[last - 1]
    for p, q in _pairs(page.joined, keys, lo, ends[min(last, first + _CHUNK) - 1], hi):
        if p < done_until:
            continue
        b, eb = bisect_right(ends, p, first, last), bisect_right(ends, q, first, last)
        lp, ep = p - begins[b] - 1, q - begins[eb] - 1
        if b - eb > _WINDOW or (eb == b and lp - ep < MIN_RUN):
            continue
        s1, s2, n = _extend(texts[eb], ep, texts[b], lp, eb == b)
        if n >= MIN_RUN:
            found.append(_record(page, (eb, s1), (b, s2), n))
            done_until = p - lp + s2 + n
    return found


def find_duplicates(texts: list[str], offset: int = 0) -> list[Duplicate]:
    """Every run of >= 20 characters that appears twice, in reading order of the copies
    (`offset`: the document's index of the first of these blocks).

    Blocks are read in chunks of `_CHUNK`; set operations (in C) find the shingles repeated
    inside a chunk or shared with the chunks within `_WINDOW` blocks after it, and only those
    are walked in Python.
    """
    page = _Page.of(texts, offset)
    n = len(texts)
    found: dict[tuple[int, int], Duplicate] = {}
    for c, repeated in enumerate(_repeated_keys(page) if texts else []):
        if repeated:
            first = c * _CHUNK
            for dup in _window_runs(page, repeated, first, min(n, first + _REACH * _CHUNK)):
                found.setdefault((dup.block, dup.start), dup)
    return [found[key] for key in sorted(found)]
