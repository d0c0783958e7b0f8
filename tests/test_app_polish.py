"""Pilot tests of what a daily reader noticed: palette label, quotes, entity places, widths."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.command import CommandPalette
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets._footer import FooterKey
from tui_articles.support import SIZE, make_app, rendered, settle

from article.model import Figure
from tui.app import JingduApp
from tui.confirm import ConfirmScreen
from tui.help_screen import HelpScreen
from tui.note_editor import NoteEditor
from tui.quote import BAR, QuoteBlock, Typeset
from tui.tabs.entities import EntitiesTab
from tui.tabs.figures import FiguresTab, chart, column_cells
from tui.tabs.legend import type_label
from tui.tabs.notes import NotesTab

CLOSERS = "」』”）》"


def _lines_start_clean(text: str) -> bool:
    """No line begins with a closing bracket or quote (Chinese line-breaking rule)."""
    return not any(line.strip().startswith(tuple(CLOSERS)) for line in text.splitlines())


async def test_footer_names_the_palette_in_chinese(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        palette = app.query_one(FooterKey.__name__ + ".-command-palette", FooterKey)
        assert palette.description == "命令面板"
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "搜索命令…"
        titles = [title for title, _, _ in app.palette_commands()]
        assert "命令面板" not in titles  # the palette does not offer itself
        assert all(key.description.isascii() is False for key in app.query(FooterKey))


async def test_footer_keeps_help_and_quit_on_a_small_terminal(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = {key.key: key for key in app.query(FooterKey)}
        palette = keys["ctrl+p"].region  # docked right: it covers whatever runs under it
        for key in ("q", "question_mark", "a", "slash"):
            assert 0 < keys[key].region.right <= palette.x, key


def test_quote_block_puts_a_bar_on_every_line_and_no_brackets() -> None:
    quote = "黄石湾港务集团表示，今年前三季度吞吐量同比增长百分之十二，创历史新高。" * 2
    text = rendered(QuoteBlock(quote), width=24)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) > 3
    assert all(line.startswith(BAR + " ") for line in lines)
    assert "「" not in text and "」" not in text
    assert "".join(line[2:].rstrip() for line in lines) == quote
    assert _lines_start_clean(text)


def test_quotes_never_split_a_code_or_start_a_line_with_a_closing_mark() -> None:
    quote = "该行协同某某人寿(601628.SH)投贷联动，“有效支持”一批创新型企业发展壮大。"
    for width in range(12, 40):
        lines = rendered(QuoteBlock(quote), width=width).splitlines()
        assert _lines_start_clean("\n".join(line[2:] for line in lines)), width
        assert any("601628.SH" in line for line in lines), width
        plain_lines = rendered(Typeset(quote), width=width).splitlines()
        assert "".join(line.rstrip() for line in plain_lines) == quote, width


async def test_quotes_show_as_blocks_in_editor_list_and_confirmation(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "v", "s")
        block, start, end = app.reader.current_span()
        quote = app.document.blocks[block].text[start:end]
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        shown = app.screen.query_one("#note-quote", Static)
        assert isinstance(shown.content, Typeset) and shown.content.text == quote  # no 「」
        assert shown.has_class("quote") and shown.styles.border_left[0] != ""
        await pilot.press(*"备注", "ctrl+s")
        await settle(pilot)

        app.action_show_tab("notes")
        await pilot.pause()
        prompt = app.query_one(NotesTab).query_one(OptionList).get_option_at_index(0).prompt
        listed = rendered(prompt, width=30)
        assert "「" not in listed and _lines_start_clean(listed)
        assert sum(line.startswith(BAR) for line in listed.splitlines()) >= 2, listed

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = str(app.screen.query_one("#confirm-question", Static).content)
        confirm_quote = rendered(app.screen.query_one("#confirm-quote", Static).content)
        assert "「" not in question + confirm_quote
        assert quote.startswith(confirm_quote.strip().rstrip("…"))
        await pilot.press("n")


def _status_line(app: JingduApp) -> str:
    """The status line as shown."""
    return str(app.query_one("#status", Static).content)


async def test_entity_cycling_from_the_sidebar_names_the_mention(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_show_tab("entities")
        await pilot.pause()
        options = app.query_one(EntitiesTab).query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        options.highlighted = rows.index("  赵明远  ×2")
        shown = []
        for _ in range(3):
            await pilot.press("enter")
            await pilot.pause()
            shown.append(_status_line(app))
        assert ["人物 赵明远 1/2" in s for s in shown] == [True, False, True]
        assert "人物 赵明远 2/2" in shown[1]
        await pilot.press("tab", "G")  # reading on: the name no longer describes the cursor
        await pilot.pause()
        assert "赵明远" not in _status_line(app)


async def test_e_and_E_name_the_entity_reached(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.document.entities[0]
        await pilot.press("e")
        await pilot.pause()
        assert app.reader.flashing == (first.block, first.start, first.end)
        count = sum(e.text == first.text for e in app.document.entities)
        assert f"{type_label(first.type)} {first.text} 1/{count}" in _status_line(app)
        await pilot.press("e", "e")
        await pilot.pause()
        third = app.document.entities[2]
        index = [e for e in app.document.entities if e.text == third.text].index(third) + 1
        assert f"{third.text} {index}/" in _status_line(app)
        await pilot.press("E")
        await pilot.pause()
        second = app.document.entities[1]
        assert f"{type_label(second.type)} {second.text}" in _status_line(app)


async def test_keys_under_a_modal_do_not_reach_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # x would export here
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark", "b", "x", "slash")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert app.bookmarks == [] and not list(tmp_path.glob("*.md"))
        await pilot.press("escape", "b")
        await settle(pilot)
        assert len(app.bookmarks) == 1


async def test_help_stacks_its_columns_on_a_small_terminal(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.query_one("#help-columns").has_class("-stacked")
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not app.screen.query_one("#help-columns").has_class("-stacked")


async def test_sidebar_width_follows_the_screen_and_comes_back(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        wide = app.sidebar.outer_size.width
        assert wide > 50
        reader_column = app.reader._layout.width if app.reader._layout else 0
        assert reader_column == app.reader.measure * 2  # the text keeps its full measure
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert 40 <= app.sidebar.outer_size.width < wide
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.sidebar.display  # closed for the narrow screen…
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert app.sidebar.display  # …and back when there is room again
        await pilot.press("t")
        await pilot.resize_terminal(80, 24)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not app.sidebar.display  # closed by the reader: stays closed


def test_figure_columns_and_chart_grow_with_the_sidebar() -> None:
    narrow, wide = column_cells(50, 15), column_cells(80, 15)
    assert wide[0] > narrow[0] and wide[1] > narrow[1]
    assert sum(narrow) + 15 <= 50
    assert column_cells(36, 15) == (15, 0)  # an 80-column screen: no room for the subject


async def test_a_narrow_sidebar_drops_the_subject_column(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()
        table = app.query_one(FiguresTab).query_one(DataTable)
        for _ in range(40):  # the columns follow the sidebar's width once its layout settles
            if [str(c.label) for c in table.columns.values()] == ["数值", "项目"]:
                break
            await pilot.pause(0.05)
        assert [str(c.label) for c in table.columns.values()] == ["数值", "项目"]
        assert table.virtual_size.width <= table.size.width  # nothing hidden off to the right
        await pilot.resize_terminal(160, 40)
        for _ in range(40):
            await pilot.pause(0.05)
            if len(table.columns) == 3:
                break
        assert [str(c.label) for c in table.columns.values()] == ["数值", "项目", "主体"]
    figures = [
        Figure("超过1200亿元", 1.2e11, None, "元", "超过", "科技企业授信额度合计", "某行", 0, 0, 1),
        Figure("320亿元", 3.2e10, None, "元", None, "新增贷款", "某行", 0, 2, 3),
    ]
    for width in (34, 48, 78):
        lines = [line for line in rendered(chart(figures, width), 200).splitlines() if line]
        assert all(cell_len(line.rstrip()) <= width for line in lines), (width, lines)
        assert lines[1].rstrip().endswith("超过 1,200 亿元")  # the value is never wrapped


async def test_enter_in_a_fresh_entities_tab_jumps_at_once(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.action_show_tab("entities")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.flashing is not None  # the first entity, not a type heading
        assert "人物 " in _status_line(app)


async def test_note_editor_keeps_its_keys_in_view_on_a_small_terminal(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "v", "s", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        hint = app.screen.query_one("#note-hint", Static)
        box = app.screen.query_one("#note-editor")
        assert hint.region.height == 1 and box.region.contains_region(hint.region)
        assert app.screen.query_one("#note-tags").region.height == 3


async def test_a_figure_jump_names_the_figure(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down", "enter")
        await pilot.pause()
        figure = app.document.figures[1]
        assert app.reader.flashing == (figure.block, figure.start, figure.end)
        assert "18.5% · 同比增长 · 青禾银行" in _status_line(app)
