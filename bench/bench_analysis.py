"""Throughput of the whole analysis against jieba's lcut and posseg on the same text.

Run: /work/venv/bin/python bench/bench_analysis.py [--mb 5]
Prints MB/s (UTF-8 bytes) for each stage and the ratios the speed target is judged by:
the whole analysis (split_blocks + reflow + find_entities + find_figures) at no less than 70%
of lcut's throughput.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from article import segment, wordtags  # noqa: E402
from article.blocks.split import split_blocks  # noqa: E402
from article.entities.find import find_entities  # noqa: E402
from article.figures.find import find_figures  # noqa: E402
from article.model import Block  # noqa: E402

SEED = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
INVENTED = sorted((ROOT / "tests" / "articles").glob("*.txt"))  # coined names, other shapes
PAGES = ROOT / "tests" / "pages"  # invented newspaper pages as five extractors give them
EXTRACTORS = ("pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2")
POSSEG_SLICE = 300_000  # bytes of text given to posseg; its time is scaled up


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes, and its result."""
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _reflow() -> Callable[[list[Any]], list[Block]]:
    """The real reflow when it is there; else blocks straight from split_blocks (reported)."""
    try:
        from article.reflow.engine import reflow
    except ImportError:
        print("note: article.reflow not available, blocks come straight from split_blocks")

        def plain(raw: list[Any]) -> list[Block]:
            return [Block(i, r.kind, r.text, r.lines, r.speaker) for i, r in enumerate(raw)]

        return plain
    return lambda raw: reflow(raw).blocks


def analysis(text: str, quiet: bool = False) -> dict[str, float]:
    """Seconds per stage of the whole analysis of `text`."""
    reflow = _reflow()
    segment._cut_short.cache_clear()  # no run may reuse another's words: each starts cold
    t_split, raw = timed(lambda: split_blocks(text))
    t_reflow, blocks = timed(lambda: reflow(raw))
    t_ent, entities = timed(lambda: find_entities(blocks))
    t_fig, figures = timed(lambda: find_figures(blocks, entities))
    if not quiet:
        print(f"    {len(blocks)} blocks, {len(entities)} entities, {len(figures)} figures")
    return {"split": t_split, "reflow": t_reflow, "entities": t_ent, "figures": t_fig}


def analysis_quiet(text: str) -> None:
    """Run entities and figures once so lazily compiled regexes are built before timing."""
    blocks = [Block(0, "paragraph", text, [(1, 1)])]
    find_figures(blocks, find_entities(blocks))


def posseg_seconds(text: str) -> float:
    """jieba.posseg.lcut time for `text`, measured on a slice and scaled by size."""
    jieba_module = segment._quiet_import()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba.posseg as posseg

        jieba_module.initialize()
        posseg.lcut("预热")
    data = text.encode("utf-8")
    piece = data[:POSSEG_SLICE].decode("utf-8", errors="ignore")
    seconds, _ = timed(lambda: posseg.lcut(piece))
    return seconds * len(data) / max(len(piece.encode("utf-8")), 1)


def report(name: str, text: str, repeat: int = 1) -> None:
    """Print throughputs and ratios for one document (best of `repeat` runs per stage)."""
    mb = len(text.encode("utf-8")) / 1e6
    print(f"\n== {name}: {mb:.2f} MB, {len(text)} chars, best of {repeat}")
    t_lcut = min(timed(lambda: segment.cut(text))[0] for _ in range(repeat))
    runs = [analysis(text, quiet=i > 0) for i in range(repeat)]
    stages = {stage: min(run[stage] for run in runs) for stage in runs[0]}
    t_posseg = posseg_seconds(text)
    total = sum(stages.values())
    extract = stages["entities"] + stages["figures"]
    for stage, seconds in stages.items():
        print(f"  {stage:<10} {seconds:8.3f} s")
    rows = [
        ("lcut (baseline)", t_lcut),
        ("posseg (scaled)", t_posseg),
        ("entities+figures", extract),
        ("whole analysis", total),
    ]
    for label, seconds in rows:
        print(f"  {label:<18} {seconds:8.3f} s  {mb / seconds:8.2f} MB/s")
    print(f"  whole analysis / lcut throughput:   {t_lcut / total:6.2f}  (target >= 0.70)")
    print(f"  entities+figures / lcut throughput: {t_lcut / extract:6.2f}")
    print(f"  whole analysis / posseg throughput: {t_posseg / total:6.2f}")


def main() -> None:
    """Warm up the tokenizer, then measure the seed, a large copy of it, and invented articles."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=5.0, help="size of the large document")
    parser.add_argument("--invented-mb", type=float, default=1.0, help="size of the invented one")
    args = parser.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    cold, _ = timed(lambda: (segment.tokenizer(), wordtags.tag("银行")))
    warm, _ = timed(lambda: analysis_quiet(seed[:2000]))
    print(f"one-time start-up: tokenizer + tag table {cold:.2f} s, regexes {warm:.2f} s")
    report("seed", seed, repeat=20)
    copies = max(1, round(args.mb * 1e6 / len(seed.encode("utf-8"))))
    report(f"seed x {copies}", "\n\n".join([seed] * copies), repeat=3)
    invented = "\n\n".join(path.read_text(encoding="utf-8") for path in INVENTED)
    if invented:
        copies = max(1, round(args.invented_mb * 1e6 / len(invented.encode("utf-8"))))
        report(f"invented test articles x {copies}", "\n\n".join([invented] * copies), repeat=3)
    for extractor in EXTRACTORS:
        report_pages(extractor, repeat=3)


def report_pages(extractor: str, repeat: int) -> None:
    """Each corpus page as that extractor gives it, analysed as its own file (as a reader opens
    it): the whole analysis summed over pages, against lcut summed over the same pages."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(PAGES.glob(f"p*/{extractor}.txt"))]
    mb = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    t_lcut = sum(min(timed(lambda t=t: segment.cut(t))[0] for _ in range(repeat)) for t in texts)
    total = 0.0
    for text in texts:
        total += min(sum(analysis(text, quiet=True).values()) for _ in range(repeat))
    print(f"\n== hard-wrapped {extractor} text, {len(texts)} pages one by one: {mb:.2f} MB")
    print(f"  lcut (baseline)    {t_lcut:8.3f} s  {mb / t_lcut:8.2f} MB/s")
    print(f"  whole analysis     {total:8.3f} s  {mb / total:8.2f} MB/s")
    print(f"  whole analysis / lcut throughput:   {t_lcut / total:6.2f}  (target >= 0.70)")


if __name__ == "__main__":
    main()
