"""Organisations no lexicon knows: a short coined name before a firm or institution suffix."""

from __future__ import annotations

import re

from article import lexicon, segment, wordtags
from article.entities.places import STOP_CHARS
from article.spans import Span, is_han, words

# A field and an institute (某某金融研究院): named after a place as often as coined.
FIELD_INSTITUTES = tuple(
    field + kind
    for field in words("金融 财经 经济 产业 科技")
    for kind in words("研究院 研究所 研究中心")
)
# Brand-style firms, a coined name and the line of business (某某支付, 某某消费金融, 某某制药):
# suffixes that are everyday words too, so the name before them must be no noun.
_BRAND_LINES = words(
    "汽车金融 财产保险 消费金融 金融科技 数字科技 数科 科技 支付 咨询 控股 置业 置地 重工 理财 "
    "信用评级 资信 数据中心 中心 网 "
    "制药 医药 药业 牧业 农服 新能 半导体 传媒 食品 医疗 船业 农担 融担 乳业 茶业 果业 种业 渔业 "
    "储能 锂电 光伏 新材 电气 航运 电力 租赁 能源 风电 水务 燃气 港务 物产 商贸"
)
# Lines of industry a firm is named by (某某精工, 某某化工) and a place's industry is spoken of
# (吴江纺织): the name before them must be coined, no place.
INDUSTRY_LINES = words(
    "精工 精密 机械 电子 电器 化工 矿业 建材 纺织 物流 装备 机电 智造 环保 微电子 汽车"
)
# Suffixes that make a firm of a bare coined name (星某银行, 华某保险, 泰某人寿).
FIRM_SUFFIXES = (
    FIELD_INSTITUTES
    + words(
        "农村商业银行 农商银行 农商行 村镇银行 银行 再保险 保险 人寿 财险 寿险 证券 期货 信托 "
        "基金会 基金 资管 资本 创投 集团 研究院 研究所 研究中心 实验室 协会 学会 商会 大学 医院 "
        "交易所 农商联合银行 联合银行"
    )
    + _BRAND_LINES
    + INDUSTRY_LINES
    # a local state firm: a coined or place name, its line, then 集团 (某某发展集团, 某某港务集团)
    + words(
        "发展集团 投资集团 建设集团 实业集团 产业集团 城投集团 港务集团 交通集团 能源集团 控股集团"
    )
)
FIRM_RE = re.compile("|".join(sorted(FIRM_SUFFIXES, key=len, reverse=True)))
# Suffixes that may follow a firm's name and belong to it (某某保险资管, 某某人寿保险).
TRAILING = words("资产管理 保险 人寿 财险 证券 基金 资管 集团 控股")
TRAILING_RE = re.compile("|".join(sorted(TRAILING, key=len, reverse=True)))
# A legal form after a firm's short name is still its name (某某汽车金融有限公司).
LEGAL_RE = re.compile("股份有限公司|有限责任公司|有限公司")
# 控股股东: who owns the firm; 基金经理: a fund's manager, a title. Neither is part of its name.
OWNER_WORDS = ("股东", "经理")
NAME_MIN, NAME_MAX = 2, 4
WINDOW = 8  # characters cut into words before the suffix
MAX_NAME_WORD_FREQ = 500  # a word more common than this is vocabulary, not a coined name
BUSY_CHAR_FREQ = 100000  # 人, 中, 年: a character this common ends a word, no name begins so
MAX_PLACE_WORD_FREQ = 3000  # 岭南银行, 华夏保险; but not 城市 (25084) nor 上市 (3199)
RURAL_BANKS = frozenset(words("农村商业银行 农商银行 农商行 村镇银行"))  # named after a county
PLACE_NAMED = RURAL_BANKS | frozenset(FIELD_INSTITUTES)  # a place's name, however common
FUNCTION_TAGS = frozenset({"p", "c", "u", "uj", "ul", "uz", "ug", "ud", "uv", "r", "d", "m", "f"})
FUNCTION_TAGS |= frozenset({"y", "e", "o", "t", "mq"})
WEAK_TAGS = frozenset({"v", "vd", "vn", "ad", "q"})
PAIR_STOP_TAGS = FUNCTION_TAGS - {"t"}  # 清 is tagged a time (the dynasty), yet names begin so
MODIFIER_TAGS = frozenset({"a", "b", "vn"})  # 浮动费率基金: a kind of fund, described
NAME_TAGS_OK = frozenset({"nt", "nz", "ns", "nr", "nrfg", "nrt", "j"})
CN_NUMERALS = frozenset("一二两三四五六七八九十百千万几")
PROPER_TAGS = frozenset({"ns", "nr", "nz", "nrt"})  # 岭南, 东岳: proper names, however common
BRAND_SUFFIXES = frozenset(_BRAND_LINES) | frozenset(INDUSTRY_LINES)
EVERYDAY_TAGS = frozenset(
    {"n", "vn", "v", "a", "an", "b", "d", "s", "f", "l", "i", "r", "m", "q", "t"}
)
COUNT_WORDS = frozenset("家个户名位只笔项")  # 3家持牌消费金融公司: a count, then what it counts
PROPER_ONLY_SUFFIXES = frozenset(words("中心 数据中心 网"))
NOT_A_NAME_TAGS = frozenset({"s", "f", "r", "d", "m", "q", "t", "p", "c", "u"})


