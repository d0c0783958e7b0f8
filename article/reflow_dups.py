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
_MARKS = "，。、；：！？“”;:!?"
_SEPARATORS = re.compile(f"[{_MARKS}\n]+")


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


def _anchors(texts: list[str]) -> tuple[list[int], list[str], set[str]]:
    """Clause-start offsets in the joined text, their shingles, and the shingles seen twice."""
    joined = "\n".join(texts)  # blocks never hold a newline, so no shingle spans two blocks
    starts = [0, *(m.end() for m in _SEPARATORS.finditer(joined))]
    keys = [joined[p : p + _KEY] for p in starts]
    repeated = {key for key, n in Counter(keys).items() if n > 1 and "\n" not in key}
    return starts, keys, repeated


def find_duplicates(texts: list[str]) -> list[Duplicate]:
    """Every run of >= 20 characters that appears twice, in reading order of the copies."""
    starts, keys, repeated = _anchors(texts)
    ends = list(accumulate(len(t) + 1 for t in texts))
    seen: dict[str, tuple[int, int]] = {}
    found: list[Duplicate] = []
    done_until = -1  # anchors inside a run already reported need no second look
    for i in [i for i, key in enumerate(keys) if key in repeated]:
        p = starts[i]
        block = bisect_right(ends, p)
        here = (block, p - (ends[block - 1] if block else 0))
        earlier = seen.get(keys[i])
        seen[keys[i]] = here
        if earlier is None or p < done_until or block - earlier[0] > _WINDOW:
            continue
        (eb, ep), (b, lp) = earlier, here
        if eb == b and lp - ep < MIN_RUN:
            continue
        s1, s2, n = _extend(texts[eb], ep, texts[b], lp, eb == b)
        if n >= MIN_RUN:
            found.append(_record(texts, (eb, s1), (b, s2), n))
            done_until = p - lp + s2 + n
    return sorted(found, key=lambda d: (d.block, d.start))
