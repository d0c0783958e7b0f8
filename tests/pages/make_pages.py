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
            return _small_name_table(
                self.name.decode("latin-1") if isinstance(self.name, bytes) else str(self.name)
            )
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
    faces = {
        "Hei": hei,
        "MHei": mhei,
        "Song": song if song.exists() else mhei,
        "Kai": kai if kai.exists() else mhei,
    }
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
    all_text = "".join(
        [strip(title or ""), strip(subtitle or ""), byline or ""]
        + headings
        + [p["text"] for p in paragraphs]
    )
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
    gold = {
        "title": strip(title).replace("|", ""),
        "subtitle": strip(subtitle) if subtitle else None,
        "byline": byline,
        "headings": headings,
        "paragraphs": paragraphs,
        "captions": captions,
        "entities": ents,
        "optional_entities": a["optional"],
        "figures": [{"surface": f} for f in figs],
    }
    return {
        "key": key,
        "title": strip(title),
        "subtitle": strip(subtitle) if subtitle else None,
        "byline": byline,
        "blocks": [(b[0], strip(b[1]), *b[2:]) for b in blocks],
        "chart": a["chart"],
        "gold": gold,
    }


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

    def __init__(self, font, size, y, runs, tc=0.0, group="", bold=False):
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


def set_line(
    units, widths, x, y, width, font, size, justify, mode, group, bold=False, align="left"
):
    """Place one line; justify spreads the extra room over the char gaps (mode tc) or the unit
    gaps (pos)."""
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
        # Tc follows every glyph, the last one too: n - 1 gaps fill the line exactly
        tc = extra / (n - 1) if justify and n > 1 else 0.0
        return Text(font, size, y, [(text, x)], tc=tc, group=group, bold=bold)
    gap = extra / (len(units) - 1) if justify and len(units) > 1 else 0.0
    runs, cx = [], x
    for u, w in zip(units, widths, strict=True):
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

    def text(
        self,
        s,
        x,
        y,
        font,
        size,
        group="furniture",
        bold=False,
        align="left",
        furniture=True,
        gray=0.0,
    ):
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
    """Flow elements of an article body: ("line", …) / ("gap", height) / ("head", lines)."""
    els = []
    if st.byline_pos == "flow" and art["byline"]:
        for units, widths, _last in break_lines(
            art["byline"], colw, st.byline_font, st.byline_size
        ):
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
            els.append(
                (
                    "line",
                    units,
                    widths,
                    not last,
                    font,
                    st.body_size,
                    "body",
                    ind if k == 0 else 0.0,
                )
            )
        first = False
    return els


def fit_flow(
    els,
    start,
    segs,
    st: Style,
    grid_top: float,
    place: bool,
    group: str,
    mode: str,
    page: Page | None,
):
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
                        t = set_line(
                            units,
                            widths,
                            x,
                            yh,
                            st.colw,
                            st.head_font,
                            st.head_size,
                            False,
                            mode,
                            f"{group}:c{col}:s{si}",
                            bold=True,
                            align=st.head_align,
                        )
                        out.append(t)
                        yh -= hlead
                    if st.head_rule:
                        page.rect(
                            x,
                            yh + hlead - st.head_size * 0.35,
                            3.0,
                            st.head_size * 0.9,
                            fill=0.0,
                            stroke=0,
                        )
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
                t = set_line(
                    units,
                    widths,
                    x + indent,
                    y,
                    st.colw - indent,
                    f,
                    size,
                    justify,
                    mode,
                    f"{group}:c{col}:s{si}",
                    bold=(font == st.q_font and kind == "body"),
                )
                out.append(t)
            y -= lead
            at_top = False
            i += 1
        if i >= len(els):
            break
    return i, out


