"""Places and lexicon organisations: dictionary look-ups checked against the words around them."""

from __future__ import annotations

import re
from functools import cache

from article import lexicon, segment, wordtags
from article.spans import Span, is_han, words

PLACE_SUFFIX_RE = re.compile(
    r"特别行政区|(?:[\u4e00-\u9fff]{1,2}族){0,3}自治[区州县旗]|[省市县区州盟]"  # 阿坝藏族羌族自治州
)
# Continuations that make 市/区/县 the start of an ordinary word instead of a suffix.
BAD_CONTINUATION = frozenset(
    words(
        "市场 市值 市民 市面 市况 市价 市容 市盈 区域 区间 区块 区别 区分 区位 县域 省份 省钱 省去 "
        "省时 省心 省力 州长 市郊 市区 市中心 市内 市外 区内 县内 县城 乡村 乡镇 乡土 乡亲 镇村"
    )
)
# Generic zone words that look like X区/X县 names but are not places.
GENERIC_ZONES = frozenset(
    words(
        "自贸区 保税区 开发区 高新区 经开区 示范区 先行区 试验区 功能区 核心区 新城区 老城区 "
        "地级市 县级市 副省级市 直辖市 单列市 省辖市 "
        "贫困县 产粮县 百强县 试点县 示范县 重点县 辖区 各区 本区 该区 全区 各县 本县 该县 全县 "
        "特色小镇 小城镇 中心镇 重点镇 建制镇 各乡镇 全乡 全镇 各镇 该镇 本镇 该乡 亚太区 大中华区"
    )
)
UNKNOWN_STEM_MAX_FREQ = 200
CITY_LOOKBACK = 4  # characters cut into words before an unknown 某某市
NAME_TAGS = frozenset({"nr", "nrfg", "nrt", "nz", "j"})
CITY_LEAD_TAGS = frozenset({"v", "vn", "p", "c", "d", "t", "f"})


def _straddled(text: str, start: int, end: int) -> bool:
    """True when a more common word crosses either edge of text[start:end]."""
    own = segment.word_freq(text[start:end])
    if end < len(text) and PLACE_SUFFIX_RE.match(text, end):
        return False  # 向上饶市: the suffix settles it
    if start > 0 and segment.word_freq(text[start - 1 : start + 1]) > own:
        return True
    return end < len(text) and segment.word_freq(text[end - 1 : end + 1]) > own


INDUSTRY_TAILS = ("银行", "证券", "保险", "信托", "基金", "期货", "租赁")


_WORD_OVER_END = frozenset(("部门", "局长", "厅长", "行长", "所长", "会长"))


def _accept(text: str, start: int, end: int) -> bool:
    """Long lexicon words stand unless they open an industry (中国银行业); short ones checked."""
    if text.endswith(INDUSTRY_TAILS, start, end) and text[end : end + 1] == "业":
        return False
    if text[end - 1 : end + 1] in _WORD_OVER_END:
        return False  # 当地工信部门: the departments, not the ministry 工信部
    return end - start >= 3 or not _straddled(text, start, end)


def _lexicon_match(text: str, start: int, longest: int) -> int:
    """End of the longest acceptable lexicon word at `start` (0 when none)."""
    known = lexicon.tagged_words()
    for end in range(start + longest, start + 1, -1):
        if text[start:end] in known and _accept(text, start, end):
            return end
    return 0


def _with_place_suffix(text: str, end: int) -> int:
    """Extend a place name over 省/市/县/区 … unless that begins an ordinary word (市场)."""
    m = PLACE_SUFFIX_RE.match(text, end)
    if m and text[end : end + 2] not in BAD_CONTINUATION:
        return m.end()
    return end


# Words after a newspaper's name in a byline (某某时报记者 某某), as the gold of both corpora
# leaves the masthead out (本报记者, 中经记者).
REPORTER_WORDS = ("记者", "特约记者", "实习记者", "见习记者", "通讯员")


# Continents and regions: a firm's 亚洲区 or 华东区 is a sales region, not a place of its own.
REGIONS = frozenset(
    words(
        "亚洲 欧洲 非洲 美洲 大洋洲 亚太 北美 南美 拉美 东南亚 中东 东亚 西亚 南亚 中亚 "
        "华东 华南 华北 华中 西南 西北 东北"
    )
)


