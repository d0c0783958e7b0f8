"""People found from context: a title before, a speech verb after, a byline, a Q&A speaker."""

from __future__ import annotations

import re

from article import lexicon, segment, wordtags
from article.spans import Span, is_han, words

# Characters that never occur in a given name but often right after one.
NOT_IN_NAME = frozenset(
    "的了在是为对从把被将于与及或并而也都就还又之其该这那某等各每个们着过已由给以即如至到称说表指认"
    "透介坦补谈提分解直告回预呼总此日近随则更曾再接受他她它我你您"
)
# Characters that often begin the word after a name; a shorter name is preferred before them.
WEAK_THIRD = frozenset(
    "也还则亦又更均都曾再同进在就对向称说表指认透介坦补谈提分建解直告回预呼总此日近随"
)
BOUNDARY_BEFORE = frozenset("据和与及、，。；：！？“”‘’\"'（）()《》 \u3000")
MAX_COMMON_NAME_FREQ = 50
MAX_SURNAME_WORD_FREQ = 100  # 能源 in 能源局指出; rarer words may still be names (高峰)
MAX_WORD_AS_GIVEN_FREQ = 1000  # 学生 after 和 is a noun; 小川 after 贺 a given name
FUNCTION_SURNAME_TAGS = frozenset({"c", "p"})
ROLE_WORDS = frozenset({"记者", "人士", "方面", "官员", "媒体", "网友", "客户", "企业", "银行"})
# Forms of address that look like surname + given name (师傅: 师 is a surname).
ADDRESS_WORDS = frozenset({"师傅", "先生", "女士", "小姐", "阿姨", "大爷", "大妈", "同志", "老板"})
NEVER_NAME_TAGS = wordtags.NON_NAME_TAGS | frozenset({"a", "ad", "an", "ag"})
DATELINE_RE = re.compile(r"[\u4e00-\u9fff]{2,4}报道")  # 记者 某某 广州报道
NAME_LIST_SEP = " \u3000、"
# Credit lines whose names follow a colon (作者：某某); 记者： opens a question instead.
CREDIT_ROLES = frozenset(
    {"作者", "责任编辑", "编辑", "撰稿", "撰文", "摄影", "校对", "审核", "主编"}
)
PUNCT_FOLLOW = frozenset('，。；：！？、,;:!?（(“”"）) \u3000')


def surname_len(text: str, pos: int) -> int:
    """Length of the surname starting at pos (2 for 欧阳), 0 when there is none."""
    names = lexicon.surnames()
    if text[pos : pos + 2] in names:
        return 2
    return 1 if text[pos : pos + 1] in names else 0


def _function_surname(surname: str) -> bool:
    """A surname that is mostly a conjunction or preposition (和, 向, 于, 由, 但, 都)."""
    return len(surname) == 1 and wordtags.tag(surname) in FUNCTION_SURNAME_TAGS


def _surname_in_word(name: str, surname: int) -> bool:
    """True when the surname's character begins a longer everyday word inside the name."""
    first = segment.cut(name, hmm=False)[0]
    return len(first) > surname and segment.word_freq(first) > MAX_SURNAME_WORD_FREQ


_GRAMMAR_SURNAME_TAGS = frozenset({"p", "c", "d", "v", "r", "u"})
_NUMERALS = frozenset("一二两三四五六七八九十百千万半")
_COUNTED = frozenset("成倍家个位名户只笔点项条")


def _common(word: str) -> bool:
    """An everyday word (学生), too common to be a given name."""
    return segment.word_freq(word) > MAX_WORD_AS_GIVEN_FREQ


def _followed(text: str, end: int) -> int:
    """How strongly the text after a name marks it: 2 speech verb/adverb or a byline's end or
    dateline, 1 punctuation, 0 none."""
    after = _skip_spaces(text, end)
    if after >= len(text) or (after > end and DATELINE_RE.match(text, after)):
        return 2  # 记者 某某 / 记者 某某 深圳报道: the name closes the byline
    if text[after:] in ("摄", "/摄"):
        return 2  # 本报记者某某摄: a photo's credit closes its caption
    if text[end] in PUNCT_FOLLOW:
        return 1
    if lexicon.compiled("follow").match(text, end) or DATELINE_RE.match(text, end):
        return 2
    return 0


# Characters that are function words elsewhere but common in given names, allowed only in one
# place of a two-character given name (某以宁, 某于蓝, 某牧之) that is no word itself (以上, 总之).
GIVEN_FIRST_OK = frozenset("以之于")
GIVEN_LAST_OK = frozenset("之")


