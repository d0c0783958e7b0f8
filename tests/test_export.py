"""Markdown export: front matter, grouping in reading order, escaping, determinism, file names."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin
from test_store_support import HEAD, HEADING, P1, P2, P3, P4, PARAGRAPH, TITLE, make_doc

from article.model import Figure
from store.db import Database
from store.export import default_export_name, export_markdown
from store.markdown import escape_lines, yaml_scalar
from store.records import Bookmark, Note

WHEN = datetime(2025, 6, 1, 8, 30, tzinfo=UTC)
NASTY = [
    "# 不是标题",
    "- 不是列表",
    "1. 不是编号",
    "> 不是引用",
    "*强调* _下划线_ **粗体** ~~删除~~ ==高亮==",
    "`代码` [链接](http://example.com) ![图](x.png) [[维基链接]]",
    "<b>html</b> &amp; &#169;",
    "| 表 | 格 |\n|---|---|",
    "标签 #tag 和块 ^blockid 和 %%注释%% 和 $x^2$",
    "    缩进四格",
    "---",
    "路径 C:\\temp\\ 结尾反斜杠\\",
]


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).use(front_matter_plugin)


def _doc():  # type: ignore[no-untyped-def]
    figures = [
        Figure("约八十公里", 80, None, "公里", "约", "新修乡村道路", "青石镇", 2, 11, 16),
        Figure("一点二亿元", 120000000, None, "元", None, "投入|资金", None, 5, 11, 16),
    ]
    return make_doc(
        [
            [(TITLE, "青石镇年度报告"), (PARAGRAPH, P1), (HEADING, HEAD), (PARAGRAPH, P3)],
            [(TITLE, "水务专版"), (PARAGRAPH, P2), (HEADING, "三、水质"), (PARAGRAPH, P4)],
        ],
        figures=figures,
    )


def _note(nid: str, block: int, start: int, end: int, text: str, **kw: object) -> Note:
    doc = _doc()
    quote = doc.blocks[block].text[start:end]
    fields = {"tags": ["基建"], "created": "2025-05-03T09:00:00+08:00"}
    fields.update(kw)
    return Note(
        nid,
        doc.doc_id,
        doc.source.path,
        quote,
        "",
        "",
        block,
        start,
        end,
        text,
        fields["tags"],
        fields["created"],
        fields["created"],  # type: ignore[arg-type]
        bool(fields.get("orphaned", False)),
    )


def _notes() -> list[Note]:
    return [
        _note("n4", 7, 0, 6, "第二篇第二节"),
        _note("n1", 1, 0, 3, "第一篇开头"),
        _note("n3", 5, 2, 6, "第二篇开头"),
        _note("n2", 3, 0, 4, "第一篇第二节", tags=["人口", "a b"]),
        _note("n5", 3, 8, 12, "原文已删", orphaned=True),
    ]


def _marks() -> list[Bookmark]:
    doc = _doc()
    return [
        Bookmark("b2", doc.doc_id, doc.source.path, 5, 0, "镇长罗文川说…", "2025-05-03T00:00:00Z"),
        Bookmark("b1", doc.doc_id, doc.source.path, 1, 0, "青石镇今年 *新修*…", "2025-05-02"),
    ]


def test_front_matter_is_valid_and_counts() -> None:
    out = export_markdown(_doc(), _notes(), _marks(), with_figures=True, exported_at=WHEN)
    tokens = _md().parse(out)
    assert tokens[0].type == "front_matter"
    fields = dict(line.split(": ", 1) for line in tokens[0].content.splitlines())
    values = {k: json.loads(v) for k, v in fields.items()}
    assert values == {
        "title": "青石镇年度报告",
        "source": _doc().source.path,
        "doc_id": _doc().doc_id,
        "exported_at": "2025-06-01T08:30:00+00:00",
        "notes": 5,
        "orphaned_notes": 1,
        "bookmarks": 2,
        "figures": 2,
    }


def test_notes_grouped_under_articles_and_sections_in_reading_order() -> None:
    out = export_markdown(_doc(), _notes(), _marks(), exported_at=WHEN)
    tokens = _md().parse(out)
    headings = [
        (tok.tag, tokens[i + 1].content)
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]
    assert headings == [
        ("h1", "青石镇年度报告"),
        ("h2", "笔记"),
        ("h3", "青石镇年度报告"),
        ("h4", HEAD),
        ("h3", "水务专版"),
        ("h4", "三、水质"),
        ("h3", "未能定位的笔记"),
        ("h2", "书签"),
    ]
    order = [out.index(f"^note-{n}") for n in ("n1", "n2", "n3", "n4", "n5")]
    assert order == sorted(order)
    assert out.index(HEAD) < out.index("第一篇第二节") < out.index("水务专版")
    assert "¶ 4 · 2025-05-03 · #人口 #a_b ^note-n2" in out
    assert "原 ¶ 4" in out  # the orphan keeps its last known paragraph
    assert out.index("¶ 2 · 青石镇今年") < out.index("¶ 6 · 镇长罗文川说")


def test_quote_is_a_blockquote_and_note_follows_outside_it() -> None:
    out = export_markdown(_doc(), _notes()[:1], [], exported_at=WHEN)
    tokens = _md().parse(out)
    kinds = [t.type for t in tokens]
    start = kinds.index("blockquote_open")
    assert tokens[start + 2].content == _doc().blocks[7].text[:6]
    after = tokens[kinds.index("blockquote_close") + 2]
    assert after.content == "第二篇第二节"


def test_export_is_deterministic_apart_from_exported_at() -> None:
    notes, marks = _notes(), _marks()
    first = export_markdown(_doc(), notes, marks, with_figures=True, exported_at=WHEN)
    random.Random(7).shuffle(notes)
    marks.reverse()
    again = export_markdown(_doc(), notes, marks, with_figures=True, exported_at=WHEN)
    assert first == again
    later = export_markdown(_doc(), notes, marks, with_figures=True)
    diff = [(a, b) for a, b in zip(first.splitlines(), later.splitlines(), strict=True) if a != b]
    assert len(diff) == 1 and diff[0][0].startswith("exported_at: ")


@pytest.mark.parametrize("text", NASTY)
def test_markdown_specials_in_notes_and_quotes_cannot_break_structure(text: str) -> None:
    note = _note("x1", 1, 0, 3, text)
    note.quote = text.replace("\n", " ")
    out = export_markdown(_doc(), [note], [], exported_at=WHEN)
    tokens = _md().parse(out)
    structural = [t.type for t in tokens if t.type.endswith("_open") or t.type in ("hr", "fence")]
    assert structural == [
        "heading_open",
        "heading_open",
        "blockquote_open",
        "paragraph_open",
        "paragraph_open",
        "paragraph_open",
    ] or structural == [
        "heading_open",
        "heading_open",
        "heading_open",
        "blockquote_open",
        "paragraph_open",
        "paragraph_open",
        "paragraph_open",
    ]
    inline = [t for t in tokens if t.type == "inline"]
    rendered = [_plain(t) for t in inline]
    assert " ".join(note.quote.split()) in rendered
    assert "\n".join(" ".join(line.split()) for line in text.splitlines()) in rendered


def _plain(token) -> str:  # type: ignore[no-untyped-def]
    """Text of an inline token, failing on any inline structure."""
    out = []
    for child in token.children or []:
        assert child.type in ("text", "softbreak", "hardbreak"), (child.type, token.content)
        out.append("\n" if child.type == "hardbreak" else child.content)
    return "".join(out)


ALPHABET = "ab中文 \n\t#*_-+>`[]()<>!|~^$=&%\\.1:;{}'\""


@settings(max_examples=150, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_escaped_text_renders_back_to_itself(text: str) -> None:
    lines = escape_lines(text)
    tokens = _md().parse("\n".join(lines) + "\n")
    assert all(t.type in ("paragraph_open", "inline", "paragraph_close") for t in tokens)
    rendered = "\n".join(_plain(t) for t in tokens if t.type == "inline")
    expected = [" ".join(ln.replace("\t", " ").split(" ")).strip(" ") for ln in text.splitlines()]
    expected = [" ".join(e.split()) for e in expected]
    assert rendered == "\n".join(e for e in expected if e)


def test_yaml_values_stay_on_one_quoted_line() -> None:
    assert yaml_scalar('a: "b"\n---\nc') == '"a: \\"b\\"\\n---\\nc"'
    assert yaml_scalar("x\u2028y\x85") == '"x\\u2028y\x85"'
    assert yaml_scalar(None) == "null" and yaml_scalar(3) == "3"


def test_figures_table_escapes_cells() -> None:
    out = export_markdown(_doc(), [], [], with_figures=True, exported_at=WHEN)
    tokens = _md().parse(out)
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "td_open"]
    assert cells[:5] == ["3", "约八十公里", "约 80 公里", "新修乡村道路", "青石镇"]
    assert cells[5:10] == ["6", "一点二亿元", "1.2 亿元", "投入|资金", ""]


def test_empty_export_says_so() -> None:
    out = export_markdown(_doc(), [], [], exported_at=WHEN)
    assert "暂无笔记" in out and "## 笔记" not in out


def test_default_export_name_is_filesystem_safe() -> None:
    doc = _doc()
    assert default_export_name(doc) == "青石镇年度报告.md"
    doc.title = '../a/b: "c"*?<d>|\te  f\x00'
    name = default_export_name(doc)
    assert name.endswith(".md") and "/" not in name and "\\" not in name
    assert not any(ch in name for ch in ':*?"<>|\t\x00') and not name.startswith(".")
    doc.title = "x" * 300
    assert len(default_export_name(doc)) <= 83
    doc.title = None
    assert default_export_name(doc) == "article.md"  # falls back to the file name
    doc.title = "///"
    assert default_export_name(doc).startswith("jingdu-")


def test_export_from_the_database_round_trip(tmp_path: Path) -> None:
    doc = _doc()
    db = Database(tmp_path / "notes.json")
    db.new_note(doc, 3, 0, 4, "**不是粗体**\n第二行", ["人口"])
    db.toggle_bookmark(doc, 5, 0)
    out = export_markdown(
        doc, db.notes_for_document(doc), db.bookmarks(doc.doc_id), exported_at=WHEN
    )
    assert "\\*\\*不是粗体\\*\\*\\\n第二行" in out
    assert "- ¶ 6 · 镇长罗文川说" in out
