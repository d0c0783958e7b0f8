"""Typeset the held-out page set pages5 with reportlab and write its gold and extractor texts.

    cd /work/main && /work/venv/bin/python tests/pages5/make_pages5.py [--png]

A small newspaper typesetter written for this set only: CJK line breaking with kinsoku rules,
unbreakable ASCII runs, justification by character spacing (`Tc`) or ragged lines, printed,
offset or no paragraph indents, columns of equal or unequal widths balanced by bisection,
text flowing around a photo and over a page jump. Each column frame is one reportlab text
object (`BT … ET` with a `Tm` per line); titles, captions, tables, ads, charts and the running
header and footer are single `drawString`-like text objects. Deterministic: reportlab's
invariant mode, no clocks, fixed seeds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True
sys.path.insert(0, str(HERE))

from articles5 import ARTICLES  # noqa: E402

MM = 72 / 25.4
UM, ZH, MH, LB, LR = "UMingCN", "ZenHei", "MicroHei", "Helvetica-Bold", "Helvetica"
pdfmetrics.registerFont(TTFont(UM, "/usr/share/fonts/truetype/arphic/uming.ttc", subfontIndex=0))
pdfmetrics.registerFont(TTFont(ZH, "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))
pdfmetrics.registerFont(
    TTFont(MH, "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", subfontIndex=0)
)

GREY = Color(0.45, 0.45, 0.45)
LIGHT = Color(0.86, 0.86, 0.86)
DARK = Color(0.12, 0.12, 0.12)
RED = Color(0.72, 0.08, 0.1)
BLUE = Color(0.1, 0.25, 0.5)

FIG = re.compile(r"\{([^{}]*)\}")
WS = re.compile(r"\s+")
NO_START = set("，。、；：？！”’）》】」』%…—·")
NO_END = set("“‘（《【「『")
ASCII_RUN = re.compile(r"[A-Za-z0-9.%+\-/]+")
INDENT = "\u3000\u3000"


def nows(s: str) -> str:
    return WS.sub("", s or "")


def plain(s: str | None) -> str | None:
    return None if s is None else FIG.sub(r"\1", s)


def parse_figs(s: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and the figures in it as (start, end, surface)."""
    out, figs, pos = [], [], 0
    for m in FIG.finditer(s):
        out.append(s[pos : m.start()])
        start = sum(len(x) for x in out)
        out.append(m.group(1))
        figs.append((start, start + len(m.group(1)), m.group(1)))
        pos = m.end()
    out.append(s[pos:])
    return "".join(out), figs


_WCACHE: dict[tuple[str, str, float], float] = {}


def cw(ch: str, font: str, size: float) -> float:
    """Advance width of one character in mm."""
    key = (ch, font, size)
    if key not in _WCACHE:
        _WCACHE[key] = pdfmetrics.stringWidth(ch, font, size) / MM
    return _WCACHE[key]


def sw(s: str, font: str, size: float, cs: float = 0.0) -> float:
    """Width of a string in mm with character spacing cs (pt) between characters."""
    return sum(cw(ch, font, size) for ch in s) + cs * max(len(s) - 1, 0) / MM


def check_glyphs(s: str, font: str) -> None:
    if font in (LB, LR):
        assert all(ord(ch) < 128 for ch in s), (font, s)
        return
    cmap = pdfmetrics.getFont(font).face.charToGlyph
    missing = [ch for ch in s if ord(ch) not in cmap and not ch.isspace()]
    assert not missing, (font, missing)


# ----------------------------------------------------------------------------- line breaking


@dataclass
class Tok:
    chars: str
    keys: str  # one style key per character: "r" regular, "b" bold
    w: float  # mm


def tokenize(chars: str, keys: str, fonts: dict[str, str], size: float) -> list[Tok]:
    toks: list[Tok] = []
    i = 0
    while i < len(chars):
        m = ASCII_RUN.match(chars, i)
        if m:
            j = m.end()
        elif chars[i] in "—…" and i + 1 < len(chars) and chars[i + 1] == chars[i]:
            j = i + 2
        else:
            j = i + 1
        piece, pk = chars[i:j], keys[i:j]
        w = sum(cw(ch, fonts[k], size) for ch, k in zip(piece, pk, strict=True))
        toks.append(Tok(piece, pk, w))
        i = j
    return toks


def fit(toks: list[Tok], start: int, width: float) -> int:
    """End (exclusive) of the line that starts at token `start` in `width` mm, with kinsoku:
    no line starts with a closing mark, none ends with an opening one (the character before is
    pushed down instead)."""
    w, end = 0.0, start
    while end < len(toks) and w + toks[end].w <= width + 1e-6:
        w += toks[end].w
        end += 1
    assert end > start, "a token wider than the column"
    if end == len(toks):
        return end
    e = end
    while e > start + 1 and (toks[e].chars[0] in NO_START or toks[e - 1].chars[-1] in NO_END):
        e -= 1
    return e


# ----------------------------------------------------------------------------- text flow


@dataclass
class Style:
    font: str
    size: float  # pt
    lead: float  # line pitch / size
    indent: str  # "printed" | "offset" | "none"
    justify: bool
    gap: float = 0.0  # paragraph gap in pitches
    bold: str = ZH  # font of the bold key
    head_font: str = ZH
    head_size: float = 10.5
    head_kind: str = "plain"  # plain | bold | boxed | inverse
    head_align: str = "left"
    end_font: str = MH

    @property
    def s(self) -> float:
        return self.size / MM

    @property
    def pitch(self) -> float:
        return self.size * self.lead / MM

    def fonts(self) -> dict[str, str]:
        return {"r": self.font, "b": self.bold}

    def describe(self) -> str:
        fam = {UM: "uming", ZH: "zenhei", MH: "microhei"}[self.font]
        ind = {
            "printed": "indent two printed U+3000",
            "offset": "indent 2 em by offset (nothing printed)",
            "none": f"no indent, paragraph gap {self.gap:.2f} line",
        }[self.indent]
        just = "justified (Tc)" if self.justify else "ragged right"
        return f"{fam} {self.size:g}pt, lead {self.lead:g}, {ind}, {just}"


@dataclass
class Block:
    kind: str  # "p" paragraph, "h" heading, "end" byline at the article's end
    text: str  # plain text as printed (for "p" without the printed indent)
    toks: list[Tok] = field(default_factory=list)
    lead: int = 0  # printed indent characters in front of the text
    figs: list[tuple[int, int, str]] = field(default_factory=list)
    pid: int = -1


@dataclass
class Frame:
    x: float
    top: float
    w: float
    bottom: float


@dataclass
class Line:
    frame: int
    x: float
    base: float  # baseline, mm from the top of the page
    kind: str  # "body" | "head" | "end"
    bi: int
    t0: int
    t1: int
    runs: list[tuple[str, str]]  # (text, font)
    cs: float  # Tc in pt
    text: str
    width: float  # width as set, mm
    render: int = 0
    color: object = black
    box: tuple[float, float, float, float] | None = None  # x, top, w, h in mm
    size: float = 0.0  # pt


def make_blocks(art: dict, st: Style) -> list[Block]:
    blocks = []
    pid = 0
    names = art.get("qa_names", [])
    for kind, raw in art["body"]:
        text, figs = parse_figs(raw)
        if kind == "h":
            blocks.append(Block("h", text))
            continue
        keys = ["r"] * len(text)
        if text.startswith("记者："):
            keys = ["b"] * len(text)
        for n in names:
            if text.startswith(n + "："):
                keys[: len(n) + 1] = ["b"] * (len(n) + 1)
        lead = 2 if st.indent == "printed" else 0
        chars = INDENT[:lead] + text
        ks = "r" * lead + "".join(keys)
        blocks.append(Block("p", text, tokenize(chars, ks, st.fonts(), st.size), lead, figs, pid))
        pid += 1
    if art.get("byline_position") == "end":
        blocks.append(Block("end", art["byline"]))
    return blocks


def runs_of(toks: list[Tok], fonts: dict[str, str]) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for t in toks:
        for ch, k in zip(t.chars, t.keys, strict=True):
            f = fonts[k]
            if runs and runs[-1][1] == f:
                runs[-1] = (runs[-1][0] + ch, f)
            else:
                runs.append((ch, f))
    return runs