def layout_article(
    page: Page,
    art,
    st: Style,
    x0,
    x1,
    ytop,
    ybottom,
    ncols,
    mode,
    group,
    chart=None,
    balance=True,
    els=None,
    start=0,
    title=True,
    cont_mark=None,
    head_mark=None,
):
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
            page.text(
                t,
                x0 + (width / 2 if st.title_align == "center" else 0),
                y,
                st.title_font,
                ts,
                group=f"{group}:title",
                bold=True,
                align=st.title_align,
                furniture=False,
            )
            y -= ts * 0.25
        if art["subtitle"]:
            y -= 4
            for units, _widths, _l in break_lines(art["subtitle"], width, st.sub_font, st.sub_size):
                y -= st.sub_size * 1.1
                s = "".join(units)
                page.text(
                    s,
                    x0 + (width / 2 if st.title_align == "center" else 0),
                    y,
                    st.sub_font,
                    st.sub_size,
                    group=f"{group}:sub",
                    align=st.title_align,
                    furniture=False,
                )
                y -= st.sub_size * 0.25
        if art["byline"] and st.byline_pos == "under":
            y -= st.byline_size * 1.9
            page.text(
                art["byline"],
                x0 + (width / 2 if st.title_align == "center" else 0),
                y,
                st.byline_font,
                st.byline_size,
                group=f"{group}:byline",
                align=st.title_align,
                furniture=False,
            )
        y -= 8
        if st.title_rule:
            page.line(x0, y, x1, y, 0.6)
        y -= 8
    art["ncols"] = [*art.get("ncols", []), ncols]  # [5, 3]: continued in 3 columns
    if title:  # the gold lists the chart's caption lines only where the chart is drawn
        art["gold"]["captions"] = (
            [art["chart"]["caption"], art["chart"]["source"]] if chart and art["chart"] else []
        )
    if els is None:
        els = build_flow(art, st, colw)
    grid_top = y
    if head_mark:
        y -= st.leading
        page.text(
            head_mark,
            x0,
            grid_top - st.body_size * 0.88,
            st.head_font,
            st.body_size,
            group=f"{group}:mark",
        )
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
                cand = min(
                    cand, grid_top - chart["after"] * st.leading - chart["height"] - st.leading * 3
                )
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
        page.text(
            cont_mark,
            cx + colw,
            bottom + st.leading * 0.3,
            st.head_font,
            st.body_size,
            group=f"{group}:mark",
            align="right",
        )
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
    while max(sw(lab, "MHei", ls) for lab in ch["labels"]) > slot - 1 and ls > 4:
        ls -= 0.5
    for i, (lab, v, sv) in enumerate(zip(ch["labels"], vals, ch["values"], strict=True)):
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
        page.text(
            f"{date} 星期{weekday}", page.w / 2, top - 16, "Song", 9, group="header", align="center"
        )
        page.text(
            f"{code} {section}", page.w - margin, top - 16, "Hei", 13, group="header", align="right"
        )
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
    if order == "rows":  # baselines top to bottom, each row left to right across all columns
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
        if order in ("chars", "chars_inline"):
            chars = t.chars()
            if order == "chars":
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
    "nf": ("南方金融观察", "NANFANG FINANCE OBSERVER"),
}


def fill_ad(pg: Page, x0, x1, ytop, ybot, lines, min_h=70):
    """An advertisement box in leftover space (its text is furniture)."""
    if ytop - ybot >= min_h:
        ad_box(pg, x0, x1, ytop, ybot, lines)


def place(pg: Page, key, st: Style, x0, x1, ytop, ybot, ncols, group, chart=None):
    """Lay an article out on a scratch page; copy it onto pg only if it fits whole."""
    tmp = Page(pg.w, pg.h)
    a = parse_article(key)
    low, nxt, els = layout_article(
        tmp, a, st, x0, x1, ytop, ybot, ncols, st.justify, group, chart=chart
    )
    if nxt < len(els):
        return None
    pg.texts += tmp.texts
    pg.shapes += tmp.shapes
    pg.furniture += tmp.furniture
    return a, low


def stack(
    pg: Page, arts: list, x0, x1, ytop, ybot, entries, fillers=(), ad=None, min_fill=230, rule=1.0
):
    """Articles top to bottom in [x0, x1]; then fillers while room is left; then an ad.

    entries / fillers: (key, ncols, Style, chart-or-None). Returns the lowest y used."""
    y = ytop
    used = {a["key"] for a in arts}

    def put(key, ncols, st, chart):
        nonlocal y
        r = place(pg, key, st, x0, x1, y, ybot, ncols, f"{key}", chart)
        if r is None:
            return False
        arts.append(r[0])
        used.add(key)
        y = r[1] - 6
        if y - ybot > 40:
            pg.line(x0, y, x1, y, rule)
        y -= 14
        return True

    for key, ncols, st, chart in entries:
        assert key not in used, key
        assert put(key, ncols, st, chart), f"{key} does not fit"
    for key, ncols, st, chart in fillers:
        if y - ybot < min_fill:
            break
        if key not in used:
            put(key, ncols, st, chart)
    if ad and y - ybot >= 70:
        ad_box(pg, x0, x1, y + 4, ybot, ad)
    return y


def S(base: dict, **kw) -> Style:
    return Style(**dict(base, **kw))


