"""Names no lexicon holds: coined firms, compound surnames, roles, Q&A turns, unknown cities."""

from __future__ import annotations

import pytest

from article.entities.find import find_entities
from article.model import Block


def blocks_of(*paragraphs: str) -> list[Block]:
    """Plain paragraph blocks, independent of reflow."""
    return [Block(i, "paragraph", text, [(i + 1, i + 1)]) for i, text in enumerate(paragraphs)]


def of_type(kind: str, *paragraphs: str) -> list[str]:
    """Texts of one entity type in reading order."""
    return [e.text for e in find_entities(blocks_of(*paragraphs)) if e.type == kind]


@pytest.mark.parametrize(
    ("paragraph", "orgs"),
    [
        ("11月2日，嘉禾银行宁波分行向当地企业发放贷款。", ["嘉禾银行宁波分行"]),
        (
            "记者从云澜证券获悉，该公司与泓泰基金、恒屿信托共同出资。",
            ["云澜证券", "泓泰基金", "恒屿信托"],
        ),
        (
            "据荣安财险披露，其与汇川资管合作，携手裕丰人寿推出新产品。",
            ["荣安财险", "汇川资管", "裕丰人寿"],
        ),
        ("此前，瀚海银行行长表示，今年岭南银行的利润增长。", ["瀚海银行", "岭南银行"]),
        ("明泰保险资产管理公司和长汀期货也在名单中。", ["明泰保险资产管理公司", "长汀期货"]),
        ("澄海保险资管投资总监指出，久期匹配是关键。", ["澄海保险资管"]),
        ("9月3日，鹭岛集团宣布与獐子湾银行签署协议。", ["鹭岛集团", "獐子湾银行"]),
        ("澄溪基金会资助了该项目。", ["澄溪基金会"]),
    ],
)
def test_coined_firm_names_before_a_firm_suffix(paragraph: str, orgs: list[str]) -> None:
    assert of_type("ORG", paragraph) == orgs


@pytest.mark.parametrize(
    "paragraph",
    [
        "数字人民币对商业银行的存款会产生哪些影响？中小银行、城商行、股份制银行和国有银行都在布局。",
        "该银行表示，多家银行已经跟进，这家保险公司也在观望，部分保险机构持观望态度。",
        "投向股票和证券投资基金的资金占比上升，养老保险、医疗保险和重疾保险需求上升。",
        "外资银行、民营银行、村镇银行、直销银行、互联网银行纷纷布局，城投公司和政府引导基金也在参与。",
        "商业保险与社会保险互为补充，存款保险制度运行平稳，投资银行业务增长。",
        "不少银行加大投放，一些保险资金进入养老社区，险企资管规模上升。",
        "他说银行理财产品收益下降，头部券商资管、公募基金和私募基金表现分化。",
        "记者从多家银行了解到，各家银行普遍加大了支持力度。上述银行均表示，两家银行合计投放。",
        "当地银行、外地银行与全国性银行竞争，大型银行和中小型银行各有优势。",
        "这些保险公司、寿险公司、财险公司的保费增长，人身保险和财产保险分化。",
        "推动科技保险、绿色保险、农业保险、巨灾保险、出口信用保险发展。",
        "产业基金加速设立，创投基金募资困难，这也会让银行更加谨慎。",
        "拟设立规模50亿元的城市更新基金，乡村振兴基金和绿色发展基金投向早期。",
        "推进资产证券化，跨境理财通扩容，银行卡收单业务增长，保险业和信托业转型。",
        "发债农商行280家，中西部银行和东部银行分化，县域银行和沿海银行各有侧重。",
        "对中国商业银行的分析，城市商业银行和农村商业银行的数量。",
    ],
)
def test_generic_firm_heads_are_not_names(paragraph: str) -> None:
    assert of_type("ORG", paragraph) == []


