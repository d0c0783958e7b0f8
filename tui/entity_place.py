"""Which mention of which entity a jump landed on, so the status line can say '人物 某某 2/3'."""

from __future__ import annotations

from article.model import Document, Entity
from tui.theme import entity_label

Key = tuple[str, str]  # (type, text)


class EntityPlaces:
    """Mentions of every entity of one document, indexed once, looked up per key press."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._at: dict[tuple[int, int, int], Entity] = {}
        self._mentions: dict[Key, list[tuple[int, int]]] = {}
        for ent in doc.entities:
            self._at.setdefault((ent.block, ent.start, ent.end), ent)
            self._mentions.setdefault((ent.type, ent.text), []).append((ent.block, ent.start))
        for places in self._mentions.values():
            places.sort()

    def at(self, block: int, start: int, end: int) -> Entity | None:
        """The entity mentioned exactly at block[start:end], if any."""
        return self._at.get((block, start, end))

    def place(self, ent: Entity) -> tuple[int, int]:
        """(1-based index of this mention, number of mentions) of the entity."""
        places = self._mentions.get((ent.type, ent.text), [])
        try:
            return places.index((ent.block, ent.start)) + 1, len(places)
        except ValueError:
            return 1, max(1, len(places))

    def describe(self, ent: Entity) -> str:
        """'人物 某某 2/3' for this mention."""
        return describe_mention(ent, *self.place(ent))


def describe_mention(ent: Entity, index: int, count: int) -> str:
    """'人物 某某 2/3': type, text and which mention (1-based) of how many."""
    return f"{entity_label(ent.type)} {ent.text} {index}/{count}"
