"""Names the sentence sets, no lexicon holds: coined firms whose words jieba mistags, lines of
industry, Latin firms before a regional title, foreign and Japanese names, products in quotes,
a county named bare after its chain, a city's long-named body cited as a source."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.model import Block


def _entities(*paragraphs: str) -> set[tuple[str, str]]:
    """(type, text) of every entity in plain paragraph blocks."""
    blocks = [Block(i, "paragraph", t, [(i + 1, i + 1)]) for i, t in enumerate(paragraphs)]
    return {(e.type, e.text) for e in find_entities(blocks)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # 回航 is a junk entry of jieba's dictionary tagged a verb: no vocabulary
        ("负责尽职调查的回航咨询合伙人潘一鸣称，团队抽查了约30份合同。", ("ORG", "回航咨询")),
        # 濯 is a rare verb: with 安 it is a coined name, not the sentence going on
        ("该项目由岳丰期货联合濯安财险推出。", ("ORG", "濯安财险")),
        ("泓澜精工董事长邹海涛给记者算了一笔账。", ("ORG", "泓澜精工")),
        ("另一家企业赣南精密科技也获得了贷款。", ("ORG", "赣南精密科技")),
        ("Velmora亚洲区投资总监霍夫曼表示，该公司认购了优先档。", ("ORG", "Velmora")),
        ("日本创投机构Sakura Ventures合伙人铃木和也表示，今年已投资3家。", ("PERSON", "铃木和也")),
        # jieba tags the whole transliteration a place; before a verb of saying it is a person
        ("Calvera首席执行官罗德里格斯表示，该公司今年采购额增长。", ("PERSON", "罗德里格斯")),
        ("泓澜精工董事长邹海涛给记者算了一笔账。", ("PERSON", "邹海涛")),
        ("茶农贺建国正忙着采茶。", ("PERSON", "贺建国")),
        ("融通消费金融发行“安途稳享”个人汽车贷款资产支持证券。", ("PRODUCT", "安途稳享")),
        ("公司推出了避险工具“汇稳通”，卖家可以锁定汇率。", ("PRODUCT", "汇稳通")),
        ("据丽水市茶产业发展促进中心统计，全市茶企约900家。", ("ORG", "丽水市茶产业发展促进中心")),
        ("据临川区果蔬产业服务中心统计，全区果农约3000户。", ("ORG", "临川区果蔬产业服务中心")),
        ("岚湾海参养殖专业合作社理事长邹一帆介绍了今年的收成。", ("ORG", "岚湾海参养殖专业合作社")),
        ("新能源汽车制造商骁澜汽车11月17日发行绿色债券。", ("ORG", "骁澜汽车")),
        ("今年推出的“澄远守护”系列把门槛降至500万元。", ("PRODUCT", "澄远守护")),
        ("游客用“临江文旅券”订了两晚民宿。", ("PRODUCT", "临江文旅券")),
        ("新加坡信托公司Velmont Trust也设立了代表处。", ("ORG", "Velmont Trust")),
        ("日本旅行社Sora Tours中国事业部部长表示，团队增加。", ("ORG", "Sora Tours")),
        ("Quenfield亚洲区固定收益主管布兰登表示，今年增持。", ("PERSON", "布兰登")),
        ("Ramund Mining销售副总裁托马斯在邮件中告诉记者。", ("PERSON", "托马斯")),
        ("来自西安的游客贺明一家用优惠券订了民宿。", ("PERSON", "贺明")),
        # jieba glues 据 to the name (据云): the preposition opens the clause, not the name
        ("据云岫证券测算，一季度末全市场理财规模约28万亿元。", ("ORG", "云岫证券")),
    ],
)
def test_a_name_the_sentence_sets_is_found(text: str, found: tuple[str, str]) -> None:
    assert found in _entities(text)


@pytest.mark.parametrize(
    ("text", "not_found"),
    [
        ("嘉善纺织小微企业融资难的问题仍然突出。", "嘉善纺织"),  # a county's industry
        ("陆港物流园项目今年开工。", "陆港物流"),  # a site, not a firm
        ("养殖户最初担心“花钱买保险却用不上”。", "花钱买保险"),  # a phrase of real words
        ("据云岫证券测算，一季度末全市场理财规模约28万亿元。", "据云岫证券"),
        ("订单主要来自江苏和山东等沿海地区。", "海地区"),  # 海地 inside 沿海地区
        ("新加坡信托公司Velmont Trust也设立了代表处。", "新加坡信托公司"),  # describes it
        ("10月20日，钛精矿期货在广州期货交易所挂牌交易。", "钛精矿期货"),  # a contract
        ("新能源汽车销量增长。", "新能源汽车"),  # a kind of car, no firm
        ("澄和信托家族信托规模突破300亿元。", "澄和信托家族信托"),  # the firm's product
    ],
)
def test_an_industry_a_site_or_a_phrase_is_no_firm(text: str, not_found: str) -> None:
    assert not any(name == not_found for _, name in _entities(text))


def test_a_county_printed_inside_a_chain_is_found_bare_elsewhere() -> None:
    found = _entities("在浙江省丽水市松阳县新兴镇，茶农正在采茶。", "茶企在松阳推出了新品。")
    assert ("PLACE", "松阳") in found