def page_p01(pg: Page, rng):
    """Bank article over 5 columns with a chart, then two more articles below; reading."""
    base = dict(body_size=9.5, leading=13.5, justify="tc", head_rule=True)
    y = header(pg, *PAPERS["jw"], "2026年3月16日", "一", "B5", "银行·保险", "classic")
    arts = []
    stack(
        pg,
        arts,
        36,
        pg.w - 36,
        y,
        60,
        [
            ("bank_deposit", 5, S(base, title_size=32), {"col": 2, "after": 6, "height": 150}),
            ("insurance_dividend", 5, S(base, title_size=26, title_align="center"), None),
        ],
        [
            ("pension", 5, S(base, title_size=22, byline_pos="flow"), None),
            ("digital_rmb", 5, S(base, title_size=22, byline_pos="flow"), None),
            ("supply_chain", 5, S(base, title_size=22), None),
            ("brokerage", 5, S(base, title_size=22), None),
        ],
        ad=[("安和人寿 · 守护每一个家庭的长期幸福", 16), ("全国客户服务热线 95599-8", 9)],
    )
    footer(pg, "编辑 司徒远  美编 何雯  校对 林立", "B5", extra="www.jwfd.com.cn")
    return arts, {
        "arrangement": "stacked",
        "justify": "Tc per line",
        "body_pt": 9.5,
        "body_font": "Song",
        "chart": True,
        "indent": "2 chars",
    }


def page_p02(pg: Page, rng):
    """Side by side: 3 columns left, 2 columns right, each with its own articles; shuffled."""
    base = dict(
        body_size=9.0,
        leading=13.0,
        justify="pos",
        gutter=10,
        head_size=10.5,
        col_rules=True,
        body_font="MHei",
        sub_font="Kai",
        byline_font="Kai",
    )
    y = header(pg, *PAPERS["hx"], "2026年3月18日", "三", "A7", "金融科技", "band")
    split = 36 + (pg.w - 72) * 0.6
    arts = []
    stack(
        pg,
        arts,
        36,
        split - 9,
        y,
        60,
        [("payment_crossborder", 3, S(base, title_size=28, byline_pos="flow"), None)],
        [
            ("brokerage", 3, S(base, title_size=22, head_rule=True), None),
            ("wealth_nav", 3, S(base, title_size=22), None),
        ],
        ad=[("星禾支付 让每一笔跨境收款更简单", 14), ("企业服务热线 400-820-1688", 9)],
    )
    pg.line(split, y, split, 60, 0.8)
    stack(
        pg,
        arts,
        split + 9,
        pg.w - 36,
        y,
        60,
        [
            (
                "lgfv_exit",
                2,
                S(base, title_size=24, head_rule=True, sub_size=11.5, sub_font="MHei"),
                None,
            )
        ],
        [
            ("supply_chain", 2, S(base, title_size=18, head_rule=True), None),
            ("insurer_stake", 2, S(base, title_size=18, head_rule=True), None),
        ],
        ad=[("黔中城投 · 城市更新", 12), ("共建美好家园", 10)],
    )
    footer(pg, "编辑 欧阳晓  美编 黄柯  校对 施琪", "A7")
    return arts, {
        "arrangement": "side by side (left block | right block)",
        "justify": "positioned units",
        "body_pt": 9.0,
        "body_font": "MHei",
        "column_rules": True,
        "byline": "some in column 1, some under the title",
    }


def page_p03(pg: Page, rng):
    """Broadsheet 6 columns, green finance with chart and more below; row-ordered stream."""
    base = dict(
        body_size=9.5,
        leading=14.0,
        justify="tc",
        gutter=11,
        head_rule=True,
        body_font="Hei",
        sub_font="Hei",
        byline_font="MHei",
    )
    y = header(pg, *PAPERS["dh"], "2026年3月20日", "五", "B3", "绿色金融", "classic")
    arts = []
    stack(
        pg,
        arts,
        40,
        pg.w - 40,
        y,
        60,
        [
            (
                "green_huzhou",
                6,
                S(base, title_size=36, title_align="center", head_align="center", sub_size=15),
                {"col": 3, "after": 4, "height": 170},
            ),
            ("fund_fee", 6, S(base, title_size=26, byline_pos="flow"), None),
        ],
        [
            ("consumer_finance_qa", 6, S(base, title_size=24), None),
            ("insurer_stake", 6, S(base, title_size=24), None),
        ],
        ad=[("碧溪银行 绿色金融 伴您同行", 18), ("碳效贷 · 绿色消费贷 · 技改贷", 10)],
    )
    footer(pg, "编辑 季岚  美编 潘越  校对 蔡一鸣", "B3")
    return arts, {
        "arrangement": "stacked",
        "justify": "Tc per line",
        "body_pt": 9.5,
        "body_font": "Hei",
        "chart": True,
        "page": "broadsheet",
    }


