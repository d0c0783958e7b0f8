"""Finding a bookmarked paragraph again by its label after the text or its reflow changed."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz

from article.model import Document
from store.records import Bookmark

MIN_STEM = 4  # a label shorter than this is too common to search for inside paragraphs
MIN_START_SCORE = 80.0  # similarity of the label to a paragraph's opening words


def label_stem(label: str) -> str:
    """The label without its '…', as it appears at the start of the paragraph."""
    return label.removesuffix("…").strip()


def _flat(text: str) -> str:
    """Whitespace collapsed as in labels."""
    return " ".join(text.split())


def still_placed(mark: Bookmark, doc: Document) -> bool:
    """True when the bookmark's paragraph still starts with its label."""
    if not 0 <= mark.block < len(doc.blocks):
        return False
    text, stem = doc.blocks[mark.block].text, label_stem(mark.label)
    return _flat(text).startswith(stem) or (mark.offset > 0 and text.startswith(stem, mark.offset))


def reanchor_bookmark(mark: Bookmark, doc: Document) -> Bookmark:
    """Place a bookmark: paragraph starting with its label, a similar start, or the label
    inside a paragraph (a reflow joined it); else keep it, flagged orphaned."""
    if still_placed(mark, doc):
        return replace(mark, doc_id=doc.doc_id, orphaned=False)
    stem = label_stem(mark.label)
    found = _by_start(mark, doc, stem) or _inside(mark, doc, stem)
    if found is None:
        return replace(mark, doc_id=doc.doc_id, orphaned=True)
    block, offset = found
    return replace(mark, doc_id=doc.doc_id, block=block, offset=offset, orphaned=False)


def _nearest(mark: Bookmark, scored: list[tuple[float, int, int]]) -> tuple[int, int] | None:
    """The best-scoring (block, offset), nearest the old block on ties."""
    if not scored:
        return None
    best = max(scored, key=lambda s: (s[0], -abs(s[1] - mark.block)))
    return best[1], best[2]


def _by_start(mark: Bookmark, doc: Document, stem: str) -> tuple[int, int] | None:
    """A paragraph whose opening words equal or closely resemble the label."""
    if not stem:
        return None
    scored = []
    for block in doc.blocks:
        opening = _flat(block.text)[: len(stem)]
        score = 100.0 if opening == stem else fuzz.ratio(stem, opening)
        if score >= MIN_START_SCORE:
            scored.append((score, block.index, 0))
    return _nearest(mark, scored)


def _inside(mark: Bookmark, doc: Document, stem: str) -> tuple[int, int] | None:
    """The label inside a paragraph: the bookmarked piece was joined to another by reflow."""
    if len(stem) < MIN_STEM:
        return None
    scored = []
    for block in doc.blocks:
        pos = block.text.find(stem)
        if pos >= 0:
            scored.append((100.0, block.index, pos))
    return _nearest(mark, scored)
