"""The analysis pipeline in stages, so the reader can show text before the slow parts finish."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

from article import cache
from article.blocks import split_blocks, split_with_warnings
from article.gcpause import collector_paused
from article.model import (
    BYLINE,
    FURNITURE,
    TITLE,
    ArticleInfo,
    Block,
    Document,
    LoadedText,
    RawBlock,
    Reflowed,
)
from article.source import is_pdf, load_text, text_id

Progress = Callable[[str, float], None]


def open_text(path: str | Path) -> LoadedText:
    """Read and decode a file, or read and lay out a PDF; raises InputError naming the file."""
    if is_pdf(path):
        from article.pdfload import load_pdf

        return load_pdf(path)
    return load_text(path)


def open_first(path: str | Path) -> LoadedText:
    """For the first screen: a PDF's first page only (the analysis reads the rest), else the
    whole text."""
    if is_pdf(path):
        from article.pdfload import load_pdf

        return load_pdf(path, first=1)
    return load_text(path)


def _whole(loaded: LoadedText, progress: Progress | None) -> LoadedText:
    """A partial PDF read again whole, reporting each page laid out."""
    from article.pdfload import load_pdf

    def pages(done: int, total: int) -> None:
        if progress:
            progress(f"版面 {done}/{total} 页", 0.1 * done / total)

    return load_pdf(loaded.source.path, isolate=False, progress=pages)


def _title_of(articles: list[ArticleInfo], blocks: list[Block]) -> str | None:
    """The page's title: its first article's, else its first title block."""
    for article in articles:
        if article.title:
            return article.title
    return next((b.text for b in blocks if b.kind == TITLE), None)


def _group_by_titles(raw: list[RawBlock]) -> tuple[list[Block], list[ArticleInfo]]:
    """Unreflowed blocks, split into articles at each title: the instant first view."""
    blocks: list[Block] = []
    articles: list[ArticleInfo] = []
    members: list[int] = []
    number = -1
    for index, rb in enumerate(raw):
        kind = rb.kind
        if kind == TITLE or number < 0:
            members = []
            articles.append(ArticleInfo(rb.text if kind == TITLE else None, None, members))
            number += 1
        members.append(index)
        if kind == BYLINE and articles[number].byline is None:
            articles[number].byline = rb.text
        # RawBlocks are thrown away after this: their line lists can be handed over, not copied.
        blocks.append(Block(index, kind, rb.text, rb.lines, rb.speaker, number))
    return blocks, articles


def _document_of(
    loaded: LoadedText, result: Reflowed, warnings: list[str] | None = None
) -> Document:
    """The document of a reflowed text, or of a PDF's layout as geometry found it."""
    return Document(
        warnings=warnings or [],
        source=loaded.source,
        doc_id=text_id(loaded.text),
        title=_title_of(result.articles, result.blocks),
        articles=result.articles,
        blocks=result.blocks,
        duplicates=result.duplicates,
        repairs=result.repairs,
    )


def quick_document(loaded: LoadedText) -> Document:
    """Blocks as printed, without jieba's dictionary: cheap enough for the first frame."""
    if loaded.layout is not None:
        return _document_of(loaded, loaded.layout)
    with collector_paused():  # thousands of small objects, no cycles: collecting is pure cost
        blocks, articles = _group_by_titles(split_blocks(loaded.text, dictionary=False))
    return Document(
        source=loaded.source,
        doc_id=text_id(loaded.text),
        title=_title_of(articles, blocks),
        articles=articles,
        blocks=blocks,
    )


def structure(loaded: LoadedText) -> Document:
    """Reflowed blocks and articles, without entities and figures."""
    if loaded.layout is not None:
        return _document_of(loaded, copy.deepcopy(loaded.layout))
    from article.reflow import reflow

    raw, warnings = split_with_warnings(loaded.text)
    result = reflow(raw)
    _fold_furniture_articles(result.articles, result.blocks)
    return _document_of(loaded, result, warnings)


def _fold_furniture_articles(articles: list[ArticleInfo], blocks: list[Block]) -> None:
    """A page's running header before its first title is no article of its own: its blocks
    join the article that follows."""
    while len(articles) > 1 and all(blocks[i].kind == FURNITURE for i in articles[0].blocks):
        first = articles.pop(0)
        articles[0].blocks[:0] = first.blocks
        for number, article in enumerate(articles):
            for i in article.blocks:
                blocks[i].article = number


def _extract(doc: Document, progress: Progress | None) -> Document:
    """Fill entities and figures into a structured document."""
    from article.entities import find_entities
    from article.figures import find_figures

    if progress:
        progress("实体", 0.5)
    doc.entities = find_entities(doc.blocks)
    if progress:
        progress("数据", 0.8)
    doc.figures = find_figures(doc.blocks, doc.entities)
    doc.analysed = True
    return doc


def cached(loaded: LoadedText) -> Document | None:
    """The cached analysis of this exact text, relabelled with the file it was read from now."""
    doc = cache.load(cache.key_for(loaded.text))
    if doc is not None:
        doc.source = loaded.source
    return doc


def analyze(
    loaded: LoadedText, *, use_cache: bool = True, progress: Progress | None = None
) -> Document:
    """The whole analysis, served from the content-keyed cache when the text is unchanged."""
    if loaded.partial:
        loaded = _whole(loaded, progress)
    if use_cache and (doc := cached(loaded)) is not None:
        return doc
    if progress:
        progress("重排", 0.1)
    doc = _extract(structure(loaded), progress)
    if use_cache:
        cache.save(cache.key_for(loaded.text), doc)
    if progress:
        progress("完成", 1.0)
    return doc


def analyze_path(path: str | Path, *, use_cache: bool = True) -> Document:
    """Convenience for scripts and tests: load, then analyse."""
    return analyze(open_text(path), use_cache=use_cache)