def page_p04(pg: Page, rng):
    """Tabloid, one interview in 3 columns at 11pt, one text object per character (shuffled)."""
    st = Style(
        body_size=11.0,
        leading=17.0,
        title_size=30,
        justify="pos",
        gutter=14,
        head_rule=True,
        head_size=12.5,
        sub_size=13,
        body_font="MHei",
        byline_font="MHei",
    )
    y = header(pg, *PAPERS["zx"], "2026年3月21日", "六", "C2", "消费金融", "band", margin=30)
    arts = []
    stack(
        pg,
        arts,
        30,
        pg.w - 30,
        y,
        54,
        [("consumer_finance_qa", 3, st, None)],
        ad=[("澄泓消费金融 · 理性借贷 量入为出", 15), ("贷款额度、利率以审批结果为准", 8)],
    )
    footer(pg, "编辑 上官蓉  美编 林海  校对 贺文", "C2", margin=30)
    return arts, {
        "arrangement": "single article and an ad",
        "justify": "positioned units",
        "body_pt": 11.0,
        "body_font": "MHei",
        "interview": True,
        "chars": "one text object per character, shuffled within each line",
    }


def page_p05(pg: Page, rng):
    """No first-line indent, paragraphs separated by a gap; 4 columns over 5; reading."""
    base = dict(
        body_size=9.0,
        leading=13.0,
        justify="pos",
        gutter=12,
        indent=0,
        para_gap=5.0,
        head_size=10.5,
        body_font="MHei",
        sub_font="Hei",
        byline_font="MHei",
    )
    y = header(pg, *PAPERS["jw"], "2026年3月23日", "一", "B2", "财富管理", "classic")
    arts = []
    stack(
        pg,
        arts,
        36,
        pg.w - 36,
        y,
        60,
        [
            ("wealth_nav", 4, S(base, title_size=30, head_align="center", title_rule=False), None),
            ("insurer_stake", 5, S(base, title_size=24, title_align="center"), None),
        ],
        [
            ("fund_fee", 4, S(base, title_size=22), None),
            ("brokerage", 5, S(base, title_size=22), None),
        ],
        ad=[("澄泓理财 稳健理财 长期陪伴", 18), ("理财非存款 产品有风险 投资须谨慎", 9)],
        rule=0.6,
    )
    footer(pg, "编辑 邵明  美编 何雯  校对 林立", "B2", extra="www.jwfd.com.cn")
    return arts, {
        "arrangement": "stacked",
        "justify": "positioned units",
        "body_pt": 9.0,
        "body_font": "MHei",
        "indent": "none; paragraphs separated by a 5pt gap",
    }


def page_p06(pgs: list, rng):
    """Two pages: the village-bank article starts on B1 (下转B2) and ends on B2 (上接B1)."""
    p1, p2 = pgs
    base = dict(body_size=9.5, leading=13.5, justify="tc", gutter=12, head_rule=True)
    st = S(base, title_size=34, sub_size=14)
    y = header(p1, *PAPERS["nf"], "2026年3月24日", "二", "B1", "银行", "classic")
    a = parse_article("rural_bank_merger")
    low, nxt, els = layout_article(
        p1,
        a,
        st,
        36,
        p1.w - 36,
        y,
        y - 340,
        5,
        st.justify,
        "A",
        balance=False,
        cont_mark="（下转B2）",
    )
    assert nxt < len(els), "the article must overflow onto B2"
    p1.line(36, low - 6, p1.w - 36, low - 6, 1.2)
    arts = [a]
    stack(
        p1,
        arts,
        36,
        p1.w - 36,
        low - 20,
        60,
        [("pension", 5, S(base, title_size=26, title_align="center"), None)],
        [("tech_loan", 5, S(base, title_size=22), None)],
        ad=[("长衡人寿 专属商业养老保险", 18), ("为长寿时代做好准备", 10)],
    )
    footer(p1, "编辑 岳川  美编 黄柯  校对 施琪", "B1")
    # B2: the continuation and one more article left (3 columns), two articles right (2)
    y = header(p2, *PAPERS["nf"], "2026年3月24日", "二", "B2", "银行·公司", "classic")
    split = 36 + (p2.w - 72) * 0.6
    st.title_rule = False
    low_a, nxt2, _e = layout_article(
        p2,
        a,
        st,
        36,
        split - 9,
        y,
        60,
        3,
        st.justify,
        "A2",
        els=els,
        start=nxt,
        title=False,
        head_mark="（上接B1）",
    )
    assert nxt2 >= len(els)
    p2.line(36, low_a - 6, split - 9, low_a - 6, 1.0)
    stack(
        p2,
        arts,
        36,
        split - 9,
        low_a - 20,
        60,
        [],
        [
            ("wealth_nav", 3, S(base, title_size=22), None),
            ("brokerage", 3, S(base, title_size=20), None),
        ],
        ad=[("沃川农商银行", 18), ("扎根县域 服务三农", 11)],
    )
    p2.line(split, y, split, 60, 0.8)
    stack(
        p2,
        arts,
        split + 9,
        p2.w - 36,
        y,
        60,
        [("supply_chain", 2, S(base, title_size=20, byline_pos="flow", gutter=10), None)],
        [("insurer_stake", 2, S(base, title_size=18, gutter=10), None)],
        ad=[("湘江银行 交易银行", 13), ("供应链金融 一站服务", 9)],
    )
    footer(p2, "编辑 岳川  美编 黄柯  校对 施琪", "B2")
    return arts, {
        "pages": 2,
        "arrangement": "B1: stacked, the first article continues on B2; "
        "B2: continuation + article | articles",
        "continuation": "（下转B2） at the foot of B1 column 5, （上接B1） heads B2",
        "justify": "Tc per line",
        "body_pt": 9.5,
        "body_font": "Song",
    }


