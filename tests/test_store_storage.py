"""The storage: atomic replace with backup, corrupt files refused untouched, failed writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from test_store_support import P1, P2, paragraphs

from store.db import CorruptDatabase, Database, StoreError
from store.storage import AtomicJSONStorage

CORRUPTIONS = [
    b'{"notes": {"a1": {"id": "a1", "text": "half a no',
    b"\x00\x00\x00\x00\x00",
    b"\xff\xfe{}",
    b"[1, 2, 3]",
    b'{"notes": [1, 2]}',
    b'{"notes": {"a1": "not a record"}}',
]


def _one_line(message: str) -> bool:
    return "\n" not in message and "\r" not in message


@pytest.mark.parametrize("content", CORRUPTIONS)
def test_corrupt_file_is_refused_and_left_byte_for_byte(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    with pytest.raises(CorruptDatabase) as caught:
        Database(path)
    err = caught.value
    assert str(path) in str(err) and _one_line(str(err))
    assert err.path == path and err.backup is None
    assert "no backup" in str(err)
    assert path.read_bytes() == content
    assert not (tmp_path / "notes.json.bak").exists()


def test_corrupt_file_names_the_backup_to_restore(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    db = Database(path)
    doc = paragraphs(P1, P2)
    db.new_note(doc, 1, 0, 4, "第一条", [])
    db.new_note(doc, 2, 0, 4, "第二条", [])  # the backup now holds the first note
    good_backup = (tmp_path / "notes.json.bak").read_bytes()
    path.write_bytes(path.read_bytes()[:-7])  # truncated, as a crashing editor might leave it
    broken = path.read_bytes()
    with pytest.raises(CorruptDatabase) as caught:
        Database(path)
    message = str(caught.value)
    assert _one_line(message)
    assert str(path) in message and str(tmp_path / "notes.json.bak") in message
    assert caught.value.backup == tmp_path / "notes.json.bak"
    assert path.read_bytes() == broken
    assert (tmp_path / "notes.json.bak").read_bytes() == good_backup


def test_corruption_during_a_session_stops_writes_and_keeps_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    db = Database(path)
    doc = paragraphs(P1)
    db.new_note(doc, 1, 0, 4, "好的", [])
    path.write_bytes(b"{oops")
    with pytest.raises(CorruptDatabase):
        db.new_note(doc, 1, 4, 8, "写不进去", [])
    with pytest.raises(CorruptDatabase):
        db.notes(doc.doc_id)
    assert path.read_bytes() == b"{oops"


def test_empty_file_is_a_new_database_unless_a_backup_exists(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(b"")
    Database(path).save_position("d", 1, 1)
    assert json.loads(path.read_text())["positions"]["d"]["block"] == 1
    path.write_bytes(b"  \n")  # now a backup exists: an empty file means lost data
    with pytest.raises(CorruptDatabase, match="empty"):
        Database(path)
    assert path.read_bytes() == b"  \n"


def test_each_write_keeps_the_previous_file_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    db = Database(path)
    db.save_position("d", 1, 1)
    first = path.read_bytes()
    db.save_position("d", 2, 2)
    assert (tmp_path / "notes.json.bak").read_bytes() == first
    assert json.loads(path.read_bytes())["positions"]["d"]["block"] == 2


def test_failed_write_leaves_file_and_memory_consistent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.json"
    db = Database(path)
    doc = paragraphs(P1)
    kept = db.new_note(doc, 1, 0, 4, "保存成功", [])
    before = path.read_bytes()

    def no_space(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(StoreError, match="No space left") as caught:
        db.new_note(doc, 1, 4, 8, "保存失败", [])
    assert _one_line(str(caught.value)) and str(path) in str(caught.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert db.notes(doc.doc_id) == [kept]  # the failed note is not a phantom in memory
    assert not list(tmp_path.glob(".notes.json.*.tmp"))


def test_stale_temp_files_of_killed_writers_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    Database(path).save_position("d", 1, 1)
    stale = tmp_path / ".notes.json.999.deadbeef.tmp"
    stale.write_bytes(b'{"half')
    Database(path)
    assert not stale.exists()
    assert path.exists()


def test_write_refuses_data_read_from_a_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    mine, theirs = AtomicJSONStorage(path), AtomicJSONStorage(path)
    data = mine.read() or {}
    theirs.read()
    theirs.write({"notes": {"x": {"id": "x", "doc_id": "d"}}})
    with pytest.raises(StoreError, match="changed on disk"):
        mine.write({**data, "positions": {}})  # read before their write: must not clobber it
    assert json.loads(path.read_text())["notes"] == {"x": {"id": "x", "doc_id": "d"}}
    assert (mine.read() or {})["notes"] == {"x": {"id": "x", "doc_id": "d"}}


def test_change_with_same_inode_size_and_mtime_is_still_seen(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    db = Database(path)
    doc = paragraphs(P1)
    note = db.new_note(doc, 1, 0, 4, "甲", [])
    assert db.notes(doc.doc_id) == [note]
    st = path.stat()
    raw = path.read_bytes()
    start = raw.index(b'"token":"') + 9
    forged = raw[:start] + b"0" * 16 + raw[start + 16 :]  # another writer, same length
    forged = forged.replace("甲".encode(), "乙".encode())
    with open(path, "r+b") as handle:  # in place: the inode stays the same
        handle.write(forged)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (path.stat().st_ino, path.stat().st_size, path.stat().st_mtime_ns) == (
        st.st_ino,
        st.st_size,
        st.st_mtime_ns,
    )
    assert [n.text for n in db.notes(doc.doc_id)] == ["乙"]


def test_unreadable_path_is_a_one_line_store_error(tmp_path: Path) -> None:
    path = tmp_path / "adir"
    path.mkdir()
    with pytest.raises(StoreError) as caught:
        Database(path)
    assert str(path) in str(caught.value) and _one_line(str(caught.value))


def test_backup_falls_back_to_a_copy_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.json"
    db = Database(path)
    db.save_position("d", 1, 1)
    first = path.read_bytes()

    def no_links(*_args: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    db.save_position("d", 2, 2)
    assert (tmp_path / "notes.json.bak").read_bytes() == first


def test_empty_span_is_not_a_note(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="non-empty"):
        Database(tmp_path / "notes.json").new_note(paragraphs(P1), 1, 3, 3, "x", [])
