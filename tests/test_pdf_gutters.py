"""Columns a narrow gutter apart are read one after the other, never line by line across."""

from __future__ import annotations

from pathlib import Path

from pdf_fixture import NARROW_BODY, narrow_gutters

from article.analyze import analyze_path


def test_columns_two_millimetres_apart_are_read_down(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(narrow_gutters())
    doc = analyze_path(path, use_cache=False)
    texts = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert texts == list(NARROW_BODY)


def test_a_line_short_in_mid_sentence_does_not_end_its_paragraph(tmp_path: Path) -> None:
    from pdf_fixture import SHORT_INSIDE, short_line_inside

    path = tmp_path / "page.pdf"
    path.write_bytes(short_line_inside())
    texts = [b.text for b in analyze_path(path, use_cache=False).blocks]
    assert "".join(SHORT_INSIDE) in texts


def test_a_heading_hung_into_a_narrow_gutter_does_not_join_the_columns(tmp_path: Path) -> None:
    from pdf_fixture import HUNG_BODY, heading_hung_into_gutter

    path = tmp_path / "page.pdf"
    path.write_bytes(heading_hung_into_gutter())
    texts = [b.text for b in analyze_path(path, use_cache=False).blocks]
    assert HUNG_BODY[0] in texts and HUNG_BODY[1] in texts


def test_a_number_and_its_per_cent_sign_spread_apart_take_no_space() -> None:
    from article.layout.geometry import joined
    from article.model import Piece

    def piece(text: str, x0: float) -> Piece:
        return Piece(text, x0, 100.0, x0 + 5.0 * len(text), 110.0, 10.0, "Song")

    assert joined([piece("高出8", 0.0), piece("%", 18.0)]) == "高出8%"  # 3 pt apart: justified
    assert joined([piece("ABS", 0.0), piece("14", 18.0)]) == "ABS 14"
