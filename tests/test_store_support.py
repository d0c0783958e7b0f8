"""Builders for small invented documents, shared by the store tests (no tests here)."""

from __future__ import annotations

import hashlib

from article.model import HEADING, PARAGRAPH, TITLE, ArticleInfo, Block, Document, Figure, Source


def make_doc(
    parts: list[tuple[str, str]] | list[list[tuple[str, str]]],
    path: str = "/tmp/jingdu-test/article.txt",
    figures: list[Figure] | None = None,
) -> Document:
    """A Document from (kind, text) pairs; a list of lists makes one article per inner list."""
    groups = parts if parts and isinstance(parts[0], list) else [parts]
    blocks: list[Block] = []
    articles: list[ArticleInfo] = []
    for a, group in enumerate(groups):
        indices = []
        for kind, text in group:  # type: ignore[misc]
            indices.append(len(blocks))
            blocks.append(Block(len(blocks), kind, text, [(len(blocks) + 1,) * 2], article=a))
        title = next((t for k, t in group if k == TITLE), None)  # type: ignore[misc]
        articles.append(ArticleInfo(title, None, indices))
    text = "\n".join(b.text for b in blocks)
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    source = Source(path, "utf-8", hashlib.sha256(text.encode()).hexdigest())
    return Document(source, doc_id, articles[0].title, articles, blocks, figures=figures or [])


def paragraphs(*texts: str, title: str = "青石镇年度报告") -> Document:
    """A one-article document: a title, then the given paragraphs."""
    return make_doc([(TITLE, title), *((PARAGRAPH, t) for t in texts)])


P1 = "青石镇今年新修乡村道路约八十公里，比上年多出两成，沿线七个村子通了公交。"
P2 = "镇长罗文川说，明年计划再投入一点二亿元，用于改造老旧水管和建设污水处理站。"
P3 = "据统计，全镇常住人口为三万四千人，其中六十岁以上老人占比接近百分之二十八。"
P4 = "当地茶叶合作社的负责人表示，春茶产量同比增长百分之十五，收购价格保持稳定。"
HEAD = "二、产业发展"

__all__ = [
    "HEAD",
    "HEADING",
    "P1",
    "P2",
    "P3",
    "P4",
    "PARAGRAPH",
    "TITLE",
    "make_doc",
    "paragraphs",
]
