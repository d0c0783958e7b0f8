"""Page geometry a fourth typesetter used: columns set close with punctuation hung into the
gutter, and ragged-right columns of which one happens to end few lines short."""

from __future__ import annotations

from article.layout import lay_out_page
from article.layout.geometry import Metrics
from article.layout.xycut import regions
from article.model import PARAGRAPH, TITLE, PdfPage, Piece

SIZE = 9.5
PITCH = 13.8
TEXT = "银行保险证券基金信托期货租赁理财业务规模"


def _column(
    x0: float, x1: float, top: float, rows: int, shorts: set[int], hang: bool
) -> list[Piece]:
    """One column of body lines; lines in `shorts` end 1.5 ems short; with `hang`, every third
    line ends with a full stop hung one em into the gutter."""
    pieces = []
    for r in range(rows):
        text, right = TEXT[r % 7 : r % 7 + 12], x1
        if hang and r % 3 == 1:
            text, right = text[:-1] + "。", x1 + SIZE
        if r in shorts:
            right = x1 - 1.5 * SIZE
        y = top + r * PITCH
        pieces.append(Piece(text, x0, y, right, y + SIZE, SIZE, "Song"))
    return pieces


def test_columns_set_close_with_hung_punctuation_still_read_apart() -> None:
    gutter = 1.2 * SIZE
    cols = [(28.0 + k * (125.0 + gutter), 28.0 + k * (125.0 + gutter) + 125.0) for k in range(4)]
    pieces = [p for x0, x1 in cols for p in _column(x0, x1, 100.0, 12, set(), hang=True)]
    leaves = regions(pieces, Metrics(SIZE, "Song", PITCH))
    assert len(leaves) == len(cols)
    assert all(len({round(p.x0) for p in leaf.pieces}) == 1 for leaf in leaves)


def test_a_column_of_a_ragged_page_with_few_short_lines_still_runs_on() -> None:
    title = Piece("一个标题", 28.0, 50.0, 200.0, 78.0, 28.0, "Hei")
    ragged = {1, 3, 4, 6, 8, 9}
    pieces = [
        *_column(28.0, 153.0, 100.0, 12, ragged, hang=False),
        *_column(165.0, 290.0, 100.0, 12, ragged, hang=False),
        *_column(302.0, 427.0, 100.0, 12, {5}, hang=False),  # one line short in twelve
    ]
    parts = lay_out_page(PdfPage(1, 595.0, 842.0, [title, *pieces]))
    paragraphs = [p for p in parts if p.kind == PARAGRAPH]
    assert [len(p.lines) for p in paragraphs] == [36]  # no line ends a sentence: one paragraph


def test_a_jump_head_over_its_continuation_marker_is_the_title() -> None:
    head = Piece("临江锂电扩产计划", 28.0, 60.0, 140.0, 71.0, 11.0, "Hei", bold=True)
    marker = Piece("（上接B2版）", 28.0, 76.0, 90.0, 85.5, SIZE, "Song")
    body = _column(28.0, 153.0, 100.0, 12, set(), hang=False)
    parts = lay_out_page(PdfPage(1, 595.0, 842.0, [head, marker, *body]))
    kinds = {p.text: p.kind for p in parts}
    assert kinds["临江锂电扩产计划"] == TITLE