def test_byline_with_several_roles_and_a_compound_surname() -> None:
    got = find_entities(blocks_of("实习生 上官蓉 见习记者 宓思远 记者 龚一言 苏州报道"))
    assert [(e.type, e.text) for e in got] == [
        ("PERSON", "上官蓉"),
        ("PERSON", "宓思远"),
        ("PERSON", "龚一言"),
        ("PLACE", "苏州"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("鹭岛集团首席投资官端木澄远指出，久期匹配是关键。", "端木澄远"),
        ("在城南经营一家书店的店主禹小舟告诉记者，客流回升。", "禹小舟"),
        ("摊主邬小满坦言，生意比去年好做了。", "邬小满"),
        ("首席风险官公孙岚表示，风险总体可控。", "公孙岚"),
    ],
)
def test_people_after_a_role_or_title(paragraph: str, name: str) -> None:
    assert of_type("PERSON", paragraph) == [name]


def test_role_followed_by_a_conjunction_and_a_noun_is_no_person() -> None:
    paragraph = "老师和学生都很满意，员工工资上涨，村民收入增加，股民情绪高涨，居民收入增长。"
    assert of_type("PERSON", paragraph) == []


def test_answer_turn_after_a_question_names_its_speaker() -> None:
    blocks = [
        Block(0, "question", "记者：跨境支付的难点在哪里？", [(1, 1)], speaker="记者"),
        Block(1, "paragraph", "郦青原：首先是标准不统一。", [(3, 3)]),
        Block(2, "paragraph", "记者：下一步怎么走？", [(5, 5)]),
        Block(3, "paragraph", "郦青原：先从试点做起，郦青原补充说。", [(7, 7)]),
    ]
    people = [(e.block, e.text) for e in find_entities(blocks) if e.type == "PERSON"]
    assert people == [(1, "郦青原"), (3, "郦青原"), (3, "郦青原")]


def test_label_without_a_question_before_is_no_speaker() -> None:
    blocks = blocks_of("原标题：某地发布新规", "资料来源：本报记者整理", "吕思源：我们会继续投放。")
    assert of_type("PERSON", *[b.text for b in blocks]) == []


@pytest.mark.parametrize(
    ("paragraph", "places"),
    [
        ("10月15日，鹭岛集团宣布与澧州市政府签署协议。", []),
        ("企业赴临沂市考察，位于滕州市的项目开工。", ["临沂市", "滕州市"]),
        ("鹤岗市财政局发布通知，在苍溪县落地。", ["苍溪县"]),  # 鹤岗市 is inside the bureau
    ],
)
def test_unknown_cities_by_their_suffix(paragraph: str, places: list[str]) -> None:
    assert of_type("PLACE", paragraph) == places


@pytest.mark.parametrize(
    ("paragraph", "places"),
    [
        ("记者来到岚溪县荻塘镇，镇上的茶农说。", ["岚溪县荻塘镇"]),
        ("在桐坪镇，一家合作社负责人表示，全镇有3个乡镇企业。", ["桐坪镇"]),
        (
            "渭州市泾阳县石窑乡的村民，和澜沧市鹭门镇的农户。",
            ["渭州市泾阳县石窑乡", "澜沧市鹭门镇"],
        ),
        ("推进城乡融合，返乡创业的人多了，家乡的特色小镇和重点镇都在建。", []),
    ],
)
def test_towns_alone_and_at_the_end_of_a_chain(paragraph: str, places: list[str]) -> None:
    assert of_type("PLACE", paragraph) == places


def test_city_government_is_an_organisation() -> None:
    assert of_type("ORG", "鹭岛集团宣布与澧州市政府签署协议。") == ["鹭岛集团", "澧州市政府"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "推动上市公司高质量发展，科创板开市五周年，沪市和深市的成交额上升。",
        "企业加快布局海外市场，进入新市场。从都市到乡村，城市更新持续推进。",
        "投资者关注美股市场，港股市场回暖，期市震荡，超市和菜市场人流增加。",
        "地级市和县级市的数量，直辖市和计划单列市，各市县政府要落实责任。",
        "县市区联动，本市居民，该市财政收入增长，外市游客增加，多市出台政策。",
    ],
)
def test_market_words_are_not_cities(paragraph: str) -> None:
    assert of_type("PLACE", paragraph) == []