def page_p07(pg: Page, rng):
    """Three wide columns at 10.5pt: interview with chart; tech-loan article below in 4 cols."""
    base = dict(justify="tc", head_rule=True, body_font="MHei", sub_font="Hei", byline_font="MHei")
    y = header(pg, *PAPERS["hx"], "2026年3月25日", "三", "A5", "公司·对话", "band")
    arts = []
    stack(
        pg,
        arts,
        36,
        pg.w - 36,
        y,
        60,
        [
            (
                "pengcheng_qa",
                3,
                S(
                    base,
                    body_size=10.5,
                    leading=16.0,
                    title_size=28,
                    gutter=16,
                    head_size=12,
                    sub_size=13.5,
                ),
                {"col": 1, "after": 9, "height": 160},
            ),
            (
                "tech_loan",
                4,
                S(
                    base,
                    body_size=9.5,
                    leading=14.0,
                    title_size=22,
                    gutter=12,
                    sub_size=11,
                    col_rules=True,
                ),
                {"col": 3, "after": 2, "height": 150},
            ),
        ],
        [
            (
                "bank_deposit",
                4,
                S(
                    base,
                    body_size=9.5,
                    leading=14.0,
                    title_size=20,
                    gutter=12,
                    col_rules=True,
                    sub_size=11,
                ),
                None,
            )
        ],
        ad=[("鹏程重工 装备中国 服务全球", 16), ("股票代码 600988", 9)],
    )
    footer(pg, "编辑 欧阳晓  美编 潘越  校对 蔡一鸣", "A5")
    return arts, {
        "arrangement": "stacked",
        "justify": "Tc per line",
        "body_pt": [10.5, 9.5],
        "body_font": "MHei",
        "chart": True,
        "interview": True,
    }


def page_p08(pg: Page, rng):
    """Side by side, left 3 columns with chart, right 2 columns; row-ordered stream."""
    base = dict(
        body_size=9.5,
        leading=13.5,
        justify="pos",
        gutter=11,
        head_rule=True,
        body_font="Hei",
        sub_font="Hei",
        byline_font="MHei",
        col_rules=True,
    )
    y = header(pg, *PAPERS["dh"], "2026年3月26日", "四", "B6", "证券·支付", "classic")
    split = 36 + (pg.w - 72) * 0.58
    arts = []
    stack(
        pg,
        arts,
        36,
        split - 9,
        y,
        60,
        [("brokerage", 3, S(base, title_size=26), {"col": 2, "after": 3, "height": 150})],
        [
            ("fund_fee", 3, S(base, title_size=20), None),
            ("lgfv_exit", 3, S(base, title_size=20), None),
        ],
        ad=[("东方晨证券 两融专享", 16), ("投资有风险 入市需谨慎", 9)],
    )
    pg.line(split, y, split, 60, 0.8)
    stack(
        pg,
        arts,
        split + 9,
        pg.w - 36,
        y,
        60,
        [("digital_rmb", 2, S(base, title_size=22, byline_pos="flow"), None)],
        [
            ("pension", 2, S(base, title_size=18, byline_pos="flow"), None),
            ("green_huzhou", 2, S(base, title_size=18), None),
        ],
        ad=[("吴门银行 数字人民币", 13), ("对公钱包 一键开立", 9)],
    )
    footer(pg, "编辑 季岚  美编 何雯  校对 贺文", "B6")
    return arts, {
        "arrangement": "side by side (left block | right block)",
        "justify": "positioned units",
        "body_pt": 9.5,
        "body_font": "Hei",
        "chart": True,
        "column_rules": True,
    }


