"""The layout stage against the gold of the committed newspaper pages (tests/pages/<page>/)."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from article.analyze import open_text, structure
from article.model import Document

PAGES = Path(__file__).resolve().parent / "pages"
PAGE_DIRS = sorted(
    p for p in PAGES.iterdir() if (p / "clean.json").exists() and (p / "page.pdf").exists()
)
SPACE = re.compile(r"\s+")


def nows(text: str) -> str:
    """Text without whitespace, as the gold is compared."""
    return SPACE.sub("", text)


@cache
def analysed(name: str) -> Document:
    """The page's document as the layout stage makes it (no entities: they are not tested here)."""
    return structure(open_text(PAGES / name / "page.pdf"))


def gold(name: str) -> dict:
    """The page's clean.json."""
    return json.loads((PAGES / name / "clean.json").read_text("utf-8"))


def articles(name: str) -> list[dict]:
    """Every gold article of the page."""
    data = gold(name)
    return data.get("articles") or [data]


def blocks(name: str, *kinds: str) -> list[str]:
    """Block texts (of these kinds, or all) without whitespace."""
    return [nows(b.text) for b in analysed(name).blocks if not kinds or b.kind in kinds]


@pytest.mark.parametrize("page", [p.name for p in PAGE_DIRS])
def test_every_paragraph_is_one_clean_block(page: str) -> None:
    texts = blocks(page)
    for article in articles(page):
        for paragraph in article["paragraphs"]:
            p = nows(paragraph["text"])
            slack = max(4, 0.05 * len(p))
            assert any(p in b and len(b) - len(p) <= slack for b in texts), p[:30]


@pytest.mark.parametrize("page", [p.name for p in PAGE_DIRS])
def test_titles_bylines_and_headings_have_their_kind(page: str) -> None:
    for article in articles(page):
        assert nows(article["title"]) in blocks(page, "title")
        if article.get("byline"):
            assert nows(article["byline"]) in blocks(page, "byline")
        for heading in article["headings"]:
            assert nows(heading) in blocks(page, "heading"), heading


@pytest.mark.parametrize("page", [p.name for p in PAGE_DIRS])
def test_captions_on_the_page_are_captions_or_sources(page: str) -> None:
    on_page = nows("".join(b.text for b in analysed(page).blocks))
    found = blocks(page, "caption", "source")
    for article in articles(page):
        for caption in article.get("captions", []):
            if nows(caption) in on_page:  # a gold caption of a chart the page did not draw
                assert nows(caption) in found, caption


@pytest.mark.parametrize("page", [p.name for p in PAGE_DIRS])
def test_one_article_per_gold_article_in_reading_order(page: str) -> None:
    doc = analysed(page)
    titles = [a.title for a in doc.articles if a.title]
    assert [nows(t) for t in titles] == [nows(a["title"]) for a in articles(page)]
    for info, article in zip(doc.articles, articles(page), strict=False):
        text = nows("".join(doc.blocks[i].text for i in info.blocks))
        starts = [text.find(nows(p["text"])[:12]) for p in article["paragraphs"]]
        assert -1 not in starts and starts == sorted(starts)


@pytest.mark.parametrize("page", [p.name for p in PAGE_DIRS])
def test_no_character_is_lost_or_added(page: str) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(PAGES / page / "page.pdf")
    chars: Counter[str] = Counter()
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        chars.update(nows(textpage.get_text_range()))
    assert Counter(nows("".join(blocks(page)))) == chars


@pytest.mark.parametrize("page", [p.name for p in PAGE_DIRS])
def test_furniture_is_never_inside_an_article(page: str) -> None:
    doc = analysed(page)
    for block in doc.blocks:
        assert (block.kind == "furniture") == (block.article is None)
    prose = "".join(nows(p["text"]) for a in articles(page) for p in a["paragraphs"])
    headers = [nows(f) for f in gold(page).get("furniture", [])]
    alone = [h for h in headers if len(h) >= 6 and h not in prose]  # not a name the text uses
    body = blocks(page, "paragraph", "question", "answer")
    assert not any(h in b for h in alone for b in body)


@pytest.mark.parametrize("page", [p.name for p in PAGE_DIRS])
def test_lines_and_boxes_point_into_the_text_and_the_page(page: str) -> None:
    loaded = open_text(PAGES / page / "page.pdf")
    lines = loaded.text.split("\n")
    for block in analysed(page).blocks:
        assert block.page == block.boxes[0][0]
        assert len(block.boxes) == len(block.lines)
        shown = "".join("".join(lines[a - 1 : b]) for a, b in block.lines)
        assert nows(shown) == nows(block.text)
        for _page, x0, top, x1, bottom in block.boxes:
            assert x0 < x1 and top < bottom


def test_joins_across_columns_are_listed_with_their_reason() -> None:
    doc = analysed(PAGE_DIRS[0].name)
    joins = [r for r in doc.repairs if r.kind == "join"]
    assert joins
    for repair in joins:
        block = doc.blocks[repair.block]
        assert 0 < repair.offset < len(block.text)
        assert "column" in repair.detail or "box" in repair.detail


def test_a_title_of_two_phrases_set_apart_and_an_advert_in_a_pdf() -> None:
    page = PAGES.parent / "pages3"
    titled = structure(open_text(page / "p04" / "page.pdf"))
    titles = [nows(b.text) for b in titled.blocks if b.kind == "title"]
    assert "深市绿色债券发行提速碳中和债占比过半" in titles
    adverts = structure(open_text(page / "p05" / "page.pdf"))
    kinds = {nows(b.text): b.kind for b in adverts.blocks}
    assert kinds["投资有风险入市需谨慎"] == "furniture"
