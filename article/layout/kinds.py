"""What each part is, from its typographic role, its place and newspaper conventions.

Titles are title-sized type with running text after them; the part right under a title is its
subtitle; bylines, captions (图表/图/表 + colon), source lines and continuation markers are known
by their wording; emphasised or larger lines inside a column followed by running text are
headings (or questions, when a speaker opens them); whatever belongs to no article — running
headers and footers, chart labels, advertisements — is furniture.
"""

from __future__ import annotations

import re
from itertools import pairwise

from article.blocks import (
    CAPTION_RE,
    PHOTO_CAPTION,
    byline_text,
    is_advert,
    is_source_line,
    line_kind,
    marked_heading,
)
from article.layout.geometry import BIG, BODY, CONTINUATION_RE, EMPH, SMALL, TITLE_SIZE, Line
from article.layout.paragraphs import Part
from article.model import (
    BYLINE,
    CAPTION,
    CONTINUATION,
    FURNITURE,
    HEADING,
    PARAGRAPH,
    QUESTION,
    SOURCE,
    SUBTITLE,
    TITLE,
)

RUNNING_RE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]"
    r"|^(?:第\s*)?[A-Z]{1,2}\s*\d{1,3}\s*版?$|^第\s*\d{1,3}\s*版$"
    r"|(?:责任编辑|编辑|美编|校对|审读|版式|组版)\s*[：:]?\s*\S"
    r"|www\.|https?://|^[A-Z][A-Z .&'-]{5,}$"
)
_PHOTO_CAPTION = re.compile(PHOTO_CAPTION)
HEADING_CHARS = 40  # a heading is short
SUBTITLE_PARTS = 2  # a title has at most this many deck parts under it
SAME_ROW = 0.5  # of the type size: tops closer than this stand on one baseline
NEXT_LINE = 0.8  # of the type size: a gap smaller than this sets the next line of one title


_SHORT_CREDIT = 20  # characters of a credit line without a place or 报道
_CREDIT_END = re.compile(r"(?:报道|摄影?|采写|整理|发自\S{1,8})$")


def stands_alone(text: str) -> bool:
    """A line that is its own block whatever its geometry: a continuation marker, or a byline
    ending the way bylines end ("…北京报道"), which may share the body's font."""
    if CONTINUATION_RE.match(text):
        return True
    if len(text) <= _SHORT_CREDIT and byline_text(text):
        return True  # "本报记者米黎" atop a column, in the body's type
    if len(text) > 40 or not _CREDIT_END.search(text):
        return False
    return line_kind(text, dictionary=False)[0] == BYLINE


def is_running(texts: list[str]) -> bool:
    """Whether a band of header or footer text reads like one (date, page code, editors)."""
    return any(RUNNING_RE.search(t) for t in texts)


def _has_body_after(parts: list[Part], i: int) -> bool:
    """Running text follows before the next title: the part heads an article."""
    head = parts[i].lines[-1]
    for part in parts[i + 1 :]:
        if part.role == TITLE_SIZE and not _same_row(head, part.lines[0]):
            return False  # the next title (not the rest of this one set beside it)
        if part.role == BODY:
            return True
    return False


def _same_row(a: Line, b: Line) -> bool:
    """Two title pieces of one title: side by side on one baseline (two phrases set apart by a
    gap), or the second right under the first (a title set over two lines)."""
    if a.page != b.page:
        return False
    if abs(a.top - b.top) < SAME_ROW * a.size:
        return True
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return 0 <= b.top - a.bottom < NEXT_LINE * a.size and overlap > 0


def _body_next(parts: list[Part], i: int) -> bool:
    """The next part that is no small print is running text (or another emphasised turn)."""
    for part in parts[i + 1 :]:
        if part.role == SMALL:
            continue
        return part.role in (BODY, EMPH) and part.lines[0].page == parts[i].lines[0].page
    return False