def _function_char_in(name: str, surname: int) -> bool:
    """A character of NOT_IN_NAME in the given name, outside the places names do use it."""
    given = name[surname:]
    for i, ch in enumerate(given):
        if ch not in NOT_IN_NAME:
            continue
        allowed = GIVEN_FIRST_OK if i == 0 else GIVEN_LAST_OK
        if len(given) != 2 or ch not in allowed or _function_pair(name, surname):
            return True
    return False


def _function_pair(name: str, surname: int) -> bool:
    """以来, 以上, 总之, 何以: the function character makes a word with its neighbour."""
    given = name[surname:]
    pairs = (given, name[surname - 1 : surname + 1])
    return any(wordtags.tag(w) in NEVER_NAME_TAGS or segment.word_freq(w) > 50 for w in pairs)


def plausible(name: str, surname: int, strong: bool) -> bool:
    """A surname, one or two given-name characters, and not an everyday word."""
    given = name[surname:]
    if not 1 <= len(given) <= 2 or not all(is_han(ch) for ch in name):
        return False
    if name in ADDRESS_WORDS or name in lexicon.titles():
        return False
    if _function_char_in(name, surname) or given in ROLE_WORDS or given in lexicon.titles():
        return False  # 负责人向记者透露: 向 is a preposition, 记者 a role
    if wordtags.tag(name) in NEVER_NAME_TAGS:
        return False  # 专家普遍认为: an adverb, however strong the context
    if _function_surname(name[:surname]) and len(given) == 2 and _common(given):
        return False  # 老师和学生: 和 is a surname, but here it joins two nouns
    if given[0] in _NUMERALS and given[-1] in _COUNTED:
        return False  # 有六成表示: a share counted, not a given name
    if wordtags.tag(name[:surname]) == "v" and len(given) == 2 and _common(given):
        return False  # 有观点认为: 有 is a surname, but here the verb before a noun
    if strong:
        return True
    if _surname_in_word(name, surname):
        return False  # 能源局指出: 能 is a surname, but here it begins 能源
    if segment.word_freq(name) > MAX_COMMON_NAME_FREQ:
        return False
    return wordtags.tag(name) not in wordtags.NON_NAME_TAGS


def name_at(text: str, pos: int, strong_context: bool) -> int:
    """End of a person name starting at pos, chosen by what follows it; 0 when none fits."""
    surname = surname_len(text, pos)
    if not surname:
        return 0
    fits: list[tuple[int, int]] = []
    for given in (2, 1):
        end = pos + surname + given
        if end > len(text):
            continue
        strength = _followed(text, end)
        if strength and plausible(text[pos:end], surname, strong_context and strength == 2):
            fits.append((end, strength))
    if not fits:
        return 0
    if len(fits) == 2 and text[pos + surname + 1] in WEAK_THIRD and fits[1][1] == 2:
        return fits[1][0]
    return fits[0][0]


def _cut_after(text: str, pos: int) -> int:
    """End of a surname and a two-character given name right after a title, where the words
    break cleanly after it though no speech verb follows (理事长某一禾站在田埂上); 0 if none."""
    surname = surname_len(text, pos)
    end = pos + surname + 2
    name = text[pos:end]
    if not surname or end >= len(text) or not plausible(name, surname, strong=False):
        return 0
    if wordtags.tag(text[pos : pos + surname]) in _GRAMMAR_SURNAME_TAGS:
        return 0  # 记者从沪深交易所: 从 is a surname, but here a preposition
    if segment.word_freq(name[: surname + 1]) > MAX_SURNAME_WORD_FREQ:
        return 0  # 种粮大户融资难: 融资 is a word, not a surname and a given name
    if segment.word_freq(name[surname:]) >= segment.MIN_WORD_FREQ or not is_han(text[end]):
        return 0  # a given name that is a word (明确, 大力) begins the sentence instead
    cut = segment.cut(text[pos + surname : end + 3], hmm=False)
    lengths = [sum(map(len, cut[: i + 1])) for i in range(len(cut))]
    junk_word = segment.word_freq(cut[0]) < segment.MIN_WORD_FREQ  # 一川: a junk entry, no word
    return end if 2 in lengths and (len(cut[0]) < 2 or junk_word) else 0


