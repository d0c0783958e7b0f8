#!/usr/bin/env python3
"""Typeset the pages6 held-out set: six newspaper pages, their gold and five extractor texts.

    /work/venv/bin/python tests/pages6/make_pages6.py [--out DIR] [--png DIR]

Two writers, neither of them reportlab:
- fpdf2 (p01, p03, p05): every printed line is one ``FPDF.text`` call, i.e. its own
  ``BT … Td … Tj ET``; justified lines by character spacing, which fpdf2 writes as a separate
  ``BT x Tc ET`` before the line;
- a small PDF writer of our own (p02, p04, p06): Type0/CIDFontType2 fonts subset with fontTools,
  Identity-H, a ToUnicode CMap; three ways of writing text: ``tj`` (one text object per line,
  justified by numbers inside a ``TJ`` array, p02), ``chars`` (one text object per character
  at an absolute ``Tm``, p04) and ``tc`` (one text object per line with ``Tc``, p06, whose
  frames are written in shuffled order).
Layout (line breaking with kinsoku, flowing over columns, balancing, headings, photos, charts,
tables, ads) is computed first and is the same for both writers; the gold is made from the
articles and the layout's own line records, never from extractor output.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import io
import itertools
import json
import logging
import random
import re
import subprocess
import sys
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from articles6 import ARTICLES
from fontTools import subset as ftsubset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
MM = 72 / 25.4  # points per millimetre
PT = 25.4 / 72  # millimetres per point
FIXED_DATE = datetime.datetime(2027, 4, 18, 9, 0, 0, tzinfo=datetime.UTC)

FONT_FILES = {
    "ming": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "zen": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    "micro": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "serifb": ("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 0),
    "sansb": ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 0),
}

BLACK = (0.0, 0.0, 0.0)
WHITE = (1.0, 1.0, 1.0)
RED = (0.72, 0.07, 0.09)
GREY = (0.33, 0.33, 0.33)
MID = (0.55, 0.55, 0.55)
LIGHT = (0.86, 0.86, 0.86)
PALE = (0.95, 0.93, 0.88)
BLUE = (0.12, 0.27, 0.52)
GREEN = (0.16, 0.42, 0.25)

NO_START = set("，。、；：？！”’）》】」』〕〗%…—·,.;:?!)]}")
NO_END = set("“‘（《【「『〔〖([{")
ENT_TYPES = ("PERSON", "ORG", "PLACE", "TICKER")
MARK = re.compile(r"\{([^{}]*)\}")
WS = re.compile(r"\s+")

logging.getLogger("fontTools").setLevel(logging.ERROR)


def nows(s: str) -> str:
    return WS.sub("", s)


def plain(s: str | None) -> str | None:
    return None if s is None else MARK.sub(r"\1", s)


def marked_figures(s: str | None) -> list[str]:
    return [] if s is None else MARK.findall(s)


# ----------------------------------------------------------------------------- font metrics


class Metrics:
    _cache: ClassVar[dict[str, Metrics]] = {}

    def __init__(self, key: str):
        path, index = FONT_FILES[key]
        tt = TTFont(path, fontNumber=index, lazy=True)
        self.cmap = tt.getBestCmap()
        self.hmtx = tt["hmtx"]
        self.upem = tt["head"].unitsPerEm

    @classmethod
    def of(cls, key: str) -> Metrics:
        if key not in cls._cache:
            cls._cache[key] = cls(key)
        return cls._cache[key]

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def adv(self, ch: str) -> float:
        """Advance of a character in em."""
        return self.hmtx[self.cmap[ord(ch)]][0] / self.upem


def tw(font: str, size: float, s: str) -> float:
    """Natural width of a string in mm."""
    m = Metrics.of(font)
    return sum(m.adv(c) for c in s) * size * PT


# ----------------------------------------------------------------------------- drawing ops


@dataclass
class Text:
    font: str
    size: float
    x: float  # mm from the left
    y: float  # baseline, mm from the top
    text: str
    gap: float = 0.0  # extra space in pt after every glyph but the last (justification)
    color: tuple = BLACK
    bold: bool = False
    role: str = "furn"  # title, subtitle, byline, heading, body, caption, furn
    art: str | None = None


@dataclass
class Shape:
    kind: str  # rect (x, y, w, h) | line (x1, y1, x2, y2) | poly ((x, y), ...)
    pts: tuple
    stroke: tuple | None = BLACK
    fill: tuple | None = None
    lw: float = 0.25  # mm


@dataclass
class Frame:
    name: str
    ops: list = field(default_factory=list)


def put(ops, font, size, x, y, s, align="left", width=0.0, **kw) -> Text:
    w = tw(font, size, s)
    if align == "center":
        x = x + (width - w) / 2
    elif align == "right":
        x = x + width - w
    t = Text(font, size, x, y, s, **kw)
    ops.append(t)
    return t


def rect(ops, x, y, w, h, stroke=BLACK, fill=None, lw=0.25):
    ops.append(Shape("rect", (x, y, w, h), stroke, fill, lw))


def hline(ops, x1, x2, y, lw=0.25, color=BLACK):
    ops.append(Shape("line", (x1, y, x2, y), color, None, lw))


def vline(ops, x, y1, y2, lw=0.25, color=BLACK):
    ops.append(Shape("line", (x, y1, x, y2), color, None, lw))


# ----------------------------------------------------------------------------- line breaking


def tokenize(s: str) -> list[str]:
    """Single characters, except unbreakable ASCII runs and the pairs —— and ……."""
    toks, i = [], 0
    while i < len(s):
        c = s[i]
        if c.isascii() and c != " ":
            j = i
            while j < len(s) and s[j].isascii() and s[j] != " ":
                j += 1
            toks.append(s[i:j])
            i = j
        elif s[i : i + 2] in ("——", "……"):
            toks.append(s[i : i + 2])
            i += 2
        else:
            toks.append(c)
            i += 1
    return toks


def take_line(toks, start, avail, font, size) -> int:
    """End (exclusive) of the line starting at token `start` within `avail` mm."""
    w, j = 0.0, start
    while j < len(toks):
        t = tw(font, size, toks[j])
        if w + t > avail + 1e-6 and j > start:
            break
        w += t
        j += 1
    if j == len(toks):
        return j
    k = j  # push down until the next line does not start with a closing mark
    while k > start + 1 and (toks[k][0] in NO_START or toks[k - 1][-1] in NO_END):
        k -= 1
    return k


def wrap(font, size, s, width) -> list[str]:
    toks = tokenize(s)
    lines, i = [], 0
    while i < len(toks):
        j = take_line(toks, i, width, font, size)
        lines.append("".join(toks[i:j]))
        i = j
    return lines


# ----------------------------------------------------------------------------- flowing text


@dataclass
class Style:
    font: str
    size: float
    lead: float
    indent: str  # u3000 (printed), offset (2 em, nothing printed), none
    justify: bool
    gap: float = 0.0  # paragraph gap in lines
    hfont: str = "zen"
    hsize: float = 10.0
    hbold: bool = False
    halign: str = "left"
    hbox: bool = False
    hcolor: tuple = BLACK
    hbefore: float = 2.0  # mm
    hafter: float = 1.2  # mm
    color: tuple = BLACK


@dataclass
class Item:
    kind: str  # p, h, b (byline printed at the end)
    text: str
    figs: list = field(default_factory=list)  # (start, end, surface) in text
    toks: list = field(default_factory=list)
    offs: list = field(default_factory=list)


def prepare(art: dict, end_byline: bool = False) -> list[Item]:
    items = []
    for kind, raw in art["body"]:
        if kind == "h":
            items.append(Item("h", raw))
            continue
        text, figs, pos = "", [], 0
        for m in MARK.finditer(raw):
            text += raw[pos : m.start()]
            figs.append((len(text), len(text) + len(m.group(1)), m.group(1)))
            text += m.group(1)
            pos = m.end()
        text += raw[pos:]
        toks = tokenize(text)
        offs = [0]
        for t in toks:
            offs.append(offs[-1] + len(t))
        items.append(Item("p", text, figs, toks, offs))
    if end_byline:
        items.append(Item("b", art["byline"]))
    return items


@dataclass
class FlowResult:
    ops: list  # one list of ops per frame
    records: list  # (item, c0, c1, heading) per body line
    headings: list  # headings printed, in order
    done: bool
    stop: tuple  # (item, token) where the flow stopped
    ends: list  # y below the last line of each frame (None if empty)
    loose: int  # justified lines with more than 0.25 em extra per glyph


class Flow:
    def __init__(self, items: list[Item], style: Style, art: str, start=(0, 0)):
        self.items, self.st, self.art, self.start = items, style, art, start

    def run(self, frames) -> FlowResult:
        st = self.st
        s_mm = st.size * PT
        lead = s_mm * st.lead
        out = [[] for _ in frames]
        ends = [None for _ in frames]
        records, heads = [], []
        i, t = self.start
        fi = 0
        y = frames[0][1]
        at_top, after_head, loose, heading = True, False, 0, None

        def advance():
            nonlocal fi, y, at_top
            fi += 1
            if fi < len(frames):
                y = frames[fi][1]
            at_top = True

        while i < len(self.items) and fi < len(frames):
            x, _top, w, bottom = frames[fi]
            it = self.items[i]
            if it.kind == "h":
                pad = 1.2 if st.hbox else 0.0
                hl = wrap(st.hfont, st.hsize, it.text, w - 2 * pad - 0.5)
                hs = st.hsize * PT
                hh = len(hl) * hs * 1.38 + 2 * pad
                before = 0.0 if at_top else st.hbefore
                if y + before + hh + st.hafter + s_mm > bottom + 1e-6:
                    advance()
                    continue
                y += before
                if st.hbox:
                    out[fi].append(Shape("rect", (x, y, w, hh), st.hcolor, None, 0.3))
                yy = y + pad
                for line in hl:
                    yy += hs * 1.38
                    out[fi].append(
                        self._text(
                            st.hfont,
                            st.hsize,
                            x + pad,
                            yy - hs * 0.3,
                            line,
                            w - 2 * pad,
                            st.halign,
                            "heading",
                            st.hbold,
                            st.hcolor,
                        )
                    )
                y += hh + st.hafter
                ends[fi] = y
                heads.append(it.text)
                heading = it.text
                at_top, after_head = False, True
                i += 1
                continue
            if it.kind == "b":
                if y + s_mm > bottom + 1e-6:
                    advance()
                    continue
                out[fi].append(
                    self._text(
                        st.font,
                        st.size,
                        x,
                        y + s_mm * 0.88,
                        it.text,
                        w,
                        "right",
                        "byline",
                        False,
                        st.color,
                    )
                )
                y += lead
                ends[fi] = y
                i += 1
                continue
            if t == 0 and not at_top and not after_head and st.gap:
                if y + st.gap * lead + s_mm > bottom + 1e-6:
                    advance()
                    continue
                y += st.gap * lead
            if y + s_mm > bottom + 1e-6:
                advance()
                continue
            first = t == 0
            ind = 2 * s_mm if first and st.indent in ("u3000", "offset") else 0.0
            j = take_line(it.toks, t, w - ind, st.font, st.size)
            body = "".join(it.toks[t:j])
            last = j == len(it.toks)
            if first and st.indent == "u3000":
                s, xx = "\u3000\u3000" + body, x
            else:
                s, xx = body, x + ind
            gap = 0.0
            if st.justify and not last and len(s) > 1:
                spare = (x + w) - xx - tw(st.font, st.size, s)
                gap = spare / (len(s) - 1) * MM
                if gap > 0.25 * st.size:
                    loose += 1
            out[fi].append(
                Text(
                    st.font,
                    st.size,
                    xx,
                    y + s_mm * 0.88,
                    s,
                    gap,
                    st.color,
                    role="body",
                    art=self.art,
                )
            )
            records.append((i, it.offs[t], it.offs[j], heading))
            y += lead
            ends[fi] = y
            at_top, after_head = False, False
            t = j
            if last:
                i, t = i + 1, 0
        done = i >= len(self.items)
        return FlowResult(out, records, heads, done, (i, t), ends, loose)

    def _text(self, font, size, x, y, s, width, align, role, bold, color):
        w = tw(font, size, s)
        if align == "center":
            x += (width - w) / 2
        elif align == "right":
            x += width - w
        return Text(font, size, x, y, s, 0.0, color, bold, role, self.art)


def balance(flow: Flow, frames_for, lo: float, hi: float):
    """Smallest common bottom (mm) at which the whole flow fits the frames."""
    res = flow.run(frames_for(hi))
    if not res.done:
        raise SystemExit(f"{flow.art}: does not fit in bottom {hi}")
    for _ in range(32):
        mid = (lo + hi) / 2
        if flow.run(frames_for(mid)).done:
            hi = mid
        else:
            lo = mid
    return hi, flow.run(frames_for(hi))


# ----------------------------------------------------------------------------- page parts


@dataclass
class Part:
    art: dict
    title: list  # printed title lines, marked
    subtitle: str | None = None  # marked
    subtitle_position: str | None = None
    byline: str | None = None
    items: list = field(default_factory=list)
    results: list = field(default_factory=list)
    captions: list = field(default_factory=list)
    caption_figures: list = field(default_factory=list)


class Page:
    def __init__(self, name, w, h, writer, mode=None):
        self.name, self.w, self.h, self.writer, self.mode = name, w, h, writer, mode
        self.frames: list[Frame] = []
        self.parts: list[Part] = []
        self.layout: dict = {}
        self.stream_order: list[int] | None = None
        self.order = "reading"

    def frame(self, name) -> list:
        f = Frame(name)
        self.frames.append(f)
        return f.ops

    def place(self, name, op_lists, labels):
        for ops, label in zip(op_lists, labels, strict=True):
            f = self.frame(f"{name} {label}")
            f.extend(ops)


# ----------------------------------------------------------------------------- furniture


def header_luting(pg: Page, code, section, issue):
    ops = pg.frame("header")
    m = 12
    put(ops, "zen", 22, m, 17, "鹭汀金融时报", color=RED)
    put(ops, "serifb", 6.5, m, 22.3, "LUTING FINANCIAL TIMES", color=RED)
    put(ops, "ming", 8.5, 0, 15.5, "2027年4月19日 星期一", "center", pg.w)
    put(ops, "ming", 8.5, 0, 20.5, issue, "center", pg.w)
    t = put(ops, "sansb", 20, m, 19.5, code, "right", pg.w - 2 * m)
    put(ops, "zen", 10, t.x - 30, 19, section, "right", 28)
    hline(ops, m, pg.w - m, 25, 0.8)
    hline(ops, m, pg.w - m, 26.1, 0.2)


def footer_luting(pg: Page, y):
    ops = pg.frame("footer")
    m = 12
    hline(ops, m, pg.w - m, y, 0.3)
    put(ops, "ming", 7.5, m, y + 4.5, "编辑 韦书棠 美编 祁澄 校对 黎安")
    put(ops, "ming", 7.5, m, y + 4.5, "新闻热线：0591-86217735", "right", pg.w - 2 * m)


def header_wangshu(pg: Page, code, section):
    ops = pg.frame("header")
    m = 12
    rect(ops, m, 9, 17, 11, None, BLACK)
    put(ops, "sansb", 16, m, 18.3, code, "center", 17, color=WHITE)
    put(ops, "zen", 12, m + 20, 18, section)
    put(ops, "zen", 16, m, 16.5, "望舒证券报", "right", pg.w - 2 * m, color=BLUE)
    put(ops, "sansb", 6, m, 21, "WANGSHU SECURITIES NEWS", "right", pg.w - 2 * m, color=BLUE)
    hline(ops, m, pg.w - m, 23, 0.3, BLUE)
    hline(ops, m, pg.w - m, 23.8, 0.3, BLUE)


def footer_wangshu(pg: Page, y):
    ops = pg.frame("footer")
    m = 12
    hline(ops, m, pg.w - m, y, 0.3, BLUE)
    put(ops, "ming", 7.5, m, y + 4.5, "2027年4月29日 星期四")
    put(
        ops,
        "ming",
        7.5,
        m,
        y + 4.5,
        "责任编辑：邬亦凡 美编：庄小满 校对：岑舟",
        "right",
        pg.w - 2 * m,
    )


def header_yanxi(pg: Page, code, section, left=True):
    ops = pg.frame("header")
    m = 10
    if left:
        put(ops, "sansb", 22, m, 19, code, color=GREEN)
        put(ops, "zen", 11, m + 14, 18.5, section)
        put(ops, "zen", 13, m, 15, "砚溪财经周刊", "right", pg.w - 2 * m, color=GREEN)
        put(ops, "serifb", 6, m, 20, "YANXI BUSINESS WEEKLY", "right", pg.w - 2 * m, color=GREEN)
        put(ops, "ming", 8, 0, 14, "2027年4月23日 星期五", "center", pg.w)
        put(ops, "ming", 8, 0, 19.5, "总第812期", "center", pg.w)
    else:
        put(ops, "zen", 13, m, 15, "砚溪财经周刊", color=GREEN)
        put(ops, "serifb", 6, m, 20, "YANXI BUSINESS WEEKLY", color=GREEN)
        put(ops, "ming", 8, 0, 14, "2027年4月23日 星期五", "center", pg.w)
        put(ops, "ming", 8, 0, 19.5, "总第812期", "center", pg.w)
        t = put(ops, "sansb", 22, m, 19, code, "right", pg.w - 2 * m, color=GREEN)
        put(ops, "zen", 11, t.x - 32, 18.5, section, "right", 30)
    hline(ops, m, pg.w - m, 23, 1.0, GREEN)


def footer_yanxi(pg: Page, y):
    ops = pg.frame("footer")
    m = 10
    hline(ops, m, pg.w - m, y, 0.3, GREEN)
    put(ops, "ming", 7.5, 0, y + 4.5, "本版编辑 邵未央 美术编辑 伍一禾 校对 裴澄", "center", pg.w)


def table(ops, x, y, w, tab, widths, sizes=(8.0, 7.0)) -> float:
    """Draw a ruled table; returns its bottom."""
    ts, cs = sizes
    put(ops, "zen", ts, x, y + ts * PT, tab["title"])
    y += ts * PT + 1.5
    hline(ops, x, x + w, y, 0.5)
    row_h = cs * PT * 1.7
    xs = [x]
    for f in widths[:-1]:
        xs.append(xs[-1] + f * w)
    ws = [f * w for f in widths]
    for r, row in enumerate([tab["head"], *tab["rows"]]):
        base = y + row_h * (r + 1) - row_h * 0.3
        for c, cell in enumerate(row):
            font = "zen" if r == 0 else "ming"
            if c == 0:
                put(ops, font, cs, xs[c] + 0.5, base, cell)
            else:
                put(ops, font, cs, xs[c], base, cell, "right", ws[c] - 0.5)
        if r == 0:
            hline(ops, x, x + w, y + row_h * (r + 1), 0.25)
    y += row_h * (len(tab["rows"]) + 1) + 0.8
    hline(ops, x, x + w, y, 0.5)
    if tab.get("note"):
        y += cs * PT * 1.5
        put(ops, "ming", cs - 1, x, y, tab["note"], color=GREY)
    return y + 1


def ad(ops, x, y, w, h, lines, fill=PALE, stroke=GREY):
    """A boxed ad; lines are (font, size, text, color, gap_before_mm)."""
    rect(ops, x, y, w, h, stroke, fill, 0.4)
    total = sum(s * PT * 1.25 + g for _f, s, _t, _c, g in lines)
    yy = y + (h - total) / 2
    for font, size, text, color, g in lines:
        yy += g + size * PT * 1.25
        put(ops, font, size, x, yy - size * PT * 0.3, text, "center", w, color=color)


def bar_chart(ops, x, y, w, h, ch, art) -> list[str]:
    rect(ops, x, y, w, h, GREY, None, 0.3)
    put(ops, "zen", 8.5, x + 2.5, y + 5.5, ch["title"], role="caption", art=art)
    put(ops, "ming", 6.5, x + 2.5, y + 10, ch["unit"], color=GREY)
    px, py0, py1 = x + 13, y + 14, y + h - 13
    pw, ph = w - 17, py1 - py0
    top = ch["axis"][-1]
    for a in ch["axis"]:
        yy = py1 - a / top * ph
        hline(ops, px, px + pw, yy, 0.15 if a else 0.35, MID if a else BLACK)
        put(ops, "ming", 6.5, x, yy + 0.8, str(a), "right", px - x - 1.2, color=GREY)
    slot = pw / len(ch["values"])
    for k, (lab, v) in enumerate(zip(ch["labels"], ch["values"], strict=True)):
        bx = px + slot * k + slot * 0.22
        bh = v / top * ph
        rect(ops, bx, py1 - bh, slot * 0.56, bh, None, RED if k == len(ch["values"]) - 1 else MID)
        put(ops, "ming", 6.5, px + slot * k, py1 - bh - 1.0, str(v), "center", slot)
        put(ops, "ming", 6.5, px + slot * k, py1 + 3.4, lab, "center", slot)
    put(ops, "ming", 7, x + 2.5, y + h - 3, ch["source"], color=GREY, role="caption", art=art)
    return [ch["title"], ch["source"]]


def line_chart(ops, x, y, w, h, ch, art) -> list[str]:
    rect(ops, x, y, w, h, GREY, PALE, 0.3)
    put(ops, "zen", 8.5, x + 2.5, y + 5.5, ch["title"], role="caption", art=art)
    put(ops, "ming", 6.5, x + 2.5, y + 10, ch["unit"], color=GREY)
    px, py0, py1 = x + 10, y + 14, y + h - 12
    pw, ph = w - 14, py1 - py0
    lo, hi = ch["axis"][0], ch["axis"][-1]
    for a in ch["axis"]:
        yy = py1 - (a - lo) / (hi - lo) * ph
        hline(ops, px, px + pw, yy, 0.15 if a != lo else 0.35, MID if a != lo else BLACK)
        put(ops, "ming", 6.5, x, yy + 0.8, f"{a:.1f}", "right", px - x - 1.2, color=GREY)
    slot = pw / len(ch["values"])
    pts = []
    for k, v in enumerate(ch["values"]):
        pts.append((px + slot * (k + 0.5), py1 - (v - lo) / (hi - lo) * ph))
    for (x1, y1), (x2, y2) in itertools.pairwise(pts):
        ops.append(Shape("line", (x1, y1, x2, y2), BLUE, None, 0.5))
    for k, ((cx, cy), v, lab) in enumerate(zip(pts, ch["values"], ch["labels"], strict=True)):
        rect(ops, cx - 0.7, cy - 0.7, 1.4, 1.4, None, BLUE)
        put(ops, "ming", 6.5, px + slot * k, cy - 1.6, f"{v:.1f}", "center", slot)
        put(ops, "ming", 6.5, px + slot * k, py1 + 3.4, lab, "center", slot)
    put(ops, "ming", 7, x + 2.5, y + h - 3, ch["source"], color=GREY, role="caption", art=art)
    return [ch["title"], ch["source"]]


def photo(ops, x, y, w, h, seed, kind):
    """A drawn 'photograph': sky, hills or a factory hall, made from rectangles and polygons."""
    rnd = random.Random(seed)
    rect(ops, x, y, w, h, None, (0.80, 0.86, 0.90))
    if kind == "tea":
        for k in range(4):
            base = y + h * (0.35 + 0.16 * k)
            pts = [(x, y + h)]
            steps = 8
            for s in range(steps + 1):
                pts.append((x + w * s / steps, base + rnd.uniform(-2.5, 2.5)))
            pts.append((x + w, y + h))
            g = 0.30 + 0.12 * k
            ops.append(Shape("poly", tuple(pts), None, (0.15, g, 0.18)))
        for _ in range(5):
            px, py = x + rnd.uniform(4, w - 6), y + h * rnd.uniform(0.55, 0.8)
            rect(ops, px, py, 1.6, 3.2, None, (0.55, 0.25, 0.2))
            ops.append(
                Shape(
                    "poly",
                    ((px - 1, py), (px + 0.8, py - 2), (px + 2.6, py)),
                    None,
                    (0.85, 0.75, 0.45),
                )
            )
    else:
        rect(ops, x, y + h * 0.62, w, h * 0.38, None, (0.55, 0.57, 0.6))
        for k in range(7):
            bx = x + 3 + k * (w - 6) / 7
            rect(
                ops,
                bx,
                y + h * 0.3,
                (w - 6) / 7 - 2,
                h * 0.42,
                None,
                (0.2, 0.3 + rnd.uniform(0, 0.1), 0.45),
            )
        for k in range(12):
            ops.append(
                Shape(
                    "line",
                    (x + k * w / 12, y + h * 0.2, x + k * w / 12 + 3, y + h * 0.05),
                    WHITE,
                    None,
                    0.4,
                )
            )
    rect(ops, x, y, w, h, GREY, None, 0.2)


# ----------------------------------------------------------------------------- the pages


def title_lines(ops, art, lines, font, size, x, y0, step, width, align, art_id, color=BLACK):
    for k, line in enumerate(lines):
        put(
            ops,
            font,
            size,
            x,
            y0 + k * step,
            plain(line),
            align,
            width,
            role="title",
            art=art_id,
            color=color,
        )


def p01() -> Page:
    a = ARTICLES["a01"]
    pg = Page("p01", 230, 0, "fpdf")
    header_luting(pg, "A3", "宏观·货币", "第5126期")
    m = 12
    part = Part(a, a["title"], a["kicker"], "above", a["byline"])
    pg.parts.append(part)
    put(
        pg.frame("kicker"),
        "zen",
        11,
        m,
        34,
        plain(a["kicker"]),
        color=RED,
        role="subtitle",
        art="a01",
    )
    title_lines(pg.frame("title"), a, a["title"], "zen", 26, 0, 46, 0, pg.w, "center", "a01")
    put(
        pg.frame("byline"),
        "ming",
        9.5,
        0,
        53.5,
        a["byline"],
        "center",
        pg.w,
        role="byline",
        art="a01",
    )
    hline(pg.frame("rule"), m, pg.w - m, 57, 0.2)
    widths = [52, 44, 44, 52]
    gut = (pg.w - 2 * m - sum(widths)) / 3
    xs = [m]
    for wd in widths[:-1]:
        xs.append(xs[-1] + wd + gut)
    top, chart_h = 61, 60
    style = Style(
        "ming", 10, 1.5, "u3000", True, hfont="zen", hsize=10.5, hbold=True, hbefore=2.4, hafter=1.4
    )
    part.items = prepare(a)
    flow = Flow(part.items, style, "a01")

    def frames(bottom):
        return [
            (xs[0], top, widths[0], bottom),
            (xs[1], top, widths[1], bottom),
            (xs[2], top + chart_h + 4, widths[2], bottom),
            (xs[3], top + chart_h + 4, widths[3], bottom),
        ]

    bottom, res = balance(flow, frames, top + 20, 330)
    part.results.append(res)
    pg.place("a01", res.ops[:2], ["col1", "col2"])
    part.captions = bar_chart(
        pg.frame("chart"), xs[2], top, widths[2] + gut + widths[3], chart_h, a["chart"], "a01"
    )
    pg.place("a01", res.ops[2:], ["col3", "col4"])
    for k in range(3):
        vline(pg.frame(f"gutter{k}"), xs[k + 1] - gut / 2, top, bottom, 0.15, MID)
    y = bottom + 3
    ad(
        pg.frame("ad"),
        m,
        y,
        pg.w - 2 * m,
        20,
        [
            ("zen", 14, "海汀银行 · 小微快贷", RED, 0),
            ("ming", 9, "线上申请 当日审批 随借随还", BLACK, 1.2),
            ("ming", 8, "服务热线 400-820-6617", GREY, 1.0),
        ],
    )
    footer_luting(pg, y + 24)
    pg.h = y + 34
    names = [f.name for f in pg.frames]
    chart = names.index("chart")
    pg.stream_order = [k for k in range(len(names)) if k != chart]
    pg.stream_order.insert(names.index("a01 col4") + 1, chart)
    pg.order = "reading; the chart (at the top of columns 3-4) is written after column 4"
    pg.layout = {
        "cols": [4],
        "col_widths_mm": widths,
        "gutter_mm": round(gut, 2),
        "body": {"a01": "uming 10pt, lead 1.5, printed U+3000 indent, justified (Tc)"},
        "notes": "kicker above the title, byline under it; bar chart boxed over columns 3-4 "
        "at the top, columns 3-4 start under it; bank ad under the columns",
    }
    return pg


def p02() -> Page:
    a, b = ARTICLES["a02"], ARTICLES["a03"]
    pg = Page("p02", 270, 0, "raw", "tj")
    header_luting(pg, "A5", "银行·理财", "第5126期")
    m = 12
    lw, rw = 2 * 62 + 5, 3 * 33 + 2 * 5
    lx, rx = m, pg.w - m - rw
    # a02: two-line title, deck below, byline under the deck
    pa = Part(a, a["title"], a["deck"], "below", a["byline"])
    pg.parts.append(pa)
    title_lines(pg.frame("a02 title"), a, a["title"], "zen", 20, lx, 37, 9, lw, "center", "a02")
    put(
        pg.frame("a02 deck"),
        "ming",
        10,
        lx,
        54,
        plain(a["deck"]),
        "center",
        lw,
        color=GREY,
        role="subtitle",
        art="a02",
    )
    put(
        pg.frame("a02 byline"),
        "ming",
        9,
        lx,
        60.5,
        a["byline"],
        "center",
        lw,
        role="byline",
        art="a02",
    )
    top_a = 66
    sa = Style(
        "micro",
        11,
        1.35,
        "none",
        False,
        gap=0.5,
        hfont="zen",
        hsize=11,
        hbold=True,
        hcolor=BLUE,
        hbefore=2.2,
        hafter=1.0,
    )
    pa.items = prepare(a)
    fa = Flow(pa.items, sa, "a02")

    def frames_a(bottom):
        return [(lx, top_a, 62, bottom), (lx + 67, top_a, 62, bottom)]

    bot_a, ra = balance(fa, frames_a, top_a + 20, 400)
    pa.results.append(ra)
    pg.place("a02", ra.ops, ["col1", "col2"])
    # a03: byline above a one-line title, boxed headings
    pb = Part(b, b["title"], None, None, b["byline"])
    pg.parts.append(pb)
    put(pg.frame("a03 byline"), "ming", 9, rx, 34, b["byline"], role="byline", art="a03")
    title_lines(pg.frame("a03 title"), b, b["title"], "zen", 17, rx, 43, 0, rw, "left", "a03")
    hline(pg.frame("a03 rule"), rx, rx + rw, 46.5, 0.6, RED)
    top_b = 50
    sb = Style(
        "ming",
        8,
        1.8,
        "offset",
        True,
        hfont="zen",
        hsize=9,
        hbox=True,
        halign="center",
        hbefore=2.0,
        hafter=1.6,
    )
    pb.items = prepare(b)
    fb = Flow(pb.items, sb, "a03")

    def frames_b(bottom):
        return [(rx + k * 38, top_b, 33, bottom) for k in range(3)]

    bot_b, rb = balance(fb, frames_b, top_b + 20, 400)
    pb.results.append(rb)
    pg.place("a03", rb.ops, ["col1", "col2", "col3"])
    vline(pg.frame("divider"), (lx + lw + rx) / 2, 30, max(bot_a, bot_b) + 2, 0.4)
    # a02's table and an ad under a03, matched to a02's foot
    tb = table(pg.frame("table"), rx, bot_b + 4, rw, a["table"], [0.44, 0.24, 0.32], (8, 7))
    foot = max(bot_a, tb + 18)
    ad(
        pg.frame("ad"),
        rx,
        tb + 3,
        rw,
        foot - tb - 3,
        [
            ("zen", 13, "泓安人寿 · 安享年金", BLUE, 0),
            ("ming", 8.5, "养老规划 从容提前一步", BLACK, 1.5),
            ("ming", 7.5, "保险产品有风险 投保需谨慎", GREY, 1.5),
        ],
    )
    footer_luting(pg, foot + 4)
    pg.h = foot + 14
    pg.layout = {
        "cols": [2, 3],
        "col_widths_mm": [[62, 62], [33, 33, 33]],
        "body": {
            "a02": "microhei 11pt, lead 1.35, no indent, paragraph gap 0.5 line, ragged",
            "a03": "uming 8pt, lead 1.8, 2-em offset indent, justified (TJ numbers)",
        },
        "notes": "two articles side by side behind a vertical rule; a02 two-line title, deck "
        "below, byline under the deck, 【】 headings; a03 byline above a one-line "
        "title, boxed headings; table under a02, ad under a03",
    }
    return pg


JUMP = {}


def p03() -> Page:
    a = ARTICLES["a04"]
    pg = Page("p03", 240, 0, "fpdf")
    header_wangshu(pg, "B3", "公司·调研")
    m = 12
    part = Part(a, a["title"], a["deck"], "below", None)
    pg.parts.append(part)
    title_lines(pg.frame("title"), a, a["title"], "zen", 22, m, 35, 9.5, 0, "left", "a04")
    put(
        pg.frame("deck"),
        "ming",
        10.5,
        m,
        53.5,
        plain(a["deck"]),
        color=GREY,
        role="subtitle",
        art="a04",
    )
    hline(pg.frame("rule"), m, 185, 57.5, 0.3)
    widths = [62, 48, 48]
    xs = [m, m + 67, m + 120]
    top = 61
    ph = 44
    cap_y = top + ph + 4.2
    style = Style(
        "ming",
        9.5,
        1.6,
        "u3000",
        False,
        hfont="ming",
        hsize=10,
        hbold=True,
        hbefore=2.2,
        hafter=1.2,
    )
    part.items = prepare(a, end_byline=True)
    flow = Flow(part.items, style, "a04")
    bottom = 163.0
    frames = [
        (xs[0], top, widths[0], bottom),
        (xs[1], cap_y + 3.5, widths[1], bottom),
        (xs[2], cap_y + 3.5, widths[2], bottom - 5),
    ]
    res = flow.run(frames)
    if res.done:
        raise SystemExit("p03: a04 fits on one page")
    JUMP["a04"] = res.stop
    part.results.append(res)
    pg.place("a04", res.ops[:1], ["col1"])
    ops = pg.frame("photo")
    photo(ops, xs[1], top, widths[1] + 5 + widths[2], ph, 4, "plant")
    cap = a["photo"]
    put(ops, "ming", 8, xs[1], cap_y, cap["caption"], role="caption", art="a04")
    put(
        ops,
        "ming",
        8,
        xs[1],
        cap_y,
        cap["credit"],
        "right",
        widths[1] + 5 + widths[2],
        role="caption",
        art="a04",
        color=GREY,
    )
    part.captions = [cap["caption"] + " " + cap["credit"]]
    pg.place("a04", res.ops[1:], ["col2", "col3"])
    put(pg.frame("jump"), "ming", 8.5, xs[2], bottom, "（下转B4版）", "right", widths[2])
    vline(pg.frame("gutter1"), xs[1] - 2.5, top, bottom, 0.15, MID)
    vline(pg.frame("gutter2"), xs[2] - 2.5, cap_y + 3, bottom, 0.15, MID)
    # sidebar: a stock table and a conference ad
    sx, sw = 191, 37
    vline(pg.frame("sidebar rule"), sx - 3, 30, bottom, 0.4, BLUE)
    stocks = {
        "title": "储能板块部分个股表现",
        "head": ["简称", "收盘价", "涨跌"],
        "rows": [
            ["滇润储能", "38.62", "-12.4%"],
            ["峡光能源", "21.07", "5.8%"],
            ["岳川电气", "14.55", "-3.1%"],
            ["铂屿新能", "9.83", "-17.6%"],
            ["澜汐科技", "27.40", "2.2%"],
        ],
        "note": "注：涨跌幅为一季度区间",
    }
    tb = table(pg.frame("table"), sx, 30, sw, stocks, [0.42, 0.29, 0.29], (8, 6.5))
    ad(
        pg.frame("ad"),
        sx,
        tb + 6,
        sw,
        bottom - tb - 6,
        [
            ("zen", 10, "2027储能产业", BLUE, 0),
            ("zen", 10, "投资峰会", BLUE, 0.6),
            ("ming", 7.5, "5月18日 · 昆明", BLACK, 3),
            ("ming", 7.5, "报名热线", GREY, 4),
            ("ming", 7.5, "0871-63350218", GREY, 0.5),
        ],
        fill=(0.9, 0.93, 0.97),
        stroke=BLUE,
    )
    footer_wangshu(pg, bottom + 5)
    pg.h = bottom + 15
    pg.layout = {
        "cols": [3],
        "col_widths_mm": widths,
        "body": {"a04": "uming 9.5pt, lead 1.6, printed U+3000 indent, ragged"},
        "notes": "a04 part 1: two-line title, deck below, no byline on this page; photo over "
        "columns 2-3 with a ▲ caption and the credit on its line; numbered headings "
        "bold by stroke; the text jumps mid-paragraph to B4 with （下转B4版）; "
        "sidebar with a stock table and an ad; date in the footer",
    }
    return pg


def p04() -> Page:
    a, b = ARTICLES["a04"], ARTICLES["a05"]
    pg = Page("p04", 240, 0, "raw", "chars")
    header_wangshu(pg, "B4", "公司·调研")
    m = 12
    part = Part(a, [a["jump_title"]], None, None, a["byline"])
    pg.parts.append(part)
    t = put(pg.frame("jump title"), "zen", 16, m, 33, a["jump_title"], role="title", art="a04")
    put(
        pg.frame("jump"), "ming", 9, t.x + tw("zen", 16, t.text) + 3, 33, "（上接B3版）", color=GREY
    )
    top = 38
    style = Style(
        "ming",
        9.5,
        1.6,
        "u3000",
        False,
        hfont="ming",
        hsize=10,
        hbold=True,
        hbefore=2.2,
        hafter=1.2,
    )
    part.items = prepare(a, end_byline=True)
    flow = Flow(part.items, style, "a04", start=JUMP["a04"])
    cw = (pg.w - 2 * m - 3 * 5) / 4

    def frames(bottom):
        return [(m + k * (cw + 5), top, cw, bottom) for k in range(4)]

    bottom, res = balance(flow, frames, top + 10, 200)
    part.results.append(res)
    pg.place("a04", res.ops, ["col1", "col2", "col3", "col4"])
    y = bottom + 2.5
    hline(pg.frame("rule"), m, pg.w - m, y, 1.2)
    # a05: kicker above with the byline beside it, stepped two-line title, ● headings
    pb = Part(b, b["title"], b["kicker"], "above", b["byline"])
    pg.parts.append(pb)
    widths = [66, 66, 50]
    region = sum(widths) + 10
    put(
        pg.frame("a05 kicker"),
        "zen",
        10,
        m,
        y + 7,
        plain(b["kicker"]),
        color=RED,
        role="subtitle",
        art="a05",
    )
    put(
        pg.frame("a05 byline"),
        "ming",
        9,
        m,
        y + 7,
        b["byline"],
        "right",
        region,
        role="byline",
        art="a05",
    )
    ops = pg.frame("a05 title")
    put(ops, "zen", 20, m, y + 16, plain(b["title"][0]), role="title", art="a05")
    put(ops, "zen", 20, m + 24, y + 24.5, plain(b["title"][1]), role="title", art="a05")
    top_b = y + 29
    sb = Style(
        "micro", 8, 1.7, "offset", True, hfont="zen", hsize=9, hcolor=RED, hbefore=1.8, hafter=1.0
    )
    pb.items = prepare(b)
    fb = Flow(pb.items, sb, "a05")
    xs = [m, m + 71, m + 142]

    def frames_b(bottom):
        return [(xs[k], top_b, widths[k], bottom) for k in range(3)]

    bot_b, rb = balance(fb, frames_b, top_b + 10, 400)
    pb.results.append(rb)
    pg.place("a05", rb.ops, ["col1", "col2", "col3"])
    ax = m + region + 4
    ad(
        pg.frame("ad"),
        ax,
        y + 4,
        pg.w - m - ax,
        bot_b - y - 4,
        [
            ("zen", 11, "鹿鸣证券", RED, 0),
            ("ming", 8, "两融", BLACK, 4),
            ("ming", 8, "期权", BLACK, 1),
            ("ming", 8, "智能投顾", BLACK, 1),
            ("ming", 7, "一键开户", GREY, 4),
            ("ming", 7, "95358", GREY, 1),
        ],
    )
    footer_wangshu(pg, bot_b + 4)
    pg.h = bot_b + 14
    pg.layout = {
        "cols": [4, 3],
        "col_widths_mm": [[round(cw, 2)] * 4, widths],
        "body": {
            "a04": "uming 9.5pt, lead 1.6, printed U+3000 indent, ragged",
            "a05": "microhei 8pt, lead 1.7, 2-em offset indent, justified (absolute "
            "character positions)",
        },
        "notes": "two articles stacked: a04 continued under its jump head with （上接B3版） "
        "beside it, byline as the last line, right-aligned; heavy rule; a05 red kicker "
        "with the byline beside it on the same line, stepped two-line title, ● "
        "headings; narrow ad beside a05. Every character is its own text object.",
    }
    return pg


def p05() -> Page:
    a, b = ARTICLES["a06"], ARTICLES["a07"]
    pg = Page("p05", 260, 0, "fpdf")
    header_yanxi(pg, "06", "区域·县域")
    m = 10
    pa = Part(a, a["title"], a["deck"], "below", a["byline"])
    pg.parts.append(pa)
    title_lines(pg.frame("a06 title"), a, a["title"], "zen", 22, 0, 35, 0, pg.w, "center", "a06")
    put(
        pg.frame("a06 deck"),
        "ming",
        10.5,
        0,
        43,
        plain(a["deck"]),
        "center",
        pg.w,
        color=GREY,
        role="subtitle",
        art="a06",
    )
    put(
        pg.frame("a06 byline"),
        "ming",
        9,
        0,
        49.5,
        a["byline"],
        "center",
        pg.w,
        role="byline",
        art="a06",
    )
    hline(pg.frame("a06 rule"), m, pg.w - m, 52.5, 0.3)
    cw, gut = 44, 5
    xs = [m + k * (cw + gut) for k in range(5)]
    top = 56
    st = Style(
        "zen",
        9,
        1.5,
        "none",
        True,
        gap=0.6,
        hfont="zen",
        hsize=9.5,
        hbold=True,
        halign="center",
        hcolor=GREEN,
        hbefore=2.0,
        hafter=1.2,
    )
    pa.items = prepare(a)
    fa = Flow(pa.items, st, "a06")
    lead = 9 * PT * 1.5
    ph_top = top + 4 * lead + 1.0
    ph_h = 22
    cap = a["photo"]
    cap_lines = wrap("ming", 7.5, cap["caption"], cw)
    cap_step = 7.5 * PT * 1.45
    ph_bot = ph_top + ph_h + cap_step * (len(cap_lines) + 1) + 2.5

    def frames(bottom):
        fr = [
            (xs[0], top, cw, bottom),
            (xs[1], top, cw, bottom),
            (xs[2], top, cw, ph_top - 1.5),
            (xs[2], ph_bot, cw, bottom),
            (xs[3], top, cw, bottom),
            (xs[4], top, cw, bottom),
        ]
        return fr

    bottom, ra = balance(fa, frames, ph_bot + 2 * lead, 300)
    pa.results.append(ra)
    pg.place("a06", ra.ops[:3], ["col1", "col2", "col3 top"])
    ops = pg.frame("a06 photo")
    photo(ops, xs[2], ph_top, cw, ph_h, 23, "tea")
    yy = ph_top + ph_h
    for line in cap_lines:
        yy += cap_step
        put(ops, "ming", 7.5, xs[2], yy, line, role="caption", art="a06")
    put(
        ops,
        "ming",
        7.5,
        xs[2],
        yy + cap_step,
        cap["credit"],
        "right",
        cw,
        role="caption",
        art="a06",
        color=GREY,
    )
    pa.captions = [cap["caption"] + " " + cap["credit"]]
    pg.place("a06", ra.ops[3:], ["col3 bottom", "col4", "col5"])
    y = bottom + 2
    hline(pg.frame("a07 rule"), m, pg.w - m, y, 0.8, GREEN)
    # a07: byline above a two-line title, numbered headings, table beside it
    pb = Part(b, b["title"], None, None, b["byline"])
    pg.parts.append(pb)
    put(pg.frame("a07 byline"), "ming", 9, m, y + 6, b["byline"], role="byline", art="a07")
    title_lines(pg.frame("a07 title"), b, b["title"], "zen", 18, m, y + 14, 8, 0, "left", "a07")
    top_b = y + 26
    sb = Style(
        "ming", 8.5, 1.3, "u3000", False, hfont="ming", hsize=9, hbold=True, hbefore=1.6, hafter=0.8
    )
    pb.items = prepare(b)
    fb = Flow(pb.items, sb, "a07")
    bx = [m, m + 63, m + 126]

    def frames_b(bottom):
        return [(bx[k], top_b, 58, bottom) for k in range(3)]

    bot_b, rb = balance(fb, frames_b, top_b + 10, 400)
    pb.results.append(rb)
    pg.place("a07", rb.ops, ["col1", "col2", "col3"])
    sx = m + 191
    vline(pg.frame("a07 sidebar rule"), sx - 3, y + 3, bot_b, 0.3, GREEN)
    table(pg.frame("a07 table"), sx, y + 4, pg.w - m - sx, b["table"], [0.46, 0.27, 0.27], (8, 7))
    footer_yanxi(pg, bot_b + 4)
    pg.h = bot_b + 14
    pg.layout = {
        "cols": [5, 3],
        "col_widths_mm": [[cw] * 5, [58, 58, 58]],
        "body": {
            "a06": "zenhei 9pt, lead 1.5, no indent, paragraph gap 0.6 line, justified",
            "a07": "uming 8.5pt, lead 1.3, printed U+3000 indent, ragged",
        },
        "notes": "two articles stacked. a06: centred one-line title, deck below, byline under "
        "it; photo in the middle of column 3 (text above and below it), caption and "
        "credit under the photo, written between the column's two halves; centred bold "
        "headings. a07: byline above a two-line title, numbered headings, bond table "
        "beside it",
    }
    return pg


def p06() -> Page:
    a = ARTICLES["a08"]
    pg = Page("p06", 210, 0, "raw", "tc")
    header_yanxi(pg, "07", "基金·理财", left=False)
    m = 13
    part = Part(a, a["title"], a["kicker"], "above", a["byline"])
    pg.parts.append(part)
    put(
        pg.frame("kicker"),
        "zen",
        10,
        0,
        31,
        plain(a["kicker"]),
        "center",
        pg.w,
        color=RED,
        role="subtitle",
        art="a08",
    )
    ops = pg.frame("title 1")
    put(ops, "zen", 22, 0, 41, plain(a["title"][0]), "center", pg.w, role="title", art="a08")
    ops = pg.frame("title 2")
    put(ops, "zen", 22, 0, 50.5, plain(a["title"][1]), "center", pg.w, role="title", art="a08")
    hline(pg.frame("rule"), m, pg.w - m, 55, 0.3)
    widths = [108, 70]
    xs = [m, m + 114]
    top = 59
    chart_h = 60
    st = Style(
        "ming",
        10.5,
        1.75,
        "u3000",
        True,
        hfont="zen",
        hsize=10.5,
        hbold=True,
        hbefore=2.0,
        hafter=1.0,
    )
    part.items = prepare(a, end_byline=True)
    flow = Flow(part.items, st, "a08")

    def frames(bottom):
        return [(xs[0], top, widths[0], bottom), (xs[1], top + chart_h + 4, widths[1], bottom)]

    bottom, res = balance(flow, frames, top + chart_h + 20, 400)
    part.results.append(res)
    pg.place("a08", res.ops[:1], ["col1"])
    part.captions = line_chart(pg.frame("chart"), xs[1], top, widths[1], chart_h, a["chart"], "a08")
    pg.place("a08", res.ops[1:], ["col2"])
    vline(pg.frame("gutter"), xs[1] - 3, top, bottom, 0.2, MID)
    funds = {
        "title": "部分中长期纯债基金一季度表现",
        "head": ["基金简称", "组合久期（年）", "净值增长率"],
        "rows": [
            ["栖岸稳享纯债A", "5.8", "1.29%"],
            ["鸣川中长债", "6.2", "1.34%"],
            ["青岑安裕债券", "4.1", "0.97%"],
            ["澄港信用优选", "2.7", "0.81%"],
        ],
        "note": "注：数据截至3月31日",
    }
    tb = table(
        pg.frame("table"), xs[0], bottom + 4, widths[0], funds, [0.46, 0.29, 0.25], (8.5, 7.5)
    )
    ad(
        pg.frame("ad"),
        xs[1],
        bottom + 4,
        widths[1],
        tb - bottom - 4,
        [
            ("zen", 13, "青岑基金", GREEN, 0),
            ("ming", 8.5, "稳健配置 长期陪伴", BLACK, 1.5),
            ("ming", 7, "基金有风险，投资需谨慎", GREY, 2),
        ],
    )
    footer_yanxi(pg, tb + 4)
    pg.h = tb + 14
    order = list(range(len(pg.frames)))
    random.Random(606).shuffle(order)
    pg.stream_order = order
    pg.order = "shuffled"
    pg.layout = {
        "cols": [2],
        "col_widths_mm": widths,
        "body": {"a08": "uming 10.5pt, lead 1.75, printed U+3000 indent, justified (Tc)"},
        "notes": "centred red kicker above a centred two-line title, byline at the article's "
        "end, right-aligned; ◆ headings bold by stroke; boxed line chart at the top of "
        "column 2; fund table under column 1, ad under column 2; frames written in "
        "shuffled order (see frame_order)",
    }
    return pg


# ----------------------------------------------------------------------------- writers


def render_fpdf(pg: Page, path: Path):
    from fpdf import FPDF
    from fpdf.enums import TextMode

    pdf = FPDF(unit="mm", format=(pg.w, pg.h))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_producer("make_pages6 (fpdf2)")
    used = sorted({op.font for f in pg.frames for op in f.ops if isinstance(op, Text)})
    for key in used:
        p, idx = FONT_FILES[key]
        pdf.add_font(key, "", p, collection_font_number=idx)
    pdf.add_page()

    def rgb(c):
        return tuple(round(v * 255) for v in c)

    for f in ordered_frames(pg):
        for op in f.ops:
            if isinstance(op, Text):
                pdf.set_font(op.font, size=op.size)
                pdf.set_text_color(*rgb(op.color))
                pdf.set_char_spacing(round(op.gap, 3))
                if op.bold:  # fpdf2 leaves Tr set after the text object: keep it in q … Q
                    with pdf.local_context():
                        pdf.set_draw_color(*rgb(op.color))
                        pdf.set_line_width(0.3 * PT * op.size / 10)
                        pdf.text_mode = TextMode.FILL_STROKE
                        pdf.text(op.x, op.y, op.text)
                else:
                    pdf.text(op.x, op.y, op.text)
                continue
            pdf.set_line_width(op.lw)
            if op.stroke:
                pdf.set_draw_color(*rgb(op.stroke))
            if op.fill:
                pdf.set_fill_color(*rgb(op.fill))
            style = ("D" if op.stroke else "") + ("F" if op.fill else "")
            if op.kind == "rect":
                pdf.rect(*op.pts, style=style)
            elif op.kind == "line":
                pdf.line(*op.pts)
            else:
                pdf.polygon(list(op.pts), style=style)
    pdf.output(str(path))


def ordered_frames(pg: Page) -> list[Frame]:
    if pg.stream_order is None:
        return pg.frames
    return [pg.frames[k] for k in pg.stream_order]


def fnum(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


class RawPDF:
    """A minimal one-page PDF writer with subset CIDFontType2 fonts (Identity-H)."""

    def __init__(self, w: float, h: float, mode: str):
        self.w, self.h, self.mode = w, h, mode
        self.parts: list = []
        self.res: dict[str, str] = {}
        self.chars: dict[str, set] = {}

    def _font(self, key: str) -> str:
        if key not in self.res:
            self.res[key] = f"F{len(self.res) + 1}"
            self.chars[key] = set()
        return self.res[key]

    def out(self, s: str):
        self.parts.append(s)

    def glyphs(self, key: str, s: str):
        self.chars[key].update(s)
        self.parts.append(("g", key, s))

    @staticmethod
    def col(c, stroke=False) -> str:
        return " ".join(fnum(v) for v in c) + (" RG" if stroke else " rg")

    def text(self, t: Text):
        f = self._font(t.font)
        x, y = t.x * MM, (self.h - t.y) * MM
        pre = ["q", self.col(t.color)]
        if t.bold:
            pre += [self.col(t.color, True), fnum(0.3 * t.size / 10) + " w"]
        self.out(" ".join(pre) + "\n")
        tr = "2 Tr " if t.bold else ""
        if self.mode == "chars":
            m = Metrics.of(t.font)
            cx = x
            for c in t.text:
                self.out(f"BT /{f} {fnum(t.size)} Tf {tr}1 0 0 1 {fnum(cx)} {fnum(y)} Tm ")
                self.glyphs(t.font, c)
                self.out(" Tj ET\n")
                cx += m.adv(c) * t.size + t.gap
        elif self.mode == "tj":
            self.out(f"BT /{f} {fnum(t.size)} Tf {tr}{fnum(x)} {fnum(y)} Td ")
            if t.gap:
                k = fnum(-t.gap * 1000 / t.size)
                self.out("[")
                for n, c in enumerate(t.text):
                    if n:
                        self.out(f" {k} ")
                    self.glyphs(t.font, c)
                self.out("] TJ ET\n")
            else:
                self.glyphs(t.font, t.text)
                self.out(" Tj ET\n")
        else:  # tc
            self.out(f"BT /{f} {fnum(t.size)} Tf {tr}{fnum(t.gap)} Tc {fnum(x)} {fnum(y)} Td ")
            self.glyphs(t.font, t.text)
            self.out(" Tj ET\n")
        self.out("Q\n")

    def shape(self, s: Shape):
        ops = ["q", fnum(s.lw * MM) + " w"]
        if s.stroke:
            ops.append(self.col(s.stroke, True))
        if s.fill:
            ops.append(self.col(s.fill))
        if s.kind == "rect":
            x, y, w, h = s.pts
            ops.append(
                f"{fnum(x * MM)} {fnum((self.h - y - h) * MM)} {fnum(w * MM)} {fnum(h * MM)} re"
            )
        elif s.kind == "line":
            x1, y1, x2, y2 = s.pts
            ops.append(
                f"{fnum(x1 * MM)} {fnum((self.h - y1) * MM)} m {fnum(x2 * MM)} "
                f"{fnum((self.h - y2) * MM)} l"
            )
        else:
            (x0, y0), *rest = s.pts
            path = [f"{fnum(x0 * MM)} {fnum((self.h - y0) * MM)} m"]
            path += [f"{fnum(x * MM)} {fnum((self.h - y) * MM)} l" for x, y in rest]
            ops.append(" ".join(path) + " h")
        ops.append("B" if s.stroke and s.fill else ("f" if s.fill else "S"))
        self.out(" ".join(ops) + " Q\n")

    def _subset(self, key: str):
        path, idx = FONT_FILES[key]
        tt = TTFont(path, fontNumber=idx, recalcTimestamp=False)
        opts = ftsubset.Options()
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        opts.hinting = False
        opts.layout_features = []
        opts.drop_tables += [
            "BDF ",
            "EBDT",
            "EBLC",
            "EBSC",
            "FFTM",
            "GSUB",
            "GPOS",
            "GDEF",
            "vhea",
            "vmtx",
            "VORG",
        ]
        sub = ftsubset.Subsetter(opts)
        sub.populate(unicodes=sorted(ord(c) for c in self.chars[key]))
        sub.subset(tt)
        buf = io.BytesIO()
        tt.save(buf)
        data = buf.getvalue()
        st = TTFont(io.BytesIO(data))
        cmap = st.getBestCmap()
        gid = {c: st.getGlyphID(cmap[ord(c)]) for c in self.chars[key]}
        if len(set(gid.values())) != len(gid):
            raise SystemExit(f"{key}: two characters share a glyph")
        upem = st["head"].unitsPerEm
        widths = {g: round(st["hmtx"][st.getGlyphName(g)][0] * 1000 / upem) for g in gid.values()}
        return data, gid, widths, st

    def save(self, path: Path, title: str):
        objs: dict[int, bytes] = {}
        fonts = {}
        nxt = 6
        for key, res in self.res.items():
            data, gid, widths, st = self._subset(key)
            fonts[key] = gid
            num = {n: nxt + k for k, n in enumerate(("t0", "cid", "desc", "file", "tu"))}
            nxt += 5
            digest = hashlib.md5(("".join(sorted(gid)) + key).encode()).digest()
            tag = "".join(chr(65 + b % 26) for b in digest[:6])
            ps = re.sub(r"[^A-Za-z0-9-]", "", st["name"].getDebugName(6) or key)
            base = f"{tag}+{ps}"
            head, hhea = st["head"], st["hhea"]
            upem = head.unitsPerEm

            def sc(v, upem=upem):
                return round(v * 1000 / upem)

            objs[num["t0"]] = (
                f"<< /Type /Font /Subtype /Type0 /BaseFont /{base} /Encoding /Identity-H "
                f"/DescendantFonts [{num['cid']} 0 R] /ToUnicode {num['tu']} 0 R >>"
            ).encode()
            w_arr = " ".join(f"{g} [{w}]" for g, w in sorted(widths.items()))
            objs[num["cid"]] = (
                f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{base} /CIDSystemInfo "
                f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
                f"{num['desc']} 0 R /DW 1000 /W [{w_arr}] /CIDToGIDMap /Identity >>"
            ).encode()
            objs[num["desc"]] = (
                f"<< /Type /FontDescriptor /FontName /{base} /Flags 4 /FontBBox "
                f"[{sc(head.xMin)} {sc(head.yMin)} {sc(head.xMax)} {sc(head.yMax)}] "
                f"/ItalicAngle 0 /Ascent {sc(hhea.ascent)} /Descent {sc(hhea.descent)} "
                f"/CapHeight {sc(hhea.ascent)} /StemV 80 /FontFile2 {num['file']} 0 R >>"
            ).encode()
            objs[num["file"]] = stream(data, f"/Length1 {len(data)}")
            objs[num["tu"]] = stream(to_unicode(gid).encode())
            fonts[key + ":res"] = (res, num["t0"])
        content = []
        for part in self.parts:
            if isinstance(part, str):
                content.append(part)
            else:
                _g, key, s = part
                content.append("<" + "".join(f"{fonts[key][c]:04X}" for c in s) + ">")
        font_res = " ".join(f"/{r} {n} 0 R" for r, n in (fonts[k + ":res"] for k in self.res))
        objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objs[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
        objs[3] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {fnum(self.w * MM)} "
            f"{fnum(self.h * MM)}] /Resources << /Font << {font_res} >> >> /Contents 4 0 R >>"
        ).encode()
        objs[4] = stream("".join(content).encode("ascii"))
        objs[5] = f"<< /Producer (make_pages6 raw writer) /Title ({title}) >>".encode()
        out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for n in sorted(objs):
            offsets[n] = len(out)
            out += f"{n} 0 obj\n".encode() + objs[n] + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
        for n in sorted(objs):
            out += f"{offsets[n]:010d} 00000 n \n".encode()
        fid = hashlib.md5(bytes(out)).hexdigest()
        out += (
            f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 5 0 R /ID [<{fid}> "
            f"<{fid}>] >>\nstartxref\n{xref}\n%%EOF\n"
        ).encode()
        path.write_bytes(bytes(out))


def stream(data: bytes, extra: str = "") -> bytes:
    z = zlib.compress(data, 9)
    head = f"<< /Length {len(z)} /Filter /FlateDecode {extra}>>\nstream\n".encode()
    return head + z + b"\nendstream"


def to_unicode(gid: dict) -> str:
    pairs = sorted((g, c) for c, g in gid.items())
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for k in range(0, len(pairs), 100):
        chunk = pairs[k : k + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{g:04X}> <{ord(c):04X}>" for g, c in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines) + "\n"


def render_raw(pg: Page, path: Path):
    doc = RawPDF(pg.w, pg.h, pg.mode)
    for f in ordered_frames(pg):
        for op in f.ops:
            if isinstance(op, Text):
                doc.text(op)
            else:
                doc.shape(op)
    doc.save(path, f"pages6 {pg.name}")


# ----------------------------------------------------------------------------- gold


def part_units(part: Part) -> tuple[dict, list[str]]:
    """The gold of one article part and its printed units (for entity scoping)."""
    art = part.art
    paras: dict[int, list] = {}
    order = []
    headings = []
    for res in part.results:
        headings += res.headings
        for i, c0, c1, head in res.records:
            if i not in paras:
                paras[i] = [c0, c1, head]
                order.append(i)
            else:
                paras[i][0] = min(paras[i][0], c0)
                paras[i][1] = max(paras[i][1], c1)
    paragraphs, figures = [], []
    for s in part.title:
        figures += marked_figures(s)
    figures += marked_figures(part.subtitle)
    for i in order:
        c0, c1, head = paras[i]
        it = part.items[i]
        for s, e, surface in it.figs:
            if s < c1 and e > c0:
                if s < c0 or e > c1:
                    raise SystemExit(f"{art['id']}: figure {surface} cut by the page jump")
                figures.append(surface)
        paragraphs.append({"section_heading": head, "text": it.text[c0:c1]})
    title = "".join(plain(s) for s in part.title)
    units = [
        title,
        plain(part.subtitle) or "",
        part.byline or "",
        *headings,
        *(p["text"] for p in paragraphs),
        *part.captions,
    ]
    gold = {
        "id": art["id"],
        "title": title,
        "subtitle": plain(part.subtitle),
        "subtitle_position": part.subtitle_position,
        "byline": part.byline,
        "headings": headings,
        "paragraphs": paragraphs,
        "captions": part.captions,
        "figures": [{"surface": f} for f in figures],
    }
    return gold, units


def occurrences(text: str, s: str) -> list[int]:
    out, k = [], text.find(s)
    while k >= 0:
        out.append(k)
        k = text.find(s, k + 1)
    return out


def scope_entities(art: dict, units: list[str]) -> tuple[dict, dict]:
    """Gold entities printed in this part outside every longer listed name; optional ones
    wherever printed."""
    text = "\x00".join(units)
    names = [e for t in ENT_TYPES for e in art["entities"].get(t, [])]
    names += [e for t in ENT_TYPES for e in art.get("optional", {}).get(t, [])]
    spans = [(k, k + len(n), n) for n in set(names) for k in occurrences(text, n)]
    gold = {t: [] for t in ENT_TYPES}
    for t in ENT_TYPES:
        for e in art["entities"].get(t, []):
            for k in occurrences(text, e):
                inside = any(a <= k and k + len(e) <= b and len(n) > len(e) for a, b, n in spans)
                if not inside:
                    gold[t].append(e)
                    break
    opt = {t: [e for e in art.get("optional", {}).get(t, []) if e in text] for t in ENT_TYPES}
    return gold, {t: v for t, v in opt.items() if v}


def build_gold(pg: Page) -> dict:
    articles = []
    for part in pg.parts:
        g, units = part_units(part)
        g["entities"], g["optional_entities"] = scope_entities(part.art, units)
        articles.append(g)
    furniture = [
        op.text for f in pg.frames for op in f.ops if isinstance(op, Text) and op.role == "furn"
    ]
    first = {k: v for k, v in articles[0].items() if k != "id"}
    layout = {
        "page_mm": [pg.w, round(pg.h, 2)],
        "writer": writer_name(pg),
        "order": pg.order,
        **pg.layout,
    }
    if pg.order == "shuffled":
        layout["frame_order"] = [pg.frames[k].name for k in pg.stream_order]
    return {**first, "articles": articles, "furniture": furniture, "layout": layout}


def writer_name(pg: Page) -> str:
    if pg.writer == "fpdf":
        return "fpdf2: one BT/ET per line (FPDF.text), Tc set in its own BT/ET"
    return {
        "tj": "own writer: one BT/ET per line, justified by TJ numbers",
        "chars": "own writer: one BT/ET per character, absolute Tm",
        "tc": "own writer: one BT/ET per line with Tc",
    }[pg.mode]


# ----------------------------------------------------------------------------- extractors


def extract(folder: Path):
    pdf = folder / "page.pdf"
    subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), str(folder / "pdftotext.txt")], check=True
    )
    subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-raw", str(pdf), str(folder / "pdftotext_raw.txt")],
        check=True,
    )
    from pdfminer.high_level import extract_text

    (folder / "pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
    from pypdf import PdfReader

    (folder / "pypdf.txt").write_text(PdfReader(str(pdf)).pages[0].extract_text(), encoding="utf-8")
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    txt = doc[0].get_textpage().get_text_range()
    doc.close()
    with open(folder / "pypdfium2.txt", "w", encoding="utf-8", newline="") as fh:
        fh.write(txt)


# ----------------------------------------------------------------------------- checks


def gold_strings(gold: dict) -> list[str]:
    out = []
    for a in gold["articles"]:
        out += [a["title"], a["subtitle"] or "", a["byline"] or "", *a["headings"]]
        out += [p["text"] for p in a["paragraphs"]]
        out += a["captions"]
    return out + gold["furniture"]


def check_page(pg: Page, gold: dict, folder: Path) -> list[str]:
    problems = []
    drawn = [op for f in pg.frames for op in f.ops if isinstance(op, Text)]
    for op in drawn:
        m = Metrics.of(op.font)
        missing = {c for c in op.text if not m.has(c)}
        if missing:
            problems.append(f"{pg.name}: glyphs missing in {op.font}: {missing}")
        if (
            op.role == "body"
            and op.text
            and (op.text.lstrip("\u3000")[0] in NO_START or op.text[-1] in NO_END)
        ):
            problems.append(f"{pg.name}: kinsoku: {op.text}")
    c_drawn = Counter(nows("".join(op.text for op in drawn)))
    c_gold = Counter(nows("".join(gold_strings(gold))))
    if c_drawn != c_gold:
        problems.append(f"{pg.name}: drawn != gold: {(c_drawn - c_gold)} / {(c_gold - c_drawn)}")
    for ex in ("pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2"):
        c_ex = Counter(nows((folder / f"{ex}.txt").read_text(encoding="utf-8")))
        if c_ex != c_gold:
            problems.append(f"{pg.name}/{ex}: text != gold: {(c_ex - c_gold)} / {(c_gold - c_ex)}")
    for a in gold["articles"]:
        units = "".join(gold_strings({"articles": [a], "furniture": []}))
        for f in a["figures"]:
            if f["surface"] not in units:
                problems.append(f"{pg.name}: figure {f['surface']} not printed")
        for t, names in [*a["entities"].items(), *a["optional_entities"].items()]:
            for e in names:
                if e not in units:
                    problems.append(f"{pg.name}: entity {t} {e} not printed")
    return problems


def check_articles(golds: list[dict]) -> list[str]:
    problems = []
    seen = {}
    bodies: dict[str, str] = {}
    for g in golds:
        for a in g["articles"]:
            for t, names in a["entities"].items():
                seen.setdefault(a["id"], set()).update((t, e) for e in names)
            bodies[a["id"]] = bodies.get(a["id"], "") + "".join(p["text"] for p in a["paragraphs"])
            for p in a["paragraphs"]:
                if p["section_heading"] and p["section_heading"] not in a["headings"]:
                    problems.append(f"{a['id']}: heading {p['section_heading']} not printed")
    for aid, art in ARTICLES.items():
        whole = "".join(plain(t) for k, t in art["body"] if k == "p")
        if bodies.get(aid) != whole:
            problems.append(f"{aid}: printed paragraphs are not the whole body")
        n_ideo = len(re.findall(r"[\u4e00-\u9fff]", whole))
        if not (550 <= n_ideo <= 800 and len(whole) <= 800):
            problems.append(f"{aid}: body length {len(whole)} / {n_ideo} ideographs")
        for t in ENT_TYPES:
            for e in art["entities"].get(t, []):
                if (t, e) not in seen.get(aid, set()):
                    problems.append(f"{aid}: entity {t} {e} is gold on no page")
    return problems


# ----------------------------------------------------------------------------- main


def build(out: Path, png: Path | None = None) -> list[str]:
    pages = [p01(), p02(), p03(), p04(), p05(), p06()]
    golds, problems = [], []
    for pg in pages:
        folder = out / pg.name
        folder.mkdir(parents=True, exist_ok=True)
        if pg.writer == "fpdf":
            render_fpdf(pg, folder / "page.pdf")
        else:
            render_raw(pg, folder / "page.pdf")
        gold = build_gold(pg)
        golds.append(gold)
        (folder / "clean.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        extract(folder)
        problems += check_page(pg, gold, folder)
        loose = sum(r.loose for p in pg.parts for r in p.results)
        print(
            f"{pg.name}: {pg.w}x{pg.h:.1f} mm, {len(pg.frames)} frames, "
            f"{sum(len(a['paragraphs']) for a in gold['articles'])} paragraphs, "
            f"{sum(len(a['figures']) for a in gold['articles'])} figures, "
            f"{len(gold['furniture'])} furniture, {loose} loose lines"
        )
        if png:
            import pypdfium2 as pdfium

            png.mkdir(parents=True, exist_ok=True)
            doc = pdfium.PdfDocument(str(folder / "page.pdf"))
            doc[0].render(scale=2.2).to_pil().save(png / f"{pg.name}.png")
            doc.close()
    problems += check_articles(golds)
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--png", type=Path, default=None, help="also render PNGs into this folder")
    args = ap.parse_args(argv)
    problems = build(args.out, args.png)
    for p in problems:
        print("PROBLEM", p)
    print("checks:", "all pass" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
