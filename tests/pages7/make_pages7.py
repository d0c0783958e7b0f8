#!/usr/bin/env python3
"""Typeset the pages7 held-out set: six invented newspaper pages with their gold.

    /work/venv/bin/python tests/pages7/make_pages7.py [--out DIR] [--png DIR] [--no-check]

Writes OUT/p01 … OUT/p06, each with page.pdf, clean.json and the five extractor texts
(pdftotext.txt, pdftotext_raw.txt, pdfminer.txt, pypdf.txt, pypdfium2.txt), then runs the
build checks described in README.md. Everything is made with reportlab, in two ways:

- platypus (p01, p02, p05): Paragraph flowables with CJK word wrap, filled into frames by a
  small frame filler of this file (columns balanced by bisection); p02 draws each article
  inside a Form XObject; p05 draws its frames in a shuffled order;
- an own line breaker on the reportlab canvas (p03, p04, p06), with three ways of writing the
  text: one text object per paragraph piece with a horizontal scaling (Tz) per justified line
  (p03), one text object per article part with relative moves (Td) and character spacing (Tc)
  on a non-embedded CID font (p04), one text object per column with justified lines cut into
  segments at punctuation, each placed by its own Td (p06).

The gold is made from the article data and the typesetter's own records, never from extractor
output.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import reportlab.lib.textsplit as rl_textsplit
import reportlab.platypus.paragraph as rl_paragraph
from articles7 import ARTICLES, FIG, figures, plain
from fontTools.ttLib import TTCollection
from fontTools.ttLib import TTFont as FTFont
from pdfminer.high_level import extract_text as pdfminer_text
from PIL import Image, ImageDraw
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, Table, TableStyle

HERE = Path(__file__).resolve().parent
MM = 72 / 25.4
WS = re.compile(r"\s+")
TYPES = ["PERSON", "ORG", "PLACE", "TICKER"]

UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
ZENHEI = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
MICROHEI = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
TTF_FILES = {
    "UMingCN": (UMING, 0),
    "UMingTWMBE": (UMING, 3),
    "ZenHei": (ZENHEI, 0),
    "MicroHei": (MICROHEI, 0),
    "MicroHeiMono": (MICROHEI, 1),
    "DVSerifB": (DEJAVU + "DejaVuSerif-Bold.ttf", None),
    "DVSansB": (DEJAVU + "DejaVuSans-Bold.ttf", None),
}
CID = "STSong-Light"

BLACK = colors.black
WHITE = colors.white
RED = colors.HexColor("#b3202a")
DARKRED = colors.HexColor("#7a1d24")
NAVY = colors.HexColor("#1f3a68")
BLUE = colors.HexColor("#1c4f8c")
GREEN = colors.HexColor("#1d5c4a")
GREY = colors.HexColor("#555555")
LIGHTGREY = colors.HexColor("#999999")
PAPER = colors.HexColor("#f4eee2")
PALEBLUE = colors.HexColor("#e3ebf5")

# kinsoku: characters that may not start / end a line
NO_START = set("，。、；：？！”’）》】」』〕］｝〉％%…—·,.;:?!)]}")
NO_END = set("“‘（《【「『〔［｛〈([{")
# reportlab's CJK wrap (textsplit.dumbSplit, paragraph.cjkFragSplit) lets a character of this
# list hang in the margin instead of starting a line; its list lacks the full-width comma, colon,
# semicolon and more, so they are added here
rl_textsplit.ALL_CANNOT_START = rl_textsplit.ALL_CANNOT_START + "，：；！？％）》”’】』」…—·"
rl_paragraph.ALL_CANNOT_START = rl_textsplit.ALL_CANNOT_START
_RL_WORD_SPLIT = rl_paragraph.wordSplit


def word_split(word, max_widths, font_name, font_size, encoding="utf8"):
    """reportlab's CJK split, but no line may end with an opening mark: such a line is cut one
    character earlier and the rest split again."""
    lines = _RL_WORD_SPLIT(word, max_widths, font_name, font_size, encoding)
    widths = list(max_widths) if isinstance(max_widths, list | tuple) else [max_widths]
    if any(ch.isspace() for ch in word):
        return lines
    done = 0
    for i, (extra, text) in enumerate(lines[:-1]):
        if len(text) > 1 and text[-1] in NO_END:
            head = [
                *lines[:i],
                [extra + pdfmetrics.stringWidth(text[-1], font_name, font_size), text[:-1]],
            ]
            rest = word_split(
                word[done + len(text) - 1 :],
                widths[i + 1 :] or widths[-1:],
                font_name,
                font_size,
                encoding,
            )
            return head + rest
        done += len(text)
    return lines


rl_paragraph.wordSplit = word_split

FONT_CHARS: dict[str, set[str]] = {}


def nows(s: str) -> str:
    return WS.sub("", s or "")


def sw(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


def used(font: str, text: str) -> None:
    FONT_CHARS.setdefault(font, set()).update(text)


def register_fonts() -> None:
    for name, (path, index) in TTF_FILES.items():
        if index is None:
            pdfmetrics.registerFont(TTFont(name, path))
        else:
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    pdfmetrics.registerFont(UnicodeCIDFont(CID))


# ----------------------------------------------------------------------------- gold


class Part:
    """One article's part on one page, as printed; becomes one entry of clean.json."""

    def __init__(self, art: dict, title_src: str, subtitle_src=None, position=None, byline=None):
        self.art = art
        self.title_src = title_src
        self.subtitle_src = subtitle_src
        self.position = position
        self.byline = byline
        self.units: list[tuple[str, str]] = []  # ("h", printed) / ("p", marked source)
        self.captions: list[str] = []

    def add(self, items: list[tuple[str, str]]) -> None:
        self.units.extend(items)

    def printed_text(self) -> str:
        bits = [plain(self.title_src), plain(self.subtitle_src or ""), self.byline or ""]
        bits += [plain(t) for _k, t in self.units] + self.captions
        return "\n".join(bits)

    def gold(self) -> dict:
        paragraphs = []
        headings = []
        figs = figures(self.title_src) + figures(self.subtitle_src or "")
        current = None
        for kind, text in self.units:
            figs += figures(text)
            if kind == "h":
                headings.append(text)
                current = text
            else:
                paragraphs.append({"section_heading": current, "text": plain(text)})
        ents, opt = part_entities(self.art, self.printed_text())
        return {
            "id": self.art["id"],
            "title": plain(self.title_src),
            "subtitle": plain(self.subtitle_src) if self.subtitle_src else None,
            "subtitle_position": self.position,
            "byline": self.byline,
            "headings": headings,
            "paragraphs": paragraphs,
            "captions": list(self.captions),
            "entities": ents,
            "optional_entities": opt,
            "figures": [{"surface": f} for f in figs],
        }


def occurrences(text: str, s: str) -> list[int]:
    out, i = [], text.find(s)
    while i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def outside_longer(text: str, name: str, listed: list[str]) -> bool:
    """True if `name` is printed at least once outside every longer listed name."""
    longer = [x for x in listed if len(x) > len(name) and name in x]
    for i in occurrences(text, name):
        covered = False
        for big in longer:
            off = big.find(name)
            while off >= 0 and not covered:
                start = i - off
                covered = start >= 0 and text[start : start + len(big)] == big
                off = big.find(name, off + 1)
            if covered:
                break
        if not covered:
            return True
    return False


def part_entities(art: dict, text: str) -> tuple[dict, dict]:
    listed = sorted(
        {x for t in TYPES for x in art["entities"].get(t, []) + art["optional"].get(t, [])}
    )
    ents = {t: [e for e in art["entities"][t] if outside_longer(text, e, listed)] for t in TYPES}
    opt = {}
    for t in TYPES:
        got = [e for e in art["optional"].get(t, []) if e in text]
        if got:
            opt[t] = got
    return ents, opt


class Page:
    """A page being made: canvas, furniture and parts."""

    def __init__(self, name: str, width: float, height: float, out: Path):
        self.name = name
        self.w = width
        self.h = height
        self.dir = out / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.c = canvas.Canvas(str(self.dir / "page.pdf"), pagesize=(width, height), invariant=1)
        self.c.setTitle("")
        self.furniture: list[str] = []
        self.parts: list[Part] = []
        self.layout: dict = {"page_mm": [round(width / MM, 1), round(height / MM, 1)]}
        self.lines: list[str] = []  # printed body lines (for the kinsoku report)

    def y(self, d: float) -> float:
        """PDF y of a distance d (pt) from the top of the page."""
        return self.h - d

    def furn(self, s: str) -> str:
        self.furniture.append(s)
        return s

    def put(self, x, d, s, font, size, color=BLACK, align="l", cs=0.0, ws=0.0, bold=0.0, furn=True):
        """One string as its own text object, baseline at distance d from the top."""
        used(font, s)
        w = sw(s, font, size) + cs * (len(s) - 1) + ws * s.count(" ")
        if align == "c":
            x -= w / 2
        elif align == "r":
            x -= w
        c = self.c
        c.saveState()
        tx = c.beginText(x, self.y(d))
        tx.setFont(font, size)
        tx.setFillColor(color)
        if cs:
            tx.setCharSpace(cs)
        if ws:
            tx.setWordSpace(ws)
        if bold:
            c.setLineWidth(bold)
            tx.setStrokeColor(color)
            tx.setTextRenderMode(2)
        tx.textOut(s)
        c.drawText(tx)
        c.restoreState()
        if furn:
            self.furn(s)
        return w

    def rule(self, x1, d1, x2, d2, width=0.5, color=BLACK):
        c = self.c
        c.saveState()
        c.setStrokeColor(color)
        c.setLineWidth(width)
        c.line(x1, self.y(d1), x2, self.y(d2))
        c.restoreState()

    def box(self, x, d, w, h, fill=None, stroke=None, width=0.5):
        c = self.c
        c.saveState()
        if fill is not None:
            c.setFillColor(fill)
        if stroke is not None:
            c.setStrokeColor(stroke)
            c.setLineWidth(width)
        c.rect(x, self.y(d + h), w, h, stroke=int(stroke is not None), fill=int(fill is not None))
        c.restoreState()

    def gold(self) -> dict:
        arts = [p.gold() for p in self.parts]
        top = {k: v for k, v in arts[0].items() if k not in ("id", "subtitle_position")}
        top["articles"] = arts
        top["furniture"] = self.furniture
        top["layout"] = self.layout
        return top


