"""Read a PDF's text layer with PDFium: pieces of text with their boxes, font and size.

PDFium (through pypdfium2) is fast and permissively licensed; a ctypes call costs about a
microsecond, so we never ask per character where we can ask per run. The page text comes in one
call; PDFium breaks it at line ends and at wide gaps, so each run of non-blank characters is one
piece on one line. Only its first and last character are measured; when they disagree (another
line, another font, a gap too wide for the run) the run is measured character by character.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from pathlib import Path

from article.model import PdfPage, Piece
from article.source.decode import PDF_MAGIC, InputError

_RUN = re.compile(r"\S+")
_STROKED = (1, 2, 5, 6)  # render modes that stroke the glyphs: fake bold
_NAME_BUFFER = 128
_HEAVY = re.compile(r"bold|black|heavy|demi|semibold|粗|黑", re.IGNORECASE)


def open_pdf(path: str | Path, data: bytes) -> object:
    """The pypdfium2 document; InputError names encrypted, damaged or non-PDF files."""
    import pypdfium2 as pdfium

    if not data.strip():
        raise InputError(path, "empty file, nothing to read")
    if PDF_MAGIC not in data[:1024]:
        raise InputError(path, "not a PDF file (no %PDF- header)")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        message = str(err).lower()
        if "password" in message:
            raise InputError(path, "encrypted PDF (needs a password); cannot read it") from None
        raise InputError(path, f"damaged or truncated PDF; cannot read it ({err})") from None


class _Chars:
    """Per-character queries on one PDFium text page, with reusable ctypes buffers."""

    def __init__(self, textpage: object, height: float) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        self.page = textpage
        self.height = height
        self.rect = raw.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.name = ctypes.create_string_buffer(_NAME_BUFFER)
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)

    def box(self, k: int) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) of character k, top-left origin."""
        self.raw.FPDFText_GetLooseCharBox(self.page, k, self.rect_ref)
        r = self.rect
        return r.left, self.height - r.top, r.right, self.height - r.bottom

    def size(self, k: int) -> float:
        """Font size of character k in points."""
        return float(self.raw.FPDFText_GetFontSize(self.page, k))

    def style(self, k: int) -> str:
        """Font name of character k (subset prefix dropped)."""
        self.raw.FPDFText_GetFontInfo(self.page, k, self.name, _NAME_BUFFER, self.flags_ref)
        name = self.name.value.decode("latin-1", "replace")
        return name.split("+", 1)[-1]

    def bold(self, k: int, style: str) -> bool:
        """Drawn stroked (fake bold) or from a font named heavy."""
        if _HEAVY.search(style):
            return True
        obj = self.raw.FPDFText_GetTextObject(self.page, k)
        return bool(obj) and self.raw.FPDFTextObj_GetTextRenderMode(obj) in _STROKED


def page_text(textpage: object, count: int) -> str:
    """All characters of a text page in one call (PDFium's own line breaks included)."""
    import pypdfium2.raw as raw

    if count <= 0:
        return ""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    text = buffer.raw[: 2 * count].decode("utf-16-le", "replace")
    if len(text) != count:  # characters beyond the BMP: ask one by one so indices line up
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, k) or 0xFFFD) for k in range(count))
    return text


def _piece(chars: _Chars, text: str, start: int, end: int) -> Piece | None:
    """The run [start, end) as one piece, or None when it must be measured char by char."""
    last = end - 1
    x0, top, _x1, bottom = chars.box(start)
    lx0, ltop, x1, lbottom = chars.box(last)
    size = chars.size(start)
    if size <= 0:
        return None
    if abs(lbottom - bottom) > 0.25 * size or lx0 < x0 - 0.1 * size:
        return None
    if x1 - x0 > (end - start) * size * 1.3 + size:  # a gap inside: two columns in one run
        return None
    style = chars.style(start)
    if end - start > 1 and chars.style(last) != style:
        return None
    return Piece(text[start:end], x0, min(top, ltop), x1, max(bottom, lbottom), size, style,
                 chars.bold(start, style))  # fmt: skip


def _split_run(chars: _Chars, text: str, start: int, end: int) -> Iterator[Piece]:
    """A run measured per character, cut where the line, the font or a wide gap changes."""
    current: Piece | None = None
    for k in range(start, end):
        x0, top, x1, bottom = chars.box(k)
        size, style = chars.size(k), chars.style(k)
        if current is not None and _continues(current, x0, bottom, size, style):
            current.text += text[k]
            current.x1, current.top = max(current.x1, x1), min(current.top, top)
            current.bottom = max(current.bottom, bottom)
            continue
        if current is not None:
            yield current
        current = Piece(text[k], x0, top, x1, bottom, size, style, chars.bold(k, style))
    if current is not None:
        yield current


def _continues(piece: Piece, x0: float, bottom: float, size: float, style: str) -> bool:
    """Whether a character at x0 on `bottom` carries on the piece (same line, font, no gap)."""
    if style != piece.style or abs(size - piece.size) > 0.05 * piece.size:
        return False
    if abs(bottom - piece.bottom) > 0.25 * size:
        return False
    return piece.x1 - 0.3 * size <= x0 <= piece.x1 + 0.8 * size


def read_page(document: object, index: int) -> PdfPage:
    """Page `index` (0-based) as pieces of text."""
    import pypdfium2.raw as raw

    page = document[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            count = raw.FPDFText_CountChars(textpage.raw)
            text = page_text(textpage.raw, count)
            chars = _Chars(textpage.raw, height)
            pieces: list[Piece] = []
            for match in _RUN.finditer(text):
                start, end = match.span()
                piece = _piece(chars, text, start, end)
                pieces.extend([piece] if piece else _split_run(chars, text, start, end))
        finally:
            textpage.close()
    finally:
        page.close()
    return PdfPage(index + 1, width, height, pieces)


# Characters no news text is made of: controls, accented Latin (what glyph codes without a
# Unicode map come out as), surrogates, private use and the replacement character.
_ODD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\u024f\ud800-\uf8ff\ufffd]")


def unreadable_share(pages: list[PdfPage]) -> float:
    """Share of characters that are no text: unmapped glyphs, controls, private use."""
    text = "".join(piece.text for page in pages for piece in page.pieces)
    return len(_ODD.findall(text)) / len(text) if text else 0.0


def check_text_layer(path: str | Path, pages: list[PdfPage]) -> None:
    """InputError for a PDF without a usable text layer (a scan, or fonts without Unicode)."""
    chars = sum(len(p.text) for page in pages for p in page.pieces)
    if chars == 0:
        raise InputError(path, "PDF has no text layer (a scanned image?); nothing to read")
    if unreadable_share(pages) > 0.2:
        raise InputError(path, "PDF fonts map to no Unicode text (garbage characters)")
