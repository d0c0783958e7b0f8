"""Page geometry the layout stage must read from pieces alone: a title or byline set close
over the columns, ragged-right columns, a title's own lines; and the second page corpus
(tests/pages2, typeset by another hand) read back as its paragraphs."""

from __future__ import annotations

import json
import random
import re
from functools import cache
from pathlib import Path

import pytest

from article.analyze import open_text, structure
from article.layout import lay_out, lay_out_page
from article.layout.geometry import Metrics
from article.layout.xycut import regions
from article.model import BYLINE, CAPTION, HEADING, PARAGRAPH, SUBTITLE, TITLE, PdfPage, Piece

BODY_SIZE = 10.0
PITCH = 17.0
COLUMNS = [(36.0, 216.0), (232.0, 412.0), (428.0, 608.0)]
PAGES2 = Path(__file__).resolve().parent / "pages2"


def _column_text(col: int, rows: int) -> list[str]:
    """Distinct 18-character lines for one column, each a run of one paragraph."""
    words = "银行保险证券基金信托期货租赁理财"
    return [
        (words[(col * 5 + r) % 16] + "业务持续增长规模稳步扩大同比提升"[:17]) for r in range(rows)
    ]


def _body(top: float, rows: int, ragged: bool = False, ends: bool = False) -> list[Piece]:
    """Columns of body lines on one grid; ragged ones end up to two ems short; with `ends`,
    each column's last line ends its paragraph: a sentence end, well short of the edge."""
    pieces = []
    for c, (x0, x1) in enumerate(COLUMNS):
        for r, text in enumerate(_column_text(c, rows)):
            short = (r * 7 % 3) * BODY_SIZE * 0.8 if ragged else 0.0
            if ends and r == rows - 1:
                text, short = text[:8] + "。", 9 * BODY_SIZE
            y = top + r * PITCH
            pieces.append(Piece(text, x0, y, x1 - short, y + BODY_SIZE, BODY_SIZE, "Song"))
    return pieces


def _metrics() -> Metrics:
    return Metrics(BODY_SIZE, "Song", PITCH)


def _lines_of_leaves(pieces: list[Piece]) -> list[set[str]]:
    """The texts of each leaf region."""
    return [{p.text for p in leaf.pieces} for leaf in regions(pieces, _metrics())]


def test_a_title_set_close_over_its_columns_is_cut_off_before_them() -> None:
    # the title spans every gutter and stands nearer the text than white space between articles
    title = Piece("数据资产入表进程加快", 100.0, 100.0, 500.0, 128.0, 28.0, "Hei")
    body = _body(140.0, 6)
    leaves = _lines_of_leaves([title, *body])
    assert leaves[0] == {title.text}
    assert all(len({p.text[:1] for p in body if p.text in leaf}) <= 6 for leaf in leaves[1:])
    assert len(leaves) == 1 + len(COLUMNS)  # the columns read apart, not row by row


def test_a_byline_centred_over_a_gutter_does_not_merge_two_columns() -> None:
    byline = Piece("本报记者 柴青 郑州报道", 170.0, 115.0, 280.0, 124.5, 9.5, "Song")
    leaves = _lines_of_leaves([byline, *_body(135.0, 6)])
    assert leaves[0] == {byline.text}
    assert len(leaves) == 1 + len(COLUMNS)


def test_a_deck_and_a_centred_byline_under_it_are_cut_off_over_the_columns() -> None:
    deck = Piece(
        "一季度末理财规模约29万亿元，含权产品新发数量同比增长",
        50.0,
        100.0,
        590.0,
        109.0,
        9.0,
        "Song",
    )
    byline = Piece("本报记者 柴青 郑州报道", 170.0, 118.0, 280.0, 127.0, 9.0, "Song")
    leaves = _lines_of_leaves([deck, byline, *_body(140.0, 6)])
    assert leaves[:2] == [{deck.text}, {byline.text}]
    assert len(leaves) == 2 + len(COLUMNS)


def test_a_byline_set_above_the_title_goes_with_the_head_band() -> None:
    byline = Piece("本报记者 钟一", 36.0, 80.0, 100.0, 89.0, 9.0, "Song")
    title = Piece("某城投公司发行蓝色债券", 36.0, 93.0, 400.0, 121.0, 28.0, "Hei")
    leaves = _lines_of_leaves([byline, title, *_body(125.5, 6)])
    assert leaves[0] == {byline.text, title.text}
    assert len(leaves) == 1 + len(COLUMNS)  # the columns read apart under the head


