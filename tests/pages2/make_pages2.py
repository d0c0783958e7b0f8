"""Typeset the pages2 newspaper corpus (q01..q10) and write gold + extractor outputs.

    /work/venv/bin/python tests/pages2/make_pages2.py [--only q03] [--no-extract]

Own layout engine (fontTools advance widths) -> a list of drawing operations per page ->
rendered by fpdf2 or reportlab.  The gold comes from the same data the engine typesets.
"""

import datetime
import json
import os
import random
import re
import subprocess
import sys

from fontTools.ttLib import TTFont as FTFont

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from articles2 import ARTICLES  # noqa: E402

FONT_FILES = {
    "song": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    "hei": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    "zhei": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
}

NOSTART = set("，。、；：？！）》」』”’%…·,.;:!?)]】")
NOEND = set("（《「『“‘([【")


# ---------------------------------------------------------------- metrics
class Metrics:
    def __init__(self):
        self.adv = {}
        for name, (path, idx) in FONT_FILES.items():
            f = FTFont(path, fontNumber=idx, lazy=True)
            cmap = f.getBestCmap()
            hm = f["hmtx"].metrics
            upem = f["head"].unitsPerEm
            self.adv[name] = {cp: hm[g][0] / upem for cp, g in cmap.items()}

    def w(self, font, s, size):
        a = self.adv[font]
        tot = 0.0
        for ch in s:
            cp = ord(ch)
            if cp not in a:
                raise KeyError(f"glyph {ch!r} missing in {font}")
            tot += a[cp]
        return tot * size

    def char_w(self, font, ch, size):
        return self.adv[font][ord(ch)] * size


M = None

# ---------------------------------------------------------------- markup
FIG_RE = re.compile(r"\{([^{}]*)\}")


def strip(s):
    return FIG_RE.sub(r"\1", s)


def figs(s):
    return FIG_RE.findall(s)


UNIT_RE = re.compile(r"——|[0-9A-Za-z.%+&/\-]+(?:—[0-9A-Za-z.%]+)*|.", re.S)


def units(s):
    return UNIT_RE.findall(s)


# ---------------------------------------------------------------- page model
class Page:
    def __init__(self, name, w, h, backend, order="reading", seed=0):
        self.name, self.w, self.h, self.backend, self.order = name, w, h, backend, order
        self.ops = []  # (block, op)
        self.seed = seed
        self.block_n = 0
        self.furniture = []
        self.articles = []  # gold dicts
        self.layout = {}

    def new_block(self, tag):
        self.block_n += 1
        return f"{self.block_n:03d}-{tag}"

    def text(self, block, x, y, s, font, size, cs=0.0, bold=False, gray=0.0, owner=None):
        self.ops.append(
            (block, dict(k="T", x=x, y=y, s=s, font=font, size=size, cs=cs, bold=bold, gray=gray))
        )
        if owner is None:
            self.furniture.append(s)

    def rect(self, block, x, y, w, h, stroke=0.5, fill=None, sgray=0.0):
        self.ops.append(
            (block, dict(k="R", x=x, y=y, w=w, h=h, stroke=stroke, fill=fill, sgray=sgray))
        )

    def line(self, block, x1, y1, x2, y2, width=0.5, gray=0.0):
        self.ops.append((block, dict(k="L", x1=x1, y1=y1, x2=x2, y2=y2, width=width, gray=gray)))


# ---------------------------------------------------------------- line breaking
def next_line(us, i, width, font, size, first_indent=0.0):
    """Greedy line from units us[i:]; returns end index (exclusive)."""
    wsum = first_indent
    j = i
    while j < len(us):
        uw = M.w(font, us[j], size)
        if j > i and wsum + uw > width + 0.01:
            break
        wsum += uw
        j += 1
    if j >= len(us):
        return j
    # kinsoku: the next line must not start with a closing mark
    k = j
    while k > i + 1 and us[k][0] in NOSTART:
        k -= 1
    # the line must not end with an opening mark
    while k > i + 1 and us[k - 1][-1] in NOEND:
        k -= 1
    return k


