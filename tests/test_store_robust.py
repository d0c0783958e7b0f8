"""Issue 14: damaged records, deep nesting, special files, surrogates, read-only and symlinked
databases, and reading that never depends on writing."""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from test_store_support import P1, P2, P3, paragraphs

from store.db import CorruptDatabase, Database, StoreError
from store.export import export_markdown
from store.storage import AtomicJSONStorage

T = TypeVar("T")
DOC = "d0c"


def _within(seconds: float, call: Callable[[], T]) -> T:
    """Run `call` in a thread; fail (instead of hanging the suite) if it does not return."""
    result: list[T] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as err:
            errors.append(err)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still blocked after {seconds} s"
    if errors:
        raise errors[0]
    return result[0]


def _note(**fields: object) -> dict[str, object]:
    return {
        "id": "n1",
        "doc_id": DOC,
        "quote": "青石镇",
        "block": 1,
        "start": 0,
        "end": 3,
        **fields,
    }


BAD_FILES = [
    ({"notes": {"n1": {"doc_id": DOC}}}, 'no "id"'),
    ({"notes": {"n1": _note(block="abc")}}, '"block" is "abc"'),
    ({"notes": {"n1": _note(start=1e999)}}, '"start" is a number too large'),
    ({"notes": {"n1": _note(tags=5)}}, '"tags" is 5'),
    ({"notes": {"n1": _note(tags=["ok", 7])}}, '"tags" is ["ok", 7]'),
    ({"notes": {"n1": _note(block=-1)}}, '"block" is -1'),
    ({"notes": {"n1": _note(orphaned="no")}}, '"orphaned" is "no"'),
    ({"notes": {"n1": _note(text=None)}}, '"text" is null'),
    ({"notes": {"n1": _note(id="other")}}, '"id" is "other", not its key'),
    ({"notes": {"n1": _note(doc_id=3)}}, '"doc_id" is 3'),
    ({"bookmarks": {"b1": {"id": "b1", "doc_id": DOC, "block": None}}}, '"block" is null'),
    ({"positions": {DOC: {"doc_id": DOC, "offset": True}}}, '"offset" is true'),
    ({"positions": {DOC: {"block": 1}}}, 'no "doc_id"'),
    ({"meta": {"schema": {"version": "1"}}}, '"version" is "1"'),
]


@pytest.mark.parametrize(("content", "named"), BAD_FILES)
def test_a_bad_record_makes_the_database_damaged_and_names_it(
    tmp_path: Path, content: dict[str, dict[str, object]], named: str
) -> None:
    path = tmp_path / "notes.json"
    path.write_text(json.dumps(content), "utf-8")
    before = path.read_bytes()
    with pytest.raises(CorruptDatabase) as caught:
        Database(path)
    message = str(caught.value)
    assert str(path) in message and named in message and "\n" not in message
    table = next(iter(content))
    key = next(iter(content[table]))
    assert f'table "{table}", record "{key}": ' in message  # which record: table and key
    assert path.read_bytes() == before


def test_a_string_schema_version_is_damage_not_a_newer_jingdu(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"meta": {"schema": {"version": "1"}}}', "utf-8")
    with pytest.raises(CorruptDatabase) as caught:
        Database(path)
    assert "newer" not in str(caught.value)
    assert "expected a whole number" in str(caught.value)


