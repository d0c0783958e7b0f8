"""What a figure measures (its label), read from the clause around it."""

from __future__ import annotations

import re

from article import segment, wordtags
from article.entities import ORG_SUFFIX_WORDS
from article.figures.patterns import PRE_QUALIFIERS
from article.figures.subjects import between
from article.figures.syntax import (
    CHANGE_TAIL_RE,
    COUNTED_UNITS,
    FROM_WORDS,
    base_only,
    clean_prefix,
    counted_head,
    noun_phrase,
)
from article.model import Entity
from article.spans import words

CLAUSE_DELIMS = frozenset('，。；：！？,;:!?、（）()“”"‘’「」《》—\n \u3000')
LEAD_WORDS = words(
    "其中 此外 同时 目前 截至 实现 完成 达到 即由 即 由 为 向 对 在 已 并 且 而 但 也 还 都 将 可 "
    "有 其 共 据 从 较 比 该行 该公司 该集团 该机构 该笔 此笔 该市 该省 该县 该区 该地 累计 内 "
    "间 来 以来 之间 之内 期间"
)
TAIL_WORDS = words(
    "分别为 分别 约为 均为 通常以 共计 合计 总计 高达 多达 达到 达 突破 为 是 共 了 的 在 "
    "降至 升至 增至 提高至 提升至 下降至 下调至 上调至 降到 升到 提高到 提升到 增加到 降低到 "
    "可达 可 普遍 大多 大都 一般在 多在 有望 预计 分为 "
    "以 均 已 已经 仍 将 约 逾 超 通常 一般 有 则 也 至 占 仅 从 由 要 就 "
    "已有 共有 还有 保持在 维持在 控制在 稳定在 保持 维持 每年 每月 每天 每日 每季度 每周 "
    "可以 能够 只有 仅有 才 每吨 每手 每股 每户 每人 每年度 原则上 动辄 平均 中 "
    "定为 设定为 确定为 调整为 只需 仅需 只要 需要 需"
)
CHANGE_VERBS = (
    r"(下降|下调|降低|回落|减少|缩小|缩短|压缩|压降|收窄|缩减|下滑|提高|提升|上调|上升|回升|增加|增长"
    r"|扩大|扩充|延长|攀升|跌|涨)"
)
# 计划把服务商户扩大到: what 把/将 takes is what the change measures
DISPOSAL_RE = re.compile(
    rf"^.*?(?:把|将)(?P<measure>[^把将]{{2,}}?){CHANGE_VERBS}(?:了)?$"
    r"|^.*?把(?P<taken>[^把将]{2,})$"  # 计划把从中国采购的比例 (由8%提高到…): what 把 takes
)
LEAD_VERBS = ("实现", "达到")
# 保证金为合约价值的8%, 存续规模约占全国的18%: the measure stands before 为/是/占, the base after
# (but 占比 is a noun, and in 成本占总成本的比例 the share is named after the base)
SHARE_OF_RE = re.compile(r"^(.{2,}?)(?:为|是)[^为是]{2,}$|^(.{2,}?)约?占(?!比)[^为是占的由从]{2,}$")
# 票面利率比同期限企业债低: a measure, 比 or 较, what it is compared with, and how it differs
COMPARED_RE = re.compile(r"^(.{3,}?)(?:比|较)[^比较]{2,}?(?:低|高|多|少|快|慢|长|短)(?:了|出)?$")
BASE_VERB_RE = re.compile(r"是|达到|相当于")
MODALS = frozenset(words("可以 能够 得以 可望 有望 将会 能 会 要 将 可"))
MODAL_CHARS = frozenset("".join(MODALS))
COMPARE_WORDS = frozenset({"较", "比", "同比", "环比"})
BASE_PERIODS = ("年初", "上年", "去年", "同期", "上月", "上季", "前一年", "上一年", "年末")
# Verbs of reporting that open a clause after its source (某行披露其…余额为): not the measure.
REPORT_VERBS = words("披露 表示 透露 介绍 指出 称 显示 公布 公告 宣布 发布 获悉 了解到 数据显示")
LEAD_SET = frozenset(LEAD_WORDS) | frozenset(REPORT_VERBS)
TAIL_SET = frozenset(TAIL_WORDS) | frozenset(PRE_QUALIFIERS) | frozenset({"到"})
MAX_LABEL = 20
MAX_CLAUSE = 80  # characters looked back for a label
MAX_AFTER = 12
MAX_QUOTED_NAME = 10  # characters of a quoted product or programme name inside a clause
QUOTE_VERB_WINDOW = 4  # characters looked back for the verb before a quoted name
PURPOSE_TAGS = frozenset({"v", "vn", "vd"})
SUBJECT_TYPES = frozenset({"ORG", "PERSON", "DATE", "TICKER"})
TIME_UNITS = frozenset(words("年 天 个月 周岁 岁 小时 分钟 周 个工作日 个交易日 工作日 交易日"))


