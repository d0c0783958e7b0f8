"""Typesetter of the pages10 held-out set (the tenth typesetter), written on PyMuPDF.

Run with a Python that has PyMuPDF (``pymupdf``), e.g. ``/tmp/mu/bin/python``; the five
extractor texts are made with ``/work/venv/bin/python`` (pdfminer.six, pypdf, pypdfium2) and
``pdftotext``. Lines are broken by this file (kinsoku, ASCII runs kept whole) and written with
MuPDF's ``TextWriter`` (one writer per column and colour; a justified line is appended character
by character, which MuPDF turns into one ``TJ`` array with its own offsets).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles10 import ARTICLES  # noqa: E402

VENV_PY = "/work/venv/bin/python"
FONTS = {
    "zen": "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "micro": "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "ming": "/usr/share/fonts/truetype/arphic/uming.ttc",
}
FONT = {k: pymupdf.Font(fontfile=v) for k, v in FONTS.items()}
MM = 72 / 25.4
OPEN = set("“‘（《【「『")
CLOSE = set("，。、；：？！”’）》】」』%…—·．")
ASCII = re.compile(r"[A-Za-z0-9.%+\-]+|.", re.S)
BLACK, RED, NAVY, GREY, WHITE = (
    (0, 0, 0),
    (0.72, 0.1, 0.1),
    (0.1, 0.2, 0.45),
    (0.4, 0.4, 0.4),
    (1, 1, 1),
)
GREEN = (0.1, 0.42, 0.3)
ART = {a["id"]: a for a in ARTICLES}


def plain(s: str) -> str:
    return s.replace("{", "").replace("}", "")


def figs(s: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", s)


def width(text: str, font: str, size: float) -> float:
    return FONT[font].text_length(text, fontsize=size)


def break_lines(text: str, font: str, size: float, w: float, indent: float = 0.0) -> list[str]:
    """Kinsoku line breaking: no line starts with a closing mark or ends with an opening one."""
    lines: list[list[str]] = []
    cur: list[str] = []
    cw = indent
    for tok in ASCII.findall(text):
        tw = width(tok, font, size)
        if cur and cw + tw > w + 0.01:
            carry = []
            if tok[0] in CLOSE and len(cur) > 1:
                carry = [cur.pop()]
            while len(cur) > 1 and cur[-1][-1] in OPEN:
                carry.insert(0, cur.pop())
            lines.append(cur)
            cur = carry
            cw = sum(width(t, font, size) for t in cur)
        cur.append(tok)
        cw += tw
    if cur:
        lines.append(cur)
    return ["".join(x) for x in lines]


class Col:
    """One column: a TextWriter per colour, written in column order."""

    def __init__(self, page):
        self.page = page
        self.writers: dict[tuple, pymupdf.TextWriter] = {}

    def put(self, x, y, text, font, size, color=BLACK, justify_to=None):
        tw = self.writers.setdefault(color, pymupdf.TextWriter(self.page.rect))
        if justify_to and len(text) > 1:
            nat = width(text, font, size)
            extra = (justify_to - nat) / (len(text) - 1)
            for ch in text:
                tw.append((x, y), ch, font=FONT[font], fontsize=size)
                x += width(ch, font, size) + extra
        else:
            tw.append((x, y), text, font=FONT[font], fontsize=size)

    def flush(self, render_mode=0):
        for color, tw in self.writers.items():
            tw.write_text(self.page, color=color, render_mode=render_mode)
        self.writers = {}


def text_at(page, x, y, text, font, size, color=BLACK, align="l", w=0.0, render_mode=0, cs=0.0):
    if cs:
        tw = pymupdf.TextWriter(page.rect)
        for ch in text:
            tw.append((x, y), ch, font=FONT[font], fontsize=size)
            x += width(ch, font, size) + cs
        tw.write_text(page, color=color, render_mode=render_mode)
        return
    tl = width(text, font, size)
    if align == "r":
        x = x + w - tl
    elif align == "c":
        x = x + (w - tl) / 2
    tw = pymupdf.TextWriter(page.rect)
    tw.append((x, y), text, font=FONT[font], fontsize=size)
    tw.write_text(page, color=color, render_mode=render_mode)


# ----------------------------------------------------------------------------- body flow


def body_items(paras, spec, colw):
    """Flow items for paragraphs: (kind, data, height)."""
    size, lead = spec["size"], spec["lead"]
    items = []
    last_head = None
    for pi, (_hi, text, head) in enumerate(paras):
        if head is not None and head != last_head:
            items.append(("head", head, spec["head_h"]))
            last_head = head
        ind = 0.0 if (pi == 0 and spec.get("first_flush")) or not spec["indent"] else 2 * size
        lines = break_lines(plain(text), spec["font"], size, colw, ind)
        for li, ln in enumerate(lines):
            items.append(
                ("line", (ln, ind if li == 0 else 0.0, li == len(lines) - 1, pi), size * lead)
            )
        if spec.get("gap") and pi < len(paras) - 1:
            items.append(("gap", None, spec["gap"] * size))
    return items


def fill(items, cols, tops, bottom):
    """Place items into columns from tops[i] down to bottom; return placements, overflow index."""
    out = []
    ci, y = 0, tops[0]
    i = 0
    while i < len(items):
        kind, _data, h = items[i]
        need = h + (items[i + 1][2] if kind == "head" and i + 1 < len(items) else 0)
        if kind == "gap" and y == tops[ci]:
            i += 1
            continue
        if y + need > bottom + 0.01:
            ci += 1
            if ci >= len(cols):
                return out, i
            y = tops[ci]
            continue
        out.append((ci, y, items[i]))
        y += h
        i += 1
    return out, len(items)


def balance(items, cols, tops):
    lo, hi = max(tops), max(tops) + sum(h for _k, _d, h in items) + 50
    while hi - lo > 0.5:
        mid = (lo + hi) / 2
        if fill(items, cols, tops, mid)[1] == len(items):
            hi = mid
        else:
            lo = mid
    return hi


def draw_body(page, placements, cols, colw, spec, rules=None):
    size, lead, font = spec["size"], spec["lead"], spec["font"]
    percol: dict[int, list] = {}
    for ci, y, it in placements:
        percol.setdefault(ci, []).append((y, it))
    for ci in sorted(percol):
        col = Col(page)
        x0 = cols[ci]
        for y, (kind, data, _h) in percol[ci]:
            if kind == "line":
                ln, ind, last, _pi = data
                base = y + (lead - 1) * size / 2 + size * 0.88
                just = colw - ind if spec["justify"] and not last else None
                col.put(x0 + ind, base, ln, font, size, BLACK, just)
            elif kind == "head":
                draw_head(page, col, x0, y, colw, data, spec)
        col.flush()
    if rules:
        for x in rules:
            page.draw_line((x, rules[x][0]), (x, rules[x][1]), color=GREY, width=0.5)


def draw_head(page, col, x0, y, colw, text, spec):
    st, hs = spec["head_style"], spec["size"] + 1.5
    hh = spec["head_h"]
    base = y + hh / 2 + hs * 0.36
    if st == "reversed":
        col.flush()
        page.draw_rect(pymupdf.Rect(x0, y + 3, x0 + colw, y + hh - 3), color=None, fill=RED)
        text_at(page, x0, base, text, "zen", hs, WHITE, "c", colw)
    elif st == "bold":
        col.flush()
        text_at(page, x0, base, text, "micro", hs, BLACK, render_mode=2)
    else:
        col.put(x0, base, text, "zen", hs, spec.get("head_color", RED))


def heading_text(a, idx, style):
    h = a["heads"][idx]
    return {
        "square": f"■ {h}",
        "bracket": f"【{h}】",
        "numbered": "一二三四"[idx] + "、" + h,
        "arabic": f"{idx + 1}．{h}",
        "reversed": h,
        "bold": h,
    }[style]


def para_list(a, style, start=0, end=None, first_text=None, last_text=None):
    """(head index, text, printed heading) for paragraphs start..end."""
    ps = a["paras"][start:end]
    out = []
    for k, (hi, t) in enumerate(ps):
        if k == 0 and first_text is not None:
            t = first_text
        if k == len(ps) - 1 and last_text is not None:
            t = last_text
        out.append((hi, t, None if hi is None else heading_text(a, hi, style)))
    return out


# ----------------------------------------------------------------------------- page furniture


class Page:
    def __init__(self, doc, w_mm, h_mm, paper):
        self.page = doc.new_page(width=w_mm * MM, height=h_mm * MM)
        self.W, self.H = self.page.rect.width, self.page.rect.height
        self.paper = paper
        self.furniture: list[str] = []
        self.m = 14 * MM

    def header(self, code, section, date, issue):
        p, m = self.page, self.m
        name, latin = self.paper
        text_at(p, m, m + 16, name, "zen", 20, NAVY)
        text_at(p, m + width(name, "zen", 20) + 10, m + 16, latin, "micro", 7.5, NAVY, cs=1.2)
        rx = self.W - m - 80
        p.draw_rect(pymupdf.Rect(rx, m, rx + 30, m + 22), color=None, fill=NAVY)
        text_at(p, rx, m + 16, code, "micro", 14, WHITE, "c", 30)
        text_at(p, rx + 34, m + 16, section, "zen", 11, NAVY)
        text_at(p, m, m + 34, date, "micro", 8, GREY)
        text_at(p, m, m + 34, issue, "micro", 8, GREY, "r", self.W - 2 * m)
        p.draw_line((m, m + 39), (self.W - m, m + 39), color=NAVY, width=1.6)
        self.furniture += [name, latin, code, section, date, issue]
        return m + 48

    def footer(self, editors):
        p, m = self.page, self.m
        y = self.H - m
        p.draw_line((m, y - 12), (self.W - m, y - 12), color=GREY, width=0.5)
        text_at(p, m, y - 2, editors, "micro", 7.5, GREY)
        self.furniture.append(editors)

    def furn(self, s):
        self.furniture.append(s)


def title_block(pg, a, x, y, w, size, align="l", kicker_color=RED, title_lines=None):
    """Kicker above, title lines, deck below; return new y and printed strings."""
    p = pg.page
    kick = a["kicker"]
    if kick:
        text_at(p, x, y + 10, kick, "zen", 10, kicker_color, align, w)
        y += 16
    lines = title_lines or a["title"]
    for t in lines:
        text_at(p, x, y + size, plain(t), "zen", size, BLACK, align, w)
        y += size * 1.3
    if a["deck"]:
        text_at(p, x, y + 11, plain(a["deck"]), "ming", 11, GREY, align, w)
        y += 17
    return y + 4


# ----------------------------------------------------------------------------- pages


def body_spec(font, size, lead, indent, justify, head_style, head_h, gap=0.0, head_color=RED):
    return {
        "font": font,
        "size": size,
        "lead": lead,
        "indent": indent,
        "justify": justify,
        "head_style": head_style,
        "head_h": head_h,
        "gap": gap,
        "head_color": head_color,
    }


def columns(x, w, n, gutter):
    colw = (w - gutter * (n - 1)) / n
    return [x + i * (colw + gutter) for i in range(n)], colw


def page1(doc, rec):
    pg = Page(doc, 250, 262, ("衡澄财经报", "HENGCHENG FINANCIAL NEWS"))
    y = pg.header("B6", "财富·创新", "2026年11月17日 星期二", "第4172期")
    m, W = pg.m, pg.W
    a = ART["a01"]
    y = title_block(pg, a, m, y, W - 2 * m, 24)
    text_at(pg.page, m, y + 9, a["byline"], "micro", 9, NAVY)
    y += 18
    cols, colw = columns(m, W - 2 * m, 5, 9)
    spec = body_spec("ming", 9, 1.45, True, False, "square", 22)
    paras = para_list(a, "square")
    items = body_items(paras, spec, colw)
    bottom = y + 141
    placed, over = fill(items, cols, [y] * 5, bottom)
    assert 0 < over < len(items) and items[over][0] == "line" and items[over - 1][0] == "line"
    cut_p = items[over][1][3]
    assert items[over - 1][1][3] == cut_p, "the jump must fall inside a paragraph"
    done = "".join(it[1][0] for _c, _y, it in placed if it[0] == "line" and it[1][3] == cut_p)
    draw_body(pg.page, placed, cols, colw, spec, {cols[i] - 4.5: (y, bottom) for i in range(1, 5)})
    jump = "（下转B7版）"
    text_at(pg.page, cols[4], bottom + 10, jump, "micro", 8, RED, "r", colw)
    pg.furn(jump)
    full = plain(a["paras"][cut_p][1])
    assert full.startswith(done)
    marked = a["paras"][cut_p][1]
    head_marked, tail_marked = split_marked(marked, len(done))
    p1 = [(h, t, pt) for h, t, pt in paras[:cut_p]] + [
        (paras[cut_p][0], head_marked, paras[cut_p][2])
    ]
    rec["a01_tail"] = (cut_p, tail_marked)
    part1 = part(
        a,
        paras=p1,
        title="".join(plain(t) for t in a["title"]),
        subtitle=a["kicker"],
        subpos="above",
        byline=a["byline"],
        title_marked="".join(a["title"]),
    )
    # a02 below, after a heavy rule
    y = bottom + 18
    pg.page.draw_line((m, y), (W - m, y), color=BLACK, width=2)
    y += 8
    b = ART["a02"]
    band = pymupdf.Rect(m, y, W - m, y + 30)
    pg.page.draw_rect(band, color=None, fill=NAVY)
    text_at(pg.page, m + 10, y + 21, plain(b["title"][0]), "zen", 17, WHITE)
    y += 36
    text_at(pg.page, m, y + 9, b["byline"], "micro", 9, BLACK, "r", W - 2 * m)
    y += 16
    cols, colw = columns(m, W - 2 * m, 3, 24)
    spec = body_spec("micro", 10, 1.8, False, True, "bracket", 26, gap=0.6, head_color=NAVY)
    paras = para_list(b, "bracket")
    items = body_items(paras, spec, colw)
    h = balance(items, cols, [y] * 3)
    placed, over = fill(items, cols, [y] * 3, h)
    draw_body(pg.page, placed, cols, colw, spec)
    pg.footer("编辑 宁歌 美编 缪晴 校对 蒋冬")
    part2 = part(
        b,
        paras=paras,
        title=plain(b["title"][0]),
        subtitle=None,
        subpos=None,
        byline=b["byline"],
        title_marked=b["title"][0],
    )
    layout = {
        "page_mm": [250, 262],
        "writer": "pymupdf TextWriter, one writer per column and colour",
        "order": "reading",
        "cols": [5, 3],
        "col_widths_mm": [round(colw / MM, 1)],
        "body": {
            "a01": "uming 9pt, lead 1.45, 2-em indent, ragged, vertical rules, ■ headings",
            "a02": "microhei 10pt, lead 1.8, no indent, 0.6-line paragraph gap, justified "
            "per character, 【】 headings",
        },
        "notes": "two articles stacked: a01 (kicker, two-line title) jumps from the foot of "
        "column 5 mid-paragraph to B7; a02 below a heavy rule, title reversed on a "
        "navy band, byline right-aligned",
    }
    return pg, [part1, part2], layout


def split_marked(marked: str, n: int):
    """Split marked text after n printed characters; a figure must not be cut."""
    k = 0
    inside = False
    for i, ch in enumerate(marked):
        if ch == "{":
            inside = True
            continue
        if ch == "}":
            inside = False
            continue
        if k == n:
            assert not inside, "jump cuts a figure"
            return marked[:i], marked[i:]
        k += 1
    raise AssertionError("cut not found")


def part(
    a,
    paras,
    title,
    subtitle,
    subpos,
    byline,
    title_marked="",
    sub_marked=None,
    captions=(),
    cap_marked="",
):
    return {
        "a": a,
        "paras": paras,
        "title": title,
        "subtitle": subtitle,
        "subpos": subpos,
        "byline": byline,
        "title_marked": title_marked,
        "sub_marked": sub_marked if sub_marked is not None else (subtitle or ""),
        "captions": list(captions),
        "cap_marked": cap_marked,
    }


def page2(doc, rec):
    pg = Page(doc, 250, 220, ("衡澄财经报", "HENGCHENG FINANCIAL NEWS"))
    y0 = pg.header("B7", "财富·创新", "2026年11月17日 星期二", "第4172期")
    m, W = pg.m, pg.W
    a = ART["a01"]
    leftw = 84 * MM
    jt = "数据资产质押贷款落地贵阳"
    text_at(pg.page, m, y0 + 16, jt, "zen", 15, BLACK)
    mark = "（上接B6版）"
    text_at(pg.page, m + width(jt, "zen", 15) + 4, y0 + 16, mark, "micro", 8, RED)
    pg.furn(mark)
    y = y0 + 28
    cut_p, tail = rec["a01_tail"]
    paras = para_list(a, "square", start=cut_p, first_text=tail)
    paras[0] = (None, tail, None)
    cols, colw = columns(m, leftw, 2, 10)
    spec = body_spec("ming", 9, 1.5, True, False, "square", 22)
    spec["first_flush"] = True
    items = body_items(paras, spec, colw)
    h = balance(items, cols, [y] * 2)
    placed, _ = fill(items, cols, [y] * 2, h)
    draw_body(pg.page, placed, cols, colw, spec)
    part1 = part(a, paras=paras, title=jt, subtitle=None, subpos=None, byline=None, title_marked=jt)
    rx = m + leftw + 9
    pg.page.draw_line((rx, y0), (rx, max(h, y0 + 300)), color=BLACK, width=0.8)
    # a03 on the right: byline above the title, deck below, numbered headings, justified
    b = ART["a03"]
    x = rx + 9
    w = W - m - x
    text_at(pg.page, x, y0 + 9, b["byline"], "micro", 8.5, GREY)
    yy = title_block(pg, b, x, y0 + 14, w, 19)
    pg.page.draw_line((x, yy), (x + w, yy), color=RED, width=1.2)
    yy += 6
    cols, colw = columns(x, w, 3, 7)
    spec = body_spec("zen", 9.5, 1.6, True, True, "numbered", 24, head_color=GREEN)
    paras2 = para_list(b, "numbered")
    items = body_items(paras2, spec, colw)
    h2 = balance(items, cols, [yy] * 3)
    placed, _ = fill(items, cols, [yy] * 3, h2)
    draw_body(pg.page, placed, cols, colw, spec)
    # an ad across the foot
    ay = max(h, h2) + 14
    ad = ["汀澜银行", "茶产业链金融服务 仓单融资 一站办理", "客服热线 400-862-1730"]
    pg.page.draw_rect(pymupdf.Rect(m, ay, W - m, ay + 46), color=GREEN, width=1.2)
    text_at(pg.page, m + 12, ay + 28, ad[0], "zen", 18, GREEN)
    text_at(pg.page, m + 110, ay + 20, ad[1], "micro", 10, BLACK)
    text_at(pg.page, m + 110, ay + 36, ad[2], "micro", 8.5, GREY)
    for s in ad:
        pg.furn(s)
    pg.footer("编辑 宁歌 美编 缪晴 校对 蒋冬")
    part2 = part(
        b,
        paras=paras2,
        title="".join(plain(t) for t in b["title"]),
        subtitle=plain(b["deck"]),
        subpos="below",
        byline=b["byline"],
        title_marked="".join(b["title"]),
        sub_marked=b["deck"],
    )
    layout = {
        "page_mm": [250, 220],
        "writer": "pymupdf TextWriter",
        "order": "reading",
        "cols": [2, 3],
        "col_widths_mm": [round((leftw - 10) / 2 / MM, 1), round(colw / MM, 1)],
        "body": {
            "a01": "uming 9pt, lead 1.5, indent (tail paragraph flush), ragged",
            "a03": "zenhei 9.5pt, lead 1.6, indent, justified per character, 一、 headings",
        },
        "jump": {"from": "B6", "head": jt, "marker": mark},
        "notes": "two articles side by side behind a vertical rule: a01's continuation (jump "
        "head with （上接B6版）) left, a03 right with its byline above the title and a "
        "grey deck below; a bank ad across the foot",
    }
    return pg, [part1, part2], layout


def draw_chart(pg, x, y, w, ch):
    p = pg.page
    h = 150
    p.draw_rect(pymupdf.Rect(x, y, x + w, y + h), color=NAVY, width=0.8)
    text_at(p, x + 6, y + 14, ch["title"], "zen", 9.5, NAVY)
    text_at(p, x + 6, y + 27, ch["unit"], "micro", 7, GREY)
    base = y + h - 30
    n = len(ch["values"])
    bw = (w - 24) / n
    top = max(ch["values"])
    for i, (lab, v) in enumerate(zip(ch["labels"], ch["values"], strict=True)):
        bx = x + 12 + i * bw
        bh = (base - y - 48) * v / top
        p.draw_rect(
            pymupdf.Rect(bx + bw * 0.2, base - bh, bx + bw * 0.8, base),
            color=None,
            fill=(0.3, 0.45, 0.7),
        )
        text_at(p, bx, base - bh - 3, str(v), "micro", 7, BLACK, "c", bw)
        text_at(p, bx, base + 10, lab, "micro", 6.5, BLACK, "c", bw)
    text_at(p, x + 6, y + h - 6, ch["source"], "micro", 7, GREY)
    pg.furniture += [ch["unit"]] + [
        x for lv in zip(ch["values"], ch["labels"], strict=True) for x in (str(lv[0]), lv[1])
    ]
    return y + h


def draw_photo(page, x, y, w, h):
    page.draw_rect(pymupdf.Rect(x, y, x + w, y + h), color=None, fill=(0.55, 0.58, 0.6))
    for i in range(7):
        fx = x + (i * 37 % int(w - 20))
        fy = y + h * 0.35 + (i * 13 % 30)
        page.draw_rect(
            pymupdf.Rect(fx, fy, fx + 18, fy + 40), color=None, fill=(0.3 + 0.05 * i, 0.35, 0.4)
        )


def page3(doc, rec):
    pg = Page(doc, 230, 215, ("汀岸金融时报", "TINGAN FINANCE TIMES"))
    y = pg.header("A5", "养老金融", "2026年12月3日 星期四", "总第2861期")
    m, W = pg.m, pg.W
    a = ART["a04"]
    y = title_block(pg, a, m, y, W - 2 * m, 22, align="c")
    text_at(pg.page, m, y + 9, a["byline"], "micro", 9, BLACK, "c", W - 2 * m)
    y += 20
    cols, colw = columns(m, W - 2 * m, 4, 12)
    cy = draw_chart(pg, cols[2], y, colw * 2 + 12, a["chart"])
    spec = body_spec("micro", 9.5, 1.65, True, True, "bold", 24)
    paras = para_list(a, "bold")
    items = body_items(paras, spec, colw)
    # photo at the foot of columns 1-2: the body stops above it there
    ph = 120
    tops = [y, y, cy + 10, cy + 10]
    h = balance(items, cols, tops)
    while True:
        lim = h - ph - 46
        try:
            placed = refill(items, cols, tops, [lim, lim, h, h])
            break
        except AssertionError:
            h += 2
    draw_body(pg.page, placed, cols, colw, spec)
    draw_photo(pg.page, cols[0], lim + 6, colw * 2 + 12, ph)
    cap = a["caption"]
    caplines = break_lines(cap, "micro", 8, colw * 2 + 12)
    cyy = lim + ph + 16
    for ln in caplines:
        text_at(pg.page, cols[0], cyy, ln, "micro", 8, BLACK)
        cyy += 11
    text_at(pg.page, cols[0], cyy, a["credit"], "micro", 8, GREY, "r", colw * 2 + 12)
    pg.footer("责任编辑：邹澄 美术编辑：席蓝 校对：霍宁")
    caps = [a["chart"]["title"], a["chart"]["source"], f"{cap} {a['credit']}"]
    part1 = part(
        a,
        paras=paras,
        title=plain(a["title"][0]),
        subtitle=plain(a["deck"]),
        subpos="below",
        byline=a["byline"],
        title_marked=a["title"][0],
        sub_marked=a["deck"],
        captions=caps,
        cap_marked=" ".join(caps),
    )
    layout = {
        "page_mm": [230, 215],
        "writer": "pymupdf TextWriter",
        "order": "reading",
        "cols": [4],
        "col_widths_mm": [round(colw / MM, 1)],
        "body": {
            "a04": "microhei 9.5pt, lead 1.65, indent, justified per character, bold "
            "(fill+stroke) headings"
        },
        "notes": "one article: centred title, deck and byline; boxed bar chart at the top of "
        "columns 3-4, photo with a two-line caption and its credit right-aligned on "
        "its own line at the foot of columns 1-2",
    }
    return pg, [part1], layout


def refill(items, cols, tops, bottoms):
    out = []
    ci, y, i = 0, tops[0], 0
    while i < len(items):
        kind, _data, h = items[i]
        need = h + (items[i + 1][2] if kind == "head" and i + 1 < len(items) else 0)
        if kind == "gap" and y == tops[ci]:
            i += 1
            continue
        if y + need > bottoms[ci] + 0.01:
            ci += 1
            assert ci < len(cols), "overflow"
            y = tops[ci]
            continue
        out.append((ci, y, items[i]))
        y += h
        i += 1
    return out


def page4(doc, rec):
    pg = Page(doc, 230, 156, ("汀岸金融时报", "TINGAN FINANCE TIMES"))
    y = pg.header("A6", "科技金融", "2026年12月3日 星期四", "总第2861期")
    m, W = pg.m, pg.W
    a = ART["a05"]
    text_at(pg.page, m, y + 12, a["kicker"], "zen", 12, WHITE)
    pg.page.draw_rect(pymupdf.Rect(m - 2, y, m + 30, y + 16), color=None, fill=RED, overlay=False)
    y += 20
    text_at(pg.page, m, y + 26, plain(a["title"][0]), "zen", 26, BLACK)
    y += 34
    text_at(pg.page, m + 60, y + 12, a["deck"], "zen", 13, GREY)
    text_at(pg.page, m, y + 12, a["byline"], "micro", 9, NAVY, "r", W - 2 * m)
    y += 22
    cols, colw = columns(m, W - 2 * m, 3, 6)
    spec = body_spec("micro", 9.5, 1.25, False, False, "reversed", 24, gap=0.7)
    paras = para_list(a, "reversed")
    items = body_items(paras, spec, colw)
    # the questions in navy: mark them for draw
    h = balance(items, cols, [y] * 3)
    placed, _ = fill(items, cols, [y] * 3, h)
    draw_qa(pg.page, placed, cols, colw, spec, paras)
    pg.footer("责任编辑：邹澄 美术编辑：席蓝 校对：霍宁")
    pg.furn(a["kicker"])
    part1 = part(
        a,
        paras=paras,
        title=plain(a["title"][0]),
        subtitle=a["deck"],
        subpos="below",
        byline=a["byline"],
        title_marked=a["title"][0],
    )
    layout = {
        "page_mm": [230, 156],
        "writer": "pymupdf TextWriter",
        "order": "reading",
        "cols": [3],
        "col_widths_mm": [round(colw / MM, 1)],
        "body": {
            "a05": "microhei 9.5pt, lead 1.25 (tight), no indent, 0.7-line gaps, ragged; "
            "questions in navy; headings reversed white on red"
        },
        "notes": "interview in Q&A form (记者： / 邵静川：); kicker 专访 reversed in a red box "
        "above the title; the deck ——访… below it and the byline on the deck's "
        "baseline, right-aligned",
    }
    return pg, [part1], layout


def draw_qa(page, placed, cols, colw, spec, paras):
    size, lead, font = spec["size"], spec["lead"], spec["font"]
    percol: dict[int, list] = {}
    for ci, y, it in placed:
        percol.setdefault(ci, []).append((y, it))
    for ci in sorted(percol):
        col = Col(page)
        for y, (kind, data, _h) in percol[ci]:
            if kind == "line":
                ln, _ind, _last, pi = data
                q = plain(paras[pi][1]).startswith("记者：")
                base = y + (lead - 1) * size / 2 + size * 0.88
                col.put(cols[ci], base, ln, font, size, NAVY if q else BLACK)
            elif kind == "head":
                draw_head(page, col, cols[ci], y, colw, data, spec)
        col.flush()


def page5(doc, rec):
    pg = Page(doc, 260, 153, ("汀岸金融时报", "TINGAN FINANCE TIMES"))
    y0 = pg.header("A7", "跨境·期货", "2026年12月3日 星期四", "总第2861期")
    m, W = pg.m, pg.W
    half = (W - 2 * m - 14) / 2
    parts = []
    bottoms = []
    for k, aid in enumerate(("a06", "a07")):
        a = ART[aid]
        x = m + k * (half + 14)
        y = title_block(pg, a, x, y0, half, 17)
        if aid == "a06":
            text_at(pg.page, x, y + 8, a["byline"], "micro", 8, GREY)
            y += 14
        cols, colw = columns(x, half, 3, 5)
        spec = body_spec(
            "ming", 8, 1.3, True, k == 0, "square" if k == 0 else "bracket", 18, head_color=NAVY
        )
        style = "square" if k == 0 else "bracket"
        paras = para_list(a, style)
        items = body_items(paras, spec, colw)
        h = balance(items, cols, [y] * 3)
        placed, _ = fill(items, cols, [y] * 3, h)
        draw_body(pg.page, placed, cols, colw, spec, {cols[i] - 2.5: (y, h) for i in (1, 2)})
        if aid == "a07":
            text_at(pg.page, x, h + 10, a["byline"], "micro", 8, BLACK, "r", half)
            h += 14
        bottoms.append(h)
        parts.append(
            part(
                a,
                paras=paras,
                title="".join(plain(t) for t in a["title"]),
                subtitle=plain(a["deck"]) if a["deck"] else None,
                subpos="below" if a["deck"] else None,
                byline=a["byline"],
                title_marked="".join(a["title"]),
                sub_marked=a["deck"] or "",
            )
        )
    pg.page.draw_line((m + half + 7, y0), (m + half + 7, max(bottoms)), color=BLACK, width=1)
    pg.footer("责任编辑：邹澄 美术编辑：席蓝 校对：霍宁")
    layout = {
        "page_mm": [260, 153],
        "writer": "pymupdf TextWriter",
        "order": "reading",
        "cols": [3, 3],
        "body": {
            "a06": "uming 8pt, lead 1.3, indent, justified, ■ headings",
            "a07": "uming 8pt, lead 1.3, indent, ragged, 【】 headings",
        },
        "notes": "two articles side by side, six narrow columns (5pt gutters, hairline rules); "
        "a06 with a deck and the byline under it; a07 two-line title and its byline "
        "at the article's end, right-aligned",
    }
    return pg, parts, layout


def page6(doc, rec):
    pg = Page(doc, 220, 216, ("汀岸金融时报", "TINGAN FINANCE TIMES"))
    y = pg.header("A8", "REITs", "2026年12月3日 星期四", "总第2861期")
    m, W = pg.m, pg.W
    a = ART["a08"]
    y = title_block(pg, a, m, y, W - 2 * m, 21)
    text_at(pg.page, m, y + 9, a["byline"], "micro", 9, RED)
    y += 20
    cols, colw = columns(m, W - 2 * m, 3, 16)
    spec = body_spec("zen", 10.5, 1.8, False, False, "arabic", 28, gap=0.8, head_color=NAVY)
    paras = para_list(a, "arabic")
    items = body_items(paras, spec, colw)
    tb = a["table"]
    th = 16 * (len(tb["rows"]) + 1) + 40
    tops = [y] * 3
    lo = balance(items, cols, tops) - 10
    while True:
        try:
            placed = refill(items, cols, tops, [lo, lo, lo - th])
            break
        except AssertionError:
            lo += 4
    draw_body(pg.page, placed, cols, colw, spec, {cols[i] - 8: (y, lo) for i in (1, 2)})
    ty = lo - th + 8
    x = cols[2]
    text_at(pg.page, x, ty + 10, tb["title"], "zen", 8.5, NAVY)
    ty += 16
    cw = [colw * 0.5, colw * 0.25, colw * 0.25]
    for r, row in enumerate([tb["head"], *tb["rows"]]):
        if r == 0:
            pg.page.draw_rect(pymupdf.Rect(x, ty, x + colw, ty + 16), color=None, fill=NAVY)
        cx = x
        for c, cell in enumerate(row):
            text_at(
                pg.page,
                cx + 2,
                ty + 11.5,
                cell,
                "micro",
                7.5,
                WHITE if r == 0 else BLACK,
                "l" if c == 0 else "c",
                cw[c] - 4,
            )
            cx += cw[c]
        pg.page.draw_line((x, ty + 16), (x + colw, ty + 16), color=GREY, width=0.4)
        ty += 16
    text_at(pg.page, x, ty + 10, tb["note"], "micro", 6.5, GREY)
    pg.furniture += [tb["title"]] + [c for row in [tb["head"], *tb["rows"]] for c in row]
    pg.furn(tb["note"])
    pg.footer("责任编辑：邹澄 美术编辑：席蓝 校对：霍宁")
    part1 = part(
        a,
        paras=paras,
        title="".join(plain(t) for t in a["title"]),
        subtitle=a["kicker"],
        subpos="above",
        byline=a["byline"],
        title_marked="".join(a["title"]),
    )
    layout = {
        "page_mm": [220, 216],
        "writer": "pymupdf TextWriter",
        "order": "reading",
        "cols": [3],
        "col_widths_mm": [round(colw / MM, 1)],
        "body": {
            "a08": "zenhei 10.5pt, lead 1.8 (loose), no indent, 0.8-line gaps, ragged, "
            "numbered 1．headings"
        },
        "notes": "one article: red kicker, two-line title, red byline; wide gutters with rules; "
        "comparison table at the foot of column 3",
    }
    return pg, [part1], layout


# ----------------------------------------------------------------------------- gold


def entities_for(a, text):
    names = [n for d in (a["entities"], a["optional"]) for v in d.values() for n in v]
    ents = {}
    for t in ("PERSON", "ORG", "PLACE", "TICKER"):
        got = []
        for e in a["entities"].get(t, []):
            s = text
            for n in sorted(names, key=len, reverse=True):
                if len(n) > len(e) and e in n:
                    s = s.replace(n, "\x00")
            if e in s and e not in got:
                got.append(e)
        ents[t] = got
    opt = {t: [e for e in v if e in text] for t, v in a["optional"].items()}
    return ents, {t: v for t, v in opt.items() if v}


def gold_article(pt):
    a = pt["a"]
    paras = [{"section_heading": ph, "text": plain(t)} for _h, t, ph in pt["paras"]]
    heads = []
    for p in paras:
        if p["section_heading"] and p["section_heading"] not in heads:
            heads.append(p["section_heading"])
    marked = [pt["title_marked"], pt["sub_marked"]] + [t for _h, t, _p in pt["paras"]]
    text = "\n".join(plain(x) for x in [*marked, pt["byline"] or "", *pt["captions"], *heads])
    ents, opt = entities_for(a, text)
    fig = [f for s in marked for f in figs(s)]
    out = {
        "id": a["id"],
        "title": pt["title"],
        "subtitle": pt["subtitle"],
        "subtitle_position": pt["subpos"],
        "byline": pt["byline"],
        "headings": heads,
        "paragraphs": paras,
        "captions": pt["captions"],
        "entities": ents,
        "optional_entities": opt,
        "figures": [{"surface": f} for f in fig],
    }
    return out


def extract(pdf: Path, d: Path):
    (d / "pdftotext.txt").write_bytes(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True
        ).stdout
    )
    (d / "pdftotext_raw.txt").write_bytes(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", "-raw", str(pdf), "-"], capture_output=True, check=True
        ).stdout
    )
    code = (
        "import sys, pathlib\n"
        "from pdfminer.high_level import extract_text\n"
        "from pypdf import PdfReader\n"
        "import pypdfium2 as pdfium\n"
        "pdf, d = sys.argv[1], pathlib.Path(sys.argv[2])\n"
        "(d / 'pdfminer.txt').write_text(extract_text(pdf), encoding='utf-8')\n"
        "(d / 'pypdf.txt').write_text(PdfReader(pdf).pages[0].extract_text(), encoding='utf-8')\n"
        "doc = pdfium.PdfDocument(pdf)\n"
        "t = doc[0].get_textpage().get_text_range()\n"
        "(d / 'pypdfium2.txt').write_bytes(t.encode('utf-8'))\n"
    )
    subprocess.run([VENV_PY, "-c", code, str(pdf), str(d)], check=True)


def fix_tounicode(doc):
    """MuPDF maps a glyph shared by an ideograph and its CJK compatibility twin (年 U+5E74 and
    U+F98E) to the twin; rewrite every ToUnicode CMap with the NFKC form of such entries."""
    seen = set()
    for x in range(1, doc.xref_length()):
        kind, val = doc.xref_get_key(x, "ToUnicode")
        if kind != "xref" or val in seen:
            continue
        seen.add(val)
        ref = int(val.split()[0])
        src = doc.xref_stream(ref).decode("latin-1")
        cmap: dict[int, str] = {}

        def uni(h: str) -> str:
            if len(h) % 4:
                return chr(int(h, 16))
            return bytes.fromhex(h).decode("utf-16-be")

        for blk in re.findall(r"beginbfrange(.*?)endbfrange", src, re.S):
            for line in blk.strip().splitlines():
                a, b, u = re.findall(r"<([0-9a-fA-F]+)>", line)
                for k in range(int(a, 16), int(b, 16) + 1):
                    cmap[k] = chr(ord(uni(u)) + k - int(a, 16))
        for blk in re.findall(r"beginbfchar(.*?)endbfchar", src, re.S):
            for line in blk.strip().splitlines():
                a, u = re.findall(r"<([0-9a-fA-F]+)>", line)
                cmap[int(a, 16)] = uni(u)
        fixed = {
            k: unicodedata.normalize("NFKC", v) if 0xF900 <= ord(v[0]) <= 0xFAFF else v
            for k, v in cmap.items()
        }
        if fixed == cmap:
            continue
        keys = sorted(fixed)
        out = [src.split("beginbfrange")[0].split("beginbfchar")[0].rsplit("\n", 2)[0]]
        for i in range(0, len(keys), 100):
            chunk = keys[i : i + 100]
            out.append(f"{len(chunk)} beginbfchar")
            out += [f"<{k:04x}> <{fixed[k].encode('utf-16-be').hex()}>" for k in chunk]
            out.append("endbfchar")
        out.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        doc.update_stream(ref, "\n".join(out).encode("latin-1"))


PAGES = [page1, page2, page3, page4, page5, page6]


def main(out: Path = HERE):
    rec: dict = {}
    for n, fn in enumerate(PAGES, 1):
        doc = pymupdf.open()
        pg, parts, layout = fn(doc, rec)
        d = out / f"p{n:02d}"
        d.mkdir(parents=True, exist_ok=True)
        doc.set_metadata(
            {
                "producer": "pages10",
                "creator": "make_pages10.py",
                "creationDate": "D:20261201000000Z",
                "modDate": "D:20261201000000Z",
            }
        )
        doc.subset_fonts()
        fix_tounicode(doc)
        doc.save(d / "page.pdf", garbage=3, deflate=True, no_new_id=True)
        arts = [gold_article(pt) for pt in parts]
        gold = {
            k: arts[0][k]
            for k in (
                "title",
                "subtitle",
                "byline",
                "headings",
                "paragraphs",
                "captions",
                "entities",
                "optional_entities",
                "figures",
            )
        }
        gold["articles"] = arts
        gold["furniture"] = pg.furniture
        gold["layout"] = layout
        (d / "clean.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        extract(d / "page.pdf", d)
    subprocess.run([VENV_PY, str(HERE / "check_pages10.py"), str(out)], check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
