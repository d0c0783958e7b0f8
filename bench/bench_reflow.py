"""Speed of load + split_blocks + reflow against reading the file and jieba's lcut of the same text.

Run: python bench/bench_reflow.py [--mb 5] [--repeats 5]
Builds documents of about --mb MB from the seed (each copy with its own digits, people and
catchwords, so articles differ; once more with a tenth of the characters also permuted, a harder
text), and prints CPU milliseconds per call (best of --repeats rounds, each timing every
stage), MB/s (UTF-8 bytes) and ratios.
A stage that takes under `MIN_TIME` is called back to back until it has run that long, and its
time is the mean per call (as timeit does): one call of a millisecond, right after a jieba run
that filled the CPU caches with its dictionary, measures mostly the refilling of those caches.
The first call of each stage in a round (its caches cold: lcut ran since) is printed too,
for the seed, as "first calls".
Targets: reflow grows linearly, and takes under 1/10 of lcut's time once jieba is loaded.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from article import segment  # noqa: E402
from article.blocks.split import split_blocks  # noqa: E402
from article.model import Reflowed  # noqa: E402
from article.reflow.engine import reflow  # noqa: E402
from article.reflow.signals import head_tokens  # noqa: E402
from article.reflow.terms import block_terms  # noqa: E402
from article.source.decode import load_text  # noqa: E402

SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
PAGES = ROOT / "tests" / "pages"  # invented newspaper pages as five extractors give them
EXTRACTORS = ("pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2")


MIN_TIME = 0.05  # seconds a stage runs back to back in each round, at least


def timed(fn: Callable[[], Any], repeats: int = 1) -> tuple[float, Any]:
    """Best CPU seconds of `repeats` calls (CPU time: other processes on the machine do not
    count), and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        result = None  # the previous call's result is freed before the clock starts
        start = time.process_time()
        result = fn()
        best = min(best, time.process_time() - start)
    return best, result


def per_call(fn: Callable[[], Any], calls: int) -> float:
    """Mean CPU seconds of `calls` calls back to back (results freed outside the clock but
    for the last, as a loop that keeps nothing would)."""
    total = 0.0
    for _ in range(calls):
        total += timed(fn)[0]
    return total / calls


def topic_terms(text: str) -> list[str]:
    """People and catchwords of the seed, found by the reflow's own term rules."""
    terms = set().union(*(block_terms(b) for b in split_blocks(text)))
    return sorted(terms, key=len, reverse=True)


def variant(text: str, k: int, rng: random.Random, terms: list[str], permute: float) -> str:
    """One copy of the seed with other digits, other people and catchwords, and optionally a
    share of its characters permuted (harder text: rarer words, more lone characters).
    """
    chars = sorted({c for c in text if "\u4e00" <= c <= "\u9fff"})
    for term in terms:
        text = text.replace(term, "".join(rng.choice(chars) for _ in term))
    digits = str.maketrans("0123456789", "".join(str((d + k) % 10) for d in range(10)))
    picked = rng.sample(chars, int(len(chars) * permute))
    shuffled = picked[:]
    rng.shuffle(shuffled)
    swap = str.maketrans(dict(zip(picked, shuffled, strict=True)))
    return text.translate(digits).translate(swap)


def build(seed: str, megabytes: float, permute: float = 0.0) -> str:
    """A document of about `megabytes` MB made of varied seed copies."""
    rng = random.Random(7)
    terms = topic_terms(seed)
    copies: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        copy = variant(seed, len(copies), rng, terms, permute)
        copies.append(copy)
        size += len(copy.encode("utf-8")) + 2
    return "\n\n".join(copies)


def cold_reflow(text: str) -> Reflowed:
    """Reflow of fresh blocks with reflow's own edge cache emptied: no run helps the next."""
    head_tokens.cache_clear()
    segment._cut_short.cache_clear()
    return reflow(split_blocks(text))