# ---------------------------------------------------------------- article placement
class Style:
    def __init__(self, **kw):
        self.font = "song"
        self.size = 10.0
        self.lead = 1.55
        self.justify = True
        self.indent = "offset"  # offset | ideo | none
        self.para_gap = 0.0  # in lines, for indent none typically 0.6
        self.head_font = "zhei"
        self.head_size = None
        self.head_align = "left"
        self.head_bold = True
        self.head_gap = 0.5
        self.title_font = "zhei"
        self.title_size = 26
        self.title_bold = True
        self.title_align = "center"
        self.deck_font = "song"
        self.deck_size = 13
        self.byline_font = "hei"
        self.byline_size = 9.5
        self.byline_align = "left"
        self.q_font = "zhei"
        self.q_bold = True
        self.gutter = 12
        self.rule = False
        self.__dict__.update(kw)

    @property
    def leading(self):
        return self.size * self.lead


def draw_line_text(page, block, x, y, s, font, size, width, justify, bold=False, owner=True):
    cs = 0.0
    if justify and len(s) > 1:
        nat = M.w(font, s, size)
        cs = (width - nat) / (len(s) - 1)
        if cs < 0:
            cs = 0.0
    page.text(block, x, y, s, font, size, cs=cs, bold=bold, owner=owner)