# ----------------------------------------------------------------------------- articles


CN_NUM = "〇一二三四五六七八九"


def items(art: dict, deco) -> list[tuple[str, str]]:
    """The article body as ("h", printed heading) / ("p", marked paragraph)."""
    out, n = [], 0
    for kind, text in art["body"]:
        if kind == "h":
            n += 1
            out.append(("h", deco(n, text)))
        else:
            out.append(("p", text))
    return out


def title_src(art: dict) -> str:
    return "".join(art["title"])


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ----------------------------------------------------------------------------- platypus side


def pstyle(name, font, size, lead, **kw) -> ParagraphStyle:
    kw.setdefault("wordWrap", "CJK")
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=lead, **kw)


def para(text: str, style: ParagraphStyle, keep=False) -> Paragraph:
    used(style.fontName, text)
    p = Paragraph(esc(text), style)
    p.keep_next = keep
    return p


def flowables(its, body: ParagraphStyle, head: ParagraphStyle) -> list:
    return [para(t, head, True) if k == "h" else para(plain(t), body) for k, t in its]


def fits_some(f, w: float, avail: float) -> bool:
    if avail <= 0:
        return False
    _fw, fh = f.wrap(w, avail)
    if fh <= avail + 1e-6:
        return True
    return len(f.split(w, avail)) >= 2


def fill(story: list, frames: list) -> tuple[list, list]:
    """Fill frames (x, d_top, w, h) with flowables; returns the placements of each frame as
    (flowable, x, d_bottom) and what did not fit."""
    story = list(story)
    out = []
    for x, top, w, h in frames:
        placed = []
        used_h = 0.0
        while story:
            f = story[0]
            sb = f.getSpaceBefore() if placed else 0.0
            avail = h - used_h - sb
            if avail <= 0:
                break
            _fw, fh = f.wrap(w, avail)
            if fh <= avail + 1e-6:
                if getattr(f, "keep_next", False) and len(story) > 1:
                    nxt = story[1]
                    rest = avail - fh - f.getSpaceAfter() - nxt.getSpaceBefore()
                    if not fits_some(nxt, w, rest):
                        break
                    f.wrap(w, avail)
                placed.append((f, x, top + used_h + sb + fh))
                used_h += sb + fh + f.getSpaceAfter()
                story.pop(0)
                continue
            parts = f.split(w, avail)
            if len(parts) >= 2:
                _w0, h0 = parts[0].wrap(w, avail)
                placed.append((parts[0], x, top + used_h + sb + h0))
                story[0:1] = parts[1:]
            break
        out.append(placed)
    return out, story


def balance(make_story, make_frames, lo: float, hi: float):
    """Smallest column height (bisection) at which the story fits the frames."""
    _p, left = fill(make_story(), make_frames(hi))
    assert not left, "story does not fit even at the upper bound"
    for _ in range(40):
        mid = (lo + hi) / 2
        _p, left = fill(make_story(), make_frames(mid))
        if left:
            lo = mid
        else:
            hi = mid
    placed, left = fill(make_story(), make_frames(hi))
    assert not left
    return hi, placed


def para_lines(f) -> list[str]:
    bl = getattr(f, "blPara", None)
    if bl is None:
        return []
    out = []
    for line in bl.lines:
        if isinstance(line, tuple):
            out.append("".join(line[1]))
        else:
            out.append("".join(getattr(w, "text", "") for w in line.words))
    return out


def draw_placed(pg: Page, placed: list) -> None:
    for f, x, d_bottom in placed:
        f.drawOn(pg.c, x, pg.y(d_bottom))
        if isinstance(f, Paragraph) and not getattr(f, "keep_next", False):
            pg.lines.extend(para_lines(f))


def height_of(f, w: float) -> float:
    return f.wrap(w, 10000)[1]


# ----------------------------------------------------------------------------- own line breaker

ATOM = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%+/:-]*|——|……|.", re.S)


def can_break(a: str, b: str) -> bool:
    return b[0] not in NO_START and a[-1] not in NO_END


def break_lines(text: str, widths, font: str, size: float) -> list[str]:
    """Greedy lines with kinsoku; `widths` gives the width of line i (the last repeats). One
    closing mark may be squeezed in when it overruns by at most half an em."""
    atoms = ATOM.findall(text)
    aw = [sw(a, font, size) for a in atoms]
    lines, pos = [], 0
    while pos < len(atoms):
        wmax = widths[min(len(lines), len(widths) - 1)]
        n, tot = pos, 0.0
        while n < len(atoms) and tot + aw[n] <= wmax + 0.01:
            tot += aw[n]
            n += 1
        if n < len(atoms) and atoms[n] in NO_START and tot + aw[n] <= wmax + 0.5 * size:
            n += 1  # squeeze one closing mark into the line (the writer compresses the line)
        if n < len(atoms):
            while n > pos + 1 and not can_break(atoms[n - 1], atoms[n]):
                n -= 1
        n = max(n, pos + 1)
        lines.append("".join(atoms[pos:n]))
        pos = n
    return lines


class Style:
    def __init__(
        self,
        font,
        size,
        lead,
        indent="char",
        gap=0.0,
        hfont="ZenHei",
        hsize=None,
        hcolor=BLACK,
        hlines=1.8,
        justify=True,
    ):
        self.font, self.size, self.lead = font, size, lead
        self.indent, self.gap = indent, gap
        self.hfont, self.hsize, self.hcolor = hfont, hsize or size, hcolor
        self.hh = hlines * lead
        self.justify = justify


class Rec:
    """A record of the own typesetter: a body line ("l") or a heading block ("h")."""

    def __init__(self, kind, frame, x, d, w, text, nat=0.0, last=False, para=-1, h=0.0):
        self.kind, self.frame, self.x, self.d, self.w = kind, frame, x, d, w
        self.text, self.nat, self.last, self.para, self.h = text, nat, last, para, h


def flow(its, frames, st: Style, tail=False):
    """Flow ("h", printed) / ("p", plain text) items through frames (x, d_top, w, d_bottom).
    Returns (records, leftover) where leftover is (item index, characters consumed) or None.
    `tail`: the first paragraph continues one from an earlier page (no indent)."""
    recs: list[Rec] = []
    fi = 0
    d = frames[0][1]
    at_top = True
    after_head = False
    for ii, (kind, text) in enumerate(its):
        x, top, w, bottom = frames[fi]
        if kind == "h":
            need = st.hh + 2 * st.lead + (0 if at_top else st.gap)
            if d + need > bottom + 0.01:
                fi += 1
                if fi >= len(frames):
                    return recs, (ii, 0)
                x, top, w, bottom = frames[fi]
                d = top
                at_top = True
            recs.append(Rec("h", fi, x, d, w, text, h=st.hh))
            d += st.hh
            at_top = False
            after_head = True
            continue
        indent = st.indent if not (tail and ii == 0) else "none"
        prefix = "\u3000\u3000" if indent == "char" else ""
        off = 2 * st.size if indent == "offset" else 0.0
        if not at_top and not after_head:
            d += st.gap
        after_head = False
        full = prefix + text
        done = 0  # characters of `full` placed
        first = True
        while done < len(full):
            if d + st.lead > bottom + 0.01:
                fi += 1
                if fi >= len(frames):
                    return recs, (ii, done - len(prefix))
                x, top, w, bottom = frames[fi]
                d = top
            lw = w - (off if first else 0.0)
            line = break_lines(full[done:], [lw], st.font, st.size)[0]
            done += len(line)
            recs.append(
                Rec(
                    "l",
                    fi,
                    x + (off if first else 0.0),
                    d,
                    lw,
                    line,
                    nat=sw(line, st.font, st.size),
                    last=done >= len(full),
                    para=ii,
                )
            )
            d += st.lead
            first = False
        at_top = False
    return recs, None


def baseline(rec: Rec, st: Style) -> float:
    return rec.d + st.lead / 2 + 0.36 * st.size


def frame_bottom_used(recs, fi, st) -> float:
    ds = [r.d + (r.h if r.kind == "h" else st.lead) for r in recs if r.frame == fi]
    return max(ds) if ds else 0.0


def own_balance(its, make_frames, st, lo, hi, tail=False):
    recs, left = flow(its, make_frames(hi), st, tail)
    assert left is None, "text does not fit even at the upper bound"
    for _ in range(40):
        mid = (lo + hi) / 2
        _r, left = flow(its, make_frames(mid), st, tail)
        if left:
            lo = mid
        else:
            hi = mid
    recs, left = flow(its, make_frames(hi), st, tail)
    return hi, recs


def split_marked(src: str, cut: int) -> tuple[str, str]:
    """Split a marked paragraph at a plain-text offset (never inside a figure)."""
    pos = 0  # plain offset
    i = 0
    while i < len(src) and pos < cut:
        if src[i] == "{":
            j = src.index("}", i)
            n = j - i - 1
            assert pos + n <= cut, f"page jump inside a figure: {src[i : j + 1]}"
            pos += n
            i = j + 1
        elif src[i] == "}":
            i += 1
        else:
            pos += 1
            i += 1
    return src[:i], src[i:]


