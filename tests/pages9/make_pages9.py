"""Typeset the pages9 held-out set: six newspaper pages written as raw PDF by hand.

The ninth typesetter. No PDF library draws these pages: this file writes the PDF objects, the
content streams and the embedded fonts itself. Text is shown with TJ arrays whose numbers carry
the justification (per-glyph kerning adjustments), in Type 0 (CIDFontType2, Identity-H) fonts
subset with fontTools and embedded with a ToUnicode CMap. Run from anywhere:

    /work/venv/bin/python tests/pages9/make_pages9.py

It writes p01…p06 (page.pdf, clean.json, five extractor texts) and runs the checks.
"""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
import zlib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from articles9 import ARTICLES  # noqa: E402

PW, PH = 780.0, 1100.0
DATE = "2026年12月8日 星期二"
PAPER = "HUAYUE FINANCIAL DAILY"
PAPER_CN = "华岳金融报"

NOSTART = set("，。、；：？！”’）》】」』%…—·")
NOEND = set("“‘（《【「『")
FIG = re.compile(r"\{([^{}]*)\}")


def plain(s: str) -> str:
    return s.replace("{", "").replace("}", "").replace("¦", "")


# ----------------------------------------------------------------------------- fonts


class Face:
    def __init__(self, key: str, path: str, index: int, base: str):
        self.key, self.path, self.index, self.base = key, path, index, base
        self.tt = TTFont(path, fontNumber=index)
        self.cmap = self.tt.getBestCmap()
        self.upm = self.tt["head"].unitsPerEm
        self.hmtx = self.tt["hmtx"].metrics
        self.used: dict[int, str] = {}

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def gid(self, ch: str) -> int:
        if ord(ch) not in self.cmap:
            raise KeyError(f"{ch!r} not in {self.base}")
        g = self.tt.getGlyphID(self.cmap[ord(ch)])
        self.used[g] = ch
        return g

    def adv(self, ch: str) -> float:
        """Advance in thousandths of an em."""
        return self.hmtx[self.cmap[ord(ch)]][0] * 1000.0 / self.upm

    def width(self, s: str, size: float) -> float:
        return sum(self.adv(c) for c in s) * size / 1000.0

    def hexs(self, s: str) -> str:
        return "<" + "".join(f"{self.gid(c):04X}" for c in s) + ">"

    def embed(self, pdf: Pdf) -> int:
        font = TTFont(self.path, fontNumber=self.index, recalcTimestamp=False)
        opts = subset.Options()
        opts.retain_gids = True
        opts.notdef_outline = True
        opts.hinting = False
        opts.layout_features = []
        opts.name_IDs = [0, 1, 2, 3, 4, 5, 6]
        opts.drop_tables += [
            "EBDT",
            "EBLC",
            "EBSC",
            "BDF ",
            "FFTM",
            "GSUB",
            "GPOS",
            "GDEF",
            "vhea",
            "vmtx",
        ]
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=sorted({ord(c) for c in self.used.values()}))
        sub.subset(font)
        buf = io.BytesIO()
        font.save(buf)
        data = buf.getvalue()
        ff = pdf.stream(data, f"/Length1 {len(data)}")
        scale = 1000.0 / self.upm
        head = self.tt["head"]
        bbox = [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)]
        asc = round(self.tt["hhea"].ascent * scale)
        desc = round(self.tt["hhea"].descent * scale)
        n = len(pdf.fonts_done)
        tag = "NINE" + "ABCDEFGH"[n] + "QRSTUVWX"[n]
        name = f"{tag}+{self.base}"
        fd = pdf.add(
            f"<< /Type /FontDescriptor /FontName /{name} /Flags 4 /FontBBox "
            f"[{' '.join(map(str, bbox))}] /ItalicAngle 0 /Ascent {asc} /Descent {desc} "
            f"/CapHeight {asc} /StemV 80 /FontFile2 {ff} 0 R >>"
        )
        gids = sorted(self.used)
        w = " ".join(f"{g} [{round(self.adv(self.used[g]))}]" for g in gids)
        cid = pdf.add(
            f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo "
            f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor "
            f"{fd} 0 R /DW 1000 /W [{w}] /CIDToGIDMap /Identity >>"
        )
        cmap = [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            f"/CMapName /{tag}-UCS def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            "<0000> <FFFF>",
            "endcodespacerange",
        ]
        for i in range(0, len(gids), 100):
            chunk = gids[i : i + 100]
            cmap.append(f"{len(chunk)} beginbfchar")
            for g in chunk:
                u = self.used[g].encode("utf-16-be").hex().upper()
                cmap.append(f"<{g:04X}> <{u}>")
            cmap.append("endbfchar")
        cmap += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        tu = pdf.stream("\n".join(cmap).encode("ascii"))
        pdf.fonts_done.append(self.key)
        return pdf.add(
            f"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H "
            f"/DescendantFonts [{cid} 0 R] /ToUnicode {tu} 0 R >>"
        )


FONT_FILES = {
    "S": ("/usr/share/fonts/truetype/arphic/uming.ttc", 0, "ARPLUMingCN"),
    "H": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0, "WenQuanYiMicroHei"),
    "Z": ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0, "WenQuanYiZenHei"),
}


def faces() -> dict[str, Face]:
    return {k: Face(k, *v) for k, v in FONT_FILES.items()}


# ----------------------------------------------------------------------------- pdf objects