_REGION_ROLES = (
    "总裁",
    "总经理",
    "副总裁",
    "负责人",
    "首席",
    "董事",
    "业务",
    "市场",
    "销售",
    "团队",
)


def _sales_region(text: str, end: int) -> bool:
    """A firm's 中国区总裁, 日本区业务: a place + 区 before a role is a sales region."""
    return text[end : end + 1] == "区" and text.startswith(_REGION_ROLES, end + 1)


def lexicon_spans(text: str) -> list[Span]:
    """Known organisations and places (overlapping: the overlap rule keeps the longest)."""
    pattern = lexicon.compiled("lexicon")
    orgs = lexicon.orgs()
    spans: list[Span] = []
    pos = 0
    while m := pattern.search(text, pos):
        pos = m.start() + 1
        end = _lexicon_match(text, m.start(), m.end() - m.start())
        if not end:
            continue
        if text[m.start() : end] in orgs:
            if text.startswith(REPORTER_WORDS, end):
                continue  # 某某时报记者 某某: the byline's masthead, not an organisation named
            spans.append(Span(m.start(), end, "ORG", 5, "lexicon"))
        elif not _inside_word(text, m.start(), end):
            word = text[m.start() : end]
            if (
                word not in lexicon.counties()
                and word not in REGIONS
                and not _sales_region(text, end)
            ):
                end = _with_place_suffix(text, end)  # not 湄潭县 + 县 of 县域, 亚洲 + 区 of 亚洲区
            spans.append(Span(m.start(), end, "PLACE", 5, "lexicon"))
    return spans


_WORD_LOOK = 3  # characters read before a place to see whether a word runs into it


def _inside_word(text: str, start: int, end: int) -> bool:
    """A place's name that begins inside a longer dictionary word (海地 in 沿海地区): no place
    named. jieba keeps places whole, so a place never starts in the middle of its words."""
    if start == 0 or not is_han(text[start - 1]):
        return False
    floor = max(0, start - _WORD_LOOK)
    pos = floor
    for word in segment.cut(text[floor : end + 1], hmm=False):
        if pos < start < pos + len(word) and segment.word_freq(word) >= segment.MIN_WORD_FREQ:
            return True
        pos += len(word)
    return False


COUNTY_SUFFIX_RE = re.compile("[县市区旗]")
LONGEST_COUNTY = 8  # 乌拉特中旗, 东乡族自治县, 丰宁满族自治县


def county_spans(text: str) -> list[Span]:
    """安化县, 石狮市, 鲤城区: known counties, looked up where a county's suffix stands."""
    counties = lexicon.counties()
    spans: list[Span] = []
    for m in COUNTY_SUFFIX_RE.finditer(text):
        for start in range(max(0, m.end() - LONGEST_COUNTY), m.end() - 2):
            if text[start : m.end()] in counties:
                spans.append(Span(start, m.end(), "PLACE", 5, "lexicon (county)"))
                break
    return spans


@cache
def _suffix_only_re() -> re.Pattern[str]:
    """Ambiguous place names, matched only with their administrative suffix."""
    names = lexicon.trie_regex(lexicon.suffix_only_places())
    return re.compile(f"(?:{names})(?:市|县|区|州|盟)(?!场|值|民|域|间)")


def suffix_only_spans(text: str) -> list[Span]:
    """大同市, 中山市 …: places whose bare name is an everyday word."""
    return [
        Span(m.start(), m.end(), "PLACE", 5, "lexicon name + suffix")
        for m in _suffix_only_re().finditer(text)
    ]


STEM_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})[县区市镇乡村]")
STOP_CHARS = frozenset(
    "的了在是为对向从把被将于与及或并而也都就还又之其该这那某等各每个们着过已由给以即如至到"
)


