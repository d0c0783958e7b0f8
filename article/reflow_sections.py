"""Group raw blocks into articles; move sections printed inside the wrong article back home."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from article.model import BYLINE, CONTINUATION, HEADING, TITLE, RawBlock
from article.reflow_terms import block_terms, content_words

_INCOMING = re.compile(r"^[（(【\[]?\s*(?:上接|接|续)")
_LOOKBACK = 8  # earlier articles a section may belong to (keeps the search linear)
_MIN_SHARED = 2  # topic terms a section must share with another article to move there
_MIN_WORD_SHARE = 0.25  # share of a passage's rarer words found in the article it belongs to


@dataclass(slots=True)
class Plan:
    """One article being assembled: its blocks (raw indices) in reading order."""

    title: str | None
    byline: str | None
    members: list[int]
    terms: dict[str, int] = field(default_factory=dict)  # term -> number of blocks using it


@dataclass(frozen=True, slots=True)
class Move:
    """A section that was printed in one article but belongs to an earlier one."""

    blocks: list[int]
    from_article: int
    to_article: int
    shared: tuple[str, ...]


def _spans(raw: list[RawBlock]) -> list[tuple[bool, list[int]]]:
    """Cut the page at titles and at incoming continuation markers ("上接 B2")."""
    spans: list[tuple[bool, list[int]]] = []
    for i, block in enumerate(raw):
        starts = block.kind == TITLE
        continued = block.kind == CONTINUATION and bool(_INCOMING.match(block.text))
        if starts or continued or not spans:
            spans.append((continued, []))
        spans[-1][1].append(i)
    return spans


def _sections(members: list[int], raw: list[RawBlock]) -> list[list[int]]:
    """A section is a heading and what follows it up to the next heading."""
    sections: list[list[int]] = [[]]
    for i in members:
        if raw[i].kind == HEADING and sections[-1]:
            sections.append([])
        sections[-1].append(i)
    return [s for s in sections if s]


def _terms(blocks: list[int], terms: list[set[str]]) -> dict[str, int]:
    """How many of the blocks mention each term."""
    counts: dict[str, int] = {}
    for i in blocks:
        for term in terms[i]:
            counts[term] = counts.get(term, 0) + 1
    return counts


def _minus(counts: dict[str, int], other: dict[str, int]) -> set[str]:
    """Terms of `counts` still used after removing the blocks counted in `other`."""
    return {t for t, n in counts.items() if n - other.get(t, 0) > 0}


def _strong_home(
    section: dict[str, int], own: set[str], earlier: list[Plan], first: int
) -> int | None:
    """The earlier article whose people and catchwords this passage shares, if plainly one."""
    best, best_shared = None, 0
    for j, plan in enumerate(earlier[first:], start=first):
        shared = sum(1 for t in section if t in plan.terms)
        if shared > best_shared:
            best, best_shared = j, shared
    own_shared = sum(1 for t in section if t in own)
    if best is None or best_shared < _MIN_SHARED or best_shared < 2 * own_shared + 1:
        return None
    return best


def _text(blocks: list[int], raw: list[RawBlock]) -> str:
    """The running text of some blocks."""
    return "".join(raw[i].text for i in blocks)


def _word_home(words: set[str], rivals: list[tuple[int, set[str]]]) -> int | None:
    """The article whose rarer vocabulary covers this passage far better than any rival's."""
    if not words or not rivals:
        return None
    shares = sorted(((len(words & other) / len(words), j) for j, other in rivals), reverse=True)
    best, home = shares[0]
    runner_up = shares[1][0] if len(shares) > 1 else 0.0
    if best >= _MIN_WORD_SHARE and best >= 2 * runner_up:
        return home
    return None


def _add(plan: Plan, blocks: list[int], counts: dict[str, int]) -> None:
    """Append blocks (and their terms) to an article."""
    plan.members.extend(blocks)
    for term, n in counts.items():
        plan.terms[term] = plan.terms.get(term, 0) + n