class Pdf:
    def __init__(self):
        self.objs: list[bytes | None] = []
        self.fonts_done: list[str] = []

    def reserve(self) -> int:
        self.objs.append(None)
        return len(self.objs)

    def add(self, body: str | bytes, num: int | None = None) -> int:
        b = body.encode("latin-1") if isinstance(body, str) else body
        if num is None:
            self.objs.append(b)
            return len(self.objs)
        self.objs[num - 1] = b
        return num

    def stream(self, data: bytes, extra: str = "", compress: bool = True) -> int:
        if compress:
            data = zlib.compress(data, 9)
            extra += " /Filter /FlateDecode"
        head = f"<< /Length {len(data)}{extra} >>\nstream\n".encode("latin-1")
        return self.add(head + data + b"\nendstream")

    def write(self, path: Path, root: int) -> None:
        out = bytearray(b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n")
        offs = []
        for i, b in enumerate(self.objs, 1):
            offs.append(len(out))
            out += f"{i} 0 obj\n".encode() + b + b"\nendobj\n"
        x = len(out)
        out += f"xref\n0 {len(self.objs) + 1}\n0000000000 65535 f \n".encode()
        for o in offs:
            out += f"{o:010d} 00000 n \n".encode()
        out += (
            f"trailer\n<< /Size {len(self.objs) + 1} /Root {root} 0 R "
            f"/Info << /Producer (pages9 hand typesetter) >> >>\nstartxref\n{x}\n%%EOF\n"
        ).encode()
        path.write_bytes(bytes(out))


# ----------------------------------------------------------------------------- line breaking


def units(text: str) -> list[str]:
    toks: list[str] = []
    i = 0
    while i < len(text):
        if text[i].isascii() and text[i] != " ":
            j = i
            while j < len(text) and text[j].isascii() and text[j] != " ":
                j += 1
            toks.append(text[i:j])
            i = j
        else:
            toks.append(text[i])
            i += 1
    out: list[str] = []
    pending = ""
    for t in toks:
        if t[0] in NOSTART and out and not pending:
            out[-1] += t
        elif t in NOEND:
            pending += t
        else:
            out.append(pending + t)
            pending = ""
    if pending:
        out.append(pending)
    return out


def next_line(face: Face, size: float, us: list[str], pos: int, width: float) -> tuple[str, int]:
    cur = ""
    w = 0.0
    while pos < len(us):
        uw = face.width(us[pos], size)
        if cur and w + uw > width + 0.01:
            if us[pos][-1] in NOSTART and w + uw - width <= 0.45 * size:
                cur += us[pos]
                pos += 1
            break
        cur += us[pos]
        w += uw
        pos += 1
    return cur, pos


# ----------------------------------------------------------------------------- placed text


class Line:
    """One printed line: font key, size, left x, baseline (from top), text, measure."""

    def __init__(
        self, f, size, x, base, text, measure=None, just=False, group=0, white=False, bold=False
    ):
        self.f, self.size, self.x, self.base, self.text = f, size, x, base, text
        self.measure, self.just, self.group = measure, just, group
        self.white, self.bold = white, bold


class Page:
    def __init__(self, code: str):
        self.code = code
        self.F = faces()
        self.lines: list[Line] = []
        self.gfx: list[str] = []
        self.images: list[tuple[str, bytes, int, int]] = []
        self.furniture: list[str] = []
        self._img_place: dict[str, tuple[float, float, float, float]] = {}
        self._img_ops: dict[str, str] = {}
        self.ph = PH

    # --- drawing helpers ------------------------------------------------------------
    def text(self, f, size, x, top, s, align="l", width=None, group=0, **kw) -> float:
        w = self.F[f].width(s, size)
        if align == "c":
            x = x + (width - w) / 2
        elif align == "r":
            x = x + width - w
        self.lines.append(Line(f, size, x, top + size * 0.86, s, group=group, **kw))
        return w

    def spaced(self, f, size, x, top, s, width, group=0, **kw) -> None:
        """A line set to a full measure with TJ spacing (title, kicker)."""
        self.lines.append(Line(f, size, x, top + size * 0.86, s, width, True, group, **kw))

    def rect(self, x, top, w, h, fill=None, stroke=None, lw=0.6) -> None:
        self.gfx.append(("re", x, top, w, h, fill, stroke, lw))

    def rule(self, x1, t1, x2, t2, lw=0.5, grey=0) -> None:
        self.gfx.append(("l", x1, t1, x2, t2, lw, grey))

    def _gfx_op(self, item) -> str:
        if item[0] == "l":
            _k, x1, t1, x2, t2, lw, grey = item
            ph = self.ph
            return f"q {grey} G {lw} w {x1:.2f} {ph - t1:.2f} m {x2:.2f} {ph - t2:.2f} l S Q"
        _k, x, top, w, h, fill, stroke, lw = item
        y = self.ph - top - h
        ops = []
        if fill is not None:
            ops.append(f"{fill} g")
        if stroke is not None:
            ops.append(f"{stroke} G {lw} w")
        op = "B" if fill is not None and stroke is not None else ("f" if fill is not None else "S")
        ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re {op}")
        return "q " + " ".join(ops) + " Q"

    def content_bottom(self) -> float:
        b = max(ln.base + 0.25 * ln.size for ln in self.lines)
        for item in self.gfx:
            b = max(b, item[2] + item[4] if item[0] == "re" else max(item[2], item[4]))
        return b

    # --- furniture --------------------------------------------------------------
    def header(self, section: str, left=40.0, right=740.0, top=34.0) -> None:
        self.rect(left, top, 42, 26, fill=0)
        self.text("H", 18, left + 4, top + 4, self.code, white=True)
        self.text("H", 13, left + 50, top + 7, section)
        self.text("S", 10, left, top + 8, PAPER, align="c", width=right - left)
        self.text("S", 10, left, top + 8, DATE, align="r", width=right - left)
        self.rule(left, top + 32, right, top + 32, lw=1.6)
        self.rule(left, top + 35, right, top + 35, lw=0.4)
        self.furniture += [self.code, section, PAPER, DATE]

    def footer(self, names: str, left=40.0, right=740.0) -> None:
        """The footer goes under the lowest thing on the page; the page ends under it."""
        top = self.content_bottom() + 22
        self.ph = top + 34
        self.rule(left, top - 6, right, top - 6, lw=0.5)
        self.text("S", 8.5, left, top, names)
        tail = f"{PAPER_CN} {self.code}"
        self.text("S", 8.5, left, top, tail, align="r", width=right - left)
        self.furniture += [names, tail]

    # --- output -----------------------------------------------------------------
    def content(self, order: str) -> bytes:
        ops = [self._gfx_op(item) for item in self.gfx]
        for name, _d, _w, _h in self.images:
            ops.append(self._img_ops[name])
        text_ops = self._text_ops(order)
        return ("\n".join(ops + text_ops) + "\n").encode("latin-1")

    def _show(self, ln: Line, prev_font: list) -> str:
        face = self.F[ln.f]
        parts = []
        if prev_font[0] != (ln.f, ln.size):
            parts.append(f"/{ln.f} {ln.size:g} Tf")
            prev_font[0] = (ln.f, ln.size)
        nat = face.width(ln.text, ln.size)
        if ln.measure is not None and (ln.just or nat > ln.measure + 0.01) and len(ln.text) > 1:
            gaps = len(ln.text) - 1
            adj = -(ln.measure - nat) / gaps / ln.size * 1000.0
            arr = " ".join(
                face.hexs(c) + (f" {adj:.1f}" if i < gaps else "") for i, c in enumerate(ln.text)
            )
            parts.append(f"[{arr}] TJ")
        else:
            parts.append(f"[{face.hexs(ln.text)}] TJ")
        return " ".join(parts)

    def _state(self, ln: Line) -> tuple[str, str]:
        pre, post = "", ""
        if ln.white:
            pre += "1 g "
            post += " 0 g"
        if ln.bold:
            pre += "2 Tr 0.32 w "
            post += " 0 Tr"
        return pre, post

    def _text_ops(self, order: str) -> list[str]:
        out: list[str] = []
        if order in ("line", "shuffled"):
            lines = list(self.lines)
            if order == "shuffled":
                random.Random(9).shuffle(lines)
            for ln in lines:
                pf = [None]
                pre, post = self._state(ln)
                out.append(
                    f"BT {pre}1 0 0 1 {ln.x:.2f} {self.ph - ln.base:.2f} Tm "
                    f"{self._show(ln, pf)}{post} ET"
                )
            return out
        # grouped: one text object per group, lines by relative Td (order "td") or Tm ("tm")
        groups: dict[int, list[Line]] = {}
        for ln in self.lines:
            groups.setdefault(ln.group, []).append(ln)
        for _g, lines in groups.items():
            pf = [None]
            body = ["BT"]
            px, py = 0.0, 0.0
            for ln in lines:
                pre, post = self._state(ln)
                y = self.ph - ln.base
                if order == "td":
                    body.append(f"{ln.x - px:.2f} {y - py:.2f} Td")
                    px, py = ln.x, y
                else:
                    body.append(f"1 0 0 1 {ln.x:.2f} {y:.2f} Tm")
                body.append(f"{pre}{self._show(ln, pf)}{post}".strip())
            body.append("ET")
            out.append("\n".join(body))
        return out

    def write(self, path: Path, order: str) -> None:
        pdf = Pdf()
        catalog = pdf.reserve()
        pages = pdf.reserve()
        page = pdf.reserve()
        xobjs = []
        for name, data, w, h in self.images:
            num = pdf.stream(
                data,
                f" /Type /XObject /Subtype /Image /Width {w} /Height {h} "
                "/ColorSpace /DeviceRGB /BitsPerComponent 8",
            )
            xobjs.append(f"/{name} {num} 0 R")
        for name, (x, top, w, h) in self._img_place.items():
            self._img_ops[name] = (
                f"q {w:.2f} 0 0 {h:.2f} {x:.2f} {self.ph - top - h:.2f} cm /{name} Do Q"
            )
        content = self.content(order)
        # make sure every glyph is registered before embedding
        cs = pdf.stream(content)
        fonts = []
        for k, face in self.F.items():
            if face.used:
                fonts.append(f"/{k} {face.embed(pdf)} 0 R")
        res = f"<< /Font << {' '.join(fonts)} >>"
        if xobjs:
            res += f" /XObject << {' '.join(xobjs)} >>"
        res += " >>"
        pdf.add(
            f"<< /Type /Page /Parent {pages} 0 R /MediaBox [0 0 {PW:g} {self.ph:g}] "
            f"/Resources {res} /Contents {cs} 0 R >>",
            page,
        )
        pdf.add(f"<< /Type /Pages /Kids [{page} 0 R] /Count 1 >>", pages)
        pdf.add(f"<< /Type /Catalog /Pages {pages} 0 R >>", catalog)
        pdf.write(path, catalog)

    def image(self, name, x, top, w, h, seed) -> None:
        pw, ph = 180, 120
        rnd = random.Random(seed)
        hills = [(rnd.uniform(0, pw), rnd.uniform(30, 80), rnd.uniform(20, 50)) for _ in range(5)]
        rows = bytearray()
        for j in range(ph):
            for i in range(pw):
                sky = 200 - j
                v = sky
                for cx, cy, r in hills:
                    if (i - cx) ** 2 / (r * r * 4) + (j - cy - 40) ** 2 / (r * r) < 1:
                        v = 70 + (i * 3 + j * 5) % 40
                shelf = (i // 22 + j // 16) % 2 == 0 and j > 70
                if shelf:
                    v = 110 + (i % 22) * 2
                rows += bytes((max(0, min(255, v + 20)), max(0, min(255, v + 10)), max(0, v - 20)))
        self.images.append((name, bytes(rows), pw, ph))
        self._img_place[name] = (x, top, w, h)
        self.rect(x, top, w, h, stroke=0, lw=0.4)


# ----------------------------------------------------------------------------- flowing articles


class Style:
    def __init__(
        self,
        size,
        lead,
        face="S",
        just=True,
        indent=2.0,
        gap=0.0,
        head_face="H",
        head_size=None,
        head_lead=None,
        head_mark="■ {}",
        head_kind="plain",
        head_before=None,
    ):
        self.size, self.lead, self.face, self.just = size, lead, face, just
        self.indent, self.gap = indent, gap
        self.head_face = head_face
        self.head_size = head_size or size + 1.5
        self.head_lead = head_lead or lead * 1.5
        self.head_mark, self.head_kind = head_mark, head_kind
        self.head_before = head_before if head_before is not None else lead * 0.4


def flow(
    page: Page,
    items: list[tuple[str, str]],
    frames: list[tuple],
    st: Style,
    group_of,
    depth: float | None = None,
    dry=False,
) -> bool:
    """Set items ("h", text) / ("p", text) / ("c", text) into frames (x, top, w, bottom).

    With depth, each frame's bottom is min(bottom, top of the first frame + depth). Returns
    False when the text does not fit. group_of(frame_index, item_index) -> text object group.
    """
    face = page.F[st.face]
    fi = 0
    placed: list[Line] = []
    top0 = frames[0][1]

    def bottom(k):
        b = frames[k][3]
        return min(b, top0 + depth) if depth is not None else b

    y = frames[0][1]
    for ii, (kind, text) in enumerate(items):
        if kind == "h":
            hs = st.head_size
            hface = page.F[st.head_face]
            mark = st.head_mark.format(text)
            if y > frames[fi][1] + 0.1:
                y += st.head_before
            while True:
                x, _t, w, _b = frames[fi]
                avail = w - 8 if st.head_kind == "reversed" else w
                hl, hp = [], 0
                hus = units(mark)
                while hp < len(hus):
                    ln, hp = next_line(hface, hs, hus, hp, avail)
                    hl.append(ln)
                if y + len(hl) * st.head_lead + 2 * st.lead <= bottom(fi):
                    break
                fi += 1
                if fi >= len(frames):
                    return False
                y = frames[fi][1]
            for ln in hl:
                top = y + (st.head_lead - hs) / 2
                base = top + hs * 0.86
                g = group_of(fi, ii)
                if st.head_kind == "reversed":
                    if not dry:
                        page.rect(x, y + 1, w, st.head_lead - 2, fill=0)
                    placed.append(Line(st.head_face, hs, x + 4, base, ln, group=g, white=True))
                elif st.head_kind == "centre":
                    hw = hface.width(ln, hs)
                    placed.append(Line(st.head_face, hs, x + (w - hw) / 2, base, ln, group=g))
                else:
                    placed.append(
                        Line(st.head_face, hs, x, base, ln, group=g, bold=st.head_kind == "bold")
                    )
                y += st.head_lead
            continue
        us = units(plain(text))
        pos = 0
        first = True
        if y > frames[fi][1] + 0.1:
            y += st.gap
        while pos < len(us):
            if y + st.lead > bottom(fi) + 0.01:
                fi += 1
                if fi >= len(frames):
                    return False
                y = frames[fi][1]
            x, _t, w, _b = frames[fi]
            ind = st.indent * st.size if first else 0.0
            line, pos = next_line(face, st.size, us, pos, w - ind)
            last = pos >= len(us)
            base = y + (st.lead - st.size) / 2 + st.size * 0.86
            placed.append(
                Line(
                    st.face,
                    st.size,
                    x + ind,
                    base,
                    line,
                    w - ind,
                    st.just and not last,
                    group_of(fi, ii),
                )
            )
            y += st.lead
            first = False
    if not dry:
        page.lines += placed
    return True


def balanced(page, items, frames, st, group_of) -> float:
    lo, hi = 20.0, max(f[3] for f in frames) - frames[0][1]
    assert flow(page, items, frames, st, group_of, depth=hi, dry=True), "text does not fit"
    for _ in range(30):
        mid = (lo + hi) / 2
        if flow(page, items, frames, st, group_of, depth=mid, dry=True):
            hi = mid
        else:
            lo = mid
    flow(page, items, frames, st, group_of, depth=hi)
    return hi


# ----------------------------------------------------------------------------- gold helpers


def body_items(a: dict, lo: int = 0, hi: int | None = None) -> list[tuple[str, str]]:
    out = []
    for s in a["body"][lo:hi]:
        out.append(("h", s[1:]) if s.startswith("#") else ("p", s))
    return out


def figures_of(strings: list[str]) -> list[dict]:
    return [{"surface": m} for s in strings for m in FIG.findall(s)]


def part_gold(
    a: dict, title: str, subtitle, byline, items, st: Style, captions=(), extra_fig_strings=()
) -> dict:
    paras = []
    heads = []
    cur = None
    for kind, text in items:
        if kind == "h":
            cur = st.head_mark.format(text)
            heads.append(cur)
        else:
            paras.append({"section_heading": cur, "text": plain(text)})
    fig_src = [title, subtitle or "", *[t for k, t in items if k == "p"], *extra_fig_strings]
    g = {
        "title": plain(title),
        "subtitle": plain(subtitle) if subtitle else None,
        "byline": byline,
        "headings": heads,
        "paragraphs": paras,
        "captions": list(captions),
        "figures": figures_of(fig_src),
    }
    printed = [
        g["title"],
        g["subtitle"] or "",
        byline or "",
        *heads,
        *[p["text"] for p in paras],
        *captions,
    ]
    g["entities"], g["optional_entities"] = entities_of(a, printed)
    return g


def entities_of(a: dict, printed: list[str]) -> tuple[dict, dict]:
    listed = []
    for t, names in a["entities"].items():
        listed += [(t, n, True) for n in names]
    for t, names in a.get("optional", {}).items():
        listed += [(t, n, False) for n in names]
    allnames = {n for _t, n, _g in listed}
    gold = {t: [] for t in ("PERSON", "ORG", "PLACE", "TICKER")}
    opt: dict[str, list[str]] = {}
    for t, n, is_gold in listed:
        outside = False
        inside = False
        for s in printed:
            for m in re.finditer(re.escape(n), s):
                inside = True
                covered = False
                for longer in allnames:
                    if len(longer) > len(n) and n in longer:
                        for lm in re.finditer(re.escape(longer), s):
                            if lm.start() <= m.start() and m.end() <= lm.end():
                                covered = True
                if not covered:
                    outside = True
        if is_gold and outside:
            gold[t].append(n)
        elif not is_gold and inside:
            opt.setdefault(t, []).append(n)
    return gold, opt


# ----------------------------------------------------------------------------- pages


def title_block(page, a, x, top, w, size, face="Z", lines=None, align="c", group=0, bold=True):
    lines = lines or [plain(t) for t in a["title"]]
    y = top
    for t in lines:
        page.text(face, size, x, y, t, align=align, width=w, group=group, bold=bold)
        y += size * 1.3
    return y


def page1(out: Path) -> dict:
    a = ARTICLES["a01"]
    p = Page("B1")
    p.header("数字金融")
    L, R = 40.0, 740.0
    g = 0
    p.text("H", 12, L, 88, a["kicker"], align="c", width=R - L, group=g)
    p.rule(330, 106, 450, 106, lw=0.8)
    y = title_block(p, a, L, 114, R - L, 32, group=g)
    p.text("S", 10.5, L, y + 4, a["byline"], align="r", width=R - L, group=g)
    top = y + 26
    p.rule(L, top - 6, R, top - 6, lw=0.8)
    widths = [196, 160, 160, 160]
    gut = 8.0
    xs = [L]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gut)
    # the chart sits at the top of columns 3-4, the text runs on under it
    ct, cb = top, top + 236.0
    frames = [
        (xs[0], top, widths[0], 2000.0),
        (xs[1], top, widths[1], 2000.0),
        (xs[2], cb + 12, widths[2], 2000.0),
        (xs[3], cb + 12, widths[3], 2000.0),
    ]
    st = Style(10.2, 16.5, just=True, indent=2.0, head_mark="■ {}", head_size=11.5)
    items = body_items(a)
    depth = balanced(p, items, frames, st, lambda fi, ii: 10 + fi)
    for k in (1, 2):
        p.rule(xs[k] - gut / 2, top, xs[k] - gut / 2, top + depth, lw=0.4)
    p.rule(xs[3] - gut / 2, cb + 8, xs[3] - gut / 2, top + depth, lw=0.4)
    ch = a["chart"]
    cx, cw = xs[2], widths[2] + gut + widths[3]
    p.rect(cx, ct, cw, cb - ct, stroke=0, lw=0.8)
    p.text("H", 10.5, cx + 8, ct + 8, ch["title"], group=30)
    p.text("S", 8, cx + 8, ct + 30, ch["unit"], group=31)
    base = cb - 48
    maxv = 110.0
    bw = 34
    for k, (lab, val) in enumerate(ch["bars"]):
        bx = cx + 30 + k * 62
        h = float(val) / maxv * 124
        p.rect(bx, base - h, bw, h, fill=0.35)
        p.text("S", 8, bx - 6, base - h - 12, val, align="c", width=bw + 12, group=31)
        p.text("S", 8, bx - 10, base + 4, lab, align="c", width=bw + 20, group=31)
    p.rule(cx + 20, base, cx + cw - 12, base, lw=0.6)
    p.text("S", 8.5, cx + 8, cb - 20, ch["source"], group=32)
    p.furniture += [ch["unit"]] + [v for _l, v in ch["bars"]] + [lab for lab, _v in ch["bars"]]
    p.footer("编辑 卢思齐 美编 谭一禾 校对 马知秋")
    p.write(out / "page.pdf", "td")
    gold = part_gold(
        a,
        "".join(a["title"]),
        a["kicker"],
        a["byline"],
        items,
        st,
        captions=[ch["title"], ch["source"]],
    )
    layout = {
        "cols": [4],
        "order": "reading",
        "text_objects": "one per column (lines by relative Td); chart parts after",
        "justify": "TJ per-glyph adjustments",
        "indent": "2 em by position, no U+3000",
        "headings": "■ in sans",
        "rules": "vertical rules between columns",
        "chart": "boxed bar chart at the foot of columns 3-4",
        "widths": widths,
        "gutter": gut,
        "body": "10.2/16.5 pt UMing",
    }
    return finish(p, [gold], layout)


def page2(out: Path) -> dict:
    a, b = ARTICLES["a02"], ARTICLES["a03"]
    p = Page("B2")
    p.header("区域金融")
    L, R = 40.0, 740.0
    split = 470.0
    # left: a02 in three ragged columns, photo over columns 1-2
    p.text("Z", 26, L, 84, plain(a["title"][0]), group=1, bold=True)
    p.text("H", 12.5, L, 120, plain(a["deck"]), group=1)
    p.text("S", 9.5, L, 142, a["byline"], group=1)
    top = 162.0
    cw = [130, 130, 127]
    gut = 14
    xs = [L, L + cw[0] + gut, L + cw[0] + gut + cw[1] + gut]
    ph_top, ph_h = top, 170.0
    pw = cw[0] + gut + cw[1]
    p.image("Im1", L, ph_top, pw, ph_h, seed=2)
    cap = a["photo"]["caption"]
    credit = a["photo"]["credit"]
    # caption set in the photo's width, credit on its own line to the right
    capst = Style(8.5, 12.5, face="H", just=False, indent=0)
    cap_lines = []
    us = units(cap)
    pos = 0
    while pos < len(us):
        ln, pos = next_line(p.F["H"], 8.5, us, pos, pw)
        cap_lines.append(ln)
    cy = ph_top + ph_h + 4
    for ln in cap_lines:
        p.text("H", 8.5, L, cy, ln, group=5)
        cy += capst.lead
    p.text("H", 8.5, L, cy, credit, align="r", width=pw, group=5)
    cy += capst.lead + 6
    frames = [(xs[0], cy, cw[0], 2000), (xs[1], cy, cw[1], 2000), (xs[2], top, cw[2], 2000)]
    st_a = Style(
        9.6, 15.0, just=False, indent=0, gap=6.0, head_mark="【{}】", head_size=10.2, head_face="H"
    )
    items_a = body_items(a)
    # order the frames so column 3 (starting higher) follows columns 1-2
    balanced(p, items_a, frames, st_a, lambda fi, ii: 100 + ii)
    # right: a03 in two justified columns, bold headings
    bx = split
    bw = R - split
    y = title_block(p, b, bx, 84, bw, 21, face="H", align="l", group=2, bold=False)
    p.text("S", 9.5, bx, y + 2, b["byline"], align="l", width=bw, group=2)
    top_b = y + 24
    p.rule(bx, top_b - 7, R, top_b - 7, lw=0.4)
    c2 = (bw - 12) / 2
    frames_b = [(bx, top_b, c2, 2000), (bx + c2 + 12, top_b, c2, 2000)]
    st_b = Style(
        10.5,
        17.0,
        just=True,
        indent=2.0,
        head_mark="{}",
        head_kind="bold",
        head_size=11.0,
        head_face="Z",
    )
    items_b = body_items(b)
    balanced(p, items_b, frames_b, st_b, lambda fi, ii: 300 + ii)
    p.rule(split - 11, 80, split - 11, p.content_bottom(), lw=0.8)
    p.footer("编辑 卢思齐 美编 谭一禾 校对 钟予白")
    p.write(out / "page.pdf", "tm")
    ga = part_gold(
        a, a["title"][0], a["deck"], a["byline"], items_a, st_a, captions=[cap + " " + credit]
    )
    gb = part_gold(b, "".join(b["title"]), None, b["byline"], items_b, st_b)
    layout = {
        "cols": [3, 2],
        "order": "reading",
        "articles": "side by side, a vertical rule between",
        "text_objects": "one per paragraph piece (lines by Tm)",
        "left": "ragged, paragraph gaps, 【】 headings, photo over columns 1-2 with a "
        "wrapped caption and its credit on a line of its own",
        "right": "justified by TJ, indents, bold headings (render mode 2)",
    }
    return finish(p, [ga, gb], layout)


def page3(out: Path) -> dict:
    a = ARTICLES["a04"]
    p = Page("B3")
    p.header("公司债券")
    L, R = 40.0, 740.0
    # byline boxed at the top left, title to its right
    p.rect(L, 84, 120, 44, stroke=0, lw=0.6)
    by = a["byline"].split(" ")
    p.text("H", 9, L + 6, 90, by[0] + " " + by[1], group=1)
    p.text("H", 9, L + 6, 108, by[2], group=1)
    p.text("H", 24, L + 132, 84, plain(a["title"][0]), group=1)
    p.text("S", 11.5, L + 132, 116, a["deck"], group=1)
    top = 146.0
    p.rule(L, top - 8, R, top - 8, lw=1.2)
    gut = 7.0
    widths = [136, 136, 136, 136, R - L - 4 * 136 - 4 * gut]
    xs = [L]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gut)
    tb = a["table"]
    tx, tw = xs[3], widths[3] + gut + widths[4]
    ttop = top
    rows = [tb["head"]] + tb["rows"]
    p.rect(tx, ttop, tw, 22, fill=0.85)
    p.text("H", 10, tx, ttop + 5, tb["title"], align="c", width=tw)
    ry = ttop + 22
    colx = [tx + 4, tx + 126, tx + 200]
    for r in rows:
        for k, cell in enumerate(r):
            p.text("H" if r is rows[0] else "S", 8.5, colx[k], ry + 4, cell)
        ry += 17
        p.rule(tx, ry, tx + tw, ry, lw=0.3)
    p.text("S", 7.5, tx, ry + 4, tb["note"])
    ry += 18
    p.rect(tx, ttop, tw, ry - ttop, stroke=0, lw=0.6)
    p.furniture += [tb["title"], *[c for r in rows for c in r], tb["note"]]
    tbot = ry + 10
    frames = [
        (xs[0], top, widths[0], 2000),
        (xs[1], top, widths[1], 2000),
        (xs[2], top, widths[2], 2000),
        (xs[3], tbot, widths[3], 2000),
        (xs[4], tbot, widths[4], 2000),
    ]
    heads = iter(["一、{}", "二、{}", "三、{}"])
    marks = {}
    for s in a["body"]:
        if s.startswith("#"):
            marks[s[1:]] = next(heads).format(s[1:])
    st = Style(9.0, 13.6, just=True, indent=2.0, head_mark="{}", head_size=10.0)
    items = [("h", marks[t]) if k == "h" else (k, t) for k, t in body_items(a)]
    balanced(p, items, frames, st, lambda fi, ii: 0)
    p.footer("编辑 严若溪 美编 谭一禾 校对 马知秋")
    p.write(out / "page.pdf", "line")
    gold = part_gold(a, a["title"][0], a["deck"], a["byline"], items, st)
    layout = {
        "cols": [5],
        "order": "reading",
        "text_objects": "one per line (Tm)",
        "table": "募集资金使用计划 over columns 4-5 (furniture)",
        "byline": "boxed, top left, in two lines",
        "gutter": gut,
        "headings": "numbered 一、二、三、",
        "body": "9/13.6 pt justified by TJ",
    }
    return finish(p, [gold], layout)


