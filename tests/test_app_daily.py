"""Rough edges a daily reader hit (issue 15): measure, header, progress, Esc, v after a search."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList
from tui_articles.support import SIZE, fixed_analysis, make_app, settle

from article.model import ArticleInfo, Document, LoadedText
from tui import status_line
from tui.app import Progress

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
        await pilot.pause(0.1)
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
    monkeypatch.setattr(status_line, "NOTE_SECONDS", 0.2)
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
        await pilot.pause(0.4)
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
