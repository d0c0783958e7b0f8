"""Typeset the pages8 held-out set with WeasyPrint (HTML + CSS), the eighth typesetter.

Run with a Python that has WeasyPrint (see README.md), for example

    /tmp/wp/bin/python tests/pages8/make_pages8.py [--out DIR] [--extract-python PY]

Writes pNN/page.pdf, pNN/clean.json and the five extractor texts, then runs the checks of
check_pages8.py on what it wrote. The extractor texts are made by ``--extract-python`` (a
Python with pdfminer.six, pypdf and pypdfium2; default /work/venv/bin/python) and pdftotext.
"""

from __future__ import annotations

import argparse
import html
import io
import json
import os
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles8 import ARTICLES  # noqa: E402
from check_pages8 import check_page, extract_texts  # noqa: E402

# fontTools stamps the subset fonts with the time unless this is set: fixed for byte-identical PDFs
os.environ.setdefault("SOURCE_DATE_EPOCH", "1783468800")

FIG = re.compile(r"\{([^{}]*)\}")
JUMP = "‖"

# ----------------------------------------------------------------------------- text helpers


def plain(s: str) -> str:
    return FIG.sub(r"\1", s).replace(JUMP, "")


def figs(s: str) -> list[str]:
    return FIG.findall(s or "")


def esc(s: str) -> str:
    return html.escape(plain(s), quote=False)


# ----------------------------------------------------------------------------- article parts


def part(aid: str, *, upto_jump: bool = False, jump_tail: bool = False) -> dict:
    """The piece of an article printed on one page: its paragraphs, with headings resolved.

    ``jump_tail`` is the part after the page jump: it starts with the rest of the cut paragraph,
    has the jump head as title and neither subtitle nor byline."""
    a = ARTICLES[aid]
    items = []
    for k, (h, text) in enumerate(a["paragraphs"]):
        if JUMP in text:
            head, tail = text.split(JUMP)
            items.append((k, h, tail if jump_tail else head, "tail" if jump_tail else "head"))
        else:
            items.append((k, h, text, None))
    if jump_tail:
        cut = next(i for i, it in enumerate(items) if it[3] == "tail")
        items = items[cut:]
    elif upto_jump:
        cut = next(i for i, it in enumerate(items) if it[3] == "head")
        items = items[: cut + 1]
    return {"article": a, "items": items, "jump_tail": jump_tail}


def heading_text(a: dict, h: int, mark: str) -> str:
    bare = a["headings"][h]
    if mark == "【】":
        return f"【{bare}】"
    return f"{mark}{bare}" if mark else bare


def build_gold_part(p: dict, mark: str, *, captions: list[str] | None = None) -> dict:
    """Gold for one article part, from the data and the marks this page prints."""
    a = p["article"]
    tail = p["jump_tail"]
    title = a["jump_title"] if tail else "".join(plain(t) for t in a["title"])
    subtitle = None if tail else (plain(a["subtitle"]) if a["subtitle"] else None)
    byline = None if tail else a["byline"]
    paragraphs = []
    headings = []
    printed_heading = None
    last_h = None
    figures = [] if tail else [f for t in a["title"] for f in figs(t)] + figs(a["subtitle"])
    for idx, (_k, h, text, _jump) in enumerate(p["items"]):
        starts_tail = tail and idx == 0
        if h is not None and h != last_h and not starts_tail:
            printed_heading = heading_text(a, h, mark)
            headings.append(printed_heading)
        last_h = h
        paragraphs.append({"section_heading": printed_heading, "text": plain(text)})
        figures += figs(text)
    caps = captions or []
    gold = {
        "id": a["id"],
        "title": title,
        "subtitle": subtitle,
        "subtitle_position": None if tail else a["subtitle_position"],
        "byline": byline,
        "headings": headings,
        "paragraphs": paragraphs,
        "captions": caps,
    }
    printed = "\n".join(
        [title, subtitle or "", byline or "", *headings, *(q["text"] for q in paragraphs), *caps]
    )
    gold["entities"], gold["optional_entities"] = part_entities(a, printed)
    gold["figures"] = [{"surface": f} for f in figures]
    return gold


