"""Group raw blocks into articles; move sections printed inside the wrong article back home."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import compress, pairwise
from operator import attrgetter

from article.model import BYLINE, CONTINUATION, FURNITURE, HEADING, SUBTITLE, TITLE, RawBlock
from article.reflow.find import found_in, found_in_each
from article.reflow.terms import SAMPLE, PageTerms, content_words, page_terms
from article.reflow.words import CLOSERS

_INCOMING = re.compile(r"^[（(【\[]?\s*(?:上接|接|续)")
_OUTGOING = re.compile(r"^[（(【\[]?\s*(?:下转|转)")
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


def _spans(marks: list[int], raw: list[RawBlock]) -> list[tuple[bool, range]]:
    """Cut the page at titles and at incoming continuation markers ("上接 B2")."""
    if not raw:
        return []
    cuts = [
        (_kicker_above(raw, i), raw[i].kind == CONTINUATION)
        for i in marks
        if raw[i].kind == TITLE or (raw[i].kind == CONTINUATION and _INCOMING.match(raw[i].text))
    ]
    if not cuts or cuts[0][0] != 0:
        cuts.insert(0, (0, False))  # the page opens with an article of its own
    ends = [i for i, _ in cuts[1:]] + [len(raw)]
    return [(continued, range(i, end)) for (i, continued), end in zip(cuts, ends, strict=True)]


def _kicker_above(raw: list[RawBlock], i: int) -> int:
    """Where the article of title i begins: at a kicker (a subtitle) set right above it."""
    return i - 1 if i > 0 and raw[i].kind == TITLE and raw[i - 1].kind == SUBTITLE else i


def _sections(span: range, headings: list[int]) -> list[range]:
    """A section is a heading and what follows it up to the next heading."""
    first, end = span.start, span.stop
    cuts = [first, *headings[bisect_right(headings, first) : bisect_left(headings, end)], end]
    return [range(a, b) for a, b in pairwise(cuts)]


def _opening(blocks: range, texts: list[str], size: int) -> str:
    """The running text of some blocks, cut short once it holds `size` characters (at least)."""
    parts: list[str] = []
    length = 0
    for i in blocks:
        if length >= size:
            break
        parts.append(texts[i])
        length += len(texts[i])
    return "".join(parts)


def _pick(shares: list[tuple[float, int]], minimum: float, own: float, margin: float) -> int | None:
    """The clear winner: at least `minimum`, and over twice every rival's and the own share."""
    if not shares:
        return None
    ranked = sorted(shares, reverse=True)
    best, home = ranked[0]
    runner_up = max([own] + [s for s, _ in ranked[1:]])
    return home if best >= minimum and best >= 2 * runner_up + margin else None


def _new_plan(blocks: range, raw: list[RawBlock]) -> Plan:
    """An article from its own span: title and byline are read from its first blocks."""
    title = next((raw[i].text for i in blocks[:2] if raw[i].kind == TITLE), None)
    byline = next((raw[i].text for i in blocks[:3] if raw[i].kind == BYLINE), None)
    return Plan(title, byline, [])


