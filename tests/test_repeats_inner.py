"""A character doubled at a single line break inside a hand-broken paragraph, and figures in
units a tenth hand used. All text invented."""

from __future__ import annotations

from test_reflow_support import output_chars, run, source_chars

from article.blocks import split_blocks
from article.entities.find import find_entities
from article.figures.find import find_figures
from article.model import Block

_TITLE = "# 茶叶出口担保扩容"


def _article(cut: str) -> str:
    """A blank-line article whose second paragraph is cut by one line break at `cut`."""
    body = f"安溪县已有15家茶叶出口{cut}获得担保，户均贷款约260万元。"
    return "\n\n".join([_TITLE, "闽泓担保今年扩大了担保规模，合作银行增加到9家。", body])


def test_a_character_doubled_at_a_single_line_break_is_dropped_and_reported() -> None:
    text = _article("企\n企业")
    result = run(text)
    assert any("出口企业获得" in b.text for b in result.blocks)
    repeats = [r for r in result.repairs if r.kind == "join_repeat"]
    assert len(repeats) == 1 and "企" in repeats[0].detail
    assert output_chars(result) == source_chars(text)  # the dropped copy is accounted for


def test_the_core_and_its_repeat_on_the_next_line_are_joined_once() -> None:
    text = _article("核心\n心企业")
    assert any("出口核心企业获得" in b.text for b in run(text).blocks)


def test_a_verb_that_may_follow_its_own_character_keeps_both() -> None:
    text = "\n\n".join([_TITLE, "他在会上说\n说明会已经结束，大家可以离场。", "第二段正常结束。"])
    result = run(text)
    assert any("说说明会" in b.text for b in result.blocks)
    assert not [r for r in result.repairs if r.kind == "join_repeat"]


def _figures(text: str) -> list[str]:
    """Figure texts of one paragraph."""
    blocks = [Block(0, "paragraph", text, [(1, 1)])]
    return [f.text for f in find_figures(blocks, find_entities(blocks))]


def test_units_of_energy_pressure_and_rooms_and_an_approximation_after_a_noun() -> None:
    text = "单船电池容量达4800千瓦时，气压在930百帕以下，年均损失约86亿元，承保农房约42万间。"
    assert _figures(text) == ["4800千瓦时", "930百帕以下", "约86亿元", "约42万间"]
    assert _figures("双方签约5亿元，附近3家银行参与。") == ["5亿元", "3家"]


def test_units_of_shipping_flights_and_foreign_currencies() -> None:
    text = "船队运力约48万载重吨，全年约6.7万辆次，累计约1.1万架次，巴西收入约3.2亿雷亚尔。"
    assert _figures(text) == ["约48万载重吨", "约6.7万辆次", "约1.1万架次", "约3.2亿雷亚尔"]


def test_a_character_alone_before_a_sentence_end_is_no_repeat() -> None:
    # a short wrapped text's last line holds one character and the full stop: no tool's repeat
    text = "银银银银1，银银银银\n。\n银银银银，银银银银行\n行。\n银银银银1，银银银银\n\n。"
    out = "".join(b.text for b in split_blocks(text))
    assert out.count("行") == 2


def test_a_doubled_character_after_a_line_as_long_as_the_others_is_kept() -> None:
    # lines wrapped at one width: a break after a full line is the width's, not a tool's cut
    text = "银银银银1，银银银银\n。\n银银银银，银银银银行\n行银。\n银银银银1，银银银银\n\n。"
    out = "".join(b.text for b in split_blocks(text))
    assert out.count("行") == 2