def test_good_records_of_every_kind_still_load(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    db = Database(path)
    doc = paragraphs(P1, P2)
    db.new_note(doc, 1, 0, 3, "笔记", ["甲", "乙"])
    db.toggle_bookmark(doc, 2, 0)
    db.save_position(doc.doc_id, 2, 4)
    data = json.loads(path.read_text("utf-8"))
    data["extra"] = {"anything": {"goes": [1, {"deep": None}]}}  # a table we do not use
    path.write_text(json.dumps(data), "utf-8")
    again = Database(path)
    assert len(again.notes(doc.doc_id)) == 1 and len(again.bookmarks(doc.doc_id)) == 1


def test_deeply_nested_json_is_a_damaged_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(CorruptDatabase, match="nested too deeply"):
        Database(path)


def test_damaged_json_says_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(b'{"notes": {\n  "x": "abc')
    with pytest.raises(CorruptDatabase) as caught:
        Database(path)
    assert "Unterminated string starting at line 2 column 8" in str(caught.value)
    path.write_bytes(b'{"notes": {}}\n\n  \xff')
    with pytest.raises(CorruptDatabase, match="byte 0xff at line 3 column 3"):
        Database(path)


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_the_database_path_is_refused_at_once(tmp_path: Path) -> None:
    path = _fifo(tmp_path / "notes.json")
    with pytest.raises(StoreError, match="FIFO") as caught:
        _within(5, lambda: Database(path))
    assert "not a regular file" in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_as_backup_does_not_hang_the_damage_report(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(b"{broken")
    _fifo(tmp_path / "notes.json.bak")
    with pytest.raises(CorruptDatabase, match="no backup"):
        _within(5, lambda: Database(path))


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs unix sockets")
def test_a_socket_or_device_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(StoreError, match="socket"):
            _within(5, lambda: Database(path))
    if Path("/dev/zero").exists():
        with pytest.raises(StoreError, match="character device"):
            _within(5, lambda: Database(Path("/dev/zero")))


def test_a_lone_surrogate_is_never_stored(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    doc = paragraphs(P1)
    note = Database(path).new_note(doc, 1, 0, 3, "坏字符\udc80结尾\\\udcff", ["\ud800"])
    assert note.text == "坏字符\ufffd结尾\\\ufffd" and note.tags == ["\ufffd"]
    assert Database(path).notes(doc.doc_id) == [note]
    raw = path.read_bytes()
    raw.decode("utf-8")
    assert b"\\ud" not in raw.lower()


def test_a_lone_surrogate_from_any_writer_becomes_a_replacement_character(
    tmp_path: Path,
) -> None:
    path = tmp_path / "notes.json"
    storage = AtomicJSONStorage(path)
    storage.read()
    storage.write({"notes": {"n1": _note(text="x\udc80y")}})
    assert json.loads(path.read_text("utf-8"))["notes"]["n1"]["text"] == "x\ufffdy"
    assert (storage.read() or {})["notes"]["n1"]["text"] == "x\ufffdy"  # the cache agrees


def test_surrogates_already_stored_are_read_and_exported_replaced(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    doc = paragraphs(P1)
    Database(path).new_note(doc, 1, 0, 3, "好", [])
    raw = path.read_text("utf-8").replace('"好"', '"坏\\udc80"')  # as older jingdu saved it
    path.write_text(raw, "utf-8")
    notes = Database(path).notes_for_document(doc)
    assert [n.text for n in notes] == ["坏\ufffd"]
    markdown = export_markdown(doc, notes, [])
    markdown.encode("utf-8")
    assert "坏\ufffd" in markdown


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder whose mode bits forbid writing (root included: jingdu reads the bits)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)


def _edited(doc_text: str) -> str:
    """The same paragraph after a re-extraction changed a few characters elsewhere."""
    return doc_text.replace("比上年多出两成", "比上年多出约两成")


def test_reading_does_not_depend_on_writing(read_only_folder: Path) -> None:
    path = read_only_folder / "notes.json"
    old = paragraphs(P1, P2, P3)
    db = Database(path)
    note = db.new_note(old, 2, 0, 5, "罗镇长", [])
    mark = db.toggle_bookmark(old, 3, 0)
    assert mark is not None
    new = paragraphs("插入的一段新文字。", P1, P2, P3)  # everything moved one block down
    read_only_folder.chmod(0o555)
    before = path.read_bytes()
    db = Database(path)
    assert db.read_only and str(read_only_folder) in (db.reason or "")
    notes = db.notes_for_document(new)
    assert [(n.id, n.block, n.orphaned) for n in notes] == [(note.id, 3, False)]
    assert [(b.block, b.orphaned) for b in db.bookmarks_for_document(new)] == [(4, False)]
    assert path.read_bytes() == before
    with pytest.raises(StoreError, match="read-only"):
        db.save_position(new.doc_id, 1, 0)


def test_a_failed_anchor_save_still_returns_the_new_places(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "notes.json"
    old = paragraphs(P1, P2)
    Database(path).new_note(old, 2, 0, 5, "罗镇长", [])
    new = paragraphs(P3, P1, P2)
    db = Database(path)

    def locked_elsewhere(*_args: object) -> None:
        raise StoreError(f"notes database {path} is locked by another process")

    monkeypatch.setattr(AtomicJSONStorage, "write", locked_elsewhere)
    assert [n.block for n in db.notes_for_document(new)] == [3]


def test_a_file_with_no_write_bits_opens_read_only_and_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    doc = paragraphs(P1)
    Database(path).new_note(doc, 1, 0, 3, "留着", [])
    path.chmod(0o444)
    before = path.read_bytes()
    db = Database(path)
    assert db.read_only and "444" in (db.reason or "") and str(path) in (db.reason or "")
    assert [n.text for n in db.notes(doc.doc_id)] == ["留着"]
    with pytest.raises(StoreError, match="read-only"):
        db.new_note(doc, 1, 3, 6, "不该写入", [])
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_an_unwritable_folder_is_found_at_start_up(read_only_folder: Path) -> None:
    read_only_folder.chmod(0o555)
    db = Database(read_only_folder / "notes.json")
    assert db.read_only
    assert db.reason == f"数据库所在的文件夹 {read_only_folder} 不可写"
    assert db.notes("x") == [] and db.position("x") is None
    assert list(read_only_folder.iterdir()) == []


def test_a_folder_that_cannot_be_created_is_read_only_and_empty(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    db = Database(blocker / "sub" / "notes.json")
    assert db.read_only and "无法创建" in (db.reason or "")
    assert db.notes_for_document(paragraphs(P1)) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_symlinked_database_stays_a_symlink(tmp_path: Path) -> None:
    real_dir = tmp_path / "sync"
    real_dir.mkdir()
    target = real_dir / "notes.json"
    Database(target).save_position("d", 1, 1)
    link = tmp_path / "notes.json"
    link.symlink_to(target)
    doc = paragraphs(P1)
    Database(link).new_note(doc, 1, 0, 3, "经由链接", [])
    assert link.is_symlink() and link.resolve() == target
    assert [n.text for n in Database(target).notes(doc.doc_id)] == ["经由链接"]
    assert (real_dir / "notes.json.bak").exists()
    assert not (tmp_path / "notes.json.bak").exists()
    assert not list(tmp_path.glob(".notes.json.*"))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_dangling_symlink_gets_its_target_written(tmp_path: Path) -> None:
    (tmp_path / "sync").mkdir()
    link = tmp_path / "notes.json"
    link.symlink_to(Path("sync") / "notes.json")  # relative, target not there yet
    Database(link).save_position("d", 3, 4)
    assert link.is_symlink()
    assert (
        json.loads((tmp_path / "sync" / "notes.json").read_text())["positions"]["d"]["block"] == 3
    )