@pytest.mark.parametrize(
    "paragraph",
    [
        "近年来，保险业加快转型，寿险业务承压，财险公司盈利改善。多家险企加大对养老产业的投资。",
        "证券公司加快财富管理转型，券商自营业务收益下降，公募基金发行回暖，私募证券基金规模收缩。",
        "地方政府专项债发行提速，城投平台融资收紧。国有大行和政策性银行加大对基建的支持。",
        "企业集团财务公司、汽车金融公司、消费金融公司监管趋严，理财子公司规模回升。",
        "农村信用社改革深化，省联社改制为农商联合银行，村镇银行兼并重组加快。",
        "他在一家证券公司工作，曾任职于某大型保险集团，后加入一家新成立的基金公司。",
        "加强投资者关系管理，保护投资者权益。居民储蓄余额上升，司机师傅说，店主们表示。",
        "该负责人说，相关负责人表示，律师认为，老师们表示，护士长说，老板娘说。",
        "有关负责人表示，从业者认为，能源局指出，后来他说，年轻人表示，法院认为，家长表示。",
    ],
)
def test_everyday_finance_prose_has_no_names(paragraph: str) -> None:
    got = [(e.type, e.text) for e in find_entities(blocks_of(paragraph))]
    assert [pair for pair in got if pair[0] in ("PERSON", "ORG")] == []


@pytest.mark.parametrize(
    ("paragraph", "orgs"),
    [
        ("与此同时，澧泉消费金融有限公司与当地政府签署协议。", ["澧泉消费金融有限公司"]),
        (
            "他创办了一家名为禾溪数据服务有限公司的企业，翠屏科技公司也参与其中。",
            ["禾溪数据服务有限公司", "翠屏科技公司"],
        ),
        ("在长沙，澄湾科技有限公司开业。", ["澄湾科技有限公司"]),
    ],
)
def test_coined_company_names(paragraph: str, orgs: list[str]) -> None:
    assert of_type("ORG", paragraph) == orgs


def test_generic_companies_are_not_names() -> None:
    paragraph = (
        "上市公司、保险公司、城投公司、平台公司、科技公司、互联网公司、母公司和子公司，"
        "理财公司、汽车金融公司、担保公司、融资租赁公司、财险公司、小额贷款公司，"
        "此前在跨国公司任职，后入职投资公司。"
    )
    assert of_type("ORG", paragraph) == []


def test_rural_bank_takes_its_county_name() -> None:
    assert of_type("ORG", "11月18日，江陵农商银行成功发行绿色金融债券。") == ["江陵农商银行"]


def test_rating_firm_with_a_generic_word_after_its_name() -> None:
    assert of_type("ORG", "据融溪信用评级公司研究员介绍，利差收窄。") == ["融溪信用评级公司"]


def test_known_parent_and_place_before_a_suffix_make_one_firm() -> None:
    # a lexicon firm and a lexicon place before 证券: compound_spans joins them, no coined split
    assert of_type("ORG", "汇丰前海证券研究员覃思敏分析称，成本有望下降。") == ["汇丰前海证券"]


def test_coined_institutes_universities_and_hospitals() -> None:
    paragraph = (
        "澄源研究院首席研究员表示，岚峰大学和雅禾医院共同参与，溪川实验室、青芷协会也在其中。"
    )
    assert of_type("ORG", paragraph) == [
        "澄源研究院",
        "岚峰大学",
        "雅禾医院",
        "溪川实验室",
        "青芷协会",
    ]


def test_kinds_of_institutions_are_not_names() -> None:
    paragraph = (
        "三甲医院、公立医院、民营医院、定点医院和社区医院的就诊量上升。行业协会、重点实验室、"
        "老年大学、开放大学、重点大学、本地商会、相关协会、高校研究所参与。"
        "他考上了大学，在医院工作，去了证券交易所和期货交易所，在研究所实习。"
    )
    assert of_type("ORG", paragraph) == []


