"""Organisations the document itself teaches: aliases, and coined names used like institutions.

A name no lexicon knows becomes an organisation when the text gives it away: an alias in
brackets after a firm (（下称“某某城投”）), or a coined name that recurs and takes the verbs
of an institution (某某表示, 某某数据显示, 据某某统计). Every later mention is then marked.
"""

from __future__ import annotations

import re
from collections import Counter

from article import lexicon, segment, wordtags
from article.entities.latin import latin_firms
from article.entities.named import FIRM_SUFFIXES
from article.entities.people import plausible, surname_len
from article.entities.places import STOP_CHARS
from article.model import Block
from article.spans import Cover, Span, is_han

ALIAS_RE = re.compile(
    r"[（(](?:以下|下文)?(?:简称|下称|以下称)[“\"]?(?P<name>[\u4e00-\u9fff]{2,8})[”\"]?[）)]"
)
_START = r"(?:^|(?<=[，。；：、！？“（(\s]))"
_NAME = r"[\u4e00-\u9fff]{2,6}?"
CONTEXT_RE = re.compile(
    rf"{_START}(?:据|根据)(?P<a>{_NAME})(?:统计|测算|调查|监测)"
    rf"|{_START}(?P<b>{_NAME})(?:发布的?|公布的?)?(?:数据|报告|研报|监测)?"
    r"(?:显示|表示|认为|指出|披露|称)"
)
# A name ending like an institution that reports or counts: trusted at its first mention
# (据出海观察网统计, 中原农村金融研究中心的测算显示).
_TAIL = r"(?:网|研究院|研究中心|研究所|研究会|智库|咨询|资讯|数据中心|中心)"
_RESEARCH = r"(?:研究院|研究中心|研究所|研究会|智库)"  # 咨询专家 is a job, 某某咨询 a firm
_INSTITUTE = rf"[\u4e00-\u9fff]{{2,10}}?{_TAIL}"
# after 据 the name is fenced on both sides: a city's long-named body (某市汽车零部件产业促进中心)
_CITED = rf"[\u4e00-\u9fff]{{2,14}}?{_TAIL}"
INSTITUTE_RE = re.compile(
    rf"{_START}(?:另|又)?(?:据|根据)(?P<a>{_CITED})(?:的)?(?:统计|测算|调查|监测|数据|调研)"
    rf"|{_START}(?P<b>{_INSTITUTE})(?:的|发布的?|公布的?)?(?:测算|调查|统计|调研|数据|报告|研究)?"
    r"(?:显示|表示|认为|指出|披露|称|发现)"
)
# … and a research institute named before its officer's title (unanchored: run where 研究/智库)
RESEARCH_RE = re.compile(
    rf"(?P<c>[\u4e00-\u9fff]{{2,10}}?{_RESEARCH})"
    r"(?=(?:副|常务副)?(?:院长|所长|主任|理事长|秘书长|首席|研究员|负责人|分析师))"
)
_TAIL_RE = re.compile(f"{_TAIL}$")
_TAIL_CHARS = "网院心所会库询讯"  # the last characters of every _TAIL
_LEAD_TAGS = frozenset({"v", "p", "u", "ul", "uj", "d", "r", "c", "m", "q", "t", "f", "vn"})
# A coined name right after the kind of firm it is (科技公司青禾碳链, 服务平台橙意生活),
# followed by what a firm does or has (负责人, 合作, 去年 …): trusted at its first mention.
# (Not before 与/和: 企业碳效评级与贷款利率挂钩 names a practice, not a firm.)
KIND_RE = re.compile(r"(?:公司|企业|平台|服务商|品牌|厂商|电商|零售商|运营商|供应商|开发商|机构)")
_FOLLOW_RE = re.compile(
    r"负责人|相关负责人|创始人|董事长|总经理|首席|合作|共享|联合|为|去年|今年|近日|日前"
    r"|表示|介绍|透露|提供|推出|上线|开发|获得|完成|旗下|目前|此前|负责|就"
)
_LAST_KIND_RE = re.compile(r".*(?:机构|公司|企业|平台|服务商)")
_NAME_LENGTHS = (4, 3, 2, 5, 6)  # brand names are most often four characters
_DEPARTMENT_RE = re.compile(r"(?:财务|技术|运营|市场|风控|投资|研发|销售|品牌|业务|人力)$")
_EVERYDAY_FREQ = 2000  # 公司, 银行, 市场: words too common to make a firm's coined name
_TITLED = "after the title "  # why of a person found after a title (people.titled_names)
_NOT_EMPLOYED = frozenset(("记者", "通讯员", "实习生", "编辑", "摄影", "作者", "撰稿", "特约记者"))
_DEPARTMENT_ENDS = frozenset("部处室组")  # not 科: 某某数科 is a firm
_CLAUSE_OPENERS = frozenset("，。；：！？、“”（）()\n")
# 某某，是一家…; 某某是受益企业之一: a coined name said to be a firm
ONE_OF_RE = re.compile(
    r"(?:^|(?<=[，。；：！？的]))(?P<name>[\u4e00-\u9fff]{2,6})，?是(?:一家|[\u4e00-\u9fff]{0,8}"
    r"(?:企业|公司|机构|平台)之一)"
)
_NOT_A_NAME_START = frozenset("该这那本其各此每某我你他她它")
LATIN_HINT = re.compile(r"[A-Z][A-Za-z]*[a-z]|[a-z][A-Z]")  # a capitalised Latin word
CONTEXT_CHARS = "据示为出露称"  # one of them is in every CONTEXT_RE match: most blocks hold none
MIN_MENTIONS = 2  # a coined name must recur before it is trusted
MAX_HEAD_FREQ = 50  # the name's first word is coined or rare, never vocabulary (业内, 市场)
_FUNCTION_TAGS = frozenset({"p", "c", "u", "d", "r", "m", "q", "t", "f", "uj", "ul", "ud"})
_GRAMMAR_TAGS = frozenset({"p", "c", "u", "d", "r", "uj", "ul", "ud"})
PROPER = frozenset({"nt", "nz", "ns", "nrt", "j"})


