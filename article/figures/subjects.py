"""Whom a figure is about: the organisation or person of its sentence, or the bank of 该行."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import pairwise

from article.figures.speakers import AGENT_RE, full_names, institutions
from article.model import ANSWER, Block, Entity
from article.spans import words

SENTENCE_END = "。！？!?\n"
# 该行, 该公司 …, and a bare 公司 opening a clause (公司去年实现…): the company of the story
REFERENT_RE = re.compile(
    r"该(?:行|支行|分行|公司|集团|机构|银行|所|企业|基金|中心|协会|平台)"
    r"|(?:^|(?<=[，。；：！？]))公司"
    r"|这家[\u4e00-\u9fff]{0,6}?(?:企业|公司)"
)
PRONOUN_RE = re.compile(r"(?:^|(?<=[，。；：！？”]))[他她](?![们人])")  # 他凭186只滩羊获得…
FIRST_PERSON_RE = re.compile(r"我们|我行|我司|本行|本公司|我(?=[\u4e00-\u9fff])")  # in an answer
IT_RE = re.compile(r"(?:^|(?<=[，。；：！？”]))它(?![们])")  # 它在盘面买入…: the firm just named
BARE = frozenset(("公司",))  # said without 该: the firm of the paragraph or of the story
MIN_MAIN_MENTIONS = 3  # mentions that make a company the one a bare 公司 means
MAX_SENTENCE = 400  # characters looked back for a sentence start
MAX_TOPIC_SENTENCES = 3  # earlier sentences of the block searched for the topic
SOURCE_MARKERS = ("经", "据", "根据", "依据", "按照", "来自")
RECIPIENT_MARKERS = ("向", "为", "给", "对", "与")
VENUE_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:交易所|交易中心)")  # 在…交易所发行
# Names that a later 该公司 may stand for: companies, and insurers, brokers or funds by trade.
COMPANY_ENDINGS = tuple(
    words(
        "公司 股份 集团 控股 人寿 保险 财险 证券 基金 信托 资管 期货 资本 科技 支付 咨询 "
        "置业 置地 重工 消费金融 汽车金融 金融 数科 能源 新能 储能 电子 材料 制造 医药 物流 "
        "理财 制药 药业 生物 医疗"
    )
)
MAX_REFERENT_LOOKBACK = 40  # organisations to look back through for 该行


def sentence_start(text: str, pos: int) -> int:
    """Index where the sentence holding pos begins (a run-on sentence is cut at MAX_SENTENCE)."""
    floor = max(0, pos - MAX_SENTENCE)
    last = max(text.rfind(ch, floor, pos) for ch in SENTENCE_END)
    return floor if last < 0 else last + 1


def between(entities: list[Entity], begin: int, end: int) -> list[Entity]:
    """Entities of one block (sorted by start) lying wholly inside text[begin:end]."""
    first = bisect_left(entities, begin, key=lambda e: e.start)
    last = bisect_left(entities, end, lo=first, key=lambda e: e.start)
    return [e for e in entities[first:last] if e.end <= end]


class SubjectFinder:
    """Finds whom a figure is about, remembering banks and companies for 该行/该公司."""

    def __init__(self, entities: list[Entity], blocks: list[Block]) -> None:
        self.orgs = [e for e in entities if e.type == "ORG"]
        self.listed = _listed(entities)
        self.main = _main_company(self.orgs, self.listed)
        self.protagonist = _protagonist(self.orgs)
        self.people = [e for e in entities if e.type == "PERSON"]
        self.people_keys = [(e.block, e.start) for e in self.people]
        self.keys = [(e.block, e.start) for e in self.orgs]
        self.full = full_names(entities, blocks)
        self.works_at: dict[str, str] = {}
        self.works_at = institutions(entities, blocks, self)

    def name(self, e: Entity) -> str:
        """The organisation's whole name: 建设银行(601939.SH)柴桑支行 is 建设银行柴桑支行."""
        return self.full.get((e.block, e.start), e.text)

    def referent(self, block: int, pos: int, word: str) -> str | None:
        """The organisation 该行/该公司 … at (block, pos) stands for: the latest fitting one; a
        bare 公司 means the story's company, named again and again."""
        if word in BARE and (firm := self._speaker_firm(block, pos)):
            return firm  # 某某总经理某某告诉记者，公司…: the speaker's own company
        end = bisect_left(self.keys, (block, pos))
        for i in range(end - 1, max(end - MAX_REFERENT_LOOKBACK, 0) - 1, -1):
            if word in BARE and self.orgs[i].block != block:
                break  # a bare 公司 looks back only within its paragraph
            if _fits(self.orgs[i].text, word, self.listed):
                return self.name(self.orgs[i])
        return self.main if word in BARE else None

    def subject(
        self, text: str, block: Block, start: int, entities: list[Entity]
    ) -> tuple[str | None, str]:
        """Whom the figure's sentence is about, and why; else the topic of an earlier sentence."""
        first = begin = sentence_start(text, start)
        if block.kind == ANSWER and entities and _answer_label(text, entities[0]):
            entities = entities[1:]  # 某某：… names who answers, not whom the figures are about
        if agent := _agent(text, first, start):
            return agent, "subject: the agent of 由…"
        found = self._in_span(text, block.index, begin, start, entities, nearest=True)
        why = "subject: named in the sentence"
        clause = max(text.rfind("，", first, start) + 1, first)
        speaker = _speaker(text, first, clause, entities)
        referent = THIS_ONE_RE.search(text, first, start)  # 该行新增贷款…: the bank is meant
        if (
            speaker
            and not referent
            and not self._in_span(text, block.index, clause, start, entities, True)
        ):
            found, why = speaker, "subject: the speaker of the sentence (某某介绍，…)"
        if not found and (found := _source_in(text, between(entities, first, start), True)):
            why = "subject: the publisher of the sentence's data (据某某统计)"
        if not found and block.kind == ANSWER and FIRST_PERSON_RE.search(text, first, start):
            found, why = block.speaker, "subject: the interview's speaker (我们, 我…)"
        if not found and (person := self._pronoun(text, block.index, first, start)):
            found, why = person, "subject: the person 他/她 stands for"
        if not found and (firm := self._it(text, block.index, first, start)):
            found, why = firm, "subject: the organisation 它 stands for"
        for _ in range(MAX_TOPIC_SENTENCES):
            if found or begin == 0:
                break
            end, begin = begin, sentence_start(text, begin - 1)
            found = self._in_span(text, block.index, begin, end, entities, nearest=False)
            why = "subject: the topic of an earlier sentence"
        if not found and (found := _source_in(text, between(entities, first, start))):
            why = "subject: the source of the data"
        if not found and block.kind == ANSWER and block.speaker:
            found, why = block.speaker, "subject: the interview's speaker"
        if found in self.works_at:
            return self.works_at[found], f"{why}, mapped to the speaker's institution"
        if not found and self.protagonist:
            found, why = self.protagonist, "subject: the organisation the story is about"
        return found, why if found else "no subject"

    def _pronoun(self, text: str, block: int, begin: int, start: int) -> str | None:
        """他/她 opening a clause of the sentence: the person named last before it in the same
        paragraph (one named paragraphs ago is seldom meant, a name missed more likely)."""
        m = PRONOUN_RE.search(text, begin, start)
        if m is None:
            return None
        person = _last_before(self.people, self.people_keys, block, m.start())
        return person.text if person else None

    def _speaker_firm(self, block: int, pos: int) -> str | None:
        """The company of the person named last before pos in the paragraph, if a company."""
        person = _last_before(self.people, self.people_keys, block, pos)
        firm = self.works_at.get(person.text) if person else None
        return firm if firm and _fits(firm, "公司", self.listed, brands=True) else None

    def _it(self, text: str, block: int, begin: int, start: int) -> str | None:
        """它 opening a clause of the sentence: the organisation named last before it in the
        same paragraph."""
        m = IT_RE.search(text, begin, start)
        if m is None:
            return None
        firm = _last_before(self.orgs, self.keys, block, m.start())
        return self.name(firm) if firm else None

    def _in_span(
        self, text: str, block: int, begin: int, end: int, entities: list[Entity], nearest: bool
    ) -> str | None:
        """ORG/PERSON of text[begin:end] (nearest or first), or the bank behind a later 该行."""
        near = [
            e
            for e in between(entities, begin, end)
            if e.type in ("ORG", "PERSON") and _role(text, e.start) is None
        ]
        floor = near[-1].end if near else begin
        refs = list(REFERENT_RE.finditer(text, floor, end))
        if refs:
            bank = self.referent(block, refs[-1].start(), refs[-1].group())
            if bank:
                return bank
        if not near:
            return None
        return self.name(near[-1] if nearest else near[0])


