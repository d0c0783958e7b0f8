"""segment's own dictionary cut (no HMM) gives jieba's words exactly, on every shape of text."""

from __future__ import annotations

import random
from pathlib import Path

from article import segment

ROOT = Path(__file__).resolve().parents[1]
ODD = (
    "abc 12.5% A股\r\n中国\r\r\n\n x-y_z #1 &amp; １２３ 一、 ２０２５年 Ｔ恤 C++ e-mail "
    "3.5亿元 ABC公司\t全角\u3000空格 澄江农商银行表示，小微企业贷款余额为45.6亿元。"
)


def _texts() -> list[str]:
    paths = sorted(ROOT.glob("tests/articles/*.txt")) + sorted(
        ROOT.glob("tests/pages/p0[1-3]/*.txt")
    )
    return [ODD, *(p.read_text(encoding="utf-8") for p in paths)]


def test_plain_cut_is_jiebas_cut_without_hmm() -> None:
    tok = segment.tokenizer()
    rnd = random.Random(7)
    for text in _texts():
        assert segment._cut_plain(text) == tok.lcut(text, HMM=False)
        for _ in range(300):
            start = rnd.randrange(len(text))
            piece = text[start : start + rnd.randint(0, 40)]
            assert segment._cut_plain(piece) == tok.lcut(piece, HMM=False), piece


def test_short_and_long_cuts_agree_with_jieba() -> None:
    tok = segment.tokenizer()
    for text in (ODD * 3, ODD[:30]):
        assert segment.cut(text, hmm=False) == tok.lcut(text, HMM=False)
