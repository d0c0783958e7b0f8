"""Static span styles of a document (entities, repeats, notes, search hits), indexed by block."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from article.model import Document
from article.search import SearchIndex
from tui.layout import ByBlock, speaker_label
from tui.theme import entity_style

Range = tuple[int, int, int]  # (block, start, end)
Span = tuple[int, int, str]  # (start, end, component class)


def _by_block(ranges: list[Range]) -> dict[int, list[tuple[int, int]]]:
    """Group (block, start, end) ranges by block."""
    grouped: dict[int, list[tuple[int, int]]] = {}
    for block, start, end in ranges:
        grouped.setdefault(block, []).append((start, end))
    return grouped


class Marks:
    """What the reader underlines and colours, with per-block span lists cached."""

    def __init__(
        self,
        doc: Document,
        *,
        notes: list[Range] | None = None,
        bookmarks: set[int] | None = None,
    ) -> None:
        self.doc = doc
        self.notes: list[Range] = list(notes or [])
        self.bookmarks: set[int] = set(bookmarks or ())
        self.highlight_entities = True
        self.query = ""
        self.hits: list[Range] = []
        self.hit_index = -1
        self._entities = ByBlock(doc.entities)
        self.duplicates = ByBlock(doc.duplicates)
        self._entity_order: list[tuple[int, int, int]] | None = None  # built on first e/E
        self._index: SearchIndex | None = None  # built on first search
        self._notes = _by_block(self.notes)
        self._hits: dict[int, list[tuple[int, int]]] = {}
        self._cache: dict[tuple[int, bool], list[Span]] = {}

    def set_marks(self, notes: list[Range], bookmarks: list[int]) -> None:
        """New note spans and bookmarked blocks from the store."""
        self.notes = list(notes)
        self.bookmarks = set(bookmarks)
        self._notes = _by_block(self.notes)
        self._cache.clear()

    def search(self, query: str) -> int:
        """Find every hit of `query`; returns how many."""
        self.query = query
        if query and self._index is None:
            self._index = SearchIndex(self.doc.blocks)
        self.hits = self._index.find(query) if query and self._index else []
        self.hit_index = 0 if self.hits else -1
        self._hits = _by_block(self.hits)
        self._cache.clear()
        return len(self.hits)

    def current_hit(self) -> Range | None:
        """The hit the reader is on."""
        return self.hits[self.hit_index] if 0 <= self.hit_index < len(self.hits) else None

    def first_hit_after(self, block: int, offset: int) -> int:
        """Index of the first hit at or after (block, offset), wrapping to 0."""
        index = bisect_left(self.hits, (block, offset, -1))
        return index if index < len(self.hits) else 0

    def entity_near(self, block: int, offset: int, direction: int) -> Range | None:
        """The entity mention strictly after (direction 1) or before (-1) (block, offset)."""
        if self._entity_order is None:
            self._entity_order = sorted((e.block, e.start, e.end) for e in self._entities.items)
        order = self._entity_order
        if direction > 0:
            index = bisect_right(order, (block, offset, len(self.doc.blocks[block].text) + 1))
        else:
            index = bisect_left(order, (block, offset, -1)) - 1
        return order[index] if 0 <= index < len(order) else None

    def spans(self, block: int) -> list[Span]:
        """Span styles of one block, bottom layer first."""
        key = (block, self.highlight_entities)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._build(block)
            self._cache[key] = cached
        return cached

    def _build(self, block: int) -> list[Span]:
        """Collect a block's spans: entities, repeats, speaker, notes, search hits."""
        spans: list[Span] = []
        if self.highlight_entities:
            spans.extend(
                (e.start, e.end, entity_style(e.type).component) for e in self._entities(block)
            )
        spans.extend((d.start, d.end, "reader-view--duplicate") for d in self.duplicates(block))
        b = self.doc.blocks[block]
        label = speaker_label(b.text, b.speaker)
        if label:
            spans.append((0, label, "reader-view--speaker"))
        spans.extend((s, e, "reader-view--note") for s, e in self._notes.get(block, []))
        spans.extend((s, e, "reader-view--search") for s, e in self._hits.get(block, []))
        return spans
