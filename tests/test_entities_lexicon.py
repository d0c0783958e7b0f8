"""The shipped lexicon: well-formed jieba user dictionaries that cover the finance world."""

from __future__ import annotations

from importlib.resources import files

import pytest

from article import lexicon, segment


def _jieba_lines() -> list[tuple[str, list[str]]]:
    """(file name, fields) of every line of every shipped *.jieba.txt."""
    out = []
    for entry in files("article.data").iterdir():
        if entry.name.endswith(".jieba.txt"):
            for line in entry.read_text(encoding="utf-8").splitlines():
                out.append((entry.name, line.split()))
    return out


def test_every_line_is_word_freq_tag() -> None:
    lines = _jieba_lines()
    assert len(lines) > 1000
    for name, fields in lines:
        assert len(fields) == 3, (name, fields)
        _word, freq, tag = fields
        assert freq.isdigit() and int(freq) > 0, (name, fields)
        assert tag in ("nt", "ns"), (name, fields)


def test_no_word_is_listed_twice() -> None:
    words = [fields[0] for _, fields in _jieba_lines()]
    assert len(words) == len(set(words))


@pytest.mark.parametrize(
    "group",
    [
        ("中国工商银行", "工商银行", "工行", "中国农业银行", "农行", "中国建设银行", "建行"),
        ("交通银行", "交行", "中国邮政储蓄银行", "邮储银行", "招商银行", "招行", "浦发银行"),
        ("国家开发银行", "中国进出口银行", "中国农业发展银行", "农发行"),
        ("中国人民银行", "人民银行", "央行", "国家金融监督管理总局", "证监会", "国家外汇管理局"),
        ("上海证券交易所", "深交所", "北京证券交易所", "港交所"),
        ("中信证券", "华泰证券", "中金公司", "中国人寿", "中国平安", "中国太保"),
        ("财政部", "国家发展和改革委员会", "工业和信息化部", "国务院国资委"),
        ("北京银行", "宁波银行", "重庆农村商业银行", "微众银行"),
    ],
)
def test_finance_organisations_are_covered(group: tuple[str, ...]) -> None:
    assert set(group) <= lexicon.orgs()


def test_provinces_and_major_cities_are_places() -> None:
    provinces = {"广东", "河南", "新疆", "内蒙古", "香港", "台湾"}
    cities = {"深圳", "苏州", "郑州", "莆田", "九江", "延安", "乌鲁木齐"}
    assert provinces | cities <= lexicon.places()
    assert "大同" in lexicon.suffix_only_places() and "大同" not in lexicon.places()


def test_lexicon_reaches_the_shared_tokenizer() -> None:
    assert "农业银行" in segment.cut("农业银行许昌分行", hmm=False)
    assert segment.is_word("国家金融监督管理总局")


def test_word_lists_load() -> None:
    assert {"欧阳", "王", "司马"} <= lexicon.surnames()
    assert "首席经济学家" in lexicon.titles() and "补充道" in lexicon.speech_verbs()
    assert lexicon.titles().index("副市长") < lexicon.titles().index("市长")
