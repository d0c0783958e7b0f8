"""Blocks: clean text in, `RawBlock`s out (paragraphs and marker lines, with their source lines).

`split.py` cuts the text into blocks; `kinds.py` tells what each line is (title, byline, heading,
caption, Q&A turn …) by general rules. Open `split.py` first.
"""

from article.blocks.kinds import has_surname
from article.blocks.split import joiner, split_blocks
from article.blocks.wrapped import text_warnings

__all__ = ["has_surname", "joiner", "split_blocks", "text_warnings"]
