"""Keys typed in one burst (a paste, an IME commit) all land in the field they were typed for."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App
from tui_articles.support import SIZE, make_app, settle

from store.db import Database
from tui.note_editor import NoteEditor


def burst(app: App[object], *keys: str) -> None:
    """Queue key presses at once, as a terminal delivers a paste: no pause between them."""
    for key in keys:
        if len(key) == 1:
            name = "space" if key == " " else key
            app.post_message(events.Key(name, key))
        else:
            app.post_message(events.Key(key, None))


async def test_a_burst_across_tab_keeps_note_and_tags_apart(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for round_ in range(3):
            await pilot.press("j", "a")
            burst(app, *"笔记正文", "tab", *"标签甲 标签乙", "ctrl+s")
            await settle(pilot)
            await pilot.pause(0.1)
            assert not isinstance(app.screen, NoteEditor), round_
        notes = Database(db_path).notes(app.document.doc_id)
        assert [(n.text, n.tags) for n in notes] == [("笔记正文", ["标签甲", "标签乙"])] * 3


async def test_shift_tab_goes_back_to_the_note(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        burst(app, *"甲", "tab", *"乙", "shift+tab", *"丙", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.1)
        notes = Database(db_path).notes(app.document.doc_id)
        assert [(n.text, n.tags) for n in notes] == [("甲丙", ["乙"])]
