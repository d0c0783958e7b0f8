"""Find passages printed twice (runs of 20+ characters), by clause-anchored shingles."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from article.model import Duplicate

MIN_RUN = 20
_KEY = 10  # shingle length: a run is found from any clause start at least 10 before its end
_WINDOW = 30  # blocks apart at most (keeps the work linear and repeats local)
_CHUNK = 10  # blocks whose shingles are gathered into one set
_MARKS = "，。、；：！？“”;:!?"
# The shingle at each clause start: after the block start or a run of separators.
_ANCHOR_KEY = re.compile(f"[{_MARKS}\n]++(?=([^\n]{{{_KEY}}}))")


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


def _chunk_keys(texts: list[str]) -> tuple[set[str], set[str]]:
    """The clause-start shingles of some blocks, and those seen twice among them."""
    keys = _ANCHOR_KEY.findall("\n" + "\n".join(texts))  # no key spans two blocks
    unique = set(keys)
    if len(unique) == len(keys):
        return unique, set()
    return unique, {key for key, n in Counter(keys).items() if n > 1}


def _occurrences(text: str, keys: set[str]) -> list[tuple[int, str]]:
    """Every place in `text` where one of `keys` occurs, in text order."""
    found: list[tuple[int, str]] = []
    for key in keys:
        at = text.find(key)
        while at >= 0:
            found.append((at, key))
            at = text.find(key, at + 1)
    found.sort()
    return found


def _window_runs(texts: list[str], keys: set[str], first: int) -> list[Duplicate]:
    """Runs of 20+ characters seeded by `keys` among some neighbouring blocks."""
    joined = "\n".join(texts)
    ends = list(accumulate(len(t) + 1 for t in texts))
    seen: dict[str, tuple[int, int]] = {}
    found: list[Duplicate] = []
    done_until = -1  # seeds inside a run already reported need no second look
    for p, key in _occurrences(joined, keys):
        block = bisect_right(ends, p)
        here = (block, p - (ends[block - 1] if block else 0))
        earlier = seen.get(key)
        seen[key] = here
        if earlier is None or p < done_until or block - earlier[0] > _WINDOW:
            continue
        if earlier[0] >= _CHUNK:
            continue  # both in later chunks: their own window reports them
        (eb, ep), (b, lp) = earlier, here
        if eb == b and lp - ep < MIN_RUN:
            continue
        s1, s2, n = _extend(texts[eb], ep, texts[b], lp, eb == b)
        if n >= MIN_RUN:
            dup = _record(texts, (eb, s1), (b, s2), n)
            found.append(
                Duplicate(dup.block + first, dup.start, dup.end, dup.of_block + first, dup.of_start)
            )
            done_until = p - lp + s2 + n
    return found


def find_duplicates(texts: list[str]) -> list[Duplicate]:
    """Every run of >= 20 characters that appears twice, in reading order of the copies.

    Blocks are read in chunks of `_CHUNK`; set operations (in C) find the shingles repeated
    inside a chunk or shared with the chunks within `_WINDOW` blocks after it, and only those
    are walked in Python.
    """
    chunks = [_chunk_keys(texts[i : i + _CHUNK]) for i in range(0, len(texts), _CHUNK)]
    reach = -(-_WINDOW // _CHUNK)  # chunks after this one that a partner may sit in
    found: dict[tuple[int, int], Duplicate] = {}
    for c, (keys, repeated) in enumerate(chunks):
        later = [k for k, _ in chunks[c + 1 : c + 1 + reach]]
        if later:
            repeated = repeated | keys.intersection(set().union(*later))
        if not repeated:
            continue
        first = c * _CHUNK
        window = texts[first : first + (reach + 1) * _CHUNK]
        for dup in _window_runs(window, repeated, first):
            found.setdefault((dup.block, dup.start), dup)
    return sorted(found.values(), key=lambda d: (d.block, d.start))
