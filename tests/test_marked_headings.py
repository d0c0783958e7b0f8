"""A short ▲-led line with no punctuation heads a section; a ▲-led sentence is a photo's caption.
Invented text."""

from __future__ import annotations

from pathlib import Path

from article.analyze import analyze_path
from article.blocks import marked_heading


def _kinds(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    """(kind, text) of every block of an article."""
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return [(b.kind, b.text) for b in analyze_path(path, use_cache=False).blocks]


def test_the_mark_alone_does_not_make_a_caption() -> None:
    assert marked_heading("▲价格下跌时获得赔付")
    assert marked_heading("▲ 从价格险走向收入险")
    assert not marked_heading("▲静宁县果农在果园里采摘苹果，准备装箱。")
    assert not marked_heading("▲岷山县一处苹果冷库的分拣线正在满负荷运转")  # long: a caption
    assert not marked_heading("价格下跌时获得赔付")


def test_a_marked_head_between_paragraphs_is_a_heading(tmp_path: Path) -> None:
    kinds = _kinds(
        tmp_path,
        "在岷山县，今年八千户果农的苹果有了价格保险。\n\n▲价格下跌时获得赔付\n\n"
        "种植大户告诉记者，他家果园去年遇上价格下跌，收到了理赔款。\n\n"
        "▲岷山县果农在果园里采摘苹果，准备装箱发往外地。\n\n后来的事情就很顺利了。\n",
    )
    assert ("heading", "▲价格下跌时获得赔付") in kinds
    assert ("caption", "▲岷山县果农在果园里采摘苹果，准备装箱发往外地。") in kinds


def test_a_marked_head_in_wrapped_text_is_a_heading(tmp_path: Path) -> None:
    column = [
        "在岷山县，今年八千户果农的苹果有了价格",
        "保险。记者从当地金融监管部门了解到，全",
        "县共开展项目十四个，承保苹果六万吨。",
        "▲ 价格下跌时获得赔付",
        "种植大户告诉记者，他家果园去年遇上价格",
        "下跌，收到理赔款四万元。以前价格跌了只",
        "能认，现在心里有底了。今年他又投保了。",
    ]
    kinds = _kinds(tmp_path, "\n".join(column) + "\n")
    assert ("heading", "▲ 价格下跌时获得赔付") in kinds


COLUMN = [
    "澄川银行今年推出了数据资产质押贷款，首批三",
    "家企业获得授信，合计金额达到一亿二千万元，",
    "质押率普遍在三成左右。银行还引入了第三方评",
    "估机构，对数据产品的收益进行测算，并按季度",
    "复核估值结果，发现异常及时调整授信额度。研",
    "究员龙启衡则认为，随着更",
    "■ 风险处置仍待完善",
    "多数据产品挂牌交易，估值会逐渐有参照，质押",
    "率也有望提高到四成，企业融资会更加便利。不",
    "过，一旦企业违约，数据资产如何变现仍缺少成",
    "熟路径，银行需要与交易所合作建立处置渠道。",
]


def test_a_marked_head_set_in_mid_sentence_is_a_heading_the_text_runs_past(
    tmp_path: Path,
) -> None:
    kinds = _kinds(tmp_path, "\n".join(COLUMN) + "\n")
    assert ("heading", "■ 风险处置仍待完善") in kinds
    joined = "龙启衡则认为，随着更多数据产品挂牌交易"
    assert any(joined in text for kind, text in kinds if kind == "paragraph")


def test_marked_heads_in_a_row_stay_headings(tmp_path: Path) -> None:
    heads = ["【老旧小区改造成新热点】", "【收益率下行倒逼配置】", "【监管强调穿透管理】"]
    body = [*COLUMN[:5], "究员龙启衡对此表示认可。", *heads, *COLUMN[7:]]
    kinds = _kinds(tmp_path, "\n".join(body) + "\n")
    assert [("heading", h) for h in heads] == [k for k in kinds if k[1] in heads]