def name_word(word: str, taken: int) -> bool:
    """A word that can join a coined firm name already `taken` characters long (right to left)."""
    if not all(is_han(ch) for ch in word) or word in STOP_CHARS or word[0] in CN_NUMERALS:
        return False
    if word in lexicon.generic_heads():
        return False
    tag = wordtags.tag(word)
    if _junk_pair(word):
        return True  # 启衡 (v, 3): a junk entry of jieba's dictionary, its tag means nothing
    if len(word) == 1:
        # A lone character's tag says little (泰 ns, 安 v), but a verb before a full name is the
        # verb of the sentence (获某某银行授信).
        if taken >= NAME_MIN and segment.word_freq(word) > BUSY_CHAR_FREQ:
            return False  # 管理人嘉禾基金: 人 ends the word before, the name is 嘉禾
        return tag not in FUNCTION_TAGS and (taken < NAME_MIN or tag not in WEAK_TAGS)
    if tag in wordtags.NON_NAME_TAGS or tag in ("a", "b", "s", "vn"):
        return False  # 发债农商行: an action noun before the suffix says what kind of bank
    limit = MAX_PLACE_WORD_FREQ if tag in PROPER_TAGS else MAX_NAME_WORD_FREQ
    if len(word) > 2 and segment.word_freq(word[:2]) > MAX_NAME_WORD_FREQ:
        return False  # 城市更新: a rare compound of everyday words, not a coined name
    return segment.word_freq(word) <= limit


def _name_start(text: str, suffix_start: int) -> int | None:
    """Start of the 2–4 character name before a suffix, None when what stands there is a word."""
    proper = _proper_name_start(text, suffix_start)
    if proper is not None and text[suffix_start - 1] not in KIND_ENDS:
        return proper
    window_start = max(0, suffix_start - WINDOW)
    pieces = segment.cut(text[window_start:suffix_start], hmm=False)
    start, before = suffix_start, ""
    for word in reversed(pieces):
        taken = suffix_start - start
        if taken + len(word) > NAME_MAX or not name_word(word, taken):
            before = word
            break
        start -= len(word)
    start = _unglued_start(text, start, suffix_start)
    while suffix_start - start > NAME_MIN and text[start] in _LEAD_PREPOSITIONS:
        start += 1  # 据云麓证券: jieba glues 据 to the name (据云), the name is 云麓
    if text[start : start + 2] in KIND_PREFIXES and suffix_start - start - 2 >= NAME_MIN:
        start += 2  # 茶企某某茶业: the kind of firm it is, then its name
    if suffix_start - start == 1 and _coined_pair(text, start, before):
        start -= 1  # 清澜研究院: two lone characters no word joins, at a clause start
    if suffix_start - start < NAME_MIN:
        return None
    name = text[start:suffix_start]
    if _described(name, before) or _verb_after_word(name):
        return None
    return start if whole_name_ok(name) and not _all_weak(name) else None


# Prepositions that open a clause before a firm's name (据某某证券测算, 经某某银行确认)
_LEAD_PREPOSITIONS = frozenset("据经由在向对与和被让给从")


def _coined_pair(text: str, start: int, before: str) -> bool:
    """The lone character before a one-character name, both no word together, after a break."""
    if len(before) != 1 or before in STOP_CHARS or not is_han(before) or start < 1:
        return False
    if wordtags.tag(before) in PAIR_STOP_TAGS or wordtags.tag(text[start]) in WEAK_TAGS:
        return False  # 他说银行: a pronoun and a verb, the sentence going on
    if segment.word_freq(before + text[start]):
        return False
    return start == 1 or not is_han(text[start - 2]) or text[start - 2] in STOP_CHARS


