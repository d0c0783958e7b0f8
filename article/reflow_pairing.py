"""Pair dangling ends with the blocks that continue them: global, one-to-one, linear."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from heapq import heapify, heappop, heappush
from itertools import accumulate

from article.reflow_scoring import (
    COHESION_MAX,
    MIN_SCORE,
    Context,
    Piece,
    Scored,
    Tail,
    score_pair,
    tail_of,
    with_cohesion,
)
from article.reflow_signals import ends_with_numeral, freq_table, is_cjk
from article.reflow_words import AGENT_ENDS

WINDOW = 40  # blocks either side of a dangling end where its partner may be
PLACE_WINDOW = 15  # ... when only its place or a lone first character hints at it
_WEAK_REASONS = (None, "single_char")  # starts that hint at a continuation only weakly


def _contexts(texts: list[str]) -> Callable[[int], Context]:
    """The context of the dangling end at a given order: WINDOW body blocks either side."""
    text = "".join(texts)
    offsets = [0, *accumulate(map(len, texts))]
    last = len(texts)
    return lambda order: Context(
        text, offsets[max(0, order - WINDOW)], offsets[min(last, order + WINDOW + 1)]
    )


def _window(group: list[Piece], orders: list[int], at: int, reach: int) -> list[Piece]:
    """The pieces of a group (sorted by order) within `reach` blocks of position `at`."""
    return group[bisect_left(orders, at - reach) : bisect_right(orders, at + reach)]


def _hinted(pieces: list[Piece]) -> tuple[list[Piece], list[Piece]]:
    """Blocks whose start or place suggests they continue something: those with a strong hint,
    and those where only the place or a lone first character hints at it (weak)."""
    strong: list[Piece] = []
    weak: list[Piece] = []
    for p in pieces:
        start = p.start
        if start is None or not (start.reason or start.closes_quote or p.after):
            continue
        if start.reason in _WEAK_REASONS and not start.closes_quote:
            weak.append(p)
        else:
            strong.append(p)
    return strong, weak


@dataclass(slots=True)
class Candidates:
    """The scored pairs of one article (shared words not yet weighed), with what weighing
    them needs: the pieces by raw index and each dangling end's context."""

    scored: list[Scored]
    by_raw: dict[int, Piece]
    contexts: dict[int, Context]


def candidates(pieces: list[Piece], texts: list[str]) -> Candidates:
    """Every plausible (A, B) pair of one article, scored: `pieces` are its blocks that may
    take part in a join, `texts` the text of every body block, in reading order."""
    scored: list[Scored] = []
    contexts: dict[int, Context] = {}
    if not any(p.dangling for p in pieces):
        return Candidates(scored, {}, contexts)  # no dangling end: nothing to pair
    strong, weak = _hinted(pieces)
    strong_orders, weak_orders = [p.order for p in strong], [p.order for p in weak]
    by_raw = {p.raw: p for p in pieces}
    context_at = _contexts(texts)
    for a in pieces:
        if not a.dangling:
            continue
        tail = tail_of(a)
        near = _strong_near(tail, _window(strong, strong_orders, a.order, WINDOW))
        weak_near = _window(weak, weak_orders, a.order, PLACE_WINDOW)
        if weak_near:
            near.extend(_weak_near(tail, weak_near))
        following = by_raw.get(a.raw + 1)  # the block printed right after it
        if following is not None and following.start is not None and following not in near:
            near.append(following)
        context = contexts[a.raw] = context_at(a.order)
        for b in near:
            if b is not a and (pair := score_pair(a, b, context)) is not None:
                scored.append(pair)
    return Candidates(scored, by_raw, contexts)


def _strong_near(tail: Tail, window: list[Piece]) -> list[Piece]:
    """Blocks whose orphan start this end could supply (others score -10 or -4 and cannot win).

    Only blocks far from a break are filtered this way; adjacent ones are always scored.
    """
    fits, open_quote = _fitting(tail), tail.open_quote
    return [
        b
        for b in window
        if (open_quote or not b.start.closes_quote)  # type: ignore[union-attr]
        and (b.start.reason in fits or b.after == "figure")  # type: ignore[union-attr]
    ]


