"""The library with 1,000 documents: reading it from the store, and `L` until the list is shown.

Run from the repository root:  /work/venv/bin/python bench/bench_library.py
Target: the library opens in <= 100 ms (from pressing L to the filled list).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from textual import events  # noqa: E402

from store.db import Database  # noqa: E402
from store.library import LIBRARY, library  # noqa: E402
from tui.app import JingduApp  # noqa: E402
from tui.library_list import LibraryList  # noqa: E402
from tui.library_screen import LibraryScreen  # noqa: E402

SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
DOCUMENTS = 1000
ROUNDS = 5


def fill(db_path: Path, folder: Path) -> None:
    """A thousand remembered documents (half of them with a file on disk), 3 notes each."""
    db = Database(db_path)
    for i in range(DOCUMENTS):
        path = folder / f"doc{i:04}.txt"
        if i % 2:
            path.write_text("x", encoding="utf-8")
        row = {
            "path": str(path),
            "title": f"第{i}篇 银行逐鹿“AI+”赛道",
            "doc_id": f"{i:016x}",
            "progress": i % 100,
            "opened": f"2025-{1 + i // 28 % 12:02}-{1 + i % 28:02}T09:00:00+08:00",
        }
        db.upsert(LIBRARY, str(path), row)
    notes = db._table("notes")  # bulk: one write, not 3,000
    with db._writing():
        for i in range(DOCUMENTS * 3):
            key = f"n{i}"
            notes.insert(
                __import__("tinydb").table.Document(
                    {"id": key, "doc_id": f"{i // 3:016x}", "source_path": "", "quote": "q"},
                    doc_id=key,
                )
            )


def _screen_text(app: JingduApp) -> str:
    """What the terminal would show now."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _listed(app: JingduApp) -> int:
    """Rows the library list holds now (0 before it is on screen)."""
    screen = app.screen
    lists = screen.query(LibraryList) if isinstance(screen, LibraryScreen) else []
    return sum(len(listed.entries) for listed in lists)


async def open_library(db_path: Path) -> tuple[float, float]:
    """Seconds from L to the list's first screen painted, and to every document listed."""
    app = JingduApp(SEED, db_path)
    async with app.run_test(size=(130, 40)) as pilot:
        await app.workers.wait_for_complete()  # the analysis and the store: the reader at rest
        while app.db is None:
            await pilot.pause(0.01)
        await pilot.pause(0.2)
        start = time.perf_counter()
        app.post_message(events.Key("L", "L"))  # as the terminal sends it: no pilot waits
        probe = "▶ 从单点突围"  # the open document, first in the list, on screen: painted
        while _listed(app) == 0 or probe not in _screen_text(app):
            await asyncio.sleep(0.001)
        first = time.perf_counter() - start
        while _listed(app) < DOCUMENTS:
            await asyncio.sleep(0.001)
        return first, time.perf_counter() - start


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db_path = folder / "db.json"
        fill(db_path, folder)
        store_times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            entries = library(Database(db_path))
            store_times.append(time.perf_counter() - started)
        assert len(entries) == DOCUMENTS and sum(e.notes for e in entries) == DOCUMENTS * 3
        screen = [await open_library(db_path) for _ in range(ROUNDS)]
        first = [f for f, _ in screen]
        whole = [w for _, w in screen]
    print(f"library of {DOCUMENTS} documents, {DOCUMENTS * 3} notes (median of {ROUNDS})")
    print(f"  store.library(), cold database: {statistics.median(store_times) * 1000:6.1f} ms")
    print(f"  L to its first screen painted:  {statistics.median(first) * 1000:6.1f} ms")
    print(f"  L to all {DOCUMENTS} listed:          {statistics.median(whole) * 1000:6.1f} ms")
    print("  (target <= 100 ms)")


if __name__ == "__main__":
    asyncio.run(main())