def page_p09(pg: Page, rng):
    """Broadsheet, 6 narrow columns at 8.8pt, blocks written in random order."""
    base = dict(
        body_size=8.8,
        leading=12.5,
        justify="tc",
        gutter=9,
        head_rule=True,
        head_size=10,
        body_font="MHei",
        sub_font="Hei",
        byline_font="MHei",
        col_rules=True,
    )
    y = header(pg, *PAPERS["zx"], "2026年3月27日", "五", "B4", "中小银行", "band")
    arts = []
    stack(
        pg,
        arts,
        36,
        pg.w - 36,
        y,
        60,
        [
            (
                "rural_bank_merger",
                6,
                S(base, title_size=34, title_align="center", sub_size=13),
                None,
            ),
            ("lgfv_exit", 6, S(base, title_size=24), None),
        ],
        [
            ("payment_crossborder", 6, S(base, title_size=22), None),
            ("bank_deposit", 6, S(base, title_size=22), {"col": 4, "after": 2, "height": 140}),
        ],
        ad=[("河东农商联合银行 与您共成长", 18), ("存款保险标识 被保险存款", 9)],
    )
    footer(pg, "编辑 上官蓉  美编 林海  校对 贺文", "B4")
    return arts, {
        "arrangement": "stacked",
        "justify": "Tc per line",
        "body_pt": 8.8,
        "body_font": "MHei",
        "column_rules": True,
        "page": "broadsheet",
    }


def page_p10(pg: Page, rng):
    """One text object per character, in order within each line; 5 columns; Hei body."""
    base = dict(
        body_size=9.5,
        leading=14.0,
        justify="pos",
        gutter=12,
        head_rule=True,
        body_font="Hei",
        sub_font="Hei",
        byline_font="MHei",
    )
    y = header(pg, *PAPERS["hx"], "2026年3月28日", "六", "A8", "支付·养老", "band")
    arts = []
    stack(
        pg,
        arts,
        36,
        pg.w - 36,
        y,
        60,
        [
            ("payment_crossborder", 5, S(base, title_size=30, title_align="center"), None),
            ("pension", 5, S(base, title_size=24, byline_pos="flow"), None),
        ],
        [
            ("wealth_nav", 5, S(base, title_size=22), None),
            ("insurer_stake", 5, S(base, title_size=22), None),
        ],
        ad=[("星禾科技 02690", 16), ("连接世界的支付", 10)],
    )
    footer(pg, "编辑 欧阳晓  美编 黄柯  校对 施琪", "A8")
    return arts, {
        "arrangement": "stacked",
        "justify": "positioned units",
        "body_pt": 9.5,
        "body_font": "Hei",
        "chars": "one text object per character, in order within each line",
    }


def page_p11(pg: Page, rng):
    """Side by side: left 2 columns, right 3 columns with chart; Song body; reading order."""
    base = dict(
        body_size=10.0,
        leading=14.5,
        justify="tc",
        gutter=12,
        head_rule=True,
        head_size=11,
        col_rules=True,
    )
    y = header(pg, *PAPERS["jw"], "2026年3月30日", "一", "B7", "绿色金融·保险", "classic")
    split = 36 + (pg.w - 72) * 0.4
    arts = []
    stack(
        pg,
        arts,
        36,
        split - 9,
        y,
        60,
        [("insurance_dividend", 2, S(base, title_size=24), None)],
        [
            ("consumer_finance_qa", 2, S(base, title_size=18), None),
            ("supply_chain", 2, S(base, title_size=18), None),
        ],
        ad=[("长衡人寿", 18), ("分红险 · 养老险", 10)],
    )
    pg.line(split, y, split, 60, 0.8)
    stack(
        pg,
        arts,
        split + 9,
        pg.w - 36,
        y,
        60,
        [
            (
                "green_huzhou",
                3,
                S(base, title_size=28, sub_size=12.5, byline_pos="flow"),
                {"col": 1, "after": 12, "height": 165},
            )
        ],
        [
            ("fund_fee", 3, S(base, title_size=20), None),
            ("tech_loan", 3, S(base, title_size=20), None),
        ],
        ad=[("湖州 · 绿水青山就是金山银山", 13)],
    )
    footer(pg, "编辑 司徒远  美编 何雯  校对 林立", "B7", extra="www.jwfd.com.cn")
    return arts, {
        "arrangement": "side by side (left block | right block)",
        "justify": "Tc per line",
        "body_pt": 10.0,
        "body_font": "Song",
        "chart": True,
        "column_rules": True,
    }