def _weak_near(tail: Tail, window: list[Piece]) -> list[Piece]:
    """Weakly hinted blocks worth scoring: a lone first character needs a word across the
    break, a title a full name. jieba's table holds every prefix of its words, so such a word
    has A's tail plus B's first character as a key."""
    if tail.title_end:
        return window
    table, last, last2 = freq_table(), tail.text[-1:], tail.text[-2:]
    if last2 not in table:  # no word begins with A's last two characters
        last2 = last
    return [
        b
        for b in window
        if b.after == "figure"
        or (char := b.text[0]) == last
        or (last + char) in table
        or (last2 + char) in table
    ]


def _contested(scored: list[Scored]) -> list[bool]:
    """Pairs where shared rare words can change the outcome: below the bar, or with a close
    rival for their A or their B (only these have shared words weighed)."""
    by_a: dict[int, list[float]] = {}
    by_b: dict[int, list[float]] = {}
    for pair in scored:
        by_a.setdefault(pair.a, []).append(pair.score)
        by_b.setdefault(pair.b, []).append(pair.score)

    def contested(pair: Scored) -> bool:
        if pair.score < MIN_SCORE:
            return True
        rivals = by_a[pair.a] + by_b[pair.b]
        if len(rivals) == 2:
            return False  # itself twice: no rival at all
        return sum(abs(s - pair.score) <= COHESION_MAX for s in rivals) > 2  # itself twice

    return [contested(p) for p in scored]


_FITS: dict[tuple[str, bool, bool], frozenset[str | None]] = {}


def _fitting(tail: Tail) -> frozenset[str | None]:
    """Orphan starts this dangling end could supply (the rest score -10 or -4 and cannot win);
    they depend on its last character, surname and quantity only, so each set is built once."""
    key = (tail.text[-1], bool(tail.surname), bool(tail.quantity))
    fits = _FITS.get(key)
    if fits is None:
        fits = _FITS[key] = _fits(*key)
    return fits


def _fits(last: str, surname: bool, quantity: bool) -> frozenset[str | None]:
    """`_fitting` for one last character, surname and quantity."""
    fits: set[str | None] = {None, "single_char"}
    if last in AGENT_ENDS:
        fits.add("speech_verb")
    if surname:
        fits.add("name_fragment")
    if ends_with_numeral(last):
        fits.add("measure")
    if quantity or last.isdigit():
        fits.add("amount")
    if is_cjk(last) or last.isalnum():
        fits.update(("bound_char", "closing_punct"))
    return frozenset(fits)


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


def assign(found: Candidates) -> list[Scored]:
    """Greedy best-first one-to-one choice of joins above the threshold.

    Shared words are weighed lazily: a contested pair enters the queue at the most they could
    add, and is weighed only when it reaches the front with its A and B still free, then
    queued again at its true score. Pairs come out in the order of sorting them all by true
    score (ties: shorter distance, then the order they were found), as no true score exceeds
    its bound; a pair whose A or B is taken by then would be refused at its true place too.
    """
    scored = found.scored
    queue = [
        (-(pair.score + COHESION_MAX) if open_ else -pair.score, abs(pair.b - pair.a), i, open_)
        for i, (pair, open_) in enumerate(zip(scored, _contested(scored), strict=True))
    ]
    heapify(queue)
    used_a: set[int] = set()
    used_b: set[int] = set()
    chains = _Chains()
    chosen: list[Scored] = []
    while queue:
        key, distance, i, open_ = heappop(queue)
        if -key < MIN_SCORE:
            break
        pair = scored[i]
        if pair.a in used_a or pair.b in used_b:
            continue
        if open_:
            if chains.find(pair.a) != chains.find(pair.b):
                pair = scored[i] = _weighed(pair, found)
                heappush(queue, (-pair.score, distance, i, False))
            continue
        if not chains.union(pair.a, pair.b):
            continue
        used_a.add(pair.a)
        used_b.add(pair.b)
        chosen.append(pair)
    return chosen


def _weighed(pair: Scored, found: Candidates) -> Scored:
    """The pair with rare words shared across the break added."""
    by_raw = found.by_raw
    return with_cohesion(pair, by_raw[pair.a], by_raw[pair.b], found.contexts[pair.a])