# Characters that spell foreign names in Chinese (卡里莫夫, 安德森, 施密特) and seldom start a
# Chinese word; a run of them after a title is a foreign surname.
TRANSLITERATION = frozenset(
    "阿埃艾奥巴贝比波伯布达迪蒂杜多厄菲弗福盖戈格贡哈豪赫亨霍基吉贾杰卡凯坎科克肯库拉莱赖兰朗"
    "劳勒雷里利莉琳卢鲁伦罗洛玛迈曼梅蒙米莫姆穆纳奈内尼妮涅纽努诺帕佩皮珀普齐奇切乔萨塞桑瑟森"
    "莎舍什施斯索塔泰坦汤特图托瓦威维沃乌西希谢休雅亚耶伊尤约扎泽詹兹佐夫尔娃茨金德范恩因丁汉逊"
    "韦延本安博丽琼沙戴南麦唐颂猜蓬披登马"
)
MIN_TRANSLITERATED = 3
MAX_TRANSLITERATED = 6
_SPEECH_AFTER = re.compile(r"(?:说|表示|指出|认为|介绍|称|透露|坦言|强调)")


def _transliterated_at(text: str, pos: int) -> int:
    """End of a run of transliteration characters right after a title (采购总监卡里莫夫在…),
    no dictionary word but names; 0 when there is none."""
    end = pos
    while end < len(text) and end - pos < MAX_TRANSLITERATED and text[end] in TRANSLITERATION:
        end += 1
    if end - pos < MIN_TRANSLITERATED - 1 or end >= len(text):
        return 0
    if end - pos < MIN_TRANSLITERATED and not _SPEECH_AFTER.match(text, end):
        return 0  # 汉森说: two characters only before a verb of saying
    if text[pos:end] in lexicon.tagged_words():
        return 0  # a place or a firm the lexicon knows
    words = segment.cut(text[pos:end], hmm=False)
    name_tags = ("nr", "nrt", "nrfg", None) + (("ns",) if _SPEECH_AFTER.match(text, end) else ())
    if any(len(w) > 1 and wordtags.tag(w) not in name_tags for w in words):
        return 0  # 阿里巴巴, 比亚迪: a word of the dictionary, not a name spelled out
    return end


# Parts of Tibetan names (泽让多吉, 扎西卓玛): a name is two of them, no surname.
TIBETAN_PARTS = frozenset(
    words(
        "扎西 多吉 次仁 卓玛 旺堆 泽让 格桑 达瓦 尼玛 拉姆 平措 顿珠 洛桑 央金 德吉 索朗 边巴 普布 "
        "益西 丹增 桑吉 才让 才旦 仁青 仁增 强巴 罗布 白玛 巴桑 旦增 次旦 贡布 曲珍 拉巴 群培"
    )
)


# Japanese surnames a foreign executive is named by after a title (社长佐藤在…)
JAPANESE_SURNAMES = frozenset(
    words(
        "佐藤 铃木 高桥 田中 渡边 伊藤 山本 中村 小林 加藤 吉田 山田 佐佐木 松本 井上 木村 "
        "山口 清水"
    )
)


def _japanese_at(text: str, pos: int) -> int:
    """End of a Japanese surname right after a title, where a word boundary follows it, or of
    the surname and a given name of one or two characters before a verb of saying (中村健一)."""
    for n in (3, 2):
        name = text[pos : pos + n]
        for given in (2, 1):
            end = pos + n + given
            given_name = text[pos + n : end]
            han = name in JAPANESE_SURNAMES and all(is_han(ch) for ch in given_name)
            if (
                han
                and _SPEECH_AFTER.match(text, end)
                and segment.word_freq(given_name) < segment.MIN_WORD_FREQ
            ):
                return end
        if name in JAPANESE_SURNAMES and not is_han(text[pos + n : pos + n + 1] or "。"):
            return pos + n
        if name in JAPANESE_SURNAMES and text[pos + n : pos + n + 1] in "在说表称指介认的也曾则":
            return pos + n
    return 0


def _tibetan_at(text: str, pos: int) -> int:
    """End of a Tibetan name of two known parts right after a title (养殖户泽让多吉告诉…)."""
    first, second = text[pos : pos + 2], text[pos + 2 : pos + 4]
    return pos + 4 if first in TIBETAN_PARTS and second in TIBETAN_PARTS else 0


