"""Whole invented articles scored against hand-made answers: precision and recall, not anecdotes."""

from __future__ import annotations

from article.entities.find import find_entities
from article.figures.find import find_figures
from article.model import Block

TECH_LOANS = """中经记者 樊雨桐 南京报道
11月下旬，江苏银行(600919.SH)联合南京市江北新区管理委员会发布“江北科创十条”，计划未来两年投放科技贷款不少于300亿元。
江苏银行科技金融部总经理卜文博对记者表示，截至10月末，该行科技型企业贷款余额突破3800亿元，较年初增长21.6%，服务客户超过2.3万户。
在他看来，银行需要把投早、投小、投硬科技落到实处。“过去一年，我们已经为近600家初创企业提供了首贷。”卜文博说。
南京大学商学院教授巫一鸣分析指出，科技贷款的风险分担机制仍待完善，政府性融资担保的放大倍数普遍在3倍至5倍之间。
他建议，地方应当设立规模不低于10亿元的风险补偿资金池，并将代偿比例提高到40%左右。
另据中国人民银行江苏省分行披露，前三季度全省新增科技贷款1.2万亿元，占各项贷款增量的三成左右。
记者了解到，部分城商行已开始试点知识产权证券化，首单产品发行规模为2.5亿元，期限3年，票面利率2.35%。"""

TECH_LOANS_ENTITIES = {
    ("PERSON", "樊雨桐"),
    ("PERSON", "卜文博"),
    ("PERSON", "巫一鸣"),
    ("ORG", "江苏银行"),
    ("ORG", "南京市江北新区管理委员会"),
    ("ORG", "南京大学商学院"),
    ("ORG", "中国人民银行江苏省分行"),
    ("PLACE", "南京"),
    ("TICKER", "600919.SH"),
    ("DATE", "11月下旬"),
    ("DATE", "10月末"),
    ("DATE", "前三季度"),
}

TECH_LOANS_FIGURES = {
    ("两年", 2, "年"),
    ("不少于300亿元", 30_000_000_000, "元"),
    ("3800亿元", 380_000_000_000, "元"),
    ("21.6%", 21.6, "%"),
    ("超过2.3万户", 23_000, "户"),
    ("近600家", 600, "家"),
    ("3倍至5倍", 3, "倍"),
    ("不低于10亿元", 1_000_000_000, "元"),
    ("40%左右", 40, "%"),
    ("1.2万亿元", 1_200_000_000_000, "元"),
    ("三成左右", 0.3, ""),
    ("2.5亿元", 250_000_000, "元"),
    ("3年", 3, "年"),
    ("2.35%", 2.35, "%"),
}

PARK_CREDIT = """本报记者 滕书瑶 合肥报道
12月3日，徽商银行(03698.HK)宣布，该行今年已向安徽省内科技型企业累计投放贷款超过1200亿元，服务企业1.8万户。
徽商银行副行长宋启明在发布会上介绍，为支持“专精特新”企业发展，该行推出了“科创积分贷”，单笔额度最高1000万元。
合肥市滨湖新区管委会相关负责人表示，园区内已聚集人工智能企业340余家，预计2027年底产值将突破2000亿元。
对于上述变化，东吴证券研究所首席分析师蓝梓涵认为，区域性银行的息差压力仍然较大，今年以来平均下降约18个基点。
蓝梓涵同时提醒，部分银行的不良率可能上升0.1至0.2个百分点。
业内专家普遍认为，养老金融、绿色金融将成为下一阶段的发展重点，深度参与的银行将受益。"""

PARK_CREDIT_ENTITIES = {
    ("PERSON", "滕书瑶"),
    ("PERSON", "宋启明"),
    ("PERSON", "蓝梓涵"),
    ("ORG", "徽商银行"),
    ("ORG", "合肥市滨湖新区管委会"),
    ("ORG", "东吴证券研究所"),
    ("PLACE", "合肥"),
    ("PLACE", "安徽省"),
    ("TICKER", "03698.HK"),
    ("DATE", "12月3日"),
    ("DATE", "2027年底"),
    ("PRODUCT", "科创积分贷"),
}


def _blocks(article: str) -> list[Block]:
    """One paragraph block per line, as reflow would hand them over."""
    return [Block(i, "paragraph", t, [(i + 1, i + 1)]) for i, t in enumerate(article.split("\n"))]


def _scores(found: set, expected: set) -> tuple[float, float]:
    """Precision and recall of a found set against the expected one."""
    hits = len(found & expected)
    return hits / max(len(found), 1), hits / len(expected)


def _entity_scores(article: str, expected: set[tuple[str, str]]) -> tuple[float, float]:
    """Entity precision and recall on distinct (type, text) pairs."""
    found = {(e.type, e.text) for e in find_entities(_blocks(article))}
    return _scores(found, expected)


def test_entities_of_a_tech_loans_article() -> None:
    precision, recall = _entity_scores(TECH_LOANS, TECH_LOANS_ENTITIES)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_entities_of_a_park_credit_article() -> None:
    precision, recall = _entity_scores(PARK_CREDIT, PARK_CREDIT_ENTITIES)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall)


def test_figures_of_a_tech_loans_article() -> None:
    blocks = _blocks(TECH_LOANS)
    figures = find_figures(blocks, find_entities(blocks))
    found = {(f.text, f.value, f.unit) for f in figures}
    precision, recall = _scores(found, TECH_LOANS_FIGURES)
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, found ^ TECH_LOANS_FIGURES)
    labels = {f.text: f.label for f in figures}
    assert labels["40%左右"] == "代偿比例"
    assert labels["3倍至5倍"] == "政府性融资担保的放大倍数"
    assert labels["不低于10亿元"] == "风险补偿资金池"
    subjects = {f.text: f.subject for f in figures}
    assert subjects["3800亿元"] == "江苏银行"
    assert subjects["1.2万亿元"] == "中国人民银行江苏省分行"