def _trim(label: str) -> str:
    """Drop little words (为, 约, 较 …) from both ends, whole words only: 比例 keeps its 比."""
    words_ = segment.cut(label, hmm=False)
    head, tail = 0, len(words_)
    while tail > head and _ends_with_little(words_, head, tail):
        tail -= 2 if "".join(words_[tail - 2 : tail]) in TAIL_SET else 1
    while head < tail and _starts_with_little(words_, head, tail):
        head += 2 if "".join(words_[head : head + 2]) in LEAD_SET else 1
    return "".join(words_[head:tail])


def _ends_with_little(words_: list[str], head: int, tail: int) -> bool:
    """Whether the last word (or last two) is a tail word such as 为, 分别为, 最高."""
    return words_[tail - 1] in TAIL_SET or (
        tail - head >= 2 and "".join(words_[tail - 2 : tail]) in TAIL_SET
    )


def _starts_with_little(words_: list[str], head: int, tail: int) -> bool:
    """Whether the first word (or first two) is a lead word such as 其中, 较, 即由."""
    if words_[head] in COMPARE_WORDS and _base_period("".join(words_[head + 1 : head + 3])):
        return False  # 较年初增长: the comparison is the measure, not a little word
    if words_[head] == "在" and any("的" in w for w in words_[head + 1 : tail]):
        return False  # 在东南亚开展业务的机构: the place belongs to the relative clause
    return words_[head] in LEAD_SET or (
        tail - head >= 2 and "".join(words_[head : head + 2]) in LEAD_SET
    )


def _base_period(words_: str) -> bool:
    """年初, 上年同期, 高峰期: what a comparison with 较/比 is made against."""
    return words_.startswith(BASE_PERIODS) or words_[:3].endswith(("期", "末", "初"))


def clause_start(text: str, pos: int, floor: int) -> int:
    """Index after the last clause delimiter before pos, never before floor; (…) is skipped."""
    i = pos
    while i > floor:
        if text[i - 1] in ")）":
            opening = max(text.rfind("(", floor, i), text.rfind("（", floor, i))
            if opening < 0:
                break
            i = opening
        elif (
            i == pos
            and text[i - 1] == "”"
            and (opening := _quoted_name_start(text, i - 1, floor)) >= 0
        ):
            i = opening  # 发放“某某贷”4.6亿元: a short quoted name belongs to the clause
        elif text[i - 1] in CLAUSE_DELIMS and not _latin_space(text, i - 1):
            break
        else:
            i -= 1
    return i


def _latin_space(text: str, i: int) -> bool:
    """The space of 消费金融类ABS 14单, Kaiyo Tours: a word space after Latin, no clause break."""
    return text[i] == " " and i > 0 and text[i - 1].isascii() and text[i - 1].isalnum()


def _quoted_name_start(text: str, closing: int, floor: int) -> int:
    """Index of the “ opening a short quoted name that ends at closing, -1 when it is no name."""
    opening = text.rfind("“", max(floor, closing - MAX_QUOTED_NAME - 1), closing)
    if opening < 0 or any(ch in CLAUSE_DELIMS for ch in text[opening + 1 : closing]):
        return -1
    return opening


