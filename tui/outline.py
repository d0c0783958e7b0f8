"""The document's outline (目录): articles and their headings, and where each one starts."""

from __future__ import annotations

from typing import NamedTuple

from article.model import HEADING, TITLE, Document

SECTION_KINDS = frozenset({TITLE, HEADING})


class Entry(NamedTuple):
    """One row of the outline: an article (level 0) or a heading in it (level 1)."""

    level: int
    text: str
    block: int
    page: int | None  # PDF sources: the page it starts on


def outline(doc: Document) -> list[Entry]:
    """Articles in reading order, each followed by its headings; an untitled article by number."""
    entries: list[Entry] = []
    count = len(doc.blocks)
    for number, article in enumerate(doc.articles):
        inside = sorted(i for i in article.blocks if 0 <= i < count)
        if not inside:
            continue
        first = inside[0]
        title = article.title or f"文章 {number + 1}"
        entries.append(Entry(0, title, first, doc.blocks[first].page))
        for index in inside:
            block = doc.blocks[index]
            if block.kind == HEADING:
                entries.append(Entry(1, block.text.strip(), index, block.page))
    if not entries:  # no articles known (the quick document): headings alone
        entries = [
            Entry(1, b.text.strip(), b.index, b.page) for b in doc.blocks if b.kind == HEADING
        ]
    return entries


def section_starts(doc: Document, *, articles: bool) -> list[int]:
    """Blocks where an article starts (articles=True) or where any heading or title stands."""
    if articles:
        count = len(doc.blocks)
        firsts = (min((i for i in a.blocks if 0 <= i < count), default=-1) for a in doc.articles)
        return sorted(i for i in firsts if i >= 0)
    return [b.index for b in doc.blocks if b.kind in SECTION_KINDS]
