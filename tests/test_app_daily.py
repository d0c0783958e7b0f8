"""Rough edges a daily reader hit (issue 15): measure, header, progress, Esc, v after a search."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList
from tui_articles.support import QINGHE, SIZE, fixed_analysis, make_app, settle

from article.model import ArticleInfo, Document, LoadedText
from store.db import Database
from tui import status_line
from tui.app import Progress
from tui.note_editor import NoteEditor

SECOND_TITLE = "石溪银行科技贷款"


def two_articles(loaded: LoadedText, progress: Progress) -> Document:
    """The invented article cut in two: the last three paragraphs are a second article."""
    doc = fixed_analysis(loaded, progress)
    cut = len(doc.blocks) - 3
    doc.blocks = [replace(b, article=0 if b.index < cut else 1) for b in doc.blocks]
    first = ArticleInfo(doc.title, None, list(range(cut)))
    doc.articles = [first, ArticleInfo(SECOND_TITLE, None, list(range(cut, len(doc.blocks))))]
    return doc


async def test_plus_says_when_the_window_keeps_lines_shorter(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        assert app.sidebar.display
        for _ in range(10):
            await pilot.press("plus")
        await pilot.pause(0.4)
        assert sum("每行最多" in n.message for n in app._notifications) == 1  # one per run
        last = list(app._notifications)[-1].message
        shown = app.reader.line_chars
        assert shown < app.reader.measure
        measure = app.reader.measure
        assert last == f"每行最多 {measure} 字，窗口只容得下 {shown} 字（t 收起侧栏或加宽窗口）"
        await pilot.press("t")
        await pilot.pause(0.1)
        assert app.reader.line_chars > shown  # hiding the sidebar gives the lines their room


async def test_header_and_status_follow_the_article_under_the_cursor(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json", analyzer=two_articles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.title == app.document.title
        assert app._status["place"].startswith("第1/2篇 · ")
        await pilot.press("G")
        await pilot.pause()
        assert app.title == SECOND_TITLE
        assert app._status["place"] == f"第2/2篇 · 100% · ¶{len(app.document.blocks)}/8"
        await pilot.press("g")
        await pilot.pause()
        assert app.title == app.document.title


async def test_progress_grows_as_the_cursor_moves(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(12):
            seen.append(int(app._status["place"].split("%")[0]))
            await pilot.press("j")
        assert seen == sorted(seen) and seen[0] < 20 and seen[-1] == 100


async def test_esc_clears_the_search_and_a_miss_is_forgotten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(status_line, "NOTE_SECONDS", 1.0)  # long enough on a loaded machine
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"银行", "enter")
        await pilot.pause()
        assert app.reader.search_hits and "search" in app._status
        await pilot.press("escape")
        await pilot.pause()
        assert app.reader.search_hits == [] and "search" not in app._status
        await pilot.press("slash", *"没有这个词", "enter")
        await pilot.pause()
        assert "没有找到" in app._status["search"]
        await pilot.pause(1.3)
        assert "search" not in app._status


async def test_v_after_a_search_selects_the_hit(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"赵明远", "enter", "v")
        await pilot.pause()
        block, start, end = app.reader.selection or (0, 0, 0)
        assert app.document.blocks[block].text[start:end] == "赵明远"
        assert app.reader.search_hits[0] == (block, start, end)
        await pilot.press("escape", "j", "k", "v")  # moved on: v starts at the sentence again
        await pilot.pause()
        assert app.reader.selection is not None
        assert app.reader.selection[1] == app.reader.sentence[1]


async def test_vim_keys_move_in_sidebar_lists_and_lists_do_not_wrap(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_show_tab("entities")
        await pilot.pause()
        listed = app.sidebar.query_one("#entities").query_one(OptionList)
        assert app.focused is listed
        first = listed.highlighted
        await pilot.press("j")
        assert listed.highlighted is not None and first is not None
        assert listed.highlighted > first
        await pilot.press("k", "k", "k")
        assert listed.highlighted == first  # the top stays the top
        await pilot.press("G")
        last = listed.highlighted
        await pilot.press("j")
        assert listed.highlighted == last
        app.action_show_tab("figures")
        await pilot.pause()
        table = app.sidebar.query_one(DataTable)
        assert app.focused is table
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1


async def test_a_and_b_during_the_analysis_wait_and_then_happen(tmp_path: Path) -> None:
    release = threading.Event()

    def slow(loaded: LoadedText, progress: Progress) -> Document:
        release.wait(10)
        return two_articles(loaded, progress)

    db_path = tmp_path / "db.json"
    app = make_app(db_path, analyzer=slow)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            await pilot.press("j", "j", "b", "a")
            await pilot.pause()
            assert "分析完成后" in app._status["waiting"]  # said at once, not dropped
            assert not isinstance(app.screen, NoteEditor)
            words = app.document.blocks[app.reader.cursor[0]].text[:10]
            release.set()
            await settle(pilot)
            await pilot.pause(0.2)
            assert isinstance(app.screen, NoteEditor)  # the a, carried out
            assert app.screen.draft.quote.startswith(words[:4])
            await pilot.press(*"稍后写", "ctrl+s")
            await settle(pilot)
            assert "waiting" not in app._status
            marks = Database(db_path)
            assert len(marks.bookmarks(app.document.doc_id)) == 1
            assert [n.text for n in marks.notes(app.document.doc_id)] == ["稍后写"]
    finally:
        release.set()


async def test_the_swap_to_the_reflowed_text_keeps_the_cursor_on_its_words(
    tmp_path: Path,
) -> None:
    from test_app_store import _merged_analysis, _text_at

    release = threading.Event()

    def slow(loaded: LoadedText, progress: Progress) -> Document:
        release.wait(10)
        return _merged_analysis(loaded, progress)

    app = make_app(tmp_path / "db.json", analyzer=slow)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            assert app._status["analysis"].startswith("分析中… 重排中")
            await pilot.press(*["right_curly_bracket"] * 4, "j")
            words = _text_at(app)
            row = app.reader._cursor_row()
            release.set()
            await settle(pilot)
            assert len(app.document.blocks) == len(app.quick.blocks) - 1  # really swapped
            assert _text_at(app) == words
            same_row = app.reader._cursor_row() == row
            assert same_row or app.reader.scroll_y == 0  # near the top the text cannot stay put
            assert "analysis" not in app._status
    finally:
        release.set()


def test_analyze_counts_paragraphs_from_one_like_the_reader() -> None:
    from article.analyze import analyze, open_text
    from article.outline import outline

    text = outline(analyze(open_text(QINGHE), use_cache=False))
    rows = [line for line in text.splitlines() if line.lstrip().startswith("[")]
    assert rows and rows[0].lstrip().startswith("[  1]")  # ¶1 in the reader and the export
    assert "[  0]" not in text
