"""Labels read from the clause's syntax: the head noun a count quantifies, the subject of 为/达
/增长/占 freed of scope words, times and pronouns, the noun before 由…至…."""

from __future__ import annotations

import re

from article import segment, wordtags
from article.entities import ORG_SUFFIX_WORDS
from article.spans import is_han, words

# Units that count things: the noun after them (5户被拖欠企业) is what they count.
COUNTED_UNITS = frozenset(
    words("家 户 笔 只 项 个 台 辆 架 艘 件 份 场 单 支 条 款 名 位 所 座 张 套 批 类 种 人 人次")
)
CLAUSE_STOPS = frozenset('，。；：！？,;:!?、（）()“”"‘’「」《》—\n \u3000')
NOUN_TAGS = frozenset({"n", "nz", "nt", "ns", "nr", "ng", "j", "l", "an", "vn", "s", "zg", None})
MODIFIER_TAGS = frozenset({"b", "a", "r", "t", "f", "m", "v", "p", "vn", "ad", "d"})
HEAD_STOPS = frozenset("的和与及等")
MEASURE_WORDS = frozenset("笔户家个项名位只批")
MAX_HEAD = 10
# Words that open a clause without being what it measures: scope, pronouns, times.
SCOPE_WORDS = frozenset(
    words(
        "全国 全省 全市 全县 全区 全行 全辖 全年 我们 我行 本行 公司 他们 该行 其 目前 如今 此前 "
        "去年 今年 当年 近年 近年来 已经 还 也 却 则 把 让 使 将 国内"
    )
)

CLOSERS = "）)】]」』”’"
CHANGE_TAIL_RE = re.compile(
    r"(?:同比|环比|(?:较|比(?![例重率]))[^，。的]{0,10}?)?"
    r"(?:下降|增长|上升|提高|减少|回落|上涨|下跌|增加|降低|扩大|缩小|提升|上调|下调|多增|少增)了?$"
)
CHANGE_VERB_RE = re.compile(
    r"(?:增加|提高|提升|下降|降低|减少|扩大|缩小|缩短|延长|上升|增长|扩充|压缩|回落|升至|降至|增至)"
)
MEASURE_NOUNS = tuple(words("数量 规模 总数 总量 余额 金额 比例 占比 人数 户数 家数 笔数"))
TIME_ENDS = frozenset("年月日节初末底前后时")
TIME_WORDS = frozenset(words("目前 如今 当前 现在 近期 近日 日前 此前 眼下"))
BASE_ONLY_RE = re.compile(
    r"(?:是|为|达到|相当于)?(?:去年|上年|前年|今年|同期|现在|目前|当时|此前|原来|过去|"
    r"\d{4}年|上一年|上月|上季度|年初|[\d一二两三四五六七八九十]{1,2}(?:年|个月|天)前"
    r"|[\u4e00-\u9fff]{2,8}?(?:之前|以前|前))"
    r"(?:同期|全年|底|末)?的?"
)
INNER_ADVERBS = frozenset(words("却 也 还 则 均 都 又 更 已 已经 仍 就"))
FROM_WORDS = ("由", "从")
NOT_FROM = frozenset(words("由于 从事 从而 从业 自由 理由 经由"))
FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "d", "r", "m", "q", "f", "y", "zg"})
VERB_TAGS = frozenset({"v", "vd", "vn", "p", "d", "c", "u", "uj", "ul"})


def _tagged(text: str) -> list[tuple[str, str | None]]:
    """Words of a short clause with their dictionary tags (jieba's posseg without its HMM);
    two lone content characters no word joins (康/养) are one coined word."""
    out: list[tuple[str, str | None]] = []
    for w in segment.cut(text, hmm=False):
        tag = wordtags.tag(w)
        if out and _lone_pair(out[-1], w, tag):
            out[-1] = (out[-1][0] + w, None)
        else:
            out.append((w, tag))
    return out