def test_a_title_whose_second_line_holds_two_pieces_stays_one_region() -> None:
    first = Piece("专访某某公司财务总监：", 40.0, 90.0, 460.0, 118.0, 28.0, "Hei")
    left = Piece("用好科创债与并购贷款", 40.0, 126.0, 340.0, 154.0, 28.0, "Hei")
    right = Piece("加速“出海”", 349.0, 125.4, 489.0, 154.0, 28.0, "Hei")
    leaves = _lines_of_leaves([first, left, right, *_body(170.0, 6)])
    assert {first.text, left.text, right.text} in leaves


def _page_of(pieces: list[Piece]) -> PdfPage:
    return PdfPage(1, 842.0, 1191.0, pieces)


def test_ragged_right_lines_run_on_until_a_gap_ends_the_paragraph() -> None:
    title = Piece("一个标题", 36.0, 60.0, 200.0, 88.0, 28.0, "Hei")
    top = _body(110.0, 5, ragged=True, ends=True)
    below = _body(110.0 + 5 * PITCH + 12.0, 5, ragged=True, ends=True)
    parts = lay_out_page(_page_of([title, *top, *below]))
    paragraphs = [p for p in parts if p.kind == PARAGRAPH]
    assert len(paragraphs) == 2 * len(COLUMNS)  # one per column per gap, however ragged
    assert all(len(p.lines) == 5 for p in paragraphs)


def test_a_byline_over_the_last_column_is_read_right_after_the_title() -> None:
    title = Piece("一个标题", 36.0, 60.0, 300.0, 88.0, 28.0, "Hei")
    byline = Piece("本报记者 柯一 临江报道", 480.0, 96.0, 606.0, 105.5, 9.5, "Song")
    parts = lay_out_page(_page_of([title, byline, *_body(125.0, 6)]))
    kinds = [p.kind for p in parts]
    assert kinds[:2] == [TITLE, BYLINE]


# The second corpus, typeset by another hand: its PDF pages read back as their paragraphs.
_SPACE = re.compile(r"\s+")
_FLOORS = {"q06": 0.7, "q07": 0.7}  # shuffled frames and an ideographic-space indent: known gaps


@cache
def _document(page: str):
    return structure(open_text(PAGES2 / page / "page.pdf"))


def _gold_paragraphs(page: str) -> list[str]:
    gold = json.loads((PAGES2 / page / "clean.json").read_text("utf-8"))
    return [_SPACE.sub("", p["text"]) for a in gold["articles"] for p in a["paragraphs"]]


def _clean_share(page: str) -> float:
    """Gold paragraphs found whole in one block at most 5% longer (the scorer's 'clean')."""
    blocks = [_SPACE.sub("", b.text) for b in _document(page).blocks]
    gold = _gold_paragraphs(page)
    clean = sum(1 for p in gold if any(p in b and len(b) <= 1.05 * len(p) for b in blocks))
    return clean / len(gold)


@pytest.mark.parametrize("page", sorted(p.name for p in PAGES2.glob("q*") if p.is_dir()))
def test_pages_of_another_hand_read_back_as_their_paragraphs(page: str) -> None:
    assert _clean_share(page) >= _FLOORS.get(page, 0.9)


def test_a_credit_in_the_body_type_atop_a_column_is_a_byline() -> None:
    title = Piece("一个标题", 36.0, 60.0, 300.0, 88.0, 28.0, "Hei")
    credit = Piece("本报记者 米黎", 36.0, 100.0, 100.0, 110.0, BODY_SIZE, "Song")
    body = [
        Piece(p.text, p.x0, p.top + 17.0, p.x1, p.bottom + 17.0, p.size, p.style)
        for p in _body(100.0, 6)
    ]
    kinds = [p.kind for p in lay_out_page(_page_of([title, credit, *body]))]
    assert kinds[:3] == [TITLE, BYLINE, PARAGRAPH]


def test_a_heading_under_a_photo_caption_stays_a_heading() -> None:
    title = Piece("一个标题", 36.0, 60.0, 300.0, 88.0, 28.0, "Hei")
    caption = Piece("图为一家银行网点的宣传展板。", 36.0, 100.0, 180.0, 108.5, 8.5, "Hei")
    heading = Piece("二、投资收益波动加大", 36.0, 120.0, 150.0, 131.0, 11.0, "HeiBold")
    body = [p for p in _body(140.0, 6) if p.x0 == COLUMNS[0][0]]
    kinds = {p.text: p.kind for p in lay_out_page(_page_of([title, caption, heading, *body]))}
    assert kinds[caption.text] == CAPTION and kinds[heading.text] == HEADING