def _last_before(
    found: list[Entity], keys: list[tuple[int, int]], block: int, pos: int
) -> Entity | None:
    """The entity named last before pos in the same paragraph (keys: (block, start), sorted)."""
    i = bisect_left(keys, (block, pos))
    return found[i - 1] if i and found[i - 1].block == block else None


def _answer_label(text: str, e: Entity) -> bool:
    """某某：… at an answer's start (据某网监测，…: the publisher is the subject)."""
    return e.start == 0 and text.startswith(("：", ":"), e.end)


def _speaker(text: str, first: int, clause: int, entities: list[Entity]) -> str | None:
    """The person or organisation whose saying opens the sentence (某某总经理某某介绍，…), when
    the figure stands in a later clause of what they said."""
    if clause <= first:
        return None
    m = SPEECH_OPEN_RE.search(text, first, clause)
    if m is None:
        return None
    before = [e for e in between(entities, first, m.start()) if e.type in ("PERSON", "ORG")]
    if not before or before[-1].end != m.start():
        return None
    if len(before) >= 2 and before[-1].type == "PERSON" and before[-2].type == "ORG":
        title = text[before[-2].end : before[-1].start]
        if len(title) <= MAX_TITLE and not any(ch in "，。；：、" for ch in title):
            return before[-2].text  # 青禾银行行长某某介绍: the speaker's institution
    return before[-1].text


