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


def test_gai_fenhang_is_the_branch_not_the_firm_named_after_it() -> None:
    subjects = _subjects(
        "建设银行（601939.SH）临川分行近日与澜舟科技签约，为其上游供应商提供授信。"
        "该分行相关负责人称，目前已有86家供应商用信，金额合计12.4亿元。"
    )
    assert subjects["86家"] == subjects["12.4亿元"] == "建设银行临川分行"


def test_gai_zhongxin_is_the_centre_that_published_the_data() -> None:
    subjects = _subjects(
        "据临川市茶产业发展促进中心统计，全市茶企约900家。澄禾茶业的订单也在增长。"
        "该中心的数据还显示，三季度末全市茶产业融资余额约46亿元。"
    )
    assert subjects["约46亿元"] == "临川市茶产业发展促进中心"


def test_gai_gongsi_may_stand_for_a_firm_named_in_latin_letters() -> None:
    subjects = _subjects(
        "澄禾科技为德国进口商Velmora提供溯源系统。该公司今年计划采购茶叶约1200吨。"
    )
    assert subjects["约1200吨"] == "Velmora"


def test_she_is_someone_named_in_her_own_paragraph() -> None:
    subjects = _subjects(
        "临川茶业研究院首席分析师白以清认为，茶农参与保险的积极性明显提高。",
        "在澄禾茶业的服务点，几位茶农正在咨询。她说，去年服务点共举办培训32场。",
    )
    assert subjects["32场"] != "临川茶业研究院"


def _document_subjects(tmp_path, text: str) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    """Figure text -> subject of a whole article (Q&A turns need the block reader)."""
    from article.analyze import analyze_path

    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return {f.text: f.subject for f in analyze_path(path, use_cache=False).figures}


INTERVIEW = (
    "记者：市场现在怎么样？\n\n"
    "澹台舒：据蓝汀数据网监测，今年以来硅料价差由每吨210元收窄至60元。"
    "我们的客户由去年的120户增加到310户。\n\n"
    "记者：企业用得怎么样？\n\n"
    "澹台舒：以峪川化工为例，这家年产硅料约9万吨的企业已开始套保。"
    "上市首月，它在盘面买入套保约1.6万吨。\n\n"
    "峪川化工财务总监庄以恬补充说，公司每吨原料成本低约70元。\n"
)


def test_an_answer_s_figures_belong_to_its_publisher_its_speaker_and_the_firm_it_names(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    subjects = _document_subjects(
        tmp_path,
        "澹台舒，汀岚期货首席研究员。\n\n汀岚期货首席研究员澹台舒接受了采访。\n\n" + INTERVIEW,
    )
    assert subjects["210元"] == subjects["60元"] == "蓝汀数据网"  # 据…监测, not the answerer
    assert subjects["310户"] == "汀岚期货"  # 我们: the speaker's institution
    assert subjects["约1.6万吨"] == "峪川化工"  # 它: the firm just named
    assert subjects["约70元"] == "峪川化工"  # 公司 of a firm's officer: that firm


def test_a_rare_compound_surname_answers_a_question() -> None:
    from article.blocks.kinds import line_kind

    assert line_kind("澹台舒：我们的客户增加了。", True)[0] == "answer"
    assert line_kind("第五条：合同自签订之日起生效。", False)[0] != "answer"
