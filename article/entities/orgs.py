"""Organisations built from parts: a place or parent prefix, a name, and an organisation suffix."""

from __future__ import annotations

import re

from article import lexicon, segment, wordtags
from article.entities.named import OWNER_WORDS
from article.entities.patterns import BARE_CODE, DIGIT_RE, TICKER_RE
from article.entities.places import INDUSTRY_TAILS, STOP_CHARS
from article.spans import Span, is_han, words

_SUFFIXES = words(
    "股份有限公司 有限责任公司 有限公司 中心支公司 支公司 分公司 子公司 公司 集团 控股 股份 "
    "农商银行 村镇银行 银行 "
    "分行 支行 营业部 农商行 信用社 联合社 联社 证券 期货 再保险 保险 基金会 基金 信托 "
    "研究院 研究所 研究中心 实验室 "
    "住建局 发改委 财政局 商务局 人社局 税务局 农业农村局 投资促进局 促进局 促进会 促进中心 "
    "发展中心 服务中心 调解中心 评估中心 监测中心 交易中心 结算中心 登记中心 "
    "服务局 合作联社 专业合作社 合作社 "
    "委员会 管委会 管理局 监管局 分局 局 厅 署 医院 卫生院 中心 协会 学会 商会 联合会 大学 学院 "
    "法院 检察院 人民政府 政府 交易所"
)
ORG_SUFFIX_WORDS = frozenset(_SUFFIXES)
SUFFIX_RE = re.compile("|".join(sorted(_SUFFIXES, key=len, reverse=True)))
SINGLE_CHAR = frozenset("局厅署")
LIST_JOIN_RE = re.compile(f"(?:{SUFFIX_RE.pattern})[和与及、]")  # 某某公司和某某期货: two firms
BRANCH_SUFFIXES = frozenset(
    {"分行", "支行", "营业部", "分公司", "子公司", "中心支公司", "支公司", "分局"}
)
BANK_BRANCHES = frozenset({"分行", "支行"})
PLACE_ONLY_BRANCHES = BANK_BRANCHES | {"子公司", "分公司"}  # whose parent must be named
MAX_MIDDLE = 10
# Words that make a prefix generic (邵阳地区股份制银行 is a kind of bank, not a bank).
GENERIC_PARTS = words(
    "地区 股份制 国有 区域性 全国性 系统 当地 本地 辖内 全辖 旗下 下属 相关 有关 多家 部分 一家 "
    "这家 城商 农商 民营 外资 中小 大型 头部 试点 全省 全市 全县 全区 首家 首批 股东"
)
# Whole middles that name a kind of bank (中国商业银行: China's commercial banks, not a bank).
GENERIC_MIDDLES = frozenset(
    words(
        "商业 城市商业 农村商业 商业性 政策性 开发性 中小 中小型 大型 大中型 小型 民营 外资 中资 "
        "上市 挂牌"
    )
)
TICKER_PAREN_RE = re.compile(
    r"[(（]\s*(?:" + TICKER_RE.pattern + "|" + BARE_CODE + r")\s*[)）]", re.IGNORECASE
)


def _suffix_ok(text: str, start: int, end: int) -> bool:
    """Not an industry (银行业); a one-character suffix (局) not part of a word (布局, 局面)."""
    if text[end : end + 1] == "业" and text[start:end] in INDUSTRY_TAILS:
        return False
    if text[start:end] == "控股" and text.startswith(OWNER_WORDS, end):
        return False  # 某某基金控股股东: the fund's controlling shareholder
    if text[end : end + 1] == "化" or (
        text[end : end + 1] == "部" and text[end + 1 : end + 2] != "分"
    ):
        return False  # 资产证券化, 交易银行部: the suffix begins a word or names a department
    if text[start:end] not in SINGLE_CHAR:
        return True
    if any(wordtags.tag(text[max(0, start - n) : end]) == "nt" for n in (2, 3)):
        return True  # 财政局, 统计局: the bureau's own word, though 政局 is a word too
    before = segment.word_freq(text[start - 1 : end]) if start else 0
    after = segment.word_freq(text[start : end + 1])
    return not before and not after


