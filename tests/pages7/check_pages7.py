#!/usr/bin/env python3
"""Standalone check of the pages7 set, from the files only.

    /work/venv/bin/python tests/pages7/check_pages7.py [--pages DIR] [--no-remake]

1. pypdfium2.txt equals a fresh extraction from page.pdf;
2. each of the five extractor texts has exactly the characters of the gold (multiset,
   whitespace ignored);
3. every gold paragraph (whitespace removed) occurs in the pypdfium2 text (whitespace and line
   breaks removed); the same for titles, subtitles, bylines, headings and captions;
4. determinism: make_pages7.py run twice, in separate processes, into two temporary folders,
   gives byte-identical files, identical to the stored ones.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium

HERE = Path(__file__).resolve().parent
EXTRACTORS = ["pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2"]
FILES = ["page.pdf", "clean.json", *[f"{e}.txt" for e in EXTRACTORS]]
WS = re.compile(r"\s+")


def nows(s: str) -> str:
    return WS.sub("", s or "")


def gold_strings(g: dict) -> list[str]:
    out = []
    for a in g["articles"]:
        out += [a["title"], a["subtitle"] or "", a["byline"] or "", *a["headings"]]
        out += [p["text"] for p in a["paragraphs"]] + a["captions"]
    return out + g["furniture"]


def check_page(page: Path, report: dict) -> None:
    g = json.loads((page / "clean.json").read_text(encoding="utf-8"))
    stored = (page / "pypdfium2.txt").read_bytes().decode("utf-8")
    doc = pdfium.PdfDocument(str(page / "page.pdf"))
    fresh = doc[0].get_textpage().get_text_range()
    doc.close()
    report["fresh"].append((page.name, fresh == stored))
    want = Counter(nows("".join(gold_strings(g))))
    for ex in EXTRACTORS:
        got = Counter(nows((page / f"{ex}.txt").read_bytes().decode("utf-8")))
        report["chars"].append((page.name, ex, got == want))
    flat = nows(stored)
    for a in g["articles"]:
        for p in a["paragraphs"]:
            ok = nows(p["text"]) in flat
            report["paras"].append((page.name, a["id"], p["text"][:14], ok))
        units = [("title", a["title"]), ("subtitle", a["subtitle"]), ("byline", a["byline"])]
        units += [("heading", h) for h in a["headings"]]
        units += [("caption", c) for c in a["captions"]]
        for kind, text in units:
            if text:
                ok = nows(text) in flat
                report["units"].append((page.name, a["id"], kind, text[:20], ok))


def remake_identical(pages: Path) -> list[str]:
    make = HERE / "make_pages7.py"
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        runs = []
        for k in (1, 2):
            out = Path(tmp) / f"run{k}"
            subprocess.run(
                [sys.executable, str(make), "--out", str(out), "--no-check"],
                check=True,
                capture_output=True,
            )
            runs.append(out)
        for page in sorted(p.name for p in pages.iterdir() if (p / "clean.json").exists()):
            for f in FILES:
                a = (runs[0] / page / f).read_bytes()
                b = (runs[1] / page / f).read_bytes()
                c = (pages / page / f).read_bytes()
                if a != b:
                    problems.append(f"{page}/{f}: two runs differ")
                if a != c:
                    problems.append(f"{page}/{f}: differs from the stored file")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=Path, default=HERE)
    ap.add_argument("--no-remake", action="store_true")
    args = ap.parse_args(argv)
    pages = sorted(p for p in args.pages.iterdir() if (p / "clean.json").exists())
    report = {"fresh": [], "chars": [], "paras": [], "units": []}
    for page in pages:
        check_page(page, report)
    bad = 0
    n_fresh = sum(ok for _p, ok in report["fresh"])
    print(f"pypdfium2.txt equals a fresh extraction: {n_fresh}/{len(report['fresh'])}")
    bad += len(report["fresh"]) - n_fresh
    n_chars = sum(ok for *_x, ok in report["chars"])
    print(f"extractor texts with the gold's characters: {n_chars}/{len(report['chars'])}")
    for page, ex, ok in report["chars"]:
        if not ok:
            print(f"  differs: {page}/{ex}")
    bad += len(report["chars"]) - n_chars
    n_par = sum(ok for *_x, ok in report["paras"])
    print(f"gold paragraphs found whole in pypdfium2 text: {n_par}/{len(report['paras'])}")
    for page, aid, start, ok in report["paras"]:
        if not ok:
            print(f"  not contiguous: {page} {aid} {start}…")
    n_units = sum(ok for *_x, ok in report["units"])
    print(f"titles/subtitles/bylines/headings/captions found: {n_units}/{len(report['units'])}")
    for page, aid, kind, text, ok in report["units"]:
        if not ok:
            print(f"  not contiguous: {page} {aid} {kind} {text}")
    if not args.no_remake:
        problems = remake_identical(args.pages)
        print(f"determinism (two runs, stored files): {'pass' if not problems else 'FAIL'}")
        for p in problems:
            print("  " + p)
        bad += len(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
