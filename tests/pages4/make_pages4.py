#!/usr/bin/env python3
"""Typeset the held-out page set pages4 (six newspaper pages) and write their gold.

    cd /work/main && /work/venv/bin/python tests/pages4/make_pages4.py [--png]

A small newspaper typesetter written for this set, on fpdf2 (fixed creation date, no clocks,
seeded shuffle): CJK line breaking with kinsoku rules, justification by character spacing (Tc)
or ragged lines, hanging punctuation on one page, text flowing line by line over columns of
different widths, around boxes and over a page jump, column heights balanced by bisection.
For every page it writes pNN/page.pdf, pNN/clean.json and the five extractor texts, then runs
the checks listed in README.md and prints a report.
"""

from __future__ import annotations

import datetime
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True

from articles4 import ARTICLES  # noqa: E402
from fpdf import FPDF  # noqa: E402
from fpdf.enums import TextMode  # noqa: E402

MMPT = 72 / 25.4


def mm(v: float) -> float:
    return v * MMPT


FONTS = {
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "mhei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
}
CORE = {"helvB": ("helvetica", "B")}
FIXED_DATE = datetime.datetime(2001, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)
WEEK = "一二三四五六日"


def datestr(y: int, m: int, d: int) -> str:
    return f"{y}年{m}月{d}日 星期{WEEK[datetime.date(y, m, d).weekday()]}"


def new_pdf(w: float, h: float) -> FPDF:
    pdf = FPDF(unit="pt", format=(w, h))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for name, (path, idx) in FONTS.items():
        pdf.add_font(name, fname=path, collection_font_number=idx)
    return pdf


# ----------------------------------------------------------------------------- metrics

_SCRATCH: FPDF | None = None
_W: dict = {}


def em(font: str, s: str) -> float:
    """Width of s in em (font size 1)."""
    global _SCRATCH
    if _SCRATCH is None:
        import logging

        logging.getLogger("fontTools").setLevel(logging.ERROR)
        _SCRATCH = new_pdf(500, 500)
    tot = 0.0
    for ch in s:
        key = (font, ch)
        if key not in _W:
            if font in CORE:
                _SCRATCH.set_font(*CORE[font], size=100)
            else:
                _SCRATCH.set_font(font, size=100)
            _W[key] = _SCRATCH.get_string_width(ch) / 100
        tot += _W[key]
    return tot


# ----------------------------------------------------------------------------- breaking

TOK = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+\-/:]*|——|……|.", re.S)
NO_START = set("，。、；：？！”’）》」』】%·…")
NO_END = set("“‘（《「『【")
IND = "\u3000"


def tokens(text: str) -> list[str]:
    return TOK.findall(text)


def next_line(toks, i, width, font, size, hang=False):
    """End index of the line starting at token i, and whether its last token hangs."""
    n = len(toks)
    w = 0.0
    j = i
    while j < n:
        tw = em(font, toks[j]) * size
        if w + tw <= width + 0.01 or j == i:
            w += tw
            j += 1
        else:
            break
    if j >= n:
        return n, False
    hung = False
    if toks[j][0] in NO_START:
        if hang and len(toks[j]) == 1 and (j + 1 >= n or toks[j + 1][0] not in NO_START):
            j += 1
            hung = True
        else:
            while j > i + 1 and toks[j][0] in NO_START:
                j -= 1
    while j > i + 1 and toks[j - 1][-1] in NO_END:
        j -= 1
        hung = False
    if j >= n:
        return n, False
    return j, hung


def wrap(text, width, font, size):
    """Ragged wrap of a short string (titles, decks, captions) into lines."""
    toks = tokens(text)
    out, i = [], 0
    while i < len(toks):
        j, _ = next_line(toks, i, width, font, size)
        out.append("".join(toks[i:j]))
        i = j
    return out


# ----------------------------------------------------------------------------- page model


class Page:
    def __init__(self, name, w_mm, h_mm):
        self.name = name
        self.w = mm(w_mm)
        self.h = mm(h_mm)
        self.frames: list[tuple[str, list]] = []
        self.furniture: list[str] = []
        self.drawn: list[str] = []
        self.justified: list[tuple[str, float, float]] = []  # (line, tc, size)

    def frame(self, label):
        ops = []
        self.frames.append((label, ops))
        return ops

    def text(
        self, ops, font, size, x, y, s, tc=0.0, bold=False, align="l", width=0.0, gray=0, furn=False
    ):
        """Draw s with its baseline at y; x is the left edge (or the box left for align)."""
        w = em(font, s) * size + tc * max(len(s) - 1, 0)
        if align == "c":
            x = x + (width - w) / 2
        elif align == "r":
            x = x + width - w
        ops.append(("t", font, size, x, y, s, tc, bold, gray))
        self.drawn.append(s)
        if furn:
            self.furniture.append(s)
        return w

    def render(self, path, order=None):
        pdf = new_pdf(self.w, self.h)
        pdf.add_page()
        frames = self.frames if order is None else order
        for _label, ops in frames:
            for op in ops:
                kind = op[0]
                if kind == "t":
                    _k, font, size, x, y, s, tc, bold, gray = op
                    if font in CORE:
                        pdf.set_font(*CORE[font], size=size)
                    else:
                        pdf.set_font(font, size=size)
                    pdf.set_text_color(gray)
                    pdf.set_char_spacing(tc)
                    if bold:
                        # fake bold: fill and stroke (Tr 2), inside q/Q so that Tr is restored
                        with pdf.local_context(
                            text_mode=TextMode.FILL_STROKE, line_width=size * 0.03, draw_color=gray
                        ):
                            pdf.text(x, y, s)
                    else:
                        pdf.text(x, y, s)
                    pdf.set_char_spacing(0)
                elif kind == "l":
                    _k, x1, y1, x2, y2, lw, gray = op
                    pdf.set_draw_color(gray)
                    pdf.set_line_width(lw)
                    pdf.line(x1, y1, x2, y2)
                elif kind == "r":
                    _k, x, y, w, h, fill, stroke, lw = op
                    style = ("F" if stroke is None else "DF") if fill is not None else "D"
                    if fill is not None:
                        pdf.set_fill_color(fill)
                    if stroke is not None:
                        pdf.set_draw_color(stroke)
                        pdf.set_line_width(lw)
                    pdf.rect(x, y, w, h, style=style)
                elif kind == "poly":
                    _k, pts, fill = op
                    pdf.set_fill_color(fill)
                    pdf.polygon(pts, style="F")
                elif kind == "ell":
                    _k, x, y, w, h, fill = op
                    pdf.set_fill_color(fill)
                    pdf.ellipse(x, y, w, h, style="F")
                elif kind == "pl":
                    _k, pts, lw, gray = op
                    pdf.set_draw_color(gray)
                    pdf.set_line_width(lw)
                    for a, b in zip(pts, pts[1:]):
                        pdf.line(a[0], a[1], b[0], b[1])
        pdf.output(str(path))


def line(ops, x1, y1, x2, y2, lw=0.5, gray=0):
    ops.append(("l", x1, y1, x2, y2, lw, gray))


def rect(ops, x, y, w, h, fill=None, stroke=0, lw=0.5):
    ops.append(("r", x, y, w, h, fill, stroke, lw))


# ----------------------------------------------------------------------------- articles


