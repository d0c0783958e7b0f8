"""Fast literal search: CPython's search for short CJK needles is slow, for one character not."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

_STEPS = 10  # first-character hits tried one by one before a plain search is cheaper
_PAIR_STEPS = 40  # the same for two-character words, each step skipping more


def find(text: str, word: str, start: int = 0, end: int | None = None) -> int:
    """`text.find(word, start, end)`, several times faster for short Chinese words: a search
    for one character runs at memory speed, one for two characters does not."""
    end = len(text) if end is None else end
    if len(word) == 2:
        return _find_pair(text, word, start, end)
    first = word[:1]
    at = text.find(first, start, end)
    for _ in range(_STEPS):
        if at < 0 or text.startswith(word, at, end):
            return at
        at = text.find(first, at + 1, end)
    return text.find(word, at, end) if at >= 0 else -1


def _find_pair(text: str, word: str, start: int, end: int) -> int:
    """`find` for a two-character word: each character's next place is found in turn (one
    character searches), each skipping the other's misses, until they stand side by side."""
    first, second = word
    find = text.find
    at = find(first, start, end - 1)
    for _ in range(_PAIR_STEPS):
        if at < 0:
            return -1
        after = find(second, at + 1, end)
        if after < 0:
            return -1
        if after == at + 1:
            return at
        at = find(first, after - 1, end - 1)  # no earlier `first` is followed by `second`
    return find(word, at, end) if at >= 0 else -1


def contains(text: str, word: str, start: int = 0, end: int | None = None) -> bool:
    """`word in text[start:end]`, fast (see `find`)."""
    return find(text, word, start, end) >= 0


def found_in(words: list[str], text: str) -> list[str]:
    """The words that occur in a text, in their given order."""
    return [word for word in words if find(text, word) >= 0]


def found_in_each(words: list[str], texts: list[str]) -> list[list[str]]:
    """`found_in(words, text)` for each text, scanning all texts about once per word: after a
    hit the search goes on from the next text. Words must hold no newline."""
    joined = "\n".join(texts)
    starts = [0, *accumulate(len(t) + 1 for t in texts)]  # where each text begins
    found: list[list[str]] = [[] for _ in texts]
    end, last = len(joined), len(texts) - 1
    for word in words:
        search = _find_pair if len(word) == 2 else find  # the usual topic word: a pair
        at = search(joined, word, 0, end)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            found[k].append(word)
            at = search(joined, word, starts[k + 1], end) if k < last else -1
    return found