def page4(out: Path) -> dict:
    a = ARTICLES["a05"]
    p = Page("B5")
    p.header("保险观察")
    L, R = 46.0, 734.0
    y = title_block(p, a, L, 90, R - L, 28, face="Z")
    p.text("S", 10.5, L, y + 2, a["byline"], align="c", width=R - L)
    top = y + 30
    gut = 30.0
    widths = [220, 210, R - L - 430 - 2 * gut]
    xs = [L, L + 220 + gut, L + 430 + 2 * gut]
    frames = [(xs[k], top, widths[k], 2000) for k in range(3)]
    st = Style(
        11.0,
        18.5,
        just=True,
        indent=0,
        gap=9.0,
        head_mark="{}",
        head_kind="reversed",
        head_size=11.5,
        head_lead=22.0,
        head_face="H",
        head_before=10,
    )
    items = body_items(a)
    balanced(p, items, frames, st, lambda fi, ii: 0)
    # an advertisement across the foot
    at = p.content_bottom() + 18
    p.rect(L, at, R - L, 90, stroke=0, lw=1.2)
    ad = ["岁稔农商银行", "普惠贷款 一站办理", "服务热线 96588"]
    p.text("Z", 22, L, at + 12, ad[0], align="c", width=R - L, bold=True)
    p.text("H", 13, L, at + 46, ad[1], align="c", width=R - L)
    p.text("S", 10, L, at + 68, ad[2], align="c", width=R - L)
    p.furniture += ad
    p.footer("编辑 严若溪 美编 韦小禾 校对 钟予白")
    p.write(out / "page.pdf", "shuffled")
    gold = part_gold(a, "".join(a["title"]), None, a["byline"], items, st)
    layout = {
        "cols": [3],
        "order": "shuffled",
        "text_objects": "one per line, all written in a shuffled order (seed 9)",
        "gutter": gut,
        "paragraphs": "gaps, no indent",
        "headings": "reversed bands",
        "ad": "boxed across the foot (furniture)",
        "body": "11/18.5 pt justified by TJ",
    }
    return finish(p, [gold], layout)