MIDDLE_STOP = STOP_CHARS - frozenset("与及")


def _middle_ok(middle: str, suffix: str, parent_is_org: bool) -> bool:
    """The name between prefix and suffix: short, no function words, no generic parts."""
    if len(middle) > MAX_MIDDLE or any(ch in MIDDLE_STOP or not is_han(ch) for ch in middle):
        return False
    if middle[:1] in ("与", "及", "和") or LIST_JOIN_RE.search(middle):
        return False
    if RUNNING_VERB_RE.search(middle):
        return False  # 在某县经营茶叶合作社的某某: the place is where a person runs one
    if suffix in PRODUCT_LIKE_SUFFIXES and middle and not _coined_part(middle):
        return False  # 湛江台风指数保险: a place's insurance of some kind, not an insurer
    if any(part in middle for part in GENERIC_PARTS) or middle in GENERIC_MIDDLES:
        return False
    if parent_is_org and suffix in BRANCH_SUFFIXES and len(middle) > 4:
        return False
    if not parent_is_org and not middle and suffix in PLACE_ONLY_BRANCHES:
        return False  # 一家国有大行贵州省分行, 印尼子公司: a branch named by its place alone
    centre = (middle + suffix).endswith(SERVICE_CENTRES) and not _verb_first(middle)
    named_by_work = suffix.endswith(BUREAU_ENDS) or centre  # (not 某市打造金融服务中心)
    if len(suffix) > 1 and named_by_work and not parent_is_org and len(middle) <= MAX_BUREAU_MIDDLE:
        return not _has_grammar_word(middle)  # 行政审批服务局: a bureau is named by what it does
    return not middle or not wordtags.has_non_name_word(middle)


BUREAU_ENDS = ("局", "厅", "署", "委员会")
# Public centres named by their work (某区失能评估服务中心, 某县乡村振兴服务中心)
SERVICE_CENTRES = ("服务中心", "调解中心", "评估中心", "促进中心", "发展中心", "管理中心")
# Suffixes that also name kinds of product (台风指数保险, 家族信托)
PRODUCT_LIKE_SUFFIXES = frozenset(("保险", "基金", "信托"))
_COINED_FREQ = 100


def _verb_first(middle: str) -> bool:
    """The middle opens with a verb: a deed (打造金融服务中心), not a centre's name."""
    first = segment.cut(middle, hmm=False)[:1]
    return bool(first) and wordtags.tag(first[0]) == "v"


def _coined_part(middle: str) -> bool:
    """A word of the middle is rare enough to be a name's own (粤财), not vocabulary."""
    return not middle or any(
        segment.word_freq(word) < _COINED_FREQ for word in segment.cut(middle, hmm=False)
    )


# 资产经营公司 and 运营中心 are names; a person who 经营 a cooperative somewhere is not.
RUNNING_VERB_RE = re.compile(r"(?<!资产)(?:经营|开办|创办|运营|承包|开设|领办)(?!公司|中心|管理)")
MAX_BUREAU_MIDDLE = 6  # 经济和信息化委员会; a longer run is more likely two phrases joined
GRAMMAR_TAGS = frozenset({"p", "d", "u", "ud", "ug", "uj", "ul", "uv", "uz", "r", "m", "f"})


def _has_grammar_word(middle: str) -> bool:
    """A function word (preposition, adverb, pronoun, number …), which no bureau's name holds."""
    return any(wordtags.tag(w) in GRAMMAR_TAGS for w in segment.cut(middle, hmm=False))