def test_firm_followed_by_its_business_keeps_its_name() -> None:
    paragraph = "溪港银行业务增长较快，岳川保险产品热销，澜云证券投资收益上升，泓岭基金经理变动。"
    assert of_type("ORG", paragraph) == ["溪港银行", "岳川保险", "澜云证券", "泓岭基金"]


def test_answer_turn_inside_the_question_block() -> None:
    paragraph = (
        "记者：门槛下调后，哪些投资者会最先受益？阚若溪：受益最明显的是年轻投资者。"
        "为什么？原因：成本高。"
    )
    assert of_type("PERSON", paragraph) == ["阚若溪"]


def test_full_name_right_before_its_title() -> None:
    paragraph = "会上，邝明远行长表示，将加大投放。据宓秋野教授介绍，项目进展顺利。"
    assert of_type("PERSON", paragraph) == ["邝明远", "宓秋野"]


def test_words_before_a_title_are_not_names() -> None:
    paragraph = "全行行长会议召开，支行行长走访企业，各行行长参加，琴行老板说，同时副行长认为。"
    assert of_type("PERSON", paragraph) == []


def test_credit_line_names_after_a_colon() -> None:
    paragraph = "作者：蔺知秋 宓远舟  责任编辑：钭晓禾  发布时间：2020-09-17"
    assert of_type("PERSON", paragraph) == ["蔺知秋", "宓远舟", "钭晓禾"]


def test_question_label_is_no_credit_line() -> None:
    assert of_type("PERSON", "记者：程序上，银行需要注意什么？") == []


def test_transliterated_names_with_a_middle_dot() -> None:
    paragraph = "大学教授约瑟夫·奈指出，让-克洛德·容克表示。据卡尔·马克思·莫尔介绍，成本下降。"
    assert of_type("PERSON", paragraph) == ["约瑟夫·奈", "让-克洛德·容克", "卡尔·马克思·莫尔"]


def test_dotted_places_and_themes_are_not_names() -> None:
    paragraph = (
        "博览会在中国·南宁举办，丝绸之路·经济带，金融·科技论坛，“数字·未来”峰会，王府井·西单商圈。"
    )
    assert of_type("PERSON", paragraph) == []


def test_bare_ticker_in_brackets_after_a_name() -> None:
    got = find_entities(blocks_of("川渝精工(301288)发布公告，邮编(362000)，电话(010-1234)。"))
    assert [(e.type, e.text) for e in got] == [("ORG", "川渝精工"), ("TICKER", "301288")]


def test_second_reporter_before_a_closing_bracket() -> None:
    paragraph = "新华社北京6月17日电(记者庄希、岑羽佳)国资委副主任表示，企业资产增长。"
    assert of_type("PERSON", paragraph) == ["庄希", "岑羽佳"]


@pytest.mark.parametrize("date", ["1-2月份", "1月至3月", "1—10月"])
def test_month_ranges_are_one_date(date: str) -> None:
    assert of_type("DATE", f"{date}，工业经济平稳运行。") == [date]


def test_investment_firms_and_their_generic_kinds() -> None:
    paragraph = (
        "耐心资本、国有资本、社会资本、长期资本、产业资本、私募创投和本土创投都在参与，"
        "新募基金规模下降，澄岭资本和岚溪创投也在其中。"
    )
    assert of_type("ORG", paragraph) == ["澄岭资本", "岚溪创投"]


def test_unknown_city_repeated_after_a_comma() -> None:
    paragraph = "鹭岛集团宣布与澧州市签署协议。项目位于澧州市，澧州市的养老需求旺盛。"
    assert of_type("PLACE", paragraph) == ["澧州市", "澧州市", "澧州市"]


