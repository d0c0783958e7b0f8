"""Whom a figure is about when its sentence quotes a data publisher or a speaker. Invented names."""

from __future__ import annotations

from article.entities.find import find_entities
from article.figures.find import find_figures
from article.model import Block


def _subjects(*paragraphs: str) -> dict[str, str | None]:
    """Figure text -> subject over some paragraphs."""
    blocks = [Block(i, "paragraph", p, [(i + 1, i + 1)]) for i, p in enumerate(paragraphs)]
    return {f.text: f.subject for f in find_figures(blocks, find_entities(blocks))}


def test_the_publisher_of_a_sentence_s_data_beats_an_earlier_sentence_s_topic() -> None:
    subjects = _subjects(
        "临川是长期护理保险试点城市，由岚禾人寿承办经办服务。据临川市医疗保障局统计，"
        "两年来参保人数由186万人提高到247万人。"
    )
    assert subjects["186万人"] == subjects["247万人"] == "临川市医疗保障局"


def test_a_body_that_confirms_is_no_publisher_of_the_figure() -> None:
    subjects = _subjects(
        "澄江银行临川分行发布消息称，该行落实了首单清欠贷款。经临川市工信局确认，"
        "该笔贷款实现5户被拖欠企业清偿。"
    )
    assert subjects["5户"] != "临川市工信局"


def test_what_a_speaker_sets_out_belongs_to_the_speaker_s_institution() -> None:
    subjects = _subjects(
        "锦川期货总经理昝一舟介绍，“稳猪通”以大连商品交易所的生猪期货价格为基础，"
        "保障价格分为三档，分别为每公斤15元、14元和13元。"
    )
    assert subjects["15元"] == subjects["13元"] == "锦川期货"


def test_the_bank_a_speaker_names_by_gai_hang_keeps_its_figures() -> None:
    subjects = _subjects(
        "青川银行(600998.SH)表示，该行已向科技企业授信超过1200亿元。",
        "行长助理赵明川指出，今年前三季度，该行新增贷款320亿元，不良率下降0.3个百分点。",
    )
    assert subjects["0.3个百分点"] == "青川银行"