def place_article(
    page,
    key,
    x0,
    y0,
    x1,
    colw,
    st,
    *,
    max_bottom,
    title_span=None,
    paras=None,
    jump_title=None,
    cont_before=None,
    cont_after=None,
    chart=None,
    photo=None,
    box=False,
    byline_in_col=False,
    title_lines=None,
    min_h=0,
):
    """Place article `key` in [x0,x1] starting at y0.  colw: list of relative column widths.
    Returns the bottom y."""
    A = ARTICLES[key]
    pad = 0
    if box:
        pad = 9
        bx0, by0 = x0, y0
        x0 += pad
        x1 -= pad
        y0 += pad
    n = len(colw)
    tot = sum(colw)
    avail = (x1 - x0) - st.gutter * (n - 1)
    widths = [avail * c / tot for c in colw]
    xs = []
    x = x0
    for wdt in widths:
        xs.append(x)
        x += wdt + st.gutter
    if title_span is None:
        title_span = (0, n)
    ts0, ts1 = title_span
    tx0 = xs[ts0]
    tx1 = xs[ts1 - 1] + widths[ts1 - 1]
    tw = tx1 - tx0

    gold_paras = []
    headings = []
    captions = []
    figures = []
    seg_text = []  # all article text, for entity filtering

    y = y0
    title_lines = title_lines or (jump_title if jump_title else A["title"])
    deck = None if jump_title else A.get("deck")

    def draw_centered(block, s, font, size, bold, align, yy):
        sw = M.w(font, s, size)
        if align == "center":
            xx = tx0 + (tw - sw) / 2
        elif align == "right":
            xx = tx1 - sw
        else:
            xx = tx0
        page.text(block, xx, yy, s, font, size, bold=bold, owner=key)

    if cont_before:
        b = page.new_block("cont")
        page.text(b, tx0, y + 9, cont_before, "hei", 9, owner=None)
        y += 14
    if deck and deck[0] == "yin":
        b = page.new_block("deck")
        s = strip(deck[1])
        y += st.deck_size
        draw_centered(b, s, st.deck_font, st.deck_size, False, st.title_align, y)
        y += st.deck_size * 0.55
    b = page.new_block("title")
    tsize = st.title_size if not jump_title else st.title_size * 0.8
    for ln in title_lines:
        s = strip(ln)
        while M.w(st.title_font, s, tsize) > tw:
            tsize -= 1
    for ln in title_lines:
        s = strip(ln)
        y += tsize * 1.05
        draw_centered(b, s, st.title_font, tsize, st.title_bold, st.title_align, y)
        y += tsize * 0.25
    title_text = "".join(strip(t) for t in title_lines)
    if not jump_title:
        for t in title_lines:
            figures += figs(t)
    subtitle = None
    if deck:
        subtitle = strip(deck[1])
        if deck[0] == "yin":
            figures = figs(deck[1]) + figures
        else:
            b = page.new_block("deck")
            y += st.deck_size * 0.4 + st.deck_size
            draw_centered(b, subtitle, st.deck_font, st.deck_size, False, st.title_align, y)
            y += st.deck_size * 0.3
            figures += figs(deck[1])
    byline = None if jump_title else A["byline"]
    if byline and not byline_in_col:
        b = page.new_block("byline")
        y += st.byline_size * 1.6
        al = st.byline_align
        draw_centered(b, byline, st.byline_font, st.byline_size, False, al, y)
        y += st.byline_size * 0.3
    y += st.size * 0.9
    body_top = y

    # ---- flow items
    plist = A["paras"] if paras is None else paras
    items = []
    if byline and byline_in_col:
        items.append(("byline", byline))
    cur_head = None
    for p in plist:
        if p.startswith("## "):
            h = strip(p[3:])
            items.append(("head", h))
            headings.append(h)
            cur_head = h
            continue
        q = False
        if p.startswith("Q:"):
            q, p = True, p[2:]
        elif p.startswith("A:"):
            p = p[2:]
        figures += figs(p)
        t = strip(p)
        gold_paras.append({"section_heading": cur_head, "text": t})
        items.append(("para", t, q))
    if cont_after:
        items.append(("cont", cont_after))

    # columns: top per column
    col_top = [body_top if ts0 <= i < ts1 else y0 + (pad and 0) for i in range(n)]
    reserve = {}  # col -> (where, height, kind, spec)
    if chart:
        reserve[chart["col"]] = ("bottom", chart["h"], "chart", chart)
    if photo:
        reserve[photo["col"]] = (photo.get("where", "top"), photo["h"], "photo", photo)

    lead = st.leading

    def flow(H, draw):
        """Flow items into columns of height H (from y0 reference). Returns True if all fit."""
        ci = 0
        cy = None

        def col_range(c):
            top = col_top[c]
            bot = body_top + H
            if c in reserve:
                where, hh, _, _ = reserve[c]
                if where == "top":
                    top += hh + 8
                else:
                    bot -= hh + 8
            return top, bot

        top, bot = col_range(0)
        cy = top
        blk = page.new_block("col") if draw else None
        first_in_col = True
        gold_lines = {}
        pidx = -1
        for it in items:
            kind = it[0]
            if kind == "byline":
                if draw:
                    page.text(
                        blk,
                        xs[ci],
                        cy + st.byline_size,
                        it[1],
                        st.byline_font,
                        st.byline_size,
                        owner=key,
                    )
                cy += st.byline_size * 2.2
                first_in_col = False
                continue
            if kind == "cont":
                s = it[1]
                if cy + lead > bot:
                    return False
                if draw:
                    sw = M.w("hei", s, st.size * 0.9)
                    page.text(
                        blk,
                        xs[ci] + widths[ci] - sw,
                        cy + st.size,
                        s,
                        "hei",
                        st.size * 0.9,
                        owner=None,
                    )
                cy += lead
                continue
            if kind == "head":
                hs = st.head_size or st.size + 1
                need = hs * 1.6 + (0 if first_in_col else st.head_gap * lead) + 2 * lead
                if cy + need > bot:
                    ci += 1
                    if ci >= n:
                        return False
                    top, bot = col_range(ci)
                    cy = top
                    blk = page.new_block("col") if draw else None
                    first_in_col = True
                if not first_in_col:
                    cy += st.head_gap * lead
                s = it[1]
                if draw:
                    sw = M.w(st.head_font, s, hs)
                    hx = xs[ci] + ((widths[ci] - sw) / 2 if st.head_align == "center" else 0)
                    page.text(blk, hx, cy + hs, s, st.head_font, hs, bold=st.head_bold, owner=key)
                cy += hs * 1.6
                first_in_col = False
                continue
            # paragraph
            t, q = it[1], it[2]
            pidx += 1
            font = st.q_font if q else st.font
            bold = st.q_bold if q else False
            t_draw = "\u3000\u3000" + t if st.indent == "ideo" else t
            us = units(t_draw)
            i = 0
            if not first_in_col and st.para_gap:
                cy += st.para_gap * lead
            first_line = True
            while i < len(us):
                if cy + st.size > bot + 0.01:
                    ci += 1
                    if ci >= n:
                        return False
                    top, bot = col_range(ci)
                    cy = top
                    blk = page.new_block("col") if draw else None
                    first_in_col = True
                ind = st.size * 2 if (first_line and st.indent == "offset") else 0.0
                j = next_line(us, i, widths[ci] - ind, font, st.size)
                s = "".join(us[i:j])
                if draw:
                    last = j >= len(us)
                    draw_line_text(
                        page,
                        blk,
                        xs[ci] + ind,
                        cy + st.size,
                        s,
                        font,
                        st.size,
                        widths[ci] - ind,
                        st.justify and not last,
                        bold=bold,
                        owner=key,
                    )
                    gold_lines.setdefault(pidx, []).append(s)
                cy += lead
                i = j
                first_line = False
                first_in_col = False
        if draw:
            flow.gold_lines = gold_lines
            flow.ranges = [col_range(c) for c in range(n)]
        return True

    H = max(min_h, 3 * lead)
    limit = max_bottom - body_top - (pad if box else 0)
    saved = page.block_n
    while not flow(H, False):
        H += 2
        if limit < H:
            raise RuntimeError(f"{page.name}: article {key} does not fit (H>{limit:.0f})")
    page.block_n = saved
    flow(H, True)
    # verify typeset text == gold
    for k, p in enumerate(gold_paras):
        got = "".join(flow.gold_lines[k]).replace("\u3000", "")
        assert got == p["text"], (page.name, key, got, p["text"])

    bottom = body_top + H
    # column rules
    if st.rule:
        b = page.new_block("rule")
        for c in range(1, n):
            gx = xs[c] - st.gutter / 2
            page.line(b, gx, min(col_top[c], col_top[c - 1]), gx, bottom, 0.4, 0.4)
    # reserved boxes
    for c, (where, hh, kind, spec) in reserve.items():
        _top_c, _bot_c = flow.ranges[c]
        ry = col_top[c] if where == "top" else bottom - hh
        cx = xs[c]
        cw = widths[c]
        if spec.get("span", 1) > 1:
            pass
        if kind == "chart":
            captions += draw_chart(page, cx, ry, cw, hh, spec)
        else:
            captions += draw_photo(page, cx, ry, cw, hh, spec)
    if box:
        b = page.new_block("box")
        page.rect(b, bx0, by0, x1 + pad - bx0, bottom + pad - by0, stroke=0.8)
        bottom += pad

    seg_text = " ".join(
        [title_text, subtitle or "", byline or ""]
        + headings
        + [p["text"] for p in gold_paras]
        + captions
    )
    ents = {
        t: [e for e in A["entities"].get(t, []) if e in seg_text]
        for t in ("PERSON", "ORG", "PLACE", "TICKER")
    }
    for _t, es in A["entities"].items():
        for e in es:
            if e not in seg_text and paras is None:
                raise AssertionError(f"{key}: entity {e} not in text")
    opt = {}
    for t, es in A.get("optional", {}).items():
        es = [e for e in es if e in seg_text]
        if es:
            opt[t] = es
    gold = {
        "title": title_text,
        "subtitle": subtitle,
        "byline": byline,
        "headings": headings,
        "paragraphs": gold_paras,
        "captions": captions,
        "entities": ents,
        "optional_entities": opt,
        "figures": [{"surface": f} for f in figures],
    }
    page.articles.append(gold)
    return bottom


