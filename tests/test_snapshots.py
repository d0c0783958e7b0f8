"""Snapshot tests of the app, grouped by feature, on a small invented article (cursor blink off)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_articles.support import SIZE, make_app, settle

from store.library import LibraryEntry
from tui.app import JingduApp
from tui.library_screen import LibraryScreen

TESTS = Path(__file__).parent
ARTICLE = Path("tui_articles/qinghe.txt")  # relative: the header shows it, whatever the checkout


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> JingduApp:
    monkeypatch.chdir(TESTS)
    reader = make_app(tmp_path / "db.json", path=ARTICLE)
    reader.CURSOR_BLINK = False
    return reader


def steps(*keys: str) -> Callable[[Pilot[object]], object]:
    """A run_before that waits for analysis, presses keys, waits again and drops toasts."""

    async def run(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


class TestMainScreen:
    def test_opened(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=steps())

    def test_cursor_on_a_paragraph(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=steps("j", "j", "j"))

    def test_narrow_terminal_hides_the_sidebar(
        self, app: JingduApp, snap_compare: Callable[..., bool]
    ) -> None:
        assert snap_compare(app, terminal_size=(80, 24), run_before=steps())


class TestSidebar:
    def test_entities_tab(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        async def run(pilot: Pilot[object]) -> None:
            await steps()(pilot)
            app.action_show_tab("entities")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=run)

    def test_notes_tab_after_annotating(
        self, app: JingduApp, snap_compare: Callable[..., bool]
    ) -> None:
        keys = ("j", "j", "a", *"核对这个数字", "tab", *"待查", "ctrl+s", "b")

        async def run(pilot: Pilot[object]) -> None:
            await steps(*keys)(pilot)
            app.action_show_tab("notes")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=run)

    def test_bookmarks_tab(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        keys = ("j", "j", "b", "G", "b", "B")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(*keys))


class TestHelp:
    def test_help_screen(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=steps("question_mark"))


class TestSearch:
    def test_search_input(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=steps("slash", *"赵明"))

    def test_search_hits(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        keys = ("slash", *"银行", "enter", "n")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(*keys))


class TestNoteEditor:
    def test_editor_on_a_selection(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        keys = ("j", "j", "v", "w", "w", "a", *"第一行", "enter", *"第二行")
        assert snap_compare(app, terminal_size=SIZE, run_before=steps(*keys))


class TestNotifications:
    def test_a_toast_near_the_sidebar_keeps_every_character(
        self, app: JingduApp, snap_compare: Callable[..., bool]
    ) -> None:
        async def run(pilot: Pilot[object]) -> None:
            await steps()(pilot)
            await pilot.press("c")  # 实体着色：关, once cut at the sidebar's border
            await pilot.pause()

        assert snap_compare(app, terminal_size=(130, 40), run_before=run)


class TestOutline:
    def test_outline_tab(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        assert snap_compare(app, terminal_size=SIZE, run_before=steps("o"))


class TestLibrary:
    def test_library_screen(self, app: JingduApp, snap_compare: Callable[..., bool]) -> None:
        here = LibraryEntry(
            "/docs/青禾.txt", "青禾银行发布科创金融新方案", "a", 41, 3, 0, "2026-12-07"
        )
        gone = LibraryEntry(
            "/docs/旧文章.txt", "一篇文件已删除的旧文章", "b", 100, 9, 0, "2026-01-02", 2, 1, False
        )

        async def run(pilot: Pilot[object]) -> None:
            await steps()(pilot)
            screen = LibraryScreen(None, here.path)
            await app.push_screen(screen)
            screen.show([here, gone])
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=run)
