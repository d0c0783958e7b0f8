"""Sentence and word spans of a block's text, so the reader moves by meaning, not by cells."""

from __future__ import annotations

from article.segment import cut

# A sentence ends after one of these, plus any closing quotes or brackets that follow.
SENTENCE_ENDS = frozenset("。！？；!?;")
CLOSERS = frozenset("”’」』）)】》〉\"'")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Contiguous (start, end) sentence ranges covering `text`; never an empty list."""
    spans: list[tuple[int, int]] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        if text[i] in SENTENCE_ENDS:
            i += 1
            while i < n and (text[i] in SENTENCE_ENDS or text[i] in CLOSERS):
                i += 1
            while i < n and text[i].isspace():
                i += 1
            spans.append((start, i))
            start = i
        else:
            i += 1
    if start < n or not spans:
        spans.append((start, n))
    return spans


def word_spans(text: str) -> list[tuple[int, int]]:
    """Contiguous (start, end) jieba word ranges covering `text` (whitespace included)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for word in cut(text):
        spans.append((pos, pos + len(word)))
        pos += len(word)
    if pos != len(text):  # the tokenizer never drops text; guard anyway so offsets stay true
        spans.append((pos, len(text)))
    return spans or [(0, 0)]


def span_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the span containing `offset` (the last one for offsets at or past the end)."""
    lo, hi = 0, len(spans) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
