"""Export as the reader shows things: whole-word labels, articles named, figures formatted."""

from __future__ import annotations

from dataclasses import replace

from article.model import ArticleInfo, Block, Document, Figure, Source
from store.export import export_markdown
from store.labels import paragraph_label
from store.markdown import table_cell
from store.records import Bookmark


def _doc() -> Document:
    blocks = [
        Block(0, "title", "银行逐鹿", [(1, 1)], article=0),
        Block(
            1,
            "paragraph",
            "建设银行(601939.SH)表示，该行已发放贷款超过三分之一。",
            [(2, 2)],
            article=0,
        ),
        Block(2, "title", "第二篇", [(3, 3)], article=1),
        Block(3, "paragraph", "科技贷款增速30.5%，不超过9.8亿元的贷款获批。", [(4, 4)], article=1),
    ]
    articles = [ArticleInfo("银行逐鹿", None, [0, 1]), ArticleInfo("第二篇", None, [2, 3])]
    doc = Document(Source("/x/a.txt", "utf-8", "0"), "d" * 16, "银行逐鹿", articles, blocks)
    doc.figures = [
        Figure("超过三分之一", 1 / 3, None, "", "超过", "贷款", "建设银行", 1, 18, 24),
        Figure("30.5%", 30.5, None, "%", None, "科技贷款增速", None, 3, 6, 11),
        Figure("不超过9.8亿元", 9.8e8, None, "元", "不超过", "贷款", None, 3, 12, 20),
        Figure("4000亿元", 4e11, None, "元", None, None, None, 3, 0, 0),
    ]
    return doc


def test_labels_never_cut_a_ticker_or_an_aside() -> None:
    label = paragraph_label("建设银行(601939.SH)表示，该行已发放贷款超过三分之一。", limit=10)
    assert label == "建设银行…"
    assert "(" not in label


def test_bookmarks_name_their_article_and_use_whole_words() -> None:
    doc = _doc()
    marks = [
        Bookmark("b1", doc.doc_id, doc.source.path, 1, 0, "建设银行(601939…", "2026-01-01"),
        Bookmark("b2", doc.doc_id, doc.source.path, 3, 0, "科技贷款", "2026-01-01"),
    ]
    out = export_markdown(doc, [], marks)
    lines = [line for line in out.splitlines() if line.startswith("- ¶")]
    assert "601939…" not in out
    assert lines[0].endswith("《银行逐鹿》 · 2026-01-01") and "《第二篇》" in lines[1]


def test_figures_read_as_in_the_reader() -> None:
    out = export_markdown(_doc(), [], [], with_figures=True)
    assert "## 数据" in out and "## 数字" not in out
    assert "| 超过 33.3% |" in out and "0.3333" not in out
    assert "| 30.5% |" in out and "30\\.5" not in out
    assert "| 不超过 9.8 亿元 |" in out
    assert "| 4,000 亿元 |" in out and "400000000000" not in out


def test_table_cells_escape_only_what_a_table_needs() -> None:
    assert table_cell("30.5%") == "30.5%"
    assert table_cell("1. 项") == "1. 项"
    assert table_cell("a|b*c") == "a\\|b\\*c"


def test_one_article_documents_do_not_repeat_the_title() -> None:
    doc = _doc()
    doc = replace(doc, articles=doc.articles[:1])
    mark = Bookmark("b1", doc.doc_id, doc.source.path, 1, 0, "x", "2026-01-01")
    assert "《" not in export_markdown(doc, [], [mark])