def _lone_pair(prev: tuple[str, str | None], word: str, tag: str | None) -> bool:
    """Two single content characters that make no dictionary word together."""
    if len(prev[0]) != 1 or len(word) != 1 or not ("\u4e00" <= word <= "\u9fff"):
        return False
    if prev[1] in FUNCTION_TAGS or tag in FUNCTION_TAGS:
        return False
    return not segment.word_freq(prev[0] + word)


def _nounish(word: str, tag: str | None) -> bool:
    """A noun, or a word ending in one (拖欠款项 is tagged a verb, 款项 is a noun)."""
    if (tag in NOUN_TAGS and tag != "vn") or word in ORG_SUFFIX_WORDS:
        return True  # 县域支行: 支行 is tagged a verb
    return len(word) > 2 and wordtags.tag(word[-2:]) in ("n", "nz", "ng")


def counted_head(text: str, end: int, unit: str, relative: bool = True) -> str:
    """5户被拖欠企业6笔…: the noun phrase right after a count, up to its verb or the next figure."""
    if unit not in COUNTED_UNITS or end >= len(text) or text[end] in CLAUSE_STOPS:
        return ""
    stop = end
    while stop < len(text) and stop - end < MAX_HEAD + 4 and text[stop] not in CLAUSE_STOPS:
        stop += 1
    head, seen_noun = "", False
    kept: list[tuple[str, str | None]] = []
    tagged = _tagged(text[end:stop])
    for i, (word, tag) in enumerate(tagged):
        if word in PAIRING and seen_noun and _paired_noun(tagged, i, len(head)):
            head += word + tagged[i + 1][0]  # 11个国家和地区: one counted pair
            break
        if relative and word == "的" and kept and kept[0][1] in RELATIVE_OPENERS:
            return _after_relative(tagged) or head  # 3艘正在舾装的汽车运输船
        if word[0].isdigit() or word in HEAD_STOPS or len(head) + len(word) > MAX_HEAD:
            break
        if seen_noun and tag == "f" and len(word) == 1:
            break  # 2000名借款人中: the locative says among whom, not what is counted
        if (
            seen_noun
            and tag in VERB_TAGS
            and word not in ORG_SUFFIX_WORDS
            and not _compound(tagged, i)
        ):
            break  # 4户拖欠主体发放…: the counted thing ends where its action begins
        if not head and CHANGE_VERB_RE.match(word):
            return ""  # 2000户增加到…: the count changes, nothing after it is counted
        if not head and tag in ("d", "c"):
            # 3艘正在舾装的汽车运输船: what the clause before 的 describes is counted
            return _after_relative(tagged) or _deed(tagged)  # 其中9家已取得当地牌照
        head += word
        seen_noun = seen_noun or _nounish(word, tag)
        kept.append((word, tag))
    if _next_counts_it(text, end + len(head), kept):
        head = head[: -len(kept[-1][0])]  # 9个项目发放贷款27笔: the deed is the next count's
    return head if seen_noun and (len(head) >= 2 or _single_noun(head)) else ""


PAIRING = frozenset("和及")  # (与 is as often "with": 11家银行与康养机构签订…)
RELATIVE_OPENERS = frozenset(("d", "t", "v", "p", "ad"))  # 正在舾装的, 新建的: a describing clause
PAIR_ENDS = frozenset(("的", "。", "，", "、", "；"))
AGENT_ENDS = frozenset("户者商员企厂")  # 加工户, 经营者: a verb and its doer are one noun


def _paired_noun(tagged: list[tuple[str, str | None]], i: int, taken: int) -> bool:
    """A noun right after 和 that ends the counted phrase (no count of its own follows)."""
    if i + 1 >= len(tagged):
        return False
    word, tag = tagged[i + 1]
    last = i + 2 >= len(tagged) or tagged[i + 2][0] in PAIR_ENDS  # 国家和地区的投资者
    han = all(map(is_han, word))
    return han and _nounish(word, tag) and taken + 1 + len(word) <= MAX_HEAD and last