def _coined(name: str) -> bool:
    """A coined institution name: no person's name, first word rare, no function words."""
    if wordtags.tag(name) is not None and wordtags.tag(name) not in PROPER:
        return False  # an ordinary dictionary word (专家, 数据)
    surname = surname_len(name, 0)
    if len(name) <= 3 and surname and plausible(name, surname, strong=False):
        return False  # 某某表示: a person, not an institution
    words = segment.cut(name, hmm=False)
    first = words[0]
    if (
        len(first) > 1
        and wordtags.tag(first) not in PROPER
        and segment.word_freq(first) > MAX_HEAD_FREQ
    ):
        return False
    if (
        len(first) == 1
        and len(words) > 1
        and segment.word_freq(first + words[1][:1]) > MAX_HEAD_FREQ
    ):
        return False
    return not any(wordtags.tag(w) in wordtags.NON_NAME_TAGS for w in words)


def learned_names(blocks: list[Block], known: list[list[Span]]) -> dict[str, str]:
    """Organisation names the document teaches, each with the evidence that taught it."""
    learned: dict[str, str] = {}
    contexts: Counter[str] = Counter()
    institutes: set[str] = set()
    for block, spans in zip(blocks, known, strict=True):
        text = block.text
        learned.update(_listed_names(text, spans))
        if "称" in text:  # every alias is 简称/下称/以下称
            ends = {s.end for s in spans if s.type == "ORG"}
            for m in ALIAS_RE.finditer(text):
                if m.start() in ends:
                    learned[m.group("name")] = "alias given after the organisation"
        if any(ch in text for ch in CONTEXT_CHARS):
            _count_contexts(text, spans, contexts)
        if any(ch in text for ch in _TAIL_CHARS):
            institutes.update(_institutes(text, spans))
        if KIND_RE.search(text):
            institutes.update(n for n in _appositions(text) if not _covered(spans, text, n))
        institutes.update(_employers(text, spans))
        if LATIN_HINT.search(text):
            learned.update(latin_firms(text))
        if "是一家" in text or "之一" in text:
            institutes.update(
                m.group("name") for m in ONE_OF_RE.finditer(text) if _brand(m.group("name"))
            )
    whole = "\n".join(b.text for b in blocks)
    for name in institutes - learned.keys():
        learned[name] = INSTITUTE_WHY
    for name, count in contexts.items():
        if name not in learned and _coined(name) and whole.count(name) >= MIN_MENTIONS:
            learned[name] = f"recurs and reports like an institution ({count}×)"
    return learned