# ----------------------------------------------------------------------------- furniture


LANYU = ("澜屿金融日报", "LANYU FINANCIAL DAILY", "2027年5月18日 星期二", "第3127期")
QINGCEN = ("青岑证券时报", "QINGCEN SECURITIES TIMES", "2027年5月19日 星期三", "总第6218期")
SUCHUAN = ("溯川经济观察", "SUCHUAN ECONOMIC OBSERVER", "2027年6月7日 星期一", "第23期")


def header_lanyu(pg: Page, m: float, code: str, section: str, mirror: bool) -> float:
    name, latin, date, issue = LANYU
    right = pg.w - m
    c = pg.c
    if not mirror:
        pg.put(m, 17 * MM, name, "ZenHei", 22, RED, bold=0.5)
        pg.put(m + 1, 22.5 * MM, latin, "DVSerifB", 6.8, GREY, cs=1.1, ws=2.5)
        pg.put(right - 48 * MM, 13.5 * MM, date, "UMingCN", 9, align="r")
        pg.put(right - 48 * MM, 18.5 * MM, issue, "UMingCN", 9, align="r")
        pg.put(right - 17 * MM, 17 * MM, section, "ZenHei", 14, align="r")
        pg.box(right - 14 * MM, 9 * MM, 14 * MM, 11 * MM, fill=RED)
        pg.put(right - 7 * MM, 17.3 * MM, code, "DVSansB", 17, WHITE, align="c")
    else:
        pg.box(m, 9 * MM, 14 * MM, 11 * MM, fill=RED)
        pg.put(m + 7 * MM, 17.3 * MM, code, "DVSansB", 17, WHITE, align="c")
        pg.put(m + 17 * MM, 17 * MM, section, "ZenHei", 14)
        pg.put(m + 62 * MM, 13.5 * MM, date, "UMingCN", 9)
        pg.put(m + 62 * MM, 18.5 * MM, issue, "UMingCN", 9)
        pg.put(right, 17 * MM, name, "ZenHei", 22, RED, align="r", bold=0.5)
        pg.put(right - 1, 22.5 * MM, latin, "DVSerifB", 6.8, GREY, align="r", cs=1.1, ws=2.5)
    pg.rule(m, 25 * MM, right, 25 * MM, 1.6, RED)
    pg.rule(m, 25.9 * MM, right, 25.9 * MM, 0.4, RED)
    del c
    return 30 * MM


def footer_lanyu(pg: Page, m: float, d: float) -> None:
    pg.rule(m, d, pg.w - m, d, 0.5)
    pg.put(m, d + 4.2 * MM, "编辑 龚亦舟　美编 宿晓岚　校对 单若林", "UMingCN", 8)
    pg.put(pg.w - m, d + 4.2 * MM, "今日16版", "UMingCN", 8, align="r")


def header_qingcen(pg: Page, m: float, code: str, section: str) -> float:
    name, latin, date, issue = QINGCEN
    right = pg.w - m
    pg.box(m, 8 * MM, right - m, 12 * MM, fill=GREEN)
    pg.put(m + 3 * MM, 17.2 * MM, code, "DVSansB", 19, WHITE)
    pg.put(m + 17 * MM, 16.6 * MM, section, "ZenHei", 13, WHITE)
    pg.put(right - 3 * MM, 14.6 * MM, name, "ZenHei", 15, WHITE, align="r", bold=0.4)
    pg.put(right - 3 * MM, 18.4 * MM, latin, "DVSansB", 6, WHITE, align="r", cs=0.8)
    pg.put(m, 24.5 * MM, date, "ZenHei", 8, GREY)
    pg.put(right, 24.5 * MM, issue, "ZenHei", 8, GREY, align="r")
    return 28 * MM


def footer_qingcen(pg: Page, m: float, d: float) -> None:
    pg.rule(m, d, pg.w - m, d, 0.8, GREEN)
    pg.put(m, d + 4 * MM, "责任编辑：屠明川　美编：殷可　校对：龙湘", "ZenHei", 7.5, GREY)


def header_suchuan(pg: Page, m: float, code: str, section: str) -> list:
    """Returns the header as a list of drawing steps (p05 shuffles frames)."""
    name, latin, date, issue = SUCHUAN
    right = pg.w - m

    def draw():
        pg.put(m, 18 * MM, code, "DVSansB", 26, NAVY)
        pg.put(m + 17 * MM, 17.5 * MM, section, "ZenHei", 14, NAVY)
        pg.put(right, 13.5 * MM, name, "ZenHei", 16, BLACK, align="r", bold=0.3)
        pg.put(right, 17.5 * MM, latin, "DVSerifB", 6.2, GREY, align="r", cs=0.6)
        pg.put(right - 16 * MM, 21.6 * MM, date, "MicroHei", 7.5, GREY, align="r")
        pg.put(right, 21.6 * MM, issue, "MicroHei", 7.5, GREY, align="r")
        pg.rule(m, 24 * MM, right, 24 * MM, 1.2, NAVY)
        pg.rule(m, 24.8 * MM, right, 24.8 * MM, 0.4, NAVY)

    return draw


def footer_suchuan(pg: Page, m: float, d: float) -> None:
    pg.rule(m, d, pg.w - m, d, 0.4, NAVY)
    pg.put(
        pg.w - m,
        d + 4 * MM,
        "本版编辑：晏溪　美术编辑：谷雨晴　校对：阚慎之",
        "MicroHei",
        7.5,
        align="r",
    )


def draw_table(
    pg: Page,
    x: float,
    d: float,
    w: float,
    spec: dict,
    font: str,
    size: float,
    widths: list[float],
    head_fill,
) -> float:
    """A table as a platypus Table object; title above, note below. Returns its height."""
    pg.put(x, d + size + 1, spec["title"], "ZenHei", size + 1, head_fill)
    data = [spec["head"], *spec["rows"]]
    for row in data:
        for cell in row:
            used(font, cell)
            pg.furn(cell)
    total = sum(widths)
    t = Table(data, colWidths=[w * v / total for v in widths])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), size),
                ("LEADING", (0, 0), (-1, -1), size * 1.25),
                ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
                ("BACKGROUND", (0, 0), (-1, 0), head_fill),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("GRID", (0, 0), (-1, -1), 0.4, LIGHTGREY),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    _tw, th = t.wrap(w, 10000)
    t.drawOn(pg.c, x, pg.y(d + size + 4 + th))
    dn = d + size + 4 + th + size + 2
    pg.put(x, dn, spec["note"], font, size - 1, GREY)
    return dn + 2 - d


def table_height(spec: dict, font: str, size: float, w: float, widths: list[float]) -> float:
    total = sum(widths)
    t = Table([spec["head"], *spec["rows"]], colWidths=[w * v / total for v in widths])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("FONTSIZE", (0, 0), (-1, -1), size),
                ("LEADING", (0, 0), (-1, -1), size * 1.25),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return size + 4 + t.wrap(w, 10000)[1] + size + 4


def draw_ad(pg: Page, x: float, d: float, w: float, h: float, lines, frame_color) -> None:
    pg.box(x, d, w, h, stroke=frame_color, width=1.2)
    for dy, text, font, size, color in lines:
        pg.put(x + w / 2, d + dy, text, font, size, color, align="c")


def bar_chart(pg: Page, part: Part, x: float, d: float, w: float, h: float, spec: dict) -> None:
    """Boxed bar chart: title, unit, axis numbers, bars with values, labels, source."""
    pg.box(x, d, w, h, fill=PALEBLUE, stroke=NAVY, width=0.6)
    pg.put(x + 3 * MM, d + 6 * MM, spec["title"], "ZenHei", 9, NAVY, furn=False)
    part.captions.append(spec["title"])
    pg.put(x + 3 * MM, d + 10.5 * MM, spec["unit"], "MicroHeiMono", 6.5, GREY)
    x0, x1 = x + 10 * MM, x + w - 4 * MM
    y_top, y_bot = d + 16 * MM, d + h - 12 * MM
    vmax = spec["axis"][-1]
    for v in spec["axis"]:
        dy = y_bot - (y_bot - y_top) * v / vmax
        pg.rule(x0, dy, x1, dy, 0.3, LIGHTGREY)
        pg.put(x0 - 1.5 * MM, dy + 2.2, f"{v:g}", "MicroHeiMono", 6.5, GREY, align="r")
    n = len(spec["values"])
    slot = (x1 - x0) / n
    for i, (lab, v) in enumerate(zip(spec["labels"], spec["values"], strict=True)):
        bx = x0 + slot * i + slot * 0.2
        bh = (y_bot - y_top) * v / vmax
        pg.box(bx, y_bot - bh, slot * 0.6, bh, fill=NAVY)
        pg.put(
            bx + slot * 0.3, y_bot - bh - 1.2 * MM, f"{v:g}", "MicroHeiMono", 6.5, NAVY, align="c"
        )
        pg.put(bx + slot * 0.3, y_bot + 3.2 * MM, lab, "MicroHeiMono", 6.5, BLACK, align="c")
    pg.put(x + 3 * MM, d + h - 3 * MM, spec["source"], "MicroHei", 6.5, GREY, furn=False)
    part.captions.append(spec["source"])