@dataclass(slots=True)
class _Grouper:
    """Walks the page's spans, building articles and deciding where passages belong."""

    raw: list[RawBlock]
    terms: PageTerms
    texts: list[str]  # of every block
    headings: list[int]  # every heading block, ascending
    plans: list[Plan] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    _texts: dict[int, tuple[int, str]] = field(default_factory=dict)

    def text_of(self, j: int) -> str:
        """Running text of article j (cached until the article grows)."""
        members = self.plans[j].members
        count, text = self._texts.get(j, (0, ""))
        if count != len(members):  # blocks are only ever appended: add their text
            text += "".join(map(self.texts.__getitem__, members[count:]))
            self._texts[j] = (len(members), text)
        return text

    def rivals(self) -> range:
        """The earlier articles a passage may belong to."""
        return range(max(0, len(self.plans) - _LOOKBACK), len(self.plans))

    def home(self, passage: range, own: Callable[[], str] | None) -> tuple[int | None, list[str]]:
        """The earlier article this passage plainly belongs to, and the evidence."""
        terms = set(self.terms.of(passage[0], passage[-1]))
        if own is not None and len(terms) < _MIN_SHARED:
            return None, []  # too few people and catchwords to share enough with any article
        plans = self.plans
        shares = [(float(len(terms & plans[j].terms)), j) for j in self.rivals()]
        if own is not None and not any(share for share, _ in shares):
            return None, []  # a section sharing no person or catchword stays where it is
        home = _pick(shares, _MIN_SHARED, 0, 1.0)
        if home is not None and own is not None:
            # the section's own article must share far fewer: only now worth counting
            best = len(terms & self.plans[home].terms)
            if best < 2 * len(found_in(list(terms), own())) + 1.0:
                home = None
        if home is not None:
            return home, sorted(terms & self.plans[home].terms)
        if own is not None:
            return None, []  # sections move on shared people and catchwords only
        words = content_words(_opening(passage, self.texts, SAMPLE))
        if not words:
            return None, []  # nothing rare to recognise a topic by (Latin text, a few words)
        rivals = list(self.rivals())
        found = dict(
            zip(rivals, found_in_each(words, [self.text_of(j) for j in rivals]), strict=True)
        )
        shares = [(len(found[j]) / len(words), j) for j in rivals]
        home = _pick(shares, _MIN_WORD_SHARE, 0.0, 0.0)
        return home, found[home] if home is not None else []

    def _rest(self, span: range, section: range) -> Callable[[], str]:
        """The text of the section's own article without the section (built only if asked)."""
        texts = self.texts
        return lambda: "".join(texts[span.start : section.start] + texts[section.stop : span.stop])

    def move(self, blocks: range, home: int, shared: list[str]) -> None:
        """Attach a passage to the earlier article it belongs to."""
        self.moves.append(Move(list(blocks), len(self.plans), home, tuple(shared[:5])))
        self._add(self.plans[home], blocks)

    def _add(self, plan: Plan, blocks: range) -> None:
        """Append blocks and their terms to an article."""
        plan.members.extend(blocks)
        plan.terms.update(self.terms.of(blocks[0], blocks[-1]))

    def _jumped_from(self) -> int | None:
        """The latest article whose text ends at an outgoing jump marker (下转A3版) cut in
        mid-sentence, when no later article jumps: the one a continuation goes on with."""
        for j in reversed(self.rivals()):
            kept = [i for i in self.plans[j].members if self.raw[i].kind != FURNITURE]
            if len(kept) < 2 or self.raw[kept[-1]].kind != CONTINUATION:
                continue
            text = self.raw[kept[-2]].text
            cut = bool(text) and text[-1] not in CLOSERS  # dangling, as the pairing reads it
            return j if _OUTGOING.match(self.raw[kept[-1]].text) and cut else None
        return None

    def add_span(self, continued: bool, span: range) -> None:
        """Place one span: as a continuation, or as a new article whose sections may move."""
        if continued and self.plans:
            home, shared = self.home(span[1:] or span, None)
            if home is None and (home := self._jumped_from()) is not None:
                shared = ["下转"]  # the article that jumped away just before: no rival
            if home is not None:
                self.move(span, home, shared)
                return
        plan = _new_plan(span, self.raw)
        for section in _sections(span, self.headings):
            home = None
            if self.raw[section[0]].kind == HEADING and self.plans:
                home, shared = self.home(section, self._rest(span, section))
            if home is None:
                self._add(plan, section)
            else:
                self.move(section, home, shared)
        self.plans.append(plan)


_MARK_KINDS = frozenset((TITLE, CONTINUATION, HEADING))  # where spans and sections begin
_kind = attrgetter("kind")  # read from every block of a page: in C, by map
_text = attrgetter("text")


def group_articles(raw: list[RawBlock]) -> tuple[list[Plan], list[Move]]:
    """Articles in page order, each with its blocks in reading order, and the moves made."""
    kinds = list(map(_kind, raw))
    marks = list(compress(range(len(raw)), map(_MARK_KINDS.__contains__, kinds)))
    headings = [i for i in marks if kinds[i] == HEADING]
    texts = list(map(_text, raw))
    grouper = _Grouper(raw, page_terms(raw, texts), texts, headings)
    for continued, span in _spans(marks, raw):
        grouper.add_span(continued, span)
    return grouper.plans, grouper.moves