def flow(blocks: list[Block], frames: list[Frame], st: Style, bi: int = 0, ti: int = 0):
    """Set blocks[bi:] (the first one from token ti) into the frames. Returns the lines and the
    state (bi, ti) where the text stopped; bi == len(blocks) when everything was set."""
    lines: list[Line] = []
    s, pitch = st.s, st.pitch
    hs = st.head_size / MM
    fonts = st.fonts()
    for fi, fr in enumerate(frames):
        y = fr.top
        first = True
        while bi < len(blocks):
            b = blocks[bi]
            if b.kind == "h":
                htoks = tokenize(b.text, "r" * len(b.text), {"r": st.head_font}, st.head_size)
                pad = 1.2 if st.head_kind in ("boxed", "inverse") else 0.0
                before = 0 if first else 0.55 * pitch
                hl = hs * 1.45
                hlines = []
                k = 0
                while k < len(htoks):
                    e = fit(htoks, k, fr.w - 2 * pad - 1)
                    hlines.append(htoks[k:e])
                    k = e
                need = before + pad * 2 + hl * len(hlines) + 0.45 * pitch
                if y + need + s > fr.bottom:
                    break
                top = y + before
                for n, ht in enumerate(hlines):
                    txt = "".join(t.chars for t in ht)
                    w = sum(t.w for t in ht)
                    if st.head_align == "center":
                        x = fr.x + (fr.w - w) / 2
                    else:
                        x = fr.x + pad + (0.8 if pad else 0)
                    base = top + pad + n * hl + hs * 1.08
                    lines.append(
                        Line(
                            fi,
                            x,
                            base,
                            "head",
                            bi,
                            0,
                            0,
                            [(txt, st.head_font)],
                            0.0,
                            txt,
                            w,
                            render=2 if st.head_kind == "bold" else 0,
                            color=white if st.head_kind == "inverse" else black,
                        )
                    )
                if pad:
                    wmax = max(ln.width for ln in lines[-len(hlines) :])
                    box = (fr.x, top, min(fr.w, wmax + 2 * pad + 1.6), pad * 2 + hl * len(hlines))
                    lines[-len(hlines)].box = box
                y = top + pad * 2 + hl * len(hlines) + 0.45 * pitch
                first = False
                bi += 1
                continue
            if b.kind == "end":
                before = 0 if first else 0.3 * pitch
                if y + before + s > fr.bottom:
                    break
                y += before
                w = sw(b.text, st.end_font, st.size)
                lines.append(
                    Line(
                        fi,
                        fr.x + fr.w - w,
                        y + 0.88 * s,
                        "end",
                        bi,
                        0,
                        0,
                        [(b.text, st.end_font)],
                        0.0,
                        b.text,
                        w,
                    )
                )
                y += pitch
                bi += 1
                first = False
                continue
            gap = st.gap * pitch if (ti == 0 and not first) else 0.0
            if y + gap + s > fr.bottom:
                break
            y += gap
            off = 2 * s if (ti == 0 and st.indent == "offset") else 0.0
            avail = fr.w - off
            e = fit(b.toks, ti, avail)
            toks = b.toks[ti:e]
            nat = sum(t.w for t in toks)
            nchar = sum(len(t.chars) for t in toks)
            last = e == len(b.toks)
            cs = 0.0
            if st.justify and not last and nchar > 1:
                cs = (avail - nat) * MM / (nchar - 1)
            txt = "".join(t.chars for t in toks)
            width = nat + cs * (nchar - 1) / MM
            lines.append(
                Line(
                    fi,
                    fr.x + off,
                    y + 0.88 * s,
                    "body",
                    bi,
                    ti,
                    e,
                    runs_of(toks, fonts),
                    cs,
                    txt,
                    width,
                    size=st.size,
                )
            )
            y += pitch
            first = False
            ti = e
            if last:
                bi += 1
                ti = 0
        if bi >= len(blocks):
            break
    return lines, (bi, ti)


def balance(
    blocks: list[Block], st: Style, frames_for, lo: float, hi: float, bi: int = 0, ti: int = 0
) -> float:
    """Smallest common bottom (mm) in [lo, hi] at which all the blocks fit."""

    def fits(b: float) -> bool:
        return flow(blocks, frames_for(b), st, bi, ti)[1][0] >= len(blocks)

    assert fits(hi), f"text does not fit at bottom {hi}"
    while hi - lo > 0.05:
        mid = (lo + hi) / 2
        if fits(mid):
            hi = mid
        else:
            lo = mid
    return hi + 0.02


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    toks = tokenize(text, "r" * len(text), {"r": font}, size)
    out, k = [], 0
    while k < len(toks):
        e = fit(toks, k, width)
        out.append("".join(t.chars for t in toks[k:e]))
        k = e
    return out


def date_str(y: int, m: int, d: int) -> str:
    import datetime

    wd = "一二三四五六日"[datetime.date(y, m, d).weekday()]
    return f"{y}年{m}月{d}日 星期{wd}"


# ----------------------------------------------------------------------------- the page


@dataclass
class Part:
    """An article as printed on one page (gold)."""

    art: dict
    title: str
    subtitle: str | None = None
    subtitle_position: str | None = None
    byline: str | None = None
    headings: list[str] = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    ranges: list[tuple[int, int, int]] = field(default_factory=list)  # (pid, start, end)


