"""Reader speed: first screen and per-key cost, seed vs ~5 MB, against a plain Log/Static.

Run from the repository root:  /work/venv/bin/python bench/bench_tui.py

Everything runs headless (`App.run_test`). "First screen" is the time from creating the app (the
document already built) until the compositor first receives lines holding the document's first
words from the widget. Seed and 5 MB starts alternate in one process, so machine load hits both
alike; both wall and CPU time (process_time, immune to other processes) are reported. Keys and
peak memory (ru_maxrss) run in a fresh subprocess per scenario. Per key: "frame" is the time
from sending the key to the app handing its next composed frame to the (headless) driver; "cpu"
is the CPU time of `pilot.press` plus rendering the visible lines again, which leaves out the
idle waits `pilot.press` makes.
"""

from __future__ import annotations

import asyncio
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import RenderableType  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.geometry import Region  # noqa: E402
from textual.pilot import Pilot  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.strip import Strip  # noqa: E402
from textual.widget import Widget  # noqa: E402
from textual.widgets import Log, Static  # noqa: E402

from article.analyze import open_text, quick_document  # noqa: E402
from article.model import Document, LoadedText  # noqa: E402
from tui.reader_view import ReaderView  # noqa: E402

SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
BIG_BYTES = 5_000_000
SIZE = (120, 40)
ROUNDS = 7  # alternating first-screen starts per document
PRESSES = {"j": 60, "right_curly_bracket": 40, "pagedown": 40, "G": 8}
# What the baseline widgets do for the same keys (they have no sentences or paragraphs).
BASELINE_KEYS = {"j": "down", "right_curly_bracket": "down", "pagedown": "pagedown", "G": "end"}
BACK = {"G": "g", "end": "home"}  # pressed, untimed, between timed jumps to the end
TIMEOUT = 600


def load(which: str) -> LoadedText:
    """The seed, or the seed repeated (numbered copies) up to about 5 MB of UTF-8."""
    seed = open_text(SEED)
    if which == "seed":
        return seed
    parts: list[str] = []
    size = 0
    copy = 0
    while size < BIG_BYTES:
        chunk = f"{seed.text}\n\n第{copy}份副本完。\n\n"
        parts.append(chunk)
        size += len(chunk.encode("utf-8"))
        copy += 1
    return LoadedText(seed.source, "".join(parts))


def build(which: str) -> tuple[Document, str, float]:
    """The reflowed document when reflow works, else the quick one; how; milliseconds taken."""
    loaded = load(which)
    start = time.perf_counter()
    try:
        from article.analyze import structure

        doc, how = structure(loaded), "structure"
    except Exception as exc:  # reflow may be missing or mid-change in a shared tree
        print(f"structure() failed ({exc!r}); using quick_document", file=sys.stderr)
        doc, how = quick_document(loaded), "quick"
    return doc, how, (time.perf_counter() - start) * 1000


class BenchApp(App[None]):
    """One full-screen widget showing the document."""

    def __init__(self, widget: Widget, lines: list[str]) -> None:
        super().__init__()
        self.widget = widget
        self.lines = lines

    def compose(self) -> ComposeResult:
        yield self.widget

    def on_mount(self) -> None:
        self.widget.focus()
        if isinstance(self.widget, Log):
            self.widget.write_lines(self.lines)  # Log needs a running app for this


def make_app(kind: str, doc: Document) -> BenchApp:
    """The reader, or a baseline showing the same text."""
    if kind == "reader":
        return BenchApp(ReaderView(doc), [])
    texts = [b.text for b in doc.blocks]  # the baselines need the text as lines
    if kind == "log":
        return BenchApp(Log(auto_scroll=False), texts)
    return BenchApp(Static("\n\n".join(texts), markup=False), texts)