def part_entities(a: dict, printed: str) -> tuple[dict, dict]:
    """Gold entities printed outside every longer listed name; optional ones printed at all."""
    listed = [x for t in a["entities"].values() for x in t]
    listed += [x for t in a["optional_entities"].values() for x in t]
    covered = []  # (start, end) spans of listed names
    for name in listed:
        for m in re.finditer(re.escape(name), printed):
            covered.append((m.start(), m.end()))
    gold = {}
    for t in ("PERSON", "ORG", "PLACE", "TICKER"):
        keep = []
        for name in a["entities"].get(t, []):
            for m in re.finditer(re.escape(name), printed):
                s, e = m.start(), m.end()
                inside = any(cs <= s and e <= ce and (ce - cs) > (e - s) for cs, ce in covered)
                if not inside:
                    keep.append(name)
                    break
        gold[t] = keep
    opt = {}
    for t, names in a["optional_entities"].items():
        opt[t] = [x for x in names if x in printed]
    return gold, opt


# ----------------------------------------------------------------------------- HTML pieces


def body_html(p: dict, mark: str, hclass: str = "h") -> str:
    a = p["article"]
    out = []
    last_h = None
    for idx, (_k, h, text, jump) in enumerate(p["items"]):
        if h is not None and h != last_h and not (p["jump_tail"] and idx == 0):
            out.append(f'<h3 class="{hclass}">{html.escape(heading_text(a, h, mark))}</h3>')
        last_h = h
        cls = ' class="noind"' if (p["jump_tail"] and idx == 0) or jump == "tail" else ""
        out.append(f"<p{cls}>{esc(text)}</p>")
    return "\n".join(out)


def title_html(a: dict, cls: str = "title") -> str:
    return f'<h1 class="{cls}">' + "<br>".join(esc(t) for t in a["title"]) + "</h1>"


def chart_html(c: dict) -> tuple[str, list[str]]:
    """A boxed bar chart in HTML/CSS. Returns the HTML and its furniture strings."""
    top = 30.0
    bars = []
    for lab, v in zip(c["labels"], c["values"], strict=True):
        hmm = v / top * 30.0
        bars.append(
            f'<div class="bar"><div class="bv">{v}</div>'
            f'<div class="bb" style="height:{hmm:.2f}mm"></div><div class="bl">{lab}</div></div>'
        )
    axis = "".join(f"<div>{x}</div>" for x in reversed(c["axis"]))
    h = (
        f'<div class="chart"><div class="ct">{html.escape(c["title"])}</div>'
        f'<div class="cu">{c["unit"]}</div>'
        f'<div class="plot"><div class="axis">{axis}</div>{"".join(bars)}</div>'
        f'<div class="cs">{html.escape(c["source"])}</div></div>'
    )
    furn = [c["unit"], *reversed(c["axis"])]
    for lab, v in zip(c["labels"], c["values"], strict=True):
        furn += [str(v), lab]
    return h, furn


def table_html(t: dict) -> tuple[str, list[str]]:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(x)}</td>" for x in r) + "</tr>" for r in t["rows"]
    )
    head = "".join(f"<th>{html.escape(x)}</th>" for x in t["head"])
    h = (
        f'<div class="tbl"><div class="tt">{html.escape(t["title"])}</div>'
        f"<table><tr>{head}</tr>{rows}</table>"
        f'<div class="tn">{html.escape(t["note"])}</div></div>'
    )
    furn = [t["title"], *t["head"]] + [x for r in t["rows"] for x in r] + [t["note"]]
    return h, furn