def draw_chart(page, x, y, w, h, spec):
    b = page.new_block("chart")
    page.rect(b, x, y, w, h, stroke=0.6, fill=0.95)
    cap = spec["title"]
    src = spec["source"]
    size = 8.5
    # title may need to be shortened to fit; we keep it on one line, shrink if needed
    while M.w("hei", cap, size) > w - 8:
        size -= 0.5
    page.text(b, x + 4, y + 4 + size, cap, "hei", size, owner="chart")
    data = spec["data"]
    top = y + 4 + size + 10
    bot = y + h - 22
    vmax = max(v for _, v in data)
    n = len(data)
    slot = (w - 16) / n
    for i, (lab, v) in enumerate(data):
        bh = (bot - top - 12) * v / vmax
        bx = x + 8 + i * slot + slot * 0.2
        bw = slot * 0.6
        page.rect(b, bx, bot - bh, bw, bh, stroke=0, fill=0.45)
        vs = spec["fmt"] % v
        vw = M.w("hei", vs, 7)
        page.text(b, bx + (bw - vw) / 2, bot - bh - 2, vs, "hei", 7)
        lw = M.w("hei", lab, 7)
        page.text(b, bx + (bw - lw) / 2, bot + 9, lab, "hei", 7)
    ssize = 7.5
    while M.w("song", src, ssize) > w - 8:
        ssize -= 0.5
    page.text(b, x + 4, y + h - 4, src, "song", ssize, owner="chart")
    return [cap, src]