@pytest.mark.parametrize(
    ("paragraph", "orgs"),
    [
        ("另据跨境观潮网统计，今年卖家数量增长三成。", ["跨境观潮网"]),
        ("江淮普惠金融研究中心的测算显示，贷款余额下降。", ["江淮普惠金融研究中心"]),
        ("记者专访了钱塘数字经济研究院院长蒋以恒。", ["钱塘数字经济研究院"]),
        ("行业研究机构岚舟研究院数据显示，规模上升。", ["岚舟研究院"]),
        ("本地物流公司衡鹭速运去年开通了专线。", ["衡鹭速运"]),
        ("跨境服务商栖梧出海负责人介绍了情况。", ["栖梧出海"]),
        ("旗下子公司澜汐储能今年新签订单。", ["澜汐储能"]),
        ("主要客户包括西门子和沃尔玛。", ["西门子", "沃尔玛"]),
    ],
)
def test_institutions_and_firms_named_once_by_what_they_do(paragraph: str, orgs: list[str]) -> None:
    assert of_type("ORG", paragraph) == orgs


@pytest.mark.parametrize(
    "paragraph",
    [
        "据该中心统计，去年贷款下降。",
        "据市场研究中心统计，价格回落。",
        "企业碳效评级与贷款利率挂钩。",
        "公司今年表示，企业数字转型为重点。",
        "拖欠企业账款主体的清单已经建立。",
        "这次调查的样本银行中，单次支付金额不高。",
    ],
)
def test_kinds_of_firm_and_everyday_phrases_are_no_organisation(paragraph: str) -> None:
    assert of_type("ORG", paragraph) == []


@pytest.mark.parametrize(
    ("paragraph", "people"),
    [
        ("合作社理事长宋一苗站在地头算账。", ["宋一苗"]),
        ("在商场里，市民柯晓岚用分期买了冰箱。", ["柯晓岚"]),
        ("有观点认为，有六成机构表示，记者从沪深交易所获悉。", []),
        ("行长王大力推进改革。", []),
    ],
)
def test_a_name_after_a_title_needs_a_clean_word_break_after_it(
    paragraph: str, people: list[str]
) -> None:
    assert of_type("PERSON", paragraph) == people


def test_countries_are_places() -> None:
    assert of_type("PLACE", "公司正在匈牙利和波兰筹建工厂。") == ["匈牙利", "波兰"]


def test_a_county_named_with_its_suffix_is_a_place_bare_too() -> None:
    places = of_type("PLACE", "在淇澳县，农户增收。", "淇澳、昌屿等4个县推广了新品种。")
    assert places == ["淇澳县", "淇澳"]


def test_a_firm_named_before_its_ticker_is_marked_at_every_mention() -> None:
    orgs = of_type("ORG", "岚汐能源（688777.SH）发布年报。", "岚汐能源去年海外收入增长明显。")
    assert orgs == ["岚汐能源", "岚汐能源"]


def test_a_running_header_names_no_one() -> None:
    blocks = [Block(0, "furniture", "编辑 孟川 美编 蓝溪 校对 乔一", [(1, 1)])]
    assert find_entities(blocks) == []


@pytest.mark.parametrize(
    ("paragraphs", "orgs"),
    [
        (("去年扩产。", "。云栖牧场财务总监韦一禾表示，订单增加。"), ["云栖牧场"]),
        (("据悉。檀溪数联，是一家总部位于芜湖的科技企业。",), ["檀溪数联"]),
        (("子药物的权益授予松岚制药，交易总额约2亿元。",), ["松岚制药"]),
    ],
)
def test_coined_firms_known_by_their_officers_and_trade(
    paragraphs: tuple[str, ...], orgs: list[str]
) -> None:
    assert of_type("ORG", *paragraphs) == orgs


@pytest.mark.parametrize(
    ("paragraph", "orgs"),
    [
        ("中经记者 秦朗 北京报道", []),
        ("人保财险分公司农险部负责人介绍了情况。", ["人保财险分公司", "农险部"]),
        ("仓储物流需求增加。", []),
    ],
)
def test_bylines_departments_and_trades_employ_no_one(paragraph: str, orgs: list[str]) -> None:
    assert of_type("ORG", paragraph) == orgs