# Characters that make a describing word of what stands before them (内源性资本, 开放式基金).
KIND_ENDS = frozenset("性型式类")


def _described(name: str, before: str) -> bool:
    """浮动费率基金: a dictionary noun after a describing word names a kind, not a firm."""
    if name[-1] in KIND_ENDS:
        return True  # 内源性资本, 成长型基金: a kind of capital or fund, described
    if len(before) < 2 or wordtags.tag(before) not in MODIFIER_TAGS:
        return False
    return wordtags.tag(name) == "n"


def _verb_after_word(name: str) -> bool:
    """费率让基金公司: a word and then a lone verb is the sentence going on, not a name."""
    pieces = segment.cut(name, hmm=False)
    return (
        len(pieces) >= 2
        and len(pieces[-1]) == 1
        and len(pieces[-2]) > 1
        and wordtags.tag(pieces[-1]) == "v"
    )


def _unglued_start(text: str, start: int, suffix_start: int) -> int:
    """权益人华润置地: a first character ending a word with the text before it is not the name's."""
    while suffix_start - start > NAME_MIN and start > 0:
        if not any(segment.word_freq(text[max(0, start - k) : start + 1]) for k in (1, 2)):
            break
        start += 1
    return start


JUNK_FREQ = 3
# The kind of firm a coined name may stand after (茶企某某茶业): no part of the name.
KIND_PREFIXES = frozenset(
    words("茶企 药企 车企 房企 险企 酒企 乳企 券商 茶商 厂商 企业 公司 平台 品牌")
)


def _proper_name_start(text: str, suffix_start: int) -> int | None:
    """安和人寿: a dictionary proper name right after a clause start, though jieba splits it."""
    for n in (3, 2):
        start = suffix_start - n
        if start < 0 or wordtags.tag(text[start:suffix_start]) not in PROPER_TAGS:
            continue
        if segment.word_freq(text[start:suffix_start]) <= JUNK_FREQ:
            continue  # 花钱买 is tagged a place: jieba's junk entries stand at frequency 3
        if start == 0 or not is_han(text[start - 1]) or text[start - 1] in STOP_CHARS:
            return start
    return _lone_pair_start(text, suffix_start)


def _lone_pair_start(text: str, suffix_start: int) -> int | None:
    """中再资本: two characters that make no word, right after a clause start, are a coined
    short name, whatever each one's tag alone (中 a direction, 再 an adverb)."""
    start = suffix_start - 2
    if start < 0 or (start > 0 and is_han(text[start - 1]) and text[start - 1] not in STOP_CHARS):
        return None
    pair = text[start:suffix_start]
    if not all(is_han(ch) and ch not in STOP_CHARS for ch in pair) or segment.word_freq(pair):
        return None
    if any((wordtags.tag(ch) or "")[:1] in ("v", "a", "q") for ch in pair):
        return None  # 仅靠银行, 新募基金: a verb or a describing word, not a name
    return start if segment.cut(pair, hmm=False) == list(pair) else None


def _has_proper_word(name: str) -> bool:
    """Whether a word of the name is a dictionary proper name (place, brand, organisation)."""
    return any(
        wordtags.tag(w) in PROPER_TAGS or wordtags.tag(w) in ("nt", "j")
        for w in segment.cut(name, hmm=False)
        if len(w) > 1
    )


def _everyday_name(name: str, tags: frozenset[str] = EVERYDAY_TAGS) -> bool:
    """跨境支付, 客服中心: the words before a brand suffix are vocabulary, not a coined name."""
    return any(
        len(w) > 1 and wordtags.tag(w) in tags and not _junk_pair(w)
        for w in segment.cut(name, hmm=False)
    )  # a junk entry (启衡, v, 3) is no everyday vocabulary


def _junk_pair(word: str) -> bool:
    """Two characters jieba holds as a junk entry (启衡, v, 3): no vocabulary, whatever its tag
    (a longer junk entry, 花钱买, is a phrase of real words)."""
    return len(word) == 2 and segment.word_freq(word) <= JUNK_FREQ


_COMMON_WORD_FREQ = 100
_VOCABULARY = EVERYDAY_TAGS | {"j"}


