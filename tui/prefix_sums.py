"""Prefix sums cheap to update: line tops of a long document change one block at a time."""

from __future__ import annotations

import itertools
from bisect import bisect_right


class PrefixSums:
    """Sums of counts[:i] as a fixed base plus a Fenwick tree of later changes (O(log n) each)."""

    def __init__(self, counts: list[int]) -> None:
        self._base = [0, *itertools.accumulate(counts)]
        self._tree = [0] * (len(counts) + 1)
        self._changed = False

    def __len__(self) -> int:
        """Number of counts."""
        return len(self._tree) - 1

    def add(self, index: int, delta: int) -> None:
        """counts[index] += delta."""
        if not delta:
            return
        self._changed = True
        tree = self._tree
        i = index + 1
        while i < len(tree):
            tree[i] += delta
            i += i & -i

    def prefix(self, index: int) -> int:
        """sum(counts[:index])."""
        total = self._base[index]
        if self._changed:
            tree = self._tree
            i = index
            while i > 0:
                total += tree[i]
                i -= i & -i
        return total

    @property
    def total(self) -> int:
        """sum(counts)."""
        return self.prefix(len(self))

    def find(self, value: int) -> int:
        """The last index i with prefix(i) <= value, clamped to the counts (0 when empty)."""
        n = len(self)
        if n == 0:
            return 0
        found = bisect_right(range(n + 1), value, key=self.prefix) - 1
        return min(max(found, 0), n - 1)