def test_pieces_of_no_size_do_not_break_the_page() -> None:
    # a damaged font may report size 0: the page still lays out
    odd = [Piece(p.text, p.x0, p.top, p.x1, p.bottom, 0.0, p.style) for p in _body(100.0, 20)]
    parts = lay_out_page(_page_of([*_body(300.0, 12), *odd]))
    assert parts


def test_random_pages_of_odd_pieces_never_crash_the_layout() -> None:
    rng = random.Random(5)
    chars = "银行贷款企业数据市场利率。，“”记者表示12345%ABC"
    for _ in range(150):
        pieces = []
        for _ in range(rng.randint(0, 50)):
            x0, width, y = rng.uniform(-50, 800), rng.uniform(0, 300), rng.uniform(-20, 1200)
            size = rng.choice([0.0, 0.1, 6, 9, 10, 10.5, 14, 28, 60])
            text = "".join(rng.choice(chars) for _ in range(rng.randint(1, 20)))
            bottom = y + size * rng.uniform(0, 1.3)
            pieces.append(Piece(text, x0, y, x0 + width, bottom, size, rng.choice("AB")))
        lay_out([_page_of(pieces)])


def test_a_byline_keeps_the_thin_spaces_between_its_pieces() -> None:
    title = Piece("一个标题", 36.0, 60.0, 300.0, 88.0, 28.0, "Hei")
    credit = [
        Piece("本报记者", 36.0, 100.0, 74.0, 109.5, 9.5, "Kai"),
        Piece("柯一", 76.4, 100.0, 95.4, 109.5, 9.5, "Kai"),
        Piece("临江报道", 97.8, 100.0, 135.8, 109.5, 9.5, "Kai"),
    ]
    deck = [
        Piece("年内九单项目获批", 36.0, 92.0, 132.0, 98.0, 12.0, "Hei"),
        Piece("险资成为主力", 135.1, 92.0, 207.1, 98.0, 12.0, "Hei"),
    ]
    parts = lay_out_page(_page_of([title, *deck, *credit, *_body(125.0, 6)]))
    assert [p.text for p in parts if p.kind == BYLINE] == ["本报记者 柯一 临江报道"]
    assert [p.text for p in parts if p.kind == SUBTITLE] == ["年内九单项目获批 险资成为主力"]


def test_columns_under_a_photo_go_on_from_their_own_tops() -> None:
    from article.layout.photos import around_photos

    def column(c: int, top: float, rows: int, tag: str) -> list[Piece]:
        x0, x1 = COLUMNS[c]
        return [
            Piece(
                f"{tag}{c}{r}银行业务持续增长规模稳步扩大",
                x0,
                top + r * PITCH,
                x1,
                top + r * PITCH + BODY_SIZE,
                BODY_SIZE,
                "Song",
            )
            for r in range(rows)
        ]

    first = column(0, 100.0, 14, "全")
    tops = column(1, 100.0, 4, "上") + column(2, 100.0, 4, "上")
    caption = Piece(
        "▲临江港区的集装箱码头。",
        232.0,
        100.0 + 8 * PITCH,
        520.0,
        100.0 + 8 * PITCH + 9.0,
        9.0,
        "Song",
    )
    bottoms = column(1, 100.0 + 10 * PITCH, 4, "下") + column(2, 100.0 + 10 * PITCH, 4, "下")
    leaves = around_photos(regions([*first, *tops, caption, *bottoms], _metrics()), BODY_SIZE)
    order = [leaf.pieces[0].text[:2] for leaf in leaves]
    assert order == ["全0", "上1", "下1", "上2", "下2", "▲临"]


def test_a_heading_right_over_a_byline_is_the_story_s_title() -> None:
    # a second story's title set white on a band, no larger than a heading, its byline under it
    first = _body(110.0, 6, ends=True)
    head = Piece("临江科创债发行提速", 36.0, 230.0, 200.0, 241.0, 11.0, "Hei", bold=True)
    byline = Piece("本报记者 柯一 临江报道", 36.0, 248.0, 160.0, 257.5, 9.5, "Song")
    second = _body(270.0, 6, ends=True)
    parts = lay_out_page(_page_of([*first, head, byline, *second]))
    kinds = {p.text: p.kind for p in parts}
    assert kinds[head.text] == TITLE
