"""Group raw blocks into articles; move sections printed inside the wrong article back home."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from article.model import BYLINE, CONTINUATION, HEADING, TITLE, RawBlock
from article.reflow_find import found_in, found_in_each
from article.reflow_terms import SAMPLE, PageTerms, content_words, page_terms

_INCOMING = re.compile(r"^[（(【\[]?\s*(?:上接|接|续)")
_LOOKBACK = 6  # earlier articles a section may belong to (keeps the search linear)
_MIN_SHARED = 2  # people or catchwords a section must share with another article to move there
_MIN_WORD_SHARE = 0.25  # share of a passage's rarer words found in the article it belongs to


@dataclass(slots=True)
class Plan:
    """One article being assembled: its blocks (raw indices) in reading order."""

    title: str | None
    byline: str | None
    members: list[int]
    terms: set[str] = field(default_factory=set)  # people and catchwords of its blocks


@dataclass(frozen=True, slots=True)
class Move:
    """A passage that was printed in one article but belongs to an earlier one."""

    blocks: list[int]
    from_article: int
    to_article: int
    shared: tuple[str, ...]


def _spans(raw: list[RawBlock]) -> list[tuple[bool, list[int]]]:
    """Cut the page at titles and at incoming continuation markers ("上接 B2")."""
    if not raw:
        return []
    cuts = [
        (i, block.kind == CONTINUATION)
        for i, block in enumerate(raw)
        if block.kind == TITLE or (block.kind == CONTINUATION and _INCOMING.match(block.text))
    ]
    if not cuts or cuts[0][0] != 0:
        cuts.insert(0, (0, False))  # the page opens with an article of its own
    ends = [i for i, _ in cuts[1:]] + [len(raw)]
    return [
        (continued, list(range(i, end))) for (i, continued), end in zip(cuts, ends, strict=True)
    ]


def _sections(members: list[int], raw: list[RawBlock]) -> list[list[int]]:
    """A section is a heading and what follows it up to the next heading."""
    sections: list[list[int]] = [[]]
    for i in members:
        if raw[i].kind == HEADING and sections[-1]:
            sections.append([])
        sections[-1].append(i)
    return [s for s in sections if s]


def _text(blocks: list[int], raw: list[RawBlock]) -> str:
    """The running text of some blocks."""
    return "".join(raw[i].text for i in blocks)


def _opening(blocks: list[int], raw: list[RawBlock], size: int) -> str:
    """The running text of some blocks, cut short once it holds `size` characters (at least)."""
    parts: list[str] = []
    length = 0
    for i in blocks:
        if length >= size:
            break
        parts.append(raw[i].text)
        length += len(raw[i].text)
    return "".join(parts)


def _found(items: list[str], text: str) -> list[str]:
    """The items that occur in a text."""
    return found_in(items, text)


def _pick(shares: list[tuple[float, int]], minimum: float, own: float, margin: float) -> int | None:
    """The clear winner: at least `minimum`, and over twice every rival's and the own share."""
    if not shares:
        return None
    ranked = sorted(shares, reverse=True)
    best, home = ranked[0]
    runner_up = max([own] + [s for s, _ in ranked[1:]])
    return home if best >= minimum and best >= 2 * runner_up + margin else None


def _new_plan(blocks: list[int], raw: list[RawBlock]) -> Plan:
    """An article from its own span: title and byline are read from its first blocks."""
    title = next((raw[i].text for i in blocks[:1] if raw[i].kind == TITLE), None)
    byline = next((raw[i].text for i in blocks[:3] if raw[i].kind == BYLINE), None)
    return Plan(title, byline, [])


@dataclass(slots=True)
class _Grouper:
    """Walks the page's spans, building articles and deciding where passages belong."""

    raw: list[RawBlock]
    terms: PageTerms
    plans: list[Plan] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    _texts: dict[int, tuple[int, str]] = field(default_factory=dict)

    def text_of(self, j: int) -> str:
        """Running text of article j (cached until the article grows)."""
        plan = self.plans[j]
        cached = self._texts.get(j)
        if cached is None or cached[0] != len(plan.members):
            cached = (len(plan.members), _text(plan.members, self.raw))
            self._texts[j] = cached
        return cached[1]

    def rivals(self) -> range:
        """The earlier articles a passage may belong to."""
        return range(max(0, len(self.plans) - _LOOKBACK), len(self.plans))

    def home(
        self, passage: list[int], own: Callable[[], str] | None
    ) -> tuple[int | None, list[str]]:
        """The earlier article this passage plainly belongs to, and the evidence."""
        terms = set(self.terms.of(passage[0], passage[-1]))
        shares = [(float(len(terms & self.plans[j].terms)), j) for j in self.rivals()]
        own_shared = 0
        if own is not None:
            if not any(share for share, _ in shares):
                return None, []  # a section sharing no person or catchword stays where it is
            own_shared = len(_found(sorted(terms), own()))
        home = _pick(shares, _MIN_SHARED, own_shared, 1.0)
        if home is not None:
            return home, sorted(terms & self.plans[home].terms)
        if own is not None:
            return None, []  # sections move on shared people and catchwords only
        words = content_words(_opening(passage, self.raw, SAMPLE))
        if not words:
            return None, []  # nothing rare to recognise a topic by (Latin text, a few words)
        rivals = list(self.rivals())
        found = dict(
            zip(rivals, found_in_each(words, [self.text_of(j) for j in rivals]), strict=True)
        )
        shares = [(len(found[j]) / len(words), j) for j in rivals]
        home = _pick(shares, _MIN_WORD_SHARE, 0.0, 0.0)
        return home, found[home] if home is not None else []

    def _rest(self, span: list[int], section: list[int]) -> Callable[[], str]:
        """The text of the section's own article without the section (built only if asked)."""
        return lambda: _text([i for i in span if i < section[0] or i > section[-1]], self.raw)

    def move(self, blocks: list[int], home: int, shared: list[str]) -> None:
        """Attach a passage to the earlier article it belongs to."""
        self.moves.append(Move(blocks, len(self.plans), home, tuple(shared[:5])))
        self._add(self.plans[home], blocks)

    def _add(self, plan: Plan, blocks: list[int]) -> None:
        """Append blocks and their terms to an article."""
        plan.members.extend(blocks)
        plan.terms.update(self.terms.of(blocks[0], blocks[-1]))

    def add_span(self, continued: bool, span: list[int]) -> None:
        """Place one span: as a continuation, or as a new article whose sections may move."""
        if continued and self.plans:
            home, shared = self.home(span[1:] or span, None)
            if home is not None:
                self.move(span, home, shared)
                return
        plan = _new_plan(span, self.raw)
        for section in _sections(span, self.raw):
            home = None
            if self.raw[section[0]].kind == HEADING and self.plans:
                home, shared = self.home(section, self._rest(span, section))
            if home is None:
                self._add(plan, section)
            else:
                self.move(section, home, shared)
        self.plans.append(plan)


def group_articles(raw: list[RawBlock]) -> tuple[list[Plan], list[Move]]:
    """Articles in page order, each with its blocks in reading order, and the moves made."""
    grouper = _Grouper(raw, page_terms(raw))
    for continued, span in _spans(raw):
        grouper.add_span(continued, span)
    return grouper.plans, grouper.moves
