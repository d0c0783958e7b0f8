"""Standalone checks of the pages9 set, reading only the files in p01…p06.

    /work/venv/bin/python tests/pages9/check_pages9.py

- every gold title, subtitle, byline, heading, paragraph and caption: its characters are in the
  page's pdftotext text (multiset, whitespace ignored), all of them together;
- all gold strings (furniture included) against each of the five extractor texts: the same
  multiset of characters (whitespace ignored), reported per extractor;
- every figure surface occurs in its article part's printed text, once per listed appearance;
- every gold and optional entity occurs in its article part's printed text;
- every section_heading is one of the part's headings;
- pypdfium2.txt equals a fresh extraction from page.pdf (when pypdfium2 is importable);
- reported, not required: gold paragraphs found whole in the pypdfium2 text.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRACTORS = ["pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2"]
WS = re.compile(r"\s+")


def nows(s: str | None) -> str:
    return WS.sub("", s or "")


def read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def printed(part: dict) -> list[str]:
    out = [part["title"], part.get("subtitle") or "", part.get("byline") or ""]
    out += part["headings"] + [p["text"] for p in part["paragraphs"]] + part.get("captions", [])
    return out


def check_page(folder: Path) -> list[str]:
    errors: list[str] = []
    gold = json.loads((folder / "clean.json").read_text("utf-8"))
    texts = {e: read(folder / f"{e}.txt") for e in EXTRACTORS}
    article_strings = [s for part in gold["articles"] for s in printed(part)]
    have = Counter(nows(texts["pdftotext"]))
    need = Counter(nows("".join(article_strings)))
    short = need - have
    if short:
        errors.append(f"article characters missing from pdftotext: {''.join(short.elements())}")
    for s in article_strings:
        if Counter(nows(s)) - have:
            errors.append(f"not in pdftotext: {s[:20]}")
    all_gold = Counter(nows("".join(article_strings + gold["furniture"])))
    for e, t in texts.items():
        c = Counter(nows(t))
        if c != all_gold:
            errors.append(
                f"{e}: extra {''.join((c - all_gold).elements())[:40]!r} "
                f"missing {''.join((all_gold - c).elements())[:40]!r}"
            )
    for part in gold["articles"]:
        text = "\x00".join(nows(s) for s in printed(part))
        for surface, n in Counter(nows(f["surface"]) for f in part["figures"]).items():
            if text.count(surface) < n:
                errors.append(f"figure {surface} x{n} not in {part['title']}")
        for field in ("entities", "optional_entities"):
            for t, names in part.get(field, {}).items():
                for name in names:
                    if nows(name) not in text:
                        errors.append(f"{field} {t} {name} not in {part['title']}")
        for p in part["paragraphs"]:
            if p["section_heading"] is not None and p["section_heading"] not in part["headings"]:
                errors.append(f"section_heading {p['section_heading']} not a heading")
    try:
        import pypdfium2 as pdfium
    except ImportError:
        pdfium = None
    if pdfium is not None:
        doc = pdfium.PdfDocument(str(folder / "page.pdf"))
        tp = doc[0].get_textpage()
        fresh = tp.get_text_range()
        tp.close()
        doc.close()
        if fresh != texts["pypdfium2"]:
            errors.append("pypdfium2.txt differs from a fresh extraction")
    return errors


def main() -> int:
    failed = 0
    found = total = 0
    for folder in sorted(HERE.glob("p0*")):
        errors = check_page(folder)
        gold = json.loads((folder / "clean.json").read_text("utf-8"))
        flat = nows(read(folder / "pypdfium2.txt"))
        paras = [nows(p["text"]) for part in gold["articles"] for p in part["paragraphs"]]
        hit = sum(1 for p in paras if p in flat)
        found += hit
        total += len(paras)
        status = "ok" if not errors else "FAIL"
        print(f"{folder.name}: {status}; paragraphs whole in pypdfium2 text {hit}/{len(paras)}")
        for e in errors:
            print("   ", e)
        failed += bool(errors)
    print(f"pages failing: {failed}; paragraphs whole in pypdfium2 text {found}/{total}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
