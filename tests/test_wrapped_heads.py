"""Heads of a second article on a hard-wrapped page: what sits right above its byline."""

from __future__ import annotations

from wrapped_support import BYLINE, PARAGRAPHS, TITLE, wrap

from article.blocks import split_blocks
from article.model import PARAGRAPH
from article.model import TITLE as TITLE_KIND


def test_a_paragraph_cut_just_above_the_next_title_stays_running_text() -> None:
    # the first article's last paragraph starts two lines above the second's title: its short
    # first line and its comma-bearing full line are running text, not a title over them
    first = [line for p in PARAGRAPHS[:2] for line in wrap(p, 14)]
    tail = wrap("临江市金融工作局相关负责人表示，下一步将继续完善数据登记规则。", 14)
    second = [line for p in PARAGRAPHS[2:] for line in wrap(p, 14)]
    text = "\n".join([*first, *tail[:2], "", "".join(TITLE), BYLINE, *second])
    kinds = {b.text: b.kind for b in split_blocks(text)}
    assert kinds["".join(TITLE)] == TITLE_KIND
    assert kinds["".join(tail[:2])] == PARAGRAPH
