"""Markdown export of a document's notes and bookmarks, deterministic apart from exported_at."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from article.figure_text import format_value
from article.model import HEADING, Document, Figure
from article.source import safe_line
from store.labels import paragraph_label
from store.markdown import blockquote, escape_inline, escape_lines, table_cell, tag, yaml_scalar
from store.records import Bookmark, Note
from store.validate import replace_surrogates

NOTES_HEADING = "笔记"
ORPHANS_HEADING = "未能定位的笔记"
ORPHANS_EXPLAINED = "原文已改动，这些笔记的引文在当前文本中找不到；笔记原样保留。"
BOOKMARKS_HEADING = "书签"
ORPHAN_MARK = "原文已改动，未能定位"
FIGURES_HEADING = "数据"  # as the reader's tab calls them
NO_FIGURES = "（没有识别出数据。）"
EMPTY_TEXT = "（本文暂无笔记和书签。）"
NAME_LIMIT = 80  # characters of title kept in a default file name
_UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)]
)


def export_markdown(
    doc: Document,
    notes: list[Note],
    bookmarks: list[Bookmark],
    *,
    with_figures: bool = False,
    exported_at: datetime | None = None,
) -> str:
    """The whole export: front matter, notes by article and section, bookmarks, figures."""
    placed = sorted((n for n in notes if not n.orphaned), key=_note_key)
    orphans = sorted((n for n in notes if n.orphaned), key=_note_key)
    marks = sorted(bookmarks, key=lambda b: (b.block, b.offset, b.created, b.id))
    when = (exported_at or datetime.now().astimezone()).isoformat(timespec="seconds")
    lines = _front_matter(doc, placed, orphans, marks, when, with_figures)
    lines += [f"# {escape_inline(document_title(doc))}", ""]
    if placed or orphans:
        lines += _notes_section(doc, placed, orphans)
    if marks:
        lines += _bookmarks_section(doc, marks)
    if not (placed or orphans or marks):
        lines += [EMPTY_TEXT, ""]
    if with_figures:
        lines += _figures_section(doc.figures)
    # Whatever was stored, the export can be encoded: a lone surrogate becomes U+FFFD.
    return replace_surrogates("\n".join(lines).rstrip("\n") + "\n")


def document_title(doc: Document) -> str:
    """The title to show: the document's, else its file name, else a generic one."""
    return doc.title or safe_line(Path(doc.source.path).stem) or "未命名文档"


def default_export_name(doc: Document) -> str:
    """A file name from the title: no path separators or shell-hostile characters, '.md'."""
    name = _UNSAFE_NAME.sub(" ", document_title(doc))
    name = "_".join(name.split())[:NAME_LIMIT].strip("._-")
    if not name:
        name = f"jingdu-{doc.doc_id[:8]}" if doc.doc_id else "jingdu-notes"
    if name.lower() in _RESERVED_NAMES:
        name += "_"
    return f"{name}.md"


def _note_key(note: Note) -> tuple[int, int, int, str, str]:
    """Reading order, made total by creation time and id."""
    return (note.block, note.start, note.end, note.created, note.id)


def _front_matter(
    doc: Document,
    placed: list[Note],
    orphans: list[Note],
    marks: list[Bookmark],
    when: str,
    with_figures: bool,
) -> list[str]:
    """YAML front matter (Obsidian properties) with counts."""
    fields: list[tuple[str, str | int | None]] = [
        ("title", document_title(doc)),
        ("source", doc.source.path),
        ("doc_id", doc.doc_id),
        ("exported_at", when),
        ("notes", len(placed) + len(orphans)),
        ("orphaned_notes", len(orphans)),
        ("bookmarks", len(marks)),
    ]
    if with_figures:
        fields.append(("figures", len(doc.figures)))
    return ["---", *(f"{key}: {yaml_scalar(value)}" for key, value in fields), "---", ""]