def line_chart(pg: Page, part: Part, x: float, d: float, w: float, h: float, spec: dict) -> None:
    """Boxed line chart with points, value labels, axis numbers and month labels."""
    pg.box(x, d, w, h, stroke=DARKRED, width=0.7)
    pg.put(x + 3 * MM, d + 6 * MM, spec["title"], "ZenHei", 9, DARKRED, furn=False)
    part.captions.append(spec["title"])
    pg.put(x + 3 * MM, d + 10.5 * MM, spec["unit"], "ZenHei", 6.5, GREY)
    x0, x1 = x + 12 * MM, x + w - 6 * MM
    y_top, y_bot = d + 15 * MM, d + h - 12 * MM
    lo, hi = spec["axis"][0], spec["axis"][-1]

    def vy(v):
        return y_bot - (y_bot - y_top) * (v - lo) / (hi - lo)

    for v in spec["axis"]:
        pg.rule(x0, vy(v), x1, vy(v), 0.3, LIGHTGREY)
        pg.put(x0 - 1.5 * MM, vy(v) + 2.2, f"{v:.1f}", "ZenHei", 6.5, GREY, align="r")
    n = len(spec["values"])
    pts = [(x0 + (x1 - x0) * (i + 0.5) / n, vy(v)) for i, v in enumerate(spec["values"])]
    c = pg.c
    c.saveState()
    c.setStrokeColor(RED)
    c.setLineWidth(1.2)
    path = c.beginPath()
    path.moveTo(pts[0][0], pg.y(pts[0][1]))
    for px, py in pts[1:]:
        path.lineTo(px, pg.y(py))
    c.drawPath(path, stroke=1, fill=0)
    c.setFillColor(RED)
    for px, py in pts:
        c.circle(px, pg.y(py), 1.6, stroke=0, fill=1)
    c.restoreState()
    for (px, py), v, lab in zip(pts, spec["values"], spec["labels"], strict=True):
        pg.put(px, py - 2 * MM, f"{v:.2f}", "ZenHei", 6.5, RED, align="c")
        pg.put(px, y_bot + 3.5 * MM, lab, "ZenHei", 6.5, BLACK, align="c")
    pg.put(x + 3 * MM, d + h - 3 * MM, spec["source"], "ZenHei", 6.5, GREY, furn=False)
    part.captions.append(spec["source"])