class Page:
    def __init__(self, name: str, w: float, h: float):
        self.name, self.w, self.h = name, w, h
        self.dir = HERE / name
        self.dir.mkdir(exist_ok=True)
        self.c = canvas.Canvas(str(self.dir / "page.pdf"), pagesize=(w * MM, h * MM), invariant=1)
        self.c.setTitle(f"pages5 {name}")
        self.c.setAuthor("pages5 typesetter")
        self.c.setCreator("make_pages5.py (reportlab)")
        self.drawn: list[tuple[str, str]] = []
        self.furn: list[tuple[int, int, str]] = []
        self.parts: list[Part] = []
        self.frame_tag = 0
        self.lines: list[tuple[str, Line]] = []
        self.layout: dict = {}

    def Y(self, y: float) -> float:
        return (self.h - y) * MM

    def record(self, s: str, owner: str) -> None:
        self.drawn.append((s, owner))
        if owner == "F":
            self.furn.append((self.frame_tag, len(self.furn), s))

    # ---------------------------------------------------------------- primitives
    def put(
        self,
        x: float,
        y: float,
        s: str,
        font: str,
        size: float,
        owner: str = "F",
        align: str = "left",
        cs: float = 0.0,
        color=black,
        render: int = 0,
    ) -> float:
        """One string as its own text object; y is the baseline (mm from the top)."""
        check_glyphs(s, font)
        w = sw(s, font, size, cs)
        if align == "center":
            x -= w / 2
        elif align == "right":
            x -= w
        c = self.c
        c.saveState()
        if render:
            c.setLineWidth(size * 0.035)
            c.setStrokeColor(color)
        t = c.beginText(x * MM, self.Y(y))
        t.setFont(font, size)
        if cs:
            t.setCharSpace(cs)
        if render:
            t.setTextRenderMode(render)
        t.setFillColor(color)
        t.textOut(s)
        c.drawText(t)
        c.restoreState()
        self.record(s, owner)
        return w

    def hline(self, x0: float, x1: float, y: float, width: float = 0.5, color=black) -> None:
        self.c.saveState()
        self.c.setLineWidth(width)
        self.c.setStrokeColor(color)
        self.c.line(x0 * MM, self.Y(y), x1 * MM, self.Y(y))
        self.c.restoreState()

    def vline(self, x: float, y0: float, y1: float, width: float = 0.5, color=black) -> None:
        self.c.saveState()
        self.c.setLineWidth(width)
        self.c.setStrokeColor(color)
        self.c.line(x * MM, self.Y(y0), x * MM, self.Y(y1))
        self.c.restoreState()

    def box(
        self, x: float, y: float, w: float, h: float, stroke=black, fill=None, width: float = 0.5
    ) -> None:
        c = self.c
        c.saveState()
        c.setLineWidth(width)
        if stroke is not None:
            c.setStrokeColor(stroke)
        if fill is not None:
            c.setFillColor(fill)
        c.rect(
            x * MM,
            self.Y(y + h),
            w * MM,
            h * MM,
            stroke=int(stroke is not None),
            fill=int(fill is not None),
        )
        c.restoreState()

    def draw_lines(self, lines: list[Line], owner: str, st: Style) -> None:
        """One text object for the lines of one frame (boxes of headings drawn first)."""
        if not lines:
            return
        c = self.c
        for ln in lines:
            if ln.box:
                bx, by, bw, bh = ln.box
                if st.head_kind == "inverse":
                    self.box(bx, by, bw, bh, stroke=None, fill=DARK)
                else:
                    self.box(bx, by, bw, bh, stroke=black, width=0.6)
        c.saveState()
        c.setLineWidth(st.head_size * 0.035)
        c.setStrokeColor(black)
        t = c.beginText(lines[0].x * MM, self.Y(lines[0].base))
        cur_cs, cur_render, cur_color = None, 0, black
        for ln in lines:
            t.setTextOrigin(ln.x * MM, self.Y(ln.base))
            if ln.cs != cur_cs:
                t.setCharSpace(round(ln.cs, 4))
                cur_cs = ln.cs
            if ln.render != cur_render:
                t.setTextRenderMode(ln.render)
                cur_render = ln.render
            if ln.color is not cur_color:
                t.setFillColor(ln.color)
                cur_color = ln.color
            size = st.head_size if ln.kind == "head" else st.size
            for text, font in ln.runs:
                check_glyphs(text, font)
                t.setFont(font, size)
                t.textOut(text)
            self.record(ln.text, owner)
            self.lines.append((owner, ln))
        c.drawText(t)
        c.restoreState()

    def draw_flow(self, lines: list[Line], owner: str, st: Style, frames: list[int]) -> None:
        for fi in frames:
            self.draw_lines([ln for ln in lines if ln.frame == fi], owner, st)

    # ---------------------------------------------------------------- boxes
    def picture(self, x: float, y: float, w: float, h: float, seed: int) -> None:
        """A deterministic vector 'photograph'."""
        rng = random.Random(seed)
        c = self.c
        c.saveState()
        p = c.beginPath()
        p.rect(x * MM, self.Y(y + h), w * MM, h * MM)
        c.clipPath(p, stroke=0, fill=0)
        bands = 14
        r0, g0, b0 = rng.uniform(0.55, 0.75), rng.uniform(0.6, 0.8), rng.uniform(0.75, 0.9)
        for i in range(bands):
            f = i / bands
            c.setFillColor(Color(r0 - 0.25 * f, g0 - 0.2 * f, b0 - 0.35 * f))
            c.rect(
                x * MM,
                self.Y(y + (i + 1) * h / bands),
                w * MM,
                h / bands * MM + 1,
                stroke=0,
                fill=1,
            )
        for _ in range(rng.randint(7, 12)):
            bw = rng.uniform(0.06, 0.2) * w
            bh = rng.uniform(0.25, 0.7) * h
            bx = x + rng.uniform(-0.05, 0.95) * w
            gshade = rng.uniform(0.2, 0.55)
            c.setFillColor(Color(gshade, gshade * 0.95, gshade * 0.9))
            c.rect(bx * MM, self.Y(y + h), bw * MM, bh * MM, stroke=0, fill=1)
        for _ in range(rng.randint(3, 6)):
            cx, cy = x + rng.uniform(0, w), y + rng.uniform(0.5, 1.0) * h
            rr = rng.uniform(0.05, 0.14) * h
            c.setFillColor(Color(0.85, 0.8, 0.65))
            c.circle(cx * MM, self.Y(cy), rr * MM, stroke=0, fill=1)
        c.restoreState()
        self.box(x, y, w, h, stroke=black, width=0.4)

    def photo(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        ph: dict,
        owner: str,
        size: float = 7.5,
        font: str = MH,
        credit_own_line: bool = False,
    ) -> tuple[float, str]:
        """Picture with its caption and credit below; returns the bottom and the gold caption."""
        self.picture(x, y, w, h, ph["seed"])
        cap, credit = ph["caption"], ph["credit"]
        lines = wrap(cap, font, size, w)
        s = size / MM
        base = y + h + 1.2 + 0.9 * s
        for i, ln in enumerate(lines):
            self.put(x, base + i * s * 1.45, ln, font, size, owner)
        last = base + (len(lines) - 1) * s * 1.45
        if credit_own_line or sw(lines[-1], font, size) + 4 + sw(credit, font, size) > w:
            last += s * 1.45
        self.put(x + w, last, credit, font, size, owner, align="right", color=GREY)
        return last + 0.35 * s, f"{cap} {credit}"

    def table(
        self,
        x: float,
        y: float,
        w: float,
        title: str,
        head: list[str],
        rows: list[list[str]],
        fracs: list[float],
        size: float = 7.0,
        row_h: float = 5.2,
    ) -> float:
        """A data table (furniture); returns its bottom."""
        self.put(x, y + 4, title, ZH, 9.5, "F")
        y += 6
        self.hline(x, x + w, y, 1.2)
        xs = [x]
        for f in fracs:
            xs.append(xs[-1] + f * w)
        for r, row in enumerate([head, *rows]):
            base = y + row_h * (r + 0.5) + size / MM * 0.35
            font = ZH if r == 0 else MH
            for k, cell in enumerate(row):
                if k == 0:
                    self.put(xs[k] + 0.8, base, cell, font, size)
                else:
                    self.put(xs[k + 1] - 0.8, base, cell, font, size, align="right")
            if r == 0:
                self.hline(x, x + w, y + row_h, 0.5)
            elif r < len(rows):
                self.hline(x, x + w, y + row_h * (r + 1), 0.2, GREY)
        y += row_h * (len(rows) + 1)
        self.hline(x, x + w, y, 1.2)
        assert y <= self.h - 14, "table runs into the footer"
        return y

    def ad(
        self, x: float, y: float, w: float, h: float, items: list[tuple], fill=None, stroke=black
    ) -> None:
        """An advertisement (furniture): items are (text, font, size, align, dy, colour)."""
        self.box(x, y, w, h, stroke=stroke, fill=fill, width=0.8)
        cy = y
        for text, font, size, align, dy, color in items:
            cy += dy
            if align == "center":
                self.put(x + w / 2, cy, text, font, size, align="center", color=color)
            elif align == "right":
                self.put(x + w - 3, cy, text, font, size, align="right", color=color)
            else:
                self.put(x + 3, cy, text, font, size, color=color)
        assert cy < y + h - 1, "ad text overflows its box"

    def chart(self, x: float, y: float, w: float, h: float, ch: dict, owner: str) -> list[str]:
        """A boxed bar or line chart; title and source belong to the article, the rest is
        furniture. Returns the gold captions."""
        self.box(x, y, w, h, stroke=black, fill=Color(0.97, 0.96, 0.93), width=0.6)
        self.put(x + 2.5, y + 6, ch["title"], ZH, 9, owner)
        self.put(x + w - 2.5, y + 11, ch["unit"], MH, 6.5, "F", align="right")
        ticks = ch["ticks"]
        left, right, top, bottom = x + 12, x + w - 4, y + 15, y + h - 12
        t0, t1 = ticks[0], ticks[-1]

        def yy(v: float) -> float:
            return bottom - (v - t0) / (t1 - t0) * (bottom - top)

        def fmt(v: float) -> str:
            return f"{v:g}" if ch["kind"] == "bar" else f"{v:.1f}"

        for t in ticks:
            self.hline(left, right, yy(t), 0.2 if t != t0 else 0.6, GREY if t != t0 else black)
            self.put(left - 1.5, yy(t) + 1, fmt(t), MH, 6.5, "F", align="right")
        n = len(ch["cats"])
        slot = (right - left) / n
        pts = []
        for i, (cat, v) in enumerate(zip(ch["cats"], ch["values"], strict=True)):
            cx = left + slot * (i + 0.5)
            if ch["kind"] == "bar":
                bw = slot * 0.55
                self.box(cx - bw / 2, yy(v), bw, bottom - yy(v), stroke=None, fill=BLUE)
            pts.append((cx, yy(v)))
            self.put(
                cx,
                yy(v) - 1.6,
                f"{v:g}" if ch["kind"] == "bar" else f"{v:.2f}",
                MH,
                6.5,
                "F",
                align="center",
            )
            self.put(cx, bottom + 4, cat, MH, 7, "F", align="center")
        if ch["kind"] == "line":
            c = self.c
            c.saveState()
            c.setStrokeColor(RED)
            c.setLineWidth(1.2)
            p = c.beginPath()
            p.moveTo(pts[0][0] * MM, self.Y(pts[0][1]))
            for px, py in pts[1:]:
                p.lineTo(px * MM, self.Y(py))
            c.drawPath(p, stroke=1, fill=0)
            c.setFillColor(RED)
            for px, py in pts:
                c.circle(px * MM, self.Y(py), 0.7 * MM, stroke=0, fill=1)
            c.restoreState()
        self.put(x + 2.5, y + h - 2.5, ch["source"], MH, 6.5, owner, color=GREY)
        return [ch["title"], ch["source"]]

    # ---------------------------------------------------------------- gold
    def part(
        self,
        art: dict,
        blocks: list[Block],
        lines: list[Line],
        title: list[str] | str,
        subtitle: str | None = None,
        sub_pos: str | None = None,
        byline: str | None = None,
        captions: list[str] | None = None,
    ) -> Part:
        """The gold of one article part, from the article data and the lines set here."""
        raw_title = "".join(title) if isinstance(title, list) else title
        p = Part(art, plain(raw_title), plain(subtitle), sub_pos if subtitle else None, byline)
        p.figures += [f for _s, _e, f in parse_figs(raw_title)[1]]
        if subtitle:
            p.figures += [f for _s, _e, f in parse_figs(subtitle)[1]]
        heading = None
        seen = set()
        for ln in lines:
            b = blocks[ln.bi]
            if ln.bi in seen:
                continue
            if ln.kind == "head":
                seen.add(ln.bi)
                heading = b.text
                p.headings.append(b.text)
            elif ln.kind == "end":
                seen.add(ln.bi)
                assert p.byline is None
                p.byline = b.text
            else:
                seen.add(ln.bi)
                t0 = min(x.t0 for x in lines if x.bi == ln.bi and x.kind == "body")
                t1 = max(x.t1 for x in lines if x.bi == ln.bi and x.kind == "body")
                a = max(sum(len(t.chars) for t in b.toks[:t0]) - b.lead, 0)
                e = sum(len(t.chars) for t in b.toks[:t1]) - b.lead
                p.paragraphs.append({"section_heading": heading, "text": b.text[a:e]})
                p.ranges.append((b.pid, a, e))
                for fs, fe, f in b.figs:
                    assert fe <= a or fs >= e or (fs >= a and fe <= e), f"figure cut: {f}"
                    if fs >= a and fe <= e:
                        p.figures.append(f)
        p.captions = list(captions or [])
        self.parts.append(p)
        return p

    def printed(self, p: Part) -> str:
        bits = [p.title, p.subtitle or "", p.byline or "", *p.headings, *p.captions]
        bits += [x["text"] for x in p.paragraphs]
        return "\n".join(bits)

    def entities(self, p: Part) -> tuple[dict, dict]:
        art = p.art
        text = self.printed(p)
        names = [
            n for d in (art["entities"], art.get("optional", {})) for v in d.values() for n in v
        ]

        def shows(e: str) -> bool:
            masked = text
            for n in sorted(set(names), key=len, reverse=True):
                if len(n) > len(e) and e in n:
                    masked = masked.replace(n, "□")
            return e in masked

        gold = {
            t: [e for e in art["entities"].get(t, []) if shows(e)]
            for t in ("PERSON", "ORG", "PLACE", "TICKER")
        }
        # optional names are listed wherever they are printed, inside a longer name too
        opt = {t: [e for e in v if e in text] for t, v in art.get("optional", {}).items()}
        return gold, {t: v for t, v in opt.items() if v}

    def gold_part(self, p: Part) -> dict:
        ents, opt = self.entities(p)
        return {
            "id": p.art["id"],
            "title": p.title,
            "subtitle": p.subtitle,
            "subtitle_position": p.subtitle_position,
            "byline": p.byline,
            "headings": p.headings,
            "paragraphs": p.paragraphs,
            "captions": p.captions,
            "entities": ents,
            "optional_entities": opt,
            "figures": [{"surface": f} for f in p.figures],
        }

    def gold(self) -> dict:
        arts = [self.gold_part(p) for p in self.parts]
        top = {k: v for k, v in arts[0].items() if k not in ("id", "subtitle_position")}
        top["articles"] = arts
        top["furniture"] = [s for _f, _n, s in sorted(self.furn)]
        top["layout"] = self.layout
        return top


