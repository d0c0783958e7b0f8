"""Candidate entity spans and the overlap rule, shared by every entity rule module."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple

HAN_LO, HAN_HI = "\u4e00", "\u9fff"


class Span(NamedTuple):
    """A candidate entity inside one block: offsets, type, and how much to trust it."""

    start: int
    end: int
    type: str
    priority: int
    why: str = ""  # the rule or evidence, shown to the reader


def words(listing: str) -> tuple[str, ...]:
    """A space-separated word list written inline, kept readable in the source."""
    return tuple(listing.split())


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph, the characters names are made of."""
    return HAN_LO <= ch <= HAN_HI


def resolve(spans: list[Span]) -> list[Span]:
    """Non-overlapping spans in text order: higher priority wins, then the longer span."""
    ranked = sorted(spans, key=lambda s: (-s.priority, -(s.end - s.start), s.start))
    size = max((s.end for s in spans), default=0)
    used = bytearray(size)
    taken: list[Span] = []
    for span in ranked:
        if not any(used[span.start : span.end]):
            used[span.start : span.end] = b"\x01" * (span.end - span.start)
            taken.append(span)
    return sorted(taken, key=lambda s: s.start)


class Cover:
    """Which ranges some span overlaps, asked in log time: a 5 MB block has thousands of spans
    and as many questions, and a scan of every span per question grows with their product."""

    def __init__(self, spans: Iterable[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self._starts = [s.start for s in ordered]
        self._reach = list(accumulate((s.end for s in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span has start < `end` and `start` < its end."""
        count = bisect_left(self._starts, end)
        return count > 0 and self._reach[count - 1] > start

    def covers(self, pos: int) -> bool:
        """Whether `pos` lies inside some span (start <= pos < end)."""
        return self.overlaps(pos, pos + 1)
