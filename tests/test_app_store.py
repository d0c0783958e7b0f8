"""Pilot tests of what the app keeps on disk: resume position, read-only mode, unreadable input."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from tui_articles.support import ARTICLES, SIZE, fixed_analysis, make_app, settle

import tui.annotations
from article.model import Document, LoadedText
from article.source.decode import InputError
from store.db import Database
from tui.app import JingduApp, Progress, run_reader
from tui.note_editor import NoteEditor


async def test_position_is_restored_after_reopening(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_curly_bracket", "right_curly_bracket", "right_curly_bracket")
        await pilot.press("j")
        where = app.reader.cursor
        assert where != (0, 0)
        await pilot.press("q")
        await pilot.pause()
    saved = Database(db_path).position(app.document.doc_id)
    assert saved is not None and (saved.block, saved.offset) == where

    again = make_app(db_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.reader.cursor == where


async def test_ctrl_q_keeps_the_position_too(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G", "ctrl+q")
        await pilot.pause()
        where = app.reader.cursor
    saved = Database(db_path).position(app.document.doc_id)
    assert saved is not None and (saved.block, saved.offset) == where


async def test_position_is_saved_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.annotations, "POSITION_DELAY", 0.05)
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await pilot.pause(0.2)
        await settle(pilot)
        saved = Database(db_path).position(app.document.doc_id)
        assert saved is not None and saved.block == app.reader.cursor[0]


async def test_corrupt_database_opens_read_only_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # x writes its file here
    db_path = tmp_path / "notes.json"
    db_path.write_bytes(b'{"notes": {"1": {"text": "half a no')
    before = db_path.read_bytes()
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.db is not None and app.db.read_only
        assert "只读" in app._status["store"]
        messages = [n.message for n in app._notifications]
        assert any(str(db_path) in m and "只读" in m for m in messages)
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)  # nothing could be saved
        await pilot.press("b")
        await settle(pilot)
        assert app.bookmarks == []
        assert sum("无法保存" in n.message for n in app._notifications) == 2
        await pilot.press("x")
        await settle(pilot)
        assert any("导出的文件不含笔记" in n.message for n in app._notifications)
        assert len(list(tmp_path.glob("*.md"))) == 1
        await pilot.press("j", "q")
    assert db_path.read_bytes() == before


async def test_markup_looking_text_is_shown_literally(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json", path=ARTICLES / "markup.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.document.analysed and "analysis" not in app._status
        lines = [app.reader.render_line(y).text for y in range(app.reader.size.height)]
        shown = "".join(line.strip() for line in lines)  # wrapped lines joined again
        for literal in ("[b]粗体[/b]", "[/]", "[link=http://example.com]链接[/link]", "\\[转义]"):
            assert literal in shown, literal
        assert "[@click=app.quit]点我退出[/]" in shown
        assert "[bold]醒目[/]的标题" in app.title
        await pilot.press("j", "j", "a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"[i]笔记[/i]", "ctrl+s")
        await settle(pilot)
        assert app.is_running
        assert app.notes[0].text == "[i]笔记[/i]"


def test_run_reader_refuses_an_unreadable_file_before_starting(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        run_reader(tmp_path / "missing.txt", tmp_path / "db.json")
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(InputError, match="directory"):
        run_reader(folder, tmp_path / "db.json")


def _merged_analysis(loaded: LoadedText, progress: Progress) -> Document:
    """An analysis whose reflow joined blocks 2 and 3: later blocks move up by one."""
    doc = fixed_analysis(loaded, progress)
    first, second = doc.blocks[2], doc.blocks[3]
    joined = replace(first, text=first.text + second.text, lines=first.lines + second.lines)
    rest = [replace(b, index=i) for i, b in enumerate(doc.blocks[4:], start=3)]
    doc.blocks = [*doc.blocks[:2], joined, *rest]
    doc.entities, doc.figures = [], []
    return doc


def _text_at(app: JingduApp) -> str:
    """The text from the cursor on, as a check that two places show the same words."""
    block, offset = app.reader.cursor
    return app.reader.document.blocks[block].text[offset : offset + 12]


async def test_quitting_during_the_analysis_keeps_the_place(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    release = threading.Event()

    def slow(loaded: LoadedText, progress: Progress) -> Document:
        release.wait(10)
        return _merged_analysis(loaded, progress)

    app = make_app(db_path, analyzer=slow)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press(*["right_curly_bracket"] * 4, "j")
            words = _text_at(app)
            assert app.reader.cursor[0] == 4 and "analysis" in app._status  # still analysing
            await pilot.press("q")
            await pilot.pause()
    finally:
        release.set()
    assert Database(db_path).position(app.document.doc_id) is not None

    again = make_app(db_path, analyzer=slow)  # released: answers at once, with other blocks
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.document.analysed and len(again.document.blocks) == len(app.quick.blocks) - 1
        assert again.reader.cursor[0] == 3 and _text_at(again) == words


async def test_the_place_is_back_before_the_analysis_finishes(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path, analyzer=_merged_analysis)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G")
        words = _text_at(app)
    release = threading.Event()

    def slow(loaded: LoadedText, progress: Progress) -> Document:
        release.wait(10)
        return _merged_analysis(loaded, progress)

    again = make_app(db_path, analyzer=slow)
    try:
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for _ in range(20):  # the store opens in a worker: a few frames at most
                if _text_at(again) == words:
                    break
                await pilot.pause(0.02)
            assert not again.document.analysed and _text_at(again) == words
            release.set()
            await settle(pilot)
            assert again.document.analysed and _text_at(again) == words
    finally:
        release.set()
