"""Reflow rules on small invented texts: joins, gaps, duplicates, articles, lose-nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_reflow_support import block_at, joined, output_chars, run, source_chars

from article.model import TRUNCATED_END, TRUNCATED_START
from article.reflow.dups import _same_after, _same_before, find_duplicates

RUN = "这一段文字足足有二十多个字符长，用来检验重复检测是否可靠"


def test_adjacent_continuation_is_joined() -> None:
    text = "# 题\n\n今年以来，园区的企业数量\n\n稳步增长，税收也随之提高。"
    result = run(text)
    assert joined(result, 3, 5)
    assert block_at(result, 3).text == "今年以来，园区的企业数量稳步增长，税收也随之提高。"


def test_paragraph_start_signal_blocks_a_join() -> None:
    text = "# 题\n\n8月3日，省里召开全省清\n\n此外，多地出台了新的办法。"
    result = run(text)
    assert not joined(result, 3, 5)
    assert block_at(result, 3).flags == [TRUNCATED_END]


def test_measure_word_needs_a_numeral() -> None:
    result = run("# 题\n\n截至目前，已发放贷款\n\n笔，金额合计三千万元。")
    assert not joined(result, 3, 5)
    assert block_at(result, 5).flags == [TRUNCATED_START]
    ok = run("# 题\n\n截至目前，已发放贷款36\n\n笔，金额合计三千万元。")
    assert joined(ok, 3, 5)


def test_unbalanced_quote_only_joins_an_open_quote() -> None:
    text = (
        "# 题\n\n“订单排到了明年，说明市场\n\n对此，公司已经增加了班次。\n\n"
        "回暖的势头很稳。”厂长说。"
    )
    result = run(text)
    assert joined(result, 3, 7)
    assert block_at(result, 5).flags == []


def test_partner_may_come_before_the_dangling_end() -> None:
    text = (
        "# 题\n\n宣布，新线路将于年底通车。\n\n沿线站点同步建设。\n\n"
        "10月8日，城西轨道交通公司\n\n“我们会加快进度。”"
    )
    result = run(text)
    assert joined(result, 7, 3)
    block = block_at(result, 7)
    assert block.text.startswith("10月8日，城西轨道交通公司宣布，")
    assert block.index == 1  # it sits where the earlier part stood


def test_no_partner_means_visible_gaps_not_a_guess() -> None:
    result = run("# 题\n\n会议由副市长\n\n家企业参加了签约。")
    assert block_at(result, 3).flags == [TRUNCATED_END]
    assert block_at(result, 5).flags == [TRUNCATED_START]
    assert len(result.repairs) == 0


def test_duplicates_across_blocks_and_within_one_block() -> None:
    texts = [f"开头。{RUN}。中间的话。", "别的内容，与上文无关。", f"{RUN}。"]
    dups = find_duplicates(texts)
    assert [(d.block, d.of_block) for d in dups] == [(2, 0)]
    assert texts[2][dups[0].start : dups[0].end] == texts[0][dups[0].of_start :][: len(RUN) + 1]
    inner = find_duplicates([f"{RUN}。然后说了别的事情，再重复一次：{RUN}。"])
    assert len(inner) == 1 and inner[0].block == inner[0].of_block == 0
    assert inner[0].start > inner[0].of_start


def test_duplicates_are_sought_within_each_article() -> None:
    twice = f"# 港口\n\n{RUN}。\n\n码头扩建后吞吐量上升。\n\n{RUN}。"
    shared = f"# 果园\n\n{RUN}。\n\n# 渔港\n\n渔民说，{RUN}。"
    dups = run(twice).duplicates
    assert [(d.block, d.of_block) for d in dups] == [(3, 1)]
    assert run(shared).duplicates == []  # two articles quoting the same words: no misprint


def test_short_repeats_are_not_duplicates() -> None:
    texts = ["今天天气很好，我们出去走走。", "今天天气很好，他们留在家里。"]
    assert find_duplicates(texts) == []


def test_the_copy_is_the_block_mostly_made_of_it() -> None:
    texts = [f"{RUN}。", "无关。", f"前面有一些不同的话，{RUN}，后面还有更多不同的话。"]
    dups = find_duplicates(texts)
    assert [(d.block, d.of_block) for d in dups] == [(0, 2)]


def test_continuation_with_a_new_topic_starts_an_untitled_article() -> None:
    text = "# 甲\n\n关于港口的报道。\n\n上接 C3\n\n关于果园的另一篇报道。"
    result = run(text)
    assert [a.title for a in result.articles] == ["甲", None]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet="银行贷款企业，。、“”笔家表示的心核AB12 #\n", min_size=1, max_size=30),
        min_size=1,
        max_size=12,
    )
)
def test_lose_nothing_on_arbitrary_cut_text(pieces: list[str]) -> None:
    text = "# 标题\n\n" + "\n\n".join(pieces)
    result = run(text)
    assert output_chars(result) == source_chars(text)
    order = [i for a in result.articles for i in a.blocks]
    assert order == list(range(len(result.blocks)))
    assert all(set(b.flags) <= {TRUNCATED_START, TRUNCATED_END} for b in result.blocks)


def test_a_chain_of_three_pieces_becomes_one_block() -> None:
    text = (
        "# 题\n\n今年以来，园区新增的企业\n\n数量稳步增长，其中科技型企业的占比已经\n\n超过四成。"
    )
    result = run(text)
    block = block_at(result, 3)
    assert [first for first, _ in block.lines] == [3, 5, 7]
    assert block.text.endswith("占比已经超过四成。")
    assert [r.offset for r in result.repairs] == [12, 31]


def test_an_answer_keeps_its_kind_and_speaker_when_continued() -> None:
    text = "# 题\n\n《东岭日报》：明年呢？\n\n韩明远：我们计划在三个县\n\n建设新的仓储基地。"
    result = run(text)
    block = block_at(result, 5)
    assert (block.kind, block.speaker) == ("answer", "韩明远")
    assert block.text == "韩明远：我们计划在三个县建设新的仓储基地。"


def test_joins_never_cross_articles() -> None:
    text = "# 甲\n\n港口今年新开了三\n\n# 乙\n\n条航线，货量随之上升。"
    result = run(text)
    assert len(result.articles) == 2
    assert block_at(result, 3).flags == [TRUNCATED_END]
    assert block_at(result, 7).flags == [TRUNCATED_START]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab", max_size=30), st.text(alphabet="ab", max_size=30), st.data())
def test_galloping_run_extension_matches_a_plain_scan(a: str, b: str, data: st.DataObject) -> None:
    ea = data.draw(st.integers(0, len(a)))
    eb = data.draw(st.integers(0, len(b)))
    back = 0
    while back < min(ea, eb) and a[ea - back - 1] == b[eb - back - 1]:
        back += 1
    assert _same_before(a, ea, b, eb) == back
    limit = data.draw(st.integers(0, min(len(a) - ea, len(b) - eb)))
    ahead = 0
    while ahead < limit and a[ea + ahead] == b[eb + ahead]:
        ahead += 1
    assert _same_after(a, ea, b, eb, limit) == ahead


def test_numbered_list_headings_are_not_cut_sentences() -> None:
    text = (
        "# 题\n\n一、总体要求\n\n（一）指导思想。坚持稳中求进。\n\n"
        "（二）主要目标\n\n到明年底，覆盖全部县区。"
    )
    result = run(text)
    assert not any(len(b.lines) > 1 for b in result.blocks)
    assert all(not b.flags for b in result.blocks)


def test_a_colon_may_introduce_a_numbered_list() -> None:
    result = run("# 题\n\n具体措施包括：\n\n（一）加快审批。\n\n（二）降低费用。")
    assert joined(result, 3, 5)
    assert all(not b.flags for b in result.blocks)


def test_shared_fragments_of_common_words_never_join() -> None:
    text = (
        "# 题\n\n全市社区项目建设加快，社区项目总投资规模约\n\n## 小标题\n\n"
        "园区项目负责人王\n\n"
        "立新指出，社区项目建设要讲究质量。\n\n"
        "45亿元。其中一半来自社会资本。"
    )
    result = run(text)
    assert joined(result, 3, 11)
    assert joined(result, 7, 9)
    assert "规模约45亿元。" in block_at(result, 3).text


def test_a_word_wanting_an_amount_does_not_take_a_new_clause() -> None:
    result = run("# 题\n\n截至9月末，贷款余额达到\n\n随后，多家银行跟进。")
    assert not joined(result, 3, 5)
    assert block_at(result, 3).flags == [TRUNCATED_END]


def test_a_rare_compound_surname_after_a_title_takes_its_given_name() -> None:
    text = (
        "# 题\n\n海川证券首席经济学家闻人\n\n## 市场展望\n\n"
        "晓峰认为，明年债市仍有配置价值。\n\n"
        "截至11月末，基金规模达到\n\n"
        "同时，市场人士提醒投资者注意风险。"
    )
    result = run(text)
    assert joined(result, 3, 7)
    assert "首席经济学家闻人晓峰认为" in block_at(result, 3).text
    assert block_at(result, 9).flags == [TRUNCATED_END]


def test_a_continuation_without_chinese_words_starts_its_own_article() -> None:
    result = run("# 题\n\n正文一段。\n\n上接第2版\n\nOK, fine.")
    assert [a.title for a in result.articles] == ["题", None]
    assert block_at(result, 7).text == "OK, fine."


def test_a_photo_caption_and_a_long_footer_between_fragments_are_stepped_over() -> None:
    text = (
        "# 题\n\n"
        "据风险网统计，台风造成的损失中由保险赔付的部分只有\n\n"  # line 3
        "图为澄州市沿海的养殖渔排。本报记者 柯若溪 摄\n\n"  # line 5
        "两成左右。该研究院认为，巨灾债券是补上缺口的工具。\n\n"  # line 7
        "粤澜财险委托机构进行了测算。粤澜财险首席风险官邝一\n\n"  # line 9
        "财经周刊  B2  2026年5月21日  星期四  责任编辑 仝晓雯  美编 蓝佳\n\n"  # line 11
        "帆说，这个水平与国际同类债券大体相当。"  # line 13
    )
    result = run(text)
    assert block_at(result, 5).kind == "caption"
    assert block_at(result, 11).kind == "furniture"
    assert joined(result, 3, 7)
    assert joined(result, 9, 13)


def test_a_name_cut_after_its_first_given_character_joins_across_a_footer() -> None:
    text = (
        "# 题\n\n"
        "期货价格提供了新的参考。火锅底料生产商椒韵食品董事长柯一\n\n"  # line 3
        "财经周刊  B2  2026年5月21日  星期四  责任编辑 仝晓雯  美编 蓝佳\n\n"  # line 5
        "帆表示，公司每年采购干辣椒约1.5万吨。\n\n"  # line 7
        "业内人士告诉记者，平台公司的负责人向记\n\n"  # line 9
        "者透露，该行去年累计办理贷款。"  # line 11
    )
    result = run(text)
    assert joined(result, 3, 7)  # 柯一帆: the name's second given character after the footer
    assert joined(result, 9, 11)  # 向记者透露: a word across the break, no name
