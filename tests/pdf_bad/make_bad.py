"""Write the bad PDFs the tests feed to `jingdu analyze`: each must give one line and exit 2.

    /work/venv/bin/python tests/pdf_bad/make_bad.py

Made from tests/pages/p04/page.pdf with pypdf and reportlab (no system fonts needed):
encrypted.pdf (a user password), scanned.pdf (a page with only an image, no text layer),
garbage.pdf (fonts stripped of their ToUnicode maps and encodings, so the text is noise),
truncated.pdf (the first third of the file), notpdf.pdf (text named .pdf), empty.pdf (0 bytes).
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
PAGE = HERE.parent / "pages" / "p04" / "page.pdf"


def encrypted() -> bytes:
    """The page behind a user password."""
    writer = PdfWriter(clone_from=str(PAGE))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned() -> bytes:
    """A page that is one grey picture: what a scanner without OCR makes."""
    from PIL import Image

    image = Image.new("L", (200, 280), 200)
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=(595, 842), invariant=1)
    c.drawImage(ImageReader(image), 20, 20, 555, 800)
    c.showPage()
    c.save()
    return out.getvalue()


def garbage() -> bytes:
    """The page with every font's ToUnicode map removed: glyphs that map to no text."""
    reader = PdfReader(str(PAGE))
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            for key in ("/ToUnicode", "/Encoding"):
                if key in font:
                    del font[NameObject(key)]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main() -> None:
    """Write every bad file next to this script."""
    data = PAGE.read_bytes()
    files = {
        "encrypted.pdf": encrypted(),
        "scanned.pdf": scanned(),
        "garbage.pdf": garbage(),
        "truncated.pdf": data[: len(data) // 3],
        "notpdf.pdf": "这不是PDF，只是一段文字。\n".encode(),
        "empty.pdf": b"",
    }
    for name, content in files.items():
        (HERE / name).write_bytes(content)
        print(name, len(content))


if __name__ == "__main__":
    main()