def strip_fig(s: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Text without the figure braces, and the figure spans (start, end, surface)."""
    out, figs, pos = [], [], 0
    for m in re.finditer(r"\{([^}]*)\}|[^{]+", s):
        if m.group(1) is not None:
            figs.append((pos, pos + len(m.group(1)), m.group(1)))
            out.append(m.group(1))
            pos += len(m.group(1))
        else:
            out.append(m.group(0))
            pos += len(m.group(0))
    return "".join(out), figs


class Item:
    def __init__(self, kind, text, style=None, pid=None):
        self.kind = kind  # p (paragraph), h (heading), x (extra line: byline)
        self.raw = text
        self.text, self.figs = strip_fig(text)
        self.style = style or {}
        self.pid = pid
        self.toks: list[str] = []
        self.offs: list[int] = []  # char offset of each token in self.text

    def prepare(self, indent_print):
        toks = tokens(self.text)
        offs, p = [], 0
        for t in toks:
            offs.append(p)
            p += len(t)
        if self.kind == "p" and indent_print:
            toks = [IND, IND] + toks
            offs = [0, 0] + offs
        self.toks, self.offs = toks, offs + [len(self.text)]
        self.lead_ind = 2 if (self.kind == "p" and indent_print) else 0


class Body:
    """Body style."""

    def __init__(
        self,
        font="ming",
        size=10,
        lead=1.4,
        indent="print",
        gap=0.0,
        justify=True,
        hang=False,
        head=None,
    ):
        self.font, self.size, self.lead = font, size, lead
        self.indent, self.gap, self.justify, self.hang = indent, gap, justify, hang
        self.head = head or {}

    @property
    def L(self):
        return self.size * self.lead


def items_for(aid, st, pre=None, post=None):
    a = ARTICLES[aid]
    items = list(pre or [])
    for k, (kind, text) in enumerate(a["body"]):
        items.append(Item(kind, text, pid=k))
    items += list(post or [])
    for it in items:
        it.prepare(st.indent == "print")
    return items


def flow(items, cols, bottoms, st, start=(0, 0), dry=False):
    """Set items into the columns (x, ytop, w) down to bottoms[c]. Returns the lines of every
    column and the leftover position (item, token) or None."""
    lines = [[] for _ in cols]
    ii, ti = start
    ci = 0
    x, y, w = cols[0]
    at_top = True
    size, L = st.size, st.L

    def nextcol():
        nonlocal ci, x, y, w, at_top
        ci += 1
        if ci >= len(cols):
            return False
        x, y, w = cols[ci]
        at_top = True
        return True

    while ii < len(items):
        it = items[ii]
        bot = bottoms[ci]
        if it.kind == "p":
            if ti == 0 and not at_top:
                gap = st.gap * L
                if y + gap + size > bot + 0.01:
                    if not nextcol():
                        return lines, (ii, ti)
                    continue
                y += gap
            while ti < len(it.toks):
                if y + size > bottoms[ci] + 0.01:
                    if not nextcol():
                        return lines, (ii, ti)
                    continue
                off = st.size * 2 if (ti == 0 and st.indent == "offset") else 0.0
                j, hung = next_line(it.toks, ti, w - off, st.font, size, st.hang)
                s = "".join(it.toks[ti:j])
                last = j >= len(it.toks)
                tc = 0.0
                if st.justify and not last and len(s) > 1:
                    nat = em(st.font, s) * size
                    if hung:
                        nat -= em(st.font, s[-1]) * size
                    tc = (w - off - nat) / (len(s) - 1)
                lines[ci].append(
                    dict(
                        kind="p",
                        x=x + off,
                        y=y + 0.88 * size,
                        s=s,
                        tc=tc,
                        font=st.font,
                        size=size,
                        bold=False,
                        item=ii,
                        t0=ti,
                        t1=j,
                        hung=hung,
                        just=(tc != 0.0),
                    )
                )
                y += L
                at_top = False
                ti = j
            ii += 1
            ti = 0
        else:
            hs = it.style
            font = hs.get("font", "hei")
            hsize = hs.get("size", size)
            hl = wrap(it.text, w, font, hsize)
            before = 0.0 if at_top else hs.get("before", 0.5) * L
            step = hsize * hs.get("lead", 1.3)
            after = hs.get("after", 0.2) * L
            need = before + len(hl) * step + after
            if it.kind == "h":
                need += size + L  # keep with two lines of the next paragraph
            else:
                need += 0
            if y + need > bot + 0.01 and not at_top:
                if not nextcol():
                    return lines, (ii, 0)
                continue
            y += before
            for s in hl:
                lines[ci].append(
                    dict(
                        kind=it.kind,
                        x=x,
                        y=y + 0.88 * hsize,
                        s=s,
                        tc=0.0,
                        font=font,
                        size=hsize,
                        bold=hs.get("bold", False),
                        align=hs.get("align", "l"),
                        w=w,
                        item=ii,
                        just=False,
                    )
                )
                y += step
            y += after
            at_top = False
            ii += 1
            ti = 0
    return lines, None


def balance(items, cols, st, hi, start=(0, 0)):
    """Smallest common bottom (<= hi) at which everything fits."""
    lo = max(c[1] for c in cols)
    lines, left = flow(items, cols, [hi] * len(cols), st, start)
    if left is not None:
        raise SystemExit(f"does not fit: {left} of {len(items)}")
    for _ in range(40):
        mid = (lo + hi) / 2
        _l, left = flow(items, cols, [mid] * len(cols), st, start)
        if left is None:
            hi = mid
        else:
            lo = mid
    return hi + 0.01


def draw_lines(page, ops, col_lines):
    for ln in col_lines:
        if ln["kind"] == "p":
            page.text(ops, ln["font"], ln["size"], ln["x"], ln["y"], ln["s"], tc=ln["tc"])
            if ln["just"]:
                page.justified.append((ln["s"], ln["tc"], ln["size"]))
        else:
            page.text(
                ops,
                ln["font"],
                ln["size"],
                ln["x"],
                ln["y"],
                ln["s"],
                bold=ln["bold"],
                align=ln["align"],
                width=ln["w"],
            )


def col_bottom(col_lines, st):
    ys = [ln["y"] - 0.88 * ln["size"] + ln["size"] for ln in col_lines]
    return max(ys) if ys else 0


# ----------------------------------------------------------------------------- gold


class ArtGold:
    """Collects what is printed of one article on one page."""

    def __init__(self, aid):
        self.aid = aid
        self.a = ARTICLES[aid]
        self.title = None
        self.title_figs: list[str] = []
        self.subtitle = None
        self.sub_figs: list[str] = []
        self.byline = None
        self.headings: list[str] = []
        self.paras: list[dict] = []
        self.captions: list[str] = []
        self.units: list[tuple[str, list[str]]] = []

    def set_title(self, lines_raw):
        plain = [strip_fig(x) for x in lines_raw]
        self.title = "".join(p[0] for p in plain)
        self.title_figs = [f[2] for p in plain for f in p[1]]
        return [p[0] for p in plain]

    def set_subtitle(self, raw):
        s, figs = strip_fig(raw)
        self.subtitle = s
        self.sub_figs = [f[2] for f in figs]
        return s

    def from_lines(self, items, all_lines):
        """Paragraph pieces and headings from the placed lines (in reading order)."""
        heading = None
        pieces = []
        for ln in all_lines:
            it = items[ln["item"]]
            if it.kind == "h":
                if pieces and pieces[-1][0] == "h" and pieces[-1][1] == ln["item"]:
                    continue
                pieces.append(("h", ln["item"]))
            elif it.kind == "p":
                if pieces and pieces[-1][0] == "p" and pieces[-1][1] == ln["item"]:
                    pieces[-1] = ("p", ln["item"], pieces[-1][2], ln["t1"])
                else:
                    pieces.append(("p", ln["item"], ln["t0"], ln["t1"]))
        for pc in pieces:
            it = items[pc[1]]
            if pc[0] == "h":
                heading = it.text
                self.headings.append(it.text)
                continue
            c0 = it.offs[pc[2]]
            c1 = it.offs[pc[3]] if pc[3] < len(it.toks) else len(it.text)
            text = it.text[c0:c1]
            figs = []
            for a, b, surf in it.figs:
                if a >= c0 and b <= c1:
                    figs.append(surf)
                elif a < c1 and b > c0:
                    raise SystemExit(f"figure {surf} cut by the page jump")
            self.paras.append(dict(section_heading=heading, text=text, figs=figs))

    def gold(self):
        printed = (
            [self.title or "", self.subtitle or "", self.byline or ""]
            + self.headings
            + [p["text"] for p in self.paras]
            + self.captions
        )
        alltext = "\n".join(printed)
        figs = list(self.title_figs) + list(self.sub_figs)
        for p in self.paras:
            figs += p["figs"]
        ents = {t: [] for t in ("PERSON", "ORG", "PLACE", "TICKER")}
        allnames = [n for t in self.a["entities"] for n in self.a["entities"][t]] + [
            n for t in self.a.get("optional", {}) for n in self.a["optional"][t]
        ]
        for t, names in self.a["entities"].items():
            for n in names:
                if free_occurrences(alltext, n, allnames):
                    ents[t].append(n)
        opt = {}
        for t, names in self.a.get("optional", {}).items():
            keep = [n for n in names if n in alltext]  # optional: any printed occurrence
            if keep:
                opt[t] = keep
        g = {"id": self.aid, "title": self.title}
        if self.subtitle:
            g["subtitle"] = self.subtitle
            g["subtitle_position"] = self.a.get("subtitle_position")
        g["byline"] = self.byline
        g["headings"] = self.headings
        g["paragraphs"] = [
            {"section_heading": p["section_heading"], "text": p["text"]} for p in self.paras
        ]
        g["captions"] = self.captions
        g["entities"] = ents
        g["optional_entities"] = opt
        g["figures"] = [{"surface": f} for f in figs]
        return g


def free_occurrences(text, name, allnames):
    """Occurrences of name in text not inside an occurrence of a longer listed name."""
    longer = [m for m in allnames if len(m) > len(name) and name in m]
    cover = set()
    for m in longer:
        for mt in re.finditer(re.escape(m), text):
            cover.update(range(mt.start(), mt.end()))
    n = 0
    for mt in re.finditer(re.escape(name), text):
        if not (set(range(mt.start(), mt.end())) <= cover):
            n += 1
    return n


# ----------------------------------------------------------------------------- furniture


def header_haichuan(page, code, section, date, ops=None, m=12):
    ops = ops if ops is not None else page.frame("header")
    W = page.w
    page.text(ops, "hei", 22, mm(m), mm(16), "海川经济日报", bold=True, furn=True)
    page.text(ops, "helvB", 7.5, mm(m), mm(21.5), "HAICHUAN ECONOMIC DAILY", tc=0.6, furn=True)
    # page code in a box, section beside it, date under them
    bx = W - mm(m) - mm(52)
    rect(ops, bx, mm(8), mm(14), mm(10), fill=0, stroke=None)
    page.text(ops, "hei", 16, bx, mm(15.6), code, align="c", width=mm(14), gray=255, furn=True)
    page.text(ops, "hei", 13, bx + mm(16), mm(15.4), section, bold=True, furn=True)
    page.text(
        ops, "mhei", 8.5, W - mm(m) - mm(52), mm(22), date, align="r", width=mm(52), furn=True
    )
    line(ops, mm(m), mm(24.5), W - mm(m), mm(24.5), 1.6)
    line(ops, mm(m), mm(25.6), W - mm(m), mm(25.6), 0.4)
    return mm(27)


def footer_haichuan(page, editors, extra, ops=None, m=12):
    ops = ops if ops is not None else page.frame("footer")
    W, H = page.w, page.h
    line(ops, mm(m), H - mm(13), W - mm(m), H - mm(13), 0.5)
    page.text(ops, "mhei", 8, mm(m), H - mm(8.5), editors, furn=True)
    page.text(
        ops, "mhei", 8, W - mm(m) - mm(80), H - mm(8.5), extra, align="r", width=mm(80), furn=True
    )
    return H - mm(15)


def header_canglan(page, code, section, date):
    ops = page.frame("header")
    W = page.w
    rect(ops, mm(10), mm(9), mm(16), mm(11), fill=0, stroke=None)
    page.text(ops, "hei", 18, mm(10), mm(17.4), code, align="c", width=mm(16), gray=255, furn=True)
    page.text(ops, "hei", 14, mm(29), mm(17.2), section, bold=True, furn=True)
    page.text(ops, "mhei", 9.5, 0, mm(17), date, align="c", width=W, furn=True)
    page.text(
        ops,
        "hei",
        17,
        W - mm(10) - mm(60),
        mm(15.5),
        "沧澜财经报",
        bold=True,
        align="r",
        width=mm(60),
        furn=True,
    )
    page.text(
        ops,
        "helvB",
        6.5,
        W - mm(10) - mm(60),
        mm(20),
        "CANGLAN FINANCE HERALD",
        align="r",
        width=mm(60),
        furn=True,
    )
    line(ops, mm(10), mm(23), W - mm(10), mm(23), 0.4)
    line(ops, mm(10), mm(24.2), W - mm(10), mm(24.2), 1.8)
    return mm(27)


def footer_canglan(page, editors):
    ops = page.frame("footer")
    W, H = page.w, page.h
    line(ops, mm(10), H - mm(12.5), W - mm(10), H - mm(12.5), 1.2)
    page.text(ops, "mhei", 8, 0, H - mm(7.5), editors, align="c", width=W, furn=True)
    return H - mm(14.5)


def header_qiming(page, code, section, frames=False, m=12):
    """启明证券报: name and Latin name on one line, page code boxed on the right. With
    frames=True every piece is its own frame (for the shuffled page)."""
    W = page.w
    f = (lambda lab: page.frame(lab)) if frames else (lambda lab, _o=page.frame("header"): _o)
    page.text(f("h-name"), "hei", 19, mm(m), mm(17), "启明证券报", bold=True, furn=True)
    page.text(
        f("h-latin"),
        "helvB",
        8,
        mm(m) + em("hei", "启明证券报") * 19 + mm(4),
        mm(17),
        "QIMING SECURITIES JOURNAL",
        furn=True,
    )
    o = f("h-code")
    rect(o, W - mm(m) - mm(13), mm(9.5), mm(13), mm(10), fill=None, stroke=0, lw=1.2)
    page.text(o, "hei", 15, W - mm(m) - mm(13), mm(17), code, align="c", width=mm(13), furn=True)
    page.text(
        f("h-section"),
        "hei",
        12,
        W - mm(m) - mm(15) - mm(40),
        mm(17),
        section,
        align="r",
        width=mm(40),
        furn=True,
    )
    line(f("h-rule"), mm(m), mm(22), W - mm(m), mm(22), 1.0)
    return mm(25)


def footer_qiming(page, date, editors, code, frames=False, m=12):
    W, H = page.w, page.h
    f = (lambda lab: page.frame(lab)) if frames else (lambda lab, _o=page.frame("footer"): _o)
    line(f("f-rule"), mm(m), H - mm(13), W - mm(m), H - mm(13), 1.0)
    page.text(f("f-date"), "mhei", 8.5, mm(m), H - mm(8), date, furn=True)
    page.text(f("f-editors"), "mhei", 8.5, 0, H - mm(8), editors, align="c", width=W, furn=True)
    page.text(
        f("f-code"),
        "hei",
        9,
        W - mm(m) - mm(30),
        H - mm(8),
        code,
        align="r",
        width=mm(30),
        furn=True,
    )
    return H - mm(15)


def table(page, ops, x, y, colw, title, rows, size=8, head_gray=225):
    """A furniture table: title, header row (shaded), body rows. Returns the bottom."""
    page.text(ops, "hei", size + 1.5, x, y + (size + 1.5) * 0.88, title, bold=True, furn=True)
    y += (size + 1.5) * 1.5
    rh = size * 1.75
    tw = sum(colw)
    for r, row in enumerate(rows):
        if r == 0:
            rect(ops, x, y, tw, rh, fill=head_gray, stroke=None)
        cx = x
        for c, cell in enumerate(row):
            font = "hei" if r == 0 else "mhei"
            page.text(
                ops,
                font,
                size,
                cx + 2,
                y + rh / 2 + size * 0.35,
                cell,
                align="l" if c == 0 else "r",
                width=colw[c] - 4,
                furn=True,
            )
            cx += colw[c]
        y += rh
        line(ops, x, y, x + tw, y, 0.3 if r else 0.6)
    line(ops, x, y - len(rows) * rh, x + tw, y - len(rows) * rh, 0.8)
    return y


def ad(page, ops, x, y, w, h, lines_, fill=240):
    """A furniture ad: a box with centred lines (font, size, text, bold)."""
    rect(ops, x, y, w, h, fill=fill, stroke=0, lw=1.0)
    total = sum(s * 1.5 for _f, s, _t, _b in lines_)
    cy = y + (h - total) / 2
    for font, size, text, bold in lines_:
        page.text(
            ops, font, size, x, cy + size * 1.2, text, bold=bold, align="c", width=w, furn=True
        )
        cy += size * 1.5


def bar_chart(page, ops, art, x, y, w, h, ch, kind="bar"):
    """Chart box: title (caption), unit, axis numbers, bars or a line with value labels,
    category labels, source line (caption). Returns nothing; caption strings go to art."""
    rect(ops, x, y, w, h, fill=248, stroke=80, lw=0.6)
    pad = 5
    tsize = 9
    tl = wrap(ch["title"], w - 2 * pad, "hei", tsize)
    cy = y + pad
    for s in tl:
        page.text(ops, "hei", tsize, x + pad, cy + tsize * 0.88, s, bold=True)
        cy += tsize * 1.3
    art.captions.append(ch["title"])
    page.text(ops, "mhei", 7, x + pad, cy + 7 * 0.88, ch["unit"], furn=True)
    cy += 7 * 1.6
    ssize = 7.5
    src_lines = wrap(ch["source"], w - 2 * pad, "mhei", ssize)
    plot_top = cy + 8
    plot_bot = y + h - pad - len(src_lines) * ssize * 1.3 - 12
    ax = x + pad + 16
    ticks = [float(t) for t in ch["ticks"]]
    t0, t1 = ticks[0], ticks[-1]

    def ty(v):
        return plot_bot - (v - t0) / (t1 - t0) * (plot_bot - plot_top)

    for t, ts in zip(ticks, ch["ticks"]):
        yy = ty(t)
        line(ops, ax, yy, x + w - pad, yy, 0.25, 170)
        page.text(ops, "mhei", 6.5, x + pad, yy + 2.3, ts, align="r", width=14, furn=True)
    line(ops, ax, plot_top - 2, ax, plot_bot, 0.6)
    n = len(ch["vals"])
    slot = (x + w - pad - ax) / n
    pts = []
    for i, (c, v) in enumerate(zip(ch["cats"], ch["vals"])):
        cx = ax + slot * i + slot / 2
        vy = ty(float(v))
        if kind == "bar":
            bw = slot * 0.5
            rect(ops, cx - bw / 2, vy, bw, plot_bot - vy, fill=110, stroke=None)
        else:
            pts.append((cx, vy))
        pts_label_y = vy - 3
        page.text(ops, "mhei", 6.5, cx - slot / 2, pts_label_y, v, align="c", width=slot, furn=True)
        page.text(
            ops, "mhei", 6.5, cx - slot / 2, plot_bot + 8.5, c, align="c", width=slot, furn=True
        )
    if kind == "line":
        ops.append(("pl", pts, 1.2, 60))
        for px, py in pts:
            ops.append(("ell", px - 1.8, py - 1.8, 3.6, 3.6, 30))
    cy = y + h - pad - len(src_lines) * ssize * 1.3
    for s in src_lines:
        page.text(ops, "mhei", ssize, x + pad, cy + ssize * 0.88, s)
        cy += ssize * 1.3
    art.captions.append(ch["source"])


def photo_bottom(y, w, h, caption, csize=8.5, cfont="mhei"):
    return y + h + 3 + len(wrap(caption, w, cfont, csize)) * csize * 1.4


def photo(page, ops, art, x, y, w, h, caption, seed, csize=8.5, cfont="mhei"):
    """A photo (drawn landscape) and its caption under it. Returns the caption bottom."""
    rng = random.Random(seed)
    rect(ops, x, y, w, h, fill=200, stroke=None)
    ops.append(("ell", x + w * 0.7, y + h * 0.12, w * 0.12, w * 0.12, 235))
    for k in range(3):
        g = 150 - 30 * k
        base = y + h * (0.55 + 0.15 * k)
        pts = [(x, y + h), (x, base)]
        for s in range(1, 9):
            pts.append((x + w * s / 8, base - rng.uniform(0, h * 0.18)))
        pts.append((x + w, y + h))
        ops.append(("poly", pts, g))
    cl = wrap(caption, w, cfont, csize)
    cy = y + h + 3
    for s in cl:
        page.text(ops, cfont, csize, x, cy + csize * 0.88, s)
        cy += csize * 1.4
    art.captions.append(caption)
    return cy


# ----------------------------------------------------------------------------- pages


P01_CHART = {}


def page_p01():
    pg = Page("p01", 210, 297)
    aid = "a01"
    a = ARTICLES[aid]
    ag = ArtGold(aid)
    top = header_haichuan(pg, "A2", "宏观·政策", datestr(2025, 11, 14))
    st = Body(
        font="ming",
        size=10.5,
        lead=1.3,
        indent="print",
        justify=True,
        head=dict(font="hei", size=11, bold=False, align="l"),
    )
    # title block: two lines, centred, deck under it
    ops = pg.frame("title")
    tl = ag.set_title(a["title"])
    y = top + mm(5)
    for s in tl:
        pg.text(ops, "hei", 23, 0, y + 23 * 0.88, s, bold=True, align="c", width=pg.w)
        y += 23 * 1.25
    y += 3
    ops = pg.frame("deck")
    deck = ag.set_subtitle(a["subtitle"])
    for s in wrap(deck, mm(186), "mhei", 10.5):
        pg.text(ops, "mhei", 10.5, 0, y + 10.5 * 0.88, s, align="c", width=pg.w)
        y += 10.5 * 1.4
    y += 4
    line(ops, mm(12), y, pg.w - mm(12), y, 0.5)
    y += mm(3.5)
    # columns: 112 + 72 mm; chart at the top of column 2
    c1 = (mm(12), y, mm(112))
    chart_h = mm(P01_CHART.get("h", 44))
    c2 = (mm(130), y + chart_h + mm(4), mm(68))
    pre = []
    post = [Item("x", a["byline"], dict(font="hei", size=9.5, align="r", before=0.4))]
    ag.byline = a["byline"]
    items = items_for(aid, st, pre, post)
    for it in items:
        if it.kind == "h":
            it.style = st.head
    bot = balance(items, [c1, c2], st, pg.h - mm(90))
    lines, left = flow(items, [c1, c2], [bot, bot], st)
    assert left is None
    P01_CHART["col2_first"] = (lines[1][0]["kind"], lines[1][0].get("t0"))
    draw_lines(pg, pg.frame("col1"), lines[0])
    # the chart is written where it sits: after column 1, before column 2
    bar_chart(pg, pg.frame("chart"), ag, mm(130), y, mm(68), chart_h, a["chart"])
    draw_lines(pg, pg.frame("col2"), lines[1])
    ag.from_lines(items, lines[0] + lines[1])
    ops = pg.frame("rule")
    line(ops, mm(124), y, mm(124), bot, 0.3, 120)
    yb = bot + mm(5)
    line(ops, mm(12), yb, pg.w - mm(12), yb, 1.2)
    foot = pg.h - mm(15)
    ops = pg.frame("table")
    table(
        pg,
        ops,
        mm(12),
        yb + mm(4),
        [mm(28), mm(34), mm(34)],
        "人民币汇率中间价（11月13日）",
        [
            ["货币", "中间价", "涨跌（基点）"],
            ["美元", "7.0926", "+38"],
            ["欧元", "8.2417", "-112"],
            ["日元（100）", "4.6035", "+21"],
            ["港元", "0.91187", "+4"],
            ["英镑", "9.3560", "-76"],
        ],
        size=8.5,
    )
    ops = pg.frame("ad")
    ad(
        pg,
        ops,
        mm(114),
        yb + mm(4),
        mm(84),
        foot - yb - mm(7),
        [
            ("hei", 20, "甬江银行", True),
            ("hei", 12, "外汇避险 一站办理", False),
            ("mhei", 8.5, "远期结售汇 · 人民币外汇期权 · 汇率风险咨询", False),
            ("mhei", 9, "客服热线 96528", False),
        ],
    )
    footer_haichuan(pg, "编辑 程雨桐 美编 郑一帆 校对 单立群", "新闻热线：0574-87316625")
    layout = dict(
        cols=[2],
        col_widths_mm=[112, 72],
        order="reading",
        page_mm=[210, 297],
        body="uming 10.5pt, leading 1.3, indent two printed U+3000, "
        "justified by Tc, kinsoku by pushing a character down",
        notes="two-line centred title over both columns, deck below it; headings 【】 "
        "(zenhei, left); bar chart boxed at the top of column 2, written in the stream "
        "between column 1 and column 2 (where it sits); byline at the END of the article, "
        "right-aligned after the last paragraph; rate table (furniture) and bank ad "
        "under the article",
    )
    return pg, [ag], layout, None


def page_p02():
    pg = Page("p02", 240, 340)
    top = header_canglan(pg, "B4", "银行·保险", datestr(2025, 10, 9))
    st = Body(
        font="ming",
        size=9,
        lead=1.6,
        indent="none",
        gap=0.55,
        justify=False,
        head=dict(font="hei", size=10, bold=False, align="l", before=0.6, after=0.15),
    )
    # ---- a02 on columns 1-3 (46 mm each)
    a = ARTICLES["a02"]
    g2 = ArtGold("a02")
    xs = [mm(10), mm(51.5), mm(93)]
    W2 = mm(38)
    y = top + mm(4)
    ops = pg.frame("a02-kicker")
    g2.set_subtitle(a["subtitle"])
    pg.text(ops, "mhei", 11, xs[0], y + 11 * 0.88, g2.subtitle)
    line(ops, xs[0], y + 11 * 1.25, xs[0] + em("mhei", g2.subtitle) * 11, y + 11 * 1.25, 0.8)
    y += 11 * 1.7
    ops = pg.frame("a02-title")
    tl = g2.set_title(a["title"])
    pg.text(ops, "hei", 19, xs[0], y + 19 * 0.88, tl[0], bold=True)
    y += 19 * 1.35
    ops = pg.frame("a02-byline")
    g2.byline = a["byline"]
    pg.text(ops, "hei", 9, xs[0], y + 9 * 0.88, a["byline"])
    y += 9 * 1.3 + mm(4)
    ph_h = mm(48)
    items = items_for("a02", st)
    for it in items:
        if it.kind == "h":
            it.style = st.head
    # photo spans columns 2-3 at the top; its caption under it
    cap_bottom = photo_bottom(y, mm(79.5), ph_h, a["photo"]["caption"])
    cols = [(xs[0], y, W2), (xs[1], cap_bottom + mm(3), W2), (xs[2], cap_bottom + mm(3), W2)]
    bot2 = balance(items, cols, st, pg.h - mm(60))
    lines, left = flow(items, cols, [bot2] * 3, st)
    for k in range(3):
        draw_lines(pg, pg.frame(f"a02-col{k + 1}"), lines[k])
    # the photo and its caption are written after the article's columns
    photo(pg, pg.frame("a02-photo"), g2, xs[1], y, mm(79.5), ph_h, a["photo"]["caption"], 2)
    g2.from_lines(items, lines[0] + lines[1] + lines[2])
    # ---- a03 on columns 4-5 (51.5 mm each)
    a = ARTICLES["a03"]
    g3 = ArtGold("a03")
    x4, x5, W3 = mm(138), mm(185.5), mm(44)
    ops = pg.frame("rule")
    line(ops, mm(134.5), top + mm(2), mm(134.5), pg.h - mm(16), 0.6)
    y = top + mm(6)
    ops = pg.frame("a03-title")
    for s in g3.set_title(a["title"]):
        pg.text(ops, "hei", 18, x4, y + 18 * 0.88, s, bold=True)
        y += 18 * 1.28
    y += 2
    ops = pg.frame("a03-deck")
    for s in wrap(g3.set_subtitle(a["subtitle"]), x5 + W3 - x4, "mhei", 10):
        pg.text(ops, "mhei", 10, x4, y + 10 * 0.88, s, gray=60)
        y += 10 * 1.4
    y += 3
    line(ops, x4, y, x5 + W3, y, 0.4)
    y += mm(3)
    g3.byline = a["byline"]
    pre = [Item("x", a["byline"], dict(font="hei", size=9, bold=True, after=0.4))]
    items3 = items_for("a03", st, pre)
    for it in items3:
        if it.kind == "h":
            it.style = st.head
    cols3 = [(x4, y, W3), (x5, y, W3)]
    bot3 = balance(items3, cols3, st, pg.h - mm(60))
    lines3, left = flow(items3, cols3, [bot3] * 2, st)
    for k in range(2):
        draw_lines(pg, pg.frame(f"a03-col{k + 1}"), lines3[k])
    g3.from_lines(items3, lines3[0] + lines3[1])
    # ---- furniture: ad under a02, deposit-rate table under a03
    foot = pg.h - mm(15)
    ops = pg.frame("a02-ad")
    yb = bot2 + mm(6)
    line(ops, xs[0], yb - mm(2), xs[2] + W2, yb - mm(2), 1.0)
    ad(
        pg,
        ops,
        xs[0],
        yb + mm(2),
        xs[2] + W2 - xs[0],
        foot - yb - mm(4),
        [
            ("hei", 24, "锦衡人寿", True),
            ("hei", 14, "安心养老年金保险 限时发售", False),
            ("mhei", 9.5, "犹豫期15日 · 保证续保 · 专属客服", False),
            ("mhei", 9.5, "详询 400-870-2266", False),
        ],
        fill=230,
    )
    ops = pg.frame("a03-table")
    yt = bot3 + mm(6)
    line(ops, x4, yt - mm(2), x5 + W3, yt - mm(2), 1.0)
    tb = table(
        pg,
        ops,
        x4,
        yt + mm(2),
        [mm(34), mm(29), mm(28.5)],
        "部分银行三年期定期存款挂牌利率",
        [
            ["银行类型", "利率（%）", "调整日期"],
            ["国有大行", "1.25", "5月20日"],
            ["股份制银行", "1.35", "5月21日"],
            ["城商行", "1.45", "6月3日"],
            ["农商行", "1.50", "6月10日"],
            ["村镇银行", "1.65", "7月1日"],
        ],
        size=8.5,
    )
    ops = pg.frame("a03-ad")
    ad(
        pg,
        ops,
        x4,
        tb + mm(5),
        x5 + W3 - x4,
        foot - tb - mm(7),
        [
            ("hei", 15, "澜信财富", True),
            ("mhei", 9.5, "家庭资产配置 免费诊断", False),
            ("mhei", 8.5, "理财有风险 投资需谨慎", False),
        ],
        fill=245,
    )
    footer_canglan(pg, "编辑：汪思齐　美编：顾南星　校对：黄一禾")
    layout = dict(
        cols=[3, 2],
        col_widths_mm=[38, 38, 38, 44, 44],
        order="reading",
        page_mm=[240, 340],
        body="uming 9pt, loose leading 1.6, no indent, paragraph "
        "gap 0.55 line, ragged right (no justification)",
        notes="two articles side by side with a vertical rule: a02 on columns 1-3 with a "
        "kicker above a one-line title and the byline under the title, photo over "
        "columns 2-3 with a ▲ caption (written after the three columns); a03 on "
        "columns 4-5 with a two-line title, deck below and the byline as the first line "
        "of column 4; headings ■; page code in white on a black box; ad under a02, "
        "deposit-rate table and ad under a03",
    )
    return pg, [g2, g3], layout, None


def page_p03():
    pg = Page("p03", 230, 290)
    top = header_qiming(pg, "C3", "公司·产业", m=10)
    st = Body(
        font="ming",
        size=9.5,
        lead=1.45,
        indent="offset",
        justify=True,
        hang=True,
        head=dict(font="hei", size=10.5, bold=True, align="l", before=0.5, after=0.2),
    )
    xs = [mm(10), mm(74), mm(122), mm(170)]
    ws = [mm(60), mm(44), mm(44), mm(50)]
    # ---- a04 over four columns
    a = ARTICLES["a04"]
    g4 = ArtGold("a04")
    y = top + mm(4)
    ops = pg.frame("a04-kicker")
    g4.set_subtitle(a["subtitle"])
    kw = em("hei", g4.subtitle) * 11
    rect(ops, xs[0], y, kw + 8, 11 * 1.45, fill=None, stroke=0, lw=0.8)
    pg.text(ops, "hei", 11, xs[0] + 4, y + 11 * 1.1, g4.subtitle)
    ops = pg.frame("a04-byline")
    g4.byline = a["byline"]
    pg.text(ops, "hei", 9.5, xs[3], y + 11 * 1.1, a["byline"], align="r", width=ws[3])
    y += 11 * 1.45 + mm(2.5)
    ops = pg.frame("a04-title")
    tl = g4.set_title(a["title"])
    pg.text(ops, "hei", 20, xs[0], y + 20 * 0.88, tl[0], bold=True)
    y += 20 * 1.3 + mm(2.5)
    items = items_for("a04", st)
    for it in items:
        if it.kind == "h":
            it.style = st.head
    cols = [(xs[k], y, ws[k]) for k in range(4)]
    bot4 = balance(items, cols, st, pg.h - mm(150))
    lines, left = flow(items, cols, [bot4] * 4, st)
    for k in range(4):
        draw_lines(pg, pg.frame(f"a04-col{k + 1}"), lines[k])
    g4.from_lines(items, sum(lines, []))
    ops = pg.frame("a04-rules")
    for k in range(1, 4):
        line(ops, xs[k] - mm(2), y, xs[k] - mm(2), bot4, 0.3, 130)
    # ---- a05 below a heavy rule, columns 1-3; chart on top of column 3
    a = ARTICLES["a05"]
    g5 = ArtGold("a05")
    y = bot4 + mm(4)
    ops = pg.frame("a05-rule")
    line(ops, xs[0], y, xs[3] + ws[3], y, 2.2)
    y += mm(4)
    wide = xs[2] + ws[2] - xs[0]
    ops = pg.frame("a05-title")
    for s in g5.set_title(a["title"]):
        pg.text(ops, "hei", 19, xs[0], y + 19 * 0.88, s, bold=True, align="c", width=wide)
        y += 19 * 1.3
    ops = pg.frame("a05-byline")
    g5.byline = a["byline"]
    pg.text(ops, "mhei", 9.5, xs[0], y + 9.5 * 0.88 + 2, a["byline"], align="c", width=wide)
    y += 9.5 * 1.4 + mm(3.5)
    items5 = items_for("a05", st)
    for it in items5:
        if it.kind == "h":
            it.style = st.head
    ch_h = mm(56)
    cols5 = [(xs[0], y, ws[0]), (xs[1], y, ws[1]), (xs[2], y + ch_h + mm(4), ws[2])]
    bot5 = balance(items5, cols5, st, pg.h - mm(18))
    lines5, left = flow(items5, cols5, [bot5] * 3, st)
    draw_lines(pg, pg.frame("a05-col1"), lines5[0])
    draw_lines(pg, pg.frame("a05-col2"), lines5[1])
    bar_chart(pg, pg.frame("a05-chart"), g5, xs[2], y, ws[2], ch_h, a["chart"])
    draw_lines(pg, pg.frame("a05-col3"), lines5[2])
    g5.from_lines(items5, sum(lines5, []))
    # ---- column 4 of the lower part: stock table + fund ad
    ops = pg.frame("table")
    line(ops, xs[1] - mm(2), y, xs[1] - mm(2), bot5, 0.3, 130)
    line(ops, xs[3] - mm(2), y - mm(10), xs[3] - mm(2), bot5, 0.5)
    tb = table(
        pg,
        ops,
        xs[3],
        y - mm(8),
        [mm(11), mm(14), mm(12), mm(13)],
        "储能板块个股表现",
        [
            ["代码", "简称", "收盘价", "涨跌幅"],
            ["300918", "启辉电气", "23.45", "+2.31%"],
            ["688561", "澄源锂能", "41.02", "-0.87%"],
            ["002937", "北溪新材", "12.66", "+1.12%"],
            ["301277", "云衡科技", "56.80", "+4.05%"],
            ["688735", "联拓电源", "19.37", "-1.64%"],
        ],
        size=7,
    )
    ops = pg.frame("ad")
    ad(
        pg,
        ops,
        xs[3],
        tb + mm(5),
        ws[3],
        bot5 - tb - mm(5),
        [
            ("hei", 15, "定投有道", True),
            ("hei", 15, "长期有益", True),
            ("mhei", 7.5, "启明基金 · 新能源产业指数基金", False),
            ("mhei", 7, "基金有风险，投资需谨慎", False),
        ],
        fill=235,
    )
    foot = footer_qiming(
        pg, datestr(2026, 3, 24), "编辑 柏若水 美编 司马晴 校对 甄小满", "C3", m=10
    )
    assert foot > bot5, (foot, bot5)
    layout = dict(
        cols=[4, 3],
        col_widths_mm=[60, 44, 44, 50],
        order="reading",
        page_mm=[230, 290],
        body="uming 9.5pt, leading 1.45, 2-em offset indent "
        "(nothing printed), justified by Tc with hanging punctuation (a closing mark "
        "may stand beyond the column edge)",
        notes="two articles stacked: a04 over all four columns with a boxed kicker "
        "above a one-line title and the byline right-aligned on the kicker's line; "
        "a05 under a heavy rule on columns 1-3 with a centred two-line title and "
        "centred byline, bar chart at the top of column 3 (written between columns 2 "
        "and 3); headings numbered 一、二、三、 (bold by stroke); stock table and fund ad "
        "in column 4 beside a05; date in the footer",
    )
    return pg, [g4, g5], layout, None


P04_CUT = {}


def page_p04():
    pg = Page("p04", 250, 285)
    top = header_haichuan(pg, "A4", "要闻", datestr(2025, 12, 2), m=11)
    st = Body(
        font="ming",
        size=10,
        lead=1.4,
        indent="print",
        justify=True,
        head=dict(font="hei", size=11, bold=True, align="c", before=0.6, after=0.3),
    )
    xs = [mm(11), mm(79), mm(133), mm(187)]
    ws = [mm(64), mm(50), mm(50), mm(51)]
    wide = xs[2] + ws[2] - xs[0]
    a = ARTICLES["a06"]
    g = ArtGold("a06")
    y = top + mm(5)
    ops = pg.frame("title")
    pg.text(
        ops,
        "hei",
        26,
        xs[0],
        y + 26 * 0.88,
        g.set_title(a["title"])[0],
        bold=True,
        align="c",
        width=wide,
    )
    y += 26 * 1.3
    ops = pg.frame("deck")
    pg.text(
        ops, "mhei", 11, xs[0], y + 11 * 0.88, g.set_subtitle(a["subtitle"]), align="c", width=wide
    )
    y += 11 * 1.6
    ops = pg.frame("byline")
    g.byline = a["byline"]
    cx = xs[0] + wide / 2
    bw = pg.text(ops, "hei", 10, xs[0], y + 10 * 0.88, a["byline"], align="c", width=wide)
    line(ops, cx - bw / 2 - mm(25), y + 4, cx - bw / 2 - mm(3), y + 4, 0.5)
    line(ops, cx + bw / 2 + mm(3), y + 4, cx + bw / 2 + mm(25), y + 4, 0.5)
    y += 10 * 1.4 + mm(4)
    items = items_for("a06", st)
    for it in items:
        if it.kind == "h":
            it.style = st.head
    ph_h = mm(46)
    pw = xs[2] + ws[2] - xs[1]
    tmp = photo_bottom(y, pw, ph_h, a["photo"]["caption"], csize=9, cfont="ming")
    cols = [(xs[0], y, ws[0]), (xs[1], tmp + mm(3), ws[1]), (xs[2], tmp + mm(3), ws[2])]
    # fixed bottom: the article jumps to A5 in the middle of a paragraph
    bot = y + mm(P04_CUT.get("h", 108))
    lines, left = flow(items, cols, [bot, bot, bot - 10 * 1.4], st)
    assert left is not None
    draw_lines(pg, pg.frame("col1"), lines[0])
    # the photo is written where it sits: after column 1, before columns 2-3
    photo(
        pg,
        pg.frame("photo"),
        g,
        xs[1],
        y,
        pw,
        ph_h,
        a["photo"]["caption"],
        4,
        csize=9,
        cfont="ming",
    )
    draw_lines(pg, pg.frame("col2"), lines[1])
    ops = pg.frame("col3")
    draw_lines(pg, ops, lines[2])
    yj = col_bottom(lines[2], st) + 10 * 1.3
    pg.text(ops, "hei", 9.5, xs[2], yj, "（下转A5版）", align="r", width=ws[2], furn=True)
    g.from_lines(items, sum(lines, []))
    ops = pg.frame("rules")
    line(ops, xs[1] - mm(2), y, xs[1] - mm(2), bot, 0.3, 120)
    line(ops, xs[2] - mm(2), tmp + mm(2), xs[2] - mm(2), bot, 0.3, 120)
    line(ops, xs[3] - mm(2), top + mm(3), xs[3] - mm(2), bot, 0.6)
    # sidebar in column 4: index table and a bank ad
    ops = pg.frame("table")
    tb = table(
        pg,
        ops,
        xs[3],
        top + mm(4),
        [mm(17), mm(18), mm(16)],
        "主要股指（12月1日）",
        [
            ["指数", "收盘", "涨跌幅"],
            ["上证指数", "3914.01", "+0.65%"],
            ["深证成指", "13146.72", "+1.25%"],
            ["创业板指", "3122.85", "+1.31%"],
            ["科创50", "1338.40", "+0.92%"],
            ["北证50", "1427.66", "+0.49%"],
        ],
        size=7.5,
    )
    ops = pg.frame("ad1")
    ad(
        pg,
        ops,
        xs[3],
        tb + mm(6),
        ws[3],
        bot - tb - mm(6),
        [
            ("hei", 20, "澄湖银行", True),
            ("hei", 13, "设备焕新贷", False),
            ("mhei", 8, "最长5年 · 随借随还", False),
            ("mhei", 8, "贴息直达", False),
            ("mhei", 8.5, "咨询热线 96377", False),
        ],
        fill=228,
    )
    yb = bot + mm(3)
    ops = pg.frame("ad2")
    line(ops, mm(11), yb, pg.w - mm(11), yb, 1.4)
    foot = pg.h - mm(15)
    ad(
        pg,
        ops,
        mm(11),
        yb + mm(4),
        pg.w - mm(22),
        foot - yb - mm(5),
        [
            ("hei", 18, "2025长三角智能制造博览会", True),
            ("mhei", 11, "12月18日—21日 · 金鸡湖会展中心", False),
            ("mhei", 10, "工业母机 机器人 数字化车间", False),
            ("mhei", 9, "观众免费预约登记", False),
        ],
        fill=250,
    )
    footer_haichuan(pg, "编辑 叶知秋 美编 郑一帆 校对 单立群", "新闻热线：0512-66827730", m=11)
    layout = dict(
        cols=[3],
        col_widths_mm=[64, 50, 50],
        order="reading",
        page_mm=[250, 285],
        body="uming 10pt, leading 1.4, indent two printed U+3000, justified by Tc",
        notes="a06 part 1 on columns 1-3: one-line centred title, deck below, byline "
        "centred between two drawn rules; photo over columns 2-3 with a 图为 caption "
        "(uming), written in the stream where it sits (after column 1); bold centred "
        "headings; the article breaks in the middle of a paragraph at the foot of "
        "column 3 with （下转A5版）; column 4 (51 mm) is a sidebar with an index table "
        "and a bank ad; exhibition ad across the page below",
    )
    return pg, [g], layout, left


def page_p05(left):
    pg = Page("p05", 250, 285)
    top = header_haichuan(pg, "A5", "要闻", datestr(2025, 12, 2), m=11)
    st = Body(
        font="ming",
        size=10,
        lead=1.4,
        indent="print",
        justify=True,
        head=dict(font="hei", size=10.5, bold=True, align="c", before=0.6, after=0.3),
    )
    xs = [mm(11), mm(52)]
    ws = [mm(37), mm(37)]
    a = ARTICLES["a06"]
    g = ArtGold("a06")
    y = top + mm(5)
    ops = pg.frame("jumphead")
    g.title = a["jump_title"]
    tw = pg.text(ops, "hei", 18, xs[0], y + 18 * 0.88, a["jump_title"], bold=True)
    pg.text(ops, "mhei", 9, xs[0] + tw + mm(2.5), y + 18 * 0.88, "（上接A4版）", furn=True)
    y += 18 * 1.3 + mm(1.5)
    line(ops, xs[0], y, xs[1] + ws[1], y, 0.5)
    y += mm(3)
    items = items_for("a06", st)
    for it in items:
        if it.kind == "h":
            it.style = st.head
    cols = [(xs[k], y, ws[k]) for k in range(2)]
    bot = balance(items, cols, st, pg.h - mm(40), start=left)
    lines, rest = flow(items, cols, [bot] * 2, st, start=left)
    assert rest is None
    for k in range(2):
        draw_lines(pg, pg.frame(f"a06-col{k + 1}"), lines[k])
    g.from_lines(items, sum(lines, []))
    ops = pg.frame("a06-rule")
    line(ops, xs[1] - mm(2), y, xs[1] - mm(2), bot, 0.3, 120)
    # furniture under a06: repo-rate table and an ad
    yb = bot + mm(5)
    ops = pg.frame("table")
    line(ops, xs[0], yb - mm(1.5), xs[1] + ws[1], yb - mm(1.5), 1.0)
    tb = table(
        pg,
        ops,
        xs[0],
        yb + mm(2),
        [mm(20), mm(30), mm(28)],
        "银行间回购利率（12月1日）",
        [
            ["品种", "加权利率（%）", "涨跌（BP）"],
            ["R001", "1.4210", "-2.3"],
            ["R007", "1.5385", "+0.8"],
            ["R014", "1.5902", "+1.1"],
            ["R1M", "1.6150", "0.0"],
        ],
        size=8,
    )
    foot = pg.h - mm(15)
    ops = pg.frame("ad1")
    ad(
        pg,
        ops,
        xs[0],
        tb + mm(5),
        xs[1] + ws[1] - xs[0],
        foot - tb - mm(7),
        [
            ("hei", 17, "海川经济日报", True),
            ("hei", 13, "全媒体订阅", False),
            ("mhei", 9, "纸质版 · 电子版 · 客户端", False),
            ("mhei", 9, "全年订阅享八折", False),
            ("mhei", 9, "订阅热线 0574-87316600", False),
        ],
        fill=238,
    )
    # ---- a07 in columns 3-6 (33.6 mm), body in zenhei 9.5pt
    a = ARTICLES["a07"]
    g7 = ArtGold("a07")
    x7 = [mm(93), mm(130.5), mm(168), mm(205.5)]
    w7 = mm(33.6)
    wide = x7[3] + w7 - x7[0]
    ops = pg.frame("rule")
    line(ops, mm(91), top + mm(2), mm(91), pg.h - mm(16), 0.8)
    y = top + mm(5)
    ops = pg.frame("a07-title")
    for s in g7.set_title(a["title"]):
        pg.text(ops, "hei", 20, x7[0], y + 20 * 0.88, s, bold=True)
        y += 20 * 1.28
    ops = pg.frame("a07-byline")
    g7.byline = a["byline"]
    pg.text(ops, "mhei", 9, x7[0], y + 9 * 0.88 + 2, a["byline"], align="r", width=wide)
    y += 9 * 1.4 + mm(4)
    st7 = Body(
        font="hei",
        size=9.5,
        lead=1.4,
        indent="print",
        justify=True,
        head=dict(font="hei", size=10, bold=True, align="l", before=0.6, after=0.2),
    )
    items7 = items_for("a07", st7)
    for it in items7:
        if it.kind == "h":
            it.style = st7.head
    cols7 = [(x, y, w7) for x in x7]
    bot7 = balance(items7, cols7, st7, pg.h - mm(40))
    lines7, rest = flow(items7, cols7, [bot7] * 4, st7)
    for k in range(4):
        draw_lines(pg, pg.frame(f"a07-col{k + 1}"), lines7[k])
    g7.from_lines(items7, sum(lines7, []))
    ops = pg.frame("ad2")
    line(ops, x7[0], bot7 + mm(3), x7[3] + w7, bot7 + mm(3), 1.0)
    ad(
        pg,
        ops,
        x7[0],
        bot7 + mm(7),
        wide,
        foot - bot7 - mm(9),
        [
            ("hei", 20, "恒濠银行", True),
            ("hei", 12, "跨境理财 安心之选", False),
            ("mhei", 8.5, "投资有风险 选择需谨慎", False),
        ],
        fill=225,
    )
    footer_haichuan(pg, "编辑 叶知秋 美编 郑一帆 校对 单立群", "新闻热线：0512-66827730", m=11)
    layout = dict(
        cols=[2, 4],
        col_widths_mm=[37, 37, 33.6, 33.6, 33.6, 33.6],
        order="reading",
        page_mm=[250, 285],
        body="a06: uming 10pt, leading 1.4, printed U+3000 indent, "
        "justified (same as A4); a07: zenhei (sans) 9.5pt, leading 1.4, printed indent, "
        "justified",
        notes="six narrow columns. Continuation: jump head 苏州设备更新贷款 with "
        "（上接A4版） beside it over columns 1-2; the first paragraph is the tail of the one "
        "cut on A4 (no indent); repo-rate table and subscription ad under it. a07 side by "
        "side in columns 3-6 behind a vertical rule, two-line title, byline "
        "right-aligned under it, headings ■; bank ad under a07",
    )
    return pg, [g, g7], layout, None


def page_p06():
    pg = Page("p06", 220, 265)
    top = header_qiming(pg, "B1", "基金·理财", frames=True, m=10)
    st = Body(
        font="ming",
        size=11,
        lead=1.55,
        indent="none",
        gap=0.5,
        justify=True,
        head=dict(font="hei", size=11.5, bold=True, align="l", before=0.5, after=0.25),
    )
    xs = [mm(10), mm(95), mm(155)]
    ws = [mm(80), mm(55), mm(55)]
    a = ARTICLES["a08"]
    g = ArtGold("a08")
    y = top + mm(5)
    ops = pg.frame("title")
    pg.text(ops, "hei", 26, xs[0], y + 26 * 0.88, g.set_title(a["title"])[0], bold=True)
    y += 26 * 1.3
    ops = pg.frame("deck")
    pg.text(ops, "mhei", 11.5, xs[0], y + 11.5 * 0.88, g.set_subtitle(a["subtitle"]), gray=70)
    y += 11.5 * 1.5
    line(ops, xs[0], y, xs[2] + ws[2], y, 0.8)
    y += mm(4)
    g.byline = a["byline"]
    pre = [Item("x", a["byline"], dict(font="hei", size=10, bold=False, after=0.5))]
    items = items_for("a08", st, pre)
    for it in items:
        if it.kind == "h":
            it.style = st.head
    ch_h = mm(58)
    cols = [(xs[0], y, ws[0]), (xs[1], y, ws[1]), (xs[2], y + ch_h + mm(4), ws[2])]
    bot = balance(items, cols, st, pg.h - mm(40))
    lines, rest = flow(items, cols, [bot] * 3, st)
    for k in range(3):
        draw_lines(pg, pg.frame(f"col{k + 1}"), lines[k])
    bar_chart(pg, pg.frame("chart"), g, xs[2], y, ws[2], ch_h, a["chart"], kind="line")
    g.from_lines(items, sum(lines, []))
    yb = bot + mm(4)
    ops = pg.frame("rules")
    line(ops, mm(10), yb, pg.w - mm(10), yb, 1.2)
    for k in (1, 2):
        line(ops, xs[k] - mm(2.5), y, xs[k] - mm(2.5), bot, 0.3, 120)
    ops = pg.frame("table")
    table(
        pg,
        ops,
        xs[0],
        yb + mm(4),
        [mm(46), mm(46), mm(45)],
        "部分现金管理类理财产品七日年化收益率",
        [
            ["产品", "管理人", "七日年化（%）"],
            ["日日盈A", "朝露理财", "1.31"],
            ["活钱宝3号", "北辰理财", "1.29"],
            ["聚鑫天天利", "青屿理财", "1.26"],
            ["安享现金", "海帆理财", "1.24"],
            ["鑫添益", "云岫理财", "1.22"],
        ],
        size=8.5,
    )
    foot = pg.h - mm(15)
    ops = pg.frame("ad")
    ad(
        pg,
        ops,
        xs[2],
        yb + mm(4),
        ws[2],
        foot - yb - mm(6),
        [
            ("hei", 16, "启明证券 APP", True),
            ("mhei", 9.5, "理财 · 基金 · 两融", False),
            ("mhei", 9.5, "一站服务", False),
            ("mhei", 8.5, "应用商店搜索下载", False),
        ],
        fill=232,
    )
    footer_qiming(
        pg, datestr(2026, 1, 20), "编辑 柏若水 美编 司马晴 校对 甄小满", "B1", frames=True, m=10
    )
    order = list(pg.frames)
    random.Random(6).shuffle(order)
    layout = dict(
        cols=[3],
        col_widths_mm=[80, 55, 55],
        order="shuffled",
        page_mm=[220, 265],
        body="uming 11pt, leading 1.55, no indent, paragraph gap 0.5 line, justified by Tc",
        frame_order=[lab for lab, _o in order],
        notes="a08: one-line title over all columns, deck below (grey), byline with ◎ as "
        "the first line of column 1; line chart at the top of column 3; headings 【】 "
        "bold by stroke; every text frame (header and footer pieces, title, deck, each "
        "column, chart, table, ad, rules) written in random.Random(6) order",
    )
    return pg, [g], layout, order


# ----------------------------------------------------------------------------- output + checks


def extract(pdf: Path, out: Path):
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(out / "pdftotext.txt")], check=True)
    subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-raw", str(pdf), str(out / "pdftotext_raw.txt")], check=True
    )
    from pdfminer.high_level import extract_text

    (out / "pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
    import pypdf

    (out / "pypdf.txt").write_text(
        pypdf.PdfReader(str(pdf)).pages[0].extract_text(), encoding="utf-8"
    )
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    txt = doc[0].get_textpage().get_text_range()
    doc.close()
    (out / "pypdfium2.txt").write_text(txt, encoding="utf-8")


WS = re.compile(r"\s+")


def nows(s):
    return WS.sub("", s or "")


def check_page(name, pg, clean, out, report):
    arts = clean["articles"]
    gold_strings = []
    for a in arts:
        gold_strings += [a["title"], a.get("subtitle") or "", a.get("byline") or ""]
        gold_strings += a["headings"] + [p["text"] for p in a["paragraphs"]] + a["captions"]
    gold_strings += clean["furniture"]
    cg = Counter(nows("".join(gold_strings)))
    cd = Counter(nows("".join(pg.drawn)))
    ct = Counter(nows((out / "pdftotext.txt").read_text(encoding="utf-8")))
    ok = True
    if cg != cd:
        report.append(f"{name}: FAIL drawn chars != gold chars: +{cd - cg} -{cg - cd}")
        ok = False
    if ct != cd:
        report.append(f"{name}: FAIL pdftotext chars != drawn chars: +{ct - cd} -{cd - ct}")
        ok = False
    # figures and entities printed
    for a in arts:
        text = "\n".join(
            [a["title"], a.get("subtitle") or "", a.get("byline") or ""]
            + a["headings"]
            + [p["text"] for p in a["paragraphs"]]
            + a["captions"]
        )
        cnt = Counter(f["surface"] for f in a["figures"])
        for s, n in cnt.items():
            if text.count(s) < n:
                report.append(f"{name}: FAIL figure {s} listed {n}x, printed {text.count(s)}x")
                ok = False
        for t, names in list(a["entities"].items()) + list(a["optional_entities"].items()):
            for e in names:
                if e not in text:
                    report.append(f"{name}: FAIL entity {t} {e} not printed")
                    ok = False
        for p in a["paragraphs"]:
            if p["section_heading"] is not None and p["section_heading"] not in a["headings"]:
                report.append(f"{name}: FAIL section heading {p['section_heading']}")
                ok = False
    # kinsoku on justified lines
    for s, tc, size in pg.justified:
        if s[0] in NO_START or s.rstrip()[-1] in NO_END:
            report.append(f"{name}: FAIL kinsoku line {s}")
            ok = False
    # paragraphs in the pypdfium2 text
    pd = nows((out / "pypdfium2.txt").read_text(encoding="utf-8"))
    miss = []
    for a in arts:
        for p in a["paragraphs"]:
            x = nows(p["text"])
            if x in pd:
                continue
            k = len(x)
            while k > 0 and x[:k] not in pd:
                k -= 1
            i = pd.index(x[:k])
            rest = x[k:]
            j = pd.find(rest, i + k)
            if rest in pd and j > i + k:
                why = f"interrupted after {k} of {len(x)} chars by «{pd[i + k : j][:40]}…»"
            elif rest in pd:
                why = f"its last {len(rest)} chars come before its first {k} in the stream"
            else:
                why = "not found in two pieces"
            miss.append(f"{p['text'][:10]}… {why}")
    loose = sum(1 for s, tc, size in pg.justified if tc > 0.1 * size)
    report.append(
        f"{name}: chars ok={cg == cd == ct}; paragraphs {sum(len(a['paragraphs']) for a in arts)}, "
        f"{len(miss)} not contiguous in pypdfium2.txt {miss}; justified lines "
        f"{len(pg.justified)}, loose (>0.1em) {loose}"
    )
    return ok


def build_page(pg, arts, layout, order, report):
    out = HERE / pg.name
    out.mkdir(exist_ok=True)
    pg.render(out / "page.pdf", order)
    extract(out / "page.pdf", out)
    golds = [a.gold() for a in arts]
    first = dict(golds[0])
    clean = {k: v for k, v in first.items() if k not in ("id",)}
    clean["articles"] = golds
    clean["furniture"] = pg.furniture
    clean["layout"] = layout
    (out / "clean.json").write_text(
        json.dumps(clean, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    check_page(pg.name, pg, clean, out, report)
    return clean


def main(argv):
    report = []
    cleans = {}
    pg, arts, layout, order = page_p01()
    cleans["p01"] = build_page(pg, arts, layout, order, report)
    pg, arts, layout, order = page_p02()
    cleans["p02"] = build_page(pg, arts, layout, order, report)
    pg, arts, layout, order = page_p03()
    cleans["p03"] = build_page(pg, arts, layout, order, report)
    pg, arts, layout, left = page_p04()
    cleans["p04"] = build_page(pg, arts, layout, None, report)
    pg, arts, layout, order = page_p05(left)
    cleans["p05"] = build_page(pg, arts, layout, order, report)
    pg, arts, layout, order = page_p06()
    cleans["p06"] = build_page(pg, arts, layout, order, report)
    # the two halves of a06 together are the whole article body
    a6 = [p["text"] for p in cleans["p04"]["articles"][0]["paragraphs"]] + [
        p["text"] for p in cleans["p05"]["articles"][0]["paragraphs"]
    ]
    body6 = "".join(strip_fig(t)[0] for k, t in ARTICLES["a06"]["body"] if k == "p")
    report.append(f"a06 halves join to the whole body: {''.join(a6) == body6}")
    for aid in ARTICLES:
        for c in cleans.values():
            for a in c["articles"]:
                if a["id"] == aid and aid != "a06":
                    body = "".join(strip_fig(t)[0] for k, t in ARTICLES[aid]["body"] if k == "p")
                    if "".join(p["text"] for p in a["paragraphs"]) != body:
                        report.append(f"{aid}: FAIL paragraphs are not the body in order")
    print("\n".join(report))
    if "--png" in argv:
        import pypdfium2

        dest = Path("/tmp/pages4png")
        dest.mkdir(exist_ok=True)
        for name in cleans:
            doc = pypdfium2.PdfDocument(str(HERE / name / "page.pdf"))
            doc[0].render(scale=1.6).to_pil().save(dest / f"{name}.png")
            doc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
