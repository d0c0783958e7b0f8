"""Benchmark: add a note and open a 10,000-note database, against plain TinyDB JSONStorage.

Run: python bench/bench_store.py  (from the repository root). Prints medians of repeated runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tinydb import TinyDB, where
from tinydb.storages import JSONStorage

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.db import Database
from store.records import Note, new_id

DOCS = 100
NOTES_PER_DOC = 100
REPEATS = 25
ADD_TARGET_MS = 100.0
RATIO_TARGET = 1.5


def make_note(doc: int, i: int) -> Note:
    """A note of realistic size: a quote, 32+32 characters of context, a few lines of text."""
    quote = f"第{doc}篇文章第{i}条引文，关于地方财政收入的增长情况"
    return Note(
        id=new_id(),
        doc_id=f"{doc:016x}",
        source_path=f"/home/reader/articles/article_{doc:03d}.txt",
        quote=quote,
        prefix="据统计部门最新发布的数据显示，今年前三季度全市一般公共预算收入",
        suffix="同比增长百分之六点八，其中税收收入占比接近八成，结构持续优化。",
        block=i % 40,
        start=i % 17,
        end=i % 17 + len(quote),
        text="这一段值得和去年的数据对比。\n注意口径变化：去年不含基金收入。",
        tags=["财政", "数据"],
        created="2025-06-01T09:30:00+08:00",
        updated="2025-06-01T09:30:00+08:00",
    )


def seed(notes: list[Note], ours: Path, plain: Path) -> None:
    """Write the same 10,000 notes into both databases, in one write each."""
    db = Database(ours)
    db.add_note(notes[0])
    storage = db._storage
    with storage.locked():
        data = storage.read() or {}
        data["notes"] = {n.id: n.to_dict() for n in notes}
        storage.write(data)
    with TinyDB(plain, storage=JSONStorage) as tiny:
        tiny.table("notes").insert_multiple(n.to_dict() for n in notes)


def timed(action: Callable[[], object], repeats: int = REPEATS) -> list[float]:
    """Wall times in milliseconds of `repeats` runs of `action`."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, ours: list[float], plain: list[float], target_ms: float | None) -> bool:
    """Print one comparison line; True when the targets are met."""
    mine, base = statistics.median(ours), statistics.median(plain)
    ratio = mine / base
    ok = ratio <= RATIO_TARGET and (target_ms is None or mine < target_ms)
    limit = f"< {target_ms:.0f} ms and " if target_ms else ""
    print(
        f"{name:<34} jingdu {mine:7.2f} ms (max {max(ours):7.2f})   "
        f"plain JSONStorage {base:7.2f} ms   ratio {ratio:4.2f}   "
        f"target {limit}≤ {RATIO_TARGET}×: {'OK' if ok else 'MISSED'}"
    )
    return ok


def main() -> int:
    notes = [make_note(d, i) for d in range(DOCS) for i in range(NOTES_PER_DOC)]
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, plain_path = Path(tmp) / "ours.json", Path(tmp) / "plain.json"
        seed(notes, ours_path, plain_path)
        size = ours_path.stat().st_size / 1e6, plain_path.stat().st_size / 1e6
        print(
            f"{len(notes)} notes across {DOCS} documents; files: jingdu {size[0]:.1f} MB, "
            f"plain {size[1]:.1f} MB; median of {REPEATS} runs"
        )
        doc_id = notes[0].doc_id
        ok = True

        def open_ours() -> object:
            return Database(ours_path).notes(doc_id)

        def open_plain() -> object:
            with TinyDB(plain_path, storage=JSONStorage) as tiny:
                return tiny.table("notes").search(where("doc_id") == doc_id)

        ok &= report("open + list one document's notes", timed(open_ours), timed(open_plain), None)

        ours = Database(ours_path)
        extra = iter(make_note(7, 1000 + i) for i in range(10 * REPEATS))
        plain = TinyDB(plain_path, storage=JSONStorage)
        table = plain.table("notes")
        ok &= report(
            "add a note (10,000 stored)",
            timed(lambda: ours.add_note(next(extra))),
            timed(lambda: table.insert(next(extra).to_dict())),
            ADD_TARGET_MS,
        )
        other = Database(ours_path)

        def add_after_other_window() -> None:
            other.add_note(next(extra))  # forces `ours` to re-read the file inside the lock
            ours.add_note(next(extra))

        both = timed(add_after_other_window)
        print(
            f"{'two windows alternating adds':<34} jingdu {statistics.median(both):7.2f} ms "
            "per pair (each add re-reads the other's write)"
        )
        plain.close()
        stored = len(Database(ours_path).notes(notes[0].doc_id))
        print(f"check: first document still has {stored} notes (expected {NOTES_PER_DOC})")
    print("ALL TARGETS MET" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