THIS_ONE_RE = re.compile(r"该(?:行|支行|分行|银行)")
MAX_TITLE = 8  # characters of a title between an institution and its officer's name
SPEECH_OPEN_RE = re.compile(r"(?:介绍|表示|说|透露|指出|坦言|告诉记者)[，：]")


def _agent(text: str, begin: int, start: int) -> str | None:
    """由政府资金池承担30%的损失: the one that bears, pays or provides the figure."""
    agents = [m.group("agent") for m in AGENT_RE.finditer(text, begin, start)]
    return agents[-1] if agents else None


def _role(text: str, pos: int) -> str | None:
    """'source' after 经/据 …, 'recipient' after 向/为/给 …, 'venue' after 在 (在某交易所发行: the
    issuer is the subject), None for a plain subject."""
    if text.endswith(SOURCE_MARKERS, 0, pos):
        return "source"
    if text.endswith("在", 0, pos) and VENUE_RE.match(text, pos):
        return "venue"
    return "recipient" if text.endswith(RECIPIENT_MARKERS, 0, pos) else None


def _source_in(text: str, entities: list[Entity], data: bool = False) -> str | None:
    """The last source (据某某披露) of the sentence: the figure's subject when nothing else is;
    with `data`, only one that publishes figures (据某某统计, 某某数据显示), not 经某某确认."""
    sources = [
        e
        for e in entities
        if e.type in ("ORG", "PERSON")
        and _role(text, e.start) == "source"
        and (not data or DATA_VERB_RE.match(text, e.end))
    ]
    return sources[-1].text if sources else None


DATA_VERB_RE = re.compile(r"的?(?:统计|数据|测算|监测|调查|抽样|显示|发布的)")


def _listed(entities: list[Entity]) -> frozenset[str]:
    """Organisations written with a stock ticker right after them: listed companies."""
    return frozenset(
        e.text
        for e, after in pairwise(entities)
        if e.type == "ORG"
        and after.type == "TICKER"
        and after.block == e.block
        and 0 <= after.start - e.end <= 2
    )


def _main_company(orgs: list[Entity], listed: frozenset[str]) -> str | None:
    """The company the story is about: the most named one, named at least three times."""
    counts: dict[str, int] = {}
    for e in orgs:
        if _fits(e.text, "公司", listed):
            counts[e.text] = counts.get(e.text, 0) + 1
    best = max(counts, key=lambda name: counts[name], default=None)
    return best if best is not None and counts[best] >= MIN_MAIN_MENTIONS else None


def _protagonist(orgs: list[Entity]) -> str | None:
    """The organisation the story is about: named most often, at least three times, and more
    often than any other."""
    counts = Counter(e.text for e in orgs)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MAIN_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two stories' worth of names: no one protagonist
    return ranked[0][0]


def _fits(name: str, word: str, listed: frozenset[str], brands: bool = False) -> bool:
    """Whether an organisation name can be what 该行 / 该公司 … refers to."""
    if word in ("该行", "该银行"):
        return name.endswith("行")
    if word in ("该公司", "该集团", "该企业", "公司") or word.startswith("这家"):
        # Zentria: a firm abroad, meant by 该公司 (a bare 公司 is the story's own firm)
        foreign = word != "公司" and name.isascii() and any(ch.isalpha() for ch in name)
        return (
            foreign
            or name.endswith(COMPANY_ENDINGS)
            or (name in listed and not name.endswith("行"))
            or (brands and _brand(name))
        )
    if word in ("该分行", "该支行", "该中心", "该协会", "该平台"):
        return name.endswith(word[1:])  # 该分行: a branch, not the firm named after it
    if word == "该基金":
        return name.endswith("基金")
    return True


# Bodies that are no company: banks, bureaus, exchanges, associations, institutes, centres.
INSTITUTION_ENDS = tuple(
    words("行 局 所 会 院 中心 部 委 厅 处 署 办 站 室 社 政府 大学 学校 医院 网 平台 基金")
)


def _brand(name: str) -> bool:
    """攀钰化工, 棠果: a firm named by its brand or trade, not an institution's kind of name."""
    return len(name) >= 2 and not name.isascii() and not name.endswith(INSTITUTION_ENDS)
