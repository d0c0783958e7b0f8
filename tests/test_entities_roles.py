"""Names a tenth hand's articles taught: people after everyday roles and rare surnames, foreign
names, sales regions, towns after their county, cooperatives run somewhere, brand lines, and a
document's own quoted products. All names invented."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.model import Block


def _blocks(*paragraphs: str) -> list[Block]:
    """Plain paragraph blocks, independent of reflow."""
    return [Block(i, "paragraph", text, [(i + 1, i + 1)]) for i, text in enumerate(paragraphs)]


def _found(*paragraphs: str) -> set[tuple[str, str]]:
    """(type, text) of every entity found."""
    return {(e.type, e.text) for e in find_entities(_blocks(*paragraphs))}


@pytest.mark.parametrize(
    ("paragraph", "person"),
    [
        ("家庭农场主邴一帆去年出栏生猪2600头。", "邴一帆"),
        ("在义乌做外贸的卖家眭之韵告诉记者，回款快了。", "眭之韵"),
        ("公司总裁綦以宁表示，公司将扩大规模。", "綦以宁"),
        ("岚屿财险总经理隰一舟说，理赔很快。", "隰一舟"),
        ("设备商Norvik首席执行官斯韦诺森在交船仪式上表示，订单充足。", "斯韦诺森"),
        ("种猪企业Karlo中国区总裁延斯表示，该公司看好中国。", "延斯"),
    ],
)
def test_people_after_roles_rare_surnames_and_foreign_names(paragraph: str, person: str) -> None:
    assert ("PERSON", person) in _found(paragraph)


def test_a_firm_s_country_region_before_a_role_is_no_place_of_its_own() -> None:
    found = _found("种猪企业Karlo中国区总裁延斯表示，看好中国市场。")
    assert ("PLACE", "中国区") not in found and ("PLACE", "中国") in found


def test_a_town_right_after_its_county_is_part_of_the_place_whatever_its_name() -> None:
    found = _found(
        "位于浙江省宁波市北仑区三门镇的船厂正在赶工。",
        "在福建省宁德市福安市溪村镇，茶园连片。",
        "平和县一家村镇银行也参与其中。",
    )
    assert ("PLACE", "浙江省宁波市北仑区三门镇") in found
    assert ("PLACE", "福建省宁德市福安市溪村镇") in found
    assert not any(text.startswith("一家") for _, text in found)


def test_a_cooperative_someone_runs_somewhere_does_not_swallow_the_place() -> None:
    found = _found("在漳州市平和县经营蜜柚合作社的林一禾说，销路不愁。")
    assert ("PLACE", "漳州市平和县") in found
    assert not any("经营" in text for _, text in found)


def test_a_brand_line_of_tea_after_the_kind_of_firm_it_is() -> None:
    found = _found("茶企峰韵茶业的仓库里堆满了货。", "该县茶业发展迅速。")
    assert ("ORG", "峰韵茶业") in found
    assert not any(kind == "ORG" and text != "峰韵茶业" for kind, text in found)


def test_a_quoted_name_the_document_uses_as_its_product_is_a_product() -> None:
    found = _found(
        "截至7月末，该行已通过“链贷通”为上游企业放款。",
        "“链贷通”上线后，单户额度明显提高。",
        "该公司发行台风巨灾债券“海盾”，募集资金2.5亿元。“海盾”采用参数触发机制。",
    )
    assert {("PRODUCT", "链贷通"), ("PRODUCT", "海盾")} <= found


def test_quoted_slogans_and_speech_are_no_products() -> None:
    found = _found(
        "银行试图用“科技流”评价体系替代传统的做法，“科技流”正在流行。",
        "养殖户最初担心“花钱买保险却用不上”，后来改变了看法。",
        "“链贷通”只在这里出现一次，上线后反响不错。",
    )
    assert not any(kind in ("PRODUCT", "ORG") for kind, _ in found)


@pytest.mark.parametrize(
    ("paragraph", "not_orgs", "orgs"),
    [
        ("该行联合当地工信部门建立了项目库。", ["工信部"], []),
        ("只要台风中心经过约定区域，就按合同赔付。", ["台风中心"], []),
        ("临海台风指数保险首次触发赔付。", ["临海台风指数保险"], []),
        ("客户开始配置港股基金和债券基金。", ["港股基金", "债券基金"], []),
        (
            "北交所上市公司安徽皖川精密传动股份有限公司（920777.BJ）今日公告。",
            ["北交所上市公司"],
            ["安徽皖川精密传动股份有限公司"],
        ),
        ("有12家北交所上市公司披露定增预案，澜鲸储能也在其中。", ["北交所上市公司"], ["澜鲸储能"]),
    ],
)
def test_kinds_of_things_are_no_organisations(
    paragraph: str, not_orgs: list[str], orgs: list[str]
) -> None:
    found = {text for kind, text in _found(paragraph) if kind == "ORG"}
    assert not found & set(not_orgs)
    assert set(orgs) <= found


def test_a_village_before_its_people_is_a_place() -> None:
    assert ("PLACE", "中岭村") in _found("中岭村茶农吴秋说，今年的茶价不错。")


@pytest.mark.parametrize(
    ("paragraph", "entity"),
    [
        ("在临川县油墩街镇，养殖户钮一帆承包了约320亩水面。", ("PERSON", "钮一帆")),
        ("该研究院研究员沐之川认为，前景广阔。", ("PERSON", "沐之川")),
        ("种植大户蒯以宁告诉记者，今年丰收。", ("PERSON", "蒯以宁")),
        ("Kaito社长佐藤在来临川交流时介绍情况。", ("PERSON", "佐藤")),
        ("养老照护研究院研究员羿以川认为，前景广阔。", ("ORG", "养老照护研究院")),
        ("公司与临川区失能评估服务中心合作。", ("ORG", "临川区失能评估服务中心")),
        ("“春风助学”慈善信托的规模扩大。", ("PRODUCT", "春风助学")),
        ("该公司与茗川银行签订了“云岭e链”合作协议。", ("PRODUCT", "云岭e链")),
    ],
)
def test_more_people_institutions_and_products(paragraph: str, entity: tuple[str, str]) -> None:
    assert entity in _found(paragraph)


def test_a_word_before_a_title_s_name_slot_is_no_name() -> None:
    assert not any(kind == "PERSON" for kind, _ in _found("种粮大户融资难的问题突出。"))


def test_a_fund_s_manager_a_product_line_and_a_village_after_its_town() -> None:
    found = _found(
        "沣川基金基金经理厉之川表示满意。",
        "禾川财险农业无人机保险已承保6000架。",
        "在江西省赣州市信丰县安西镇坪山村，脐橙丰收。",
        "冷链仓储中心建成投用。",
        "理事长甯一帆说，总经理闾之川介绍。",
    )
    orgs = {text for kind, text in found if kind == "ORG"}
    assert orgs == {"沣川基金", "禾川财险"}
    assert ("PLACE", "江西省赣州市信丰县安西镇坪山村") in found
    assert {("PERSON", "甯一帆"), ("PERSON", "闾之川")} <= found