def test_quoted_products_beside_their_kind() -> None:
    text = (
        "主打的“岚汐稳盈”系列规模增加，新药“澜宁康”获批，"
        "他参加了“稳蛋价”项目，企业看重“含权贸易”项目。"
    )
    assert of_type("PRODUCT", text) == ["岚汐稳盈", "澜宁康", "稳蛋价"]


@pytest.mark.parametrize(
    ("paragraph", "orgs"),
    [
        ("委托省内担保机构澧科融担负责运营。", ["澧科融担"]),
        ("澧科融担总经理聂一航表示，运行平稳。", ["澧科融担"]),
        ("亿元。淮海资本市场研究院分析师章以然表示，余额上升。", ["淮海资本市场研究院"]),
        ("位于合肥高新区的芯岚微电是受益企业之一。", ["芯岚微电"]),
        ("双方与慕尼黑再保险签订了协议。", ["慕尼黑再保险"]),
        ("易观千帆金融行业咨询专家韦玲艳指出。", []),
    ],
)
def test_firms_said_to_be_firms_or_run_by_someone(paragraph: str, orgs: list[str]) -> None:
    assert [o for o in of_type("ORG", paragraph) if not o.startswith("易观")] == orgs


def test_quoted_products_with_a_word_between_name_and_kind() -> None:
    text = "推出“融岚通”策略工具，“恒瑞福享”年金保险已纳入，下架了“靠档计息”类产品。"
    assert of_type("PRODUCT", text) == ["融岚通", "恒瑞福享"]


def test_kinds_of_trust_and_a_subsidiary_named_by_its_country_are_no_firms() -> None:
    text = "单家族信托规模增长，家族信托和慈善信托发展迅速，公司设立了越南子公司。岚川信托表示。"
    assert of_type("ORG", text) == ["岚川信托"]


def test_a_coined_firm_with_a_grammar_character_inside_and_a_two_character_product() -> None:
    text = "。绫都数科董事长陆之衡表示，公司“晶岚”系列设备去年出货，“抢发”潮退去。"
    assert of_type("ORG", text) == ["绫都数科"]
    assert of_type("PRODUCT", text) == ["晶岚"]


def test_local_state_groups_named_by_a_coined_or_place_name_and_their_line() -> None:
    assert of_type("ORG", "县属国有企业兴岚发展集团发行债券。") == ["兴岚发展集团"]
    assert of_type("ORG", "3月17日，澄江口港务集团发行票据。") == ["澄江口港务集团"]
    assert of_type("ORG", "经济发展集团化趋势明显，推动产业集团化。") == []


def test_a_county_at_the_end_of_a_chain_is_a_place_bare_too() -> None:
    places = of_type("PLACE", "贵州省遵义市湄澄县发行债券，湄澄的茶园很多。")
    assert places == ["贵州省遵义市湄澄县", "湄澄"]


def test_a_firm_before_its_partner_even_with_a_rare_word_and_an_everyday_line() -> None:
    assert of_type("ORG", "。格澜资本合伙人仇令远认为，竞争加剧。记者从沪深交易所获悉。") == [
        "格澜资本",
        "沪深交易所",
    ]


def test_a_country_before_a_known_foreign_firm_is_a_place_of_its_own() -> None:
    text = "船舶租给法国达飞海运集团使用，美国国际集团表示看好。"
    assert of_type("ORG", text) == ["达飞海运集团", "美国国际集团"]


def test_brands_of_food_medicine_and_shipbuilding_but_not_their_kinds() -> None:
    text = "椒岚食品收购辣椒，瞳澜医疗完成融资，澄渚船业接单；绿色食品、智慧医疗与中老年劳动力。"
    assert of_type("ORG", text) == ["椒岚食品", "瞳澜医疗", "澄渚船业"]


def test_a_registered_company_name_holds_its_province() -> None:
    assert of_type("ORG", "湖北鑫岚食品有限公司负责人表示。香港恒澜证券表示。") == [
        "湖北鑫岚食品有限公司",
        "恒澜证券",
    ]


