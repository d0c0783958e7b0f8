"""Pair dangling ends with the blocks that continue them: global, one-to-one, linear."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable

from article.reflow_scoring import MIN_SCORE, Piece, Scored, score_pair
from article.reflow_signals import freq_table

WINDOW = 40  # blocks either side of a dangling end where its partner may be
PLACE_WINDOW = 15  # ... when only its place or a lone first character hints at it


def _is_candidate(a: Piece, b: Piece) -> bool:
    """B may continue A: it is not A, may be continued, and shows a reason or a break."""
    if b is a or b.start is None:
        return False
    return _hinted(b) or b.prev_raw == a.raw


def _hinted(piece: Piece) -> bool:
    """A block whose start or place suggests it continues something."""
    start = piece.start
    return start is not None and bool(start.reason or start.closes_quote or piece.after)


def _context(pieces: list[Piece], order: int) -> Callable[[], str]:
    """The text around a dangling end, for rarity and name checks (built only if asked)."""
    built: list[str] = []

    def text() -> str:
        if not built:
            window = pieces[max(0, order - WINDOW) : order + WINDOW + 1]
            built.append("".join(p.text for p in window))
        return built[0]

    return text


def candidates(pieces: list[Piece]) -> list[Scored]:
    """Every plausible (A, B) pair of one article, scored."""
    hinted = [p for p in pieces if _hinted(p)]
    orders = [p.order for p in hinted]
    next_of = {p.prev_raw: p for p in pieces}
    scored: list[Scored] = []
    for a in pieces:
        if not a.dangling:
            continue
        near = hinted[
            bisect_left(orders, a.order - WINDOW) : bisect_right(orders, a.order + WINDOW)
        ]
        following = next_of.get(a.raw)
        if following is not None and all(b is not following for b in near):
            near.append(following)
        context = _context(pieces, a.order)
        reach = _reach(a.text)
        for b in near:
            if b.prev_raw != a.raw and _lone_far(b) and not _may_bind(reach, b.text[0]):
                continue  # a lone first character far away needs a word with A's tail
            if _place_only(b) and abs(b.order - a.order) > PLACE_WINDOW:
                continue  # a weakly hinted block is not a partner from afar
            if _is_candidate(a, b) and (pair := score_pair(a, b, context)) is not None:
                scored.append(pair)
    return scored


def _lone_far(b: Piece) -> bool:
    """B starts with a lone character and nothing about its place suggests a break."""
    start = b.start
    if start is None or start.closes_quote:
        return False
    return start.reason == "single_char" and not b.after


def _place_only(b: Piece) -> bool:
    """Only B's place, or a weak hint (a lone first character), suggests a continuation."""
    start = b.start
    weak = start is not None and start.reason in (None, "single_char")
    return weak and start is not None and not start.closes_quote


def _reach(text: str) -> tuple[str, ...]:
    """A's last one and two characters: what a lone character after the break may extend."""
    return (text[-1:], text[-2:])


def _may_bind(reach: tuple[str, ...], char: str) -> bool:
    """Cheap necessary test for a repeat or a dictionary word across the break.

    jieba's table holds every prefix of its words, so a word spanning the break must have
    A's tail plus B's first character as a key.
    """
    table = freq_table()
    return char == reach[0] or (reach[0] + char) in table or (reach[1] + char) in table


class _Chains:
    """Union-find over blocks so a chain of joins can never close into a loop."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        """The representative of x's chain."""
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        self.parent[x] = root
        return root

    def union(self, x: int, y: int) -> bool:
        """Join two chains; False if they are already one."""
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return False
        self.parent[ry] = rx
        return True


def assign(scored: list[Scored]) -> list[Scored]:
    """Greedy best-first one-to-one choice of joins above the threshold."""
    used_a: set[int] = set()
    used_b: set[int] = set()
    chains = _Chains()
    chosen: list[Scored] = []
    for pair in sorted(scored, key=lambda s: (-s.score, abs(s.b - s.a))):
        if pair.score < MIN_SCORE:
            break
        if pair.a in used_a or pair.b in used_b or not chains.union(pair.a, pair.b):
            continue
        used_a.add(pair.a)
        used_b.add(pair.b)
        chosen.append(pair)
    return chosen