def titled_names(text: str) -> list[Span]:
    """研究员某某, 副市长某某某, 记者 某某: a title, then a name that the next words confirm."""
    spans: list[Span] = []
    pattern, search_from = lexicon.compiled("titles"), 0
    while m := pattern.search(text, search_from):
        search_from = m.end()
        if _title_inside_word(text, m.start(), m.end()):
            search_from = m.start() + 1  # 银行长助理: try 长助理, then 助理
            continue
        pos = _skip_spaces(text, m.end())
        if m.group() in CREDIT_ROLES and text[pos : pos + 1] in ("：", ":"):
            pos = _skip_spaces(text, pos + 1)  # 作者：某某 某某, 责任编辑：某某
        if end := _transliterated_at(text, pos):
            spans.append(Span(pos, end, "PERSON", 5, f"a foreign name after the title {m.group()}"))
            continue
        if end := _japanese_at(text, pos):
            spans.append(
                Span(pos, end, "PERSON", 5, f"a Japanese name after the title {m.group()}")
            )
            continue
        if end := _tibetan_at(text, pos):
            spans.append(Span(pos, end, "PERSON", 5, f"a Tibetan name after the title {m.group()}"))
            continue
        while end := name_at(text, pos, strong_context=True) or _cut_after(text, pos):
            spans.append(Span(pos, end, "PERSON", 5, f"after the title {m.group()}"))
            if end >= len(text) or text[end] not in NAME_LIST_SEP:
                break
            pos = _skip_spaces(text, end + 1)  # 记者 某甲 某乙 / 某甲、某乙
    return spans


def names_before_titles(text: str) -> list[Span]:
    """某某某总理在…, 某某行长表示: a full name at a clause start, right before its title."""
    spans: list[Span] = []
    for m in lexicon.compiled("titles").finditer(text):
        if _title_inside_word(text, m.start(), m.end()):
            continue
        if name_at(text, m.end(), strong_context=True):
            continue  # 鲜蜂副总裁穆于晨: the title is the name's after it, the word before employs
        for length in (3, 2, 4):
            pos = m.start() - length
            if pos < 0 or (pos > 0 and text[pos - 1] not in BOUNDARY_BEFORE):
                continue
            if _name_before_title(text[pos : m.start()], m.group()[0]):
                spans.append(Span(pos, m.start(), "PERSON", 5, f"before the title {m.group()}"))
                break
    return spans


def _name_before_title(name: str, title_first: str) -> bool:
    """A surname and a given name that is no everyday word (a well-known full name may be)."""
    surname = surname_len(name, 0)
    if not surname or not 1 <= len(name) - surname <= 2:
        return False
    tag = wordtags.tag(name)
    if len(name) == 3 and tag == "nr":
        return True
    if tag is not None or name[-1] == title_first:
        return False  # 全行行长, 全辖行长: the word before the title is no name
    return plausible(name, surname, strong=False)


def _title_inside_word(text: str, start: int, end: int) -> bool:
    """True when the title's first character belongs to the word before it (银行长沙 is no 行长)."""
    if not start:
        return False
    if text[start - 1] in _UNIT_ENDS and end - start >= 3:
        return False  # 固定收益部分析师: a department, then the title (部分 is no word here)
    return segment.word_freq(text[start - 1 : start + 1]) > segment.word_freq(text[start:end])


_UNIT_ENDS = frozenset("部处科室组司局所院")  # the last character of a department's name


def _skip_spaces(text: str, pos: int) -> int:
    """Index of the first non-space character at or after pos."""
    while pos < len(text) and text[pos] in " \u3000":
        pos += 1
    return pos


def speaking_names(text: str) -> list[Span]:
    """某某指出 / 据某某介绍: a name at a clause start, right before a verb of saying."""
    spans: list[Span] = []
    for m in lexicon.compiled("speech_chain").finditer(text):
        for length in (3, 2, 4):
            pos = m.start() - length
            if pos < 0 or (pos > 0 and text[pos - 1] not in BOUNDARY_BEFORE):
                continue
            if name_at(text, pos, strong_context=False) == m.start():
                spans.append(Span(pos, m.start(), "PERSON", 5, f"before {m.group()}"))
                break
    return spans


def known_name_spans(text: str, names: re.Pattern[str] | None) -> list[Span]:
    """Every later mention of a name already seen in full (某某 … 某某指出)."""
    if names is None:
        return []
    spans: list[Span] = []
    for m in names.finditer(text):
        start, end = m.span()
        inside_word = segment.word_freq(text[start : end + 1]) or (
            start and segment.word_freq(text[start - 1 : end])
        )
        if not inside_word:
            spans.append(Span(start, end, "PERSON", 5, "name found in full elsewhere"))
    return spans


def names_regex(names: set[str]) -> re.Pattern[str] | None:
    """One trie regex for all names found in the document."""
    return re.compile(lexicon.trie_regex(frozenset(names))) if names else None