def test_bureaus_by_their_short_names_after_a_place() -> None:
    assert of_type("ORG", "浙江省发改委发布通知，湖州市住建局跟进。") == [
        "浙江省发改委",
        "湖州市住建局",
    ]


def test_latin_letter_firms_by_what_the_sentence_says() -> None:
    text = (
        "公司在东南亚电商平台Kelapa开设旗舰店，并与物流服务商Ninja Van合作。"
        "Vantor数据显示，当地销量增长。据Wind统计，Kelapa的订单翻番。"
    )
    assert of_type("ORG", text) == ["Kelapa", "Ninja Van", "Vantor", "Wind", "Kelapa"]


def test_latin_terms_and_brands_without_a_firm_context_are_no_firms() -> None:
    text = "REITs和ETFs规模扩大，AI应用加速，App下载量和iPhone销量都在增长，Temu也在扩张。"
    assert of_type("ORG", text) == []


def test_bureaus_named_by_what_they_do() -> None:
    text = (
        "澄州市投资促进局、岚溪县贸易促进会和澄州市行政审批服务局联合发布，澄州市加快建设局面好转。"
    )
    assert of_type("ORG", text) == ["澄州市投资促进局", "岚溪县贸易促进会", "澄州市行政审批服务局"]


def test_known_counties_alone_in_a_list_and_with_a_suffix_word_after() -> None:
    text = "晋江市和石狮市合计贡献了近六成，鲤城区的增速最快；贵州省遵义市湄潭县县域经济。"
    assert of_type("PLACE", text) == ["晋江市", "石狮市", "鲤城区", "贵州省遵义市湄潭县"]


def test_a_long_run_before_a_bureau_is_two_phrases_not_one_bureau() -> None:
    text = "记者从重庆市澄泓消费金融总经理上官若地方金融管理局了解到。"
    assert "重庆市澄泓消费金融总经理上官若地方金融管理局" not in of_type("ORG", text)


def test_foreign_countries_and_cities_and_a_suffix_word_after_a_city() -> None:
    text = "公司在毛里塔尼亚和塔什干设点，第二座工厂选址蒙特雷市郊，慕尼黑再保险也参与。"
    assert of_type("PLACE", text) == ["毛里塔尼亚", "塔什干", "蒙特雷"]
    assert of_type("ORG", text) == ["慕尼黑再保险"]


def test_a_foreign_name_spelled_out_after_a_title() -> None:
    text = "阿穆尔集团采购总监卡里莫夫在签约仪式上说，需求增长。董事长阿里巴巴说。"
    assert of_type("PERSON", text) == ["卡里莫夫"]


def test_rare_surnames_after_a_title() -> None:
    assert of_type("PERSON", "牧云智能总经理仉一骁表示，养殖户撒之泉说。") == ["仉一骁", "撒之泉"]


def test_more_coined_firms_and_their_kinds() -> None:
    text = (
        "荷兰设备商Kesmora亚太区总裁范德维尔表示，澄禾农担董事长柯以航介绍，"
        "新工厂位于盛湾镇。公司做市团队目前有研究员，为中小市值科创板公司提供报价，走乡串镇。"
    )
    assert of_type("ORG", text) == ["Kesmora", "澄禾农担"]
    assert of_type("PERSON", text) == ["范德维尔", "柯以航"]
    assert of_type("PLACE", text) == ["荷兰", "盛湾镇"]


def test_autonomous_prefectures_in_a_chain_and_no_counts_or_kinds_of_town() -> None:
    text = "在阿坝藏族羌族自治州红原县，牧民增收。图为合肥市一处城市更新项目，推进新型城镇化。"
    assert of_type("PLACE", text) == ["阿坝藏族羌族自治州红原县", "合肥市"]


def test_a_quoted_name_after_a_system_is_a_product() -> None:
    assert of_type("PRODUCT", "自主研发的做市系统“澜衡”的报价延迟缩短。") == ["澜衡"]


