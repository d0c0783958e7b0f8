"""Finding a note's passage again after the document's text changed, without ever dropping it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from article.model import Document
from store.records import CONTEXT_CHARS, Note

SHORT_QUOTE = 6  # quotes shorter than this recur by chance in Chinese text: they need context
MIN_CONTEXT_SCORE = 60.0  # context similarity a short exact quote needs
MIN_WINDOW_SCORE = 80.0  # fuzzy: similarity of context+quote to the best window of the text
MIN_QUOTE_SCORE = 75.0  # fuzzy: similarity of the quote to the span found inside that window
MIN_LONE_QUOTE_SCORE = 90.0  # fuzzy without context: only for long quotes, and stricter
MAX_EDGE_SHIFT = 8  # how far a fuzzy span's ends are moved to fit the quote best
LONG_QUOTE = 64  # longer quotes are found by their two ends (fast), then checked whole
END_CHARS = 24  # characters of quote, and as many of context, that locate each end
SEPARATOR = "\n"  # joins blocks, so context can reach into the neighbouring paragraphs


@dataclass(frozen=True, slots=True)
class FlatText:
    """The document's blocks joined into one string, with each block's starting offset."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, doc: Document) -> FlatText:
        """Join the blocks; offsets let a global span be mapped back to (block, start, end)."""
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for block in doc.blocks:
            starts.append(pos)
            pos += len(block.text)
            ends.append(pos)
            pos += len(SEPARATOR)
        return cls(SEPARATOR.join(b.text for b in doc.blocks), tuple(starts), tuple(ends))

    def block_of(self, pos: int) -> int:
        """Index of the block containing global offset `pos` (or just before it)."""
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def to_global(self, block: int, offset: int) -> int | None:
        """Global offset of (block, offset), or None when the block does not exist."""
        if 0 <= block < len(self.starts):
            return self.starts[block] + offset
        return None

    def within_one_block(self, start: int, end: int) -> bool:
        """True when the global span lies inside a single block, as notes must."""
        block = self.block_of(start)
        return start >= self.starts[block] and end <= self.ends[block]


def context(doc: Document, block: int, start: int, end: int) -> tuple[str, str]:
    """The CONTEXT_CHARS characters before and after a span, reaching across blocks."""
    flat = FlatText.of(doc)
    gstart = flat.starts[block] + start
    gend = flat.starts[block] + end
    return _context_at(flat, gstart, gend)


def reanchor(note: Note, doc: Document) -> Note:
    """Place `note` in `doc`: exact quote (best context), then fuzzy; else keep it, orphaned."""
    flat = FlatText.of(doc)
    span = _exact_span(note, flat) or _fuzzy_span(note, flat)
    if span is None:
        return replace(note, doc_id=doc.doc_id, orphaned=True)
    return _placed(note, doc, flat, span)


def _placed(note: Note, doc: Document, flat: FlatText, span: tuple[int, int]) -> Note:
    """The note moved to `span`. Quote and context stay as the user saved them: a fuzzy match
    must never overwrite the words, and the original text can still be found exactly later."""
    gstart, gend = span
    block = flat.block_of(gstart)
    return replace(
        note,
        doc_id=doc.doc_id,
        block=block,
        start=gstart - flat.starts[block],
        end=gend - flat.starts[block],
        orphaned=False,
    )


def _context_at(flat: FlatText, gstart: int, gend: int) -> tuple[str, str]:
    """Context around a global span."""
    return flat.text[max(0, gstart - CONTEXT_CHARS) : gstart], flat.text[
        gend : gend + CONTEXT_CHARS
    ]


def _context_score(note: Note, flat: FlatText, gstart: int, gend: int) -> float:
    """How well the text around a candidate matches the note's saved context (0-100)."""
    before = flat.text[max(0, gstart - len(note.prefix)) : gstart]
    after = flat.text[gend : gend + len(note.suffix)]
    weight = len(note.prefix) + len(note.suffix)
    if weight == 0:
        return 100.0
    score = fuzz.ratio(note.prefix, before) * len(note.prefix)
    score += fuzz.ratio(note.suffix, after) * len(note.suffix)
    return score / weight


def _exact_span(note: Note, flat: FlatText) -> tuple[int, int] | None:
    """The occurrence of the exact quote with the best context, nearest the old place on ties."""
    quote = note.quote
    if not quote:
        return None
    old = flat.to_global(note.block, note.start)
    best: tuple[float, int, int] | None = None
    pos = flat.text.find(quote)
    while pos >= 0:
        end = pos + len(quote)
        if flat.within_one_block(pos, end):
            score = _context_score(note, flat, pos, end)
            distance = abs(pos - old) if old is not None else 0
            if best is None or (score, -distance) > (best[0], -best[1]):
                best = (score, distance, pos)
        pos = flat.text.find(quote, pos + 1)
    if best is None:
        return None
    if len(quote) < SHORT_QUOTE and best[0] < MIN_CONTEXT_SCORE:
        return None
    return best[2], best[2] + len(quote)


