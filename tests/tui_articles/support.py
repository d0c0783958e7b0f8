"""Shared pieces of the app tests: the invented article, a fixed analysis, app helpers."""

from __future__ import annotations

import io
from pathlib import Path

from textual.pilot import Pilot

from article.analyze import quick_document
from article.model import Document, Entity, Figure, LoadedText
from tui.app import JingduApp, Progress

ARTICLES = Path(__file__).parent
QINGHE = ARTICLES / "qinghe.txt"
SIZE = (120, 40)

# (type, text) of the invented article's entities: every mention is marked.
ENTITIES = (
    ("ORG", "青禾银行"),
    ("ORG", "石溪银行"),
    ("PERSON", "赵明远"),
    ("PERSON", "林晓舟"),
    ("PLACE", "临川市"),
    ("PLACE", "杭州"),
    ("TICKER", "600999.SH"),
)
# (text, value, unit, qualifier, label, subject)
FIGURES = (
    ("超过1200亿元", 1.2e11, "元", "超过", "科技企业授信", "青禾银行"),
    ("18.5%", 18.5, "%", None, "同比增长", "青禾银行"),
    ("320亿元", 3.2e10, "元", None, "新增贷款", "青禾银行"),
    ("0.3个百分点", 0.3, "个百分点", None, "不良率下降", "青禾银行"),
    ("50家", 50.0, "家", None, "科技支行", "青禾银行"),
    ("860亿元", 8.6e10, "元", None, "科技贷款余额", "石溪银行"),
    ("95亿元", 9.5e9, "元", None, "较年初增加", "石溪银行"),
)


def _find_all(doc: Document, text: str) -> list[tuple[int, int, int]]:
    """Every (block, start, end) where `text` occurs."""
    spans = []
    for block in doc.blocks:
        start = block.text.find(text)
        while start >= 0:
            spans.append((block.index, start, start + len(text)))
            start = block.text.find(text, start + 1)
    return spans


def fixed_analysis(loaded: LoadedText, progress: Progress) -> Document:
    """A known analysis of the invented article, so app tests do not depend on extraction."""
    progress("实体", 0.5)
    doc = quick_document(loaded)
    entities = [
        Entity(kind, text, b, s, e, why="测试用的已知名单")
        for kind, text in ENTITIES
        for b, s, e in _find_all(doc, text)
    ]
    doc.entities = sorted(entities, key=lambda e: (e.block, e.start))
    figures = []
    for text, value, unit, qualifier, label, subject in FIGURES:
        for b, s, e in _find_all(doc, text)[:1]:
            figures.append(Figure(text, value, None, unit, qualifier, label, subject, b, s, e))
    doc.figures = sorted(figures, key=lambda f: (f.block, f.start))
    doc.analysed = True
    return doc


def make_app(db: Path, path: Path = QINGHE, **kwargs: object) -> JingduApp:
    """The app on the invented article with the fixed analysis (unless told otherwise)."""
    kwargs.setdefault("analyzer", fixed_analysis)
    return JingduApp(path, db, **kwargs)  # type: ignore[arg-type]


async def settle(pilot: Pilot[object]) -> None:
    """Let workers finish and their messages land (analysis, then the store).

    The analysis starts after the first refresh, so "no worker running" alone may come before
    it has begun: a reader also waits for its document to be analysed (or the analysis to fail).
    """
    app = pilot.app
    for _ in range(100):  # analysis → store open → its message: a few rounds, unless slow
        await app.workers.wait_for_complete()
        await pilot.pause()
        document = getattr(app, "document", None)
        analysed = document is None or document.analysed
        if analysed and all(worker.is_finished for worker in app.workers):
            return


def plain(widget: object) -> str:
    """What a Static shows, as plain text (its content may be a Rich Table or Text)."""
    from textual.widgets import Static

    assert isinstance(widget, Static)
    return rendered(widget.content)


def rendered(renderable: object, width: int = 200) -> str:
    """A Rich renderable (or Textual Content) as the plain text lines it prints at `width`."""
    from rich.console import Console

    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()