class _Units:
    """Place and organisation spans indexed by where they end, for walking leftwards."""

    def __init__(self, spans: list[Span], text: str) -> None:
        self.by_end: dict[int, Span] = {}
        for span in spans:
            if span.type in ("PLACE", "ORG"):
                best = self.by_end.get(span.end)
                if best is None or span.start < best.start:
                    self.by_end[span.end] = span
        self.paren_ends = {m.end() for m in TICKER_PAREN_RE.finditer(text)}
        self.by_start = {s.start: s for s in self.by_end.values()}
        self.coined = {s.start for s in spans if s.type == "ORG" and s.why.startswith("coined")}

    def chain_start(self, pos: int) -> tuple[int, bool]:
        """Leftmost start of consecutive units ending at pos; whether the first one is an ORG."""
        start, is_org = pos, False
        while (unit := self.by_end.get(start)) is not None:
            start, is_org = unit.start, unit.type == "ORG"
        return start, is_org


def _walk(text: str, units: _Units, s_start: int, suffix: str) -> int | None:
    """Start of the organisation ending with the suffix at s_start, or None when unanchored."""
    for middle_start in range(s_start, max(s_start - MAX_MIDDLE, 0) - 1, -1):
        if middle_start < s_start and not is_han(text[middle_start]):
            break
        middle = text[middle_start:s_start]
        if middle_start in units.by_end:
            start, is_org = units.chain_start(middle_start)
            if _middle_ok(middle, suffix, is_org):
                return start
        if middle and middle_start in units.paren_ends and _middle_ok(middle, suffix, True):
            return middle_start
        if middle and middle[0] in MIDDLE_STOP:
            break
    return None


def compound_spans(text: str, known: list[Span]) -> list[Span]:
    """工商银行某某分行, 某某市某某区城市发展有限公司, 某某市工信局 … anchored on known parts."""
    spans: list[Span] = []
    matches = [m for m in SUFFIX_RE.finditer(text) if _suffix_ok(text, m.start(), m.end())]
    if not matches:
        return spans  # most blocks name no organisation: no index of their units
    units = _Units(known, text)
    known_orgs = {s.end: s.start for s in known if s.type == "ORG"}
    for m in matches:
        if m.group() == "基金" and text.startswith("经理", m.end()):
            continue  # 某某基金基金经理: the title of the fund's manager
        s_start = known_orgs.get(m.end(), m.start())  # 工商银行: walk on from its start
        start = _walk(text, units, s_start, m.group())
        if start is not None and _not_joined(text, units, start, s_start, m.group(), m.start()):
            continue
        if start is not None and _foreign_firm(text, units, start):
            start = units.by_start[start].end  # 法国达飞海运集团: the country describes the firm
        if start is not None and start < s_start:
            span = Span(start, m.end(), "ORG", 6, f"known place or parent + {m.group()}")
            spans.append(span)
            units.by_end[m.end()] = span
    return spans


COUNTRIES = frozenset(
    words(
        "美国 日本 英国 德国 法国 俄罗斯 印度 韩国 新加坡 马来西亚 泰国 越南 印度尼西亚 印尼 "
        "菲律宾 澳大利亚 新西兰 加拿大 墨西哥 巴西 阿根廷 南非 埃及 沙特 阿联酋 以色列 土耳其 "
        "意大利 西班牙 荷兰 瑞士 瑞典 丹麦 挪威 芬兰 比利时 奥地利 匈牙利 波兰 捷克 "
        "葡萄牙 希腊 爱尔兰"
    )
)
# A firm's topical research unit (某某证券北交所研究中心) is a department: the firm is named.
RESEARCH_UNITS = frozenset(words("研究院 研究所 研究中心"))
ADMIN_ENDS = frozenset("省市县区州")
FIRM_ENDS = words("证券 银行 基金 资本 期货 保险 信托 资管 公司 集团 控股")


def _foreign_firm(text: str, units: _Units, start: int) -> bool:
    """A country's name right before a firm the text already knows (法国 + 达飞海运): the
    country says where the firm is from; 美国国际集团 keeps it, being the firm's own name."""
    country = units.by_start.get(start)
    if country is None or country.type != "PLACE" or text[start : country.end] not in COUNTRIES:
        return False
    after = units.by_start.get(country.end)
    return after is not None and after.type == "ORG"