def _after_phrase(text: str, end: int) -> tuple[str, bool]:
    """The noun phrase a count or amount introduces (…家科技型企业); whether 的 linked it."""
    linked = text.startswith("的", end)
    pos = end + 1 if linked else end
    stop = pos
    while stop < len(text) and stop - pos < MAX_AFTER + 4 and text[stop] not in CLAUSE_DELIMS:
        stop += 1
    phrase = ""
    pieces = segment.cut(text[pos:stop], hmm=False)
    if pieces and wordtags.tag(pieces[0]) in PURPOSE_TAGS and not linked:
        return "", linked  # 投资45亿元建设…: what the money is for, not what it measures
    for i, word in enumerate(pieces):
        if word.isdigit() or word in "的和与及等":
            break
        verb = wordtags.tag(word) in wordtags.NON_NAME_TAGS and word not in ORG_SUFFIX_WORDS
        if verb and not (len(phrase) >= 2 and _noun_follows(pieces, i)):
            break  # 支行 is tagged a verb, but 12家县域支行 counts branches
        if len(phrase) + len(word) > MAX_AFTER:
            break
        if len(phrase) >= 2 and wordtags.tag(word) == "vn" and not linked:
            break  # 12家险企投资建设…: the counted thing ends where its action begins
        phrase += word
    return (phrase if len(phrase) >= 2 else ""), linked


def _noun_follows(pieces: list[str], i: int) -> bool:
    """乡村振兴公司债券: a verb inside a name of a thing, a noun right after it."""
    return i + 1 < len(pieces) and wordtags.tag(pieces[i + 1]) in ("n", "nz", "ng")


def _quoted_after(text: str, end: int) -> str:
    """发放46笔“碳效贷”: the short quoted name a count is of."""
    if not text.startswith("“", end):
        return ""
    closing = text.find("”", end + 1, end + 2 + MAX_QUOTED_NAME)
    name = text[end + 1 : closing] if closing > 0 else ""
    return name if len(name) >= 2 and not any(ch in CLAUSE_DELIMS for ch in name) else ""


def _quoted_label(text: str, start: int, floor: int) -> str:
    """发放“某某贷”4.6亿元 → 发放某某贷: the quoted name right before a figure, with its verb."""
    if not start or text[start - 1] != "”":
        return ""
    opening = _quoted_name_start(text, start - 1, floor)
    if opening < 0:
        return ""
    name = text[opening + 1 : start - 1]
    before = segment.cut(text[max(floor, opening - QUOTE_VERB_WINDOW) : opening], hmm=False)
    verb = before[-1] if before and wordtags.tag(before[-1]) in PURPOSE_TAGS else ""
    return verb + name