def page_p12(pg: Page, rng):
    """Four columns with chart over five; row-ordered stream; 800x1130 page."""
    base = dict(justify="tc", head_rule=True, body_font="MHei", sub_font="Hei", byline_font="MHei")
    y = header(pg, *PAPERS["nf"], "2026年3月31日", "二", "B8", "公司金融", "classic", margin=40)
    arts = []
    stack(
        pg,
        arts,
        40,
        pg.w - 40,
        y,
        60,
        [
            (
                "pengcheng_qa",
                4,
                S(
                    base,
                    body_size=10.0,
                    leading=15.0,
                    title_size=30,
                    gutter=14,
                    head_size=11.5,
                    head_align="center",
                ),
                {"col": 3, "after": 5, "height": 165},
            ),
            (
                "insurer_stake",
                5,
                S(base, body_size=9.5, leading=14.0, title_size=24, gutter=12),
                None,
            ),
        ],
        [
            (
                "supply_chain",
                5,
                S(base, body_size=9.5, leading=14.0, title_size=22, gutter=12),
                None,
            ),
            (
                "digital_rmb",
                5,
                S(base, body_size=9.5, leading=14.0, title_size=22, gutter=12),
                None,
            ),
        ],
        ad=[("临港银行 601928", 16), ("与长期价值同行", 10)],
    )
    footer(pg, "编辑 岳川  美编 潘越  校对 蔡一鸣", "B8", margin=40)
    return arts, {
        "arrangement": "stacked",
        "justify": "Tc per line",
        "body_pt": [10.0, 9.5],
        "body_font": "MHei",
        "chart": True,
        "interview": True,
    }


A3 = (842, 1190)
PAGES = {
    # id: (builder, [page sizes], order, seed)
    "p01": (page_p01, [A3], "reading", 1),
    "p02": (page_p02, [A3], "shuffled", 2),
    "p03": (page_p03, [(900, 1290)], "rows", 3),
    "p04": (page_p04, [(720, 1020)], "chars", 4),
    "p05": (page_p05, [A3], "reading", 5),
    "p06": (page_p06, [A3, A3], "reading", 6),
    "p07": (page_p07, [(760, 1080)], "reading", 7),
    "p08": (page_p08, [A3], "rows", 8),
    "p09": (page_p09, [(936, 1300)], "shuffled", 9),
    "p10": (page_p10, [A3], "chars_inline", 10),
    "p11": (page_p11, [A3], "reading", 11),
    "p12": (page_p12, [(800, 1130)], "rows", 12),
}


def build_pages(pid, seed_shift=0):
    builder, sizes, order, seed = PAGES[pid]
    rng = random.Random(seed + seed_shift)
    pgs = [Page(*s) for s in sizes]
    arts, layout = builder(pgs[0] if len(pgs) == 1 else pgs, rng)
    # columns of each article in page order (a list where an article continues elsewhere)
    layout = dict(
        layout, cols=[a["ncols"][0] if len(a["ncols"]) == 1 else a["ncols"] for a in arts]
    )
    return pgs, arts, layout, order, seed + seed_shift


def build_pdf(path, page_ids, seed_shift=0, order_override=None, encrypt=None):
    """Draw pages into one PDF; returns [(id, articles, layout, furniture)] per page id."""
    c = canvas.Canvas(
        path, pagesize=PAGES[page_ids[0]][1][0], invariant=1, pageCompression=1, encrypt=encrypt
    )
    c.setTitle("jingdu test page")
    info = []
    for pid in page_ids:
        pgs, arts, layout, order, seed = build_pages(pid, seed_shift)
        order = order_override or order
        furniture = []
        for k, pg in enumerate(pgs):
            c.setPageSize((pg.w, pg.h))
            emit(c, pg, order, seed * 100 + k)
            c.showPage()
            furniture += pg.furniture
        lay = dict(
            layout,
            order="chars" if order == "chars_inline" else order,
            page_size=[[p.w, p.h] for p in pgs] if len(pgs) > 1 else [pgs[0].w, pgs[0].h],
        )
        info.append((pid, arts, lay, furniture))
    c.save()
    return info


def gold_for(arts, layout, furniture) -> dict:
    golds = [a["gold"] for a in arts]
    g = dict(golds[0])
    g["articles"] = golds
    g["furniture"] = furniture
    g["layout"] = layout
    return g


