"""Standalone check of the pages10 set: reads only the page folders' files.

/work/venv/bin/python tests/pages10/check_pages10.py [PAGES_DIR]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

EXTRACTORS = ["pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2"]
WS = re.compile(r"\s+")


def nows(s: str) -> str:
    return WS.sub("", s or "")


def article_strings(a: dict) -> list[str]:
    out = [a["title"], a.get("subtitle") or "", a.get("byline") or ""]
    out += a["headings"] + [p["text"] for p in a["paragraphs"]] + a.get("captions", [])
    return out


def check_page(d: Path, bodies: dict) -> list[str]:
    errs = []
    gold = json.loads((d / "clean.json").read_text(encoding="utf-8"))
    texts = {e: (d / f"{e}.txt").read_bytes().decode("utf-8") for e in EXTRACTORS}
    pdft = Counter(nows(texts["pdftotext"]))
    every = Counter()
    for a in gold["articles"]:
        every += Counter(nows("".join(article_strings(a))))
        for p in a["paragraphs"]:
            if p["section_heading"] and p["section_heading"] not in a["headings"]:
                errs.append(f"{d.name}: unknown heading {p['section_heading']}")
        for s in [
            a["title"],
            *a["headings"],
            *a.get("captions", []),
            *(p["text"] for p in a["paragraphs"]),
        ]:
            miss = Counter(nows(s)) - pdft
            if miss:
                errs.append(f"{d.name}: not in pdftotext: {s[:20]}… {''.join(miss)}")
        text = "\n".join(article_strings(a))
        flat = nows(text)
        for f in a["figures"]:
            if nows(f["surface"]) not in flat:
                errs.append(f"{d.name} {a['id']}: figure {f['surface']} not in text")
        for kind in ("entities", "optional_entities"):
            for t, names in a.get(kind, {}).items():
                for n in names:
                    if nows(n) not in flat:
                        errs.append(f"{d.name} {a['id']}: {t} {n} not in text")
        bodies.setdefault(a["id"], []).append("".join(p["text"] for p in a["paragraphs"]))
    for f in gold["furniture"]:
        every += Counter(nows(f))
    for e, t in texts.items():
        c = Counter(nows(t))
        if c != every:
            errs.append(
                f"{d.name} {e}: characters differ: missing {''.join((every - c).elements())}"
                f" extra {''.join((c - every).elements())}"
            )
    try:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(d / "page.pdf"))
        fresh = doc[0].get_textpage().get_text_range()
        if fresh != texts["pypdfium2"]:
            errs.append(f"{d.name}: pypdfium2.txt differs from a fresh extraction")
    except ImportError:
        pass
    return errs


def main(root: Path) -> int:
    errs = []
    bodies: dict = {}
    pages = sorted(p for p in root.glob("p0*") if p.is_dir())
    for d in pages:
        errs += check_page(d, bodies)
    for aid, parts in sorted(bodies.items()):
        n = len(nows("".join(parts)))
        if not 640 <= n <= 750:
            errs.append(f"{aid}: body {n} characters, outside 640-750")
    for e in errs:
        print("FAIL", e)
    print(f"{len(pages)} pages, {len(bodies)} articles: {'ok' if not errs else 'FAILED'}")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent))
