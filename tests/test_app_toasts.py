"""Notifications reach the screen whole, at any width, with the sidebar open or closed."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from tui_articles.support import make_app, settle


def toast_lines(app: App[object]) -> str:
    """What the screen shows where the toasts are, spaces dropped (a message may wrap)."""
    strips = app.screen._compositor.render_strips()
    rack = app.screen.get_child_by_id("textual-toastrack")
    out = []
    for toast in rack.query("Toast"):
        region = toast.content_region
        for y in range(region.y, region.bottom):
            out.append(strips[y].crop(region.x, region.right).text)
    return "".join("".join(out).split())


MESSAGES = ("实体着色：关", "已导出3条笔记、1个书签", "数据库以只读方式打开：笔记和书签不会保存")


@pytest.mark.parametrize("size", [(130, 40), (131, 40), (80, 24), (200, 60), (111, 30)])
async def test_toasts_keep_every_character(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(pilot)
        for message in MESSAGES:
            app.clear_notifications()
            app.notify(message, timeout=30)
            await pilot.pause(0.1)
            assert message in toast_lines(app), (size, message)


async def test_the_sidebar_toggle_moves_toasts_off_its_border(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=(130, 40), notifications=True) as pilot:
        await settle(pilot)
        for keys in (("c",), ("t", "c"), ("t", "c"), ("tab", "c")):
            await pilot.press(*keys)
            await pilot.pause(0.1)
            shown = "开" if app.reader.highlight_entities else "关"
            assert f"实体着色：{shown}" in toast_lines(app)
            app.clear_notifications()