def _count_contexts(text: str, spans: list[Span], contexts: Counter[str]) -> None:
    """Count the coined names that report like an institution in one block."""
    found: Cover | None = None
    for m in CONTEXT_RE.finditer(text):
        group = "a" if m.group("a") else "b"
        found = found or Cover(s for s in spans if s.type in ("ORG", "PLACE", "PERSON"))
        if not found.covers(m.start(group)):  # already a place or organisation
            contexts[m.group(group)] += 1


def _lead(name: str) -> int:
    """Characters up to the last verb or grammar word before the institution's tail (者专访了
    钱塘…研究院: 者专访了): the name begins after it."""
    words = segment.cut(_TAIL_RE.sub("", name), hmm=False)
    lead = pos = 0
    for word in words:
        pos += len(word)
        if wordtags.tag(word) in _LEAD_TAGS or word in STOP_CHARS:
            lead = pos
    return lead


def _listed_names(text: str, spans: list[Span]) -> dict[str, str]:
    """Organisations written right before their stock ticker: every later mention is marked."""
    tickers = {s.start for s in spans if s.type == "TICKER"}
    found: dict[str, str] = {}
    for s in spans:
        if s.type == "ORG" and s.end - s.start >= 2 and tickers & {s.end, s.end + 1}:
            found[text[s.start : s.end]] = "named before its stock ticker"
    return found


def _covered(spans: list[Span], text: str, name: str) -> bool:
    """A known organisation, place or person already holds the name's first mention."""
    return Cover(s for s in spans if s.type in ("ORG", "PLACE", "PERSON")).covers(text.find(name))


def _employers(text: str, spans: list[Span]) -> list[str]:
    """远山牧歌财务总监某某: a coined name opening a clause right before the title of a person
    found after it is the firm that employs them."""
    found: list[str] = []
    known_ends = {s.end for s in spans if s.type in ("ORG", "PLACE", "PERSON")}
    for s in spans:
        if s.type != "PERSON" or not s.why.startswith(_TITLED):
            continue
        title = s.why[len(_TITLED) :]
        at = text.rfind(title, 0, s.start)
        if at < 0 or title in _NOT_EMPLOYED or text[at - 1 : at] in _DEPARTMENT_ENDS:
            continue  # 记者 某某: a byline; 农险部负责人: a department, not a firm
        if dept := _DEPARTMENT_RE.search(text, max(0, at - 2), at):
            at = dept.start()  # 某某财务总监: the department is no part of the firm's name
        if at in known_ends:
            continue  # 某某银行行长: the employer is known already
        for size in _NAME_LENGTHS:
            start = at - size
            if start < 0 or (start and text[start - 1] not in _CLAUSE_OPENERS):
                continue
            if not start and _TAIL_RE.search(text, 0, at):
                continue  # 融研究院研究员: a block may open with the tail of a name cut off
            if _employer_name(text[start:at]):
                found.append(text[start:at])
                break
    return found


def _unknown_han(name: str) -> bool:
    """Han characters only, no pronoun or demonstrative first, and no word the dictionary knows:
    what both coined-name tests ask first."""
    if not all(map(is_han, name)) or name[0] in _NOT_A_NAME_START:
        return False
    return not segment.word_freq(name) and wordtags.tag(name) is None


def _employer_name(name: str) -> bool:
    """A name of 2-6 Han characters that is no word, no function word and no everyday noun
    (公司, 银行, 市场): before an officer and their name, a coined firm may be made of words."""
    if not _unknown_han(name):
        return False
    words = segment.cut(name, hmm=False)
    if words[0] in STOP_CHARS or words[-1] in STOP_CHARS:
        return False  # grammar at either end; inside, 绸都数科's 都 is part of a coined name
    if len(words) > 1 and words[-1] in FIRM_SUFFIXES:
        words = words[:-1]  # 某某资本, 某某科技: the line of business may be an everyday word
    return not any(len(w) > 1 and _everyday_or_grammar(w) for w in words)