def page5(out: Path) -> dict:
    a, b = ARTICLES["a06"], ARTICLES["a07"]
    p = Page("B6")
    p.header("资本市场")
    L, R = 40.0, 740.0
    cut = next(i for i, s in enumerate(a["body"]) if "¦" in s)
    head_txt, _tail = a["body"][cut].split("¦")
    items_a = [*body_items(a, 0, cut), ("p", head_txt)]
    p.text("Z", 27, L, 84, plain(a["title"][0]), align="c", width=R - L, group=1, bold=True)
    p.text("H", 13, L, 122, plain(a["deck"]), align="c", width=R - L, group=1)
    p.text("S", 10, L, 146, a["byline"], align="c", width=R - L, group=1)
    top = 168.0
    gut = 10.0
    widths = [178, 160, 160, R - L - 498 - 3 * gut]
    xs = [L]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + gut)
    frames = [(xs[k], top, widths[k], 2000) for k in range(4)]
    st_a = Style(9.8, 15.6, just=True, indent=2.0, head_mark="■ {}", head_size=10.5)
    depth = balanced(p, items_a, frames, st_a, lambda fi, ii: 2)
    jump = "（下转B7版）"
    jt = top + depth + 2
    p.text("H", 9, xs[3], jt, jump, align="r", width=widths[3], group=3)
    p.furniture.append(jump)
    sep = jt + 22
    p.rule(L, sep, R, sep, lw=1.4)
    # a07 stacked below, three columns, ragged, ◆ headings
    y2 = sep + 12
    p.text("Z", 20, L, y2, plain(b["title"][0]), group=4, bold=True)
    p.text("S", 9.5, L, y2 + 30, b["byline"], group=4)
    top2 = y2 + 52
    c3 = (R - L - 2 * 16) / 3
    frames_b = [(L + k * (c3 + 16), top2, c3, 2000) for k in range(3)]
    st_b = Style(9.6, 15.2, just=False, indent=2.0, head_mark="◆ {}", head_size=10.2)
    items_b = body_items(b)
    d2 = balanced(p, items_b, frames_b, st_b, lambda fi, ii: 5)
    for k in (1, 2):
        p.rule(L + k * (c3 + 16) - 8, top2, L + k * (c3 + 16) - 8, top2 + d2, lw=0.4)
    p.footer("编辑 卢思齐 美编 韦小禾 校对 马知秋")
    p.write(out / "page.pdf", "tm")
    ga = part_gold(a, a["title"][0], a["deck"], a["byline"], items_a, st_a)
    gb = part_gold(b, b["title"][0], None, b["byline"], items_b, st_b)
    layout = {
        "cols": [4, 3],
        "order": "reading",
        "articles": "stacked, a rule between",
        "text_objects": "one per article (lines by Tm)",
        "jump": "a06 continues on B7 (p06) in the middle of a paragraph",
        "top": "justified, indents, ■ headings",
        "bottom": "ragged, ◆ headings, rules",
    }
    return finish(p, [ga, gb], layout)