def _after_relative(tagged: list[tuple[str, str | None]]) -> str:
    """The noun phrase after the 的 that closes a clause describing what is counted."""
    words_ = [w for w, _ in tagged]
    if "的" not in words_[1:6]:
        return ""
    rest = tagged[words_.index("的") + 1 :]
    phrase = ""
    for word, tag in rest:
        if word[0].isdigit() or word in HEAD_STOPS or len(phrase) + len(word) > MAX_HEAD:
            break
        if phrase and tag in VERB_TAGS and not _nounish(word, tag):
            break
        phrase += word
    return phrase if len(phrase) >= 2 and _nounish(*rest[0]) else ""


def _next_counts_it(text: str, head_end: int, kept: list[tuple[str, str | None]]) -> bool:
    """The head's last word is a verb and its object (发放贷款) right before the next count."""
    if len(kept) < 2 or not text[head_end : head_end + 1].isdigit():
        return False
    last = kept[-1][0]
    return len(last) > 2 and wordtags.tag(last[:2]) == "v" and _nounish(*kept[-2])


def _compound(tagged: list[tuple[str, str | None]], i: int) -> bool:
    """结算中心, 从业经验: a verb right before a noun that ends the phrase is part of the noun."""
    if i + 1 >= len(tagged) or tagged[i][1] not in ("v", "vn"):
        return False
    if tagged[i + 1][0] in AGENT_ENDS:
        return True  # 个体加工户: the one who does it
    if not _nounish(*tagged[i + 1]) and tagged[i + 1][1] is not None:
        return False
    if tagged[i][1] == "vn":
        return True  # 消费金融, 补偿资金池: an action noun modifying the noun after it
    if tagged[i + 1][1] not in ("n", "ng"):
        return False  # 提供上门服务: a verb and its object, not a compound noun
    return i + 2 >= len(tagged) or not tagged[i + 2][0].isalnum()


def _deed(tagged: list[tuple[str, str | None]]) -> str:
    """已取得当地支付牌照: an adverb and a verb phrase after a bare count say what it counts."""
    if len(tagged) < 2 or tagged[1][1] not in ("v", "vn"):
        return ""
    deed = ""
    for word, _ in tagged:
        if word[0].isdigit() or len(deed) + len(word) > MAX_HEAD:
            break
        deed += word
    return deed if len(deed) >= 4 else ""


def noun_phrase(text: str, pos: int) -> str:
    """The noun phrase starting at pos (金融行业从业经验), up to a verb after its noun; a short
    phrase that fills the clause is taken whole (物流和海外仓补贴, 绿色综合授信)."""
    whole = _whole_clause_noun(text, pos)
    head = counted_head(text, pos, "个", relative=False)
    return whole if len(whole) > len(head) else head


def _whole_clause_noun(text: str, pos: int) -> str:
    """The rest of the clause when it is a short noun phrase: nouns, 和, and modifiers only."""
    stop = pos
    while stop < len(text) and text[stop] not in CLAUSE_STOPS:
        stop += 1
    if stop - pos > MAX_HEAD or stop == len(text):
        return ""
    tagged = _tagged(text[pos:stop])
    if not tagged or tagged[0][1] not in NOUN_TAGS or not _nounish_end(tagged):
        return ""
    inner = tagged[1:-1]
    if any(tag not in PHRASE_TAGS and word not in ("和", "与") for word, tag in inner):
        return ""
    return text[pos:stop]


PHRASE_TAGS = frozenset({"n", "nz", "ng", "vn", "s", "nr", "b", "a", "an", "j", "ns", "nt", None})
CREDIT_NOUNS = frozenset(words("授信 融资 贷款 补贴 补助 奖励 担保 保障"))


def _nounish_end(tagged: list[tuple[str, str | None]]) -> bool:
    """The phrase ends in a noun (补贴), or a credit word jieba tags a verb (授信)."""
    word, tag = tagged[-1]
    return _nounish(word, tag) or word in CREDIT_NOUNS


