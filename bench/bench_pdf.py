"""Opening a newspaper PDF: layout speed, first screen and memory, each beside its baseline.

Run from the repository root:  /work/venv/bin/python bench/bench_pdf.py

- Layout analysis (PDFium pieces of text → lines → columns → blocks → articles) against
  pypdfium2's own plain `get_text_range()` on the same pages, a 1-page and a 24-page file
  (target ≤ 3x).
- First screen of the 24-page PDF in the reader (its first page laid out, the rest in the
  background) against the first screen of the seed text (target ≤ 1.5x).
- Peak memory of `jingdu analyze` on the 24-page PDF, layout and analysis included
  (target ≤ 400 MB RSS), beside the same for the seed text.

The 24-page file comes from tests/pages/make_pages.py --pages24 when it can run (it needs the
system's CJK fonts), else from the committed pages repeated with pypdf.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402

from article.layout import lay_out  # noqa: E402
from article.source import open_pdf, read_page  # noqa: E402

SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
PAGES = ROOT / "tests" / "pages"
ROUNDS = 5


def pages24(folder: Path) -> Path:
    """A 24-page newspaper PDF: the corpus script's, else the committed pages repeated."""
    out = folder / "pages24.pdf"
    script = PAGES / "make_pages.py"
    if script.exists():
        done = subprocess.run(
            [sys.executable, str(script), "--pages24", str(out)], capture_output=True, timeout=300
        )
        if done.returncode == 0 and out.exists():
            return out
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    pages = sorted(PAGES.glob("*/page.pdf"))
    for i in range(24):
        writer.add_page(PdfReader(pages[i % len(pages)]).pages[0])
    with out.open("wb") as handle:
        writer.write(handle)
    return out


def plain(path: Path) -> int:
    """pypdfium2's plain text of every page."""
    document = pdfium.PdfDocument(path)
    total = 0
    for index in range(len(document)):
        page = document[index]
        textpage = page.get_textpage()
        total += len(textpage.get_text_range())
        textpage.close()
        page.close()
    document.close()
    return total


def layout(path: Path) -> int:
    """Our layout analysis of every page, to blocks and articles."""
    data = path.read_bytes()
    document = open_pdf(path, data)
    pages = [read_page(document, index) for index in range(len(document))]  # type: ignore[arg-type]
    document.close()  # type: ignore[attr-defined]
    _text, result = lay_out(pages)
    return len(result.blocks)


def best(fn, path: Path) -> float:  # type: ignore[no-untyped-def]
    """Median seconds of ROUNDS runs (after one warm-up)."""
    fn(path)
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def speed(files: dict[str, Path]) -> None:
    """Layout against plain extraction, interleaved in one run."""
    print(f"{'layout speed':<14} {'plain text':>11} {'layout':>9} {'ratio':>7}  (target <= 3x)")
    for name, path in files.items():
        base, ours = best(plain, path), best(layout, path)
        print(f"{name:<14} {base * 1000:>9.1f}ms {ours * 1000:>7.1f}ms {ours / base:>6.2f}x")


async def first_screens(big: Path) -> None:
    """First screen of the 24-page PDF against the seed text, in the reader."""
    os.environ["JINGDU_CACHE_DIR"] = "off"
    from bench_open import screen_text, until  # type: ignore[import-not-found]

    from article.analyze import open_first
    from tui.app import JingduApp

    async def first(path: Path, probe: str, db: Path) -> float:
        start = time.perf_counter()
        app = JingduApp(path, db, loaded=open_first(path))
        async with app.run_test(size=(120, 40)):
            await until(lambda: probe in screen_text(app))
            return time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "db.json"
        probe = open_first(big).text.split("\n", 1)[0].strip()[:6]
        seeds, pdfs = [], []
        for _ in range(ROUNDS):
            seeds.append(await first(SEED, "从单点突围", db))
            pdfs.append(await first(big, probe, db))
    seed, pdf = statistics.median(seeds), statistics.median(pdfs)
    print(f"first screen   seed text {seed * 1000:.0f}ms  24-page PDF {pdf * 1000:.0f}ms  "
          f"ratio {pdf / seed:.2f}x  (target <= 1.5x)")  # fmt: skip


def peak_rss(path: Path) -> float:
    """Peak RSS in MB of `jingdu analyze PATH --json`: its own peak plus its children's (the
    layout runs in a forked child), a bound above what the two ever hold at once."""
    script = (
        "import resource, sys; from tui.cli import main; main(sys.argv[1:]); "
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
        "print(me + kids, file=sys.stderr)"
    )
    env = dict(os.environ, JINGDU_CACHE_DIR="off")
    done = subprocess.run(
        [sys.executable, "-c", script, "analyze", str(path), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def main() -> None:
    """Print every figure."""
    with tempfile.TemporaryDirectory() as tmp:
        big = pages24(Path(tmp))
        speed({"1 page": PAGES / "p01" / "page.pdf", "24 pages": big})
        sys.path.insert(0, str(ROOT / "bench"))
        asyncio.run(first_screens(big))
        seed, pdf = peak_rss(SEED), peak_rss(big)
        print(
            f"peak memory    seed text {seed:.0f} MB  24-page PDF {pdf:.0f} MB  (target <= 400 MB)"
        )


if __name__ == "__main__":
    main()
