"""Whole names and affiliations for subjects: a branch split from its bank by a ticker, the
institution a quoted person speaks for, the agent of 由…承担."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

from article.model import Block, Entity

BRANCH_ENDS = ("分行", "支行", "营业部", "分公司", "子公司")
TICKER_GAP_RE = re.compile(r"\s*[(（][0-9A-Za-z.]{4,10}[)）]\s*$")
AGENT_RE = re.compile(
    r"由(?P<agent>[\u4e00-\u9fff]{2,10})(?:共同)?(?:承担|分担|提供|出资|兜底|代偿|补偿|负担)"
)
MAX_TITLE_GAP = 12  # characters between an organisation and the person it employs
GAP_STOPS = frozenset('，。；：！？,;:!?、“”"和与及对向为在')


class _Referents(Protocol):
    """What institutions() needs of the subject finder: 该行 → the bank."""

    def referent(self, block: int, pos: int, word: str) -> str | None: ...

    def name(self, e: Entity) -> str: ...


def _by_block(entities: list[Entity]) -> dict[int, list[Entity]]:
    """Entities grouped by block, in text order."""
    grouped: dict[int, list[Entity]] = defaultdict(list)
    for e in entities:
        grouped[e.block].append(e)
    return grouped


def full_names(entities: list[Entity], blocks: list[Block]) -> dict[tuple[int, int], str]:
    """(block, start) of a branch → its bank's name + the branch, when a ticker split them."""
    texts = {b.index: b.text for b in blocks}
    full: dict[tuple[int, int], str] = {}
    for index, found in _by_block(entities).items():
        text = texts.get(index, "")
        orgs = [e for e in found if e.type == "ORG"]
        ending: dict[int, Entity] = {}  # the first organisation ending at each place
        for o in reversed(orgs):
            ending[o.end] = o
        for e in orgs:
            if not e.text.endswith(BRANCH_ENDS):
                continue
            gap = _ticker_gap(text, e.start)
            parent = ending.get(gap) if gap is not None else None
            if parent is not None:
                full[(index, e.start)] = parent.text + e.text
    return full


_TICKER_MOST = 16  # characters of "(601988.SH)" at most, with room to spare


def _ticker_gap(text: str, end: int) -> int | None:
    """Where a ticker gap ending at `end` begins (what TICKER_GAP_RE finds searched from the
    block's start): looked for just before the trailing whitespace, as a search from the
    start would make a long block quadratic; from the start only when whitespace before the
    ticker may run on further."""
    core = end
    while core and text[core - 1].isspace():
        core -= 1
    lo = max(0, core - _TICKER_MOST)
    gap = TICKER_GAP_RE.search(text, lo, end)
    if gap is not None and gap.start() == lo and lo:
        gap = TICKER_GAP_RE.search(text, 0, end)  # leading whitespace may begin before `lo`
    return gap.start() if gap is not None else None


def institutions(entities: list[Entity], blocks: list[Block], finder: _Referents) -> dict[str, str]:
    """Person → the organisation named right before their title (某某银行副行长某某)."""
    texts = {b.index: b.text for b in blocks}
    works_at: dict[str, str] = {}
    for index, found in _by_block(entities).items():
        text = texts.get(index, "")
        last_org: Entity | None = None
        for e in found:
            if e.type == "ORG":
                last_org = e
            elif e.type == "PERSON" and e.text not in works_at:
                org = _employer(text, index, e, last_org, finder)
                if org:
                    works_at[e.text] = org
    return works_at


def _employer(
    text: str, block: int, person: Entity, org: Entity | None, finder: _Referents
) -> str | None:
    """The organisation (or 该行 …) standing right before the person's title, if any."""
    window = text[max(0, person.start - MAX_TITLE_GAP) : person.start]
    m = re.search(r"该(?:行|支行|分行|公司|集团|机构)(?=[^，。；：]*$)", window)
    if m:
        return finder.referent(block, person.start - len(window) + m.start(), m.group())
    if org is None or person.start - org.end > MAX_TITLE_GAP:
        return None
    gap = text[org.end : person.start]
    return None if any(ch in GAP_STOPS for ch in gap) else finder.name(org)