def draw_photo(page, x, y, w, h, spec):
    b = page.new_block("photo")
    ph = h - spec.get("cap_h", 30)
    page.rect(b, x, y, w, ph, stroke=0, fill=0.72)
    # a few lines to suggest a picture
    for k in range(5):
        page.line(
            b, x + 6 + k * w / 6, y + ph - 6, x + w / 12 + k * w / 6 + 10, y + ph * 0.45, 0.8, 0.55
        )
    cap = spec["caption"]
    size = spec.get("size", 8.5)
    us = units(cap)
    i = 0
    cy = y + ph + 4 + size
    while i < len(us):
        j = next_line(us, i, w, "hei", size)
        page.text(b, x, cy, "".join(us[i:j]), "hei", size, owner="photo")
        cy += size * 1.4
        i = j
    assert cy - size * 1.4 <= y + h + 1, ("caption too long", cap)
    return [cap]


# ---------------------------------------------------------------- furniture
WEEK = "一二三四五六日"


def datestr(d):
    return f"{d.year}年{d.month}月{d.day}日 星期{WEEK[d.weekday()]}"


def header(page, paper, latin, date, code, section, style="band"):
    b = page.new_block("header")
    W = page.w
    m = 36
    if style == "band":
        page.rect(b, m, 28, W - 2 * m, 40, stroke=0, fill=0.88)
        page.text(b, m + 10, 58, paper, "zhei", 24, bold=True)
        lw = M.w("zhei", paper, 24)
        page.text(b, m + 18 + lw, 58, latin, "hei", 8)
        s = datestr(date)
        page.text(b, W - m - 10 - M.w("hei", s, 9), 44, s, "hei", 9)
        cs = f"{code} {section}"
        page.text(b, W - m - 10 - M.w("zhei", cs, 12), 61, cs, "zhei", 12, bold=True)
        page.line(b, m, 74, W - m, 74, 1.2)
        return 84
    else:  # "split": page code box left, paper centred, date right
        page.rect(b, m, 30, 54, 30, stroke=0, fill=0.15)
        # white text is not supported simply; draw code dark on light box instead
        page.ops[-1][1]["fill"] = 0.8
        page.text(b, m + 6, 52, code, "zhei", 18, bold=True)
        page.text(b, m + 62, 52, section, "zhei", 14, bold=True)
        pw = M.w("song", paper, 20)
        page.text(b, (W - pw) / 2, 50, paper, "song", 20)
        lw = M.w("hei", latin, 7)
        page.text(b, (W - lw) / 2, 62, latin, "hei", 7)
        s = datestr(date)
        page.text(b, W - m - M.w("hei", s, 9), 50, s, "hei", 9)
        page.line(b, m, 68, W - m, 68, 0.6)
        page.line(b, m, 70.5, W - m, 70.5, 1.6)
        return 82