def _not_joined(
    text: str, units: _Units, start: int, s_start: int, suffix: str, suffix_start: int
) -> bool:
    """香港某某证券: a place before a coined firm locates it; 某某证券北交所研究中心: a firm's
    research unit is a department. Both leave the firm standing alone."""
    first = units.by_start.get(start)
    if first is None:
        return False
    if s_start in units.coined and first.type == "PLACE" and first.end == s_start:
        if suffix.endswith("公司") and suffix != "公司":
            return False  # 湖北某某食品有限公司: a registered name holds its province
        return text[s_start - 1] not in ADMIN_ENDS  # 浙江省某某基金会: the province's own
    return (
        suffix in RESEARCH_UNITS
        and first.type == "ORG"
        and first.end < suffix_start  # 某某证券研究所 is the firm's own institute, named so
        and text.endswith(FIRM_ENDS, first.start, first.end)
    )


def _name_start(text: str, start: int, end: int) -> int:
    """Start of the name at the end of text[start:end], after the last verb or function word."""
    pos = start
    for word in segment.cut(text[start:end], hmm=False):
        pos += len(word)
        multi = len(word) >= 2 and wordtags.tag(word) in wordtags.NON_NAME_TAGS
        if multi or word in STOP_CHARS or word in ("称", "说", "和") or word in OWNER_WORDS + KINDS:
            start = pos
    kinds = list(KIND_TAIL_RE.finditer(text, start, end - 2))
    return kinds[-1].end() if kinds else start  # jieba may cut 药企 off as 药/企


# Words for what kind of firm the name after them is (传感器企业某某科技): the name starts after.
KINDS = words("企业 公司 机构 券商 龙头 厂商 平台 药企 车企 房企 险企 国企 央企 民企 外企 上市公司")
KIND_TAIL_RE = re.compile(
    r"(?:药企|车企|房企|险企|国企|央企|民企|外企|企业|公司|机构|平台)(?=[\u4e00-\u9fff]{2})"
)
LATIN_TAIL_RE = re.compile(r"(?<=[\u4e00-\u9fff])[A-Z]{2,5}$")  # 某某仓储REIT, 某某ETF


def ticker_spans(text: str) -> list[Span]:
    """An unknown listed company named right before its ticker: 某某股份(831099.NQ)."""
    spans: list[Span] = []
    if not DIGIT_RE.search(text):
        return spans
    for m in TICKER_PAREN_RE.finditer(text):
        end = m.start()
        tail = LATIN_TAIL_RE.search(text, max(0, end - 6), end)
        start = tail.start() if tail else end
        while start > 0 and end - start < 12 and is_han(text[start - 1]):
            start -= 1
        start = _name_start(text, start, end)
        if end - start >= 2 and text[start:end] not in lexicon.orgs():
            spans.append(Span(start, end, "ORG", 4, "name before its ticker"))
    return spans


# A research body named by its field, its researcher named right after (某某照护研究院研究员某某)
FIELD_INSTITUTE_RE = re.compile(
    r"(?:^|(?<=[，。；：、！？“”（）\s]))(?P<name>[\u4e00-\u9fff]{2,6}?(?:研究院|研究所|研究中心))"
    r"(?=研究员|分析师|副院长|院长|副所长|所长|主任|首席)"
)


def field_institute_spans(text: str, known: list[Span]) -> list[Span]:
    """An institute whose field is everyday words, vouched for by the researcher after it."""
    spans = []
    for m in FIELD_INSTITUTE_RE.finditer(text):
        start, end = m.span("name")
        if any(k.start < end and start < k.end for k in known if k.type == "ORG"):
            continue  # a known or coined institute: found already
        if not _has_grammar_word(text[start : end - 3]):
            spans.append(
                Span(start, end, "ORG", 5, "an institute named by its field, a researcher after it")
            )
    return spans
