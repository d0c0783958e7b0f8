"""Crash safety (SIGKILL at random moments) and two processes writing at once."""

from __future__ import annotations

import itertools
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.db import Database
from store.records import Note

ROOT = Path(__file__).resolve().parents[1]
DOC = "crash-doc"
KILL_ROUNDS = 24
PRELOAD = 1500  # notes already stored, so each write takes long enough to be interrupted

WRITER = """
import random
import sys
import time
from pathlib import Path
from store.db import Database
from store.records import Note

db = Database(Path(sys.argv[1]))
prefix, count = sys.argv[2], int(sys.argv[3])
print("ready", flush=True)
if sys.argv[4] == "wait":
    sys.stdin.readline()
for i in range(count):
    note_id = f"{prefix}{i:05d}"
    db.add_note(Note(note_id, "{doc}", "/src.txt", "引文", "前", "后", 1, 0, 2,
                     "笔记正文" * 20, ["标签"], "2025-01-01T00:00:00+08:00", ""))
    print(note_id, flush=True)
    if sys.argv[4] == "wait":
        time.sleep(random.uniform(0, 0.004))  # a person between notes: let the others in
""".replace("{doc}", DOC)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def _writer(db: Path, prefix: str, count: int, wait: bool) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-c", WRITER, str(db), prefix, str(count), "wait" if wait else "go"]
    proc = subprocess.Popen(
        args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def _returned_ids(output: str) -> set[str]:
    """Ids the child printed in full: their save had returned before the kill."""
    lines = output.split("\n")
    return {line for line in lines[:-1] if line}


def _preload(path: Path) -> None:
    rows = {
        f"pre{i:05d}": Note(
            f"pre{i:05d}", DOC, "/src.txt", "引", "", "", 0, 0, 1, "旧" * 80, [], "", ""
        )
        for i in range(PRELOAD)
    }
    db = Database(path)
    for note in list(rows.values())[:1]:
        db.add_note(note)
    storage = db._storage
    with storage.locked():
        data = storage.read() or {}
        data["notes"].update({k: n.to_dict() for k, n in rows.items()})
        storage.write(data)


def test_sigkill_at_random_moments_never_loses_a_returned_save(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    _preload(path)
    rng = random.Random(20240531)
    must_have = {f"pre{i:05d}" for i in range(PRELOAD)}
    for round_no in range(KILL_ROUNDS):
        proc = _writer(path, f"r{round_no:02d}x", 10_000, wait=False)
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        must_have |= _returned_ids(out)
        stored = {n.id for n in Database(path).notes(DOC)}  # always loads: no CorruptDatabase
        missing = must_have - stored
        assert not missing, f"round {round_no}: lost {sorted(missing)[:5]}"
    assert len(must_have) > PRELOAD + KILL_ROUNDS  # the children did get saves through
    assert not list(tmp_path.glob(".notes.json.*.tmp"))


def test_processes_adding_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    Database(path).save_position("other", 1, 1)
    count = 60
    procs = [_writer(path, prefix, count, wait=True) for prefix in ("a", "b", "c")]
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    outputs = [proc.communicate(timeout=60)[0] for proc in procs]
    assert all(proc.returncode == 0 for proc in procs)
    printed = set().union(*(_returned_ids(o) for o in outputs))
    assert len(printed) == 3 * count
    assert {n.id for n in Database(path).notes(DOC)} == printed
    assert Database(path).position("other") is not None
    order = [note_id[0] for note_id in json.loads(path.read_text("utf-8"))["notes"]]
    assert sum(a != b for a, b in itertools.pairwise(order)) > 10  # the writers interleaved
