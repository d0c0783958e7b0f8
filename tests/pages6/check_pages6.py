#!/usr/bin/env python3
"""Standalone checks of the pages6 set, from its files only (not from the typesetter's state).

    /work/venv/bin/python tests/pages6/check_pages6.py [--no-remake]

1. every gold paragraph (whitespace removed) occurs in the page's pypdfium2 text with
   whitespace and line breaks removed (the text is extracted afresh from page.pdf and must
   equal the stored pypdfium2.txt); misses are listed with the reason given in the README;
2. the characters of all gold strings (titles, subtitles, bylines, headings, paragraphs,
   captions, furniture; whitespace ignored) are, as a multiset, exactly those of each of the
   five extractor texts;
3. every title, subtitle, byline, heading and caption occurs in the pypdfium2 text
   (whitespace removed);
4. determinism: make_pages6.py run twice into temporary folders gives byte-identical files,
   identical to the ones stored here.
"""

from __future__ import annotations

import argparse
import filecmp
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
FILES = ["page.pdf", "clean.json", *(f"{e}.txt" for e in EXTRACTORS)]
WS = re.compile(r"\s+")


def nows(s: str) -> str:
    return WS.sub("", s or "")


def gold_strings(gold: dict) -> list[str]:
    out = []
    for a in gold["articles"]:
        out += [a["title"], a.get("subtitle") or "", a.get("byline") or "", *a["headings"]]
        out += [p["text"] for p in a["paragraphs"]]
        out += a.get("captions", [])
    return out + gold["furniture"]


def check_folder(root: Path) -> tuple[int, int, list[str]]:
    n_par = n_hit = 0
    problems = []
    for page in sorted(p for p in root.iterdir() if (p / "clean.json").exists()):
        gold = json.loads((page / "clean.json").read_text(encoding="utf-8"))
        doc = pdfium.PdfDocument(str(page / "page.pdf"))
        text = doc[0].get_textpage().get_text_range()
        doc.close()
        stored = (page / "pypdfium2.txt").read_bytes().decode("utf-8")
        if stored != text:
            problems.append(f"{page.name}: pypdfium2.txt differs from a fresh extraction")
        flat = nows(text)
        for a in gold["articles"]:
            for p in a["paragraphs"]:
                n_par += 1
                if nows(p["text"]) in flat:
                    n_hit += 1
                else:
                    problems.append(
                        f"{page.name} {a['id']}: paragraph not contiguous in "
                        f"pypdfium2: {p['text'][:24]}…"
                    )
            for kind in ("title", "subtitle", "byline"):
                if a.get(kind) and nows(a[kind]) not in flat:
                    problems.append(f"{page.name} {a['id']}: {kind} not found: {a[kind]}")
            for s in [*a["headings"], *a.get("captions", [])]:
                if nows(s) not in flat:
                    problems.append(f"{page.name} {a['id']}: not found: {s}")
        want = Counter(nows("".join(gold_strings(gold))))
        for ex in EXTRACTORS:
            have = Counter(nows((page / f"{ex}.txt").read_text(encoding="utf-8")))
            if have != want:
                problems.append(
                    f"{page.name}/{ex}: characters differ: missing "
                    f"{''.join((want - have).elements())[:40]!r}, extra "
                    f"{''.join((have - want).elements())[:40]!r}"
                )
    return n_par, n_hit, problems


def check_determinism() -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        runs = [Path(tmp) / "run1", Path(tmp) / "run2"]
        for out in runs:
            subprocess.run(
                [sys.executable, str(HERE / "make_pages6.py"), "--out", str(out)],
                check=True,
                capture_output=True,
            )
        for page in sorted(p.name for p in runs[0].iterdir()):
            for name in FILES:
                a, b, c = (runs[0] / page / name, runs[1] / page / name, HERE / page / name)
                if not filecmp.cmp(a, b, shallow=False):
                    problems.append(f"{page}/{name}: two runs differ")
                if not c.exists() or not filecmp.cmp(a, c, shallow=False):
                    problems.append(f"{page}/{name}: stored file differs from a fresh run")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-remake", action="store_true", help="skip the determinism check")
    args = ap.parse_args(argv)
    n_par, n_hit, problems = check_folder(HERE)
    print(f"gold paragraphs contiguous in pypdfium2 text: {n_hit} of {n_par}")
    if not args.no_remake:
        det = check_determinism()
        print(
            "determinism:",
            "two runs byte-identical and equal to the stored files"
            if not det
            else f"{len(det)} differences",
        )
        problems += det
    for p in problems:
        print("  ", p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
