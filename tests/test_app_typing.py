"""Keys typed in one burst (a paste, an IME commit) all land in the field they were typed for."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from tui_articles.support import SIZE, fixed_analysis, make_app, settle

from article.model import Document, LoadedText
from store.db import Database
from tui.app import Progress
from tui.note_editor import NoteEditor


@pytest.fixture(autouse=True)
def _no_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Held keys must be let go by the focus moving, never by the safety time limit."""
    monkeypatch.setattr("tui.typeahead.HOLD_LIMIT", 600.0)


CHARACTERS = {"slash": "/", "enter": "\r", "tab": "\t", "escape": "\x1b"}


def burst(app: App[object], *keys: str) -> None:
    """Queue key presses at once, as a terminal delivers a paste: no pause between them."""
    for key in keys:
        if len(key) == 1:
            name = "space" if key == " " else key
            app.post_message(events.Key(name, key))
        else:
            app.post_message(events.Key(key, CHARACTERS.get(key)))


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


def _note_texts(db_path: Path, app: App[object]) -> list[tuple[str, list[str]]]:
    """(text, tags) of every note of the app's document, as stored."""
    return [(n.text, n.tags) for n in Database(db_path).notes(app.document.doc_id)]  # type: ignore[attr-defined]


async def test_keys_typed_with_the_a_that_opens_the_editor_land_in_the_note(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "a", *"紧跟着打的字", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.1)
        assert not isinstance(app.screen, NoteEditor)
        assert _note_texts(db_path, app) == [("紧跟着打的字", [])]


async def test_reading_keys_typed_with_the_a_are_text_not_moves(tmp_path: Path) -> None:
    """j, k, n, space, G are the reader's keys; typed after a they are the note's letters."""
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cursor = app.reader.cursor
        burst(app, "a", *"jk n G", "tab", *"vim", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.1)
        assert app.reader.cursor == cursor
        assert _note_texts(db_path, app) == [("jk n G", ["vim"])]


async def test_a_whole_burst_from_a_keeps_note_and_tags_apart(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "a", *"笔记正文", "tab", *"标签甲 标签乙", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.1)
        assert _note_texts(db_path, app) == [("笔记正文", ["标签甲", "标签乙"])]


async def test_a_paste_right_after_a_lands_in_the_note(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "a")
        app.post_message(events.Paste("粘贴的一段话"))
        burst(app, *"，再打几个字", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.1)
        assert _note_texts(db_path, app) == [("粘贴的一段话，再打几个字", [])]


async def test_keys_typed_with_the_slash_are_the_whole_query(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "slash", *"青禾银行", "enter")
        await settle(pilot)
        await pilot.pause(0.1)
        assert app.reader._marks.query == "青禾银行"
        hits = app.reader.search_hits
        assert hits and all(app.document.blocks[b].text[s:e] == "青禾银行" for b, s, e in hits)
        assert app.focused is app.reader
        # The burst is over: the next keys read again.
        await pilot.press("n")
        assert app.reader._marks.hit_index == 1


async def test_a_burst_after_an_a_that_waits_for_the_analysis(tmp_path: Path) -> None:
    """The a waits for the analysis: what is typed after it waits too, then fills the note."""
    release = threading.Event()

    def slow(loaded: LoadedText, progress: Progress) -> Document:
        release.wait(10)
        return fixed_analysis(loaded, progress)

    db_path = tmp_path / "db.json"
    app = make_app(db_path, analyzer=slow)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            cursor = app.reader.cursor
            burst(app, "a", *"等分析的时候 jj 打的字")
            await pilot.pause(0.2)
            assert not isinstance(app.screen, NoteEditor)
            assert app.reader.cursor == cursor  # j is a letter of the note here
            release.set()
            await settle(pilot)
            await pilot.pause(0.2)
            assert isinstance(app.screen, NoteEditor)
            burst(app, *"，然后", "ctrl+s")
            await settle(pilot)
            await pilot.pause(0.1)
            assert _note_texts(db_path, app) == [("等分析的时候 jj 打的字，然后", [])]
    finally:
        release.set()


async def test_escape_while_an_a_waits_calls_it_off_and_reading_goes_on(tmp_path: Path) -> None:
    release = threading.Event()

    def slow(loaded: LoadedText, progress: Progress) -> Document:
        release.wait(10)
        return fixed_analysis(loaded, progress)

    app = make_app(tmp_path / "db.json", analyzer=slow)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            cursor = app.reader.cursor
            await pilot.press("a", "x", "escape")
            await pilot.pause(0.1)
            assert "waiting" not in app._status
            await pilot.press("j")
            assert app.reader.cursor != cursor  # reading keys read again
            release.set()
            await settle(pilot)
            await pilot.pause(0.2)
            assert not isinstance(app.screen, NoteEditor)  # the a was called off
    finally:
        release.set()


async def test_keys_after_the_key_that_closes_a_field_read_again(tmp_path: Path) -> None:
    """Enter (search) and ctrl+s (note) close their field: the keys after them move the reader."""
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "slash", *"青禾银行", "enter", "n")
        await settle(pilot)
        await pilot.pause(0.1)
        assert app.reader._marks.hit_index == 1  # the n after Enter went to the next hit
        cursor = app.reader.cursor
        burst(app, "a", *"一条", "ctrl+s", "j", "j")
        await settle(pilot)
        await pilot.pause(0.1)
        assert _note_texts(db_path, app) == [("一条", [])]
        assert app.reader.cursor > cursor  # the j after ctrl+s read on
        burst(app, "a", *"不要了", "escape", "b")
        await settle(pilot)
        await pilot.pause(0.1)
        assert not isinstance(app.screen, NoteEditor)
        assert len(_note_texts(db_path, app)) == 1
        assert len(Database(db_path).bookmarks(app.document.doc_id)) == 1  # the b after Esc


async def test_keys_typed_with_the_e_that_edits_a_note_land_in_it(tmp_path: Path) -> None:
    db_path = tmp_path / "db.json"
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        burst(app, "a", *"原来的", "ctrl+s")
        await settle(pilot)
        app.action_show_tab("notes")
        await pilot.pause()
        burst(app, "e", *"补上", "ctrl+s")
        await settle(pilot)
        await pilot.pause(0.1)
        assert not isinstance(app.screen, NoteEditor)
        [(text, _tags)] = _note_texts(db_path, app)
        assert sorted(text) == sorted("原来的补上") and "补上" in text


async def test_keys_after_closing_help_read_again(tmp_path: Path) -> None:
    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cursor = app.reader.cursor
        burst(app, "question_mark", "escape", "j", "j")
        await settle(pilot)
        await pilot.pause(0.2)
        assert app.screen is app.screen_stack[0]
        assert app.reader.cursor > cursor
