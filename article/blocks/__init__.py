"""Blocks: clean text in, `RawBlock`s out (paragraphs and marker lines, with their source lines).

`split.py` cuts the text into blocks; `kinds.py` tells what each line is (title, byline, heading,
caption, Q&A turn …) by general rules. Hard-wrapped extractor text (pdftotext, pdfminer, pypdf,
pypdfium2, a viewer's copy) goes through `wrapped.py`, which unwraps lines by their shape
(`lines.py`) and tells titles (`heads.py`) and page furniture (`furniture.py`) apart without
markup. Open `split.py` first.
"""

from article.blocks.furniture import (
    CAPTION_RE,
    PHOTO_CAPTION,
    is_advert,
    is_source_line,
    marked_heading,
)
from article.blocks.heads import byline_text
from article.blocks.kinds import has_surname, line_kind
from article.blocks.split import joiner, split_blocks, split_with_warnings, text_warnings

__all__ = [
    "CAPTION_RE",
    "PHOTO_CAPTION",
    "byline_text",
    "has_surname",
    "is_advert",
    "is_source_line",
    "joiner",
    "line_kind",
    "marked_heading",
    "split_blocks",
    "split_with_warnings",
    "text_warnings",
]