def _prefix_label(text: str, start: int, floor: int, entities: list[Entity], counted: bool) -> str:
    """The clause before the figure, without its subject and the little words around it."""
    quoted = _quoted_label(text, start, floor)
    if quoted:
        return quoted
    begin = clause_start(text, start, max(floor, start - MAX_CLAUSE))
    for e in between(entities, begin, start):
        if e.type in SUBJECT_TYPES and not text.endswith(FROM_WORDS, 0, e.start):
            # 某行贷款余额为: the subject is no part of the measure; 规模由上年末的…: the date
            # after 由 is where a change starts, the measure stands before it
            begin = max(begin, e.end)
    if base := _base_subject(text, begin, start, counted):
        return base  # 月产能达到去年同期的近3倍: what is multiplied stands before the verb
    for verb in LEAD_VERBS:
        cut = text.rfind(verb, begin, start)
        if cut >= 0 and start - cut - len(verb) >= 2:
            begin = cut + len(verb)
    begin = _after_place(text, begin, start, entities)
    kept = _trim(text[begin:start])
    label = _disposed(_compared(_after_modal(kept)))
    label = _without_adverbial_tail(label, text, start)
    if text.endswith("的", 0, start) and (share := SHARE_OF_RE.match(label)):
        # 保证金为合约价值的8%: the measure is before 为 (or 占), the base after
        label = share.group(1) or share.group(2)
    if len(label) > 2 and label.endswith("达"):
        label = label[:-1]  # 占比达: jieba glues 达 into 比达, a word of its dictionary only
    places = frozenset(e.text for e in between(entities, begin, start) if e.type == "PLACE")
    counted = counted and not _predicated(text[begin:start], kept)
    label = clean_prefix(label, counted, places) if label else label
    if label.startswith(FROM_WORDS) and base_only(label[1:]):
        return _clause_before(text, begin, floor, counted)  # X，已经从过去的3天缩短到…
    if not label and text.endswith("中，", 0, begin):
        return _clause_before(text, begin, floor, counted, among=True)  # 募集资金中，约9.2亿元…
    if text.startswith("分别", begin) or (
        label and all(w in TRAILING_WORDS for w in segment.cut(label, hmm=False))
    ):
        # 保障价格分为三档，分别为…: the subject of the clause that set out the list
        return _clause_before(text, begin, floor, counted) or _listed_subject(text, begin, floor)
    if not any(ch.isalnum() for ch in label):
        return ""  # only punctuation (—-) between two figures
    return _without_trailing_adverbs(label)[-MAX_LABEL:]  # 员工总数预计(由…): no 预计


PREDICATES = ("达", "为", "是", "有", "至", "到", "由", "从", "突破", "超")


def _predicated(clause: str, kept: str) -> bool:
    """签约客户达到27家: a verb between the phrase and its count makes the phrase the subject, so
    a verb opening it (签约, 交割) is part of the noun, not an action done to it (`kept`: the
    clause without its little words)."""
    tail = clause[clause.rfind(kept) + len(kept) :] if kept else ""
    return any(verb in tail for verb in PREDICATES)


def _base_subject(text: str, begin: int, start: int, counted: bool) -> str:
    """The measure before 是/达到/相当于 when only a base period follows it (…是去年的1.6倍)."""
    m = BASE_VERB_RE.search(text, begin, start)
    if m is None or not base_only(text[m.start() : start]):
        return ""
    label = clean_prefix(_trim(text[begin : m.start()]), counted)
    return label if len(label) >= 2 else ""


TIME_TAIL_RE = re.compile(r"(?:每年|每月|今年以来|年内|以来|今年|去年|近年来|近年)$")
PER_UNIT_TAIL_RE = re.compile(r"(?:为|是)?每[\u4e00-\u9fff]{1,2}$")  # 均价为每公斤31.5元
AVERAGE_TAIL_RE = re.compile(r"(?:年均|月均|日均|人均|户均|平均)$")  # 台风年均4.2个
CHANGE_BEFORE_RE = re.compile(rf"{CHANGE_VERBS}(?:到|至)了?$")  # 存栏已经扩大到了420只


def _without_adverbial_tail(label: str, text: str, start: int) -> str:
    """What the figure measures, without a per-unit, an average or a change verb at its end."""
    for tail in (PER_UNIT_TAIL_RE, AVERAGE_TAIL_RE):
        if (m := tail.search(label)) and m.start() >= 2:
            label = label[: m.start()]
    verb = CHANGE_BEFORE_RE.search(text, max(0, start - 6), start)
    if verb and label.endswith(verb.group(1)) and _names_something(label[: -len(verb.group(1))]):
        label = label[: -len(verb.group(1))]  # 利差进一步收窄至: the change is no part of what
    elif (verb := CHANGE_BEFORE_RE.search(label)) and _names_something(label[: verb.start()]):
        label = label[: verb.start()]  # 猪价一度跌到(每公斤): the per-unit cut, then the change
    if measure := _changed_measure(label, text, start):
        label = measure  # 单位产值能耗下降14.2%: what fell, not that it fell
    return _without_trailing_adverbs(label) if label else label