def run_extractors(folder: Path, pdf: Path | None = None):
    pdf = pdf or folder / "page.pdf"
    subprocess.run(["pdftotext", str(pdf), str(folder / "pdftotext.txt")], check=True)
    subprocess.run(["pdftotext", "-raw", str(pdf), str(folder / "pdftotext_raw.txt")], check=True)
    from pdfminer.high_level import extract_text

    (folder / "pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
    from pypdf import PdfReader

    r = PdfReader(str(pdf))
    (folder / "pypdf.txt").write_text(
        "\n".join(p.extract_text() for p in r.pages), encoding="utf-8"
    )
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    parts = []
    for i in range(len(doc)):
        page = doc[i]
        tp = page.get_textpage()
        parts.append(tp.get_text_range())
        tp.close()
        page.close()
    doc.close()
    (folder / "pypdfium2.txt").write_text("\n".join(parts), encoding="utf-8")


def make_page(pid: str):
    folder = HERE / pid
    folder.mkdir(exist_ok=True)
    [(_pid, arts, layout, furniture)] = build_pdf(str(folder / "page.pdf"), [pid])
    gold = gold_for(arts, layout, furniture)
    (folder / "clean.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    run_extractors(folder)
    size = (folder / "page.pdf").stat().st_size
    print(f"{pid}: {len(arts)} article(s), order {layout['order']}, {size // 1024} KB")


# ----------------------------------------------------------------------------- bad PDFs


def make_bad():
    """bad/: encrypted, scanned-like (image only), truncated, and no-ToUnicode PDFs."""
    bad = HERE / "bad"
    bad.mkdir(exist_ok=True)
    good = HERE / "p01" / "page.pdf"
    # encrypted with a user password (reportlab's standard encryption)
    build_pdf(str(bad / "encrypted.pdf"), ["p04"], encrypt="jingdu-secret")
    # truncated: the first half of a good PDF's bytes
    data = good.read_bytes()
    (bad / "truncated.pdf").write_bytes(data[: len(data) // 2])
    # scanned-like: a raster image of a page, no text at all
    png = bad / "_scan"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "50",
            "-gray",
            "-png",
            "-singlefile",
            str(HERE / "p05" / "page.pdf"),
            str(png),
        ],
        check=True,
    )
    from PIL import Image

    img = Image.open(str(png) + ".png").convert("L")
    jpg = io.BytesIO()
    img.save(jpg, "JPEG", quality=45)
    jpg.seek(0)
    from reportlab.lib.utils import ImageReader

    c = canvas.Canvas(str(bad / "scanned.pdf"), pagesize=A3, invariant=1, pageCompression=1)
    c.drawImage(ImageReader(jpg), 0, 0, width=A3[0], height=A3[1])
    c.showPage()
    c.save()
    Path(str(png) + ".png").unlink()
    # no ToUnicode: the text is there, but its codes map to nothing readable
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    r = PdfReader(str(HERE / "p07" / "page.pdf"))
    w = PdfWriter()
    for p in r.pages:
        fonts = p["/Resources"]["/Font"]
        for _name, ref in fonts.items():
            f = ref.get_object()
            if NameObject("/ToUnicode") in f:
                del f[NameObject("/ToUnicode")]
        w.add_page(p)
    with open(bad / "no_tounicode.pdf", "wb") as fh:
        w.write(fh)
    for f in sorted(bad.glob("*.pdf")):
        print(f"bad/{f.name}: {f.stat().st_size // 1024} KB")


# ----------------------------------------------------------------------------- 24 pages


def make_pages24(out):
    """A 24-page benchmark PDF: the single-page layouts twice over, with other stream orders
    and other seeds on the second pass (multi-page p06 counts as two)."""
    ids = list(PAGES)
    orders = ["reading", "shuffled", "rows", "chars", "chars_inline"]
    c = canvas.Canvas(out, pagesize=A3, invariant=1, pageCompression=1)
    n = 0
    k = 0
    while n < 24:
        pid = ids[k % len(ids)]
        pgs, _arts, _layout, order, seed = build_pages(pid, seed_shift=k)
        if k >= len(ids):
            order = orders[(k + ids.index(pid)) % len(orders)]
        for j, pg in enumerate(pgs):
            if n >= 24:
                break
            c.setPageSize((pg.w, pg.h))
            emit(c, pg, order, seed * 100 + j)
            c.showPage()
            n += 1
        k += 1
    c.save()
    print(f"{out}: 24 pages, {Path(out).stat().st_size // 1024} KB")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default=None, help="comma-separated page ids")
    ap.add_argument("--no-bad", action="store_true", help="skip the bad/ PDFs")
    ap.add_argument(
        "--pages24",
        default=None,
        metavar="OUT.pdf",
        help="write a 24-page benchmark PDF (not committed) and stop",
    )
    args = ap.parse_args(argv)
    register_fonts()
    if args.pages24:
        make_pages24(args.pages24)
        return 0
    ids = args.only.split(",") if args.only else list(PAGES)
    for pid in ids:
        make_page(pid)
    if not args.no_bad and not args.only:
        make_bad()
    return 0


if __name__ == "__main__":
    sys.exit(main())
