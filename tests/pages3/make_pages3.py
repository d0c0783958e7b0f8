#!/usr/bin/env python3
"""Typeset the pages3 held-out pages p01…p08 from articles3.py and write their gold.

    /work/venv/bin/python tests/pages3/make_pages3.py          # PDFs, clean.json, extractor texts
    /work/venv/bin/python tests/pages3/make_pages3.py --png    # also page PNGs in /tmp/pages3png

Deterministic: reportlab invariant mode (fixed dates and ids), fixed shuffle seed, no clocks.
Own small newspaper typesetter: CJK line breaking with simple kinsoku rules (no line starts with
，。、；：”） etc., none ends with “（), justified lines by character spacing (Tc), column flows
that continue over column, box and page boundaries, balanced column heights.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from articles3 import ARTICLES  # noqa: E402

MM = 72 / 25.4
FONTDIR = "/usr/share/fonts/truetype"
pdfmetrics.registerFont(TTFont("song", f"{FONTDIR}/arphic/uming.ttc", subfontIndex=0))
pdfmetrics.registerFont(TTFont("hei", f"{FONTDIR}/wqy/wqy-microhei.ttc", subfontIndex=0))
pdfmetrics.registerFont(TTFont("zen", f"{FONTDIR}/wqy/wqy-zenhei.ttc", subfontIndex=0))
LATIN = "Helvetica-Bold"

NO_START = set("，。、；：？！）》」』”’〉】%…—,.;:?!)")
NO_END = set("（《「『“‘〈【(")
ASCII_RUN = re.compile(r"[A-Za-z0-9.%+\-/:]+")


def sw(s: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(s, font, size)


# ------------------------------------------------------------------------------ markup


def unmark(s: str | None) -> tuple[str | None, list[tuple[int, int, str]]]:
    """Strip {…} figure markup; return plain text and (start, end, surface) spans."""
    if s is None:
        return None, []
    out, spans, pos = [], [], 0
    for m in re.finditer(r"\{([^{}]+)\}|([^{}]+)", s):
        if m.group(1):
            spans.append((pos, pos + len(m.group(1)), m.group(1)))
            out.append(m.group(1))
            pos += len(m.group(1))
        else:
            out.append(m.group(2))
            pos += len(m.group(2))
    return "".join(out), spans


class Elem:
    def __init__(self, kind: str, text: str, spans=(), heading=None):
        self.kind = kind  # para | head | byline
        self.text = text
        self.spans = list(spans)
        self.heading = heading
        self.toks = tokens(text)


def tokens(text: str) -> list[list[int]]:
    toks, i = [], 0
    while i < len(text):
        m = ASCII_RUN.match(text, i)
        j = m.end() if m else i + 1
        toks.append([i, j])
        i = j
    return toks


def article_elems(a: dict, with_byline: bool = False) -> list[Elem]:
    els = []
    if with_byline:
        els.append(Elem("byline", a["byline"]))
    heading = None
    for line in a["body"].split("\n"):
        if line.startswith("## "):
            heading = line[3:]
            els.append(Elem("head", heading))
        else:
            plain, spans = unmark(line)
            els.append(Elem("para", plain, spans, heading))
    return els


# ------------------------------------------------------------------------------ line breaking


def take_line(text, toks, i, width, font, size, lead_w=0.0):
    """Return j: tokens[i:j] make the line. May split a long ASCII token (mutates toks)."""
    w = lead_w
    j = i
    while j < len(toks):
        tw = sw(text[toks[j][0] : toks[j][1]], font, size)
        if w + tw > width + 0.01:
            break
        w += tw
        j += 1
    if j >= len(toks):
        return j
    # a long latin/digit run that does not fit: split it if the gap would be wide
    a, b = toks[j]
    if b - a >= 10 and width - w > 1.4 * size:
        k = a
        while k < b and w + sw(text[k], font, size) <= width + 0.01:
            w += sw(text[k], font, size)
            k += 1
        if k - a >= 2 and b - k >= 2:
            toks[j : j + 1] = [[a, k], [k, b]]
            return j + 1
    # kinsoku: pull up to two closing marks onto this line (squeezed), else push back
    extra = 0.0
    k = j
    while k < len(toks) and k - j < 2 and text[toks[k][0]] in NO_START:
        extra += sw(text[toks[k][0] : toks[k][1]], font, size)
        k += 1
    if k > j and w + extra - width <= 1.05 * size:
        j = k
    else:
        while j - 1 > i and text[toks[j][0]] in NO_START:
            j -= 1
    while j - 1 > i and text[toks[j - 1][1] - 1] in NO_END:
        j -= 1
    return j


def wrap(text, font, size, width):
    toks = tokens(text)
    lines, i = [], 0
    while i < len(toks):
        j = take_line(text, toks, i, width, font, size)
        j = max(j, i + 1)
        lines.append(text[toks[i][0] : toks[j - 1][1]])
        i = j
    return lines


def just_tc(s, font, size, width):
    n = len(s)
    if n < 2:
        return 0.0
    tc = (width - sw(s, font, size)) / (n - 1)
    return max(min(tc, 0.35 * size), -0.12 * size)


# ------------------------------------------------------------------------------ page model


class Page:
    def __init__(self, pid, w_mm, h_mm, order="reading"):
        self.pid = pid
        self.W = w_mm * MM
        self.H = h_mm * MM
        self.order = order
        self.groups: list[dict] = []
        self.furniture: list[str] = []
        self.portions: dict[str, dict] = {}  # aid -> printed parts of the article

    def group(self, name):
        g = {"name": name, "items": []}
        self.groups.append(g)
        return g

    def portion(self, aid):
        return self.portions.setdefault(
            aid,
            {
                "title": None,
                "subtitle": None,
                "byline": None,
                "captions": [],
                "fig_strings": [],
                "subtitle_position": None,
                "markers": [],
            },
        )


def T(g, x, y, s, font, size, tc=0.0, render=0, gray=0.0):
    """Text item; x, y in pt from the top-left corner, y = baseline."""
    g["items"].append(("text", x, y, s, font, size, tc, render, gray))


def R(g, x, y, w, h, fill=None, stroke=None, lw=0.5):
    g["items"].append(("rect", x, y, w, h, fill, stroke, lw))


def L(g, x1, y1, x2, y2, lw=0.5, gray=0.0):
    g["items"].append(("line", x1, y1, x2, y2, lw, gray))


def text_at(g, x, y, s, font, size, align="left", width=0.0, **kw):
    w = sw(s, font, size)
    if align == "center":
        x = x + (width - w) / 2
    elif align == "right":
        x = x + width - w
    T(g, x, y, s, font, size, **kw)
    return w


# ------------------------------------------------------------------------------ flow


class Style:
    def __init__(self, **kw):
        self.font = "song"
        self.size = 10.0
        self.lead = 1.5  # leading as a multiple of size
        self.indent = "chars"  # chars: two U+3000 printed | offset: first line moved | none
        self.gap = 0.0  # extra space between paragraphs, in lines
        self.head_font = "zen"
        self.head_size = 11.0
        self.head_render = 0
        self.head_align = "center"
        self.head_before = 0.6  # in body lines
        self.head_after = 0.25
        self.by_font = "hei"
        self.by_size = 9.0
        self.__dict__.update(kw)

    @property
    def leading(self):
        return self.size * self.lead


class Frame:
    def __init__(self, x, top, w, bottom):
        self.x, self.top, self.w, self.bottom = x, top, w, bottom


class Flow:
    """A run of elements poured into frames; remembers where it stopped."""

    def __init__(self, aid, elems, style):
        self.aid = aid
        self.el = elems
        self.st = style
        self.ei = 0
        self.ti = 0
        self.placed = []  # dicts: page, frame, el, a, b, kind, x, y, s, font, size, tc, render

    def done(self):
        return self.ei >= len(self.el)

    def run(self, frames, pid="", group_for=None):
        st = self.st
        lead = st.leading
        for fi, fr in enumerate(frames):
            y = fr.top
            first = True
            while not self.done():
                e = self.el[self.ei]
                if e.kind == "head":
                    hl = wrap(e.text, st.head_font, st.head_size, fr.w)
                    hlead = st.head_size * 1.3
                    before = 0 if first else st.head_before * lead
                    need = before + len(hl) * hlead + st.head_after * lead + 2 * lead
                    if y + need > fr.bottom + 0.01:
                        break
                    y += before
                    for s in hl:
                        base = y + hlead * 0.5 + st.head_size * 0.36
                        w = sw(s, st.head_font, st.head_size)
                        x = fr.x + ((fr.w - w) / 2 if st.head_align == "center" else 0)
                        self.placed.append(
                            dict(
                                page=pid,
                                frame=fi,
                                el=self.ei,
                                a=0,
                                b=len(e.text),
                                kind="head",
                                x=x,
                                y=base,
                                s=s,
                                font=st.head_font,
                                size=st.head_size,
                                tc=0.0,
                                render=st.head_render,
                            )
                        )
                        y += hlead
                    y += st.head_after * lead
                    self.ei += 1
                    first = False
                    continue
                if e.kind == "byline":
                    blead = st.by_size * 1.5
                    if y + blead > fr.bottom + 0.01:
                        break
                    base = y + blead * 0.5 + st.by_size * 0.36
                    self.placed.append(
                        dict(
                            page=pid,
                            frame=fi,
                            el=self.ei,
                            a=0,
                            b=len(e.text),
                            kind="byline",
                            x=fr.x,
                            y=base,
                            s=e.text,
                            font=st.by_font,
                            size=st.by_size,
                            tc=0.0,
                            render=0,
                        )
                    )
                    y += blead + 0.4 * lead
                    self.ei += 1
                    first = False
                    continue
                # paragraph
                if self.ti == 0 and not first and st.gap:
                    y += st.gap * lead
                if y + lead > fr.bottom + 0.01:
                    break
                toks = e.toks
                start_line = self.ti == 0
                pre = ""
                x0, width = fr.x, fr.w
                if start_line and st.indent == "chars":
                    pre = "\u3000\u3000"
                elif start_line and st.indent == "offset":
                    x0 += 2 * st.size
                    width -= 2 * st.size
                lead_w = sw(pre, st.font, st.size) if pre else 0.0
                j = take_line(e.text, toks, self.ti, width, st.font, st.size, lead_w)
                j = max(j, self.ti + 1)
                a, b = toks[self.ti][0], toks[j - 1][1]
                s = pre + e.text[a:b]
                last = j >= len(toks)
                overfull = sw(s, st.font, st.size) > width + 0.01
                tc = 0.0 if last and not overfull else just_tc(s, st.font, st.size, width)
                base = y + lead * 0.5 + st.size * 0.36
                self.placed.append(
                    dict(
                        page=pid,
                        frame=fi,
                        el=self.ei,
                        a=a,
                        b=b,
                        kind="para",
                        x=x0,
                        y=base,
                        s=s,
                        font=st.font,
                        size=st.size,
                        tc=tc,
                        render=0,
                    )
                )
                y += lead
                first = False
                if last:
                    self.ei += 1
                    self.ti = 0
                else:
                    self.ti = j
            fr.used_to = y
            if self.done():
                break
        return self.done()

    def emit(self, page, names=None, pid=None):
        """Add one text group per frame (in frame order) to the page."""
        pid = pid or page.pid
        groups = {}
        for p in self.placed:
            if p["page"] != pid:
                continue
            key = p["frame"]
            if key not in groups:
                groups[key] = page.group(f"{self.aid}:{names[key] if names else key}")
            T(groups[key], p["x"], p["y"], p["s"], p["font"], p["size"], p["tc"], p["render"])
        return groups


def balance(aid, elems, style, make_frames, lo, hi, pid):
    """Smallest column height (pt, step 1) for which the flow fits make_frames(h)."""
    lo, hi = int(lo), int(hi)
    test = Flow(aid, copy.deepcopy(elems), style)
    if not test.run(make_frames(hi), pid):
        raise RuntimeError(f"{aid}: does not fit in {hi}pt")
    while lo < hi:
        mid = (lo + hi) // 2
        f = Flow(aid, copy.deepcopy(elems), style)
        if f.run(make_frames(mid), pid):
            hi = mid
        else:
            lo = mid + 1
    flow = Flow(aid, elems, style)
    frames = make_frames(lo)
    assert flow.run(frames, pid)
    return flow, frames, lo


# ------------------------------------------------------------------------------ boxes


def photo_box(page, aid, x, y, w, h, caption, cap_font="hei", cap_size=8.5, gname=None):
    g = page.group(gname or f"{aid}:photo")
    R(g, x, y, w, h, fill=0.78)
    R(g, x + w * 0.08, y + h * 0.45, w * 0.35, h * 0.42, fill=0.68)
    R(g, x + w * 0.55, y + h * 0.20, w * 0.32, h * 0.67, fill=0.86)
    lines = wrap(caption, cap_font, cap_size, w)
    cy = y + h + cap_size * 1.45
    for s in lines:
        T(g, x, cy, s, cap_font, cap_size)
        cy += cap_size * 1.4
    page.portion(aid)["captions"].append(caption)
    return cy - cap_size * 1.4 + cap_size * 0.5  # bottom of the caption


def chart_box(page, aid, x, y, w, h, chart, title_font="hei", gname=None):
    g = page.group(gname or f"{aid}:chart")
    R(g, x, y, w, h, stroke=0.0, lw=0.7)
    pad = 3 * MM
    ty = y + pad + 9
    for s in wrap(chart["title"], title_font, 9.5, w - 2 * pad):
        T(g, x + pad, ty, s, title_font, 9.5, render=2)
        ty += 13
    T(g, x + pad, ty + 1, chart["unit"], "hei", 7)
    page.furniture.append(chart["unit"])
    top = ty + 14
    bottom = y + h - pad - 22
    left = x + pad + sw(max(chart["ticks"], key=len), "hei", 7) + 4
    right = x + w - pad
    tmax = float(chart["ticks"][-1])
    for t in chart["ticks"]:
        ty_ = bottom - (bottom - top) * float(t) / tmax
        L(g, left, ty_, right, ty_, lw=0.3, gray=0.6)
        text_at(g, x + pad, ty_ + 2.5, t, "hei", 7, align="right", width=left - x - pad - 3)
        page.furniture.append(t)
    n = len(chart["values"])
    slot = (right - left) / n
    for k, (lab, val) in enumerate(zip(chart["labels"], chart["values"], strict=False)):
        bh = (bottom - top) * float(val) / tmax
        bx = left + slot * k + slot * 0.22
        R(g, bx, bottom - bh, slot * 0.56, bh, fill=0.35)
        text_at(g, left + slot * k, bottom - bh - 2.5, val, "song", 7, align="center", width=slot)
        text_at(g, left + slot * k, bottom + 9, lab, "hei", 6.5, align="center", width=slot)
        page.furniture += [val, lab]
    L(g, left, bottom, right, bottom, lw=0.8)
    T(g, x + pad, y + h - pad - 1, chart["source"], "hei", 7.5)
    page.portion(aid)["captions"] += [chart["title"], chart["source"]]
    return g


def ad_box(page, x, y, w, h, lines, gname="ad"):
    """lines: (text, font, size); furniture."""
    g = page.group(gname)
    R(g, x, y, w, h, fill=0.93, stroke=0.2, lw=1.0)
    total = sum(s * 1.6 for _t, _f, s in lines)
    cy = y + (h - total) / 2
    for t, f, s in lines:
        cy += s * 1.6
        text_at(g, x, cy - s * 0.45, t, f, s, align="center", width=w)
        page.furniture.append(t)
    return g


def table_box(page, x, y, w, title, header, rows, fracs, size=8.0, gname="table"):
    """A data table (furniture), drawn row by row; returns the y below it."""
    g = page.group(gname)
    rh = size * 2.0
    y0 = y
    T(g, x, y + size * 1.6, title, "hei", size + 1.5, render=2)
    y += size * 2.6
    xs = [x]
    for f in fracs[:-1]:
        xs.append(xs[-1] + f * w)
    R(g, x, y, w, rh, fill=0.82)
    for k, (cell, cx) in enumerate(zip(header, xs, strict=False)):
        cw = fracs[k] * w
        text_at(
            g,
            cx + 3,
            y + rh * 0.66,
            cell,
            "hei",
            size,
            align="left" if k == 0 else "right",
            width=cw - 6,
        )
    y += rh
    for r in rows:
        for k, (cell, cx) in enumerate(zip(r, xs, strict=False)):
            cw = fracs[k] * w
            text_at(
                g,
                cx + 3,
                y + rh * 0.66,
                cell,
                "song" if k else "hei",
                size,
                align="left" if k == 0 else "right",
                width=cw - 6,
            )
        y += rh
        L(g, x, y, x + w, y, lw=0.3, gray=0.5)
    R(g, x, y0 + size * 2.6, w, y - y0 - size * 2.6, stroke=0.0, lw=0.8)
    page.furniture += [title] + list(header) + [c for r in rows for c in r]
    return y


def title_block(
    page, aid, x, y, w, lines, font, size, align="center", render=0, lead=1.25, gname=None
):
    """Draw title lines (markup allowed); return y below the block."""
    g = page.group(gname or f"{aid}:title")
    plain_lines = []
    for ln in lines:
        plain, _spans = unmark(ln)
        plain_lines.append(plain)
        page.portion(aid)["fig_strings"].append(ln)
    for s in plain_lines:
        y += size * lead
        text_at(g, x, y - size * 0.22 * lead, s, font, size, align=align, width=w, render=render)
    page.portion(aid)["title"] = "".join(plain_lines)
    return y + size * 0.2


def sub_line(page, aid, x, y, w, text, font, size, align, position, gname=None):
    g = page.group(gname or f"{aid}:{position}")
    plain, _ = unmark(text)
    lines = wrap(plain, font, size, w)
    for s in lines:
        y += size * 1.45
        text_at(g, x, y - size * 0.3, s, font, size, align=align, width=w)
    p = page.portion(aid)
    p["subtitle"] = plain
    p["subtitle_position"] = position
    p["fig_strings"].append(text)
    return y + size * 0.3


def byline_line(page, aid, x, y, w, text, font="hei", size=9.5, align="left", gname=None):
    g = page.group(gname or f"{aid}:byline")
    y += size * 1.5
    text_at(g, x, y - size * 0.4, text, font, size, align=align, width=w)
    page.portion(aid)["byline"] = text
    return y + size * 0.2


def marker(page, aid, x, y, w, text, align="right", font="hei", size=8.5):
    g = page.group(f"{aid}:marker")
    text_at(g, x, y, text, font, size, align=align, width=w)
    page.furniture.append(text)
    page.portion(aid)["markers"].append(text)


def columns(x0, widths_mm, gutter_mm):
    xs, x = [], x0
    for wmm in widths_mm:
        xs.append((x, wmm * MM))
        x += (wmm + gutter_mm) * MM
    return xs


# ------------------------------------------------------------------------------ header/footer


def header_a(page, paper, latin, date, code, top=12 * MM, margin=14 * MM):
    """Date left, paper name centred with the Latin name under it, page code right."""
    g = page.group("header")
    W = page.W
    text_at(g, 0, top + 30, paper, "zen", 24, align="center", width=W, render=2)
    text_at(g, 0, top + 42, latin, LATIN, 7.5, align="center", width=W)
    T(g, margin, top + 38, date, "hei", 8.5)
    text_at(g, 0, top + 38, code, "hei", 11, align="right", width=W - margin, render=2)
    L(g, margin, top + 48, W - margin, top + 48, lw=2.0)
    L(g, margin, top + 51, W - margin, top + 51, lw=0.5)
    page.furniture += [paper, latin, date, code]
    return top + 56


def header_b(page, paper, latin, date, code, top=11 * MM, margin=12 * MM):
    """Page code reversed out of a black block left; paper name, Latin name and date right."""
    g = page.group("header")
    W = page.W
    cw = sw(code, "zen", 15) + 16
    R(g, margin, top, cw, 30, fill=0.0)
    T(g, margin + 8, top + 21, code, "zen", 15, gray=1.0)
    sw(paper, "zen", 17)
    text_at(g, 0, top + 17, paper, "zen", 17, align="right", width=W - margin)
    text_at(g, 0, top + 28, latin, LATIN, 6.5, align="right", width=W - margin)
    text_at(g, margin + cw + 12, top + 28, date, "song", 8.5)
    L(g, margin, top + 35, W - margin, top + 35, lw=0.8)
    page.furniture += [code, paper, latin, date]
    return top + 40


def header_c(page, paper, latin, date, code, top=10 * MM, margin=13 * MM):
    """One line: paper name and Latin name left, date in the middle, page code right."""
    g = page.group("header")
    W = page.W
    w = sw(paper, "song", 16)
    T(g, margin, top + 16, paper, "song", 16, render=2)
    T(g, margin + w + 8, top + 16, latin, LATIN, 8)
    text_at(g, 0, top + 16, date, "hei", 9, align="center", width=W)
    text_at(g, 0, top + 16, code, "zen", 13, align="right", width=W - margin)
    L(g, margin, top + 23, W - margin, top + 23, lw=1.2)
    page.furniture += [paper, latin, date, code]
    return top + 30


def footer(page, text, margin=14 * MM, bottom=9 * MM, align="left"):
    g = page.group("footer")
    W, H = page.W, page.H
    L(g, margin, H - bottom - 12, W - margin, H - bottom - 12, lw=0.5)
    text_at(g, margin, H - bottom, text, "hei", 8, align=align, width=W - 2 * margin)
    page.furniture.append(text)
    return H - bottom - 16


# ------------------------------------------------------------------------------ PDF writing


def draw_items(c, H, g, mode):
    texts = []
    for it in g["items"]:
        if it[0] == "rect":
            _k, x, y, w, h, fill, stroke, lw = it
            c.saveState()
            if fill is not None:
                c.setFillGray(fill)
            if stroke is not None:
                c.setStrokeGray(stroke)
                c.setLineWidth(lw)
            c.rect(x, H - y - h, w, h, stroke=stroke is not None, fill=fill is not None)
            c.restoreState()
        elif it[0] == "line":
            _k, x1, y1, x2, y2, lw, gray = it
            c.saveState()
            c.setStrokeGray(gray)
            c.setLineWidth(lw)
            c.line(x1, H - y1, x2, H - y2)
            c.restoreState()
        else:
            texts.append(it)
    if not texts:
        return
    if mode == "chars":
        for _k, x, y, s, font, size, tc, render, gray in texts:
            cx = x
            for ch in s:
                if not ch.isspace():
                    c.saveState()
                    c.setFillGray(gray)
                    if render:
                        c.setLineWidth(size * 0.035)
                    t = c.beginText()
                    t.setFont(font, size)
                    if render:
                        t.setTextRenderMode(render)
                    t.setTextOrigin(cx, H - y)
                    t.textOut(ch)
                    c.drawText(t)
                    c.restoreState()
                cx += sw(ch, font, size) + tc
        return
    c.saveState()
    t = c.beginText()
    cur = None
    for _k, x, y, s, font, size, tc, render, gray in texts:
        if (font, size) != (cur and cur[:2]):
            t.setFont(font, size)
        if cur is None or cur[2] != tc:
            t.setCharSpace(tc)
        if cur is None or cur[3] != render:
            t.setTextRenderMode(render)
        if cur is None or cur[4] != gray:
            t.setFillGray(gray)
        cur = (font, size, tc, render, gray)
        if render:
            c.setLineWidth(size * 0.035)
        t.setTextOrigin(x, H - y)
        t.textOut(s)
    c.drawText(t)
    c.restoreState()


def write_pdf(page: Page, path: Path, seed=0):
    c = canvas.Canvas(str(path), pagesize=(page.W, page.H), invariant=1, pageCompression=1)
    c.setTitle(f"pages3 {page.pid}")
    c.setAuthor("pages3 independent helper")
    c.setCreator("make_pages3.py")
    c.setProducer("ReportLab (invariant)")
    groups = list(page.groups)
    if page.order == "shuffled":
        random.Random(seed).shuffle(groups)
    for g in groups:
        draw_items(c, page.H, g, "chars" if page.order == "chars" else "frames")
    c.showPage()
    c.save()


# ------------------------------------------------------------------------------ gold


def page_gold(page: Page, flows: dict, order_aids: list[str], layout: dict) -> dict:
    arts = []
    for aid in order_aids:
        a = ARTICLES[aid]
        por = page.portions.get(aid, {})
        flow = flows[aid]
        mine = [p for p in flow.placed if p["page"] == page.pid]
        headings, paragraphs, figs = [], [], []
        cur_head = None
        by_el = {}
        for p in mine:
            by_el.setdefault(p["el"], []).append(p)
        byline = por.get("byline")
        for ei in sorted(by_el):
            e = flow.el[ei]
            ps = by_el[ei]
            if e.kind == "head":
                cur_head = e.text
                headings.append(e.text)
            elif e.kind == "byline":
                byline = e.text
            else:
                a0 = min(p["a"] for p in ps)
                b0 = max(p["b"] for p in ps)
                text = e.text[a0:b0]
                paragraphs.append({"section_heading": cur_head, "text": text})
                for s, t, surf in e.spans:
                    if a0 <= s and t <= b0:
                        figs.append(surf)
                    else:
                        assert t <= a0 or s >= b0, f"figure {surf} split by a page break"
        title_figs = []
        for fs in por.get("fig_strings", []):
            title_figs += [surf for _s, _t, surf in unmark(fs)[1]]
        figures = title_figs + figs
        captions = list(por.get("captions", []))
        art = {
            "id": aid,
            "title": por.get("title"),
            "subtitle": por.get("subtitle"),
            "subtitle_position": por.get("subtitle_position"),
            "byline": byline,
            "headings": headings,
            "paragraphs": paragraphs,
            "captions": captions,
        }
        text = "".join(x for x in [art["title"], art["subtitle"], byline] if x)
        text += "".join(headings) + "".join(p["text"] for p in paragraphs) + "".join(captions)
        joined = a.get("joined", {})
        art["entities"] = {
            k: [x for x in v if x in text or (x in joined and "".join(joined[x]) in text)]
            for k, v in a["entities"].items()
        }
        art["optional_entities"] = {
            k: [x for x in v if x in text] for k, v in a.get("optional", {}).items()
        }
        art["optional_entities"] = {k: v for k, v in art["optional_entities"].items() if v}
        art["figures"] = [{"surface": f} for f in figures]
        if por.get("markers"):
            art["continuation"] = por["markers"]
        arts.append(art)
    first = dict(arts[0])
    gold = {
        k: first[k]
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
    gold["furniture"] = page.furniture
    gold["layout"] = layout
    return gold


def add_editor_optionals(gold, names):
    for art in [gold] + gold["articles"]:
        opt = art.setdefault("optional_entities", {})
        lst = opt.setdefault("PERSON", [])
        for n in names:
            if n not in lst:
                lst.append(n)


# ------------------------------------------------------------------------------ pages

PAPER_J = ("江南金融报", "JIANGNAN FINANCIAL NEWS")
PAPER_N = ("新财富时报", "NEW WEALTH TIMES")
PAPER_E = ("东方资本报", "EASTERN CAPITAL DAILY")


def footer_last(pg):
    fg = [g for g in pg.groups if g["name"] == "footer"]
    pg.groups = [g for g in pg.groups if g["name"] != "footer"] + fg


def move_before(pg, names, target):
    """Move the groups called names so that they come right before group target."""
    moved = [g for g in pg.groups if g["name"] in names]
    pg.groups = [g for g in pg.groups if g["name"] not in names]
    i = pg.groups.index(target)
    pg.groups[i:i] = moved


def p01():
    """A3 broadsheet, 5 columns (first wider), kicker + two-line title over columns 1-3,
    photo over columns 4-5, indent = two printed U+3000, fake-bold centred headings."""
    pg = Page("p01", 297, 420)
    top = header_a(pg, *PAPER_J, "2025年11月18日 星期二", "A3 财富管理")
    bottom_limit = footer(pg, "编辑 孙立言 美编 何悦 校对 钱书宁")
    a = ARTICLES["a01"]
    cols = columns(15 * MM, [59, 48, 48, 48, 48], 4)
    span_w = cols[2][0] + cols[2][1] - cols[0][0]
    y = top + 4 * MM
    y = sub_line(pg, "a01", cols[0][0], y, span_w, a["kicker"], "hei", 13, "center", "above")
    y = title_block(pg, "a01", cols[0][0], y + 2, span_w, a["title"], "zen", 30, render=2)
    y = byline_line(pg, "a01", cols[0][0], y + 4, span_w, a["byline"], "hei", 10, "right")
    text_top = y + 3 * MM
    ph_x = cols[3][0]
    ph_w = cols[4][0] + cols[4][1] - ph_x
    cap_bottom = photo_box(pg, "a01", ph_x, top + 4 * MM, ph_w, 96 * MM, a["photo"], cap_size=9)
    right_top = cap_bottom + 4 * MM
    st = Style(
        font="song",
        size=10,
        lead=1.55,
        indent="chars",
        head_font="zen",
        head_size=11.5,
        head_render=2,
        head_align="center",
    )
    els = article_elems(a)

    def frames(h):
        fr = [Frame(cols[i][0], text_top, cols[i][1], text_top + h) for i in range(3)]
        fr += [Frame(cols[i][0], right_top, cols[i][1], text_top + h) for i in (3, 4)]
        return fr

    flow, frs, _h = balance("a01", els, st, frames, 60, 900, "p01")
    gs = flow.emit(pg)
    move_before(pg, ["a01:photo"], gs[3])  # the photo comes between columns 3 and 4
    ybot = max(getattr(f, "used_to", f.top) for f in frs) + 6 * MM
    L(pg.group("rule"), cols[0][0], ybot - 3 * MM, cols[4][0] + cols[4][1], ybot - 3 * MM, lw=1.2)
    yt = (
        table_box(
            pg,
            cols[0][0],
            ybot,
            span_w,
            "理财产品近一月年化收益率一览（截至11月14日）",
            ["产品名称", "管理人", "近一月年化", "风险等级"],
            [
                ["稳享30天持有期1号", "钱塘理财", "3.42%", "R2"],
                ["安盈180天持有期", "钱塘理财", "3.18%", "R2"],
                ["季季鑫3号", "东湖理财", "2.96%", "R2"],
                ["颐和稳健日开", "东湖理财", "2.41%", "R1"],
                ["固收增强一年定开", "明岳理财", "3.65%", "R3"],
                ["悦享周周盈", "明岳理财", "2.27%", "R1"],
                ["双月鑫固收+2号", "钱塘理财", "3.09%", "R2"],
                ["稳健添利90天", "明岳理财", "2.84%", "R2"],
            ],
            [0.38, 0.24, 0.22, 0.16],
            size=9.5,
            gname="table",
        )
        + 6 * MM
    )
    ad_box(
        pg,
        cols[0][0],
        yt,
        span_w,
        bottom_limit - yt - 2 * MM,
        [
            ("江南金融报 · 财富管理版", "zen", 17),
            ("每周二、周四出版", "hei", 11),
            ("读者热线 0571-8000-0001", "hei", 9),
        ],
        gname="ad2",
    )
    ad_box(
        pg,
        ph_x,
        ybot,
        ph_w,
        bottom_limit - ybot - 2 * MM,
        [
            ("钱塘理财", "zen", 26),
            ("稳享系列", "zen", 20),
            ("年末配置季 稳健有温度", "hei", 12),
            ("理财非存款 产品有风险", "hei", 9),
            ("投资须谨慎", "hei", 9),
        ],
    )
    footer_last(pg)
    layout = {
        "page_mm": [297, 420],
        "cols": 5,
        "col_widths_mm": [59, 48, 48, 48, 48],
        "order": "reading",
        "body_pt": 10,
        "leading": 1.55,
        "indent": "two U+3000 printed",
        "paragraph_gap": False,
        "title": "kicker above, two-line title over columns 1-3, byline right-aligned",
        "headings": "zenhei 11.5pt fake bold (render mode 2), centred",
        "boxes": "photo over columns 4-5 with 图为 caption (columns 4-5 text below it); "
        "product table (furniture) under columns 1-3 and an ad under 4-5",
        "stream": "header, kicker, title, byline, columns 1-3, photo+caption, columns 4-5, "
        "table, ad, footer",
        "articles": 1,
    }
    return pg, {"a01": flow}, ["a01"], layout, ["孙立言", "何悦", "钱书宁"]


def p02():
    """Tabloid, 4 columns, two articles side by side (2 + 2 columns of different widths),
    no indent with a paragraph gap, bylines inside the first column, deck below one title."""
    pg = Page("p02", 260, 370)
    top = header_b(pg, *PAPER_N, "2025年10月30日 星期四", "B2 公司·产业")
    bottom_limit = footer(pg, "编辑 郑可 美编 吴一凡 校对 季澜", margin=12 * MM, align="right")
    cols = columns(15 * MM, [60, 60, 50, 45], 5)
    a = ARTICLES["a02"]
    x0, w0 = cols[0][0], cols[1][0] + cols[1][1] - cols[0][0]
    y = title_block(pg, "a02", x0, top + 3 * MM, w0, a["title"], "hei", 22, align="left", render=2)
    y = sub_line(pg, "a02", x0, y + 1, w0, a["deck"], "song", 12, "left", "below")
    st = Style(
        font="song",
        size=9.5,
        lead=1.45,
        indent="none",
        gap=0.55,
        head_font="hei",
        head_size=11.5,
        head_align="left",
        head_before=0.7,
        by_font="hei",
        by_size=9,
    )
    els = article_elems(a, with_byline=True)
    t2 = y + 4 * MM

    def fr2(h):
        return [Frame(cols[i][0], t2, cols[i][1], t2 + h) for i in (0, 1)]

    f2, frs2, _h2 = balance("a02", els, st, fr2, 60, 900, "p02")
    f2.emit(pg)
    rx = cols[1][0] + cols[1][1] + 2.5 * MM
    b = ARTICLES["a03"]
    x1, w1 = cols[2][0], cols[3][0] + cols[3][1] - cols[2][0]
    y = title_block(pg, "a03", x1, top + 3 * MM, w1, b["title"], "zen", 18, align="left")
    st3 = Style(**{**st.__dict__, "size": 9.5, "lead": 1.5})
    els3 = article_elems(b, with_byline=True)
    t3 = y + 5 * MM

    def fr3(h):
        return [Frame(cols[i][0], t3, cols[i][1], t3 + h) for i in (2, 3)]

    f3, frs3, _h3 = balance("a03", els3, st3, fr3, 60, 900, "p02")
    f3.emit(pg)
    yb = max(getattr(f, "used_to", f.top) for f in frs2 + frs3)
    L(pg.group("rule"), rx, top + 3 * MM, rx, yb, lw=0.6)
    L(pg.group("rule2"), cols[0][0], yb + 3 * MM, cols[3][0] + cols[3][1], yb + 3 * MM, lw=1.0)
    table_box(
        pg,
        x0,
        yb + 6 * MM,
        w0,
        "电子板块部分个股表现（10月29日）",
        ["证券简称", "收盘价（元）", "当日涨跌", "年内涨跌"],
        [
            ["晶拓微电子", "48.36", "+3.21%", "+57.4%"],
            ["衡川电子", "22.15", "-1.08%", "+12.6%"],
            ["中睿芯材", "67.80", "+0.45%", "+33.9%"],
            ["锐晶科技", "15.42", "+5.97%", "+81.2%"],
            ["华屹光电", "9.86", "-0.70%", "-4.3%"],
            ["启衡半导体", "31.07", "+1.92%", "+20.5%"],
        ],
        [0.34, 0.24, 0.2, 0.22],
        size=8.5,
        gname="table",
    )
    ad_box(
        pg,
        x1,
        yb + 6 * MM,
        w1,
        bottom_limit - yb - 8 * MM,
        [
            ("晶拓微电子", "zen", 18),
            ("2026届校园招聘", "zen", 15),
            ("硅片 · 外延 · 设备工程", "hei", 11),
            ("投递邮箱 hr@jingtuo-example.cn", "hei", 8.5),
        ],
        gname="ad",
    )
    footer_last(pg)
    layout = {
        "page_mm": [260, 370],
        "cols": 4,
        "col_widths_mm": [60, 60, 50, 45],
        "order": "reading",
        "body_pt": 9.5,
        "leading": [1.45, 1.5],
        "indent": "none",
        "paragraph_gap": "0.55 line",
        "title": "a02: bold title over columns 1-2 with deck below; a03: title over 3-4",
        "bylines": "first line of the first column",
        "headings": "microhei 11.5pt, left",
        "articles": 2,
        "arrangement": "side by side, vertical rule",
        "boxes": "stock table (furniture) under a02, job ad under a03",
    }
    return pg, {"a02": f2, "a03": f3}, ["a02", "a03"], layout, ["郑可", "吴一凡", "季澜"]


def p03():
    """A3-ish, 3 columns (wide/narrow/medium), two-line title over all columns with a deck,
    chart in column 3, indent by offset, song 11pt; text frames written in shuffled order."""
    pg = Page("p03", 300, 440, order="shuffled")
    top = header_c(pg, *PAPER_E, "2025年11月17日 星期一", "A7 基金")
    bottom_limit = footer(pg, "编辑 陶然之 美编 白露 校对 章晓晖", margin=13 * MM)
    a = ARTICLES["a04"]
    cols = columns(15 * MM, [100, 72, 86], 6)
    x0, wall = cols[0][0], cols[2][0] + cols[2][1] - cols[0][0]
    y = title_block(pg, "a04", x0, top + 6 * MM, wall, a["title"], "song", 28, render=2, lead=1.3)
    y = sub_line(pg, "a04", x0, y + 2, wall, a["deck"], "hei", 12.5, "center", "below")
    y = byline_line(pg, "a04", x0, y + 3, wall, a["byline"], "song", 10.5, "center")
    L(pg.group("rule"), x0, y + 3 * MM, x0 + wall, y + 3 * MM, lw=0.6)
    tt = y + 6 * MM
    ch_h = 78 * MM
    st = Style(
        font="song",
        size=11,
        lead=1.7,
        indent="offset",
        head_font="song",
        head_size=12.5,
        head_render=2,
        head_align="left",
        head_before=0.5,
    )
    els = article_elems(a)

    def frames(h):
        return [
            Frame(cols[0][0], tt, cols[0][1], tt + h),
            Frame(cols[1][0], tt, cols[1][1], tt + h),
            Frame(cols[2][0], tt + ch_h + 5 * MM, cols[2][1], tt + h),
        ]

    flow, _frs, h = balance("a04", els, st, frames, 60, 1100, "p03")
    flow.emit(pg)
    chart_box(pg, "a04", cols[2][0], tt, cols[2][1], ch_h, a["chart"])
    w12 = cols[1][0] + cols[1][1] - cols[0][0]
    yb = tt + h + 6 * MM
    L(pg.group("rule2"), x0, yb - 3 * MM, x0 + wall, yb - 3 * MM, lw=1.0)
    yt = (
        table_box(
            pg,
            cols[0][0],
            yb,
            w12,
            "规模居前的股票型ETF（截至11月14日）",
            ["基金简称", "代码", "规模（亿元）", "年内净流入（亿元）"],
            [
                ["嘉川沪深300ETF", "510630", "1286.9", "+356.2"],
                ["泓远中证A500ETF", "563390", "612.4", "+418.7"],
                ["恒川科创50ETF", "588260", "547.3", "+92.5"],
                ["澄江红利低波ETF", "515860", "301.8", "+143.0"],
                ["南岭中证1000ETF", "512130", "265.1", "-18.4"],
                ["北辰证券公司ETF", "512890", "219.6", "+61.7"],
            ],
            [0.36, 0.16, 0.22, 0.26],
            size=9,
            gname="table",
        )
        + 6 * MM
    )
    ad_box(
        pg,
        cols[2][0],
        yb,
        cols[2][1],
        bottom_limit - yb - 2 * MM,
        [
            ("泓远基金", "zen", 24),
            ("ETF", LATIN, 20),
            ("让投资更简单", "hei", 14),
            ("基金有风险 投资须谨慎", "hei", 9),
        ],
    )
    ad_box(
        pg,
        cols[0][0],
        yt,
        w12,
        bottom_limit - yt - 2 * MM,
        [("东方资本报 · 基金周刊", "zen", 18), ("每周一出版 · 敬请关注", "hei", 11)],
        gname="ad2",
    )
    layout = {
        "page_mm": [300, 440],
        "cols": 3,
        "col_widths_mm": [100, 72, 86],
        "order": "shuffled",
        "shuffle": "every text frame (header, title, deck, byline, "
        "each column, chart, table, ads, footer) written in a seeded random order",
        "body_pt": 11,
        "leading": 1.7,
        "indent": "2em offset, nothing printed",
        "paragraph_gap": False,
        "title": "two lines over all columns, deck and byline centred below",
        "headings": "uming 12.5pt fake bold, left",
        "boxes": "bar chart at the top of column 3 (图表 title, unit, axis numbers, "
        "bar values, 资料来源); ETF table (furniture) and two ads below",
        "articles": 1,
    }
    return pg, {"a04": flow}, ["a04"], layout, ["陶然之", "白露", "章晓晖"]


def p04():
    """Broadsheet 330x470, 6 columns (last one wider), two articles stacked: a05 across all six
    columns with a photo, a06 below with its title over columns 1-4; 9pt body, offset indent."""
    pg = Page("p04", 330, 470)
    top = header_b(pg, *PAPER_N, "2025年11月12日 星期三", "A4 债券·金融", margin=12 * MM)
    bottom_limit = footer(pg, "编辑 戴文 美编 林蔚 校对 卢小苇", margin=12 * MM)
    cols = columns(12 * MM, [47, 47, 47, 47, 47, 51], 4)
    xl, xr = cols[0][0], cols[5][0] + cols[5][1]
    a = ARTICLES["a05"]
    y = title_block(pg, "a05", xl, top + 4 * MM, xr - xl, a["title"], "zen", 26, render=2)
    y = sub_line(pg, "a05", xl, y + 1, xr - xl, a["deck"], "song", 13, "center", "below")
    tt = y + 5 * MM
    st = Style(
        font="song",
        size=9,
        lead=1.4,
        indent="offset",
        head_font="zen",
        head_size=10,
        head_render=2,
        head_align="center",
        by_font="hei",
        by_size=9,
    )
    els = article_elems(a, with_byline=True)
    ph_h = 36 * MM
    ph_x, ph_w = cols[4][0], xr - cols[4][0]
    cap_b = photo_box(
        pg,
        "a05",
        ph_x,
        tt,
        ph_w,
        ph_h,
        "图为广东省肇庆市一处正在建设中的分布式光伏电站。",
        cap_size=8.5,
    )

    def fr5(h):
        fr = [Frame(cols[i][0], tt, cols[i][1], tt + h) for i in range(4)]
        fr += [Frame(cols[i][0], cap_b + 3 * MM, cols[i][1], tt + h) for i in (4, 5)]
        return fr

    f5, _frs5, h5 = balance("a05", els, st, fr5, int(cap_b - tt + 10 * MM), 1000, "p04")
    gs = f5.emit(pg)
    move_before(pg, ["a05:photo"], gs[4])
    yb = tt + h5 + 3 * MM
    L(pg.group("rule"), xl, yb, xr, yb, lw=1.5)
    b = ARTICLES["a06"]
    w4 = cols[3][0] + cols[3][1] - xl
    y = title_block(pg, "a06", xl, yb + 3 * MM, w4, b["title"], "hei", 20, align="left", render=2)
    y = byline_line(pg, "a06", xl, y + 1, w4, b["byline"], "hei", 9, "left")
    t6 = y + 3 * MM
    st6 = Style(**{**st.__dict__, "lead": 1.45})
    els6 = article_elems(b)

    def fr6(h):
        fr = [Frame(cols[i][0], t6, cols[i][1], t6 + h) for i in range(4)]
        fr += [Frame(cols[i][0], yb + 4 * MM, cols[i][1], t6 + h) for i in (4, 5)]
        return fr

    f6, _frs6, h6 = balance("a06", els6, st6, fr6, 40, 1000, "p04")
    f6.emit(pg)
    ya = t6 + h6 + 5 * MM
    L(pg.group("rule3"), xl, ya - 2 * MM, xr, ya - 2 * MM, lw=1.0)
    w3 = cols[2][0] + cols[2][1] - xl
    yt = (
        table_box(
            pg,
            xl,
            ya,
            w3,
            "近期深市绿色债券发行情况",
            ["债券简称", "规模（亿元）", "票面利率", "期限"],
            [
                ["25晟阳G1", "5.00", "2.98%", "3年"],
                ["25粤电GN003", "20.00", "2.31%", "5年"],
                ["25鹏城绿色01", "8.00", "2.45%", "3年"],
                ["25肇投G2", "6.50", "2.67%", "5年"],
                ["25南山碳中和", "12.00", "2.19%", "3年"],
                ["25前海绿债", "10.00", "2.38%", "3年"],
                ["25光明GK01", "4.00", "2.88%", "2年"],
            ],
            [0.34, 0.24, 0.22, 0.2],
            size=8.5,
            gname="table",
        )
        + 6 * MM
    )
    ad_box(
        pg,
        xl,
        yt,
        w3,
        bottom_limit - yt - 2 * MM,
        [
            ("新财富时报", "zen", 22),
            ("债券·金融周刊 每周三出版", "hei", 12),
            ("订阅请拨 020-0000-1234", "hei", 9),
        ],
        gname="ad2",
    )
    ad_box(
        pg,
        cols[3][0],
        ya,
        xr - cols[3][0],
        bottom_limit - ya - 2 * MM,
        [
            ("瓯江银行", "zen", 28),
            ("绿色金融 点亮未来", "hei", 16),
            ("绿色贷款 · 绿色债券 · 碳账户", "hei", 11),
        ],
    )
    footer_last(pg)
    layout = {
        "page_mm": [330, 470],
        "cols": 6,
        "col_widths_mm": [47, 47, 47, 47, 47, 51],
        "order": "reading",
        "body_pt": 9,
        "leading": [1.4, 1.45],
        "indent": "2em offset",
        "paragraph_gap": False,
        "title": "a05: title over six columns, deck below; a06: title over columns 1-4, "
        "byline under it",
        "bylines": "a05 in column 1; a06 under the title",
        "headings": "zenhei 10pt fake bold, centred",
        "articles": 2,
        "arrangement": "stacked (a05 above a rule, a06 below; a06 columns 5-6 start "
        "beside its title)",
        "boxes": "photo over columns 5-6 of a05 with 图为 caption; bond table "
        "(furniture) and bank ad at the bottom",
    }
    return pg, {"a05": f5, "a06": f6}, ["a05", "a06"], layout, ["戴文", "林蔚", "卢小苇"]


def p05_p06():
    """Tabloid A5 and broadsheet A6 of the same paper; a07 starts on A5 (columns 1-3, photo over
    2-3) and goes on on A6 (下转A6版 / 上接A5版); a08 in the wider column 4 of A5 with its
    two-line title inside the column."""
    pg = Page("p05", 250, 350)
    top = header_a(pg, *PAPER_J, "2025年11月11日 星期二", "A5 要闻", top=9 * MM, margin=12 * MM)
    bottom_limit = footer(pg, "编辑 宋嘉木 美编 何悦 校对 秦远", margin=12 * MM)
    cols = columns(12 * MM, [50, 50, 50, 58], 6)
    a = ARTICLES["a07"]
    st = Style(
        font="song",
        size=9.5,
        lead=1.5,
        indent="chars",
        head_font="hei",
        head_size=11,
        head_align="center",
        head_before=0.5,
    )
    x0, w3 = cols[0][0], cols[2][0] + cols[2][1] - cols[0][0]
    y = title_block(pg, "a07", x0, top + 3 * MM, w3, a["title"], "zen", 22, render=2)
    y = byline_line(pg, "a07", x0, y + 2, w3, a["byline"], "hei", 9.5, "left")
    tt = y + 3 * MM
    ph_x, ph_w = cols[1][0], cols[2][0] + cols[2][1] - cols[1][0]
    ph_bottom = photo_box(pg, "a07", ph_x, tt, ph_w, 80 * MM, a["photo"], cap_size=8.5)
    flow7 = Flow("a07", article_elems(a), st)
    end_y = 196 * MM
    frames5 = [
        Frame(cols[0][0], tt, cols[0][1], end_y),
        Frame(cols[1][0], ph_bottom + 4 * MM, cols[1][1], end_y),
        Frame(cols[2][0], ph_bottom + 4 * MM, cols[2][1], end_y - 12),
    ]
    assert not flow7.run(frames5, "p05")
    gs = flow7.emit(pg)
    move_before(pg, ["a07:photo"], gs[1])
    marker(pg, "a07", cols[2][0], end_y - 1, cols[2][1], "（下转A6版）")
    ya = end_y + 5 * MM
    L(pg.group("rule"), x0, end_y + 2 * MM, x0 + w3, end_y + 2 * MM, lw=0.8)
    ad_box(
        pg,
        x0,
        ya,
        w3,
        bottom_limit - ya - 2 * MM,
        [
            ("澄江证券", "zen", 26),
            ("财富管理 · 投资银行 · 研究服务", "hei", 12),
            ("投资有风险 入市需谨慎", "hei", 9),
        ],
    )
    b = ARTICLES["a08"]
    x4, w4 = cols[3]
    L(pg.group("rule4"), x4 - 3 * MM, top + 3 * MM, x4 - 3 * MM, bottom_limit - 2 * MM, lw=0.5)
    y = title_block(
        pg, "a08", x4, top + 3 * MM, w4, b["title"], "hei", 15, align="left", render=2, lead=1.3
    )
    st8 = Style(
        font="song",
        size=9.5,
        lead=1.5,
        indent="chars",
        head_font="hei",
        head_size=10.5,
        head_render=2,
        head_align="left",
        by_font="hei",
        by_size=8.5,
    )
    f8 = Flow("a08", article_elems(b, with_byline=True), st8)
    assert f8.run([Frame(x4, y + 3 * MM, w4, bottom_limit - 2 * MM)], "p05")
    f8.emit(pg)
    footer_last(pg)
    layout5 = {
        "page_mm": [250, 350],
        "cols": 4,
        "col_widths_mm": [50, 50, 50, 58],
        "order": "reading",
        "body_pt": 9.5,
        "leading": 1.5,
        "indent": "two U+3000 printed",
        "paragraph_gap": False,
        "title": "a07: two-line title over columns 1-3, byline below; a08: two-line "
        "title inside column 4",
        "headings": "a07 microhei 11pt centred; a08 10.5pt fake bold left",
        "articles": 2,
        "arrangement": "side by side (3 + 1 columns)",
        "continued": "a07 breaks mid-paragraph at the foot of column 3 with （下转A6版）",
        "boxes": "photo over columns 2-3 with ▲ caption; broker ad under a07",
    }
    # ---------------- p06
    pg6 = Page("p06", 297, 420)
    top6 = header_a(pg6, *PAPER_J, "2025年11月11日 星期二", "A6 要闻")
    bl6 = footer(pg6, "编辑 宋嘉木 美编 何悦 校对 秦远", align="right")
    cols6 = columns(15 * MM, [44, 56, 56, 46, 46], 5)
    w13 = cols6[2][0] + cols6[2][1] - cols6[0][0]
    y = title_block(
        pg6,
        "a07",
        cols6[0][0],
        top6 + 3 * MM,
        w13,
        [a["jump_title"]],
        "hei",
        17,
        align="left",
        render=2,
    )
    marker(pg6, "a07", cols6[0][0], y + 10, w13, "（上接A5版）", align="left")
    tt6 = y + 16

    def fr6(h):
        return [Frame(cols6[i][0], tt6, cols6[i][1], tt6 + h) for i in range(3)]

    lo, hi = 30, 900
    while lo < hi:
        mid = (lo + hi) // 2
        if copy.deepcopy(flow7).run(fr6(mid), "p06"):
            hi = mid
        else:
            lo = mid + 1
    frs6 = fr6(lo)
    assert flow7.run(frs6, "p06")
    flow7.emit(pg6, pid="p06")
    xr = cols6[3][0]
    wr = cols6[4][0] + cols6[4][1] - xr
    chart_box(pg6, "a07", xr, top6 + 3 * MM, wr, 82 * MM, a["chart"])
    yt = tt6 + lo + 6 * MM
    L(pg6.group("rule"), cols6[0][0], yt - 3 * MM, cols6[0][0] + w13, yt - 3 * MM, lw=0.8)
    yt = table_box(
        pg6,
        cols6[0][0],
        yt,
        w13,
        "部分省份新增专项债券发行进度（截至10月末）",
        ["地区", "已发行（亿元）", "占全年额度", "用作资本金（亿元）"],
        [
            ["广东", "3286", "92.4%", "241"],
            ["山东", "2915", "90.1%", "198"],
            ["浙江", "2478", "89.6%", "176"],
            ["江苏", "2312", "87.3%", "165"],
            ["四川", "1734", "85.2%", "127"],
            ["安徽", "1265", "88.8%", "96"],
            ["河南", "1598", "86.0%", "112"],
            ["湖北", "1420", "87.9%", "103"],
        ],
        [0.22, 0.26, 0.24, 0.28],
        size=9,
        gname="table",
    )
    ya = max(yt, top6 + 88 * MM) + 6 * MM
    ad_box(
        pg6,
        cols6[0][0],
        ya,
        cols6[4][0] + cols6[4][1] - cols6[0][0],
        bl6 - ya - 2 * MM,
        [
            ("江南金融报 2026年度订阅", "zen", 22),
            ("全年订价 360元 · 各地邮局均可订阅", "hei", 13),
            ("订阅热线 0571-8000-0000", "hei", 10),
        ],
        gname="ad",
    )
    footer_last(pg6)
    layout6 = {
        "page_mm": [297, 420],
        "cols": 5,
        "col_widths_mm": [44, 56, 56, 46, 46],
        "order": "reading",
        "body_pt": 9.5,
        "leading": 1.5,
        "indent": "two U+3000 printed (the carried-over paragraph has none)",
        "title": "jump head (short title) with （上接A5版） under it",
        "continued": "first paragraph is the tail of a paragraph begun on A5",
        "boxes": "bar chart over columns 4-5 (图表, unit, axis numbers, 资料来源); "
        "province table (furniture) under the text; subscription ad across the page",
        "articles": 1,
    }
    return [
        (pg, {"a07": flow7, "a08": f8}, ["a07", "a08"], layout5, ["宋嘉木", "何悦", "秦远"]),
        (pg6, {"a07": flow7}, ["a07"], layout6, ["宋嘉木", "何悦", "秦远"]),
    ]


def p07():
    """280x400, 4 columns of different widths, title over all columns with a deck, photo over
    columns 2-3, no indent and a paragraph gap; every character is its own text object."""
    pg = Page("p07", 280, 400, order="chars")
    top = header_c(pg, *PAPER_E, "2025年11月20日 星期四", "A8 区域金融", margin=15 * MM)
    bottom_limit = footer(pg, "编辑 梁溪 美编 白露 校对 章晓晖", margin=15 * MM, align="center")
    a = ARTICLES["a09"]
    cols = columns(15 * MM, [70, 54, 54, 57], 5)
    xl, xr = cols[0][0], cols[3][0] + cols[3][1]
    y = title_block(pg, "a09", xl, top + 5 * MM, xr - xl, a["title"], "zen", 24, render=2)
    y = sub_line(pg, "a09", xl, y + 2, xr - xl, a["deck"], "song", 12.5, "center", "below")
    L(pg.group("rule"), xl, y + 3 * MM, xr, y + 3 * MM, lw=0.5)
    tt = y + 6 * MM
    ph_h = 62 * MM
    ph_x, ph_w = cols[1][0], cols[2][0] + cols[2][1] - cols[1][0]
    cap_b = photo_box(pg, "a09", ph_x, tt, ph_w, ph_h, a["photo"], cap_size=8.5)
    st = Style(
        font="song",
        size=9.5,
        lead=1.5,
        indent="none",
        gap=0.5,
        head_font="zen",
        head_size=10.5,
        head_render=2,
        head_align="left",
        by_font="hei",
        by_size=9,
    )
    els = article_elems(a, with_byline=True)

    def frames(h):
        return (
            [Frame(cols[0][0], tt, cols[0][1], tt + h)]
            + [Frame(cols[i][0], cap_b + 4 * MM, cols[i][1], tt + h) for i in (1, 2)]
            + [Frame(cols[3][0], tt, cols[3][1], tt + h)]
        )

    flow, _frs, h = balance("a09", els, st, frames, int(cap_b - tt + 12 * MM), 1000, "p07")
    gs = flow.emit(pg)
    move_before(pg, ["a09:photo"], gs[1])
    ya = tt + h + 6 * MM
    L(pg.group("rule2"), xl, ya - 3 * MM, xr, ya - 3 * MM, lw=1.0)
    w2 = cols[1][0] + cols[1][1] - xl
    yt = (
        table_box(
            pg,
            xl,
            ya,
            w2,
            "人民币对东盟部分货币汇率（11月19日）",
            ["货币对", "收盘", "涨跌幅"],
            [
                ["人民币/越南盾", "3698.50", "+0.12%"],
                ["人民币/泰铢", "4.5632", "-0.08%"],
                ["人民币/印尼盾", "2347.10", "+0.05%"],
                ["人民币/林吉特", "0.5831", "+0.21%"],
                ["人民币/菲律宾比索", "8.2715", "-0.15%"],
                ["人民币/新加坡元", "0.1829", "+0.03%"],
            ],
            [0.46, 0.3, 0.24],
            size=8.5,
            gname="table",
        )
        + 6 * MM
    )
    ad_box(
        pg,
        xl,
        yt,
        w2,
        bottom_limit - yt - 2 * MM,
        [("东方资本报", "song", 22), ("区域金融 每周四见报", "hei", 12)],
        gname="ad2",
    )
    ad_box(
        pg,
        cols[2][0],
        ya,
        xr - cols[2][0],
        bottom_limit - ya - 2 * MM,
        [
            ("桂海银行", "zen", 22),
            ("跨境人民币“快汇”", "zen", 16),
            ("东盟十国 一站直达", "hei", 12),
            ("服务热线 0771-000-0000", "hei", 9),
        ],
    )
    footer_last(pg)
    layout = {
        "page_mm": [280, 400],
        "cols": 4,
        "col_widths_mm": [70, 54, 54, 57],
        "order": "chars",
        "chars": "every character is its own BT…ET text object with an "
        "absolute position, written in reading order; spaces are not written",
        "body_pt": 9.5,
        "leading": 1.5,
        "indent": "none",
        "paragraph_gap": "0.5 line",
        "title": "one line over all columns, deck below",
        "bylines": "first line of column 1",
        "headings": "zenhei 10.5pt fake bold, left",
        "boxes": "photo over columns 2-3 with ▲ caption (text of columns 2-3 below it); "
        "exchange-rate table (furniture) and bank ad below",
        "articles": 1,
    }
    return pg, {"a09": flow}, ["a09"], layout, ["梁溪", "白露", "章晓晖"]


def p08():
    """Small tabloid 250x350, 3 columns (first wider), kicker above a one-line title, chart at
    the top of column 3, 9pt body with tight leading, offset indent."""
    pg = Page("p08", 250, 350)
    top = header_b(pg, *PAPER_N, "2025年11月5日 星期三", "B3 上市公司", margin=13 * MM)
    bottom_limit = footer(pg, "编辑 郑可 美编 苗苗 校对 季澜", margin=13 * MM)
    a = ARTICLES["a10"]
    cols = columns(13 * MM, [80, 66, 66], 6)
    xl, xr = cols[0][0], cols[2][0] + cols[2][1]
    y = sub_line(pg, "a10", xl, top + 3 * MM, xr - xl, a["kicker"], "song", 12, "left", "above")
    y = title_block(pg, "a10", xl, y, xr - xl, a["title"], "hei", 21, align="left", render=2)
    y = byline_line(pg, "a10", xl, y + 2, xr - xl, a["byline"], "song", 9.5, "left")
    tt = y + 4 * MM
    ch_h = 56 * MM
    st = Style(
        font="song",
        size=9,
        lead=1.35,
        indent="offset",
        head_font="hei",
        head_size=10,
        head_render=2,
        head_align="center",
        head_before=0.8,
    )
    els = article_elems(a)

    def frames(h):
        return [
            Frame(cols[0][0], tt, cols[0][1], tt + h),
            Frame(cols[1][0], tt, cols[1][1], tt + h),
            Frame(cols[2][0], tt + ch_h + 5 * MM, cols[2][1], tt + h),
        ]

    first = int(ch_h + 5 * MM + 2 * st.leading)
    flow, _frs, h = balance("a10", els, st, frames, first, 1000, "p08")
    gs = flow.emit(pg)
    chart_box(pg, "a10", cols[2][0], tt, cols[2][1], ch_h, a["chart"])
    move_before(pg, ["a10:chart"], gs[2])
    ya = tt + h + 6 * MM
    L(pg.group("rule"), xl, ya - 3 * MM, xr, ya - 3 * MM, lw=1.0)
    ya = (
        table_box(
            pg,
            xl,
            ya,
            cols[1][0] + cols[1][1] - xl,
            "港股新能源板块部分个股表现（11月4日）",
            ["证券简称", "代码", "收盘（港元）", "涨跌幅", "年内涨跌"],
            [
                ["锐驰动力", "02638", "36.75", "+2.37%", "+62.0%"],
                ["澜湾新能源", "01965", "12.08", "-0.82%", "+18.4%"],
                ["宏屿锂电", "03317", "8.44", "+1.56%", "-6.9%"],
                ["星耀储能", "09828", "21.60", "+4.05%", "+45.2%"],
                ["恒昌电驱", "02791", "5.93", "-1.17%", "+3.1%"],
            ],
            [0.3, 0.15, 0.2, 0.17, 0.18],
            size=8.5,
            gname="table",
        )
        + 6 * MM
    )
    ad_box(
        pg,
        xl,
        ya,
        xr - xl,
        bottom_limit - ya - 2 * MM,
        [
            ("锐驰动力", "zen", 24),
            ("储能 · 动力 · 全球交付", "hei", 13),
            ("RUICHI POWER", LATIN, 9),
        ],
    )
    footer_last(pg)
    layout = {
        "page_mm": [250, 350],
        "cols": 3,
        "col_widths_mm": [80, 66, 66],
        "order": "reading",
        "body_pt": 9,
        "leading": 1.35,
        "indent": "2em offset",
        "paragraph_gap": False,
        "title": "kicker above a one-line title, byline below",
        "headings": "microhei 10pt fake bold, centred",
        "boxes": "bar chart at the top of column 3 (图表, unit, axis, 资料来源), column 3 "
        "text below it; stock table (furniture) and ad",
        "articles": 1,
    }
    return pg, {"a10": flow}, ["a10"], layout, ["郑可", "苗苗", "季澜"]


# ------------------------------------------------------------------------------ extraction


def extract(pdf: Path, outdir: Path):
    subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), str(outdir / "pdftotext.txt")], check=True
    )
    subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), str(outdir / "pdftotext_raw.txt")],
        check=True,
    )
    import pypdfium2 as pdfium
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    (outdir / "pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
    (outdir / "pypdf.txt").write_text(PdfReader(str(pdf)).pages[0].extract_text(), encoding="utf-8")
    doc = pdfium.PdfDocument(str(pdf))
    tp = doc[0].get_textpage()
    (outdir / "pypdfium2.txt").write_text(tp.get_text_range(), encoding="utf-8")
    tp.close()
    doc.close()


# ------------------------------------------------------------------------------ checks


def nows(s):
    return re.sub(r"\s+", "", s or "")


def check_page(pid, gold, page: Page, outdir: Path):
    problems = []
    # every printed character belongs to some gold string
    printed = "".join(it[3] for g in page.groups for it in g["items"] if it[0] == "text")
    gold_txt = ""
    for art in gold["articles"]:
        gold_txt += "".join(x for x in (art["title"], art["subtitle"], art["byline"]) if x)
        gold_txt += "".join(art["headings"]) + "".join(p["text"] for p in art["paragraphs"])
        gold_txt += "".join(art["captions"])
    gold_txt += "".join(gold["furniture"])
    if Counter(nows(printed)) != Counter(nows(gold_txt)):
        d1 = Counter(nows(printed)) - Counter(nows(gold_txt))
        d2 = Counter(nows(gold_txt)) - Counter(nows(printed))
        problems.append(f"printed vs gold chars: +{dict(d1)} -{dict(d2)}")
    ptt = nows((outdir / "pdftotext.txt").read_text(encoding="utf-8"))
    if Counter(ptt) != Counter(nows(printed)):
        d1 = Counter(ptt) - Counter(nows(printed))
        d2 = Counter(nows(printed)) - Counter(ptt)
        problems.append(f"pdftotext vs printed: +{dict(d1)} -{dict(d2)}")
    for art in gold["articles"]:
        a = ARTICLES[art["id"]]
        full = "".join(x for x in (art["title"], art["subtitle"], art["byline"]) if x)
        full += "".join(art["headings"]) + "".join(p["text"] for p in art["paragraphs"])
        full += "".join(art["captions"])
        for t, vs in art["entities"].items():
            for v in vs:
                if v not in full and "".join(a.get("joined", {}).get(v, ["-"])) not in full:
                    problems.append(f"{art['id']} entity {t} {v} not in text")
        for t, vs in a["entities"].items():
            for v in vs:
                if v not in full and art["id"] not in ("a07",) and v not in a.get("joined", {}):
                    problems.append(f"{art['id']} entity {t} {v} never printed")
        for f in art["figures"]:
            if f["surface"] not in full:
                problems.append(f"{art['id']} figure {f['surface']} not in text")
        # figures per appearance: count of surface ≤ occurrences
        for s, n in Counter(f["surface"] for f in art["figures"]).items():
            if full.count(s) < n:
                problems.append(f"{art['id']} figure {s} listed {n}x, printed {full.count(s)}x")
        # reading order: the paragraphs are consecutive pieces of the body in order
        body = "".join(
            unmark(line)[0] for line in a["body"].split("\n") if not line.startswith("## ")
        )
        joined = "".join(p["text"] for p in art["paragraphs"])
        if joined not in body:
            problems.append(f"{art['id']} paragraphs are not the body in reading order")
        for p in art["paragraphs"]:
            if p["section_heading"] and p["section_heading"] not in art["headings"]:
                problems.append(f"{art['id']} section heading not printed")
    return problems


# ------------------------------------------------------------------------------ main


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--png", action="store_true")
    ap.add_argument("--out", default=str(HERE))
    args = ap.parse_args()
    out = Path(args.out)
    pages = [p01(), p02(), p03(), p04(), *p05_p06(), p07(), p08()]
    allprob = []
    for pg, flows, aids, layout, editors in pages:
        d = out / pg.pid
        d.mkdir(parents=True, exist_ok=True)
        write_pdf(pg, d / "page.pdf", seed=3)
        gold = page_gold(pg, flows, aids, layout)
        add_editor_optionals(gold, editors)
        (d / "clean.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        extract(d / "page.pdf", d)
        probs = check_page(pg.pid, gold, pg, d)
        for p in probs:
            print(f"{pg.pid}: {p}")
        allprob += probs
        if args.png:
            import pypdfium2 as pdfium

            Path("/tmp/pages3png").mkdir(exist_ok=True)
            doc = pdfium.PdfDocument(str(d / "page.pdf"))
            doc[0].render(scale=1.3).to_pil().save(f"/tmp/pages3png/{pg.pid}.png")
            doc.close()
        n_par = sum(len(a["paragraphs"]) for a in gold["articles"])
        print(
            f"{pg.pid}: {len(gold['articles'])} article(s), {n_par} paragraphs, "
            f"{sum(len(a['figures']) for a in gold['articles'])} figures, "
            f"{(d / 'page.pdf').stat().st_size // 1024} KB"
        )
    print("problems:", len(allprob))
    return 1 if allprob else 0


if __name__ == "__main__":
    sys.exit(main())