def photo(seed: int, wpx: int, hpx: int) -> Image.Image:
    """An invented 'photo' of a workshop: gradient, machines, lamps, grain (deterministic)."""
    rnd = random.Random(seed)
    img = Image.new("RGB", (wpx, hpx))
    px = img.load()
    for yy in range(hpx):
        for xx in range(wpx):
            g = 70 + int(110 * yy / hpx) + rnd.randint(-9, 9)
            px[xx, yy] = (g, g + 6, g + 14)
    dr = ImageDraw.Draw(img)
    for _ in range(6):
        x0 = rnd.randint(0, wpx - 60)
        y0 = rnd.randint(hpx // 3, hpx - 70)
        shade = rnd.randint(150, 220)
        dr.rectangle(
            [x0, y0, x0 + rnd.randint(40, 110), y0 + rnd.randint(30, 70)],
            fill=(shade, shade, shade + 10),
            outline=(40, 40, 50),
        )
    for i in range(5):
        cx = 20 + i * wpx // 5
        dr.ellipse([cx, 8, cx + 26, 18], fill=(245, 240, 210))
    dr.rectangle([0, int(hpx * 0.82), wpx, int(hpx * 0.86)], fill=(90, 90, 60))
    for _ in range(3):
        x0 = rnd.randint(20, wpx - 40)
        dr.ellipse([x0, hpx // 2, x0 + 16, hpx // 2 + 16], fill=(230, 230, 235))
        dr.rectangle([x0 - 2, hpx // 2 + 16, x0 + 18, hpx // 2 + 60], fill=(235, 235, 240))
    return img


# ----------------------------------------------------------------------------- p01


def page_p01(out: Path) -> Page:
    """澜屿金融日报 A2: a two-column lead story (a01) above a four-column bottom section (a02)."""
    a1, a2 = ARTICLES["a01"], ARTICLES["a02"]
    width, m = 240 * MM, 13 * MM
    cw = width - 2 * m
    # --- a01 heading block
    s_kick = pstyle("kick1", "ZenHei", 11, 15, textColor=RED)
    s_title = pstyle("title1", "ZenHei", 25, 31)
    kick = para(a1["kicker"], s_kick)
    title = Paragraph("<br/>".join(esc(plain(t)) for t in a1["title"]), s_title)
    used("ZenHei", title_src(a1))
    d_kick = 31 * MM
    d_title = d_kick + height_of(kick, cw) + 3
    d_rule = d_title + height_of(title, cw) + 5
    d_cols = d_rule + 5 * MM
    # --- a01 columns
    gut1 = 7 * MM
    colw1 = (cw - gut1) / 2
    s_body1 = pstyle("body1", "UMingCN", 10.5, 16.8, firstLineIndent=21, allowOrphans=1)
    s_head1 = pstyle("head1", "ZenHei", 11, 16.8, spaceBefore=6, spaceAfter=2, textColor=DARKRED)
    s_byl1 = pstyle(
        "byl1",
        "UMingCN",
        9.5,
        13,
        borderWidth=0.6,
        borderColor=RED,
        borderPadding=(3, 4, 3, 4),
        backColor=PAPER,
        spaceAfter=10,
    )
    its1 = items(a1, lambda n, h: "■ " + h)

    def story1():
        return [para(a1["byline"], s_byl1), *flowables(its1, s_body1, s_head1)]

    def frames1(h):
        return [(m, d_cols, colw1, h), (m + colw1 + gut1, d_cols, colw1, h)]

    h1, placed1 = balance(story1, frames1, 50 * MM, 200 * MM)
    # --- a02
    d_band = d_cols + h1 + 8 * MM
    s_band = pstyle(
        "band2",
        "ZenHei",
        16,
        20,
        textColor=WHITE,
        backColor=NAVY,
        borderPadding=(5, 5, 4, 5),
        alignment=TA_CENTER,
    )
    band = para(plain(title_src(a2)), s_band)
    hb = height_of(band, cw - 10)
    s_byl2 = pstyle("byl2", "UMingCN", 9, 12, textColor=GREY, alignment=TA_RIGHT)
    byl2 = para(a2["byline"], s_byl2)
    d_byl2 = d_band + hb + 5 + 3
    d_cols2 = d_byl2 + height_of(byl2, cw) + 3 * MM
    gut2 = 5 * MM
    colw2 = (cw - 3 * gut2) / 4
    s_body2 = pstyle("body2", "UMingCN", 8.5, 12.75, spaceBefore=4.25, allowOrphans=1)
    s_head2 = pstyle("head2", "ZenHei", 9, 13, spaceBefore=7, spaceAfter=2, textColor=BLUE)
    its2 = items(a2, lambda n, h: "【" + h + "】")

    def story2():
        return flowables(its2, s_body2, s_head2)

    def frames2(h):
        return [(m + i * (colw2 + gut2), d_cols2, colw2, h) for i in range(4)]

    h2, placed2 = balance(story2, frames2, 30 * MM, 200 * MM)
    d_foot = d_cols2 + h2 + 6 * MM
    pg = Page("p01", width, d_foot + 9 * MM, out)
    # --- draw, in reading order
    header_lanyu(pg, m, "A2", "要闻", mirror=False)
    kick.drawOn(pg.c, m, pg.y(d_kick + height_of(kick, cw)))
    title.wrap(cw, 10000)
    title.drawOn(pg.c, m, pg.y(d_title + title.height))
    pg.rule(m, d_rule, width - m, d_rule, 0.8)
    for placed in placed1:
        draw_placed(pg, placed)
    pg.rule(m + colw1 + gut1 / 2, d_cols - 1 * MM, m + colw1 + gut1 / 2, d_cols + h1, 0.4, GREY)
    pg.rule(m, d_band - 4 * MM, width - m, d_band - 4 * MM, 2.0, NAVY)
    band.wrap(cw - 10, 10000)
    band.drawOn(pg.c, m + 5, pg.y(d_band + 5 + hb))
    byl2.wrap(cw, 10000)
    byl2.drawOn(pg.c, m, pg.y(d_byl2 + byl2.height))
    for placed in placed2:
        draw_placed(pg, placed)
    for i in range(1, 4):
        xr = m + i * (colw2 + gut2) - gut2 / 2
        pg.rule(xr, d_cols2, xr, d_cols2 + h2, 0.4, GREY)
    footer_lanyu(pg, m, d_foot)
    # --- gold
    p1 = Part(a1, title_src(a1), a1["kicker"], "above", a1["byline"])
    p1.add(its1)
    p2 = Part(a2, title_src(a2), None, None, a2["byline"])
    p2.add(its2)
    pg.parts = [p1, p2]
    pg.layout.update(
        {
            "writer": "reportlab platypus: Paragraph flowables (CJK wrap) in frames, one text"
            " object per paragraph piece",
            "order": "reading",
            "cols": [2, 4],
            "col_widths_mm": {"a01": [round(colw1 / MM, 1)] * 2, "a02": [round(colw2 / MM, 1)] * 4},
            "body": {
                "a01": "UMing 10.5pt, lead 1.6, first-line offset indent 2em, ragged",
                "a02": "UMing 8.5pt, lead 1.5, no indent, 0.5-line paragraph gap, ragged",
            },
            "notes": "a01 kicker above a two-line title (one Paragraph with a line break), byline"
            " in a box at the top of column 1, headings '■ …'; a02 title reversed (white on a navy"
            " band), byline right-aligned under it, headings '【…】'; vertical rules between"
            " the columns",
        }
    )
    return pg


# ----------------------------------------------------------------------------- p02


def page_p02(out: Path) -> Page:
    """澜屿金融日报 A6: two articles side by side, each drawn inside its own Form XObject."""
    a3, a4 = ARTICLES["a03"], ARTICLES["a04"]
    width, m = 262 * MM, 12 * MM
    lw, sep, rw = 140 * MM, 8 * MM, 90 * MM
    xr = m + lw + sep
    d0 = 31 * MM
    # --- a03 (left)
    s_byl3 = pstyle("byl3", "MicroHei", 9, 12, textColor=GREY)
    s_tit3 = pstyle("tit3", "ZenHei", 22, 27)
    s_deck3 = pstyle("deck3", "MicroHei", 11.5, 15, textColor=GREY)
    byl3 = para(a3["byline"], s_byl3)
    tit3 = para(plain(title_src(a3)), s_tit3)
    deck3 = para(plain(a3["deck"]), s_deck3)
    d_tit3 = d0 + height_of(byl3, lw) + 2
    d_deck3 = d_tit3 + height_of(tit3, lw) + 2
    d_rule3 = d_deck3 + height_of(deck3, lw) + 4
    d_cols3 = d_rule3 + 4 * MM
    widths3 = [50 * MM, 40 * MM, 40 * MM]
    gut3 = 5 * MM
    xs3 = [m, m + widths3[0] + gut3, m + widths3[0] + widths3[1] + 2 * gut3]
    s_body3 = pstyle(
        "body3", "MicroHei", 9, 13.05, firstLineIndent=18, allowOrphans=1, allowWidows=0
    )
    s_head3 = pstyle("head3", "ZenHei", 9, 13, spaceBefore=6, spaceAfter=2, textColor=DARKRED)
    its3 = items(a3, lambda n, h: CN_NUM[n] + "、" + h)

    def story3():
        return flowables(its3, s_body3, s_head3)

    def frames3(h):
        return [(x, d_cols3, w, h) for x, w in zip(xs3, widths3, strict=True)]

    h3, placed3 = balance(story3, frames3, 30 * MM, 200 * MM)
    d_tab = d_cols3 + h3 + 6 * MM
    tab_w = [4.2, 2, 2, 2]
    left_end = d_tab + table_height(a3["table"], "MicroHei", 8, lw, tab_w)
    # --- a04 (right)
    s_tit4 = pstyle("tit4", "ZenHei", 17, 22, alignment=TA_CENTER)
    tit4 = Paragraph("<br/>".join(esc(plain(t)) for t in a4["title"]), s_tit4)
    used("ZenHei", title_src(a4))
    d_cols4 = d0 + height_of(tit4, rw) + 5 * MM
    gut4 = 5 * MM
    colw4 = (rw - gut4) / 2
    s_body4 = pstyle("body4", "MicroHei", 8, 14, spaceBefore=5, allowOrphans=1, allowWidows=0)
    s_head4 = pstyle(
        "head4",
        "ZenHei",
        8.5,
        12,
        alignment=TA_CENTER,
        borderWidth=0.6,
        borderColor=GREEN,
        borderPadding=2.5,
        spaceBefore=11,
        spaceAfter=6,
        textColor=GREEN,
    )
    s_byl4 = pstyle("byl4", "MicroHei", 8, 12, alignment=TA_RIGHT, spaceBefore=4)
    its4 = items(a4, lambda n, h: h)

    def story4():
        return [*flowables(its4, s_body4, s_head4), para(a4["byline"], s_byl4)]

    def frames4(h):
        return [(xr, d_cols4, colw4, h), (xr + colw4 + gut4, d_cols4, colw4, h)]

    h4, placed4 = balance(story4, frames4, 30 * MM, 250 * MM)
    d_ad = d_cols4 + h4 + 6 * MM
    ad_h = 30 * MM
    right_end = d_ad + ad_h
    d_foot = max(left_end, right_end) + 5 * MM
    pg = Page("p02", width, d_foot + 9 * MM, out)
    c = pg.c
    # --- draw
    header_lanyu(pg, m, "A6", "银行·保险", mirror=True)
    c.beginForm("a03", 0, 0, pg.w, pg.h)
    byl3.wrap(lw, 10000)
    byl3.drawOn(c, m, pg.y(d0 + byl3.height))
    tit3.wrap(lw, 10000)
    tit3.drawOn(c, m, pg.y(d_tit3 + tit3.height))
    deck3.wrap(lw, 10000)
    deck3.drawOn(c, m, pg.y(d_deck3 + deck3.height))
    pg.rule(m, d_rule3, m + lw, d_rule3, 1.2, RED)
    for placed in placed3:
        draw_placed(pg, placed)
    c.endForm()
    c.doForm("a03")
    draw_table(pg, m, d_tab, lw, a3["table"], "MicroHei", 8, tab_w, RED)
    pg.rule(m + lw + sep / 2, d0, m + lw + sep / 2, max(left_end, right_end), 0.6, GREY)
    c.beginForm("a04", 0, 0, pg.w, pg.h)
    tit4.wrap(rw, 10000)
    tit4.drawOn(c, xr, pg.y(d0 + tit4.height))
    for placed in placed4:
        draw_placed(pg, placed)
    c.endForm()
    c.doForm("a04")
    draw_ad(
        pg,
        xr,
        d_ad,
        rw,
        ad_h,
        [
            (8 * MM, "澄湾银行", "ZenHei", 15, RED),
            (14.5 * MM, "小微快贷 · 随借随还", "ZenHei", 11, BLACK),
            (20 * MM, "线上申请 最快当日放款", "MicroHei", 9, BLACK),
            (24.5 * MM, "服务热线 400-860-3317", "MicroHei", 8, BLACK),
            (28 * MM, "贷款额度及利率以审批结果为准", "MicroHei", 6.5, GREY),
        ],
        RED,
    )
    footer_lanyu(pg, m, d_foot)
    # --- gold
    p3 = Part(a3, title_src(a3), a3["deck"], "below", a3["byline"])
    p3.add(its3)
    p4 = Part(a4, title_src(a4), None, None, a4["byline"])
    p4.add(its4)
    pg.parts = [p3, p4]
    pg.layout.update(
        {
            "writer": "reportlab platypus; each article drawn inside its own Form XObject (Do), the"
            " table (a platypus Table) and the ad on the page itself",
            "order": "reading",
            "cols": [3, 2],
            "col_widths_mm": {
                "a03": [round(v / MM, 1) for v in widths3],
                "a04": [round(colw4 / MM, 1)] * 2,
            },
            "body": {
                "a03": "MicroHei 9pt, lead 1.45, first-line offset indent 2em, ragged",
                "a04": "MicroHei 8pt, lead 1.75, no indent, paragraph gap, ragged",
            },
            "notes": "two articles side by side behind a vertical rule; a03 byline above the title,"
            " deck below, headings numbered '一、…'; product table under a03; a04 centred"
            " two-line title, headings in a drawn box, byline at the end (right-aligned);"
            " ad under a04",
        }
    )
    return pg


# ----------------------------------------------------------------------------- p03 / p04 (jump)


def a05_style() -> Style:
    return Style("ZenHei", 9.5, 9.5 * 1.55, indent="char", gap=0.0, hsize=10, hcolor=RED)


def a05_items():
    return items(ARTICLES["a05"], lambda n, h: "● " + h)


def flow_items(its):
    return [(k, t if k == "h" else plain(t)) for k, t in its]


P03_COL_H = 80 * MM


def p03_geometry():
    width, m = 236 * MM, 12 * MM
    mw = 166 * MM
    gut = 4.5 * MM
    widths = [45 * MM, 36 * MM, 36 * MM, 35.5 * MM]
    xs = [m]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gut)
    return width, m, mw, gut, widths, xs


def page_p03(out: Path) -> tuple[Page, tuple]:
    """青岑证券时报 B2: a05 part 1, photo in the middle of column 2, jump to B3."""
    a5 = ARTICLES["a05"]
    st = a05_style()
    width, m, mw, _gut, widths, xs = p03_geometry()
    d_title = 36 * MM
    tsize, tlead = 22, 28
    d_deck = d_title + 2 * tlead + 3
    d_byl = d_deck + 7 * MM
    d_rule = d_byl + 3.5 * MM
    d_cols = d_rule + 4 * MM
    bottom = d_cols + P03_COL_H
    # photo block in column 2
    pw = widths[1]
    ph = 25 * MM
    d_photo = d_cols + 4 * st.lead + 1.5 * MM
    cap_lines = break_lines(a5["photo"]["caption"], [pw], "ZenHei", 8)
    d_cap = d_photo + ph + 1.5 * MM
    d_credit = d_cap + len(cap_lines) * 10.5
    d_after = d_credit + 10.5 + 2.5 * MM
    frames = [
        (xs[0], d_cols, widths[0], bottom),
        (xs[1], d_cols, widths[1], d_photo - 1.5 * MM),
        (xs[1], d_after, widths[1], bottom),
        (xs[2], d_cols, widths[2], bottom),
        (xs[3], d_cols, widths[3], bottom - 5 * MM),
    ]
    its = a05_items()
    recs, left = flow(flow_items(its), frames, st)
    assert left is not None and left[1] > 0, f"a05 must jump mid-paragraph: {left}"
    k, cut = left
    src1, src2 = split_marked(its[k][1], cut)
    items_b2 = [*its[:k], ("p", src1)]
    items_b3 = [("p", src2), *its[k + 1 :]]
    # --- sidebar
    sx = m + mw + 6 * MM
    sw_ = width - m - sx
    d_foot = bottom + 6 * MM
    pg = Page("p03", width, d_foot + 9 * MM, out)
    header_qingcen(pg, m, "B2", "公司·产业")
    for i, t in enumerate(a5["title"]):
        pg.put(m, d_title + i * tlead, plain(t), "ZenHei", tsize, furn=False, bold=0.6)
    pg.put(m, d_deck, plain(a5["deck"]), "ZenHei", 11.5, GREY, furn=False)
    pg.put(m, d_byl, a5["byline"], "ZenHei", 9, furn=False)
    pg.rule(m, d_rule, m + mw, d_rule, 0.8, GREEN)
    write_tz(pg, recs, frames, st)
    # photo and caption, written after the columns
    img = photo(7, 360, 250)
    pg.c.drawImage(ImageReader(img), xs[1], pg.y(d_photo + ph), pw, ph)
    for i, line in enumerate(cap_lines):
        pg.put(xs[1], d_cap + 8 + i * 10.5, line, "ZenHei", 8, GREY, furn=False)
    pg.put(
        xs[1] + pw, d_credit + 8, a5["photo"]["credit"], "ZenHei", 8, GREY, align="r", furn=False
    )
    pg.put(xs[3] + widths[3], bottom - 1.2 * MM, "（下转B3版）", "ZenHei", 8.5, GREEN, align="r")
    for i in range(1, 4):
        xr = xs[i] - 2.25 * MM
        pg.rule(xr, d_cols, xr, bottom, 0.3, LIGHTGREY)
    # sidebar: table and ad
    pg.rule(sx - 3 * MM, d_title - 8 * MM, sx - 3 * MM, bottom, 0.6, GREEN)
    th = draw_table(pg, sx, d_title - 6 * MM, sw_, a5["table"], "ZenHei", 7, [2.2, 2.2, 1.8], GREEN)
    d_ad = d_title - 6 * MM + th + 6 * MM
    draw_ad(
        pg,
        sx,
        d_ad,
        sw_,
        bottom - d_ad,
        [
            (9 * MM, "第五届", "ZenHei", 10, GREEN),
            (16 * MM, "西部新能源材料", "ZenHei", 12, BLACK),
            (22 * MM, "投资峰会", "ZenHei", 12, BLACK),
            (30 * MM, "2027年6月18日", "ZenHei", 8.5, GREEN),
            (35 * MM, "四川 · 成都", "ZenHei", 8.5, GREEN),
            (43 * MM, "报名热线", "ZenHei", 7.5, GREY),
            (47.5 * MM, "028-6612-7305", "ZenHei", 7.5, GREY),
        ],
        GREEN,
    )
    footer_qingcen(pg, m, d_foot)
    # --- gold
    p5 = Part(a5, title_src(a5), a5["deck"], "below", a5["byline"])
    p5.add(items_b2)
    p5.captions.append(a5["photo"]["caption"] + " " + a5["photo"]["credit"])
    pg.parts = [p5]
    pg.layout.update(
        {
            "writer": "reportlab canvas, own line breaker; one text object per paragraph piece in a"
            " frame, justified lines by horizontal scaling (Tz) per line, lines by T*",
            "order": "reading; the photo, its caption and credit are written after column 4",
            "cols": [4],
            "col_widths_mm": {"a05": [round(v / MM, 1) for v in widths]},
            "body": {"a05": "ZenHei 9.5pt, lead 1.55, printed U+3000 indent, justified (Tz)"},
            "notes": "two-line title with deck and byline under it; headings '● …' in red, bold by"
            " stroke; photo in the middle of column 2 (4 lines above it), three-line caption"
            " and the credit on its own line, right-aligned; the text jumps mid-paragraph at"
            " the foot of column 4 with '（下转B3版）'; sidebar with a platypus Table and a"
            " conference ad",
            "jump": {
                "to": "p04",
                "cut_after": plain(src1)[-12:],
                "continues_with": plain(src2)[:12],
            },
        }
    )
    return pg, (items_b3,)


def write_tz(pg: Page, recs, frames, st: Style) -> None:
    """One text object per paragraph piece per frame; justified by Tz; headings separately."""
    c = pg.c
    i = 0
    while i < len(recs):
        r = recs[i]
        if r.kind == "h":
            d_base = r.d + r.h / 2 + 0.36 * st.hsize
            pg.put(r.x, d_base, r.text, st.hfont, st.hsize, st.hcolor, furn=False, bold=0.35)
            i += 1
            continue
        group = [r]
        while (
            i + len(group) < len(recs)
            and recs[i + len(group)].kind == "l"
            and recs[i + len(group)].frame == r.frame
            and recs[i + len(group)].para == r.para
        ):
            group.append(recs[i + len(group)])
        tx = c.beginText(r.x, pg.y(baseline(r, st)))
        tx.setFont(st.font, st.size, st.lead)
        for ln in group:
            used(st.font, ln.text)
            pg.lines.append(ln.text)
            scale = 100.0
            if st.justify and not ln.last and ln.nat > 0:
                scale = 100.0 * ln.w / ln.nat
                if scale > 112:
                    scale = 100.0
            tx.setHorizScale(scale)
            tx.textLine(ln.text)
        tx.setHorizScale(100)
        c.drawText(tx)
        i += len(group)


def page_p04(out: Path, items_b3) -> Page:
    """青岑证券时报 B3: a05 continued (3 columns) above a06 (4 columns, line chart)."""
    a5, a6 = ARTICLES["a05"], ARTICLES["a06"]
    width, m = 236 * MM, 12 * MM
    cw = width - 2 * m
    # --- a05 tail
    st5 = Style(CID, 9.5, 9.5 * 1.5, indent="char", hsize=10, hcolor=RED)
    d_jump = 36 * MM
    d_cols5 = d_jump + 5 * MM
    gut = 5 * MM
    colw5 = (cw - 2 * gut) / 3
    fi5 = flow_items(items_b3)

    def frames5(h):
        return [(m + i * (colw5 + gut), d_cols5, colw5, d_cols5 + h) for i in range(3)]

    h5, recs5 = own_balance(fi5, frames5, st5, 10 * MM, 150 * MM, tail=True)
    # --- a06
    st6 = Style(
        CID,
        8.5,
        8.5 * 1.7,
        indent="offset",
        gap=0.0,
        hsize=9,
        hcolor=WHITE,
        hlines=1.7,
        justify=False,
    )
    d_rule = d_cols5 + h5 + 5 * MM
    d_tit6 = d_rule + 12 * MM
    d_deck6 = d_tit6 + 8 * MM
    d_cols6 = d_deck6 + 6 * MM
    colw6 = (cw - 3 * gut) / 4
    chart_w = 2 * colw6 + gut
    chart_h = 50 * MM
    its6 = items(a6, lambda n, h: h)
    fi6 = flow_items(its6)

    def frames6(h):
        out_ = []
        for i in range(4):
            bot = d_cols6 + h - (chart_h + 5 * MM if i >= 2 else 0)
            out_.append((m + i * (colw6 + gut), d_cols6, colw6, bot))
        return out_

    h6, recs6 = own_balance(fi6, frames6, st6, 60 * MM, 250 * MM)
    d_foot = d_cols6 + h6 + 6 * MM
    pg = Page("p04", width, d_foot + 9 * MM, out)
    header_qingcen(pg, m, "B3", "公司·产业")
    wj = pg.put(m, d_jump, a5["jump_title"], "ZenHei", 16, furn=False, bold=0.5)
    pg.put(m + wj + 3 * MM, d_jump, "（上接B2版）", "ZenHei", 9, GREEN)
    write_part(pg, recs5, st5, justify_tc=True)
    for i in range(1, 3):
        xr = m + i * (colw5 + gut) - gut / 2
        pg.rule(xr, d_cols5, xr, d_cols5 + h5, 0.3, LIGHTGREY)
    pg.rule(m, d_rule, width - m, d_rule, 2.2)
    pg.put(m, d_tit6, plain(title_src(a6)), "ZenHei", 20, furn=False, bold=0.5)
    pg.put(width - m, d_tit6, a6["byline"], CID, 9, GREY, align="r", furn=False)
    pg.put(m, d_deck6, plain(a6["deck"]), CID, 11, DARKRED, furn=False)
    # reversed heading boxes first (graphics cannot stand inside a text object)
    for r in recs6:
        if r.kind == "h":
            pg.box(r.x, r.d + 1.2, r.w, r.h - 2.4, fill=DARKRED)
    write_part(pg, recs6, st6, justify_tc=False, head_center=True)
    for i in range(1, 4):
        xr = m + i * (colw6 + gut) - gut / 2
        bot = d_cols6 + h6 - (chart_h + 5 * MM if i >= 2 else 0)
        pg.rule(xr, d_cols6, xr, bot, 0.3, LIGHTGREY)
    p6 = Part(a6, title_src(a6), a6["deck"], "below", a6["byline"])
    p6.add(its6)
    line_chart(pg, p6, m + 2 * (colw6 + gut), d_cols6 + h6 - chart_h, chart_w, chart_h, a6["chart"])
    footer_qingcen(pg, m, d_foot)
    p5 = Part(a5, a5["jump_title"], None, None, None)
    p5.add(items_b3)
    pg.parts = [p5, p6]
    pg.layout.update(
        {
            "writer": "reportlab canvas, own line breaker; ONE text object per article part (all"
            " its columns and headings), lines placed by relative Td moves; body in the"
            " non-embedded CID font STSong-Light (UniGB-UCS2-H), headings in ZenHei",
            "order": "reading",
            "cols": [3, 4],
            "col_widths_mm": {"a05": [round(colw5 / MM, 1)] * 3, "a06": [round(colw6 / MM, 1)] * 4},
            "body": {
                "a05": "STSong-Light 9.5pt, lead 1.5, printed U+3000 indent, justified (Tc)",
                "a06": "STSong-Light 8.5pt, lead 1.7, first-line offset indent 2em, ragged",
            },
            "notes": "two articles stacked: a05 continued under the jump head with '（上接B2版）'"
            " beside it, the tail paragraph first (no indent), no byline on this page; heavy"
            " rule; a06 title with the byline right-aligned on its baseline, deck below,"
            " headings reversed (white on dark red); boxed line chart at the foot of columns"
            " 3-4",
        }
    )
    return pg


def write_part(pg: Page, recs, st: Style, justify_tc: bool, head_center=False) -> None:
    """The whole article part as one text object: Td moves between lines, Tc to justify."""
    c = pg.c
    tx = c.beginText()
    first = True
    last_x = last_y = 0.0
    cur = None
    for r in recs:
        if r.kind == "h":
            font, size = st.hfont, st.hsize
            x = r.x + (r.w - sw(r.text, font, size)) / 2 if head_center else r.x
            y = pg.y(r.d + r.h / 2 + 0.36 * size)
        else:
            font, size = st.font, st.size
            x, y = r.x, pg.y(baseline(r, st))
        if first:
            tx.setTextOrigin(x, y)
            first = False
        else:
            tx._code.append(f"{x - last_x:.3f} {y - last_y:.3f} Td")
        last_x, last_y = x, y
        if cur != r.kind:
            tx.setFont(font, size)
            tx.setFillColor(st.hcolor if r.kind == "h" else BLACK)
            tx.setTextRenderMode(2 if r.kind == "h" else 0)
            tx.setStrokeColor(st.hcolor if r.kind == "h" else BLACK)
            cur = r.kind
        used(font, r.text)
        if r.kind == "l":
            pg.lines.append(r.text)
            spacing = 0.0
            if justify_tc and not r.last and len(r.text) > 1:
                spacing = (r.w - r.nat) / (len(r.text) - 1)
                if spacing > 0.3 * size:
                    spacing = 0.0
            tx.setCharSpace(spacing)
        else:
            tx.setCharSpace(0)
        tx.textOut(r.text)
    tx.setCharSpace(0)
    c.saveState()
    c.setLineWidth(0.3)
    c.drawText(tx)
    c.restoreState()


# ----------------------------------------------------------------------------- p05


def page_p05(out: Path) -> Page:
    """溯川经济观察 12: a07 in six columns, bar chart over columns 5-6; frames drawn shuffled."""
    a7 = ARTICLES["a07"]
    width, m = 250 * MM, 12 * MM
    cw = width - 2 * m
    s_tit = pstyle("tit7", "ZenHei", 24, 30, alignment=TA_CENTER)
    s_deck = pstyle("deck7", "MicroHeiMono", 12, 16, alignment=TA_CENTER, textColor=GREY)
    s_byl = pstyle("byl7", "MicroHeiMono", 9, 12, alignment=TA_CENTER)
    tit = para(plain(title_src(a7)), s_tit)
    deck = para(plain(a7["deck"]), s_deck)
    byl = para(a7["byline"], s_byl)
    d_tit = 30 * MM
    d_deck = d_tit + height_of(tit, cw) + 2
    d_byl = d_deck + height_of(deck, cw) + 3
    d_rule = d_byl + height_of(byl, cw) + 3 * MM
    d_cols = d_rule + 4 * MM
    gut = 4 * MM
    colw = (cw - 5 * gut) / 6
    chart_h = 44 * MM
    s_body = pstyle(
        "body7", "MicroHeiMono", 8.5, 11.9, firstLineIndent=17, allowOrphans=1, alignment=TA_LEFT
    )
    s_head = pstyle("head7", "ZenHei", 9, 12, spaceBefore=6, spaceAfter=2, textColor=NAVY)
    its = items(a7, lambda n, h: "◆ " + h)

    def story():
        return flowables(its, s_body, s_head)

    def frames(h):
        out_ = []
        for i in range(6):
            top = d_cols + (chart_h + 4 * MM if i >= 4 else 0)
            out_.append((m + i * (colw + gut), top, colw, d_cols + h - top))
        return out_

    h, placed = balance(story, frames, 60 * MM, 300 * MM)
    d_foot = d_cols + h + 6 * MM
    pg = Page("p05", width, d_foot + 9 * MM, out)
    part = Part(a7, title_src(a7), a7["deck"], "below", a7["byline"])
    part.add(its)
    header = header_suchuan(pg, m, "12", "外汇·跨境")
    steps = [("header", header)]
    steps.append(
        ("title", lambda: (tit.wrap(cw, 10000), tit.drawOn(pg.c, m, pg.y(d_tit + tit.height))))
    )
    steps.append(
        ("deck", lambda: (deck.wrap(cw, 10000), deck.drawOn(pg.c, m, pg.y(d_deck + deck.height))))
    )
    steps.append(
        ("byline", lambda: (byl.wrap(cw, 10000), byl.drawOn(pg.c, m, pg.y(d_byl + byl.height))))
    )
    steps.append(("rule", lambda: pg.rule(m, d_rule, width - m, d_rule, 0.8, NAVY)))
    for i, pl in enumerate(placed):
        steps.append((f"column {i + 1}", lambda pl=pl: draw_placed(pg, pl)))
    x_chart = m + 4 * (colw + gut)

    def chart():
        bar_chart(pg, part, x_chart, d_cols, 2 * colw + gut, chart_h, a7["chart"])

    steps.append(("chart", chart))

    def rules():
        for i in range(1, 6):
            xr = m + i * (colw + gut) - gut / 2
            top = d_cols + (chart_h + 4 * MM if i == 5 else 0)
            pg.rule(xr, top, xr, d_cols + h, 0.3, LIGHTGREY)

    steps.append(("column rules", rules))
    steps.append(("footer", lambda: footer_suchuan(pg, m, d_foot)))
    reading = [name for name, _f in steps]
    order = list(range(len(steps)))
    random.Random(705).shuffle(order)
    # the gold lists furniture in reading order: collect it per step, then reorder
    furn_by_step = {}
    caps_by_step = {}
    for k in order:
        name, fn = steps[k]
        n_f, n_c = len(pg.furniture), len(part.captions)
        fn()
        furn_by_step[name] = pg.furniture[n_f:]
        caps_by_step[name] = part.captions[n_c:]
    pg.furniture = [f for name in reading for f in furn_by_step[name]]
    part.captions = [cap for name in reading for cap in caps_by_step[name]]
    pg.parts = [part]
    pg.layout.update(
        {
            "writer": "reportlab platypus: Paragraph flowables (CJK wrap) in frames",
            "order": "shuffled",
            "frame_order": [steps[k][0] for k in order],
            "cols": [6],
            "col_widths_mm": {"a07": [round(colw / MM, 1)] * 6},
            "body": {
                "a07": "WenQuanYi Micro Hei Mono 8.5pt, lead 1.4, first-line offset indent"
                " 2em, ragged"
            },
            "notes": "centred one-line title, deck and byline centred under it; headings '◆ …' in"
            " navy; boxed bar chart (title, unit, axis numbers, bar values, quarter labels,"
            " source) at the top of columns 5-6; all frames drawn in random.Random(705)"
            " order, see frame_order",
        }
    )
    return pg


# ----------------------------------------------------------------------------- p06


SEG_AFTER = set("，。、；：？！）”》")


def segments(text: str) -> list[str]:
    """Cut a line after punctuation; without any, into its atoms (the writer also falls back to
    atoms when the gaps at punctuation would exceed 0.35 em)."""
    segs, cur = [], ""
    for ch in text:
        cur += ch
        if ch in SEG_AFTER:
            segs.append(cur)
            cur = ""
    if cur:
        segs.append(cur)
    segs = [s for s in segs if s]
    if len(segs) < 2:
        segs = ATOM.findall(text)
    return segs


def page_p06(out: Path) -> Page:
    """溯川经济观察 13: a08 in two unequal columns, table under column 2, ad across the foot."""
    a8 = ARTICLES["a08"]
    width, m = 210 * MM, 12 * MM
    cw = width - 2 * m
    st = Style(
        "UMingTWMBE",
        10,
        17,
        indent="char",
        gap=0.0,
        hfont="ZenHei",
        hsize=10.5,
        hcolor=BLACK,
        hlines=2.0,
    )
    d_kick = 33 * MM
    d_tit = d_kick + 10 * MM
    tlead = 28
    d_byl = d_tit + tlead + 9 * MM
    d_rule = d_byl + 4 * MM
    d_cols = d_rule + 5 * MM
    w1, gut, w2 = 108 * MM, 6 * MM, 72 * MM
    x1, x2 = m, m + w1 + gut
    tab_w = [3, 1.3, 1.3, 1.8]
    tab_h = table_height(a8["table"], "UMingTWMBE", 7.5, w2, tab_w)
    its = items(a8, lambda n, h: h)
    fi = flow_items(its)

    def frames(h):
        return [(x1, d_cols, w1, d_cols + h), (x2, d_cols, w2, d_cols + h - tab_h - 5 * MM)]

    h, recs = own_balance(fi, frames, st, 60 * MM, 300 * MM)
    d_ad = d_cols + h + 5 * MM
    ad_h = 17 * MM
    d_foot = d_ad + ad_h + 5 * MM
    pg = Page("p06", width, d_foot + 9 * MM, out)
    header_suchuan(pg, m, "13", "消费金融")()
    pg.put(m, d_kick, a8["kicker"], "ZenHei", 11, RED, ws=4, furn=False)
    for i, t in enumerate(a8["title"]):
        pg.put(m, d_tit + i * tlead, plain(t), "ZenHei", 22, furn=False, bold=0.5)
    pg.put(width - m, d_byl, a8["byline"], "UMingTWMBE", 9.5, GREY, align="r", ws=3, furn=False)
    pg.rule(m, d_rule, width - m, d_rule, 0.6, NAVY)
    write_segments(pg, recs, st, 2)
    pg.rule(x2 - gut / 2, d_cols, x2 - gut / 2, d_cols + h, 0.3, LIGHTGREY)
    draw_table(pg, x2, d_cols + h - tab_h, w2, a8["table"], "UMingTWMBE", 7.5, tab_w, NAVY)
    pg.box(m, d_ad, cw, ad_h, fill=PALEBLUE)
    pg.put(m + 6 * MM, d_ad + 8 * MM, "沅江基金 · 稳盈纯债A", "ZenHei", 14, NAVY)
    pg.put(m + 6 * MM, d_ad + 13.5 * MM, "长期投资　理性配置", "UMingTWMBE", 9, NAVY)
    pg.put(
        width - m - 6 * MM, d_ad + 8 * MM, "客服热线 400-990-2866", "UMingTWMBE", 9, NAVY, align="r"
    )
    pg.put(
        width - m - 6 * MM,
        d_ad + 13.5 * MM,
        "基金有风险，投资需谨慎",
        "UMingTWMBE",
        7.5,
        GREY,
        align="r",
    )
    footer_suchuan(pg, m, d_foot)
    part = Part(a8, title_src(a8), a8["kicker"], "above", a8["byline"])
    part.add(its)
    pg.parts = [part]
    pg.layout.update(
        {
            "writer": "reportlab canvas, own line breaker; one text object per column; a justified"
            " line is cut into segments after punctuation (or into characters when it has"
            " none), each segment placed by its own relative Td; the kicker and byline"
            " spaced by word spacing (Tw)",
            "order": "reading",
            "cols": [2],
            "col_widths_mm": {"a08": [round(w1 / MM, 1), round(w2 / MM, 1)]},
            "body": {
                "a08": "AR PL UMing TW MBE 10pt, lead 1.7, printed U+3000 indent, justified"
                " (Td segments)"
            },
            "notes": "red kicker '消 费 金 融' (letter-spaced with Tw) above a two-line title,"
            " byline right-aligned under it with Tw; headings plain bold (stroke); loan table (a"
            " platypus Table) at the foot of column 2; fund ad across the foot",
        }
    )
    return pg


def write_segments(pg: Page, recs, st: Style, ncols: int) -> None:
    c = pg.c
    for fi in range(ncols):
        col = [r for r in recs if r.frame == fi]
        if not col:
            continue
        tx = c.beginText()
        first = True
        lx = ly = 0.0
        cur = None
        for r in col:
            if r.kind == "h":
                font, size = st.hfont, st.hsize
                y = pg.y(r.d + r.h / 2 + 0.36 * size)
                pieces = [(r.x, r.text)]
            else:
                font, size = st.font, st.size
                y = pg.y(baseline(r, st))
                pg.lines.append(r.text)
                segs = segments(r.text)
                extra = r.w - r.nat if (st.justify and not r.last) else 0.0
                if extra > 2.5 * size:
                    extra = 0.0
                if len(segs) < 2 or abs(extra) / (len(segs) - 1) > 0.35 * size:
                    segs = ATOM.findall(r.text)
                gap = extra / (len(segs) - 1) if len(segs) > 1 else 0.0
                pieces, x = [], r.x
                for s in segs:
                    pieces.append((x, s))
                    x += sw(s, font, size) + gap
            if cur != r.kind:
                tx.setFont(font, size)
                tx.setTextRenderMode(2 if r.kind == "h" else 0)
                cur = r.kind
            used(font, r.text)
            for x, s in pieces:
                if first:
                    tx.setTextOrigin(x, y)
                    first = False
                else:
                    tx._code.append(f"{x - lx:.3f} {y - ly:.3f} Td")
                lx, ly = x, y
                tx.textOut(s)
        c.saveState()
        c.setLineWidth(0.35)
        c.drawText(tx)
        c.restoreState()


# ----------------------------------------------------------------------------- output


def extract(pdf: Path, folder: Path) -> dict[str, str]:
    texts = {}
    for name, extra in (("pdftotext", []), ("pdftotext_raw", ["-raw"])):
        dest = folder / f"{name}.txt"
        subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(pdf), str(dest)], check=True)
        texts[name] = dest.read_text(encoding="utf-8")
    texts["pdfminer"] = pdfminer_text(str(pdf))
    texts["pypdf"] = PdfReader(str(pdf)).pages[0].extract_text()
    doc = pdfium.PdfDocument(str(pdf))
    texts["pypdfium2"] = doc[0].get_textpage().get_text_range()
    doc.close()
    for name in ("pdfminer", "pypdf", "pypdfium2"):
        with open(folder / f"{name}.txt", "w", encoding="utf-8", newline="") as fh:
            fh.write(texts[name])
    return texts


def gold_strings(g: dict) -> list[str]:
    out = []
    for a in g["articles"]:
        out += [a["title"], a["subtitle"] or "", a["byline"] or "", *a["headings"]]
        out += [p["text"] for p in a["paragraphs"]] + a["captions"]
    return out + g["furniture"]


def check_page(name: str, g: dict, texts: dict, lines: list[str], problems: list[str]) -> None:
    want = Counter(nows("".join(gold_strings(g))))
    for ex, text in texts.items():
        got = Counter(nows(text))
        if got != want:
            problems.append(
                f"{name}/{ex}: characters differ from the gold: missing "
                f"{''.join(sorted((want - got).elements()))[:60]!r}, extra "
                f"{''.join(sorted((got - want).elements()))[:60]!r}"
            )
    for a in g["articles"]:
        text = "\n".join(
            [
                a["title"],
                a["subtitle"] or "",
                a["byline"] or "",
                *a["headings"],
                *[p["text"] for p in a["paragraphs"]],
                *a["captions"],
            ]
        )
        for t in TYPES:
            for e in a["entities"][t] + a["optional_entities"].get(t, []):
                if e not in text:
                    problems.append(f"{name}/{a['id']}: entity {e} not printed")
        for f in a["figures"]:
            if f["surface"] not in text:
                problems.append(f"{name}/{a['id']}: figure {f['surface']} not printed")
        for p in a["paragraphs"]:
            if p["section_heading"] is not None and p["section_heading"] not in a["headings"]:
                problems.append(f"{name}/{a['id']}: section heading not printed")
    for ln in lines:
        if ln and (ln[0] in NO_START or ln[-1] in NO_END):
            problems.append(f"{name}: kinsoku: {ln!r}")


def check_articles(golds: dict, problems: list[str]) -> None:
    for aid, art in ARTICLES.items():
        body = "".join(plain(t) for k, t in art["body"] if k == "p")
        ideo = sum(1 for ch in body if "\u4e00" <= ch <= "\u9fff")
        if not (550 <= ideo <= 800 and len(body) <= 800):
            problems.append(f"{aid}: body {len(body)} characters, {ideo} ideographs")
        got = "".join(
            p["text"]
            for g in golds.values()
            for a in g["articles"]
            if a["id"] == aid
            for p in a["paragraphs"]
        )
        if got != body:
            problems.append(f"{aid}: gold paragraphs are not the whole body")
        for t in TYPES:
            for e in art["entities"][t]:
                if not any(
                    e in a["entities"][t]
                    for g in golds.values()
                    for a in g["articles"]
                    if a["id"] == aid
                ):
                    problems.append(f"{aid}: listed entity {e} is gold on no page")
        for _k, text in art["body"]:
            if FIG.sub("", text).count("{") or FIG.sub("", text).count("}"):
                problems.append(f"{aid}: unbalanced figure braces")


def check_glyphs(problems: list[str]) -> None:
    for name, chars in sorted(FONT_CHARS.items()):
        if name == CID:
            continue
        path, index = TTF_FILES[name]
        font = TTCollection(path).fonts[index] if index is not None else FTFont(path)
        cmap = font.getBestCmap()
        missing = sorted(ch for ch in chars if ord(ch) not in cmap and not ch.isspace())
        if missing:
            problems.append(f"font {name} lacks {''.join(missing)}")


def render_png(pdf: Path, dest: Path) -> None:
    doc = pdfium.PdfDocument(str(pdf))
    doc[0].render(scale=2).to_pil().save(dest)
    doc.close()


def build(out: Path, png: Path | None, check: bool) -> int:
    register_fonts()
    FONT_CHARS.clear()
    pages = [page_p01(out), page_p02(out)]
    p03, (items_b3,) = page_p03(out)
    pages += [p03, page_p04(out, items_b3), page_p05(out), page_p06(out)]
    golds = {}
    problems: list[str] = []
    for pg in pages:
        pg.c.showPage()
        pg.c.save()
        g = pg.gold()
        golds[pg.name] = g
        (pg.dir / "clean.json").write_text(
            json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        texts = extract(pg.dir / "page.pdf", pg.dir)
        if check:
            check_page(pg.name, g, texts, pg.lines, problems)
        if png:
            png.mkdir(parents=True, exist_ok=True)
            render_png(pg.dir / "page.pdf", png / f"{pg.name}.png")
    if check:
        check_articles(golds, problems)
        check_glyphs(problems)
        for p in problems:
            print("PROBLEM", p)
        print(f"build checks: {len(problems)} problem(s) on {len(pages)} pages")
    return 1 if problems else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE)
    ap.add_argument("--png", type=Path, default=None)
    ap.add_argument("--no-check", action="store_true")
    args = ap.parse_args(argv)
    return build(args.out, args.png, not args.no_check)


if __name__ == "__main__":
    sys.exit(main())