def test_foreign_names_before_any_word_and_a_latin_firm_after_its_kind() -> None:
    text = (
        "Kovix首席执行官拉斯穆森今年3月到访时表示，日本护理企业Hanacare的体系，"
        "该公司亚洲区总裁汉森说，选择钦州。"
    )
    assert of_type("PERSON", text) == ["拉斯穆森", "汉森"]
    assert "Hanacare" in of_type("ORG", text)
    assert "亚洲区" not in of_type("PLACE", text)


def test_centres_named_by_their_field_and_what_they_do() -> None:
    text = "澄州市咖啡产业发展中心数据显示，岚溪区金融纠纷调解中心表示，杭州市打造金融服务中心。"
    assert of_type("ORG", text) == ["澄州市咖啡产业发展中心", "岚溪区金融纠纷调解中心"]


def test_industry_associations_and_a_provincial_credit_union() -> None:
    text = "安徽省农村信用社联合社表示，中国物流与采购联合会数据显示，乘联会统计，中汽协发布。"
    assert of_type("ORG", text) == [
        "安徽省农村信用社联合社",
        "中国物流与采购联合会",
        "乘联会",
        "中汽协",
    ]


def test_a_coined_firm_after_its_kind_before_jiu_and_a_single_firm_is_no_name() -> None:
    text = "公司与医药公司澄凡斯医疗就一款在研药物达成合作。单家公司的平均规模仍不到。"
    orgs = of_type("ORG", text)
    assert "澄凡斯医疗" in orgs
    assert "单家公司" not in orgs


def test_a_tibetan_name_after_a_role() -> None:
    assert of_type("PERSON", "在红原县，养殖户泽让多吉告诉记者，收入增加了。") == ["泽让多吉"]


def test_given_names_with_yu_and_a_brand_that_employs_the_person_after_its_title() -> None:
    paragraphs = (
        "该行养老金融部总经理柏于岚介绍，新产品很受欢迎。柏于岚透露，明年还将扩大试点。",
        "园区的主要租户包括生鲜电商禾蜂和几家物流企业。禾蜂副总裁祁于晨表示，订单增长很快。",
    )
    assert of_type("PERSON", *paragraphs) == ["柏于岚", "柏于岚", "祁于晨"]
    assert "禾蜂" in of_type("ORG", *paragraphs)


def test_listed_funds_and_quoted_products_the_text_uses() -> None:
    paragraphs = (
        "12月8日，“澄川仓储物流REIT”在深圳证券交易所上市。它比同期公募REIT整体高。",
        "“澜颐存”是该行去年推出的养老储蓄产品。“澜颐存”已累计销售约32亿元。",
    )
    assert of_type("PRODUCT", *paragraphs) == ["澄川仓储物流REIT", "澜颐存", "澜颐存"]


def test_firms_named_by_power_and_leasing_and_latin_firms_by_their_last_word() -> None:
    paragraph = (
        "澄穹电力发行了碳中和债，垦川租赁提供设备。挪威的Fjordal Asset Management参与认购，"
        "瑞士的Valdora Re承接了约四成。"
    )
    assert of_type("ORG", paragraph) == [
        "澄穹电力",
        "垦川租赁",
        "Fjordal Asset Management",
        "Valdora Re",
    ]


def test_a_pair_of_bare_county_names_are_places() -> None:
    places = of_type("PLACE", "计划推广到湖州的德清和长兴。禾牧在克东、依安两地收购鲜奶。")
    assert places == ["湖州", "德清", "长兴", "克东", "依安"]
    assert of_type("PLACE", "工行和建行都在做，上涨和下跌都有。") == []


def test_a_zone_named_between_its_city_and_its_kind_and_a_title_after_a_department() -> None:
    assert of_type("PLACE", "武汉东岭新技术开发区新一期产品发行。") == ["武汉东岭新技术开发区"]
    assert of_type("PERSON", "券商固定收益部分析师柏青禾认为，公司现金流稳定。") == ["柏青禾"]
