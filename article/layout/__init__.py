"""Layout: the pieces of text of PDF pages in, articles a person can read out (`Reflowed`).

Per page (`page.py`): the running header and footer come off, the rest is cut into regions along
white space (`xycut.py`), regions into lines (`geometry.py`), lines into paragraphs by indents,
short lines and fonts, with paragraphs joined across columns where the geometry says so
(`paragraphs.py`); each part gets its kind (`kinds.py`). Then `continued.py` stitches articles
continued on another page, and `assemble.py` writes the reading-order text and the blocks, with
their source lines in that text and their boxes on the page. Open `page.py` first.
"""

from article.layout.assemble import assemble
from article.layout.continued import stitch
from article.layout.page import lay_out_page
from article.model import PdfPage, Reflowed

__all__ = ["assemble", "lay_out", "lay_out_page", "stitch"]


def lay_out(pages: list[PdfPage]) -> tuple[str, Reflowed]:
    """Reading-order text and the blocks and articles of all pages."""
    return assemble(stitch([lay_out_page(page) for page in pages]))
