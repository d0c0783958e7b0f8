"""Opening a file in the whole app: time to the first screen of text, seed vs ~5 MB.

Run from the repository root:  /work/venv/bin/python bench/bench_open.py

First, as a person sees it: from starting the process to the article's first line on the
terminal, in tmux (130x40), jingdu against the barest Textual app showing the same file in a
`Static` (bench/bare_static.py), run alternately; target <= 1.5x. The project is byte-compiled
first, as `pip install .` leaves it: where PYTHONDONTWRITEBYTECODE is set (as in some sandboxes)
a source checkout would otherwise compile ~50 modules on every start, which no installed jingdu
does and Textual, installed, does not either. `--source` races without that. Then in-process:

End to end, as a user sees it: reading and decoding the file, the app starting headless
(`App.run_test`, 120x40) and the reader painting lines that hold the article's first words;
then how long until the full analysis (reflow, entities, figures) has arrived, with the
content cache off (a first open) and on (a second open). The baseline in the same run is a
plain Textual `Log` app showing the same text.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import statistics
import subprocess
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
# Session names of our own: another bench_open running on the same tmux server must not
# kill or read ours.
KEEP_SESSION = f"bench-keep-{os.getpid()}"
RACE_SESSION = f"bench-open-{os.getpid()}"


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


def _tmux_first_line(command: list[str], probe: str, session: str) -> float:
    """Seconds from starting `command` in a fresh tmux window until `probe` is on screen."""
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "130", "-y", "40", shlex.join(command)],
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        while True:
            shown = subprocess.run(
                ["tmux", "capture-pane", "-t", session, "-p"], capture_output=True, text=True
            ).stdout
            if probe in shown:
                return time.perf_counter() - start
            if time.perf_counter() - start > 30:
                raise TimeoutError(command)
            time.sleep(POLL)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)


PACKAGES = ("article", "store", "tui", "seeds")


def compile_bytecode(compiled: bool) -> None:
    """Byte-compile the project's packages as an install does (py_compile writes the files even
    under PYTHONDONTWRITEBYTECODE; __pycache__ is ignored by git), or remove that bytecode."""
    import compileall

    for package in PACKAGES:
        if compiled:
            compileall.compile_dir(ROOT / package, quiet=1)
        else:
            for cache in (ROOT / package).rglob("__pycache__"):
                shutil.rmtree(cache, ignore_errors=True)


def as_a_person_sees_it(rounds: int = 7, *, compiled: bool = True) -> tuple[float, float]:
    """Median (jingdu, bare Static app) process start -> first article line, cache warm."""
    compile_bytecode(compiled)
    python = sys.executable
    probe = "中经记者"  # the article's first line under the title
    # A session that outlives the runs, so the tmux server does not exit between them.
    subprocess.run(["tmux", "new-session", "-d", "-s", KEEP_SESSION], check=False)
    try:
        return _race(python, probe, rounds)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", KEEP_SESSION], check=False)


def _race(python: str, probe: str, rounds: int) -> tuple[float, float]:
    """The two apps alternately, after one warm-up run each."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "db.json")
        jingdu = [python, "-m", "tui.cli", "--db", db, str(SEED)]
        bare = [python, str(ROOT / "bench" / "bare_static.py"), str(SEED)]
        _tmux_first_line(jingdu, probe, RACE_SESSION)  # warm the analysis cache and the OS
        _tmux_first_line(bare, probe, RACE_SESSION)
        ours, theirs = [], []
        for _ in range(rounds):
            ours.append(_tmux_first_line(jingdu, probe, RACE_SESSION))
            theirs.append(_tmux_first_line(bare, probe, RACE_SESSION))
    return statistics.median(ours), statistics.median(theirs)


async def main() -> None:
    if shutil.which("tmux"):
        ours, bare = as_a_person_sees_it(compiled="--source" not in sys.argv)
        print(f"{'first screen in tmux':<22} {'jingdu':>9} {'Static app':>11} {'ratio':>6}")
        print(f"{'seed, process start':<22} {ours * 1000:>7.0f}ms {bare * 1000:>9.0f}ms ", end="")
        print(f"{ours / bare:>5.2f}x (target <= 1.5x)\n")
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