def page6(out: Path) -> dict:
    a, b = ARTICLES["a06"], ARTICLES["a08"]
    p = Page("B7")
    p.header("资本市场")
    L, R = 40.0, 740.0
    cut = next(i for i, s in enumerate(a["body"]) if "¦" in s)
    tail = a["body"][cut].split("¦")[1]
    items_a = [("p", tail), *body_items(a, cut + 1)]
    # left block: the jump head and the tail of a06 in two narrow columns
    lw = 232.0
    p.rect(L, 84, lw, 30, fill=0.88)
    p.text("H", 14.5, L, 91, a["jump_title"], align="c", width=lw, group=1)
    jump = "（上接B6版）"
    p.text("S", 8.5, L, 122, jump, align="r", width=lw, group=1)
    p.furniture.append(jump)
    c = (lw - 9) / 2
    frames_a = [(L, 140, c, 2000), (L + c + 9, 140, c, 2000)]
    st_a = Style(9.0, 14.0, just=True, indent=2.0)
    balanced(p, items_a, frames_a, st_a, lambda fi, ii: 2)
    # right block: a08 in four columns of different widths
    bx = L + lw + 20
    bw = R - bx
    y = title_block(p, b, bx, 84, bw, 24, face="H", align="c", group=3, bold=False)
    p.text("S", 9.5, bx, y + 2, b["byline"], align="c", width=bw, group=3)
    top = y + 26
    widths = [122, 104, 104, bw - 330 - 3 * 10]
    xs = [bx]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + 10)
    frames_b = [(xs[k], top, widths[k], 2000) for k in range(4)]
    st_b = Style(
        9.4, 14.8, just=True, indent=2.0, head_mark="◆ {}", head_size=10.0, head_kind="centre"
    )
    items_b = body_items(b)
    balanced(p, items_b, frames_b, st_b, lambda fi, ii: 4)
    p.rule(L + lw + 10, 84, L + lw + 10, p.content_bottom(), lw=0.8)
    p.footer("编辑 卢思齐 美编 韦小禾 校对 钟予白")
    p.write(out / "page.pdf", "td")
    ga = part_gold(a, a["jump_title"], None, None, items_a, st_a)
    gb = part_gold(b, "".join(b["title"]), None, b["byline"], items_b, st_b)
    layout = {
        "cols": [2, 4],
        "order": "reading",
        "articles": "side by side",
        "text_objects": "one per article part (lines by relative Td)",
        "jump": "a06 tail from B6 (p05) under its jump head",
        "right": "four columns 122/104/104/… pt, centred ◆ headings",
    }
    return finish(p, [ga, gb], layout)