# ----------------------------------------------------------------------------- output, checks

EXTRACTORS = ["pdftotext", "pdftotext_raw", "pdfminer", "pypdf", "pypdfium2"]


def extract(pdf: Path) -> dict[str, str]:
    import pypdfium2
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    out = {}
    for name, extra in (("pdftotext", []), ("pdftotext_raw", ["-raw"])):
        dest = pdf.parent / f"{name}.txt"
        subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(pdf), str(dest)], check=True)
        out[name] = dest.read_text(encoding="utf-8")
    texts = {
        "pdfminer": extract_text(str(pdf)),
        "pypdf": PdfReader(str(pdf)).pages[0].extract_text(),
    }
    doc = pypdfium2.PdfDocument(str(pdf))
    page = doc[0]
    tp = page.get_textpage()
    texts["pypdfium2"] = tp.get_text_range()
    tp.close()
    page.close()
    doc.close()
    for name, text in texts.items():
        with open(pdf.parent / f"{name}.txt", "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        out[name] = text
    return out


def gold_strings(g: dict) -> list[str]:
    out = []
    for a in g["articles"]:
        out += [a["title"], a["subtitle"] or "", a["byline"] or "", *a["headings"], *a["captions"]]
        out += [p["text"] for p in a["paragraphs"]]
    return out + g["furniture"]


def check_page(pg: Page, g: dict, texts: dict[str, str]) -> list[str]:
    """Returns the failed checks of one page (empty: all pass)."""
    fails = []
    drawn = Counter(nows("".join(s for s, _o in pg.drawn)))
    gold = Counter(nows("".join(gold_strings(g))))
    ptt = Counter(nows(texts["pdftotext"]))
    if drawn != gold:
        fails.append(f"drawn != gold: {(drawn - gold) + (gold - drawn)}")
    if drawn != ptt:
        fails.append(f"drawn != pdftotext: +{ptt - drawn} -{drawn - ptt}")
    for name in EXTRACTORS[1:]:
        if Counter(nows(texts[name])) != ptt:
            fails.append(f"{name} has other characters than pdftotext")
    for p, a in zip(pg.parts, g["articles"], strict=True):
        text = pg.printed(p)
        for f, n in Counter(x["surface"] for x in a["figures"]).items():
            if text.count(f) < n:
                fails.append(f"{a['id']}: figure {f} printed {text.count(f)} < {n}")
        for kind in ("entities", "optional_entities"):
            for t, v in a[kind].items():
                fails += [f"{a['id']}: {t} {e} not printed" for e in v if e not in text]
        heads = set(a["headings"])
        for para in a["paragraphs"]:
            if para["section_heading"] is not None and para["section_heading"] not in heads:
                fails.append(f"{a['id']}: section heading not printed")
    for owner, ln in pg.lines:
        if ln.kind != "body":
            continue
        t = ln.text.lstrip("\u3000")
        if t and (t[0] in NO_START or t[-1] in NO_END):
            fails.append(f"{owner}: kinsoku broken in a line")
    return fails


def contiguity(g: dict, pdfium: str) -> list[str]:
    flat = nows(pdfium)
    return [
        p["text"] for a in g["articles"] for p in a["paragraphs"] if nows(p["text"]) not in flat
    ]


def finish(pg: Page) -> tuple[dict, dict[str, str], list[str], list[str]]:
    pg.c.showPage()
    pg.c.save()
    g = pg.gold()
    with open(pg.dir / "clean.json", "w", encoding="utf-8", newline="\n") as fh:
        json.dump(g, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    texts = extract(pg.dir / "page.pdf")
    return g, texts, check_page(pg, g, texts), contiguity(g, texts["pypdfium2"])


# ----------------------------------------------------------------------------- running heads


def head_dongling(
    pg: Page, code: str, section: str, date: tuple[int, int, int], issue: str, margin: float
) -> None:
    r = pg.w - margin
    pg.put(margin, 15, "东陵金融报", ZH, 22, color=RED)
    pg.put(margin, 20.5, "DONGLING FINANCIAL NEWS", LB, 6.8, color=RED)
    pg.box(r - 15, 7, 15, 13, stroke=None, fill=RED)
    pg.put(r - 7.5, 16.5, code, LB, 17, align="center", color=white)
    pg.put(r - 19, 13.5, section, ZH, 13, align="right")
    pg.put(r - 19, 19.5, f"{date_str(*date)}　{issue}", MH, 7.5, align="right")
    pg.hline(margin, r, 23, 1.6, RED)
    pg.hline(margin, r, 24.1, 0.4, RED)


def foot_dongling(pg: Page, editors: str, hotline: str, margin: float) -> None:
    y = pg.h - 12
    pg.hline(margin, pg.w - margin, y, 0.5)
    pg.put(margin, y + 4.5, editors, MH, 7.5)
    pg.put(pg.w - margin, y + 4.5, hotline, MH, 7.5, align="right")


def head_qinlan(
    pg: Page, code: str, section: str, date: tuple[int, int, int], issue: str, margin: float
) -> None:
    r = pg.w - margin
    pg.put(margin, 17, code, LB, 22)
    pg.put(margin + 15, 16.5, section, ZH, 12)
    pg.put(pg.w / 2, 14, "沁澜商报", ZH, 17, align="center")
    pg.put(pg.w / 2, 19.5, "QINLAN BUSINESS HERALD", LR, 6.5, align="center", cs=1.2)
    pg.put(r, 13.5, date_str(*date), MH, 8, align="right")
    pg.put(r, 19, issue, MH, 7, align="right")
    pg.hline(margin, r, 22.5, 2.0)


def foot_qinlan(pg: Page, editors: str, margin: float) -> None:
    y = pg.h - 11
    pg.hline(margin, pg.w - margin, y, 0.4)
    pg.put(pg.w / 2, y + 4.5, editors, MH, 7.5, align="center")


def head_xiling(pg: Page, code: str, section: str, margin: float) -> None:
    r = pg.w - margin
    pg.put(margin, 14.5, "西岭证券报", ZH, 18, color=BLUE)
    pg.put(margin, 19.5, "XILING SECURITIES DAILY", LB, 6.5, color=BLUE, cs=0.6)
    pg.put(pg.w / 2, 16.5, section, ZH, 14, align="center")
    pg.put(r, 18, code, LB, 22, align="right", color=BLUE)
    pg.hline(margin, r, 22.5, 1.0, BLUE)


def foot_xiling(pg: Page, date: tuple[int, int, int], editors: str, margin: float) -> None:
    y = pg.h - 11
    pg.hline(margin, pg.w - margin, y, 0.8, BLUE)
    pg.put(margin, y + 4.5, date_str(*date), MH, 7.5)
    pg.put(pg.w - margin, y + 4.5, editors, MH, 7.5, align="right")


# ----------------------------------------------------------------------------- the pages


def cols_x(x0: float, widths: list[float], gutter: float) -> list[float]:
    xs = [x0]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gutter)
    return xs


def page01() -> Page:
    """A3: one article over three equal columns, chart under columns 2-3, table under col 1."""
    pg = Page("p01", 210, 262)
    m = 14
    head_dongling(pg, "A3", "宏观·货币", (2027, 3, 15), "第4127期", m)
    a = ARTICLES["a01"]
    st = Style(UM, 10, 1.5, "printed", True, head_font=ZH, head_size=11, head_kind="bold")
    pg.put(pg.w / 2, 39, plain(a["title"][0]), ZH, 24, "a01", align="center")
    pg.put(pg.w / 2, 48.5, plain(a["deck"]), MH, 11.5, "a01", align="center", color=GREY)
    pg.put(pg.w / 2, 56, a["byline"], MH, 9, "a01", align="center")
    pg.hline(m, pg.w - m, 59.5, 0.4)
    w = (pg.w - 2 * m - 10) / 3
    xs = cols_x(m, [w] * 3, 5)
    blocks = make_blocks(a, st)

    def frames(b: float) -> list[Frame]:
        return [Frame(x, 64, w, b) for x in xs]

    bottom = balance(blocks, st, frames, 80, 240)
    lines, _ = flow(blocks, frames(bottom), st)
    pg.draw_flow(lines, "a01", st, [0, 1, 2])
    for x in xs[1:]:
        pg.vline(x - 2.5, 64, bottom, 0.3, GREY)
    yb = bottom + 5
    caps = pg.chart(xs[1], yb, 2 * w + 5, pg.h - 16 - yb, a["chart"], "a01")
    ty = pg.table(
        m,
        yb,
        w,
        "本周公开市场操作",
        ["日期", "品种", "金额(亿元)", "利率"],
        [
            ["3月9日", "7天逆回购", "1260", "1.35%"],
            ["3月10日", "7天逆回购", "980", "1.35%"],
            ["3月11日", "14天逆回购", "500", "1.50%"],
            ["3月12日", "7天逆回购", "1540", "1.35%"],
            ["3月13日", "国库现金定存", "600", "1.92%"],
        ],
        [0.26, 0.34, 0.22, 0.18],
        size=6.8,
    )
    pg.ad(
        m,
        ty + 4,
        w,
        pg.h - 16 - ty - 4,
        [
            ("赣鄱农商银行", ZH, 12, "center", 7.5, RED),
            ("“春耕贷”单户最高300万元", ZH, 9, "center", 7, black),
            ("服务热线 4006-000-186", MH, 7.5, "center", 6, GREY),
        ],
        fill=Color(0.99, 0.94, 0.86),
        stroke=RED,
    )
    foot_dongling(pg, "编辑 邝雨桐　美编 吕见山　校对 程雪扬", "本版热线：0791-8612 3400", m)
    pg.part(a, blocks, lines, a["title"], a["deck"], "below", a["byline"], caps)
    pg.layout = {
        "page_mm": [pg.w, pg.h],
        "cols": [3],
        "col_widths_mm": [[round(w, 1)] * 3],
        "order": "reading",
        "body": {"a01": st.describe()},
        "notes": "One article over three equal columns balanced by bisection. One-line centred "
        "title, grey deck below, byline centred under the deck. Headings bold by stroke "
        "(render mode 2). Under the columns: a boxed bar chart across columns 2-3 (图表 title, "
        "unit, axis numbers, bar values, category labels, 资料来源 line) and a table plus an ad "
        "under column 1. Stream: header, title block, columns 1-3 (one text object each), "
        "chart, table, ad, footer.",
    }
    return pg


def page02() -> Page:
    """B5: two articles side by side behind a vertical rule."""
    pg = Page("p02", 250, 300)
    m = 12
    head_qinlan(pg, "B5", "银行·理财", (2027, 3, 23), "总第5281期", m)
    # a02: left, two equal columns, kicker above a two-line title, byline below
    a = ARTICLES["a02"]
    st = Style(
        UM, 11, 1.35, "none", False, gap=0.5, head_font=ZH, head_size=10.5, head_kind="boxed"
    )
    lx, lw = m, 120
    cx = lx + lw / 2
    pg.put(cx, 32, plain(a["kicker"]), MH, 10, "a02", align="center", color=RED)
    pg.put(cx, 42, plain(a["title"][0]), ZH, 20, "a02", align="center")
    pg.put(cx, 51, plain(a["title"][1]), ZH, 20, "a02", align="center")
    pg.put(lx + lw, 58.5, a["byline"], MH, 9, "a02", align="right", color=GREY)
    pg.hline(lx, lx + lw, 61.5, 0.4)
    w = (lw - 5) / 2
    xs = cols_x(lx, [w, w], 5)
    blocks = make_blocks(a, st)

    def frames(b: float) -> list[Frame]:
        return [Frame(x, 65.5, w, b) for x in xs]

    b1 = balance(blocks, st, frames, 90, 300)
    lines, _ = flow(blocks, frames(b1), st)
    pg.draw_flow(lines, "a02", st, [0, 1])
    pg.part(a, blocks, lines, a["title"], a["kicker"], "above", a["byline"])
    ay = b1 + 5
    pg.ad(
        lx,
        ay,
        lw,
        pg.h - 15 - ay,
        [
            ("澜汀银行　个人养老金账户", ZH, 15, "center", 12, white),
            ("开户即享缴存礼　税优政策早知道", MH, 10, "center", 9, white),
            ("年度缴存上限12000元", MH, 9, "center", 7.5, white),
            ("手机银行搜索“养老金”一键开户", MH, 9, "center", 7, white),
            ("客服电话 400-660-2855", MH, 8, "center", 7, white),
        ],
        fill=BLUE,
        stroke=None,
    )
    pg.vline(lx + lw + 4, 26, pg.h - 14, 0.6)
    # a03: right, three narrow columns, byline above a one-line title, photo on top
    b = ARTICLES["a03"]
    st3 = Style(MH, 8.5, 1.7, "offset", True, head_font=ZH, head_size=9.5, head_kind="plain")
    rx = lx + lw + 8
    rw = pg.w - m - rx
    pg.put(rx, 31, b["byline"], MH, 8.5, "a03")
    pg.put(rx, 40.5, plain(b["title"][0]), ZH, 15.5, "a03")
    pg.hline(rx, rx + rw, 44, 1.0)
    ph_bottom, cap = pg.photo(rx, 47, rw, 50, b["photo"], "a03")
    w3 = (rw - 8) / 3
    xs3 = cols_x(rx, [w3] * 3, 4)
    top3 = ph_bottom + 4
    blocks3 = make_blocks(b, st3)

    def frames3(bb: float) -> list[Frame]:
        return [Frame(x, top3, w3, bb) for x in xs3]

    b3 = balance(blocks3, st3, frames3, top3 + 30, 300)
    lines3, _ = flow(blocks3, frames3(b3), st3)
    pg.draw_flow(lines3, "a03", st3, [0, 1, 2])
    pg.part(b, blocks3, lines3, b["title"], None, None, b["byline"], [cap])
    ty = b3 + 6
    pg.table(
        rx,
        ty,
        rw,
        "部分银行三年期大额存单利率",
        ["银行", "起存金额", "年利率"],
        [
            ["澜汀银行", "20万元", "1.95%"],
            ["沐溪农商银行", "20万元", "2.05%"],
            ["青屿银行", "30万元", "2.00%"],
            ["雁城银行", "20万元", "1.90%"],
        ],
        [0.44, 0.3, 0.26],
        size=7.2,
    )
    foot_qinlan(pg, "编辑：宁可儿　美编：邓澄　校对：谷一帆", m)
    pg.layout = {
        "page_mm": [pg.w, pg.h],
        "cols": [2, 3],
        "col_widths_mm": [[round(w, 1)] * 2, [round(w3, 1)] * 3],
        "order": "reading",
        "body": {"a02": st.describe(), "a03": st3.describe()},
        "notes": "Two articles side by side behind a vertical rule. a02 (left, 2 equal columns): "
        "red kicker above a centred two-line title, byline right-aligned below it, headings in "
        "a drawn frame, ragged right with paragraph gaps; a bank ad under it. a03 (right, 3 "
        "narrow columns): byline above a one-line title, photo across its columns with a "
        "图为 caption and the credit right-aligned after it, headings 【】, justified with a "
        "2-em offset indent; a deposit-rate table under it. Stream: header, a02 title block, "
        "a02 columns, ad, rule, a03 byline and title, photo and caption, a03 columns, table, "
        "footer.",
    }
    return pg


CONT: dict[str, tuple[int, int]] = {}
A04_STYLE = Style(MH, 9.5, 1.6, "printed", False, head_font=MH, head_size=10.5, head_kind="bold")


def page03() -> Page:
    """B2: the first part of a04 over three unequal columns, jumping to B3; a sidebar."""
    pg = Page("p03", 236, 232)
    m = 10
    head_xiling(pg, "B2", "公司·深度", m)
    a = ARTICLES["a04"]
    st = A04_STYLE
    pg.put(m, 37, plain(a["title"][0]), ZH, 26, "a04")
    pg.put(m, 46.5, plain(a["deck"]), MH, 12, "a04", color=GREY)
    pg.hline(m, pg.w - m, 50, 0.5)
    ws = [60, 46, 46]
    xs = cols_x(m, ws, 4)
    ph_bottom, cap = pg.photo(xs[1], 54, ws[1] + ws[2] + 4, 44, a["photo"], "a04")
    blocks = make_blocks(a, st)
    total = sum(len(b.text) for b in blocks if b.kind == "p")

    def frames(b: float) -> list[Frame]:
        return [
            Frame(xs[0], 54, ws[0], b),
            Frame(xs[1], ph_bottom + 4, ws[1], b),
            Frame(xs[2], ph_bottom + 4, ws[2], b),
        ]

    # the first bottom (in 0.5 mm steps) that sets 55% of the body and cuts a paragraph
    b = 110.0
    while True:
        lines, state = flow(blocks, frames(b), st)
        done = sum(len(x.text) for x in blocks[: state[0]] if x.kind == "p")
        if done / total >= 0.55 and state[1] > 0:
            break
        b += 0.5
    CONT["a04"] = state
    pg.draw_flow(lines, "a04", st, [0, 1, 2])
    last = max(ln.base for ln in lines if ln.frame == 2)
    pg.put(xs[2] + ws[2], last + 5.5, "（下转B3版）", MH, 8.5, align="right")
    pg.part(a, blocks, lines, a["title"], a["deck"], "below", None, [cap])
    pg.vline(xs[1] - 2, 54, b, 0.3, GREY)
    pg.vline(xs[2] - 2, ph_bottom + 4, b, 0.3, GREY)
    sx = xs[2] + ws[2] + 4
    sw_ = pg.w - m - sx
    pg.vline(sx - 2, 54, pg.h - 14, 0.6, BLUE)
    ty = pg.table(
        sx,
        52,
        sw_,
        "锂电池板块个股表现",
        ["简称", "收盘(元)", "涨跌幅"],
        [
            ["岷岳新能", "27.65", "+2.14%"],
            ["锦屏材料", "13.08", "-0.46%"],
            ["巴渝电芯", "56.30", "+3.71%"],
            ["嘉陵锂业", "18.92", "-1.25%"],
            ["峨眉储能", "33.47", "+0.88%"],
            ["青衣科技", "9.61", "+1.05%"],
            ["沱江电池", "21.30", "-2.37%"],
            ["邛崃材料", "7.84", "+0.51%"],
        ],
        [0.4, 0.3, 0.3],
        size=7.2,
    )
    pg.put(sx, ty + 4, "注：3月18日收盘数据", MH, 6.5, color=GREY)
    pg.ad(
        sx,
        ty + 9,
        sw_,
        pg.h - 16 - ty - 9,
        [
            ("蜀汇基金", ZH, 15, "center", 14, BLUE),
            ("新能源产业精选", ZH, 10, "center", 11, black),
            ("混合型证券投资基金", ZH, 10, "center", 6.5, black),
            ("3月25日起发售", MH, 9, "center", 10, black),
            ("基金有风险", MH, 7.5, "center", 12, GREY),
            ("投资需谨慎", MH, 7.5, "center", 4.5, GREY),
            ("客服热线", MH, 7.5, "center", 8, GREY),
            ("400-828-0609", MH, 7.5, "center", 4.5, GREY),
        ],
        fill=Color(0.9, 0.94, 0.99),
        stroke=BLUE,
    )
    ay = b + 11
    pg.ad(
        m,
        ay,
        sx - 4 - m,
        pg.h - 16 - ay,
        [
            ("2027西部新能源产业投资峰会", ZH, 14, "center", 11, white),
            ("4月8日-9日　成都·天府国际会议中心", MH, 9, "center", 8.5, white),
            ("报名热线 028-8530 7712", MH, 8, "center", 7, white),
        ],
        fill=BLUE,
        stroke=None,
    )
    foot_xiling(pg, (2027, 3, 19), "编辑 祁望舒　美编 严可　校对 甘露", m)
    nchars = sum(e - s for _p, s, e in pg.parts[0].ranges)
    pg.layout = {
        "page_mm": [pg.w, pg.h],
        "cols": [3],
        "col_widths_mm": [ws],
        "order": "reading",
        "body": {"a04": st.describe()},
        "notes": f"The first part of a04 ({nchars} of {total} characters of body) over three "
        "unequal columns; one-line title and grey deck, no byline on this page (it is printed at "
        "the article's end on B3); photo over columns 2-3 with a ▲ caption and the credit after "
        "it; headings numbered 1. bold by stroke. The text jumps mid-paragraph at the foot of "
        "column 3 with （下转B3版） under it. A sidebar on the right with a stock table, "
        "a note and a fund ad; a conference ad under the columns. Date in the footer. Stream: "
        "header, title, deck, photo, columns 1-3, jump marker, rules, table, ads, footer.",
    }
    return pg


def page04() -> Page:
    """B3: the rest of a04 over five equal columns, then a Q&A interview stacked below."""
    pg = Page("p04", 236, 232)
    m = 10
    head_xiling(pg, "B3", "公司·深度", m)
    a = ARTICLES["a04"]
    st = A04_STYLE
    w0 = pg.put(m, 32, a["jump_title"], ZH, 15, "a04")
    pg.put(m + w0 + 3, 32, "（上接B2版）", MH, 8.5)
    pg.hline(m, pg.w - m, 35, 0.5)
    blocks = make_blocks(a, st)
    bi, ti = CONT["a04"]
    w = (pg.w - 2 * m - 16) / 5
    xs = cols_x(m, [w] * 5, 4)

    def frames(b: float) -> list[Frame]:
        return [Frame(x, 39, w, b) for x in xs]

    b1 = balance(blocks, st, frames, 45, 200, bi, ti)
    lines, _ = flow(blocks, frames(b1), st, bi, ti)
    pg.draw_flow(lines, "a04", st, [0, 1, 2, 3, 4])
    pg.part(a, blocks, lines, a["jump_title"])
    pg.hline(m, pg.w - m, b1 + 3, 1.8)
    # a05: the interview, three unequal columns and an ad beside them
    q = ARTICLES["a05"]
    st5 = Style(UM, 9, 1.45, "offset", True, bold=ZH, head_font=ZH, head_size=10, head_kind="plain")
    y0 = b1 + 3
    pg.put(m, y0 + 12, q["title"][0], ZH, 19, "a05")
    pg.put(m + 12, y0 + 21.5, q["title"][1], ZH, 19, "a05")
    pg.put(m + 12, y0 + 29.5, q["deck"], MH, 11, "a05", color=GREY)
    ws5 = [62, 50, 50]
    xs5 = cols_x(m, ws5, 4)
    right5 = xs5[2] + ws5[2]
    pg.put(right5, y0 + 29.5, q["byline"], MH, 9, "a05", align="right")
    pg.hline(m, right5, y0 + 33, 0.4)
    top5 = y0 + 37
    blocks5 = make_blocks(q, st5)

    def frames5(b: float) -> list[Frame]:
        return [Frame(x, top5, ww, b) for x, ww in zip(xs5, ws5, strict=True)]

    b2 = balance(blocks5, st5, frames5, top5 + 20, pg.h - 15)
    lines5, _ = flow(blocks5, frames5(b2), st5)
    pg.draw_flow(lines5, "a05", st5, [0, 1, 2])
    pg.part(q, blocks5, lines5, q["title"], q["deck"], "below", q["byline"])
    ny = b2 + 5
    if pg.h - 15 - ny > 9:
        pg.box(
            m, ny, right5 - m, pg.h - 15 - ny, stroke=GREY, fill=Color(0.95, 0.95, 0.95), width=0.3
        )
        pg.put(
            (m + right5) / 2,
            ny + (pg.h - 15 - ny) / 2 + 1.3,
            "编者按：本报将陆续推出“金融服务新质生产力”系列访谈，敬请关注。",
            MH,
            8.5,
            align="center",
        )
    ax = right5 + 5
    pg.ad(
        ax,
        y0 + 6,
        pg.w - m - ax,
        pg.h - 15 - y0 - 6,
        [
            ("西岭证券报", ZH, 13, "center", 14, white),
            ("数字版", ZH, 13, "center", 7, white),
            ("全新上线", ZH, 13, "center", 7, white),
            ("扫码订阅", MH, 9, "center", 14, white),
            ("首月免费", MH, 9, "center", 5.5, white),
            ("订阅热线", MH, 7.5, "center", 14, white),
            ("028-8660 1100", MH, 7.5, "center", 4.5, white),
        ],
        fill=DARK,
        stroke=None,
    )
    foot_xiling(pg, (2027, 3, 19), "编辑 祁望舒　美编 严可　校对 甘露", m)
    pg.layout = {
        "page_mm": [pg.w, pg.h],
        "cols": [5, 3],
        "col_widths_mm": [[round(w, 1)] * 5, ws5],
        "order": "reading",
        "body": {
            "a04": st.describe(),
            "a05": st5.describe()
            + "; questions (记者：…) in zenhei, the answerer's name in zenhei",
        },
        "notes": "Two articles stacked. Top: a04 continued from B2 under the jump head "
        "with （上接B2版） beside it; the first paragraph is the tail of the one cut on B2 (no "
        "indent); five equal columns balanced; the byline right-aligned as the article's last "
        "line. A heavy rule. Below: a05, a Q&A interview with a two-line stepped title, a "
        "——deck, the byline right-aligned on the deck's line, headings with ●, three unequal "
        "columns balanced; an editor's note under them and a tall ad beside them. Stream: header, "
        "jump head, marker, a04 columns, rule, a05 title block, a05 columns, note, ad, footer.",
    }
    return pg


def page05() -> Page:
    """A6: six equal grid columns; a06 on four with a photo inside them, a07 boxed on two."""
    pg = Page("p05", 260, 262)
    m = 12
    head_dongling(pg, "A6", "区域金融", (2027, 3, 31), "第4139期", m)
    cw6 = 36
    grid = cols_x(m, [cw6] * 6, 4)
    # a06: byline above a one-line title, photo in the middle of columns 2-4
    a = ARTICLES["a06"]
    st = Style(
        ZH,
        9,
        1.55,
        "printed",
        True,
        head_font=ZH,
        head_size=10.5,
        head_kind="bold",
        head_align="center",
    )
    right = grid[3] + cw6
    pg.put(m, 33, a["byline"], MH, 9, "a06")
    pg.put(m, 43.5, plain(a["title"][0]), ZH, 24, "a06")
    pg.hline(m, right, 47, 1.0)
    top = 51
    ph_top = top + 9 * st.pitch + 1
    ph_h = 50
    ph_w = right - grid[1]
    cap_lines = wrap(a["photo"]["caption"], MH, 7.5, ph_w)
    ph_bottom = ph_top + ph_h + 1.2 + (len(cap_lines) + 1) * 7.5 / MM * 1.45 + 0.5
    blocks = make_blocks(a, st)

    def frames(b: float) -> list[Frame]:
        out = [Frame(grid[0], top, cw6, b)]
        for x in grid[1:4]:
            out += [Frame(x, top, cw6, ph_top - 1), Frame(x, ph_bottom + 3, cw6, b)]
        return out

    b = balance(blocks, st, frames, ph_bottom + 20, pg.h - 20)
    lines, _ = flow(blocks, frames(b), st)
    pg.draw_flow(lines, "a06", st, list(range(7)))
    bottom_cap, cap = pg.photo(grid[1], ph_top, ph_w, ph_h, a["photo"], "a06", credit_own_line=True)
    assert bottom_cap <= ph_bottom + 0.01
    pg.part(a, blocks, lines, a["title"], None, None, a["byline"], [cap])
    for x in grid[1:4]:
        pg.vline(x - 2, top, ph_top - 1, 0.3, GREY)
        pg.vline(x - 2, ph_bottom + 3, b, 0.3, GREY)
    ty = b + 5
    pg.table(
        m,
        ty,
        right - m,
        "今年以来安徽省部分科技创新债券发行情况",
        ["发行人", "规模(亿元)", "期限(年)", "票面利率"],
        [
            ["淮光新材料", "4.0", "3", "2.48%"],
            ["庐州智能装备", "2.5", "3", "2.71%"],
            ["江淮算力科技", "6.0", "5", "2.39%"],
            ["徽芯存储", "3.0", "2+1", "2.56%"],
        ],
        [0.4, 0.2, 0.2, 0.2],
        size=7.2,
    )
    ay = ty + 6 + 5.2 * 5 + 5
    if pg.h - 15 - ay > 12:
        pg.ad(
            m,
            ay,
            right - m,
            pg.h - 15 - ay,
            [
                ("江淮科创债券指数基金　4月1日起发售", ZH, 11, "center", 8.5, white),
                ("庐阳基金管理有限公司　客服热线 400-618-5511", MH, 7.5, "center", 6, white),
            ],
            fill=RED,
            stroke=None,
        )
    # a07: a boxed sidebar over grid columns 5-6
    q = ARTICLES["a07"]
    st7 = Style(UM, 8.5, 1.4, "offset", False, head_font=ZH, head_size=9.5, head_kind="inverse")
    sx = grid[4]
    sbw = grid[5] + cw6 - sx
    ix, iw = sx + 3, sbw - 6
    w7 = (iw - 4) / 2
    xs7 = cols_x(ix, [w7, w7], 4)
    blocks7 = make_blocks(q, st7)

    def frames7(bb: float) -> list[Frame]:
        return [Frame(x, 63, w7, bb) for x in xs7]

    b7 = balance(blocks7, st7, frames7, 80, pg.h - 20)
    lines7, _ = flow(blocks7, frames7(b7), st7)
    pg.box(sx, 28, sbw, b7 + 3 - 28, stroke=black, fill=Color(0.96, 0.95, 0.9), width=0.8)
    pg.put(ix, 35, plain(q["kicker"]), MH, 9, "a07", color=RED)
    pg.put(ix, 43.5, q["title"][0], ZH, 14.5, "a07")
    pg.put(ix, 50.5, plain(q["title"][1]), ZH, 14.5, "a07")
    pg.put(ix, 57, q["byline"], MH, 8, "a07", color=GREY)
    pg.hline(ix, ix + iw, 59.5, 0.4)
    pg.draw_flow(lines7, "a07", st7, [0, 1])
    pg.part(q, blocks7, lines7, q["title"], q["kicker"], "above", q["byline"])
    ay = b7 + 7
    if pg.h - 15 - ay > 12:
        pg.ad(
            sx,
            ay,
            sbw,
            pg.h - 15 - ay,
            [
                ("徽商汇通卡", ZH, 12, "center", 9, RED),
                ("跨境收款　一卡通办", MH, 8.5, "center", 7, black),
            ],
            fill=Color(1.0, 0.97, 0.9),
            stroke=RED,
        )
    foot_dongling(pg, "编辑 邝雨桐　美编 吕见山　校对 程雪扬", "本版热线：0551-6288 4500", m)
    pg.layout = {
        "page_mm": [pg.w, pg.h],
        "cols": [4, 2],
        "col_widths_mm": [[cw6] * 4, [round(w7, 1)] * 2],
        "grid": "six equal columns of 36 mm; a06 on columns 1-4, a07 boxed on columns 5-6",
        "order": "reading",
        "body": {"a06": st.describe(), "a07": st7.describe()},
        "notes": "Two articles side by side. a06: byline above a one-line title, photo in the "
        "middle of columns 2-4 (text above and below it, 9 lines above) with a ▲ caption and the "
        "credit on its own line, headings bold by stroke and centred, four columns balanced; a "
        "bond table and a fund ad under it. a07: a boxed sidebar, red kicker above a two-line "
        "title, byline below, headings white on a black box, ragged with a 2-em offset indent, "
        "two columns; a small ad under the box. Stream: header, a06 byline and title, a06 columns "
        "(column 1, then 2 above and below the photo, 3, 4), photo and caption (written after the "
        "columns), rules, table, fund ad, a07 box, kicker, title, byline, columns, bank ad, "
        "footer.",
    }
    return pg


def page06() -> Page:
    """C1: one article over two unequal columns, a line chart; frames in shuffled order."""
    pg = Page("p06", 210, 280)
    m = 14
    r = pg.w - m
    teal = Color(0.0, 0.38, 0.36)
    a = ARTICLES["a08"]
    st = Style(UM, 10.5, 1.65, "none", True, gap=0.6, head_font=ZH, head_size=11, head_kind="bold")
    ws = [104, 72]
    xs = cols_x(m, ws, 6)
    ch_top, ch_h = 59, 60
    blocks = make_blocks(a, st)

    def frames(b: float) -> list[Frame]:
        return [Frame(xs[0], 59, ws[0], b), Frame(xs[1], ch_top + ch_h + 4, ws[1], b)]

    b = balance(blocks, st, frames, ch_top + ch_h + 20, pg.h - 20)
    lines, _ = flow(blocks, frames(b), st)
    caps: list[str] = []
    ty = b + 6

    def chart() -> None:
        caps.extend(pg.chart(xs[1], ch_top, ws[1], ch_h, a["chart"], "a08"))

    def table() -> None:
        pg.table(
            m,
            ty,
            ws[0],
            "本周规模居前的股票型ETF",
            ["基金简称", "规模(亿元)", "周涨跌"],
            [
                ["汇川宽基300ETF", "3126.4", "+1.82%"],
                ["禾丰A500ETF", "2210.7", "+1.65%"],
                ["岷江科创50ETF", "1534.9", "-0.73%"],
                ["沧海红利ETF", "1102.3", "+0.41%"],
            ],
            [0.5, 0.25, 0.25],
            size=7.4,
        )

    def ad() -> None:
        pg.ad(
            xs[1],
            ty,
            ws[1],
            pg.h - 15 - ty,
            [
                ("汇江财富", ZH, 14, "center", 11, teal),
                ("基金投顾服务", ZH, 10, "center", 8, black),
                ("下载汇江财富App", MH, 8, "center", 7.5, black),
                ("理财有风险　投资需谨慎", MH, 7, "center", 7, GREY),
            ],
            fill=Color(0.9, 0.97, 0.95),
            stroke=teal,
        )

    parts = [
        ("header name", lambda: pg.put(m, 14, "汇江理财周报", ZH, 17, color=teal)),
        ("header latin", lambda: pg.put(m, 19.5, "HUIJIANG WEALTH WEEKLY", LB, 6.5, color=teal)),
        ("header code", lambda: pg.put(r, 18, "C1", LB, 20, align="right", color=teal)),
        ("header section", lambda: pg.put(r - 14, 13.5, "基金·市场", ZH, 12, align="right")),
        (
            "header date",
            lambda: pg.put(r - 14, 19.5, date_str(2027, 3, 27), MH, 7.5, align="right"),
        ),
        ("header rule", lambda: pg.hline(m, r, 22.5, 1.5, teal)),
        (
            "title line 1",
            lambda: pg.put(pg.w / 2, 34, plain(a["title"][0]), ZH, 21, "a08", align="center"),
        ),
        (
            "title line 2",
            lambda: pg.put(pg.w / 2, 43, a["title"][1], ZH, 21, "a08", align="center"),
        ),
        (
            "deck",
            lambda: pg.put(
                pg.w / 2, 51.5, plain(a["deck"]), MH, 10.5, "a08", align="center", color=GREY
            ),
        ),
        ("title rule", lambda: pg.hline(m, r, 55, 0.4)),
        ("column 1", lambda: pg.draw_lines([ln for ln in lines if ln.frame == 0], "a08", st)),
        ("column 2", lambda: pg.draw_lines([ln for ln in lines if ln.frame == 1], "a08", st)),
        ("column rule", lambda: pg.vline(xs[1] - 3, 59, b, 0.3, GREY)),
        ("chart", chart),
        ("table", table),
        ("ad", ad),
        ("footer rule", lambda: pg.hline(m, r, pg.h - 12, 0.5, teal)),
        (
            "footer editors",
            lambda: pg.put(m, pg.h - 7.5, "责任编辑 沈知秋　美编 尹若木　校对 秦一川", MH, 7.5),
        ),
        (
            "footer issue",
            lambda: pg.put(r, pg.h - 7.5, "总第618期　每周六出版", MH, 7.5, align="right"),
        ),
    ]
    order = list(range(len(parts)))
    random.Random(2027).shuffle(order)
    for k in order:
        pg.frame_tag = k
        parts[k][1]()
    pg.part(a, blocks, lines, a["title"], a["deck"], "below", None, caps)
    pg.layout = {
        "page_mm": [pg.w, pg.h],
        "cols": [2],
        "col_widths_mm": [ws],
        "order": "shuffled",
        "frame_order": [parts[k][0] for k in order],
        "body": {"a08": st.describe()},
        "notes": "One article over two unequal columns balanced; centred two-line title and "
        "grey deck over both columns; byline at the article's end, right-aligned; headings 【】 "
        "bold by stroke; a boxed line chart (图表 title, unit, axis numbers, point values, month "
        "labels, 资料来源 line) at the top of column 2; an ETF table under column 1 and an ad "
        "under column 2. Every frame (each header and footer piece, each title line, deck, "
        "each column, chart, table, ad, rules) is written in random.Random(2027) order, see "
        "frame_order; inside a frame the text is in reading order.",
    }
    return pg


PAGES = [page01, page02, page03, page04, page05, page06]


def render_png(pdf: Path, dest: Path) -> None:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    doc[0].render(scale=2.2).to_pil().save(dest)
    doc.close()


def check_articles(pages: list[Page]) -> list[str]:
    """Checks over the whole set: body lengths, every paragraph printed exactly once and in
    order (the parts of a04 joined), every listed entity gold somewhere."""
    fails = []
    for aid, art in ARTICLES.items():
        body = [plain(t) for k, t in art["body"] if k == "p"]
        n = sum(len(t) for t in body)
        han = len(re.findall(r"[\u4e00-\u9fff]", "".join(body)))
        if not (550 <= n <= 850 and 550 <= han <= 850):
            fails.append(f"{aid}: body {n} characters, {han} ideographs")
        got: dict[int, list[tuple[int, int]]] = {}
        for pg in pages:
            for part in pg.parts:
                if part.art is art:
                    for pid, a, e in part.ranges:
                        got.setdefault(pid, []).append((a, e))
        for pid, text in enumerate(body):
            pieces = got.get(pid, [])
            pos = 0
            for a, e in pieces:
                if a != pos:
                    fails.append(f"{aid}: paragraph {pid} pieces do not join")
                pos = e
            if pos != len(text):
                fails.append(f"{aid}: paragraph {pid} not printed whole")
        listed = {
            e
            for pg in pages
            for g in [pg.gold()]
            for a in g["articles"]
            if a["id"] == aid
            for v in a["entities"].values()
            for e in v
        }
        for v in art["entities"].values():
            fails += [f"{aid}: entity {e} is gold on no page" for e in v if e not in listed]
    return fails


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--png", action="store_true", help="also render the pages to /tmp/pages5png")
    args = ap.parse_args(argv)
    failed = 0
    pages = []
    totals = Counter()
    for make in PAGES:
        pg = make()
        pages.append(pg)
        g, _texts, fails, gaps = finish(pg)
        n = sum(len(a["paragraphs"]) for a in g["articles"])
        totals["pages"] += 1
        totals["articles on pages"] += len(g["articles"])
        totals["paragraphs"] += n
        totals["titles"] += len(g["articles"])
        totals["bylines"] += sum(1 for a in g["articles"] if a["byline"])
        totals["headings"] += sum(len(a["headings"]) for a in g["articles"])
        totals["captions"] += sum(len(a["captions"]) for a in g["articles"])
        totals["figures"] += sum(len(a["figures"]) for a in g["articles"])
        totals["entities"] += sum(len(v) for a in g["articles"] for v in a["entities"].values())
        totals["furniture"] += len(g["furniture"])
        totals["justified lines"] += sum(1 for _o, ln in pg.lines if ln.cs > 0)
        totals["loose lines (Tc > 0.1 em)"] += sum(
            1 for _o, ln in pg.lines if ln.cs > 0.1 * ln.size
        )
        print(
            f"{pg.name}: {n} paragraphs, {len(g['furniture'])} furniture strings, "
            f"checks {'pass' if not fails else 'FAIL'}, pypdfium2 contiguous "
            f"{n - len(gaps)}/{n}"
        )
        for f in fails:
            print("  FAIL", f)
        for t in gaps:
            print(f"  not contiguous in pypdfium2: {t[:8]}… ({len(t)} characters)")
        failed += bool(fails)
        if args.png:
            out = Path("/tmp/pages5png")
            out.mkdir(exist_ok=True)
            render_png(pg.dir / "page.pdf", out / f"{pg.name}.png")
    fails = check_articles(pages)
    for f in fails:
        print("FAIL", f)
    print("totals: " + ", ".join(f"{v} {k}" for k, v in totals.items()))
    return 1 if failed or fails else 0


if __name__ == "__main__":
    sys.exit(main())
