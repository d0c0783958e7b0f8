"""Articles continued on another page: `下转B2` at the foot of one, `上接B1` on the other.

In a document that holds both pages the continuation is moved after its marker, and the paragraph
cut by the jump is joined when the geometry allows (full last line, no indent). A marker whose
other half is not in the document stays, flagged, and so does its article's cut paragraph.
"""

from __future__ import annotations

import re

from article.layout.paragraphs import Part, full, indented
from article.model import (
    BODY_KINDS,
    CONTINUATION,
    FURNITURE,
    PARAGRAPH,
    TITLE,
    TRUNCATED_END,
    TRUNCATED_START,
)

CONTINUED = "continued"
_TARGET = re.compile(r"(上接|下转|接|转|续)\s*(?:第\s*)?([A-Za-z]{0,2})\s*([0-9０-９]+)")
_CODE = re.compile(r"^(?:第\s*)?([A-Z]{1,2})\s*([0-9]{1,3})\s*版?$|^第\s*([0-9]{1,3})\s*版$")


def _page_codes(pages: list[list[Part]]) -> dict[str, int]:
    """Page codes printed in each page's furniture ("B5", "第3版") → page number."""
    codes: dict[str, int] = {}
    for parts in pages:
        for part in parts:
            if part.kind != FURNITURE:
                continue
            for word in part.text.split():
                if m := _CODE.match(word):
                    codes.setdefault((m[1] or "") + (m[2] or m[3]), part.lines[0].page)
    return codes


def _target(text: str, codes: dict[str, int], pages: int) -> tuple[str, int | None]:
    """(direction, page number) a marker points to; None when that page is not here."""
    m = _TARGET.search(text)
    if m is None:
        return "", None
    forward = m[1] in ("下转", "转")
    number = int(m[3].translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    page = codes.get(m[2].upper() + str(number))
    if page is None and not m[2] and 1 <= number <= pages:
        page = number
    return ("forward" if forward else "back"), page


def _flag(parts: list[Part], i: int, forward: bool) -> None:
    """A marker left alone: flag it and the paragraph it cuts."""
    parts[i].flags.append(CONTINUED)
    step = -1 if forward else 1
    j = i + step
    while 0 <= j < len(parts) and parts[j].kind == FURNITURE:
        j += step
    if 0 <= j < len(parts) and parts[j].kind in BODY_KINDS:
        parts[j].flags.append(TRUNCATED_END if forward else TRUNCATED_START)


def _run_after(parts: list[Part], i: int) -> list[Part]:
    """The continuation after a `上接` marker: its parts up to the next title."""
    run = []
    for part in parts[i + 1 :]:
        if part.kind == TITLE:
            break
        if part.kind != FURNITURE:
            run.append(part)
    return run


def _join(before: Part, after: Part, page: int) -> bool:
    """Join the paragraph cut by the jump when its last line is full and the next not indented."""
    if before.kind != PARAGRAPH or after.kind != PARAGRAPH:
        return False
    if not full(before.lines[-1]) or indented(after.lines[0]):
        return False
    before.joins.append((len(before.lines), f"continued on page {page} (下转/上接 markers)"))
    before.lines.extend(after.lines)
    return True


def _move(pages: list[list[Part]], src: tuple[int, int], dest_page: int) -> bool:
    """Move the continuation on dest_page after the marker at src; True when found."""
    parts = pages[dest_page - 1]
    for k, part in enumerate(parts):
        m = _TARGET.search(part.text)
        if part.kind == CONTINUATION and m is not None and m[1] in ("上接", "接"):
            run = _run_after(parts, k)
            for moved in [part, *run]:
                parts.remove(moved)
                moved.moved = True
            host = pages[src[0]]
            before = next((p for p in reversed(host[: src[1]]) if p.kind != FURNITURE), None)
            if run and before is not None and _join(before, run[0], dest_page):
                run = run[1:]
            host[src[1] + 1 : src[1] + 1] = [part, *run]
            return True
    return False


def stitch(pages: list[list[Part]]) -> list[Part]:
    """All pages' parts in reading order, continuations moved to their articles."""
    codes = _page_codes(pages)
    for p in range(len(pages)):
        i = 0
        while i < len(pages[p]):
            part = pages[p][i]
            if part.kind == CONTINUATION and not part.moved and CONTINUED not in part.flags:
                direction, target = _target(part.text, codes, len(pages))
                moved = direction == "forward" and target and target - 1 != p
                if not (moved and _move(pages, (p, i), target)):
                    _flag(pages[p], i, direction == "forward")
            i += 1
    return [part for parts in pages for part in parts]
