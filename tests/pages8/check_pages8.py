"""Check the pages8 set from its files only (no typesetter, no jingdu).

    /work/venv/bin/python tests/pages8/check_pages8.py [PAGES_DIR]

For every page folder: the five extractor texts hold the characters of every gold title,
subtitle, byline, heading, paragraph and caption (multiset, whitespace ignored), and of all gold
strings with the furniture together (reported as equal or not); every figure surface and every
gold and optional entity is printed in its article part; every section_heading is a printed
heading; ``pypdfium2.txt`` equals a fresh extraction of ``page.pdf``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRACTORS = ["pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2"]
WS = re.compile(r"\s+")

PY_EXTRACT = r"""
import sys
from pathlib import Path
d = Path(sys.argv[1])
pdf = str(d / "page.pdf")
from pdfminer.high_level import extract_text
(d / "pdfminer.txt").write_text(extract_text(pdf), encoding="utf-8")
from pypdf import PdfReader
(d / "pypdf.txt").write_text(PdfReader(pdf).pages[0].extract_text(), encoding="utf-8")
import pypdfium2
doc = pypdfium2.PdfDocument(pdf)
text = doc[0].get_textpage().get_text_range()
with open(d / "pypdfium2.txt", "w", encoding="utf-8", newline="") as f:
    f.write(text)
"""


def nows(s: str) -> str:
    return WS.sub("", s or "")


def extract_texts(d: Path, python: str = sys.executable) -> None:
    """Write the five extractor texts of d/page.pdf."""
    pdf = str(d / "page.pdf")
    subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, str(d / "pdftotext.txt")], check=True)
    subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-raw", pdf, str(d / "pdftotext_raw.txt")], check=True
    )
    subprocess.run([python, "-c", PY_EXTRACT, str(d)], check=True)


def part_strings(art: dict) -> list[str]:
    out = [art["title"], art.get("subtitle") or "", art.get("byline") or ""]
    out += art["headings"] + [p["text"] for p in art["paragraphs"]] + art.get("captions", [])
    return [x for x in out if x]


def check_page(d: Path) -> list[str]:
    problems = []
    clean = json.loads((d / "clean.json").read_text(encoding="utf-8"))
    arts = clean["articles"]
    gold_all = Counter()
    for a in arts:
        gold_all.update(nows("".join(part_strings(a))))
    gold_all.update(nows("".join(clean["furniture"])))
    for ex in EXTRACTORS:
        raw = (d / f"{ex}.txt").read_bytes().decode("utf-8")
        have = Counter(nows(raw))
        for a in arts:
            for s in part_strings(a):
                missing = Counter(nows(s)) - have
                if missing:
                    problems.append(f"{ex}: characters missing for {s[:16]}…: {''.join(missing)}")
        if have != gold_all:
            extra = "".join(sorted((have - gold_all).elements()))[:40]
            lack = "".join(sorted((gold_all - have).elements()))[:40]
            problems.append(f"{ex}: characters differ from the gold: +{extra!r} -{lack!r}")
    for a in arts:
        printed = "\n".join(part_strings(a))
        flat = nows(printed)
        need = Counter(nows(f["surface"]) for f in a["figures"])
        for surface, n in need.items():
            if flat.count(surface) < n:
                problems.append(f"{a['id']}: figure {surface} printed {flat.count(surface)}<{n}")
        for kind in ("entities", "optional_entities"):
            for t, names in a.get(kind, {}).items():
                for name in names:
                    if nows(name) not in flat:
                        problems.append(f"{a['id']}: {kind} {t} {name} not printed")
        for p in a["paragraphs"]:
            h = p["section_heading"]
            if h is not None and h not in a["headings"]:
                problems.append(f"{a['id']}: section_heading {h} is not a printed heading")
    try:
        import pypdfium2
    except ImportError:
        return problems
    doc = pypdfium2.PdfDocument(str(d / "page.pdf"))
    fresh = doc[0].get_textpage().get_text_range()
    stored = (d / "pypdfium2.txt").read_bytes().decode("utf-8")
    if fresh != stored:
        problems.append("pypdfium2.txt differs from a fresh extraction")
    return problems


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    bad = 0
    for d in sorted(root.glob("p0*")):
        problems = check_page(d)
        print(d.name, "ok" if not problems else "PROBLEMS")
        for p in problems:
            print("   ", p)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
