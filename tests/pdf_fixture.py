"""Small newspaper pages typeset at test time with reportlab's built-in CJK font (STSong-Light,
not embedded: no system font is needed), for layouts the committed pages do not have."""

from __future__ import annotations

import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
PAGE = (595.0, 842.0)


def _font() -> None:
    """Register the built-in CJK font once."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


class Column:
    """Sets text into one column: justified lines, 2-em first-line indents, a short last line."""

    def __init__(self, c: canvas.Canvas, x: float, top: float, width: float, size: float = 10):
        self.c, self.x, self.y, self.width, self.size = c, x, PAGE[1] - top, width, size
        self.per_line = int(width // size)

    def line(self, text: str, indent: int = 0, justify: bool = True) -> None:
        """One printed line, letters spread to the column's width when justified."""
        self.c.setFont(FONT, self.size)
        x = self.x + indent * self.size
        step = self.size
        if justify and len(text) > 1:
            step = (self.width - indent * self.size - self.size) / (len(text) - 1)
        for ch in text:
            self.c.drawString(x, self.y - self.size, ch)
            x += step
        self.y -= self.size * 1.5

    def paragraph(self, text: str, indent: bool = True) -> str:
        """Set a paragraph; returns what did not fit (to go on in the next column)."""
        first = True
        while text:
            room = self.per_line - (2 if first and indent else 0)
            chunk, text = text[:room], text[room:]
            if self.y - self.size < 60:
                return chunk + text
            self.line(chunk, 2 if first and indent else 0, justify=bool(text))
            first = False
        return ""


def two_page_continuation() -> bytes:
    """Page 1 ends an article with 下转2版; page 2 starts with 上接1版 and the rest of it."""
    _font()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=PAGE, invariant=1)
    c.setFont(FONT, 26)
    c.drawString(40, PAGE[1] - 70, "青川港口物流园扩建工程正式开工")
    c.setFont(FONT, 10)
    c.drawString(40, PAGE[1] - 95, "本报记者 林望舒 青川报道")
    body = (
        "青川港口物流园二期扩建工程日前正式开工，项目总投资约四十二亿元，预计两年后建成投用。" * 28
    )
    col = Column(c, 40, 115, 250)
    rest = col.paragraph(body)
    col = Column(c, 305, 115, 250)
    rest = col.paragraph(rest, indent=False)
    col.paragraph("园区负责人表示，扩建完成后年吞吐能力将提高三成。")
    tail = col.paragraph("据介绍，二期工程将新建三座智能仓库和一条铁路专用线，建成后可与港区" * 30)
    col.line("（下转2版）", justify=False)
    c.showPage()
    col = Column(c, 40, 60, 250)
    col.line("（上接1版）", justify=False)
    col.paragraph(tail + "实现无缝衔接。", indent=False)
    col.paragraph("业内人士认为，这将带动周边县市的物流企业加快转型。")
    c.showPage()
    c.save()
    return out.getvalue()


NARROW_BODY = (
    "澄屿市货币基金的收益率仍在回落，二季度末全市场七日年化收益率均值为一点二八，"
    "比年初下降三十一个基点，已有四十多只基金跌破一点二。",
    "研究员莫千帆分析，存款利率下调后，不少个人投资者把活期存款转投货币基金，"
    "后者的收益仍高出活期利率一截，规模因此逆势增长。",
    "一家中型基金公司的固定收益部总监宋以恒说，费率降低后，每一亿元规模一年少收"
    "管理费约十八万元，公司只能靠扩大规模摊薄成本。",
)


def narrow_gutters() -> bytes:
    """Four columns of small type a 2 mm gutter apart (0.55 em): one article flowing through
    them, its paragraphs cut at the column feet."""
    _font()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=PAGE, invariant=1)
    c.setFont(FONT, 20)
    c.drawString(40, PAGE[1] - 60, "澄屿货币基金收益率回落")
    width, gutter, size = 117.0, 5.0, 9.0
    columns = [Column(c, 40 + i * (width + gutter), 90, width, size) for i in range(4)]
    bottom = PAGE[1] - 90 - 9 * size * 1.5  # nine lines a column
    rest, paragraphs = "", list(NARROW_BODY)
    for col in columns:
        while rest or paragraphs:
            text, indent = (rest, False) if rest else (paragraphs.pop(0), True)
            rest = _fill(col, text, indent, bottom)
            if rest:
                break
    c.showPage()
    c.save()
    return out.getvalue()


def _fill(col: Column, text: str, indent: bool, bottom: float) -> str:
    """Set a paragraph into a column down to `bottom`; returns what did not fit."""
    first = True
    while text:
        room = col.per_line - (2 if first and indent else 0)
        chunk, text = text[:room], text[room:]
        if col.y - col.size < bottom:
            return chunk + text
        col.line(chunk, 2 if first and indent else 0, justify=bool(text))
        first = False
    return ""


SHORT_INSIDE = (
    "澄川银行相关负责人介绍，评级较高的核心企业开出的供应链票据，贴现利率最低的接近",
    "一点三个百分点。",
)


def short_line_inside() -> bytes:
    """A paragraph whose next-to-last line ends short in mid-sentence (a word kept whole
    pushed to the last line), then a second paragraph."""
    _font()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=PAGE, invariant=1)
    col = Column(c, 60, 80, 200)
    first, rest = SHORT_INSIDE[0], SHORT_INSIDE[0]
    col.line(first[:18], indent=2)
    rest = first[18:]
    while len(rest) > col.per_line:
        col.line(rest[: col.per_line])
        rest = rest[col.per_line :]
    col.line(rest, justify=False)  # short, and the sentence goes on
    col.line(SHORT_INSIDE[1], justify=False)
    col.paragraph("园区负责人表示，扩建完成后年吞吐能力将提高三成。")
    c.showPage()
    c.save()
    return out.getvalue()


HUNG_BODY = (
    "澄川港的融资租赁船舶今年明显增多，境外买家对绿色动力船和新型节能船的兴趣明显更高，"
    "同样船龄的绿色船舶报价能高出一成左右，交易也更活跃。",
    "记者从当地了解到，前三季度完成跨境转让的船舶共有四十多艘，其中绿色船舶占到一半以上，"
    "多数买家来自欧洲和东南亚。",
)


def heading_hung_into_gutter() -> bytes:
    """Two columns of small type a narrow gutter apart, a heading in larger type in the first
    that hangs into the gutter."""
    _font()
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=PAGE, invariant=1)
    width, gutter, size = 104.0, 5.0, 8.0
    left = Column(c, 40, 80, width, size)
    right = Column(c, 40 + width + gutter, 80, width, size)
    left.paragraph(HUNG_BODY[0])
    c.setFont(FONT, 9.5)
    c.drawString(52, left.y - 12, "■澄川港船舶转让提速")  # runs into the gutter
    left.y -= 20
    left.paragraph(HUNG_BODY[1])
    right.paragraph(HUNG_BODY[1][::-1][:40] + "。")
    c.showPage()
    c.save()
    return out.getvalue()