def footer(page, text, pageno, web=None):
    b = page.new_block("footer")
    W, H = page.w, page.h
    m = 36
    page.line(b, m, H - 34, W - m, H - 34, 0.6)
    page.text(b, m, H - 22, text, "hei", 8)
    pw = M.w("zhei", pageno, 10)
    page.text(b, (W - pw) / 2 if web else W - m - pw, H - 22, pageno, "zhei", 10)
    if web:
        page.text(b, W - m - M.w("hei", web, 8), H - 22, web, "hei", 8)


def ad(page, x, y, w, h, lines):
    b = page.new_block("ad")
    page.rect(b, x, y, w, h, stroke=1.2, fill=0.93)
    cy = y + 8
    tot = sum(sz * 1.5 for _, sz, _ in lines)
    cy = y + (h - tot) / 2
    for s, sz, font in lines:
        cy += sz * 1.5
        sw = M.w(font, s, sz)
        if sw > w - 8:
            raise RuntimeError("ad line too long: " + s)
        page.text(b, x + (w - sw) / 2, cy - sz * 0.3, s, font, sz, bold=(font == "zhei"))


# ---------------------------------------------------------------- backends
def render_fpdf(page, path):
    from fpdf import FPDF
    from fpdf.enums import TextMode

    pdf = FPDF(unit="pt", format=(page.w, page.h))
    pdf.set_creation_date(datetime.datetime(2026, 4, 20, 8, 0, 0, tzinfo=datetime.UTC))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for name, (fp, idx) in FONT_FILES.items():
        pdf.add_font(name, "", fp, collection_font_number=idx)
    pdf.add_page()
    cur = {}
    for _, op in page_ops(page):
        if op["k"] == "T":
            pdf.set_font(op["font"], size=op["size"])
            g = round(op["gray"] * 255)
            pdf.set_text_color(g)
            pdf.set_char_spacing(round(op["cs"], 3))
            if op["bold"]:
                pdf.set_line_width(op["size"] * 0.03)
                pdf.set_draw_color(g)
                pdf.text_mode = TextMode.FILL_STROKE
            else:
                pdf.text_mode = TextMode.FILL
                if cur.get("bold"):
                    pdf._out("BT 0 Tr ET")
            cur["bold"] = op["bold"]
            pdf.text(op["x"], op["y"], op["s"])
        elif op["k"] == "R":
            style = ""
            if op["fill"] is not None:
                pdf.set_fill_color(int(op["fill"] * 255))
                style += "F"
            if op["stroke"]:
                pdf.set_line_width(op["stroke"])
                pdf.set_draw_color(int(op["sgray"] * 255))
                style += "D"
            pdf.rect(op["x"], op["y"], op["w"], op["h"], style=style or "D")
        elif op["k"] == "L":
            pdf.set_line_width(op["width"])
            pdf.set_draw_color(int(op["gray"] * 255))
            pdf.line(op["x1"], op["y1"], op["x2"], op["y2"])
    pdf.output(path)