def measure(path: Path, repeats: int) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds per call of each stage on one file, best of `repeats` rounds, and of the first
    call of each stage in a round. Each round times every stage, so a stage and its baseline
    see the same machine (its speed drifts by a tenth or more over a minute here)."""
    loaded = load_text(path)
    stages: dict[str, Callable[[], Any]] = {
        "load": lambda: load_text(path),
        "split_blocks": lambda: split_blocks(loaded.text),
        "split+reflow": lambda: cold_reflow(loaded.text),
        "lcut": lambda: segment.cut(loaded.text),
    }
    calls = {stage: max(1, round(MIN_TIME / timed(run)[0])) for stage, run in stages.items()}
    best = dict.fromkeys(stages, float("inf"))
    first = dict.fromkeys(stages, float("inf"))
    for _ in range(repeats):
        for stage, run in stages.items():
            first[stage] = min(first[stage], timed(run)[0])
            if calls[stage] > 1:
                best[stage] = min(best[stage], per_call(run, calls[stage]))
            else:
                best[stage] = first[stage]
    return _stages(best), _stages(first)


def _stages(best: dict[str, float]) -> dict[str, float]:
    """The reported stages: reflow is given fresh blocks each time; their splitting is not
    its cost."""
    return {
        "load": best["load"],
        "split_blocks": best["split_blocks"],
        "reflow": best["split+reflow"] - best["split_blocks"],
        "lcut": best["lcut"],
    }


def report(name: str, size: int, times: dict[str, float]) -> None:
    """One table per document."""
    mb = size / 1_000_000
    print(f"\n{name}: {mb:.2f} MB")
    print(f"{'stage':<22}{'ms':>10}{'MB/s':>10}{'/ lcut':>10}")
    rows = dict(times)
    rows["load+split+reflow"] = times["load"] + times["split_blocks"] + times["reflow"]
    for stage, seconds in rows.items():
        speed = mb / seconds if seconds else float("inf")
        ratio = seconds / times["lcut"]
        print(f"{stage:<22}{seconds * 1000:>10.2f}{speed:>10.2f}{ratio:>10.3f}")


def main() -> None:
    """Seed, then growing documents to show linear growth, then the full-size one."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=5, help="best of N rounds per stage")
    args = parser.parse_args()
    load_s, _ = timed(segment.tokenizer)
    print(f"jieba dictionary load (once, not counted): {load_s:.2f} s")
    seed = SEED.read_text(encoding="utf-8")
    times, first = measure(SEED, args.repeats)
    report("seed", SEED.stat().st_size, times)
    report("seed, first calls (caches cold)", SEED.stat().st_size, first)
    with tempfile.TemporaryDirectory() as tmp:
        per_mb: list[tuple[float, float]] = []
        for fraction in (0.25, 0.5, 1.0):
            path = Path(tmp) / f"doc_{fraction}.txt"
            path.write_text(build(seed, args.mb * fraction), encoding="utf-8")
            times = measure(path, args.repeats)[0]
            size = path.stat().st_size
            report(f"built document x{fraction} (names and numbers varied)", size, times)
            per_mb.append((size / 1_000_000, times["reflow"]))
        path = Path(tmp) / "doc_permuted.txt"
        path.write_text(build(seed, args.mb, permute=0.1), encoding="utf-8")
        times = measure(path, args.repeats)[0]
        report("built document x1.0, also 10% of characters permuted", path.stat().st_size, times)
        for extractor in EXTRACTORS:
            path = Path(tmp) / f"{extractor}.txt"
            files = sorted(PAGES.glob(f"p*/{extractor}.txt"))
            path.write_text("\n\n".join(f.read_text(encoding="utf-8") for f in files))
            times = measure(path, args.repeats)[0]
            report(f"hard-wrapped: {extractor} text of every page", path.stat().st_size, times)
    print("\nlinearity: reflow seconds per MB at each size:")
    print("  " + ", ".join(f"{mb:.2f} MB -> {s / mb:.3f} s/MB" for mb, s in per_mb))


if __name__ == "__main__":
    main()