def paint(widget: Widget) -> list[str]:
    """Render the widget's visible lines (what the compositor asks for) and return their text."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return ["".join(seg.text for seg in strip) for strip in widget.render_lines(region)]


def watch_first_paint(widget: Widget, probe: str, seen: dict[str, float]) -> None:
    """Record wall and CPU clocks when the compositor first gets lines holding `probe`."""
    original = widget.render_lines

    def render_lines(crop: Region) -> list[Strip]:
        strips = original(crop)
        if "wall" not in seen and any(probe in "".join(s.text for s in st) for st in strips):
            seen["wall"], seen["cpu"] = time.perf_counter(), time.process_time()
        return strips

    widget.render_lines = render_lines  # type: ignore[method-assign]


async def first_screen(kind: str, doc: Document) -> tuple[float, float]:
    """(wall ms, CPU ms) from creating the app to its first screen of text (nan: never shown)."""
    seen: dict[str, float] = {}
    wall0, cpu0 = time.perf_counter(), time.process_time()
    app = make_app(kind, doc)
    watch_first_paint(app.widget, doc.blocks[0].text[:4], seen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    nan = float("nan")
    return (seen.get("wall", nan) - wall0) * 1000, (seen.get("cpu", nan) - cpu0) * 1000


async def first_screens(docs: dict[str, Document]) -> dict[str, object]:
    """Alternate seed and 5 MB starts of the reader and the Log baseline; medians."""
    samples: dict[str, list[tuple[float, float]]] = {}
    for _ in range(ROUNDS + 1):
        for which, doc in docs.items():
            for kind in ("reader", "log"):
                samples.setdefault(f"{kind}/{which}", []).append(await first_screen(kind, doc))
    result: dict[str, object] = {}
    for name, runs in samples.items():
        cold, warm = runs[0], runs[1:]
        result[name] = {
            "cold_wall_ms": cold[0],
            "wall_ms": statistics.median(w for w, _ in warm),
            "cpu_ms": statistics.median(c for _, c in warm),
        }
    return result


def watch_frames(app: BenchApp) -> list[float]:
    """Times at which the app hands a composed frame to its driver (headless drops it after)."""
    frames: list[float] = []
    original = app._display

    def display(screen: Screen[object], renderable: RenderableType | None) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    return frames


def stats(prefix: str, times: list[float]) -> dict[str, float]:
    """Median and 95th percentile of a list of milliseconds."""
    if not times:
        return {}
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    return {f"{prefix}_median_ms": statistics.median(times), f"{prefix}_p95_ms": p95}


async def time_keys(kind: str, app: BenchApp, pilot: Pilot[None]) -> dict[str, float]:
    """Per key: key-to-frame latency, and CPU used (which excludes pilot.press's idle waits)."""
    frames = watch_frames(app)
    result: dict[str, float] = {}
    for key, count in PRESSES.items():
        pressed = key if kind == "reader" else BASELINE_KEYS[key]
        latency: list[float] = []
        cpu: list[float] = []
        for _ in range(count):
            frames.clear()
            w0, c0 = time.perf_counter(), time.process_time()
            await pilot.press(pressed)
            paint(app.widget)
            cpu.append((time.process_time() - c0) * 1000)
            if frames:  # no frame: the key changed nothing on screen
                latency.append((frames[0] - w0) * 1000)
            if pressed in BACK:
                await pilot.press(BACK[pressed])
        result.update(stats(f"{key}_frame", latency))
        result.update(stats(f"{key}_cpu", cpu))
    return result


async def keys(kind: str, doc: Document) -> dict[str, object]:
    """Key costs, whether the first screen showed text, and the peak memory."""
    app = make_app(kind, doc)
    result: dict[str, object] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        result["shows_text"] = any(doc.blocks[0].text[:4] in line for line in paint(app.widget))
        result.update(await time_keys(kind, app, pilot))
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def child(args: list[str]) -> None:
    """Run one measurement in this process and print it as JSON."""
    if args[0] == "first":
        docs = {which: build(which)[0] for which in ("seed", "big")}
        print(json.dumps(asyncio.run(first_screens(docs))))
        return
    kind, which, *options = args
    doc, how, built = build(which)
    if "gcfreeze" in options:
        # What an app can do once its long-lived data (jieba's dictionary, the document) is
        # built: the cyclic collector stops re-walking it, which removes the p95 spikes.
        gc.freeze()
    result = asyncio.run(keys(kind, doc))
    chars = sum(len(b.text) for b in doc.blocks)
    result.update(build_ms=built, built_by=how, blocks=len(doc.blocks), chars=chars)
    print(json.dumps(result))


def spawn(*args: str) -> dict[str, object]:
    """Run a measurement in a fresh interpreter so memory figures do not mix."""
    try:
        out = subprocess.run(
            [sys.executable, __file__, "--child", *args],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {TIMEOUT}s"}
    except subprocess.CalledProcessError as exc:
        return {"error": exc.stderr.strip().splitlines()[-1] if exc.stderr else "failed"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def fmt(value: object) -> str:
    """A figure for the table."""
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def table(results: dict[str, dict[str, object]], columns: list[str]) -> None:
    """Scenarios across, figures down."""
    print(f"{'':30}" + "".join(f"{n:>13}" for n in results))
    for column in columns:
        cells = [fmt(r.get(column, r.get("error", "-"))) for r in results.values()]
        print(f"{column:30}" + "".join(f"{c[:12]:>13}" for c in cells))


def main() -> None:
    """Every scenario, then the targets."""
    first = spawn("first")
    print("first screen (ms; median of", ROUNDS, "alternating warm starts, plus the cold one)")
    if "error" in first:
        print("  ", first["error"])
    else:
        table(first, ["cold_wall_ms", "wall_ms", "cpu_ms"])  # type: ignore[arg-type]
    scenarios = ["reader seed", "log seed", "static seed", "reader big", "log big", "static big"]
    scenarios.append("reader big gcfreeze")
    results = {
        s.replace(" ", "/").replace("reader/big/gcfreeze", "frozen/big"): spawn(*s.split())
        for s in scenarios
    }
    columns = ["shows_text", "peak_rss_mb", "build_ms", "built_by", "blocks", "chars"]
    for key in PRESSES:
        columns += [f"{key}_frame_median_ms", f"{key}_frame_p95_ms"]
        columns += [f"{key}_cpu_median_ms", f"{key}_cpu_p95_ms"]
    print("\nkeys (ms per press) and memory")
    table(results, columns)
    summary(first, results)


def summary(first: dict[str, object], results: dict[str, dict[str, object]]) -> None:
    """The issue's targets against the figures."""
    print()
    if "error" not in first:
        seed, big = first["reader/seed"], first["reader/big"]
        for clock in ("wall_ms", "cpu_ms"):
            ratio = big[clock] / seed[clock]  # type: ignore[index]
            print(f"first screen 5 MB / seed ({clock}): {ratio:.2f}x (target <= 1.5x)")
    readers = [results["reader/seed"], results["reader/big"]]
    if any("error" in r for r in readers):
        return
    for clock in ("frame", "cpu"):
        worst = max(float(r[f"{k}_{clock}_median_ms"]) for r in readers for k in PRESSES)  # type: ignore[arg-type]
        print(f"worst reader key median ({clock}): {worst:.1f} ms (target < 30 ms)")
    print(f"peak RSS, 5 MB reader: {results['reader/big']['peak_rss_mb']:.0f} MB (target < 400 MB)")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child(sys.argv[2:])
    else:
        main()