def _single_noun(word: str) -> bool:
    """县, 省: a one-character noun counted on its own."""
    return len(word) == 1 and wordtags.tag(word) in ("n", "zg", "ng", "q")


def clean_prefix(label: str, counted: bool, places: frozenset[str] = frozenset()) -> str:
    """The measured noun phrase: scope and time words, adverbs inside and 由… after it dropped."""
    tagged = _tagged(_without_place(label.lstrip(CLOSERS).removeprefix("的"), places))
    while len(tagged) > 1 and _scope_first(tagged):
        # 笔清欠贷款: a count's measure word, cut off from its number; 目前, 春节后, 该平台
        timed, demonstrative = tagged[0][1] == "t", tagged[0][0] == "该"
        tagged = tagged[1:]
        if demonstrative and len(tagged) > 1:
            tagged = tagged[1:]  # 该平台: the thing pointed back to is the subject
        if timed and len(tagged) > 1 and tagged[0][1] == "f" and len(tagged[0][0]) == 1:
            tagged = tagged[1:]  # 春节后: the time word's 后 goes with it
    cut = [i for i, (w, _) in enumerate(tagged) if _from_word(w) and i >= 1]
    if cut and len("".join(w for w, _ in tagged[: cut[-1]])) >= 2:
        # 审批周期由此前的: the noun before 由 is the measure (the last 由: in 赔款从报案到到账的
        # 时间由去年的, 从…到… says which time)
        tagged = tagged[: cut[-1]]
        counted = False  # 交割仓库由4家…: the phrase is the change's subject, its verb a part
    rest = "".join(w for w, _ in tagged[1:])
    # 设立特色网点46家: the verb says what was done to what is counted; but in 签约企业数量 the
    # verb is part of what is measured
    verb_first = counted and len(tagged) > 1 and tagged[0][1] == "v" and "的" not in rest
    if verb_first and not rest.endswith(MEASURE_NOUNS):
        tagged = tagged[1:]
    kept = [
        w for i, (w, _) in enumerate(tagged) if not (0 < i < len(tagged) and w in INNER_ADVERBS)
    ]
    return "".join(kept)


def _scope_first(tagged: list[tuple[str, str | None]]) -> bool:
    """The first word says when or of whom, not what: 目前, 春节, 该, 笔 (but 笔均 is a per-deal
    average)."""
    word, tag = tagged[0]
    if word in MEASURE_WORDS:
        return not tagged[1][0].startswith("均")
    return word in SCOPE_WORDS or word == "该" or (tag == "t" and _time_word(word))


def _time_word(word: str) -> bool:
    """春节, 年初, 近日: a time, not a measure jieba also tags so (逾期)."""
    return word[-1] in TIME_ENDS or word in TIME_WORDS


def measure_of(label: str) -> str:
    """托管面积比去年增加 → 托管面积: the measure a change was stated of."""
    m = CHANGE_TAIL_RE.search(label)
    return label[: m.start()] if m and m.start() >= 2 else label


def base_only(label: str) -> bool:
    """是去年, 去年同期, 是2023年: only what a multiple is taken of, no measure."""
    return bool(BASE_ONLY_RE.fullmatch(label))


def change_only(label: str) -> bool:
    """比上年末下降, 同比增长: the label names a change and no measure."""
    m = CHANGE_TAIL_RE.search(label)
    return m is not None and m.start() == 0


def _from_word(word: str) -> bool:
    """由, 从, 由此: a preposition opening where a change starts, not 由于 or 从事."""
    return word.startswith(FROM_WORDS) and word not in NOT_FROM


def _without_place(label: str, places: frozenset[str]) -> str:
    """在福建省内设立网点 → 设立网点: where it happened is not what is measured (unless 的)."""
    if "的" in label:
        return label
    rest = label.removeprefix("在")
    for place in places:
        if rest.startswith(place) and len(rest) - len(place) >= 2:
            rest = rest[len(place) :]
            return rest[1:] if rest[0] in "内外中" and len(rest) > 2 else rest
    return label
