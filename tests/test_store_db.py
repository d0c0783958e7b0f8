"""Database API: notes, bookmarks, positions, read-only mode, paths, no Textual import."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_store_support import P1, P2, P3, paragraphs

from store.db import SCHEMA_VERSION, Database, StoreError
from store.paths import default_db_path, resolve_db_path
from store.records import Bookmark, Note, Position

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dir" / "notes.json"


def test_new_database_creates_parent_dirs_but_no_file_until_a_write(db_path: Path) -> None:
    db = Database(db_path)
    assert db_path.parent.is_dir()
    assert not db_path.exists()
    assert db.notes("nothing") == []
    assert db.position("nothing") is None


def test_note_round_trip_and_reading_order(db_path: Path) -> None:
    doc = paragraphs(P1, P2, P3)
    db = Database(db_path)
    late = db.new_note(doc, 3, 4, 10, "第三段的笔记", ["人口"])
    early = db.new_note(doc, 1, 0, 3, "第一行\n第二行", ["#道路", " 道路 ", "", "交通"])
    middle = db.new_note(doc, 1, 7, 12, "", [])
    assert early.quote == P1[0:3]
    assert early.tags == ["道路", "交通"]
    assert early.suffix == P1[3:35]
    assert late.prefix.endswith(P3[:4]) and len(late.prefix) == 32
    reopened = Database(db_path)
    assert [n.id for n in reopened.notes(doc.doc_id)] == [early.id, middle.id, late.id]
    assert reopened.notes(doc.doc_id)[0] == early
    stored = json.loads(db_path.read_text("utf-8"))
    assert stored["meta"]["schema"]["version"] == SCHEMA_VERSION
    assert set(stored["notes"]) == {early.id, middle.id, late.id}


def test_new_note_rejects_spans_outside_the_document(db_path: Path) -> None:
    doc = paragraphs(P1)
    db = Database(db_path)
    with pytest.raises(ValueError):
        db.new_note(doc, 5, 0, 1, "x", [])
    with pytest.raises(ValueError):
        db.new_note(doc, 1, 3, len(P1) + 1, "x", [])
    assert db.notes(doc.doc_id) == []


def test_update_and_delete_note(db_path: Path) -> None:
    doc = paragraphs(P1)
    db = Database(db_path)
    note = db.new_note(doc, 1, 0, 5, "旧", ["a"])
    changed = db.update_note(note.id, text="新的\n笔记")
    assert (changed.text, changed.tags, changed.created) == ("新的\n笔记", ["a"], note.created)
    retagged = db.update_note(note.id, tags=["#b", "c"])
    assert (retagged.text, retagged.tags) == ("新的\n笔记", ["b", "c"])
    assert Database(db_path).notes(doc.doc_id) == [retagged]
    db.delete_note(note.id)
    db.delete_note(note.id)  # already gone: not an error
    assert Database(db_path).notes(doc.doc_id) == []
    with pytest.raises(StoreError, match="no longer"):
        db.update_note(note.id, text="x")


def test_add_note_saves_a_given_note_and_is_idempotent(db_path: Path) -> None:
    note = Note(
        "abc123", "doc", "/x", "引文", "", "", 0, 0, 2, "t", ["k"], "2024-01-02", "2024-01-02"
    )
    db = Database(db_path)
    assert db.add_note(note) is note
    db.add_note(note)
    assert db.notes("doc") == [note]


def test_bookmark_toggle_label_and_delete(db_path: Path) -> None:
    doc = paragraphs(P1, P2)
    db = Database(db_path)
    mark = db.toggle_bookmark(doc, 2, 5)
    assert isinstance(mark, Bookmark)
    assert P2.startswith(mark.label.rstrip("…")) and mark.label.endswith("…")
    assert (mark.block, mark.offset) == (2, 5)
    other = db.toggle_bookmark(doc, 1, 0)
    assert [b.id for b in Database(db_path).bookmarks(doc.doc_id)] == [other.id, mark.id]
    assert db.toggle_bookmark(doc, 2, 9) is None  # same paragraph, another offset: removed
    assert db.bookmarks(doc.doc_id) == [other]
    db.delete_bookmark(other.id)
    assert db.bookmarks(doc.doc_id) == []


def test_position_saved_per_document(db_path: Path) -> None:
    db = Database(db_path)
    db.save_position("doc-a", 4, 12)
    db.save_position("doc-b", 1, 0)
    db.save_position("doc-a", 7, 3)
    pos = Database(db_path).position("doc-a")
    assert isinstance(pos, Position)
    assert (pos.doc_id, pos.block, pos.offset) == ("doc-a", 7, 3)
    assert Database(db_path).position("doc-b").block == 1  # type: ignore[union-attr]


def test_unchanged_position_costs_no_write(db_path: Path) -> None:
    db = Database(db_path)
    db.save_position("doc", 2, 2)
    before = db_path.stat().st_mtime_ns, db_path.stat().st_ino
    db.save_position("doc", 2, 2)
    assert (db_path.stat().st_mtime_ns, db_path.stat().st_ino) == before


def test_two_handles_see_each_others_writes(db_path: Path) -> None:
    doc = paragraphs(P1, P2)
    first, second = Database(db_path), Database(db_path)
    a = first.new_note(doc, 1, 0, 4, "甲", [])
    b = second.new_note(doc, 2, 0, 4, "乙", [])  # second must re-read, not overwrite a
    assert {n.id for n in first.notes(doc.doc_id)} == {a.id, b.id}
    first.delete_note(b.id)
    assert [n.id for n in second.notes(doc.doc_id)] == [a.id]


def test_threads_sharing_one_database_lose_nothing(db_path: Path) -> None:
    doc = paragraphs(P1)
    db = Database(db_path)
    ids: list[str] = []

    def work() -> None:
        for i in range(15):
            ids.append(db.new_note(doc, 1, i, i + 2, f"线程笔记{i}", []).id)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(n.id for n in Database(db_path).notes(doc.doc_id)) == sorted(ids)
    assert len(ids) == 45


def test_read_only_database_reads_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(b"{broken")
    db = Database.open_read_only(path, reason="corrupt")
    assert db.read_only
    assert db.notes("x") == [] and db.bookmarks("x") == [] and db.position("x") is None
    assert db.notes_for_document(paragraphs(P1)) == []
    with pytest.raises(StoreError, match="read-only"):
        db.new_note(paragraphs(P1), 1, 0, 2, "x", [])
    with pytest.raises(StoreError):
        db.save_position("x", 1, 1)
    assert path.read_bytes() == b"{broken"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.json"]


def test_newer_schema_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text(json.dumps({"meta": {"schema": {"version": SCHEMA_VERSION + 1}}}))
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer"):
        Database(db_path)
    assert db_path.read_bytes() == before


def test_resolve_db_path_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JINGDU_DB", str(tmp_path / "env.json"))
    assert resolve_db_path(str(tmp_path / "cli.json")) == tmp_path / "cli.json"
    assert resolve_db_path(None) == tmp_path / "env.json"
    monkeypatch.delenv("JINGDU_DB")
    assert resolve_db_path(None) == default_db_path()
    assert default_db_path().name == "notes.json"
    assert "jingdu" in default_db_path().parts


def test_importing_store_does_not_import_textual() -> None:
    code = (
        "import sys, store.db, store.export, store.anchor, store.paths;"
        "print('textual' in sys.modules, 'jieba' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]
