"""Outline, copy and the palette (issue 15 features), driven from the keyboard."""

from __future__ import annotations

from pathlib import Path

from test_app_daily import SECOND_TITLE, two_articles
from textual.widgets import OptionList
from tui_articles.support import SIZE, make_app, settle

from article.model import HEADING
from tui.help_screen import action_rows
from tui.reader_view import ReaderView


async def test_outline_lists_articles_and_enter_jumps(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json", analyzer=two_articles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        assert app.sidebar.active == "outline"
        listed = app.sidebar.query_one("#outline").query_one(OptionList)
        assert app.focused is listed
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert prompts[0] == app.document.title and prompts[-1] == SECOND_TITLE
        await pilot.press("G", "enter")
        await pilot.pause()
        second = app.document.articles[1].blocks[0]
        assert app.reader.cursor == (second, 0)
        assert app.title == SECOND_TITLE


async def test_keys_step_through_articles_and_headings(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json", analyzer=two_articles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        second = app.document.articles[1].blocks[0]
        await pilot.press("J")
        assert app.reader.cursor == (second, 0)
        await pilot.press("J")  # no third article: stays
        assert app.reader.cursor == (second, 0)
        await pilot.press("j", "K")  # inside the article: back to its start
        assert app.reader.cursor == (second, 0)
        await pilot.press("K")
        assert app.reader.cursor == (0, 0)
        app.document.blocks[3].kind = HEADING  # a heading to step to
        await pilot.press("greater_than_sign")
        assert app.reader.cursor == (3, 0)
        await pilot.press("j", "less_than_sign")  # inside a section: back to its heading
        assert app.reader.cursor == (3, 0)
        await pilot.press("less_than_sign")
        assert app.reader.cursor == (0, 0)


async def test_y_copies_the_sentence_or_the_selection(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "y")
        block, start, end = app.reader.current_span()
        assert copied == [app.document.blocks[block].text[start:end]]
        message = list(app._notifications)[-1].message
        assert "OSC 52" in message and "不支持" in message
        await pilot.press("v", "w", "y")
        block, start, end = app.reader.selection or (0, 0, 0)
        assert copied[-1] == app.document.blocks[block].text[start:end] and len(copied) == 2


async def test_the_palette_lists_every_action_with_its_key(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = list(app.palette_commands())
        assert all(keys for _title, keys, _action in commands)
        actions = {action for _title, _keys, action in commands}
        display = app.get_key_display
        for action, _keys, _desc in action_rows(ReaderView.BINDINGS, display):
            assert f"reader('{action}')" in actions
        for action, _keys, _desc in action_rows(app.BINDINGS, display):
            assert action in actions or action == "command_palette"
        for tab in ("outline", "figures", "entities", "notes", "bookmarks"):
            assert f"show_tab('{tab}')" in actions, tab
