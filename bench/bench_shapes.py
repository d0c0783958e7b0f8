"""Analysis time per MB of pathological input shapes against the seed repeated to 5 MB.

Run: /work/venv/bin/python bench/bench_shapes.py [--mb 5] [--only NAME ...] [--stages]
Times the whole analysis (`analyze(open_text(path), use_cache=False)`) of each shape, written
to a temporary file, and prints seconds per MB and the ratio to the seed baseline measured in
the same run. Target: every shape at most `LIMIT` times the baseline's seconds per MB (a stage
that grows faster than the number of blocks shows up here as a shape far above it).
With --stages, the split, reflow, entities and figures stages are timed apart as well.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from article import segment  # noqa: E402
from article.analyze import analyze, open_text  # noqa: E402

SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
LIMIT = 3.0  # allowed seconds per MB of any shape, as a multiple of the baseline's
MB = 1_000_000


def seed_text() -> str:
    """The seed article."""
    return SEED.read_text(encoding="utf-8")


def seed_chars() -> str:
    """The seed's characters without whitespace and markup: material for the shapes."""
    return "".join(c for c in seed_text() if not c.isspace() and c != "#")


def repeat_to(unit: str, size: int, sep: str = "") -> str:
    """`unit` repeated (joined by `sep`) until the text holds `size` UTF-8 bytes."""
    count = max(1, size // len((unit + sep).encode("utf-8")))
    return sep.join([unit] * count)


def cycled(chars: str, count: int, width: int) -> list[str]:
    """`count` pieces of `width` characters, taken from `chars` in turn."""
    long = chars * (count * width // len(chars) + 1)
    return [long[i * width : (i + 1) * width] for i in range(count)]


def baseline(size: int) -> str:
    """The seed article repeated to `size` bytes."""
    return repeat_to(seed_text(), size, "\n\n")


def one_char_lines(count: int) -> str:
    """`count` lines of one character each."""
    return "\n".join(cycled(seed_chars(), count, 1)) + "\n"


def one_char_blank(count: int) -> str:
    """One-character lines with blank lines between them."""
    return "\n\n".join(cycled(seed_chars(), count, 1)) + "\n"


def long_line(size: int) -> str:
    """One line of `size` bytes: the seed's text with no newline anywhere."""
    return repeat_to(seed_chars(), size)


def fragments(size: int) -> str:
    """Tiny blank-separated fragments of 3 to 14 characters (lengths varied, so they do not
    look hard-wrapped), each cut mid-sentence (no closing punctuation)."""
    chars = "".join(c for c in seed_chars() if c not in "。！？；：，、”）」』…")
    long = chars * (size // len(chars.encode("utf-8")) + 1)
    pieces: list[str] = []
    at = total = 0
    while total < size:
        width = 3 + len(pieces) * 7 % 12
        pieces.append(long[at : at + width])
        at += width
        total += 3 * width + 2
    return "\n\n".join(pieces) + "\n"


def markers(size: int) -> str:
    """Short paragraphs cut off by 下转 markers and picked up after 上接 markers."""
    chars = seed_chars()
    units = []
    for i, text in enumerate(cycled(chars, size // 120, 30)):
        page = i % 8 + 1
        units.append(f"{text}\n\n（下转第{page + 1}版）\n\n（上接第{page}版）\n\n{text}。")
    return "\n\n".join(units) + "\n"


def qa_turns(size: int) -> str:
    """Interview turns: `记者：` questions and `某某：` answers, alternating."""
    turns = []
    for i, text in enumerate(cycled(seed_chars(), size // 150, 20)):
        turns.append(f"记者：{text}？" if i % 2 == 0 else f"王建国：{text}。")
    return "\n\n".join(turns) + "\n"


def titles(size: int) -> str:
    """Many articles: a `# 标题` line, then one short paragraph."""
    units = [
        f"# {title}\n\n{body}。"
        for title, body in zip(
            cycled(seed_chars(), size // 120, 12),
            cycled(seed_chars()[7:], size // 120, 24),
            strict=True,
        )
    ]
    return "\n\n".join(units) + "\n"


def duplicates(size: int) -> str:
    """One article of a few paragraphs, each printed again and again."""
    paragraphs = [p for p in seed_text().split("\n\n") if len(p) > 60][:3]
    return repeat_to("\n\n".join(paragraphs), size, "\n\n")


def two_char_lines(size: int) -> str:
    """Running text hard-wrapped at two characters a line, without blank lines."""
    return "\n".join(cycled(seed_chars(), size // 7, 2)) + "\n"


Shape = tuple[str, Callable[[], str]]


def shapes(mb: float) -> list[Shape]:
    """Every pathological shape, at the sizes the issue names or about 1–2 MB."""
    return [
        ("1-char lines 40k", lambda: one_char_lines(40_000)),
        ("1-char lines 300k", lambda: one_char_lines(300_000)),
        ("1-char + blank 150k", lambda: one_char_blank(150_000)),
        ("one long line", lambda: long_line(int(mb * MB))),
        ("cut fragments", lambda: fragments(2 * MB)),
        ("上接/下转 markers", lambda: markers(2 * MB)),
        ("Q&A turns", lambda: qa_turns(2 * MB)),
        ("titles", lambda: titles(2 * MB)),
        ("duplicates", lambda: duplicates(2 * MB)),
        ("2-char lines", lambda: two_char_lines(2 * MB)),
    ]


def timed(path: Path) -> float:
    """Seconds of the whole analysis of one file, cache off."""
    loaded = open_text(path)
    start = time.perf_counter()
    analyze(loaded, use_cache=False)
    return time.perf_counter() - start


def stage_times(path: Path) -> dict[str, float]:
    """Seconds of each stage of the analysis of one file."""
    from article.blocks import split_blocks
    from article.entities import find_entities
    from article.figures import find_figures
    from article.reflow import reflow

    text = open_text(path).text
    times: dict[str, float] = {}
    start = time.perf_counter()
    raw = split_blocks(text)
    times["split"] = time.perf_counter() - start
    last = time.perf_counter()
    blocks = reflow(raw).blocks
    times["reflow"] = time.perf_counter() - last
    last = time.perf_counter()
    entities = find_entities(blocks)
    times["entities"] = time.perf_counter() - last
    last = time.perf_counter()
    find_figures(blocks, entities)
    times["figures"] = time.perf_counter() - last
    return times


def run(name: str, make: Callable[[], str], tmp: Path, stages: bool) -> tuple[float, str]:
    """Write one shape and analyse it; print its size and times, and return its seconds per
    MB and the times of its stages (empty unless asked for)."""
    path = tmp / "shape.txt"
    path.write_text(make(), encoding="utf-8")
    size = path.stat().st_size / MB
    seconds = timed(path)
    detail = ""
    if stages:
        parts = stage_times(path)
        detail = "  " + " ".join(f"{k} {v:.2f}" for k, v in parts.items())
    print(f"{name:<22}{size:>8.2f}{seconds:>10.2f}{seconds / size:>10.2f}", end="", flush=True)
    return seconds / size, detail


def main() -> None:
    """Baseline first, then every shape with its ratio to it."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0, help="size of the baseline")
    parser.add_argument("--only", nargs="*", help="shapes whose name contains one of these")
    parser.add_argument("--stages", action="store_true", help="time each stage apart too")
    args = parser.parse_args()
    segment.tokenizer()  # jieba's dictionary, loaded once outside the clock
    analyze(open_text(SEED), use_cache=False)
    print(f"{'shape':<22}{'MB':>8}{'s':>10}{'s/MB':>10}{'ratio':>8}")
    failed: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        base, _ = run("seed x N (baseline)", lambda: baseline(int(args.mb * MB)), Path(tmp), False)
        print(f"{1.0:>8.2f}")
        for name, make in shapes(args.mb):
            if args.only and not any(part in name for part in args.only):
                continue
            per_mb, detail = run(name, make, Path(tmp), args.stages)
            ratio = per_mb / base
            print(f"{ratio:>8.2f}{detail}")
            if ratio > LIMIT:
                failed.append(name)
    print(f"over {LIMIT}x the baseline: {', '.join(failed) or 'none'}")


if __name__ == "__main__":
    main()