def _changed_measure(label: str, text: str, start: int) -> str:
    """The measure before a change verb (能耗下降), or '' when only a comparison stands there
    (较挂牌基准价上涨, 比前年提升了: the change is all the clause says)."""
    change = CHANGE_TAIL_RE.search(label)
    measure = TIME_TAIL_RE.sub("", label[: change.start()]) if change else ""
    at = text.rfind(label, max(0, start - MAX_CLAUSE), start)
    if not measure or measure[0] in "较比" or (at > 0 and text[at - 1] in "较比"):
        return ""
    return "" if base_only(measure) or not _names_something(measure) else measure


TRAILING_WORDS = frozenset(
    words(
        "其中 全部 多 仍然 仍 已经 已 均 都 也 还 则 就 又 了 分别 预计 一度 约 大约 有望 或将 将 "
        "可能"
    )
)


def _without_trailing_adverbs(label: str) -> str:
    """精品豆的占比仍然, 柴油集卡全部, 认购了其中: adverbs at the end say how, not what."""
    words_ = segment.cut(label, hmm=False)
    while len(words_) > 1 and (words_[-1] in TRAILING_WORDS or wordtags.tag(words_[-1]) == "d"):
        words_.pop()
    if len(words_) > 1 and words_[-1] == "了":
        words_.pop()
    return "".join(words_) if len("".join(words_)) >= 2 else label


def _names_something(rest: str) -> bool:
    """Two characters or more, not adverbs alone (进一步收窄至…: the measure is elsewhere)."""
    words_ = segment.cut(rest, hmm=False)
    return len(rest) >= 2 and not all(wordtags.tag(w) in ("d", "ad", "c", "p") for w in words_)


def _clause_before(text: str, begin: int, floor: int, counted: bool, among: bool = False) -> str:
    """The noun phrase of the clause before a comma (收款的时间，从过去的…): what changes; with
    `among`, the whole a part is taken from (募集资金中，…)."""
    if begin - 1 <= floor or text[begin - 1] != "，":
        return ""
    start = clause_start(text, begin - 1, max(floor, begin - 1 - MAX_CLAUSE))
    label = clean_prefix(_trim(text[start : begin - 1 - among]), counted)
    last = segment.cut(label, hmm=False)[-1:] if label else []
    return label[-MAX_LABEL:] if last and wordtags.tag(last[0]) in NOUN_TAGS else ""


NOUN_TAGS = frozenset({"n", "nz", "ng", "vn", "an"})
LISTING_VERB_RE = re.compile(r"分为|分成|包括|设有|设置|设|有|为|是")


def _listed_subject(text: str, begin: int, floor: int) -> str:
    """The subject of the clause before a comma, before its verb of listing (价格分为三档)."""
    if begin - 1 <= floor or text[begin - 1] != "，":
        return ""
    start = clause_start(text, begin - 1, max(floor, begin - 1 - MAX_CLAUSE))
    verb = LISTING_VERB_RE.search(text, start, begin - 1)
    label = clean_prefix(_trim(text[start : verb.start()]), False) if verb else ""
    return label[-MAX_LABEL:] if len(label) >= 2 else ""


def _disposed(label: str) -> str:
    """计划把服务商户扩大 → 服务商户: what 把/将 takes is what changes."""
    m = DISPOSAL_RE.match(label)
    return (m.group("measure") or m.group("taken")) if m else label


def _compared(label: str) -> str:
    """票面利率比同期限企业债低: the measure stands before 比/较, the rest is the comparison."""
    if not COMPARED_RE.match(label):
        return label
    words_ = segment.cut(label, hmm=False)
    cuts = [i for i, w in enumerate(words_) if w in ("比", "较") and i >= 1]
    measure = "".join(words_[: cuts[0]]).removeprefix("的") if cuts else ""
    return measure if len(measure) >= 2 else label  # 比例提高: 比 inside a word compares nothing