# ----------------------------------------------------------------------------- gold + texts


def finish(p: Page, parts: list[dict], layout: dict) -> dict:
    first = dict(parts[0])
    clean = {
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
    clean["articles"] = parts
    clean["furniture"] = p.furniture
    clean["layout"] = layout
    return clean


def extract(folder: Path) -> None:
    pdf = folder / "page.pdf"
    for name, args in (("pdftotext", []), ("pdftotext_raw", ["-raw"])):
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", *args, str(pdf), str(folder / f"{name}.txt")], check=True
        )
    import pypdfium2 as pdfium
    from pdfminer.high_level import extract_text
    from pypdf import PdfReader

    (folder / "pdfminer.txt").write_text(extract_text(str(pdf)), encoding="utf-8")
    (folder / "pypdf.txt").write_text(PdfReader(str(pdf)).pages[0].extract_text(), encoding="utf-8")
    doc = pdfium.PdfDocument(str(pdf))
    tp = doc[0].get_textpage()
    (folder / "pypdfium2.txt").write_text(tp.get_text_range(), encoding="utf-8", newline="")
    tp.close()
    doc.close()


def build_checks() -> None:
    """Checks against the articles: body lengths, paragraphs joined are the body."""
    golds = {
        f"p{k:02d}": json.loads((HERE / f"p{k:02d}" / "clean.json").read_text("utf-8"))
        for k in range(1, 7)
    }
    joined: dict[str, str] = {}
    order = ["a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08"]
    parts = [part for g in golds.values() for part in g["articles"]]
    assert len(parts) == 9, len(parts)
    owners = ["a01", "a02", "a03", "a04", "a05", "a06", "a07", "a06", "a08"]
    for aid, part in zip(owners, parts, strict=True):
        joined[aid] = joined.get(aid, "") + "".join(p["text"] for p in part["paragraphs"])
    for aid in order:
        body = plain("".join(s for s in ARTICLES[aid]["body"] if not s.startswith("#")))
        assert joined[aid] == body, aid
        assert 640 <= len(body) <= 750, (aid, len(body))
        for s in ARTICLES[aid]["body"]:
            for piece in s.split("¦"):
                assert piece.count("{") == piece.count("}"), (aid, "figure cut")
    print("build checks: bodies 640-750 characters, paragraphs joined = bodies, no figure cut")


def main() -> int:
    builders = [page1, page2, page3, page4, page5, page6]
    for k, build in enumerate(builders, 1):
        folder = HERE / f"p{k:02d}"
        folder.mkdir(exist_ok=True)
        clean = build(folder)
        (folder / "clean.json").write_text(
            json.dumps(clean, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        extract(folder)
    build_checks()
    import check_pages9

    return check_pages9.main()


if __name__ == "__main__":
    sys.exit(main())