def _fuzzy_span(note: Note, flat: FlatText) -> tuple[int, int] | None:
    """The span most like the quote inside the window most like context+quote+context."""
    if not note.quote.strip():
        return None
    if len(note.quote) > LONG_QUOTE:
        ends = _span_by_ends(note, flat)
        return _clip_to_block(flat, ends) if ends else None
    span = _span_by_context(note, flat)
    if span is None and len(note.quote) >= 2 * SHORT_QUOTE:
        span = _best_window(note.quote, flat.text, 0, MIN_LONE_QUOTE_SCORE)
    if span is None:
        return None
    return _clip_to_block(flat, _fit_edges(note.quote, flat.text, span))


def _span_by_context(note: Note, flat: FlatText) -> tuple[int, int] | None:
    """Find the quote with its context, then the quote inside that window."""
    needle = note.prefix + note.quote + note.suffix
    if len(needle) > len(flat.text):
        return None
    window = _best_window(needle, flat.text, 0, MIN_WINDOW_SCORE)
    if window is None:
        return None
    slack = MAX_EDGE_SHIFT
    lo = max(0, window[0] - slack)
    hi = min(len(flat.text), window[1] + slack)
    return _best_window(note.quote, flat.text[lo:hi], lo, MIN_QUOTE_SCORE)


def _span_by_ends(note: Note, flat: FlatText) -> tuple[int, int] | None:
    """A long quote: find its opening and its ending (short, fast searches), then require
    the whole span between them to resemble the quote."""
    quote, text = note.quote, flat.text
    before, after = note.prefix[-END_CHARS:], note.suffix[:END_CHARS]
    head = _best_window(before + quote[:END_CHARS], text, 0, MIN_WINDOW_SCORE)
    start = head[0] + len(before) if head else None
    if head is None:
        alone = _best_window(quote[: 2 * END_CHARS], text, 0, MIN_LONE_QUOTE_SCORE)
        start = alone[0] if alone else None
    if start is None:
        return None
    start = _fit_start(quote[:END_CHARS], text, start)
    hi = min(len(text), start + len(quote) * 3 // 2 + 2 * END_CHARS)
    tail = _best_window(quote[-END_CHARS:] + after, text[start:hi], start, MIN_WINDOW_SCORE)
    if tail is None:
        return None
    end = _fit_end(quote[-END_CHARS:], text, tail[1] - len(after))
    if end <= start or fuzz.ratio(quote, text[start:end]) < MIN_QUOTE_SCORE:
        return None
    return start, end


def _fit_start(opening: str, text: str, guess: int) -> int:
    """The start near `guess` where the text best matches the quote's opening."""
    lo, hi = max(0, guess - MAX_EDGE_SHIFT), min(len(text), guess + MAX_EDGE_SHIFT)
    return max(
        range(lo, hi + 1),
        key=lambda s: (fuzz.ratio(opening, text[s : s + len(opening)]), -abs(s - guess)),
    )


def _fit_end(ending: str, text: str, guess: int) -> int:
    """The end near `guess` where the text best matches the quote's ending."""
    lo, hi = max(0, guess - MAX_EDGE_SHIFT), min(len(text), guess + MAX_EDGE_SHIFT)
    return max(
        range(lo, hi + 1),
        key=lambda e: (fuzz.ratio(ending, text[max(0, e - len(ending)) : e]), -abs(e - guess)),
    )


def _best_window(needle: str, text: str, base: int, cutoff: float) -> tuple[int, int] | None:
    """The best-matching window of `text` for `needle` (global offsets), if it scores enough."""
    if not needle or len(needle) > len(text):
        return None
    found = fuzz.partial_ratio_alignment(needle, text, score_cutoff=cutoff)
    if found is None:
        return None
    return base + found.dest_start, base + found.dest_end


def _fit_edges(quote: str, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Nudge both ends a little so the span matches the edited quote as closely as possible."""
    start, end = span
    best = (fuzz.ratio(quote, text[start:end]), start, end)
    for ds in range(-MAX_EDGE_SHIFT, MAX_EDGE_SHIFT + 1):
        for de in range(-MAX_EDGE_SHIFT, MAX_EDGE_SHIFT + 1):
            s, e = start + ds, end + de
            if 0 <= s < e <= len(text):
                score = fuzz.ratio(quote, text[s:e], score_cutoff=best[0])
                if score > best[0]:
                    best = (score, s, e)
    return best[1], best[2]


def _clip_to_block(flat: FlatText, span: tuple[int, int]) -> tuple[int, int] | None:
    """Keep a fuzzy span inside the block where it starts (notes never straddle blocks)."""
    start, end = span
    block = flat.block_of(start)
    start = max(start, flat.starts[block])
    end = min(end, flat.ends[block])
    return (start, end) if start < end else None
