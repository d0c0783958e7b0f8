"""Source: a file's bytes in, clean text out (`LoadedText`), or a PDF's pieces of text.

Finds the encoding, removes control characters and escape sequences, and names the file in every
`InputError`. Open `decode.py` first; `pdf.py` reads a PDF's text layer (pieces of text with
their boxes, font and size, per page) for the layout stage.
"""

from article.source.decode import (
    InputError,
    clean_text,
    is_pdf,
    load_text,
    read_bytes,
    safe_line,
    text_id,
)

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


def __getattr__(name: str) -> object:
    """The PDF reader's functions, imported on first use: reading text needs none of them."""
    if name in _PDF_NAMES:
        from article.source import pdf

        return getattr(pdf, name)
    raise AttributeError(name)


_PDF_NAMES = frozenset({"check_text_layer", "open_pdf", "read_page"})