def _good_stem(stem: str, suffix: str, chained: bool) -> bool:
    """A stem before 县/区/市 that reads like a name, not a word (three characters if chained)."""
    if chained and suffix in TOWN_ENDS and _town_stem(stem):
        return True  # 某某区六横镇, 某某市星村镇: a town right after its county, any name
    if any(ch in STOP_CHARS or ch in _COUNT_CHARS or not is_han(ch) for ch in stem):
        return False  # 合肥市一处城市: a count, not a name
    if stem[0] == "产":
        return False  # 产茶县, 产粮县: a county by what it grows, not by name
    tail = stem[-1] + suffix
    if chained and wordtags.tag(stem) == "ns" and stem + suffix not in GENERIC_ZONES:
        return True  # 某某市北林区: a place name after its city, though 林区 is a word
    if stem + suffix in GENERIC_ZONES or (_word_tail(tail) and stem[-1] != "州"):
        return False  # 州市 is a word only as the tail of 某州市
    if chained or wordtags.tag(stem) == "ns":
        return True
    if suffix == "市" and segment.word_freq(stem) and wordtags.tag(stem) not in NAME_TAGS:
        return False  # 地级市: an unknown city's name is no dictionary word
    if suffix in TOWN_ENDS and not segment.word_freq(stem) and not _PLACE_WORD_CHARS & set(stem):
        return True  # 盛乐镇: a town's name is seldom a word, its characters may be anything
    return segment.word_freq(stem) < UNKNOWN_STEM_MAX_FREQ and not wordtags.has_non_name_word(stem)


_MEASURES = frozenset("家个处座所名位只批")
_TOWN_STEM_MAX_FREQ = 500  # 各乡, 城乡: words, not a town's name after its county


def _town_stem(stem: str) -> bool:
    """Han characters, no little word, and no common word: a town's name (numerals allowed)."""
    if any(ch in STOP_CHARS or not is_han(ch) for ch in stem):
        return False
    if stem[0] in _COUNT_CHARS and stem[1:2] in _MEASURES:
        return False  # 某县一家村镇银行: a count, not a town
    return segment.word_freq(stem) < _TOWN_STEM_MAX_FREQ


MIN_TAIL_FREQ = 10  # jieba's dictionary holds junk pairs of frequency 3 (丘县)


def _word_tail(tail: str) -> bool:
    """True when the stem's last character and the suffix make an ordinary word (门市, 股市)."""
    return segment.word_freq(tail) >= MIN_TAIL_FREQ and wordtags.tag(tail) != "ns"


def _word_before(text: str, start: int) -> str | None:
    """The word ending at start when a word boundary falls there, else None (直辖市和县)."""
    if start == 0 or not is_han(text[start - 1]):
        return ""
    pos = max(0, start - CITY_LOOKBACK)
    prev = ""
    for word in segment.cut(text[pos : start + 2], hmm=False):
        if pos >= start:
            return prev if pos == start else None
        pos, prev = pos + len(word), word
    return None


def _free_stem(text: str, start: int, suffix: str) -> bool:
    """An unchained stem starts a word; 某某市 also needs a clause start, verb or preposition."""
    prev = _word_before(text, start)
    if prev is None:
        return False
    if suffix != "市" or not prev or prev[-1] in STOP_CHARS:
        return True
    return wordtags.tag(prev) in CITY_LEAD_TAGS


def _stem_start(text: str, suffix_start: int, ends: set[int]) -> int:
    """Start of the stem: chained to a place that ends right before it, else two characters."""
    for n in (2, 3):
        start = suffix_start - n
        if (
            start in ends
            and all(is_han(ch) for ch in text[start:suffix_start])
            and text[start] not in CONJUNCTIONS
        ):
            return start  # 许昌市襄城县, 合肥市滨湖新区; not 晋江市和石狮市
    # 在大水坑镇: a town's name of three characters after a clause start
    if text[suffix_start] in TOWN_ENDS and _three_character_town(text, suffix_start - 3):
        return suffix_start - 3
    return suffix_start - 2


CONJUNCTIONS = frozenset("和与及或、")
_COUNT_CHARS = frozenset("一二两三四五六七八九十几处个")


def _three_character_town(text: str, start: int) -> bool:
    """Three name characters that stand right after a clause start or a little word."""
    stem = text[start : start + 3]
    if start < 0 or not all(is_han(ch) and ch not in STOP_CHARS for ch in stem):
        return False
    if _PLACE_WORD_CHARS & set(stem):
        return False  # 新型城镇化: a kind of town, not one
    return start == 0 or not is_han(text[start - 1]) or text[start - 1] in STOP_CHARS


