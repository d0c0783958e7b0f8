"""Pair dangling ends with the blocks that continue them: global, one-to-one, linear."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from heapq import heappop, heappush
from itertools import accumulate, compress
from operator import sub

from article.reflow.scoring import (
    MIN_SCORE,
    Context,
    Piece,
    Scored,
    Tail,
    score_end,
    tail_of,
    with_cohesion,
)
from article.reflow.shared import COHESION_MAX
from article.reflow.signals import ends_with_numeral, freq_table, is_cjk
from article.reflow.words import AGENT_ENDS

WINDOW = 40  # blocks either side of a dangling end where its partner may be
PLACE_WINDOW = 15  # ... when only its place or a lone first character hints at it
CROWDED = 3000  # pieces of one article beyond any real one's: a pathological input
CROWDED_WINDOW = 8  # ... where a partner is looked for this near only, to stay linear
_WEAK_REASONS = (None, "single_char")  # starts that hint at a continuation only weakly


class _Contexts:
    """The context of a dangling end at a given order: WINDOW body blocks either side (the
    article's text is joined only when a context is first asked for: most never are)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.text = ""
        self.offsets: list[int] = []

    def __call__(self, order: int) -> Context:
        """The context of the dangling end at `order`."""
        if not self.offsets:
            self.text = "".join(self.texts)
            self.offsets = [0, *accumulate(map(len, self.texts))]
        at, last = self.offsets, len(self.texts)
        return Context(self.text, at[max(0, order - WINDOW)], at[min(last, order + WINDOW + 1)])


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


_Kind = tuple[str | None, bool, bool]  # a start's reason, whether it closes a quote, figure


class _Strong:
    """Strongly hinted blocks of an article in reading order, with what `near` filters on."""

    def __init__(self, strong: list[Piece], window: int = WINDOW) -> None:
        self.pieces = strong
        self.window = window
        self.orders = [p.order for p in strong]
        self.kinds: list[_Kind] = [
            (p.start.reason, p.start.closes_quote, p.after == "figure")  # type: ignore[union-attr]
            for p in strong
        ]
        self.distinct = set(self.kinds)
        # allowed kinds by the starts an end could supply, and its quote state
        self.allowed: dict[tuple[frozenset[str | None], bool], set[_Kind]] = {}

    def near(self, tail: Tail, order: int) -> list[Piece]:
        """Blocks within WINDOW whose orphan start this end could supply (others score -10 or
        -4 and cannot win); filtered in C by the kind of their start."""
        lo = bisect_left(self.orders, order - self.window)
        hi = bisect_right(self.orders, order + self.window)
        if lo == hi:
            return []
        key = (_fitting(tail), tail.open_quote)  # few distinct ones: most are found at once
        allowed = self.allowed.get(key)
        if allowed is None:
            allowed = self.allowed[key] = self._allowed(*key)
        return list(compress(self.pieces[lo:hi], map(allowed.__contains__, self.kinds[lo:hi])))

    def _allowed(self, fits: frozenset[str | None], open_quote: bool) -> set[_Kind]:
        """The kinds of start an end with these fits and quote state could supply."""
        return {
            kind
            for kind in self.distinct
            if (open_quote or not kind[1]) and (kind[0] in fits or kind[2])
        }


@dataclass(slots=True)
class Candidates:
    """The scored pairs of one article (shared words not yet weighed), with what weighing
    them needs: the pieces by raw index and each dangling end's context."""

    scored: list[Scored]
    by_raw: dict[int, Piece]
    context_at: Callable[[int], Context]


def candidates(pieces: list[Piece], texts: list[str]) -> Candidates:
    """Every plausible (A, B) pair of one article, scored: `pieces` are its blocks that may
    take part in a join, `texts` the text of every body block, in reading order."""
    scored: list[Scored] = []
    context_at = _Contexts(texts)
    if not any(p.dangling for p in pieces):
        return Candidates(scored, {}, context_at)  # no dangling end: nothing to pair
    strong_pieces, weak = _hinted(pieces)
    crowded = len(pieces) > CROWDED  # no real article has this many pieces: look nearer
    window, place_window = (
        (CROWDED_WINDOW, CROWDED_WINDOW // 2) if crowded else (WINDOW, PLACE_WINDOW)
    )
    strong, weak_orders = _Strong(strong_pieces, window), [p.order for p in weak]
    by_raw = {p.raw: p for p in pieces}
    for a in pieces:
        if not a.dangling:
            continue
        tail = tail_of(a)
        near = strong.near(tail, a.order)
        weak_near = _window(weak, weak_orders, a.order, place_window)
        if weak_near:
            near.extend(_weak_near(tail, weak_near))
        following = by_raw.get(a.raw + 1)  # the block printed right after it
        if following is not None and following.start is not None and following not in near:
            near.append(following)
        if near:
            scored.extend(score_end(a, tail, near, context_at))
    return Candidates(scored, by_raw, context_at)


def _window(group: list[Piece], orders: list[int], at: int, reach: int) -> list[Piece]:
    """The pieces of a group (sorted by order) within `reach` blocks of position `at`."""
    return group[bisect_left(orders, at - reach) : bisect_right(orders, at + reach)]


def _weak_near(tail: Tail, window: list[Piece]) -> list[Piece]:
    """Weakly hinted blocks worth scoring: a lone first character needs a word across the
    break, a title a full name. jieba's table holds every prefix of its words, so such a word
    has A's tail plus B's first character as a key."""
    if tail.title_end or len(tail.surname) == 2:
        return window  # a title wants a name; 董事长汪一 the rest of one (汪一 + 舟表示)
    table, last, last2 = freq_table(), tail.text[-1:], tail.text[-2:]
    two = last2 in table  # else no word begins with A's last two characters
    return [
        b
        for b in window
        if b.after == "figure"
        or (c := b.text[0]) == last
        or last + c in table
        or (two and last2 + c in table)
    ]


def _contested(scored: list[Scored]) -> list[bool]:
    """Pairs where shared rare words can change the outcome: below the bar, or with a close
    rival for their A or their B (only these have shared words weighed)."""
    by_a: dict[int, list[int]] = {}
    by_b: dict[int, list[int]] = {}
    for i, pair in enumerate(scored):
        by_a.setdefault(pair.a, []).append(i)
        by_b.setdefault(pair.b, []).append(i)
    scores = [pair.score for pair in scored]
    contested = [score < MIN_SCORE for score in scores]
    for group in (*by_a.values(), *by_b.values()):
        if len(group) > 1:
            _mark_rivalled(scores, group, contested)
    return contested


def _mark_rivalled(scores: list[float], group: list[int], contested: list[bool]) -> None:
    """Mark the pairs of one group (one A's or one B's) that have another within COHESION_MAX:
    in score order the nearest rival is a neighbour, so a block with ~80 candidates costs a
    sort, not 80 × 80 comparisons (keys looked up in C: a page of fragments has 400k pairs)."""
    ranked = sorted(group, key=scores.__getitem__)
    values = list(map(scores.__getitem__, ranked))
    for k, gap in enumerate(map(sub, values[1:], values)):
        if gap <= COHESION_MAX:
            contested[ranked[k]] = contested[ranked[k + 1]] = True


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
    if last.isdigit() or last in "%％" or quantity:
        fits.add("change_to")  # "…由去年的4.6%" + "下调至3.9%"
    if is_cjk(last) or last.isalnum():
        fits.update(("bound_char", "closing_punct"))
    return frozenset(fits)


_Entry = tuple[float, int, int, bool]  # minus the score (or its bound), distance, index, open


def assign(found: Candidates) -> list[Scored]:
    """Greedy best-first one-to-one choice of joins above the threshold.

    Shared words are weighed lazily: a contested pair enters the queue at the most they could
    add, and is weighed only when it reaches the front with its A and B still free, then
    queued again at its true score. Pairs come out in the order of sorting them all by true
    score (ties: shorter distance, then the order they were found), as no true score exceeds
    its bound; a pair whose A or B is taken by then would be refused at its true place too.
    """
    scored, by_raw = found.scored, found.by_raw
    ranked = [
        (-(pair.score + COHESION_MAX) if open_ else -pair.score, abs(pair.b - pair.a), i, open_)
        for i, (pair, open_) in enumerate(zip(scored, _contested(scored), strict=True))
    ]
    ranked.sort()  # one sort costs less than a heap of every pair: only weighed ones are heaped
    weighed: list[_Entry] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    # Joins make chains that run one way (an A and a B take part in one join each), so a join
    # closes a loop only when its B begins the chain that its A ends: each chain's first block
    # is kept by its last one, and its last by its first.
    first_of: dict[int, int] = {}
    last_of: dict[int, int] = {}
    chosen: list[Scored] = []
    for key, distance, i, open_ in _merged(ranked, weighed):
        if -key < MIN_SCORE:
            break
        pair = scored[i]
        a, b = pair.a, pair.b
        if a in used_a or b in used_b or first_of.get(a, a) == b:
            continue
        if open_:
            pair = scored[i] = with_cohesion(pair, by_raw[a], by_raw[b], found.context_at)
            heappush(weighed, (-pair.score, distance, i, False))
            continue
        first, last = first_of.pop(a, a), last_of.pop(b, b)
        first_of[last], last_of[first] = first, last
        used_a.add(a)
        used_b.add(b)
        pair.evidence = tuple(filter(None, pair.evidence))  # notes of missing evidence are ""
        chosen.append(pair)
    return chosen


def _merged(ranked: list[_Entry], weighed: list[_Entry]) -> Iterator[_Entry]:
    """The entries of `ranked` (sorted) and of the heap `weighed` (which the caller fills
    while reading) in one sorted order, as a heap of them all would give them."""
    for entry in ranked:
        while weighed and weighed[0] < entry:
            yield heappop(weighed)
        yield entry
    while weighed:
        yield heappop(weighed)