def _after_place(text: str, begin: int, start: int, entities: list[Entity]) -> int:
    """在东南亚新增…: a leading 在 + place says where, not what is measured."""
    if not text.startswith("在", begin):
        return begin
    place = next((e for e in between(entities, begin, start) if e.start == begin + 1), None)
    if place is None or place.type != "PLACE":
        return begin
    if text.startswith("的", place.end):
        return place.start  # 在美国的收入占比: the place owns the measure, 在 does not
    if "的" in text[place.end : start]:
        return begin  # 在东南亚开展业务的机构: the place is part of a relative clause
    return place.end


def _after_modal(label: str) -> str:
    """他的店里每月可以节省手续费 → 节省手续费: what comes after a modal verb is the measure."""
    if not any(ch in label for ch in MODAL_CHARS):
        return label
    words_ = segment.cut(label, hmm=False)
    cuts = [i for i, w in enumerate(words_[:-1]) if w in MODALS]
    rest = "".join(words_[cuts[-1] + 1 :]) if cuts else label
    if rest.startswith(FROM_WORDS) and cuts and cuts[-1] >= 1:
        return "".join(words_[: cuts[-1]])  # 试点企业数量有望从…: the measure stands before
    return rest if len(rest) >= 2 else label


def label_for(
    text: str, start: int, end: int, unit: str, floor: int, entities: list[Entity]
) -> tuple[str | None, str]:
    """What the figure measures, and why: the noun it counts, the phrase it introduces (…的X)
    or the subject of the clause before it; never with the verb that leads to the figure."""
    label, why = _label_for(text, start, end, unit, floor, entities)
    if label and label.endswith("长") and "长达" in text[max(0, start - 5) : start]:
        label = label[:-1]  # 账期长达147天: 达 was trimmed as a little word, 长 is left over
    return (_without_verb_tail(label.strip()) if label else label), why


# Verbs and adverbs jieba cuts apart that lead a clause to its figure (账期长达147天, 均价最低
# 跌至7350元, 新客户里超过七成): no part of what the figure measures.
_VERB_TAIL_RE = re.compile(
    r"(?:长达|最低|最高|跌至|涨至|跌到|涨到|跌破|涨破|里|今年|去年|明年|一年|户均|人均|年均|日均)+$"
)
_JUMP_RE = re.compile(r"^[（(](?:上接|下转|接上|转下)[^）)]{0,8}[）)]")  # （上接A2版）商户…


def _without_verb_tail(label: str) -> str:
    """The label without a leading verb or adverb at its end, when a name is left."""
    label = _JUMP_RE.sub("", label) or label
    cut = _VERB_TAIL_RE.search(label)
    return label[: cut.start()] if cut and cut.start() >= 2 else label


def _noun_right_after(text: str, end: int) -> str:
    """The dictionary noun right after a share of tenths (七成企业), or ''."""
    word = segment.cut(text[end : end + MAX_AFTER], hmm=False)[:1]
    if not word or len(word[0]) < 2 or wordtags.tag(word[0]) != "n":
        return ""
    return word[0] if segment.word_freq(word[0]) >= segment.MIN_WORD_FREQ else ""


def _label_for(
    text: str, start: int, end: int, unit: str, floor: int, entities: list[Entity]
) -> tuple[str | None, str]:
    """label_for's reading, before its verb tail is cut."""
    head = counted_head(text, end, unit)
    if head:
        return _without_trailing_adverbs(head), "label: the noun after the count"
    if text[end - 1 : end] == "成" and (share_of := _noun_right_after(text, end)):
        return share_of, "label: the noun the share counts (近七成企业…)"
    if unit in COUNTED_UNITS and (quoted := _quoted_after(text, end)):
        return quoted, "label: the quoted name after the count"
    after, linked = _after_phrase(text, end)
    if linked and (phrase := noun_phrase(text, end + 1)):
        return phrase, "label: the noun phrase after 的"
    if after and (linked or unit not in TIME_UNITS):
        return after, "label: the phrase the figure introduces"
    prefix = _prefix_label(text, start, floor, entities, unit in COUNTED_UNITS)
    if prefix:
        return prefix, "label: the subject of the clause before the figure"
    return (after, "label: the phrase after the figure") if after else (None, "no label")