def _common_kind(name: str, suffix: str) -> bool:
    """A common word before 中心 (whatever jieba tags it), a noun before 基金: a kind, no name."""
    if suffix == "中心":  # 冷链仓储中心: 仓储 is tagged an abbreviation, still vocabulary
        vocab = _everyday_name(name, EVERYDAY_TAGS | {"j"})
        return segment.word_freq(name) >= _COMMON_WORD_FREQ or vocab
    noun = wordtags.tag(name) in ("n", "vn") and segment.word_freq(name) >= segment.MIN_WORD_FREQ
    if suffix == "期货":  # 钛精矿期货, 苹果期货: a contract on a commodity, no futures firm
        last = segment.cut(name, hmm=False)[-1]
        return (
            len(last) > 1
            and wordtags.tag(last) == "n"
            and segment.word_freq(last) >= segment.MIN_WORD_FREQ
        )
    return suffix == "基金" and noun


def after_count(text: str, start: int) -> bool:
    """3家持牌消费金融公司, 26家样本寿险: a count's measure word in or right before the name."""
    for pos in (start, start - 1):
        numeral = pos > 0 and (text[pos - 1].isdigit() or text[pos - 1] in CN_NUMERALS)
        if numeral and text[pos] in COUNT_WORDS:
            return True
    return False


def _may_follow_name(text: str, suffix_start: int, suffix: str) -> bool:
    """Cheap test before cutting words: a name, not a common word, stands before the suffix."""
    if suffix_start < NAME_MIN:
        return False
    before = text[suffix_start - 1]
    if not is_han(before) or before in STOP_CHARS:
        return False
    if suffix in PLACE_NAMED:
        return True
    two = text[suffix_start - 2 : suffix_start]
    limit = MAX_PLACE_WORD_FREQ if wordtags.tag(two) in PROPER_TAGS else MAX_NAME_WORD_FREQ
    return two not in lexicon.generic_heads() and segment.word_freq(two) <= limit


def _county_start(text: str, suffix_start: int) -> int | None:
    """A rural bank takes its county's name, an institute its region's, however common the word
    (江陵农商银行, 中原金融研究院)."""
    pieces = segment.cut(text[max(0, suffix_start - WINDOW) : suffix_start], hmm=False)
    if pieces and 2 <= len(pieces[-1]) <= NAME_MAX and wordtags.tag(pieces[-1]) == "ns":
        return suffix_start - len(pieces[-1])
    return None


def _all_weak(name: str) -> bool:
    """A run of common lone verbs (会让银行, 可使银行) is the sentence going on, not a name
    (垄安财险: 垄 is a rare verb, coined into a name)."""
    return all(
        len(w) == 1 and wordtags.tag(w) in WEAK_TAGS and segment.word_freq(w) > _COMMON_VERB_FREQ
        for w in segment.cut(name, hmm=False)
    )


_COMMON_VERB_FREQ = 1000


def whole_name_ok(name: str) -> bool:
    """Not built on a generic head (中小, 城商) nor a run of single characters that is a word."""
    heads = lexicon.generic_heads()
    if name in FIRM_SUFFIXES or name in TRAILING:
        return False  # 期货交易所: a kind of exchange, not one named 期货
    if name[0] in heads or any(head in name for head in heads if len(head) > 1):
        return False
    tag = wordtags.tag(name)
    if tag in NOT_A_NAME_TAGS:
        return False  # 辖内, 本地: a place word or pronoun, not a name
    if _describes(name):
        return False  # 高股息银行, 多地平台公司: a kind of firm, described, not named
    limit = MAX_PLACE_WORD_FREQ if tag in PROPER_TAGS else MAX_NAME_WORD_FREQ
    return tag == "nt" or segment.word_freq(name) <= limit


# Lone words that describe or count what follows (高股息银行, 多地平台公司, 各家银行).
_DESCRIBING = frozenset("高低多少各该此某其更最较诸每")


def _describes(name: str) -> bool:
    """The name opens with a lone describing or counting word, not a name's first word."""
    if name[0] not in _DESCRIBING or len(name) < 2:
        return False
    return len(segment.cut(name, hmm=False)[0]) == 1


def _generic_compound(text: str, start: int, end: int) -> bool:
    """True when name+suffix is itself a dictionary word that is no firm (养老保险, 投资银行)."""
    whole = text[start:end]
    tag = wordtags.tag(whole)
    return tag is not None and tag not in NAME_TAGS_OK