def render_rl(page, path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    for name, (fp, idx) in FONT_FILES.items():
        try:
            pdfmetrics.getFont("rl_" + name)
        except KeyError:
            pdfmetrics.registerFont(TTFont("rl_" + name, fp, subfontIndex=idx))
    c = canvas.Canvas(path, pagesize=(page.w, page.h), invariant=1)
    H = page.h
    for _, op in page_ops(page):
        if op["k"] == "T":
            t = c.beginText(op["x"], H - op["y"])
            t.setFont("rl_" + op["font"], op["size"])
            if op["cs"]:
                t.setCharSpace(op["cs"])
            c.setFillGray(op["gray"])
            if op["bold"]:
                c.setStrokeGray(op["gray"])
                c.setLineWidth(op["size"] * 0.03)
                t.setTextRenderMode(2)
            else:
                t.setTextRenderMode(0)
            t.textOut(op["s"])
            c.drawText(t)
        elif op["k"] == "R":
            if op["fill"] is not None:
                c.setFillGray(op["fill"])
            if op["stroke"]:
                c.setLineWidth(op["stroke"])
                c.setStrokeGray(op["sgray"])
            c.rect(
                op["x"],
                H - op["y"] - op["h"],
                op["w"],
                op["h"],
                stroke=1 if op["stroke"] else 0,
                fill=1 if op["fill"] is not None else 0,
            )
            c.setFillGray(0)
        elif op["k"] == "L":
            c.setLineWidth(op["width"])
            c.setStrokeGray(op["gray"])
            c.line(op["x1"], H - op["y1"], op["x2"], H - op["y2"])
    c.showPage()
    c.save()


def page_ops(page):
    """Content-stream order."""
    ops = page.ops
    if page.order == "shuffled":
        blocks = []
        for b, op in ops:
            if not blocks or blocks[-1][0] != b:
                blocks.append((b, []))
            blocks[-1][1].append(op)
        # merge blocks with the same id that were interleaved (none expected)
        rnd = random.Random(page.seed)
        rnd.shuffle(blocks)
        return [(b, op) for b, lst in blocks for op in lst]
    if page.order == "chars":
        out = []
        for b, op in ops:
            if op["k"] != "T":
                out.append((b, op))
                continue
            x = op["x"]
            for ch in op["s"]:
                o = dict(op, s=ch, x=x, cs=0.0)
                if not ch.isspace():
                    out.append((b, o))
                x += M.char_w(op["font"], ch, op["size"]) + op["cs"]
        return out
    return ops


# ---------------------------------------------------------------- extraction + gold
def extract(folder):
    pdf = os.path.join(folder, "page.pdf")
    subprocess.run(["pdftotext", pdf, os.path.join(folder, "pdftotext.txt")], check=True)
    subprocess.run(
        ["pdftotext", "-raw", pdf, os.path.join(folder, "pdftotext_raw.txt")], check=True
    )
    from pdfminer.high_level import extract_text

    with open(os.path.join(folder, "pdfminer.txt"), "w", encoding="utf-8") as f:
        f.write(extract_text(pdf))
    from pypdf import PdfReader

    r = PdfReader(pdf)
    with open(os.path.join(folder, "pypdf.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(p.extract_text() for p in r.pages))
    import pypdfium2 as pdfium

    d = pdfium.PdfDocument(pdf)
    parts = []
    for i in range(len(d)):
        pg = d[i]
        tp = pg.get_textpage()
        parts.append(tp.get_text_range())
        tp.close()
        pg.close()
    d.close()
    with open(os.path.join(folder, "pypdfium2.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(parts))


def write_gold(page, folder):
    first = dict(page.articles[0])
    gold = dict(first)
    gold["articles"] = page.articles
    gold["furniture"] = page.furniture
    gold["layout"] = page.layout
    with open(os.path.join(folder, "clean.json"), "w", encoding="utf-8") as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write("\n")


from pages2_layouts import PAGES  # noqa: E402


def main():
    global M
    M = Metrics()
    import pages2_layouts

    pages2_layouts.init(sys.modules[__name__])
    only = None
    if "--only" in sys.argv:
        only = sys.argv[sys.argv.index("--only") + 1]
    do_extract = "--no-extract" not in sys.argv
    for name, fn in PAGES:
        if only and name != only:
            continue
        page = fn()
        folder = os.path.join(HERE, name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "page.pdf")
        if page.backend == "fpdf2":
            render_fpdf(page, path)
        else:
            render_rl(page, path)
        write_gold(page, folder)
        if do_extract:
            extract(folder)
        print(
            name,
            page.backend,
            page.order,
            f"{os.path.getsize(path) // 1024} KB",
            [a["title"] for a in page.articles],
        )


if __name__ == "__main__":
    main()
