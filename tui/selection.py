"""Selection arithmetic on word or sentence spans, pure so it is tested without a screen."""

from __future__ import annotations

Spans = list[tuple[int, int]]  # contiguous (start, end) ranges covering a block's text


def first_end(spans: Spans, start: int, length: int) -> int:
    """End of the first span that ends after `start` (a one-word selection), else the text end."""
    return next((e for _, e in spans if e > start), length)


def grow(spans: Spans, start: int, end: int) -> int:
    """The selection end moved to the end of the next span; unchanged at the last one."""
    return next((e for _, e in spans if e > end), end)


def shrink(spans: Spans, start: int, end: int) -> int:
    """The selection end moved back one span end, never to or before `start`."""
    ends = [e for _, e in spans if start < e < end]
    return ends[-1] if ends else end