def stem_spans(text: str, known: list[Span]) -> list[Span]:
    """Unknown 襄城县 / 柴桑区 / 某某市 places: a suffix after a two-character name."""
    ends = {s.end for s in known if s.type == "PLACE"}
    spans: list[Span] = []
    for m in STEM_RE.finditer(text):
        suffix = m.group()
        if text[m.start() : m.start() + 2] in BAD_CONTINUATION:
            continue
        start = _stem_start(text, m.start(), ends)
        chained = start in ends
        if not _good_stem(text[start : m.start()], suffix, chained):
            continue
        if chained or _free_stem(text, start, suffix):
            spans.append(Span(start, m.end(), "PLACE", 4, f"name + {suffix}"))
            ends.add(m.end())
    return spans


PROVINCE_ENDS = ("省", "自治区")
CITY_ENDS = ("市", "州", "盟", "县", "区", "旗")
ZONE_RE = re.compile(  # (a name of its own between: 武汉 + 东湖 + 新技术开发区)
    r"(?:[\u4e00-\u9fff]{2})?(?:高新技术产业开发区|新技术产业开发区|高新技术开发区|新技术开发区"
    r"|经济技术开发区|经济开发区|工业园区|产业园区|高新区|开发区|新区"
    r"|自贸片区|自贸区|综合保税区|保税区|示范区|合作区|试验区)"
)


PREFECTURE_ENDS = ("市", "州", "盟")
COUNTY_ENDS = ("县", "区", "旗", "市")


TOWN_ENDS = ("镇", "乡", "村")
_PLACE_WORD_CHARS = frozenset("乡镇村城县区市街")  # 走乡串镇: a phrase of place words


def _county_end(text: str, starts: dict[int, list[Span]], pos: int) -> int:
    """End of a county or district written right after its city (某某市某某区), and of a town
    right after that (某某县某某镇), else pos."""
    for county in starts.get(pos, ()):
        if text.endswith(COUNTY_ENDS, county.start, county.end):
            return _town_end(text, starts, county.end)
    return _town_end(text, starts, pos)


def _town_end(text: str, starts: dict[int, list[Span]], pos: int) -> int:
    """End of a town or township written right after its county or city, else pos."""
    for town in starts.get(pos, ()):
        if text.endswith(TOWN_ENDS, town.start, town.end):
            return _village_end(text, starts, town.end)
    return pos


def _village_end(text: str, starts: dict[int, list[Span]], pos: int) -> int:
    """End of a village written right after its town (某某镇某某村), else pos."""
    for village in starts.get(pos, ()):
        if text.endswith("村", village.start, village.end):
            return village.end
    return pos


def joined_places(text: str, spans: list[Span]) -> list[Span]:
    """陕西省延安市, 苏州工业园区: a province and its city, a place and its zone, are one place."""
    places = [s for s in spans if s.type == "PLACE"]
    starts: dict[int, list[Span]] = {}
    for s in places:
        starts.setdefault(s.start, []).append(s)
    joined: list[Span] = []
    for s in places:
        if text.endswith(PROVINCE_ENDS, s.start, s.end):
            for city in starts.get(s.end, ()):
                if text.endswith(CITY_ENDS, city.start, city.end):
                    end = _county_end(text, starts, city.end) if city.end < len(text) else city.end
                    joined.append(Span(s.start, end, "PLACE", 5, "province + city"))
        elif text.endswith(PREFECTURE_ENDS, s.start, s.end) and (
            (end := _county_end(text, starts, s.end)) > s.end
        ):
            joined.append(Span(s.start, end, "PLACE", 5, "city + county"))
        elif text.endswith(COUNTY_ENDS, s.start, s.end) and (
            (end := _town_end(text, starts, s.end)) > s.end
        ):
            joined.append(Span(s.start, end, "PLACE", 5, "county + town"))
        if (m := ZONE_RE.match(text, s.end)) and not _word_tail(text[m.end() - 1 : m.end() + 1]):
            joined.append(Span(s.start, m.end(), "PLACE", 5, f"place + {m.group()}"))
    return joined
