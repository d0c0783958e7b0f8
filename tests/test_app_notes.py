"""Pilot tests of the pen-in-hand workflow: select, annotate, list, jump, edit, delete, bookmark."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, TextArea
from tui_articles.support import SIZE, make_app, rendered, settle

from store.db import Database
from store.export import default_export_name
from store.records import Note, now_iso
from tui.confirm import ConfirmScreen
from tui.note_editor import NoteEditor
from tui.tabs.notes import NotesTab


async def test_select_annotate_list_jump_edit_delete(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "v", "w", "w")
        block, start, end = app.reader.selection or (0, 0, 0)
        assert end > start
        quote = app.document.blocks[block].text[start:end]
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert quote in str(editor.query_one("#note-quote").content)
        await pilot.press(*"第一行", "enter", *"第二行", "tab", *"银行 科创", "ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert app.reader.selection is None
        stored = Database(db_path).notes(app.document.doc_id)
        assert [(n.quote, n.text, n.tags) for n in stored] == [
            (quote, "第一行\n第二行", ["银行", "科创"])
        ]
        assert app.reader._marks.notes == [(block, start, end)]

        # list → jump
        notes_tab = app.query_one(NotesTab)
        listed = notes_tab.query_one(OptionList)
        assert listed.option_count == 1 and quote in rendered(listed.get_option_at_index(0).prompt)
        await pilot.press("g")
        app.action_show_tab("notes")
        await pilot.pause()
        assert app.focused is listed
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.flashing == (block, start, end)

        # edit
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "第一行\n第二行"
        app.screen.query_one(TextArea).text = "改过的笔记"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [n.text for n in Database(db_path).notes(app.document.doc_id)] == ["改过的笔记"]
        assert "改过的笔记" in rendered(listed.get_option_at_index(0).prompt)

        # delete: 'n' keeps it, 'y' removes it
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(Database(db_path).notes(app.document.doc_id)) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert Database(db_path).notes(app.document.doc_id) == []
        assert listed.option_count == 0
        assert app.reader._marks.notes == []


async def test_annotate_without_selection_takes_the_sentence_and_esc_cancels(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        block, start, end = app.reader.current_span()
        assert editor.draft.quote == app.document.blocks[block].text[start:end]
        await pilot.press(*"不要", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert Database(db_path).notes(app.document.doc_id) == []


async def test_bookmark_toggle_list_jump_delete(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j", "b")
        await settle(pilot)
        block = app.reader.cursor[0]
        assert [b.block for b in Database(db_path).bookmarks(app.document.doc_id)] == [block]
        assert app.reader._marks.bookmarks == {block}  # the margin mark
        await pilot.press("b")  # the same paragraph again: removed
        await settle(pilot)
        assert Database(db_path).bookmarks(app.document.doc_id) == []
        await pilot.press("b", "G", "b")
        await settle(pilot)
        assert len(app.bookmarks) == 2
        await pilot.press("B")
        await pilot.pause()
        assert app.sidebar.display and app.sidebar.active == "bookmarks"
        listed = app.sidebar.query_one("#bookmarks").query_one(OptionList)
        assert app.focused is listed
        assert str(listed.get_option_at_index(0).prompt).startswith(f"¶{block + 1} ")
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.cursor[0] == block
        await pilot.press("d")  # asks first, like a note: n keeps it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(Database(db_path).bookmarks(app.document.doc_id)) == 2
        await pilot.press("d", "y")
        await settle(pilot)
        assert len(Database(db_path).bookmarks(app.document.doc_id)) == 1


async def test_x_exports_markdown_into_the_current_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "a", *"要点", "ctrl+s")
        await settle(pilot)
        await pilot.press("b", "x")
        await settle(pilot)
        exported = list(tmp_path.glob("*.md"))
        assert len(exported) == 1
        text = exported[0].read_text(encoding="utf-8")
        assert "青禾银行发布科创金融新方案" in text and "要点" in text
        shown = [n.message for n in app._notifications]
        assert any(str(exported[0]) in message for message in shown)


async def test_a_failed_save_keeps_the_note_on_screen(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.db is not None

        def refuse(*args: object, **kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        app.db.new_note = refuse  # type: ignore[method-assign]
        await pilot.press("a", *"珍贵的想法", "tab", *"标签", "ctrl+s")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.query_one(TextArea).text == "珍贵的想法"
        assert editor.query_one(Input).value == "标签"
        assert "保存失败" in str(editor.query_one("#note-problem").content)
        del app.db.new_note  # the disk is back: saving again works
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [n.text for n in Database(db_path).notes(app.document.doc_id)] == ["珍贵的想法"]


async def test_a_failed_export_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (tmp_path / default_export_name(app.document)).mkdir()  # the name is taken by a folder
        await pilot.press("x")
        await settle(pilot)
        assert any("无法写入" in n.message for n in app._notifications)


async def test_orphaned_notes_stay_listed_and_marked(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = app.document
    lost = Note(
        id="lost1",
        doc_id=doc.doc_id,
        source_path=doc.source.path,
        quote="一段早已删掉的原文，再也找不到了",
        prefix="前文也不存在",
        suffix="后文也不存在",
        block=2,
        start=0,
        end=16,
        text="旧笔记",
        tags=[],
        created=now_iso(),
        updated=now_iso(),
    )
    Database(db_path).add_note(lost)
    again = make_app(db_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [n.orphaned for n in again.notes] == [True]
        assert again.reader._marks.notes == []  # nowhere to underline
        again.action_show_tab("notes")
        await pilot.pause()
        listed = again.query_one(NotesTab).query_one(OptionList)
        assert rendered(listed.get_option_at_index(0).prompt).startswith("⚠ 原文已找不到")
        where = again.reader.cursor
        await pilot.press("enter")
        await pilot.pause()
        assert again.reader.cursor == where
        assert any("找不到" in n.message for n in again._notifications)


async def test_notes_list_acts_on_the_highlighted_note(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for text in ("甲", "乙"):
            await pilot.press("right_curly_bracket", "a", text, "ctrl+s")
            await settle(pilot)
        app.action_show_tab("notes")
        await pilot.pause()
        listed = app.query_one(NotesTab).query_one(OptionList)
        await pilot.press("down", "e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.draft.text == "乙" and editor.draft.note_id == app.notes[1].id
        await pilot.press("escape", "up", "enter")
        await pilot.pause()
        first = app.notes[0]
        assert app.reader.flashing == (first.block, first.start, first.end)
        assert listed.highlighted == 0