def _notes_section(doc: Document, placed: list[Note], orphans: list[Note]) -> list[str]:
    """Notes under their article and section headings, then the orphaned ones."""
    lines = [f"## {NOTES_HEADING}", ""]
    many_articles = len(doc.articles) > 1
    sections = _section_of_blocks(doc)
    current: tuple[int | None, int | None] | None = None
    for note in placed:
        article, section = _place_of(doc, sections, note.block)
        if (article, section) != current:
            lines += _group_headings(doc, article, section, current, many_articles)
            current = (article, section)
        lines += _note_lines(note, f"¶ {note.block + 1}")
    if orphans:
        lines += [f"### {ORPHANS_HEADING}", "", ORPHANS_EXPLAINED, ""]
        for note in orphans:
            lines += _note_lines(note, f"原 ¶ {note.block + 1}")
    return lines


def _section_of_blocks(doc: Document) -> list[int | None]:
    """For each block, the index of the heading it falls under within its article."""
    sections: list[int | None] = []
    heading: int | None = None
    article: int | None = None
    for block in doc.blocks:
        if block.article != article:
            heading, article = None, block.article
        if block.kind == HEADING:
            heading = block.index
        sections.append(heading)
    return sections


def _place_of(
    doc: Document, sections: list[int | None], block: int
) -> tuple[int | None, int | None]:
    """(article, section heading block) of a block; (None, None) outside the document."""
    if not 0 <= block < len(doc.blocks):
        return None, None
    return doc.blocks[block].article, sections[block]


def _group_headings(
    doc: Document,
    article: int | None,
    section: int | None,
    previous: tuple[int | None, int | None] | None,
    many_articles: bool,
) -> list[str]:
    """The headings to print when the notes move to another article or section."""
    lines: list[str] = []
    new_article = previous is None or previous[0] != article
    if many_articles and new_article and article is not None:
        lines += [f"### {escape_inline(_article_title(doc, article))}", ""]
    if section is not None:
        level = "####" if many_articles else "###"
        lines += [f"{level} {escape_inline(doc.blocks[section].text)}", ""]
    return lines


def _article_title(doc: Document, article: int) -> str:
    """An article's title, or its number when it has none."""
    if 0 <= article < len(doc.articles) and doc.articles[article].title:
        return doc.articles[article].title or ""
    return f"文章 {article + 1}"


def _note_lines(note: Note, where: str) -> list[str]:
    """One note: the quote as a blockquote, the note, a meta line with a stable block id."""
    lines = blockquote(note.quote) or [">"]
    lines.append("")
    body = escape_lines(note.text)
    if body:
        lines += [*body, ""]
    meta = [where, note.created[:10]] if note.created else [where]
    tags = " ".join(t for t in (tag(name) for name in note.tags) if t)
    if tags:
        meta.append(tags)
    lines += [f"{' · '.join(meta)} ^note-{note.id}", ""]
    return lines


def _bookmarks_section(doc: Document, marks: list[Bookmark]) -> list[str]:
    """Bookmarks as a list: paragraph number, label (whole words), article, date."""
    lines = [f"## {BOOKMARKS_HEADING}", ""]
    many_articles = len(doc.articles) > 1
    for mark in marks:
        placed = not mark.orphaned and 0 <= mark.block < len(doc.blocks)
        label = paragraph_label(doc.blocks[mark.block].text) if placed else mark.label
        label = escape_inline(label) or "（无标签）"
        article = doc.blocks[mark.block].article if placed else None
        if many_articles and article is not None:
            label += f" · 《{escape_inline(_article_title(doc, article))}》"
        date = f" · {mark.created[:10]}" if mark.created else ""
        where = f"原 ¶ {mark.block + 1}" if mark.orphaned else f"¶ {mark.block + 1}"
        lost = f" · {ORPHAN_MARK}" if mark.orphaned else ""
        lines.append(f"- {where} · {label}{date}{lost}")
    return [*lines, ""]


def _figures_section(figures: list[Figure]) -> list[str]:
    """The figures table, in reading order."""
    if not figures:
        return [f"## {FIGURES_HEADING}", "", NO_FIGURES, ""]
    lines = [
        f"## {FIGURES_HEADING}",
        "",
        "| ¶ | 原文 | 数值 | 指标 | 主体 |",
        "|---:|---|---:|---|---|",
    ]
    for fig in sorted(figures, key=lambda f: (f.block, f.start, f.end)):
        cells = [
            str(fig.block + 1),
            table_cell(fig.text),
            table_cell(format_value(fig)),  # as the reader shows it: 超过 4,000 亿元, 33.3%
            table_cell(fig.label or ""),
            table_cell(fig.subject or ""),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]
