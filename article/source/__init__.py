"""Source: a file's bytes in, clean text out (`LoadedText`), or a PDF's pieces of text.

Finds the encoding, removes control characters and escape sequences, and names the file in every
`InputError`. Open `decode.py` first; `pdf.py` reads a PDF's text layer (pieces of text with
their boxes, font and size, per page) for the layout stage.
"""

from article.source.decode import (
    InputError,
    clean_text,
    load_text,
    read_bytes,
    safe_line,
    text_id,
)
from article.source.pdf import check_text_layer, is_pdf, open_pdf, read_page

__all__ = [
    "InputError",
    "check_text_layer",
    "clean_text",
    "is_pdf",
    "load_text",
    "open_pdf",
    "read_bytes",
    "read_page",
    "safe_line",
    "text_id",
]