def _by_wording(part: Part, text: str) -> str | None:
    """Kinds newspapers mark in words: captions, sources, continuations, bylines."""
    if CAPTION_RE.match(text) and part.role != BODY and not marked_heading(text):
        return CAPTION  # (▲价格下跌时获得赔付, short and unpunctuated, heads a section)
    if is_source_line(text) and part.role != BODY:
        return SOURCE
    if len(text) <= 20 and CONTINUATION_RE.match(text):
        return CONTINUATION
    if len(part.lines) <= 2 and part.role != TITLE_SIZE and len(text) <= 40:
        kind, _text, _speaker = line_kind(text, dictionary=False)
        if kind == BYLINE and (part.role != BODY or len(part.lines) == 1):
            return BYLINE
    return None


def _emphasised(parts: list[Part], i: int, text: str) -> str:
    """An emphasised or larger part: a question, a heading, a bold paragraph or furniture."""
    kind, _text, speaker = line_kind(text, dictionary=False)
    if kind == QUESTION:
        parts[i].speaker = speaker
        return QUESTION
    if not _body_next(parts, i):
        return FURNITURE
    if len(text) <= HEADING_CHARS and len(parts[i].lines) <= 2:
        return HEADING
    return PARAGRAPH


def _kind(parts: list[Part], i: int) -> str:
    """The kind of part i."""
    part = parts[i]
    text = part.text.strip()
    if is_advert(text):
        return FURNITURE  # a hotline, a risk disclaimer, a slogan of phrases set apart by dots
    if part.role == TITLE_SIZE:
        return TITLE if _has_body_after(parts, i) else FURNITURE
    if worded := _by_wording(part, text):
        return worded
    if part.role == BODY:
        return PARAGRAPH
    if part.role in (EMPH, BIG):
        return _emphasised(parts, i, text)
    return FURNITURE


def _title_rows(parts: list[Part]) -> None:
    """Title pieces side by side on one baseline are one title (…发行提速  碳中和债占比过半)."""
    i = 0
    while i + 1 < len(parts):
        a, b = parts[i], parts[i + 1]
        if a.kind == b.kind == TITLE and _same_row(a.lines[-1], b.lines[0]):
            a.lines.extend(b.lines)
            del parts[i + 1]
        else:
            i += 1


def _subtitles(parts: list[Part]) -> None:
    """Larger or emphasised parts right under a title (before its byline or text): its deck."""
    for i, part in enumerate(parts):
        if part.kind != TITLE:
            continue
        for follower in parts[i + 1 : i + 1 + SUBTITLE_PARTS]:
            if follower.kind in (BYLINE, PARAGRAPH, QUESTION, CAPTION, SOURCE, TITLE, FURNITURE):
                break
            if follower.role not in (BIG, EMPH, TITLE_SIZE):
                break
            follower.kind = SUBTITLE


def assign_kinds(parts: list[Part]) -> None:
    """Set every part's kind."""
    for i, part in enumerate(parts):
        if not part.kind:
            part.kind = _kind(parts, i)
    _title_rows(parts)
    _subtitles(parts)
    _chart_text(parts)
    _headings_that_are_titles(parts)


def _headings_that_are_titles(parts: list[Part]) -> None:
    """A heading that opens a story is its title, though set no larger than a heading: the
    jump head right above （上接…） on a continuation page, and a heading right over a byline
    (white on a coloured band) — a section's heading is never followed by either."""
    body = [p for p in parts if p.kind != FURNITURE]
    for head, after in pairwise(body):
        if head.kind != HEADING:
            continue
        if after.kind == BYLINE or (after.kind == CONTINUATION and "上接" in after.text):
            head.kind = TITLE


def _chart_text(parts: list[Part]) -> None:
    """Text between a caption and its source line in one column is the chart's: furniture."""
    for i, part in enumerate(parts):
        if part.kind != CAPTION or _PHOTO_CAPTION.match(part.text):
            continue  # a photo's caption has no chart text under it
        col = part.lines[0].col
        for j in range(i + 1, min(len(parts), i + 40)):
            other = parts[j]
            if other.kind == SOURCE or (other.lines[0].col != col and other.role != SMALL):
                break
            if other.kind in (PARAGRAPH, HEADING) and other.role != BODY:
                other.kind = FURNITURE