def _everyday_or_grammar(word: str) -> bool:
    """A word too common for a coined name, or a grammar word (a rare one tagged so, 格致, may
    be coined all the same)."""
    freq = segment.word_freq(word)
    return freq > _EVERYDAY_FREQ or (wordtags.tag(word) in _FUNCTION_TAGS and freq > MAX_HEAD_FREQ)


def _appositions(text: str) -> list[str]:
    """Coined names set right after the kind of firm they are, before a firm's doings."""
    found: list[str] = []
    for m in KIND_RE.finditer(text):
        for size in _NAME_LENGTHS:
            name = text[m.end() : m.end() + size]
            if len(name) == size and _FOLLOW_RE.match(text, m.end() + size) and _brand(name):
                found.append(name)
                break
    return found


_UNIT_NOUNS = ("团队", "部门", "小组", "条线", "事业部", "板块")


def _brand(name: str) -> bool:
    """Han only, no dictionary word as a whole, a rare first word, no function words."""
    if not _unknown_han(name) or name.endswith(_UNIT_NOUNS):
        return False  # 公司做市团队: a team or desk of the firm, not a firm
    if segment.word_freq(name[:2]) or wordtags.tag(name[0]) in _GRAMMAR_TAGS:
        return False  # 账款主体, 更容易: a coined name opens with characters no word holds
    words = segment.cut(name, hmm=False)
    if any(len(w) == 1 and w in STOP_CHARS for w in words):
        return False  # 的, 在, 为 …: grammar, not a name
    return not any(len(w) > 1 and wordtags.tag(w) in _FUNCTION_TAGS for w in words)


def _institutes(text: str, spans: list[Span]) -> list[str]:
    """Names ending like an institution (…网, …研究中心) that count or report in this block,
    unless a known organisation, place or person already covers them."""
    found: list[str] = []
    matches = list(INSTITUTE_RE.finditer(text))
    if "研究" in text or "智库" in text:
        matches += RESEARCH_RE.finditer(text)
    for m in matches:
        group = next(g for g, found_name in m.groupdict().items() if found_name)
        name, start = m.group(group), m.start(group)
        if kind := _LAST_KIND_RE.search(name[:-2]):
            name, start = name[kind.end() :], start + kind.end()  # 研究机构泊远研究院: 泊远研究院
        lead = _lead(name) if group == "c" else 0  # the title's pattern has no left anchor
        name, start = name[lead:], start + lead
        if len(name) < 3 or name[0] in _NOT_A_NAME_START or wordtags.tag(name) is not None:
            continue  # 该中心, 本网: a reference back, not a name; 数据中心: a common noun
        if any(s.start <= start < s.end and s.end - s.start >= len(name) for s in spans):
            continue
        head = _TAIL_RE.sub("", name)
        if len(head) >= 2 and segment.word_freq(head) <= MAX_HEAD_FREQ:
            found.append(name)  # 市场研究中心, 行业数据中心: a kind of institution, not a name
    return found


def learned_spans(text: str, names: dict[str, str], pattern: re.Pattern[str] | None) -> list[Span]:
    """Every mention of a learned name in one block."""
    if pattern is None:
        return []
    return [
        Span(m.start(), m.end(), "ORG", _priority(m.group(), names), names[m.group()])
        for m in pattern.finditer(text)
    ]


INSTITUTE_WHY = "a coined name set as an institution (据…统计, …显示, 科技公司…)"
_LONG_NAME = 6  # a body named after its city and its field (某市汽车零部件产业促进中心)


def _priority(name: str, names: dict[str, str]) -> int:
    """A long institution's name outranks the city it opens with; other learned names yield
    to the lexicons (协同中国人寿 before a ticker: the firm is 中国人寿)."""
    if names[name] != INSTITUTE_WHY or len(name) < _LONG_NAME:
        return 4
    places = lexicon.places()
    return 5 if any(name[:k] in places for k in (2, 3, 4)) else 4