def _suffix_in_word(text: str, start: int, end: int) -> bool:
    """True when the suffix and the character after it make a word (银行卡, 证券化, 保险业)."""
    if TRAILING_RE.match(text, end) or end >= len(text):
        return False
    longer = text[start : end + 1]
    if segment.word_freq(text[end : end + 2]) > segment.word_freq(longer):
        return False  # 某某银行业务, 某某保险产品: the next word starts after the suffix
    return longer[-1] == "业" or (segment.word_freq(longer) > 0 and wordtags.tag(longer) != "nt")


_FACILITY = frozenset("园区港站城基")  # 陆港物流园, 化工园区: a place of an industry, no firm


def _industry_of_place(text: str, start: int, m: re.Match[str]) -> bool:
    """吴江纺织, 陆港物流园: a place's industry or a site of it, no firm, unless another line of
    business follows (赣南精密科技)."""
    if FIRM_RE.match(text, m.end()):
        return False
    name = text[start : m.start()]
    known = lexicon.tagged_words()
    place = wordtags.tag(name) == "ns" or any(name + s in known for s in ("", "区", "县", "市"))
    return place or text[m.end() : m.end() + 1] in _FACILITY


def _extend(text: str, end: int) -> int:
    """Carry the firm over suffixes that belong to it (某某保险资管), but not over the 控股 of
    控股股东 (某某基金控股股东: the fund's controlling shareholder)."""
    while (m := TRAILING_RE.match(text, end)) and not text.startswith(OWNER_WORDS, m.end()):
        end = m.end()
    if text[end - 2 : end] in INDUSTRY_LINES and (brand := FIRM_RE.match(text, end)):
        end = brand.end()  # 某某精密科技: an industry, then the line the firm trades in
    legal = LEGAL_RE.match(text, end)
    return legal.end() if legal else end


def _claimed(text: str, known: list[Span]) -> bytearray:
    """Characters already inside a known place or organisation."""
    claimed = bytearray(len(text))
    for k in known:
        if k.type in ("PLACE", "ORG"):
            claimed[k.start : k.end] = b"\x01" * (k.end - k.start)
    return claimed


def _firm_start(text: str, m: re.Match[str], claimed: bytearray) -> int | None:
    """Start of the coined firm whose suffix m matched, None when no name stands there."""
    if claimed[m.start()] or not _may_follow_name(text, m.start(), m.group()):
        return None  # 中国银行: a known firm; ，银行 or 多家银行: no name before the suffix
    start = _name_start(text, m.start())
    if start is None and m.group() in PLACE_NAMED:
        start = _county_start(text, m.start())
    if start is None or _generic_compound(text, start, m.end()) or any(claimed[start : m.end()]):
        return None  # known places and firms in the name are compound_spans' to join
    if _suffix_in_word(text, m.start(), m.end()):
        return None  # 某某银行业, 某某证券化, 某某银行卡: the suffix begins another word
    if m.group() in BRAND_SUFFIXES and _everyday_name(text[start : m.start()]):
        return None
    if m.group() in INDUSTRY_LINES and _industry_of_place(text, start, m):
        return None
    if m.group() in INDUSTRY_LINES and _everyday_name(text[start : m.start()], _VOCABULARY):
        return None  # 仓储物流: 仓储 is tagged an abbreviation, still vocabulary
    if _common_kind(text[start : m.start()], m.group()):
        return None  # 台风中心 (the storm's eye), 港股基金 (a kind of fund)
    if m.group() in PROPER_ONLY_SUFFIXES and not _has_proper_word(text[start : m.start()]):
        return None  # 算力中心, 某某网: too generic unless the name is a known proper word
    return None if after_count(text, start) else start


def named_org_spans(text: str, known: list[Span]) -> list[Span]:
    """某某银行, 某某保险资管 …: a coined 2–4 character name joined to a firm suffix."""
    spans: list[Span] = []
    m = FIRM_RE.search(text)
    if m is None:
        return spans
    claimed = _claimed(text, known)
    pos = 0
    while m := FIRM_RE.search(text, pos):
        pos = m.end()
        start = _firm_start(text, m, claimed)
        if start is not None:
            pos = _extend(text, m.end())
            spans.append(Span(start, pos, "ORG", 4, f"coined name before {m.group()}"))
    return spans
