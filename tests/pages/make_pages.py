#!/usr/bin/env python3
"""Write newspaper-like PDF pages with invented articles, their gold and five extractors' text.

    /work/venv/bin/python tests/pages/make_pages.py            # all pages + bad/ PDFs
    /work/venv/bin/python tests/pages/make_pages.py --only p01,p02
    /work/venv/bin/python tests/pages/make_pages.py --pages24 /tmp/big.pdf   # benchmark PDF only

Every page folder tests/pages/<id>/ gets page.pdf, clean.json (gold, see
/work/shared/tools/README.md) and pdftotext.txt, pdftotext_raw.txt, pdfminer.txt, pypdf.txt,
pypdfium2.txt. Deterministic: fixed seeds and reportlab's invariant mode.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from texts import ARTICLES  # noqa: E402

# ----------------------------------------------------------------------------- fonts

WQY = Path("/usr/share/fonts/truetype/wqy")
ARPHIC = Path("/usr/share/fonts/truetype/arphic")


def _small_name_table(family: str) -> bytes:
    """A minimal 'name' table (family, style, full and PostScript name) for the embedded subsets:
    reportlab copies the whole table into every 256-glyph subset, 22 KB of licence text for
    the AR PL fonts."""
    import struct
    recs = [(1, family), (2, "Regular"), (4, family), (6, re.sub(r"[^A-Za-z0-9-]", "", family))]
    strings = b""
    body = b""
    for nid, s in recs:
        enc = s.encode("utf-16-be")
        body += struct.pack(">HHHHHH", 3, 1, 0x409, nid, len(enc), len(strings))
        strings += enc
    return struct.pack(">HHH", 0, len(recs), 6 + 12 * len(recs)) + body + strings


def _patch_reportlab_subsets():
    from reportlab.pdfbase import ttfonts
    if getattr(ttfonts.TTFontFile, "_jingdu_small_name", False):
        return
    orig = ttfonts.TTFontFile.get_table

    def get_table(self, tag):
        data = orig(self, tag)
        if tag == "name" and getattr(self, "_in_subset", False):
            return _small_name_table(self.name.decode("latin-1") if isinstance(self.name, bytes)
                                     else str(self.name))
        return data

    orig_subset = ttfonts.TTFontFile.makeSubset

    def make_subset(self, *a, **kw):
        self._in_subset = True
        try:
            return orig_subset(self, *a, **kw)
        finally:
            self._in_subset = False

    ttfonts.TTFontFile.get_table = get_table
    ttfonts.TTFontFile.makeSubset = make_subset
    ttfonts.TTFontFile._jingdu_small_name = True


def register_fonts() -> dict:
    """Song/Kai from fonts-arphic-uming/ukai when installed, Hei from fonts-wqy-*."""
    hei = WQY / "wqy-zenhei.ttc"
    mhei = WQY / "wqy-microhei.ttc"
    song = ARPHIC / "uming.ttc"
    kai = ARPHIC / "ukai.ttc"
    faces = {"Hei": hei, "MHei": mhei, "Song": song if song.exists() else mhei,
             "Kai": kai if kai.exists() else mhei}
    _patch_reportlab_subsets()
    for name, path in faces.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=0))
    return {k: str(v) for k, v in faces.items()}


def sw(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# ----------------------------------------------------------------------------- articles

FIG_RE = re.compile(r"\{([^{}]+)\}")
TICKER_RE = re.compile(r"\d{6}\.(?:SH|SZ|BJ)|\d{5}\.HK")


def strip(s: str) -> str:
    return s.replace("{", "").replace("}", "")


def parse_article(key: str) -> dict:
    a = ARTICLES[key]
    title = subtitle = byline = None
    blocks = []  # ("h", text) | ("p", text, bold)
    for line in a["src"].strip().splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("T:"):
            title = line[2:].strip()
        elif line.startswith("S:"):
            subtitle = line[2:].strip()
        elif line.startswith("B:"):
            byline = line[2:].strip()
        elif line.startswith("#"):
            blocks.append(("h", line[1:].strip()))
        elif line.startswith("Q:"):
            blocks.append(("p", line[2:].strip(), True))
        else:
            blocks.append(("p", line, False))
    figs = []
    for s in [title, subtitle] + [b[1] for b in blocks]:
        figs += FIG_RE.findall(s or "")
    paragraphs, headings, heading = [], [], None
    for b in blocks:
        if b[0] == "h":
            heading = strip(b[1])
            headings.append(heading)
        else:
            paragraphs.append({"section_heading": heading, "text": strip(b[1])})
    all_text = "".join([strip(title or ""), strip(subtitle or ""), byline or ""] +
                       headings + [p["text"] for p in paragraphs])
    ents = {t: list(a["ents"].get(t, [])) for t in ("PERSON", "ORG", "PLACE")}
    tickers = []
    for m in TICKER_RE.findall(all_text):
        if m not in tickers:
            tickers.append(m)
    ents["TICKER"] = tickers
    for t, xs in list(ents.items()) + list(a["optional"].items()):
        for x in xs:
            assert x in all_text or (a["chart"] and x in a["chart"]["source"]), (key, t, x)
    captions = [a["chart"]["caption"], a["chart"]["source"]] if a["chart"] else []
    gold = {"title": strip(title).replace("|", ""), "subtitle": strip(subtitle) if subtitle else None,
            "byline": byline, "headings": headings, "paragraphs": paragraphs,
            "captions": captions, "entities": ents, "optional_entities": a["optional"],
            "figures": [{"surface": f} for f in figs]}
    return {"key": key, "title": strip(title), "subtitle": strip(subtitle) if subtitle else None,
            "byline": byline, "blocks": [(b[0], strip(b[1])) + tuple(b[2:]) for b in blocks],
            "chart": a["chart"], "gold": gold}


# ----------------------------------------------------------------------------- line breaking

UNIT_RE = re.compile(r"[A-Za-z0-9.%+\-/]+|——|……|.", re.S)
NO_START = set("，。、；：？！”’）》」』…%·—")
NO_END = set("“‘（《「『")


def break_lines(text: str, width: float, font: str, size: float, indent: float = 0.0):
    """Greedy CJK line breaking with simple kinsoku; returns [(units, widths, is_last)]."""
    units = UNIT_RE.findall(text)
    widths = [sw(u, font, size) for u in units]
    out = []
    i = 0
    first = True
    while i < len(units):
        avail = width - (indent if first else 0.0)
        j, w = i, 0.0
        while j < len(units) and w + widths[j] <= avail + 0.01:
            w += widths[j]
            j += 1
        if j == i:
            j = i + 1
        if j < len(units):
            k = j
            while k > i + 1 and (units[k][0] in NO_START or units[k - 1][-1] in NO_END):
                k -= 1
            j = k
        out.append((units[i:j], widths[i:j], j >= len(units)))
        i = j
        first = False
    return out


class Text:
    """One line of text on the page: runs of (string, x) at baseline y, optional Tc."""

    def __init__(self, font, size, y, runs, tc=0.0, group="", bold=False, widths=None):
        self.font, self.size, self.y, self.runs, self.tc = font, size, y, runs, tc
        self.group, self.bold = group, bold
        self.x0 = runs[0][1] if runs else 0.0

    def chars(self):
        out = []
        for s, x in self.runs:
            for ch in s:
                out.append((ch, x))
                x += sw(ch, self.font, self.size) + self.tc
        return out

    @property
    def text(self):
        return "".join(s for s, _x in self.runs)


def set_line(units, widths, x, y, width, font, size, justify, mode, group, bold=False, align="left"):
    """Place one line; justify spreads the extra room over char gaps (mode tc) or unit gaps (pos)."""
    natural = sum(widths)
    extra = width - natural if justify else 0.0
    if not justify:
        if align == "center":
            x += (width - natural) / 2
        elif align == "right":
            x += width - natural
    text = "".join(units)
    if mode == "tc":
        n = len(text)
        tc = extra / (n - 1) if justify and n > 1 else 0.0
        if justify and n > 1:  # Tc is added after every glyph, the last one too
            tc = extra / (n - 1)
        return Text(font, size, y, [(text, x)], tc=tc, group=group, bold=bold)
    gap = extra / (len(units) - 1) if justify and len(units) > 1 else 0.0
    runs, cx = [], x
    for u, w in zip(units, widths):
        runs.append((u, cx))
        cx += w + gap
    return Text(font, size, y, runs, group=group, bold=bold)


# ----------------------------------------------------------------------------- page model


class Page:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.texts: list[Text] = []
        self.shapes: list[tuple] = []  # ("rect", x, y, w, h, fill_gray, stroke) | ("line", ...)
        self.furniture: list[str] = []

    def text(self, s, x, y, font, size, group="furniture", bold=False, align="left",
             furniture=True, gray=0.0):
        w = sw(s, font, size)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        t = Text(font, size, y, [(s, x)], group=group, bold=bold)
        t.gray = gray
        self.texts.append(t)
        if furniture:
            self.furniture.append(s)
        return t

    def line(self, x0, y0, x1, y1, width=0.5, gray=0.0):
        self.shapes.append(("line", x0, y0, x1, y1, width, gray))

    def rect(self, x, y, w, h, fill=None, stroke=0.5):
        self.shapes.append(("rect", x, y, w, h, fill, stroke))


class Style:
    def __init__(self, **kw):
        self.body_font = "Song"
        self.body_size = 9.5
        self.leading = 13.0
        self.indent = 2  # chars; 0 = no indent, paragraphs separated by para_gap
        self.para_gap = 0.0
        self.gutter = 12.0
        self.head_font = "Hei"
        self.head_size = 11.0
        self.head_align = "left"
        self.title_font = "Hei"
        self.title_size = 30.0
        self.title_align = "left"
        self.sub_font = "Kai"
        self.sub_size = 14.0
        self.byline_font = "Kai"
        self.byline_size = 9.0
        self.byline_pos = "under"  # or "flow": first line of column 1
        self.justify = "tc"  # or "pos"
        self.col_rules = False
        self.title_rule = True
        self.q_font = "Hei"
        self.head_rule = False
        self.__dict__.update(kw)


def build_flow(art, st: Style, colw: float):
    """Flow elements of an article body: ("line", Text-maker args) / ("gap", h) / ("head", lines)."""
    els = []
    if st.byline_pos == "flow" and art["byline"]:
        for units, widths, _last in break_lines(art["byline"], colw, st.byline_font, st.byline_size):
            els.append(("line", units, widths, False, st.byline_font, st.byline_size, "byline"))
        els.append(("gap", st.leading * 0.5))
    first = True
    ind = st.indent * st.body_size
    for b in art["blocks"]:
        if b[0] == "h":
            lines = break_lines(b[1], colw, st.head_font, st.head_size)
            els.append(("head", lines))
            first = True
            continue
        font = st.q_font if b[2] else st.body_font
        if not first and st.para_gap:
            els.append(("gap", st.para_gap))
        for k, (units, widths, last) in enumerate(break_lines(b[1], colw, font, st.body_size, ind)):
            els.append(("line", units, widths, not last, font, st.body_size, "body",
                        ind if k == 0 else 0.0))
        first = False
    return els


def fit_flow(els, start, segs, st: Style, grid_top: float, place: bool, group: str, mode: str,
             page: Page | None):
    """Fill segments [(x, top, bottom, colno)] with els[start:]; return index of first unplaced."""
    asc, desc = st.body_size * 0.88, st.body_size * 0.14
    lead = st.leading
    i = start
    out = []

    def grid_below(y_top):
        # first grid baseline whose ascender stays under y_top
        n = max(0, int((grid_top - asc - (y_top - asc)) / lead + 0.999))
        return grid_top - asc - n * lead

    for si, (x, top, bottom, col) in enumerate(segs):
        y = grid_below(top)
        at_top = True
        while i < len(els):
            e = els[i]
            if e[0] == "gap":
                if not at_top:
                    y -= e[1]
                i += 1
                continue
            if e[0] == "head":
                hl = e[1]
                hlead = st.head_size * 1.35
                before = 0.0 if at_top else lead * 0.6
                hh = before + len(hl) * hlead + lead * 0.3
                # snap back onto the grid, keep with two following lines
                y_after = grid_below(y + asc - hh) if not at_top else grid_below(top - hh)
                if y_after - lead - desc < bottom:
                    break
                yh = (y + asc - before if not at_top else top) - st.head_size * 0.95
                if place:
                    for units, widths, _l in hl:
                        t = set_line(units, widths, x, yh, st.colw, st.head_font, st.head_size,
                                     False, mode, f"{group}:c{col}:s{si}", bold=True,
                                     align=st.head_align)
                        out.append(t)
                        yh -= hlead
                    if st.head_rule:
                        page.rect(x, yh + hlead - st.head_size * 0.35, 3.0, st.head_size * 0.9, fill=0.0, stroke=0)
                y = y_after
                at_top = False
                i += 1
                continue
            _k, units, widths, justify, font, size, kind = e[:7]
            indent = e[7] if len(e) > 7 else 0.0
            if y - desc < bottom:
                break
            if place:
                f = st.byline_font if kind == "byline" else font
                t = set_line(units, widths, x + indent, y, st.colw - indent, f, size, justify,
                             mode, f"{group}:c{col}:s{si}", bold=(font == st.q_font and kind == "body"))
                out.append(t)
            y -= lead
            at_top = False
            i += 1
        if i >= len(els):
            break
    return i, out


def layout_article(page: Page, art, st: Style, x0, x1, ytop, ybottom, ncols, mode, group,
                   chart=None, balance=True, els=None, start=0, title=True, cont_mark=None,
                   head_mark=None):
    """Title block across [x0, x1], then the body in ncols columns from below it to ybottom.

    Returns (y_end, next_index, els): y_end is the lowest point used."""
    width = x1 - x0
    colw = (width - (ncols - 1) * st.gutter) / ncols
    st.colw = colw
    y = ytop
    if title:
        ts = st.title_size
        tl = art["title"].split("|")
        while max(sw(t, st.title_font, ts) for t in tl) > width and ts > 12:
            ts -= 1
        for t in tl:
            y -= ts * 1.05
            page.text(t, x0 + (width / 2 if st.title_align == "center" else 0), y, st.title_font,
                      ts, group=f"{group}:title", bold=True, align=st.title_align, furniture=False)
            y -= ts * 0.25
        if art["subtitle"]:
            y -= 4
            for units, widths, _l in break_lines(art["subtitle"], width, st.sub_font, st.sub_size):
                y -= st.sub_size * 1.1
                s = "".join(units)
                page.text(s, x0 + (width / 2 if st.title_align == "center" else 0), y, st.sub_font,
                          st.sub_size, group=f"{group}:sub", align=st.title_align, furniture=False)
                y -= st.sub_size * 0.25
        if art["byline"] and st.byline_pos == "under":
            y -= st.byline_size * 1.9
            page.text(art["byline"], x0 + (width / 2 if st.title_align == "center" else 0), y,
                      st.byline_font, st.byline_size, group=f"{group}:byline",
                      align=st.title_align, furniture=False)
        y -= 8
        if st.title_rule:
            page.line(x0, y, x1, y, 0.6)
        y -= 8
    if els is None:
        els = build_flow(art, st, colw)
    grid_top = y
    if head_mark:
        y -= st.leading
        page.text(head_mark, x0, grid_top - st.body_size * 0.88, st.head_font, st.body_size,
                  group=f"{group}:mark")
        grid_top = y

    def segments(bottom):
        segs = []
        for c in range(ncols):
            cx = x0 + c * (colw + st.gutter)
            bot = bottom
            if cont_mark and c == ncols - 1:
                bot = bottom + st.leading
            if chart and chart["col"] == c:
                ct = grid_top - chart["after"] * st.leading
                cb = ct - chart["height"]
                segs.append((cx, grid_top, ct + 2, c))
                segs.append((cx, cb - 4, bot, c))
            else:
                segs.append((cx, grid_top, bot, c))
        return segs

    bottom = ybottom
    if balance:
        lo_lines = 2
        while True:
            cand = grid_top - lo_lines * st.leading
            if cand < ybottom:
                cand = ybottom
            if chart:
                cand = min(cand, grid_top - chart["after"] * st.leading - chart["height"] - st.leading * 3)
            n, _ = fit_flow(els, start, segments(cand), st, grid_top, False, group, mode, page)
            if n >= len(els) or cand <= ybottom:
                bottom = cand
                break
            lo_lines += 1
    nxt, texts = fit_flow(els, start, segments(bottom), st, grid_top, True, group, mode, page)
    page.texts.extend(texts)
    if chart:
        cx = x0 + chart["col"] * (colw + st.gutter)
        ct = grid_top - chart["after"] * st.leading
        draw_chart(page, art, cx, ct, colw, chart["height"], group)
    if cont_mark and nxt < len(els):
        cx = x0 + (ncols - 1) * (colw + st.gutter)
        page.text(cont_mark, cx + colw, bottom + st.leading * 0.3, st.head_font, st.body_size,
                  group=f"{group}:mark", align="right")
    low = min([t.y for t in texts] + [bottom + st.leading]) - st.body_size * 0.3
    if st.col_rules:
        for c in range(1, ncols):
            lx = x0 + c * (colw + st.gutter) - st.gutter / 2
            page.line(lx, grid_top, lx, low, 0.3, gray=0.4)
    return low, nxt, els


def draw_chart(page: Page, art, x, top, w, h, group):
    ch = art["chart"]
    g = f"{group}:chart"
    page.rect(x, top - h, w, h, fill=0.95, stroke=0.4)
    cs = 8.0
    while sw(ch["caption"], "Hei", cs) > w - 8 and cs > 5:
        cs -= 0.5
    page.text(ch["caption"], x + 4, top - cs - 4, "Hei", cs, group=g, furniture=False)
    ss = 6.5
    while sw(ch["source"], "Song", ss) > w - 8 and ss > 4.5:
        ss -= 0.5
    page.text(ch["source"], x + 4, top - h + 5, "Song", ss, group=g, furniture=False)
    vals = [float(v) for v in ch["values"]]
    n = len(vals)
    ax_y = top - h + 22
    plot_top = top - cs - 24
    vmax = max(vals)
    slot = (w - 16) / n
    page.line(x + 6, ax_y, x + w - 6, ax_y, 0.5)
    ls = 6.5
    while max(sw(l, "MHei", ls) for l in ch["labels"]) > slot - 1 and ls > 4:
        ls -= 0.5
    for i, (lab, v, sv) in enumerate(zip(ch["labels"], vals, ch["values"])):
        cx = x + 8 + slot * (i + 0.5)
        bh = (plot_top - ax_y) * (0.25 + 0.75 * v / vmax) if vmax else 0
        page.rect(cx - slot * 0.28, ax_y, slot * 0.56, bh, fill=0.35, stroke=0)
        page.text(sv, cx, ax_y + bh + 2.5, "MHei", 6.5, group=g, align="center")
        page.text(lab, cx, ax_y - 9, "MHei", ls, group=g, align="center")


# ----------------------------------------------------------------------------- header / footer

WEEKDAYS = "一二三四五六日"


def header(page: Page, paper, latin, date, weekday, code, section, style, margin=36):
    top = page.h - margin
    if style == "band":
        page.rect(margin, top - 26, 86, 26, fill=0.0, stroke=0)
        t = page.text(code, margin + 8, top - 19, "Hei", 16, group="header")
        t.gray = 1.0
        page.text(section, margin + 96, top - 18, "Hei", 14, group="header")
        page.text(paper, page.w - margin, top - 12, "Hei", 12, group="header", align="right")
        page.text(latin, page.w - margin, top - 22, "MHei", 6.5, group="header", align="right")
        page.text(f"{date} 星期{weekday}", page.w / 2 + 40, top - 18, "Song", 9, group="header")
        y = top - 32
        page.line(margin, y, page.w - margin, y, 1.8)
    else:
        page.text(paper, margin, top - 18, "Hei", 20, group="header")
        page.text(latin, margin, top - 28, "MHei", 6.5, group="header")
        page.text(f"{date} 星期{weekday}", page.w / 2, top - 16, "Song", 9, group="header",
                  align="center")
        page.text(f"{code} {section}", page.w - margin, top - 16, "Hei", 13, group="header",
                  align="right")
        y = top - 34
        page.line(margin, y, page.w - margin, y, 1.5)
        page.line(margin, y - 2.5, page.w - margin, y - 2.5, 0.4)
        y -= 2.5
    return y - 10


def footer(page: Page, editors, code, margin=36, extra=None):
    y = margin - 4
    page.line(margin, y + 11, page.w - margin, y + 11, 0.4)
    page.text(editors, margin, y, "Song", 7.5, group="footer")
    if extra:
        page.text(extra, page.w / 2, y, "MHei", 7.0, group="footer", align="center")
    page.text(code, page.w - margin, y, "Hei", 9, group="footer", align="right")


def ad_box(page: Page, x0, x1, ytop, ybot, lines):
    page.rect(x0, ybot, x1 - x0, ytop - ybot, fill=0.9, stroke=1.0)
    y = ytop - (ytop - ybot) / 2 + 14
    for s, size in lines:
        page.text(s, (x0 + x1) / 2, y, "Hei", size, group="ad", align="center")
        y -= size * 1.6


# ----------------------------------------------------------------------------- emission


def order_texts(page: Page, order: str, rng: random.Random) -> list[Text]:
    ts = list(page.texts)
    if order == "shuffled":
        groups = {}
        for t in ts:
            groups.setdefault(t.group, []).append(t)
        keys = list(groups)
        rng.shuffle(keys)
        return [t for k in keys for t in groups[k]]
    if order == "rows":
        return sorted(ts, key=lambda t: (-round(t.y, 1), t.x0))
    return ts


def set_render(to, mode: int):
    """Write Tr even when reportlab believes it is already set (Tr outlives ET)."""
    to._code.append(f"{mode} Tr")
    to._textRenderMode = mode


def emit(c: canvas.Canvas, page: Page, order: str, seed: int):
    rng = random.Random(seed)
    for sh in page.shapes:
        if sh[0] == "line":
            _k, x0, y0, x1, y1, w, gray = sh
            c.setStrokeGray(gray)
            c.setLineWidth(w)
            c.line(x0, y0, x1, y1)
        else:
            _k, x, y, w, h, fill, stroke = sh
            c.setLineWidth(stroke or 0.1)
            c.setStrokeGray(0)
            if fill is not None:
                c.setFillGray(fill)
            c.rect(x, y, w, h, stroke=1 if stroke else 0, fill=1 if fill is not None else 0)
    c.setFillGray(0)
    c.setStrokeGray(0)
    for t in order_texts(page, order, rng):
        gray = getattr(t, "gray", 0.0)
        if t.bold:
            c.setLineWidth(t.size * 0.03)
        if order == "chars":
            chars = t.chars()
            rng.shuffle(chars)
            for ch, x in chars:
                if ch == " ":
                    continue
                to = c.beginText()
                to.setFont(t.font, t.size)
                to.setFillGray(gray)
                to.setCharSpace(0)
                set_render(to, 2 if t.bold else 0)
                to.setTextOrigin(x, t.y)
                to.textOut(ch)
                c.drawText(to)
            continue
        to = c.beginText()
        to.setFont(t.font, t.size)
        to.setFillGray(gray)
        set_render(to, 2 if t.bold else 0)  # text state outlives BT/ET: always set
        to.setCharSpace(t.tc)
        for s, x in t.runs:
            to.setTextOrigin(x, t.y)
            to.textOut(s)
        c.drawText(to)


# ----------------------------------------------------------------------------- pages

PAPERS = {
    "jw": ("经纬金融日报", "JINGWEI FINANCIAL DAILY"),
    "hx": ("华夏财经时报", "HUAXIA BUSINESS TIMES"),
    "dh": ("东海经济报道", "DONGHAI ECONOMIC HERALD"),
    "zx": ("中信观察周刊", "ZHONGXIN FINANCE WEEKLY"),
}


def page_p01(pg: Page, rng):
    """Top/bottom: bank article over 5 columns with a chart, insurance article below; reading."""
    st = Style(body_size=9.5, leading=13.5, title_size=32, justify="tc", head_rule=True)
    y = header(pg, *PAPERS["jw"], "2026年3月16日", "一", "B5", "银行·保险", "classic")
    a = parse_article("bank_deposit")
    low, _n, _e = layout_article(pg, a, st, 36, pg.w - 36, y, 60, 5, st.justify, "A",
                                 chart={"col": 2, "after": 6, "height": 150})
    pg.line(36, low - 6, pg.w - 36, low - 6, 1.2)
    b = parse_article("insurance_dividend")
    st2 = Style(body_size=9.5, leading=13.5, title_size=26, title_align="center", justify="tc",
                head_rule=True, sub_font="Kai")
    layout_article(pg, b, st2, 36, pg.w - 36, low - 14, 60, 5, st2.justify, "B")
    footer(pg, "编辑 司徒远  美编 何雯  校对 林立", "B5", extra="www.jwfd.com.cn")
    return [a, b], {"cols": [5, 5], "arrangement": "top/bottom", "justify": "Tc",
                    "body_pt": 9.5, "chart": True}


def page_p02(pg: Page, rng):
    """Side by side: payment article (3 cols) left, LGFV article (2 cols) right; shuffled."""
    st = Style(body_size=9.0, leading=13.0, title_size=28, justify="pos", gutter=10,
               head_rule=False, head_font="Hei", head_size=10.5, col_rules=True,
               byline_pos="flow")
    y = header(pg, *PAPERS["hx"], "2026年3月18日", "三", "A7", "金融科技", "band")
    split = 36 + (pg.w - 72) * 0.6
    a = parse_article("payment_crossborder")
    low_a, _n, _e = layout_article(pg, a, st, 36, split - 9, y, 60, 3, st.justify, "A")
    pg.line(split, y, split, 60, 0.8)
    b = parse_article("lgfv_exit")
    st2 = Style(body_size=9.0, leading=13.0, title_size=24, justify="pos", gutter=10,
                head_rule=True, sub_size=11.5, sub_font="MHei")
    low_b, _n, _e = layout_article(pg, b, st2, split + 9, pg.w - 36, y, 60, 2, st2.justify, "B")
    ad_low = 70
    if low_a - ad_low > 90:
        ad_box(pg, 36, split - 9, low_a - 12, ad_low,
               [("星禾支付 让每一笔跨境收款更简单", 14), ("企业服务热线 400-820-1688", 9)])
    footer(pg, "编辑 欧阳晓  美编 黄柯  校对 施琪", "A7")
    return [a, b], {"cols": [3, 2], "arrangement": "side by side", "justify": "positioned units",
                    "body_pt": 9.0, "column_rules": True, "ad": True}


def page_p03(pg: Page, rng):
    """Broadsheet 6 columns, green finance with chart, row-ordered stream."""
    st = Style(body_size=9.5, leading=14.0, title_size=36, title_align="center", justify="tc",
               gutter=11, head_rule=True, head_align="center", sub_size=15)
    y = header(pg, *PAPERS["dh"], "2026年3月20日", "五", "B3", "绿色金融", "classic")
    a = parse_article("green_huzhou")
    low, _n, _e = layout_article(pg, a, st, 40, pg.w - 40, y, 60, 6, st.justify, "A",
                                 chart={"col": 3, "after": 4, "height": 170})
    pg.line(40, low - 6, pg.w - 40, low - 6, 1.2)
    b = parse_article("bank_deposit")
    st2 = Style(body_size=9.5, leading=14.0, title_size=24, justify="tc", gutter=11,
                head_rule=True, byline_pos="flow")
    layout_article(pg, b, st2, 40, pg.w - 40, low - 14, 60, 6, st2.justify, "B")
    footer(pg, "编辑 季岚  美编 潘越  校对 蔡一鸣", "B3")
    return [a, b], {"cols": [6, 6], "arrangement": "top/bottom", "justify": "Tc",
                    "body_pt": 9.5, "chart": True}


def page_p04(pg: Page, rng):
    """Tabloid, 4 columns at 10.5pt, interview, one text object per character."""
    st = Style(body_size=10.5, leading=15.5, title_size=30, justify="pos", gutter=14,
               head_rule=True, head_size=12, sub_size=13)
    y = header(pg, *PAPERS["zx"], "2026年3月21日", "六", "C2", "消费金融", "band", margin=30)
    a = parse_article("consumer_finance_qa")
    low, _n, _e = layout_article(pg, a, st, 30, pg.w - 30, y, 54, 4, st.justify, "A")
    if low - 54 > 80:
        ad_box(pg, 30, pg.w - 30, low - 10, 54,
               [("澄泓消费金融 · 理性借贷 量入为出", 15), ("贷款额度、利率以审批结果为准", 8)])
    footer(pg, "编辑 上官蓉  美编 林海  校对 贺文", "C2", margin=30)
    return [a], {"cols": [4], "arrangement": "single", "justify": "positioned units",
                 "body_pt": 10.5}


PAGES = {
    # id: (builder, (width, height), order, seed)
    "p01": (page_p01, (842, 1190), "reading", 1),
    "p02": (page_p02, (842, 1190), "shuffled", 2),
    "p03": (page_p03, (900, 1290), "rows", 3),
    "p04": (page_p04, (720, 1020), "chars", 4),
}


def build_pdf(path_or_buf, page_ids, seed_shift=0, order_override=None, encrypt=None):
    """Draw pages into one PDF; returns [(id, articles, layout, furniture)] per page."""
    c = canvas.Canvas(path_or_buf, pagesize=PAGES[page_ids[0]][1], invariant=1,
                      pageCompression=1, encrypt=encrypt)
    c.setTitle("jingdu test page")
    info = []
    for pid in page_ids:
        builder, size, order, seed = PAGES[pid]
        order = order_override or order
        rng = random.Random(seed + seed_shift)
        c.setPageSize(size)
        pg = Page(*size)
        arts, layout = builder(pg, rng)
        emit(c, pg, order, seed + seed_shift)
        c.showPage()
        info.append((pid, arts, dict(layout, order=order, page_size=list(size)), pg.furniture))
    c.save()
    return info


def gold_for(arts, layout, furniture) -> dict:
    golds = [a["gold"] for a in arts]
    g = dict(golds[0])
    g["articles"] = golds
    g["furniture"] = furniture
    g["layout"] = layout
    return g


def run_extractors(folder: Path):
    pdf = folder / "page.pdf"
    subprocess.run(["pdftotext", str(pdf), str(folder / "pdftotext.txt")], check=True)
    subprocess.run(["pdftotext", "-raw", str(pdf), str(folder / "pdftotext_raw.txt")], check=True)
    from pdfminer.high_level import extract_text
    (folder / "pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
    from pypdf import PdfReader
    r = PdfReader(str(pdf))
    (folder / "pypdf.txt").write_text("\n".join(p.extract_text() for p in r.pages),
                                      encoding="utf-8")
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(pdf))
    parts = []
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        parts.append(tp.get_text_range())
        tp.close()
    doc.close()
    (folder / "pypdfium2.txt").write_text("\n".join(parts), encoding="utf-8")


def make_page(pid: str, group=None):
    folder = HERE / pid
    folder.mkdir(exist_ok=True)
    ids = group or [pid]
    info = build_pdf(str(folder / "page.pdf"), ids)
    arts, furn = [], []
    layout = None
    for _pid, a, lay, f in info:
        arts += [x for x in a if x["key"] not in [y["key"] for y in arts]]
        furn += f
        layout = layout or lay
    gold = gold_for(arts, layout, furn)
    (folder / "clean.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    run_extractors(folder)
    size = (folder / "page.pdf").stat().st_size
    print(f"{pid}: {len(arts)} article(s), {size // 1024} KB")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default=None, help="comma-separated page ids")
    ap.add_argument("--pages24", default=None, metavar="OUT.pdf",
                    help="write a 24-page benchmark PDF (not committed) and stop")
    args = ap.parse_args(argv)
    register_fonts()
    if args.pages24:
        make_pages24(args.pages24)
        return 0
    ids = args.only.split(",") if args.only else list(PAGES)
    for pid in ids:
        make_page(pid)
    return 0


def make_pages24(out):
    ids = list(PAGES)
    seq = [ids[i % len(ids)] for i in range(24)]
    orders = ["reading", "shuffled", "rows", "chars"]
    c_info = None
    # vary the stream order on the second pass round
    buf = out
    c = canvas.Canvas(buf, pagesize=(842, 1190), invariant=1, pageCompression=1)
    for k, pid in enumerate(seq):
        builder, size, order, seed = PAGES[pid]
        if k >= len(ids):
            order = orders[(k + ids.index(pid)) % len(orders)]
        c.setPageSize(size)
        pg = Page(*size)
        builder(pg, random.Random(seed + k))
        emit(c, pg, order, seed + k)
        c.showPage()
    c.save()
    print(f"{out}: 24 pages")
    return c_info


if __name__ == "__main__":
    sys.exit(main())