def _new_plan(blocks: list[int], raw: list[RawBlock]) -> Plan:
    """An article from its own span: title and byline are read from its first blocks."""
    title = next((raw[i].text for i in blocks[:1] if raw[i].kind == TITLE), None)
    byline = next((raw[i].text for i in blocks[:3] if raw[i].kind == BYLINE), None)
    return Plan(title, byline, [])


@dataclass(slots=True)
class _Grouper:
    """Walks the page's spans, building articles and deciding where sections belong."""

    raw: list[RawBlock]
    terms: list[set[str]]
    plans: list[Plan] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)
    _words: dict[int, tuple[int, set[str]]] = field(default_factory=dict)

    def words_of(self, j: int) -> set[str]:
        """Rarer vocabulary of article j (cached until the article grows)."""
        plan = self.plans[j]
        cached = self._words.get(j)
        if cached is None or cached[0] != len(plan.members):
            cached = (len(plan.members), content_words(_text(plan.members, self.raw)))
            self._words[j] = cached
        return cached[1]

    def move(self, blocks: list[int], counts: dict[str, int], home: int) -> None:
        """Attach a passage to the earlier article it belongs to."""
        shared = _shared(counts, self.plans[home])
        if not shared:
            words = content_words(_text(blocks, self.raw)) & self.words_of(home)
            shared = tuple(sorted(words))[:5]
        self.moves.append(Move(blocks, len(self.plans), home, shared))
        _add(self.plans[home], blocks, counts)

    def continued_home(self, span: list[int], counts: dict[str, int]) -> int | None:
        """Where a "上接" passage continues: by shared people, else by shared vocabulary."""
        first = max(0, len(self.plans) - _LOOKBACK)
        home = _strong_home(counts, set(), self.plans, first)
        if home is not None:
            return home
        words = content_words(_text(span, self.raw))
        rivals = [(j, self.words_of(j)) for j in range(first, len(self.plans))]
        return _word_home(words, rivals)

    def section_home(
        self, section: list[int], counts: dict[str, int], span: list[int]
    ) -> int | None:
        """The earlier article a headed section plainly belongs to, if any."""
        first = max(0, len(self.plans) - _LOOKBACK)
        span_counts = _terms(span, self.terms)
        own = _minus(span_counts, counts)
        home = _strong_home(counts, own, self.plans, first)
        if home is not None:
            return home
        linked = [
            j for j in range(first, len(self.plans)) if set(counts) & set(self.plans[j].terms)
        ]
        if not linked:
            return None  # no shared person or catchword: not worth comparing vocabularies
        words = content_words(_text(section, self.raw))
        rest = [i for i in span if i not in set(section)]
        rivals = [(j, self.words_of(j)) for j in linked]
        rivals.append((-1, content_words(_text(rest, self.raw))))
        home = _word_home(words, rivals)
        return None if home == -1 else home

    def add_span(self, continued: bool, span: list[int]) -> None:
        """Place one span: as a continuation, or as a new article whose sections may move."""
        counts = _terms(span, self.terms)
        if continued and self.plans:
            home = self.continued_home(span, counts)
            if home is not None:
                self.move(span, counts, home)
                return
        plan = _new_plan(span, self.raw)
        for section in _sections(span, self.raw):
            section_counts = _terms(section, self.terms)
            home = None
            if self.raw[section[0]].kind == HEADING and self.plans:
                home = self.section_home(section, section_counts, span)
            if home is None:
                _add(plan, section, section_counts)
            else:
                self.move(section, section_counts, home)
        self.plans.append(plan)


def group_articles(raw: list[RawBlock]) -> tuple[list[Plan], list[Move]]:
    """Articles in page order, each with its blocks in reading order, and the moves made."""
    grouper = _Grouper(raw, [block_terms(b) for b in raw])
    for continued, span in _spans(raw):
        grouper.add_span(continued, span)
    return grouper.plans, grouper.moves


def _shared(counts: dict[str, int], plan: Plan) -> tuple[str, ...]:
    """The terms that tied a moved section to its article, for the repair note."""
    return tuple(sorted(t for t in counts if t in plan.terms))[:5]
