"""Pilot tests of the sidebar: figures jump and sort, entity cycling, progress before analysis."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList
from tui_articles.support import SIZE, fixed_analysis, make_app, plain, settle

import tui.tabs.figures
from article.model import Document, LoadedText
from tui.app import Progress
from tui.note_editor import NoteEditor
from tui.tabs.entities import EntitiesTab
from tui.tabs.figures import FiguresTab


def _cells(table: DataTable[object]) -> list[list[str]]:
    """The table's rows as plain strings, top to bottom."""
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_figures_table_formats_values_and_jumps(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(FiguresTab).query_one(DataTable)
        rows = _cells(table)
        assert rows[0] == ["超过 1,200 亿元", "科技企业授信", "青禾银行"]
        assert ["18.5%", "同比增长", "青禾银行"] in rows
        assert ["0.3 个百分点", "不良率下降", "青禾银行"] in rows
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is table
        await pilot.press("down", "down", "enter")  # the third figure: 320亿元
        await pilot.pause()
        figure = app.document.figures[2]
        assert app.reader.cursor[0] == figure.block
        assert app.reader.flashing == (figure.block, figure.start, figure.end)
        assert app.focused is table  # Enter jumps, focus stays in the list


async def test_figures_sort_by_value_within_unit(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "s")
        await pilot.pause()
        values = [row[0] for row in _cells(app.query_one(FiguresTab).query_one(DataTable))]
        assert values[:4] == ["超过 1,200 亿元", "860 亿元", "320 亿元", "95 亿元"]
        assert "按数值" in plain(app.query_one(FiguresTab).query_one(".tab-status"))
        await pilot.press("enter")  # jumps to the largest, not the first in reading order
        await pilot.pause()
        assert app.reader.flashing is not None
        assert app.reader.flashing[0] == 2
        await pilot.press("s")
        values = [row[0] for row in _cells(app.query_one(FiguresTab).query_one(DataTable))]
        assert values[1] == "18.5%"


async def test_bar_chart_of_money_figures(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        chart = plain(app.query_one(FiguresTab).query_one(".figure-chart")).splitlines()
        assert chart[0].startswith("金额对比")
        bars = [line for line in chart if "█" in line]
        assert len(bars) == 4  # the four 元 amounts
        widths = [line.count("█") for line in bars]
        assert widths[0] == max(widths)  # 1200亿 is the longest bar


async def test_entities_grouped_with_counts_and_enter_cycles(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tab = app.query_one(EntitiesTab)
        options = tab.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert prompts[0].startswith("人物")
        assert "  赵明远  ×2" in prompts
        assert prompts.index("  青禾银行  ×2") > prompts.index("机构 ORG")
        assert "人物" in plain(tab.query_one(".legend"))
        app.action_show_tab("entities")
        await pilot.pause()
        assert app.focused is options
        options.highlighted = prompts.index("  赵明远  ×2")
        mentions = [(e.block, e.start, e.end) for e in app.document.entities if e.text == "赵明远"]
        seen = []
        for _ in range(3):
            await pilot.press("enter")
            await pilot.pause()
            seen.append(app.reader.flashing)
        assert seen == [mentions[0], mentions[1], mentions[0]]
        assert plain(tab.query_one(".tab-status")).startswith("赵明远：第 1/2 处")
        why = next(e.why for e in app.document.entities if e.text == "赵明远")
        assert why and f"依据：{why}" in plain(tab.query_one(".tab-status"))


async def test_sidebar_says_analysing_until_results_arrive(tmp_path: Path) -> None:
    release = threading.Event()

    def slow(loaded: LoadedText, progress: Progress) -> Document:
        release.wait(10)
        return fixed_analysis(loaded, progress)

    app = make_app(tmp_path / "db.json", analyzer=slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert plain(app.query_one(FiguresTab).query_one(".tab-status")).startswith("分析中")
        assert plain(app.query_one(EntitiesTab).query_one(".tab-status")).startswith("分析中")
        assert app._status["analysis"].startswith("分析中")
        assert app.reader.document.blocks  # the text is already on screen
        await pilot.press("j")
        moved_to = app.reader.cursor
        await pilot.press("a")  # notes wait for the final text: nothing half-anchored is saved
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        assert any("分析完成后" in n.message for n in app._notifications)
        release.set()
        await settle(pilot)
        assert app.query_one(FiguresTab).query_one(DataTable).row_count == 7
        assert "analysis" not in app._status
        assert app.reader.cursor == moved_to  # the new analysis did not move the reader


async def test_failed_analysis_keeps_the_text(tmp_path: Path) -> None:
    def broken(loaded: LoadedText, progress: Progress) -> Document:
        raise RuntimeError("boom")

    app = make_app(tmp_path / "db.json", analyzer=broken)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app._status["analysis"] == "分析失败"
        assert app.reader.document.blocks
        assert "没有找到数据" in plain(app.query_one(FiguresTab).query_one(".tab-status"))
        await pilot.press("b")  # the store still opens: bookmarks work on the quick document
        await settle(pilot)
        assert len(app.bookmarks) == 1


async def test_a_huge_figures_list_is_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.tabs.figures, "MAX_ROWS", 3)
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        tab = app.query_one(FiguresTab)
        assert tab.query_one(DataTable).row_count == 3
        assert plain(tab.query_one(".tab-status")).startswith("前 3 / 7 项数据")
        await pilot.press("tab", "s")
        assert _cells(tab.query_one(DataTable))[1][0] == "860 亿元"  # the largest come first


async def test_one_click_on_a_figure_jumps_and_the_header_sorts(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(FiguresTab).query_one(DataTable)
        await pilot.click(table, offset=(5, 3))  # header + two rows down: the third figure
        await pilot.pause()
        figure = app.document.figures[2]
        assert app.reader.flashing == (figure.block, figure.start, figure.end)
        await pilot.click(table, offset=(5, 0))
        await pilot.pause()
        assert app.query_one(FiguresTab).by_value
