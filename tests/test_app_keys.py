"""Pilot tests of the app-level keys: search, focus, sidebar, view options, help, palette, quit."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, OptionList
from tui_articles.support import SIZE, make_app, plain, settle

from tui.help_screen import HelpScreen
from tui.reader_view import ReaderView


async def test_opens_with_title_source_and_analysis(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.title == "青禾银行发布科创金融新方案"
        assert app.sub_title.endswith("qinghe.txt")
        assert app.document.analysed
        assert isinstance(app.focused, ReaderView)
        assert "analysis" not in app._status


async def test_slash_searches_and_shows_the_count(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        search = app.query_one("#search", Input)
        assert search.display and search.has_focus
        await pilot.press(*"赵明远", "enter")
        await pilot.pause()
        assert not search.display
        assert isinstance(app.focused, ReaderView)
        assert app._status["search"] == "“赵明远”：1/2（n/N，Esc 清除）"
        assert app.reader.cursor[0] == 3


async def test_search_without_hits_and_escape(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"不存在的词", "enter")
        await pilot.pause()
        assert "没有找到" in app._status["search"]
        await pilot.press("slash", "x", "escape")
        assert not app.query_one("#search", Input).display
        assert isinstance(app.focused, ReaderView)


async def test_tab_moves_focus_between_article_and_sidebar(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, DataTable)
        await pilot.press("tab")
        assert isinstance(app.focused, ReaderView)


async def test_tab_opens_a_hidden_sidebar(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(90, 30)) as pilot:
        await settle(pilot)
        assert not app.sidebar.display  # narrow screen: reading first
        await pilot.press("tab")
        await pilot.pause()
        assert app.sidebar.display and isinstance(app.focused, DataTable)


async def test_t_and_f2_toggle_the_sidebar_without_taking_focus(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.sidebar.display
        await pilot.press("t")
        assert not app.sidebar.display
        await pilot.press("f2")
        assert app.sidebar.display
        assert isinstance(app.focused, ReaderView)


async def test_hiding_the_sidebar_from_inside_returns_focus(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()
        await pilot.press("f2")
        assert not app.sidebar.display
        assert isinstance(app.focused, ReaderView)


async def test_view_option_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = app.reader
        assert reader.highlight_entities
        await pilot.press("c")
        assert not reader.highlight_entities
        width = reader.measure
        await pilot.press("plus")
        assert reader.measure == width + 2
        await pilot.press("minus", "minus")
        assert reader.measure == width - 2
        reader.measure = 18
        await pilot.press("minus", "minus")
        assert reader.measure == 16  # never narrower than that
        assert not reader.indent
        await pilot.press("i")
        assert reader.indent


async def test_help_lists_every_key_and_the_legend(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        keys = plain(screen.query_one("#help-keys")) + plain(screen.query_one("#help-keys-2"))
        for needle in ("搜索", "批注", "书签列表", "导出", "侧栏", "下一句", "命令面板"):
            assert needle in keys, needle
        for _, bindings in app.key_groups():
            for binding in Binding.make_bindings(bindings):
                assert app.get_key_display(binding) in keys, binding.key
        legend = plain(screen.query_one("#help-legend"))
        assert "人物" in legend and "机构" in legend
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_lists_and_runs_actions(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [title for title, _, _ in app.palette_commands()]
        for needle in ("搜索", "批注", "导出", "下一句", "侧栏：笔记"):
            assert needle in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"书签列表")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert app.sidebar.active == "bookmarks"
        assert isinstance(app.focused, OptionList)


async def test_palette_runs_a_reader_action(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await app.run_action("reader('last')")
        await pilot.pause()
        assert app.reader.cursor[0] == len(app.document.blocks) - 1


async def test_q_quits(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


async def test_brackets_cycle_the_sidebar_tabs(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "right_square_bracket")
        await pilot.pause()
        assert app.sidebar.active == "entities"
        assert isinstance(app.focused, OptionList)
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.sidebar.active == "outline"  # 目录 comes first
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.sidebar.active == "figures" and isinstance(app.focused, DataTable)


async def test_shrinking_the_terminal_closes_the_sidebar(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        where = app.reader.cursor
        await pilot.resize_terminal(80, 30)
        await pilot.pause()
        assert not app.sidebar.display
        assert app.reader.cursor == where
        await pilot.press("t")
        assert app.sidebar.display  # still available on demand