def photo_png(seed: int, w: int = 900, h: int = 420) -> str:
    """A made-up 'photo' (a workshop of grey blocks), deterministic, as a file name."""
    from PIL import Image, ImageDraw, ImageFilter

    rnd = random.Random(seed)
    img = Image.new("RGB", (w, h), (96, 104, 112))
    d = ImageDraw.Draw(img)
    for y in range(h):
        g = 70 + int(90 * y / h)
        d.line([(0, y), (w, y)], fill=(g, g + 6, g + 12))
    for _ in range(40):
        x0 = rnd.randrange(0, w - 60)
        y0 = rnd.randrange(h // 3, h - 40)
        bw = rnd.randrange(30, 160)
        bh = rnd.randrange(20, 120)
        c = rnd.randrange(60, 200)
        d.rectangle([x0, y0, x0 + bw, y0 + bh], fill=(c, c + rnd.randrange(0, 30), c + 20))
    for _ in range(8):
        x = rnd.randrange(0, w)
        d.ellipse([x - 30, 10, x + 30, 40], fill=(235, 235, 210))
    img = img.filter(ImageFilter.GaussianBlur(1.2))
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


# ----------------------------------------------------------------------------- pages

BASE_CSS = """
body { margin: 0; color: #111; }
.hdr { display: flex; align-items: flex-end; justify-content: space-between;
       border-bottom: 1.6pt solid #111; padding-bottom: 1.5mm; margin-bottom: 3mm; }
.hdr .paper { font-size: 21pt; font-weight: bold; font-family: 'WenQuanYi Zen Hei'; }
.hdr .latin { font-family: 'DejaVu Serif'; font-weight: bold; font-size: 7.5pt;
              letter-spacing: 0.18em; margin-left: 3mm; }
.hdr .meta { font-size: 8pt; font-family: 'WenQuanYi Micro Hei'; }
.hdr .meta span { margin: 0 2mm; }
.code { font-family: 'DejaVu Sans'; font-weight: bold; font-size: 15pt; color: #fff;
        background: #b01c1c; padding: 0.5mm 2.5mm; }
.sect { font-family: 'WenQuanYi Zen Hei'; font-size: 11pt; margin-left: 2mm; }
.ftr { border-top: 0.8pt solid #111; margin-top: 3mm; padding-top: 1mm; font-size: 7pt;
       font-family: 'WenQuanYi Micro Hei'; display: flex; justify-content: space-between; }
h1, h3 { margin: 0; font-weight: bold; }
p { margin: 0; }
.chart { border: 0.8pt solid #444; padding: 2mm; margin: 2mm 0; font-size: 7.5pt;
         font-family: 'WenQuanYi Micro Hei'; background: #f6f3ea; }
.chart .ct { font-weight: bold; font-size: 8.5pt; }
.chart .cu { color: #555; }
.plot { display: flex; align-items: flex-end; height: 42mm; border-bottom: 0.6pt solid #333; }
.axis { display: flex; flex-direction: column; justify-content: space-between; height: 36mm;
        margin-right: 2mm; color: #555; text-align: right; }
.bar { flex: 1; text-align: center; margin: 0 1.5mm; }
.bb { background: #2d5f8a; }
.bl { color: #333; }
.chart .cs { color: #444; margin-top: 1mm; }
.tbl { font-family: 'WenQuanYi Micro Hei'; font-size: 7.5pt; margin-top: 2mm; }
.tbl .tt { font-weight: bold; font-size: 8.5pt; margin-bottom: 1mm; }
.tbl table { border-collapse: collapse; width: 100%; }
.tbl th { background: #2b4b3a; color: #fff; font-weight: normal; padding: 0.6mm 1mm; }
.tbl td { border-bottom: 0.4pt solid #888; padding: 0.6mm 1mm; text-align: center; }
.tbl .tn { color: #555; margin-top: 0.8mm; }
"""


def header(paper: str, latin: str, date: str, issue: str, code: str, sect: str, *, left_code=False):
    codes = f'<span class="code">{code}</span><span class="sect">{sect}</span>'
    mast = f'<span class="paper">{paper}</span><span class="latin">{latin}</span>'
    meta = f'<span class="meta"><span>{date}</span><span>{issue}</span></span>'
    inner = (
        f"<div>{codes}</div>{meta}<div>{mast}</div>"
        if left_code
        else (f"<div>{mast}</div>{meta}<div>{codes}</div>")
    )
    return f'<div class="hdr">{inner}</div>', [paper, latin, date, issue, code, sect]


def footer(pieces: list[str]) -> tuple[str, list[str]]:
    return '<div class="ftr">' + "".join(f"<span>{x}</span>" for x in pieces) + "</div>", pieces


def doc(width_mm: float, css: str, body: str, height_mm: float) -> str:
    page = f"@page {{ size: {width_mm}mm {height_mm:.1f}mm; margin: 8mm 9mm; }}"
    head = f"<head><meta charset='utf-8'><style>{page}{BASE_CSS}{css}</style></head>"
    return f"<html>{head}<body>{body}</body></html>"


# --- p01: two articles stacked, 4 columns over 3 columns


def page01():
    a1, a2 = part("a01"), part("a02")
    hdr, f1 = header(
        "岳澄财经日报", "YUECHENG FINANCIAL DAILY", "2026年7月8日 星期三", "第4512期", "A5", "银行"
    )
    ftr, f2 = footer(["编辑 邵闻舟 美编 葛一禾 校对 尹晴", "今日16版"])
    css = """
    .a1 .kick { color: #b01c1c; font-family: 'WenQuanYi Zen Hei'; font-size: 11pt; }
    .a1 .title { font-family: 'WenQuanYi Zen Hei'; font-size: 24pt; margin: 1mm 0 2mm; }
    .a1 .body { columns: 4; column-gap: 3mm; column-rule: 0.4pt solid #999;
                font-family: 'AR PL UMing CN'; font-size: 9.5pt; line-height: 1.85;
                text-align: justify; }
    .a1 .body p { text-indent: 2em; }
    .a1 .by { border: 0.6pt solid #555; background: #eee; padding: 1mm; margin-bottom: 2mm;
              font-family: 'WenQuanYi Micro Hei'; font-size: 8.5pt; text-align: center; }
    .a1 h3 { color: #8a1010; font-family: 'WenQuanYi Zen Hei'; font-size: 10pt;
             margin: 1.5mm 0 0.5mm; break-after: avoid; }
    .rule { border-top: 2.5pt solid #111; margin: 3mm 0 2mm; }
    .a2 .title { font-family: 'WenQuanYi Zen Hei'; font-size: 15pt;
        border-bottom: 2pt double #203a6e;
                 padding-bottom: 1mm; }
    .a2 .by { text-align: right; font-size: 8pt; font-family: 'WenQuanYi Micro Hei';
              margin: 1mm 0 2mm; }
    .a2 .body { columns: 3; column-gap: 2mm; font-family: 'WenQuanYi Micro Hei'; font-size: 8.5pt;
                line-height: 1.3; text-align: justify; }
    .a2 .body p { margin-bottom: 0.55em; }
    .a2 h3 { color: #203a6e; font-size: 9pt; margin-bottom: 0.4em; break-after: avoid; }
    """
    body = f"""{hdr}
    <div class="a1"><div class="kick">{esc(a1["article"]["subtitle"])}</div>
    {title_html(a1["article"])}<div class="body"><div class="by">{a1["article"]["byline"]}</div>
    {body_html(a1, "■ ")}</div></div>
    <div class="rule"></div>
    <div class="a2">{title_html(a2["article"])}<div class="by">{a2["article"]["byline"]}</div>
    <div class="body">{body_html(a2, "【】")}</div></div>
    {ftr}"""
    golds = [build_gold_part(a1, "■ "), build_gold_part(a2, "【】")]
    layout = {
        "cols": [4, 3],
        "order": "reading",
        "col_widths_mm": [[54.0] * 4, [74.0] * 3],
        "body": {
            "a01": "AR PL UMing CN 9.5pt, line-height 1.85 (loose), justified, CSS 2em indent",
            "a02": "Micro Hei 8.5pt, line-height 1.3 (tight), justified, no indent, 0.55em gap",
        },
        "notes": "a01: red kicker above a one-line title, byline in a tinted box at the top of "
        "column 1, headings '■ ' dark red, column rules; heavy rule; a02 below: one-line title "
        "with its printed space over a double rule, byline right-aligned, headings 【】 blue",
    }
    return 250, css, body, golds, f1 + f2, layout


# --- p02: one article, 5 columns, chart spanning all columns in the middle


def page02():
    a = part("a03")
    art = a["article"]
    hdr, f1 = header(
        "岳澄财经日报",
        "YUECHENG FINANCIAL DAILY",
        "2026年7月8日 星期三",
        "第4512期",
        "A6",
        "地方债",
        left_code=True,
    )
    chart, fc = chart_html(art["chart"])
    ftr, f2 = footer(["编辑 邵闻舟 美编 葛一禾 校对 尹晴", "今日16版"])
    css = """
    .title { font-family: 'WenQuanYi Zen Hei'; font-size: 22pt; text-align: center;
        line-height: 1.25; }
    .deck { font-family: 'AR PL UMing CN'; font-size: 11pt; color: #444; text-align: center;
            margin: 1.5mm 12mm; }
    .by { font-family: 'WenQuanYi Micro Hei'; font-size: 8.5pt; text-align: center;
          border-top: 0.5pt solid #999; border-bottom: 0.5pt solid #999; margin: 1mm 0 2.5mm; }
    .body { columns: 5; column-gap: 2.5mm; font-family: 'WenQuanYi Zen Hei'; font-size: 9pt;
            line-height: 1.6; text-align: justify; }
    .body p { text-indent: 2em; }
    .body h3 { font-size: 9.5pt; margin-top: 1mm; break-after: avoid; }
    .chart { column-span: all; }
    .plot { height: 34mm; }
    .axis { height: 28mm; }
    """
    items = body_html(a, "").split("\n")
    # the chart stands across all five columns after the third paragraph
    cut = [i for i, x in enumerate(items) if x.startswith("<p")][2] + 1
    mid = "\n".join(items[:cut]) + chart + "\n".join(items[cut:])
    body = f"""{hdr}{title_html(art)}<div class="deck">{esc(art["subtitle"])}</div>
    <div class="by">{art["byline"]}</div><div class="body">{mid}</div>{ftr}"""
    gold = build_gold_part(a, "", captions=[art["chart"]["title"], art["chart"]["source"]])
    layout = {
        "cols": [5],
        "order": "reading",
        "col_widths_mm": [[50.0] * 5],
        "body": {"a03": "Zen Hei 9pt, line-height 1.6, justified, CSS 2em indent"},
        "notes": "two-line centred title, grey deck and byline between rules under it; headings "
        "bold only, no mark; boxed bar chart (column-span: all) across the five columns after the "
        "third paragraph, body balanced above and below it",
    }
    return 280, css, body, [gold], f1 + fc + f2, layout


# --- p03: two articles side by side, photo, jump out


def page03():
    a4, a5 = part("a04"), part("a05", upto_jump=True)
    hdr, f1 = header(
        "衡川证券报",
        "HENGCHUAN SECURITIES NEWS",
        "2026年7月9日 星期四",
        "总第7306期",
        "B6",
        "公司·产业",
    )
    ftr, f2 = footer(["责任编辑：褚映秋", "美编：闵朗", "校对：柯望"])
    c = a4["article"]
    css = """
    .hdr { border-bottom: 3pt solid #1d5c3a; }
    .code { background: #1d5c3a; }
    .grid { display: grid; grid-template-columns: 162mm 1fr; column-gap: 4mm; }
    .a4 .kick { font-family: 'WenQuanYi Micro Hei'; font-size: 9pt; color: #1d5c3a; }
    .a4 .title { font-family: 'WenQuanYi Zen Hei'; font-size: 21pt; margin: 0.5mm 0 1mm; }
    .a4 .by { font-family: 'WenQuanYi Micro Hei'; font-size: 8.5pt; margin-bottom: 2mm; }
    .a4 img { width: 100%; display: block; }
    .a4 .cap { font-family: 'WenQuanYi Micro Hei'; font-size: 7.5pt; color: #333; }
    .a4 .credit { font-family: 'WenQuanYi Micro Hei'; font-size: 7.5pt; text-align: right;
                  margin-bottom: 2mm; }
    .a4 .body { columns: 3; column-gap: 3mm; font-family: 'AR PL UMing TW MBE'; font-size: 9pt;
                line-height: 1.7; text-align: justify; }
    .a4 .body p { text-indent: 2em; }
    .a4 h3 { font-family: 'WenQuanYi Zen Hei'; font-size: 9.5pt; color: #1d5c3a;
        break-after: avoid; }
    .a5 { border-left: 0.8pt solid #555; padding-left: 3mm; }
    .a5 .title { font-family: 'WenQuanYi Zen Hei'; font-size: 15pt; }
    .a5 .deck { font-family: 'AR PL UMing CN'; font-size: 9pt; color: #555; margin: 1mm 0; }
    .a5 .by { font-family: 'WenQuanYi Micro Hei'; font-size: 8pt; margin-bottom: 2mm; }
    .a5 .body { columns: 2; column-gap: 2mm; font-family: 'WenQuanYi Zen Hei'; font-size: 8.5pt;
                line-height: 1.45; }
    .a5 .body p { margin-bottom: 0.7em; }
    .a5 h3 { font-size: 8.5pt; color: #7a3b00; break-after: avoid; }
    .jump { text-align: right; font-family: 'WenQuanYi Micro Hei'; font-size: 8pt; }
    """
    body = f"""{hdr}<div class="grid">
    <div class="a4"><div class="kick">{esc(c["subtitle"])}</div>{title_html(c)}
    <div class="by">{c["byline"]}</div><img src="photo.png">
    <div class="cap">{esc(c["caption"])}</div><div class="credit">{c["credit"]}</div>
    <div class="body">{body_html(a4, "◇ ")}</div></div>
    <div class="a5">{title_html(a5["article"])}
    <div class="deck">{esc(a5["article"]["subtitle"])}</div>
    <div class="by">{a5["article"]["byline"]}</div><div class="body">{body_html(a5, "□ ")}</div>
    <div class="jump">（下转B7版）</div></div></div>{ftr}"""
    golds = [
        build_gold_part(a4, "◇ ", captions=[c["caption"] + " " + c["credit"]]),
        build_gold_part(a5, "□ "),
    ]
    layout = {
        "cols": [3, 2],
        "order": "reading",
        "col_widths_mm": [[52.0] * 3, [35.5] * 2],
        "body": {
            "a04": "AR PL UMing TW MBE 9pt, line-height 1.7, justified, CSS 2em indent",
            "a05": "Zen Hei 8.5pt, line-height 1.45, ragged, no indent, 0.7em gap",
        },
        "jump": "a05 is cut mid-paragraph after '放在账上不产生收益，' with （下转B7版） under it",
        "notes": "two articles side by side (CSS grid) behind a vertical rule; a04: kicker, "
        "one-line title, byline, photo across its three columns with a caption and the credit "
        "right-aligned on its own line, headings '◇ '; a05: title, grey deck, byline, "
        "headings '□ '",
    }
    return 260, css, body, golds, [*f1, "（下转B7版）", *f2], layout


# --- p04: jump tail above, second article with table sidebar


def page04():
    a5, a6 = part("a05", jump_tail=True), part("a06")
    hdr, f1 = header(
        "衡川证券报",
        "HENGCHUAN SECURITIES NEWS",
        "2026年7月9日 星期四",
        "总第7306期",
        "B7",
        "公司·产业",
        left_code=True,
    )
    tbl, ft = table_html(a6["article"]["table"])
    ftr, f2 = footer(["责任编辑：褚映秋", "美编：闵朗", "校对：柯望"])
    css = """
    .hdr { border-bottom: 3pt solid #1d5c3a; }
    .code { background: #1d5c3a; }
    .jt { font-family: 'WenQuanYi Zen Hei'; font-size: 13pt; display: inline; }
    .jm { font-family: 'WenQuanYi Micro Hei'; font-size: 8pt; margin-left: 3mm; }
    .a5 .body { columns: 4; column-gap: 2mm; font-family: 'WenQuanYi Zen Hei'; font-size: 8.5pt;
                line-height: 1.45; margin-top: 1.5mm; }
    .a5 .body p { margin-bottom: 0.7em; }
    .a5 h3 { font-size: 8.5pt; color: #7a3b00; break-after: avoid; }
    .rule { border-top: 2pt solid #111; margin: 2mm 0 3mm; }
    .grid { display: grid; grid-template-columns: 1fr 72mm; column-gap: 4mm; }
    .a6 .title { font-family: 'WenQuanYi Zen Hei'; font-size: 19pt; line-height: 1.3; }
    .a6 .by { font-family: 'WenQuanYi Micro Hei'; font-size: 8.5pt; margin: 1mm 0 2.5mm; }
    .a6 .body { columns: 3; column-gap: 3.5mm; font-family: 'WenQuanYi Micro Hei'; font-size: 9pt;
                line-height: 2.0; text-align: justify; }
    .a6 .body p { text-indent: 2em; }
    .a6 h3 { font-size: 9pt; color: #fff; background: #8a1010; padding: 0 1.5mm;
             margin: 1mm 0; break-after: avoid; }
    .side { border-left: 0.5pt solid #999; padding-left: 3mm; }
    """
    body = f"""{hdr}<div class="a5"><h1 class="jt">{a5["article"]["jump_title"]}</h1>
    <span class="jm">（上接B6版）</span><div class="body">{body_html(a5, "□ ")}</div></div>
    <div class="rule"></div><div class="grid"><div class="a6">{title_html(a6["article"])}
    <div class="by">{a6["article"]["byline"]}</div>
    <div class="body">{body_html(a6, "▲ ")}</div></div>
    <div class="side">{tbl}</div></div>{ftr}"""
    golds = [build_gold_part(a5, "□ "), build_gold_part(a6, "▲ ")]
    layout = {
        "cols": [4, 3],
        "order": "reading",
        "col_widths_mm": [[58.5] * 4, [53.0] * 3],
        "body": {
            "a05": "Zen Hei 8.5pt, line-height 1.45, ragged, no indent, 0.7em gap",
            "a06": "Micro Hei 9pt, line-height 2.0 (loose), justified, CSS 2em indent",
        },
        "jump": "a05 continues: jump head 碳配额押出绿色贷款 with （上接B6版） beside it; the "
        "tail paragraph first, without heading, then heading '□ 处置渠道仍需打通'",
        "notes": "a05 tail in four columns across the page, heavy rule; a06 two-line title, "
        "byline, headings '▲ ' reversed (white on dark red), three columns; table in a "
        "sidebar right of a06",
    }
    return 260, css, body, golds, [*f1, "（上接B6版）", *ft, *f2], layout


# --- p05: one article in six narrow columns


def page05():
    a = part("a07")
    art = a["article"]
    hdr, f1 = header(
        "港湾理财周刊", "GANGWAN WEALTH WEEKLY", "2026年7月10日 星期五", "第318期", "12", "基金"
    )
    ftr, f2 = footer(["本版编辑：甘若溪", "美术编辑：施砚", "校对：庞一禾"])
    css = """
    .hdr { border-bottom: 1pt solid #203a6e; }
    .code { background: #203a6e; }
    .title { font-family: 'AR PL UMing CN'; font-size: 23pt; text-align: center; }
    .deck { font-family: 'WenQuanYi Micro Hei'; font-size: 10pt; text-align: center;
            color: #203a6e; margin-top: 1mm; }
    .by { font-family: 'WenQuanYi Micro Hei'; font-size: 8pt; text-align: center;
        margin: 1mm 0 3mm; }
    .body { columns: 6; column-gap: 2mm; column-rule: 0.3pt solid #aaa;
            font-family: 'WenQuanYi Zen Hei'; font-size: 8pt; line-height: 1.35; text-align: left; }
    .body p { text-indent: 2em; }
    .body h3 { font-size: 8.5pt; color: #203a6e; margin: 1mm 0 0.5mm; break-after: avoid; }
    """
    body = f"""{hdr}{title_html(art)}<div class="deck">{esc(art["subtitle"])}</div>
    <div class="by">{art["byline"]}</div><div class="body">{body_html(a, "◎ ")}</div>{ftr}"""
    layout = {
        "cols": [6],
        "order": "reading",
        "col_widths_mm": [[45.0] * 6],
        "body": {"a07": "Zen Hei 8pt, line-height 1.35 (tight), ragged, CSS 2em indent"},
        "notes": "centred one-line serif title, navy deck and byline centred under it, six "
        "narrow columns with rules and 2 mm gutters, headings '◎ '",
    }
    return 300, css, body, [build_gold_part(a, "◎ ")], f1 + f2, layout


# --- p06: one article, two unequal columns, table under the narrow one, byline at the end


def page06():
    a = part("a08")
    art = a["article"]
    hdr, f1 = header(
        "港湾理财周刊",
        "GANGWAN WEALTH WEEKLY",
        "2026年7月10日 星期五",
        "第318期",
        "13",
        "票据",
        left_code=True,
    )
    tbl, ft = table_html(art["table"])
    ftr, f2 = footer(["本版编辑：甘若溪", "美术编辑：施砚", "校对：庞一禾"])
    css = """
    .hdr { border-bottom: 1pt solid #203a6e; }
    .code { background: #203a6e; }
    .kick { font-family: 'WenQuanYi Zen Hei'; font-size: 10pt; color: #b01c1c;
        letter-spacing: 0.9em; }
    .title { font-family: 'WenQuanYi Zen Hei'; font-size: 20pt; line-height: 1.3;
        margin: 1mm 0 3mm; }
    .grid { display: grid; grid-template-columns: 112mm 1fr; column-gap: 5mm; }
    .col { font-family: 'AR PL UMing CN'; font-size: 10pt; line-height: 1.9; text-align: justify; }
    .col p { margin-bottom: 0.8em; }
    .col h3 { font-family: 'WenQuanYi Zen Hei'; font-size: 10pt; border-left: 1.2mm solid #b01c1c;
              padding-left: 1.5mm; margin-bottom: 0.5em; }
    .by { text-align: right; font-family: 'WenQuanYi Micro Hei'; font-size: 8.5pt; }
    """
    parts = body_html(a, "").split("\n")
    cut = [i for i, x in enumerate(parts) if x.startswith("<h3")][1]
    body = f"""{hdr}<div class="kick">{esc(art["subtitle"])}</div>{title_html(art)}
    <div class="grid"><div class="col">{"".join(parts[:cut])}</div>
    <div class="col">{"".join(parts[cut:])}<div class="by">{art["byline"]}</div>{tbl}</div></div>
    {ftr}"""
    layout = {
        "cols": [2],
        "order": "reading",
        "col_widths_mm": [[112.0, 75.0]],
        "body": {"a08": "AR PL UMing CN 10pt, line-height 1.9, justified, no indent, 0.8em gap"},
        "notes": "kicker letter-spaced by CSS letter-spacing (printed without spaces), two-line "
        "title; two unequal columns filled by hand at a heading; headings bold with a red bar, no "
        "mark; byline right-aligned at the article's end; table under it in the narrow column",
    }
    return 210, css, body, [build_gold_part(a, "")], f1 + ft + f2, layout


PAGES = {
    "p01": page01,
    "p02": page02,
    "p03": page03,
    "p04": page04,
    "p05": page05,
    "p06": page06,
}

# ----------------------------------------------------------------------------- rendering


def render(width: float, css: str, body: str, base: Path, name: str):
    import weasyprint

    def n_pages(h: float) -> int:
        return len(
            weasyprint.HTML(string=doc(width, css, body, h), base_url=str(base)).render().pages
        )

    lo, hi = 60.0, 600.0
    assert n_pages(hi) == 1, "does not fit on the tallest page"
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        if n_pages(mid) == 1:
            hi = mid
        else:
            lo = mid
    height = round(hi + 1.0, 1)
    document = weasyprint.HTML(string=doc(width, css, body, height), base_url=str(base)).render()
    assert len(document.pages) == 1
    return document.write_pdf(pdf_identifier=f"pages8-{name}".encode()), height


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--extract-python", default="/work/venv/bin/python")
    args = ap.parse_args()
    tmp = args.out / "_build"
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "photo.png").write_bytes(photo_png(8))
    ok = True
    for name, fn in PAGES.items():
        width, css, body, golds, furniture, layout = fn()
        pdf, height = render(width, css, body, tmp, name)
        d = args.out / name
        d.mkdir(parents=True, exist_ok=True)
        (d / "page.pdf").write_bytes(pdf)
        layout = {"page_mm": [width, height], "engine": "WeasyPrint (HTML + CSS)", **layout}
        clean = {k: v for k, v in golds[0].items()}
        clean["articles"] = golds
        clean["furniture"] = furniture
        clean["layout"] = layout
        (d / "clean.json").write_text(
            json.dumps(clean, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        extract_texts(d, args.extract_python)
        problems = check_page(d)
        print(name, f"{width}x{height}mm", "ok" if not problems else "PROBLEMS")
        for p in problems:
            print("   ", p)
        ok = ok and not problems
    for f in tmp.iterdir():
        f.unlink()
    tmp.rmdir()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
