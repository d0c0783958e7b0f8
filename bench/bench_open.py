"""Opening a file in the whole app: time to the first screen of text, seed vs ~5 MB.

Run from the repository root:  /work/venv/bin/python bench/bench_open.py

End to end, as a user sees it: reading and decoding the file, the app starting headless
(`App.run_test`, 120x40) and the reader painting lines that hold the article's first words;
then how long until the full analysis (reflow, entities, figures) has arrived, with the
content cache off (a first open) and on (a second open). The baseline in the same run is a
plain Textual `Log` app showing the same text.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Log  # noqa: E402

from article.analyze import open_text  # noqa: E402
from tui.app import JingduApp  # noqa: E402

SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
SIZE = (120, 40)
ROUNDS = 3
POLL = 0.002


class LogApp(App[None]):
    """Baseline: the same text in a plain Log."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Log(auto_scroll=False)

    def on_mount(self) -> None:
        self.query_one(Log).write(open_text(self.path).text)


def big_file(folder: Path) -> Path:
    """The seed repeated to about 5 MB, each copy numbered so copies differ."""
    seed = SEED.read_text("utf-8")
    copies = 5_000_000 // len(seed.encode("utf-8")) + 1
    path = folder / "big.txt"
    path.write_text("".join(f"{seed}\n\n第{i}份副本完。\n\n" for i in range(copies)), "utf-8")
    return path


def screen_text(app: App[None]) -> str:
    """What the screen shows now, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def until(condition: Callable[[], bool], limit: float = 120.0) -> float:
    """Seconds until `condition` holds (polled), from now."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > limit:
            raise TimeoutError
        await asyncio.sleep(POLL)
    return time.perf_counter() - start


async def open_jingdu(path: Path, db: Path, probe: str) -> tuple[float, float]:
    """(first screen, analysis done) in seconds, from reading the file."""
    start = time.perf_counter()
    app = JingduApp(path, db, loaded=open_text(path))
    async with app.run_test(size=SIZE):
        await until(lambda: probe in screen_text(app))
        first = time.perf_counter() - start
        await until(lambda: app.document.analysed)
        done = time.perf_counter() - start
    return first, done


async def open_log(path: Path, probe: str) -> float:
    """First screen of the Log baseline, from reading the file."""
    start = time.perf_counter()
    app = LogApp(path)
    async with app.run_test(size=SIZE):
        await until(lambda: probe in screen_text(app))
        return time.perf_counter() - start


async def scenario(path: Path, db: Path, cache: str) -> dict[str, float]:
    """Median over ROUNDS opens of one file with the cache `off` or `warm`."""
    probe = "从单点突围"
    os.environ["JINGDU_CACHE_DIR"] = cache
    firsts, dones, logs = [], [], []
    for _ in range(ROUNDS):
        first, done = await open_jingdu(path, db, probe)
        firsts.append(first)
        dones.append(done)
        logs.append(await open_log(path, probe))
    return {
        "first": statistics.median(firsts),
        "done": statistics.median(dones),
        "log": statistics.median(logs),
    }


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = big_file(folder)
        cache = str(folder / "cache")
        rows = {}
        for name, path in (("seed", SEED), ("5 MB", big)):
            rows[f"{name}, cache off"] = await scenario(path, folder / "db.json", "off")
            await scenario(path, folder / "db.json", cache)  # fills the cache
            rows[f"{name}, cache warm"] = await scenario(path, folder / "db.json", cache)
    print(f"{'open':<22} {'first screen':>13} {'analysis in':>12} {'Log baseline':>13}")
    for name, row in rows.items():
        print(
            f"{name:<22} {row['first'] * 1000:>11.0f}ms {row['done'] * 1000:>10.0f}ms "
            f"{row['log'] * 1000:>11.0f}ms"
        )
    ratio = rows["5 MB, cache off"]["first"] / rows["seed, cache off"]["first"]
    print(f"first screen 5 MB / seed (cache off): {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    asyncio.run(main())
