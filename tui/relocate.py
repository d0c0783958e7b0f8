"""Find the same place in a re-analysed document, so new results never make the reader jump."""

from __future__ import annotations

from article.model import Document

SNIPPET = 24  # characters of text after the cursor used to find it again


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Whether two lists of source line ranges share a line."""
    return any(s1 <= e2 and s2 <= e1 for s1, e1 in a for s2, e2 in b)


def _candidates(old: Document, new: Document, block: int) -> list[int]:
    """New blocks built from the same source lines as old block `block`, nearest first."""
    lines = old.blocks[block].lines
    found = [b.index for b in new.blocks if lines and _overlaps(lines, b.lines)]
    near = range(max(0, block - 3), min(len(new.blocks), block + 4))
    rest = [i for i in near if i not in found]
    return sorted(found, key=lambda i: abs(i - block)) + sorted(rest, key=lambda i: abs(i - block))


def relocate(old: Document, new: Document, block: int, offset: int) -> tuple[int, int]:
    """(block, offset) in `new` showing the text that was at (block, offset) in `old`."""
    if not new.blocks:
        return 0, 0
    if not old.blocks or block >= len(old.blocks):
        return min(block, len(new.blocks) - 1), 0
    text = old.blocks[block].text
    if block < len(new.blocks) and new.blocks[block].text == text:
        return block, offset
    snippet = text[offset : offset + SNIPPET]
    head = text[:SNIPPET]
    candidates = _candidates(old, new, block)
    for probe, shift in ((snippet, 0), (head, offset)):
        if not probe:
            continue
        for i in candidates:
            pos = new.blocks[i].text.find(probe)
            if pos >= 0:
                return i, min(pos + shift, len(new.blocks[i].text))
        for b in new.blocks:  # the text moved far (a section was reordered)
            pos = b.text.find(probe)
            if pos >= 0:
                return b.index, min(pos + shift, len(b.text))
    return (candidates[0] if candidates else min(block, len(new.blocks) - 1)), 0
