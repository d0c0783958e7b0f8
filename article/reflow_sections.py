"""Group raw blocks into articles; move sections printed inside the wrong article back home."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from article.model import BYLINE, CONTINUATION, HEADING, TITLE, RawBlock
from article.reflow_terms import block_terms

_INCOMING = re.compile(r"^[（(【\[]?\s*(?:上接|接|续)")
_LOOKBACK = 8  # earlier articles a section may belong to (keeps the search linear)
_MIN_SHARED = 2  # topic terms a section must share with another article to move there


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


def _home(section: dict[str, int], own: set[str], earlier: list[Plan], first: int) -> int | None:
    """The earlier article this section plainly belongs to, if any."""
    best, best_shared = None, 0
    for j, plan in enumerate(earlier[first:], start=first):
        shared = sum(1 for t in section if t in plan.terms)
        if shared > best_shared:
            best, best_shared = j, shared
    own_shared = sum(1 for t in section if t in own)
    if best is None or best_shared < _MIN_SHARED or best_shared < 2 * own_shared + 1:
        return None
    return best


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


def group_articles(raw: list[RawBlock]) -> tuple[list[Plan], list[Move]]:
    """Articles in page order, each with its blocks in reading order, and the moves made."""
    terms = [block_terms(b) for b in raw]
    plans: list[Plan] = []
    moves: list[Move] = []
    for continued, span in _spans(raw):
        first = max(0, len(plans) - _LOOKBACK)
        span_counts = _terms(span, terms)
        if continued and plans:
            home = _home(span_counts, set(), plans, first)
            if home is not None:
                moves.append(Move(span, len(plans), home, _shared(span_counts, plans[home])))
                _add(plans[home], span, span_counts)
                continue
        plan = _new_plan(span, raw)
        for section in _sections(span, raw):
            counts = _terms(section, terms)
            home = None
            if raw[section[0]].kind == HEADING and plans:
                home = _home(counts, _minus(span_counts, counts), plans, first)
            if home is None:
                _add(plan, section, counts)
            else:
                moves.append(Move(section, len(plans), home, _shared(counts, plans[home])))
                _add(plans[home], section, counts)
        plans.append(plan)
    return plans, moves


def _shared(counts: dict[str, int], plan: Plan) -> tuple[str, ...]:
    """The terms that tied a moved section to its article, for the repair note."""
    return tuple(sorted(t for t in counts if t in plan.terms))[:5]
