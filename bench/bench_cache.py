"""Second open of an unchanged document from the content-keyed cache, against a fresh analysis.

Run: python bench/bench_cache.py  (prints a table; takes about half a minute)
Baseline in the same run: the full analysis of the same text, and reading + decoding the file.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from article import segment
from article.analyze import analyze, open_text
from seeds import seed_path

TARGET_SECONDS = 1.0


def build_big(folder: Path, megabytes: float = 5.0) -> Path:
    """About `megabytes` of text: the seed repeated with its numbers varied per copy."""
    seed = seed_path().read_text("utf-8")
    copies = int(megabytes * 1_000_000 / len(seed.encode("utf-8"))) + 1
    parts = [
        seed.replace("2025", str(1900 + i % 120)).replace("4000", str(1000 + i))
        for i in range(copies)
    ]
    path = folder / "big.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def seconds(action: object) -> float:
    """Wall time of one call."""
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def measure(path: Path) -> dict[str, float]:
    """Read, first (uncached) analysis, then the best of three cached opens."""
    read = seconds(lambda: open_text(path))
    fresh = seconds(lambda: analyze(open_text(path)))
    cached = min(seconds(lambda: analyze(open_text(path))) for _ in range(3))
    return {"read": read, "fresh": fresh, "cached": cached}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["JINGDU_CACHE_DIR"] = str(Path(tmp) / "cache")
        segment.tokenizer()  # the dictionary load is a one-off, not part of either open
        big = build_big(Path(tmp))
        print(
            f"{'document':<10} {'MB':>6} {'read':>8} {'analysis':>9} {'cached':>8} {'speed-up':>9}"
        )
        worst = 0.0
        for name, path in (("seed", seed_path()), ("5 MB", big)):
            times = measure(path)
            worst = max(worst, times["cached"])
            size = path.stat().st_size / 1e6
            print(
                f"{name:<10} {size:>6.2f} {times['read']:>7.3f}s {times['fresh']:>8.3f}s "
                f"{times['cached']:>7.3f}s {times['fresh'] / times['cached']:>8.1f}×"
            )
        verdict = "ok" if worst < TARGET_SECONDS else "MISSED"
        print(f"cached open, worst: {worst:.3f} s (target < {TARGET_SECONDS:.1f} s): {verdict}")


if __name__ == "__main__":
    main()
