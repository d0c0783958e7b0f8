"""Issue 14 in the reader: read-only databases say so and still show the notes, workers live
through whatever the store raises, quitting never hangs, file names cannot drive the terminal."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_articles.support import QINGHE, SIZE, fixed_analysis, make_app, settle

import tui.annotations
from article.analyze import open_text
from article.model import Document
from store.db import Database
from tui.app import JingduApp


def _analysed() -> Document:
    """The document the app shows once its (fixed) analysis is in."""
    return fixed_analysis(open_text(QINGHE), lambda _stage, _fraction: None)


def _with_note(db_path: Path) -> str:
    """A database holding one note on the invented article; returns the note's text."""
    Database(db_path).new_note(_analysed(), 3, 0, 4, "只读也要看得见", [])
    return "只读也要看得见"


def _messages(app: JingduApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A folder that the tests may chmod; its bits are put back for the clean-up."""
    path = tmp_path / "data"
    path.mkdir()
    yield path
    path.chmod(0o755)


async def test_an_unwritable_folder_opens_read_only_in_chinese_and_shows_the_notes(
    folder: Path,
) -> None:
    db_path = folder / "notes.json"
    text = _with_note(db_path)
    folder.chmod(0o555)
    before, files = db_path.read_bytes(), sorted(folder.iterdir())
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.db is not None and app.db.read_only
        assert "只读" in app._status["store"]
        assert any(f"文件夹 {folder} 不可写" in m for m in _messages(app))
        assert [n.text for n in app.notes] == [text]  # reading does not need writing
        await pilot.press("b")
        await settle(pilot)
        assert any("无法保存" in m for m in _messages(app))
        await pilot.press("G", "q")
    assert db_path.read_bytes() == before
    assert sorted(folder.iterdir()) == files


async def test_a_file_without_write_bits_is_respected(folder: Path) -> None:
    db_path = folder / "notes.json"
    _with_note(db_path)
    db_path.chmod(0o444)
    before = db_path.read_bytes()
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.db is not None and app.db.read_only and len(app.notes) == 1
        assert any("只读的（权限 444）" in m for m in _messages(app))
        await pilot.press("G", "q")
    assert db_path.read_bytes() == before


async def test_a_bad_record_opens_read_only_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # x writes its file here
    db_path = tmp_path / "b.json"
    doc_id = _analysed().doc_id
    db_path.write_text(json.dumps({"notes": {"x": {"doc_id": doc_id}}}))
    before = db_path.read_bytes()
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running and app.db is not None and app.db.read_only
        assert any('table "notes", record "x": no "id"' in m for m in _messages(app))
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("G", "q")
    assert db_path.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
async def test_a_fifo_database_neither_hangs_the_reader_nor_its_quit(tmp_path: Path) -> None:
    db_path = tmp_path / "pipe.json"
    os.mkfifo(db_path)
    app = make_app(db_path)
    started = time.monotonic()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.db is not None and app.db.read_only
        assert any("FIFO" in m for m in _messages(app))
        await pilot.press("G", "q")
    assert time.monotonic() - started < 20


async def test_workers_live_through_anything_the_store_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "db.json"

    def broken(*_args: object, **_kwargs: object) -> None:
        raise TypeError("a bug in the store")

    monkeypatch.setattr(Database, "toggle_bookmark", broken)
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert app.is_running
        assert any("a bug in the store" in m for m in _messages(app))
        monkeypatch.setattr(Database, "notes_for_document", broken)
        await pilot.press("b")
        await settle(pilot)
        assert app.is_running and app.db is not None
        await pilot.press("q")


async def test_quitting_waits_for_a_stuck_save_only_so_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tui.annotations, "QUIT_SAVE_LIMIT", 0.3)
    monkeypatch.setattr(tui.annotations, "POSITION_DELAY", 60)  # only the quit saves

    def stuck(*_args: object) -> None:
        time.sleep(5)

    app = make_app(tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Database, "save_position", stuck)
        await pilot.press("G")
        started = time.monotonic()
        await pilot.press("q")
        assert time.monotonic() - started < 2


async def test_a_stored_lone_surrogate_neither_breaks_the_notes_nor_x(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # x writes its file here
    db_path = tmp_path / "db.json"
    _with_note(db_path)
    db_path.write_text(db_path.read_text("utf-8").replace("只读也要看得见", "坏\\udc80字"))
    app = make_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [n.text for n in app.notes] == ["坏\ufffd字"]
        await pilot.press("x")
        await settle(pilot)
        assert app.is_running
        exported = list(tmp_path.glob("*.md"))
        assert len(exported) == 1 and "坏\ufffd字" in exported[0].read_text("utf-8")


async def test_a_hostile_file_name_is_cleaned_in_the_header(tmp_path: Path) -> None:
    path = tmp_path / "e\x1b]2;PWNED\x07\u202e.txt"
    shutil.copy(QINGHE, path)
    app = make_app(tmp_path / "db.json", path=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.sub_title == "e.txt"
        assert "\x1b" not in app.title and "\x07" not in app.title
