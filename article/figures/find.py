"""Figures of a document: every quantity a reader would put in a table, normalised."""

from __future__ import annotations

import re
from collections import defaultdict

from article import segment, wordtags
from article.figures.changes import change_target, compared_only
from article.figures.context import label_for
from article.figures.numbers import to_float
from article.figures.patterns import FIGURE_RE, PRE_WINDOW, Quantity, pre_qualifier, quantity
from article.figures.subjects import SubjectFinder
from article.figures.syntax import base_only, change_only, measure_of
from article.model import FURNITURE, Block, Entity, Figure
from article.spans import is_han

OPEN_QUOTES = frozenset("“\"「『‘'")
CLOSE_QUOTES = frozenset("”\"」』’'")
OPEN_QUOTE_RE = re.compile("[" + "".join(sorted(OPEN_QUOTES)) + "]")
RATIO_PLACES = 4
MAX_QUOTED = 10  # characters of a quoted name around a number in it
COUNT_ONE_OK = frozenset({"", "%", "个百分点", "百分点", "倍"})  # 增长一倍 is a figure
LATIN_RE = re.compile(r"[A-Za-z]")
DAY_PARTS = ("上午", "下午", "晚上", "凌晨", "早上", "中午", "傍晚", "晚", "早")
POINT_IN_TIME_UNITS = frozenset({"年", "天", "个月", "周"})
DIGITS_ONLY_UNITS = frozenset(
    {"期", "点", "起", "头", "箱", "通", "手"}
)  # counts only after Arabic digits (二手船, 两手准备: no lots)
TENOR_UNITS = frozenset({"年", "个月", "天", "周", "日"})
VAGUE_BEFORE = frozenset("数几")
MINUS_SIGNS = frozenset("-－−")


def _masked(blocks_entities: list[Entity], length: int) -> bytearray:
    """Character mask of entity spans: numbers inside dates, tickers and names are not figures."""
    mask = bytearray(length)
    for e in blocks_entities:
        mask[e.start : e.end] = b"\x01" * (e.end - e.start)
    return mask


def _not_a_figure(text: str, m: re.Match[str], q: Quantity, mask: bytearray) -> bool:
    """Ordinals, codes, quoted names and the article 一 (一家, 一个) are not quantities."""
    start, end = m.span()
    if any(mask[start : m.start("au") if m.group("au") else end]):
        return True  # a number inside a name (the unit may be a country's: 挪威克朗)
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before == "第":
        return True
    if not q.unit and (LATIN_RE.fullmatch(before or "_") or LATIN_RE.fullmatch(after or "_")):
        return True  # 5G, M2, A3: part of a name; 32家A股 and REITs4% measure something
    if q.unit in DIGITS_ONLY_UNITS and not text[start].isdigit():
        return True  # 一期工程, 两点建议: a phase, a list; 分12期, 上涨189点 count
    if q.unit == "点" and (text.endswith(DAY_PARTS, 0, start) or after in "钟半"):
        return True  # 下午3点: a time of day
    if after == "期" and q.unit in TENOR_UNITS:
        return True  # 五年期, 3个月期: the name of a term, not a quantity
    if after == "代" and q.unit == "年":
        return True  # 八十年代: a decade, not a number of years
    if after in "前后" and q.unit in POINT_IN_TIME_UNITS and text[end + 1 : end + 2] in "的，":
        return True  # 是三年前的2.6倍: a point in time, the base of a comparison
    if before in VAGUE_BEFORE and (m.group("an") or "")[:1] in "十百千万":
        return True  # 数十家, 几十亿元: a vague order of magnitude, not a count of ten
    if _in_quoted_name(text, start, end):
        return True
    return m.group("an") == "一" and q.high is None and q.unit not in COUNT_ONE_OK and not q.ratio


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """Inside a short quoted name (“630”台账, “江北科创十条”) a number is part of the name."""
    if not OPEN_QUOTE_RE.search(text, max(0, start - MAX_QUOTED), start):
        return False  # one scan for the usual case, no quote at all
    opening = max(text.rfind(q, max(0, start - MAX_QUOTED), start) for q in OPEN_QUOTES)
    if opening < 0 or any(text.find(q, opening, start) >= 0 for q in CLOSE_QUOTES - OPEN_QUOTES):
        return False
    closing = [i for q in CLOSE_QUOTES if (i := text.find(q, end, end + MAX_QUOTED)) >= 0]
    if not closing:
        return False
    inside = text[opening + 1 : min(closing)]
    return not any(ch in inside for ch in "，。；：！？,;")


def _figure(text: str, block: int, m: re.Match[str], q: Quantity, ctx: _Context) -> Figure:
    """A Figure with its qualifier, label and subject filled from the text around it."""
    start, q = _signed(text, m.start(), q, ctx.floor)
    qualifier = q.qualifier
    pre = pre_qualifier(text[max(0, start - PRE_WINDOW - 1) : start])  # not the whole text before
    if pre:
        qualifier = qualifier if qualifier and not pre[1] else pre[0]
        widened = start - pre[1]
        if widened >= ctx.floor and not any(ctx.mask[widened:start]):
            start = widened
    places = RATIO_PLACES if q.ratio else None
    subject, subject_why = ctx.subjects.subject(text, ctx.block, start, ctx.entities)
    label, why = label_for(text, start, m.end(), q.unit, ctx.floor, ctx.entities)
    if ctx.last is not None and change_target(text, ctx.floor, start):
        label, why = ctx.last.label, "label: the figure before, 由A…至B"
    elif _multiple_of_last(label, q.unit) and _in_sentence(text, ctx.last, start):
        label, why = (
            measure_of(ctx.last.label),
            "label: the figure before, of which this is a multiple",
        )
    elif _listed_after(text, ctx.last, start):
        label, why = ctx.last.label, "label: the figure before, in a list (63%、52%和48%)"
    elif label is None and _same_measure(text, ctx.last, q.unit, start):
        label, why = ctx.last.label, "label: the figure before in this sentence"
    elif _no_measure(label, why) and _share_of_last(text, ctx.last, q, start):
        label, why = ctx.last.label, "label: the figure before, of which this is a share (其中…)"
    elif compared_only(text, start, ctx.floor) and _in_sentence(text, ctx.last, start):
        label = ctx.last.label or label  # (余额同比增长 22.3%，较…增速高: the growth is compared)
        why = "label: the measure of the figure before, compared (…为A，比B低C)"
    elif label and change_only(label) and _in_sentence(text, ctx.last, start):
        label = f"{ctx.last.label}{label}"  # 不良率为1.2%，较上年末下降0.3个百分点
        why = "label: the measure of the figure before, and how this changes it"
    elif label and base_only(label):
        label, why = None, "no label: only what the figure is a multiple of (是上年的…)"
    return Figure(
        text=text[start : m.end()],
        value=to_float(q.value, places),
        high=None if q.high is None else to_float(q.high, places),
        unit=q.unit,
        qualifier=qualifier,
        label=label,
        subject=subject,
        block=block,
        start=start,
        end=m.end(),
        why=f"{why}; {subject_why}",
    )


def _consumed(text: str, figure: Figure) -> int:
    """Where the next figure's clause may begin: after the noun this count took (5户企业6笔…)."""
    label = figure.label or ""
    if (
        figure.why
        and figure.why.startswith("label: the noun after")
        and text.startswith(label, figure.end)
    ):
        return figure.end + len(label)
    return figure.end


LIST_JOINS = frozenset({"、", "和", "及", "与", "以及"})


def _listed_after(text: str, last: Figure | None, start: int) -> bool:
    """分别增长了63%、52%和48%: only a list mark stands between this figure and the one before."""
    return last is not None and last.label is not None and text[last.end : start] in LIST_JOINS


def _same_measure(text: str, last: Figure | None, unit: str, start: int) -> bool:
    """约为8.3万亿元，预计将突破19万亿元: a bare figure of the same sentence and unit."""
    if last is None or last.unit != unit or last.label is None:
        return False
    return _one_sentence(text, last.end, start)


_AFTER_PHRASE = "label: the phrase"  # what follows the figure (其中3家设在…): no measure


def _no_measure(label: str | None, why: str) -> bool:
    """No label, or only what the sentence goes on to say (设在临江: a verb first)."""
    if label is None or why.startswith(_AFTER_PHRASE):
        return True
    return wordtags.tag(segment.cut(label, hmm=False)[0]) == "v"


def _share_of_last(text: str, last: Figure | None, q: Quantity, start: int) -> bool:
    """采购额约3.2亿比索，其中超过四成来自十堰: a share (or a part counted the same way) of the
    figure before, after 其中."""
    if last is None or last.label is None:
        return False
    if not (q.ratio or q.unit == "%" or (q.unit and q.unit == last.unit)):
        return False  # a share, or a count of the same things (7家…，其中3家设在…)
    return _one_sentence(text, last.end, start) and text[:start].rstrip().endswith("其中")


def _multiple_of_last(label: str | None, unit: str) -> bool:
    """A bare multiple (…，是2023年的2.4倍) or one labelled only by its base period (是去年的):
    what it multiplies is the figure before."""
    return (label is None and unit == "倍") or (label is not None and base_only(label))


def _in_sentence(text: str, last: Figure | None, start: int) -> bool:
    """不良率为1.2%，比上年末下降0.3个百分点: a labelled figure earlier in the same sentence."""
    if last is None or last.label is None or change_only(last.label) or base_only(last.label):
        return False
    return _one_sentence(text, last.end, start)


def _one_sentence(text: str, begin: int, end: int) -> bool:
    """No sentence ends between the two places."""
    return not any(ch in "。！？；" for ch in text[begin:end])


def _signed(text: str, start: int, q: Quantity, floor: int) -> tuple[int, Quantity]:
    """利润-6.4亿元: a minus sign after a word (not between two numbers) makes it negative."""
    if start - 1 < max(floor, 0) or text[start - 1] not in MINUS_SIGNS:
        return start, q
    if start >= 2 and not is_han(text[start - 2]) and text[start - 2] not in "：:（( ":
        return start, q  # 1-2, A-1: a range or a code, not a sign
    high = None if q.high is None else -q.high
    return start - 1, Quantity(-q.value, high, q.unit, q.qualifier, q.ratio)


class _Context:
    """Per-block state while figures are read: entities, subject finder, previous figure end."""

    def __init__(self, entities: list[Entity], subjects: SubjectFinder, block: Block) -> None:
        self.entities = entities
        self.block = block
        self.subjects = subjects
        self.mask = _masked(entities, len(block.text))
        self.floor = 0
        self.last: Figure | None = None


def find_figures(blocks: list[Block], entities: list[Entity]) -> list[Figure]:
    """Figures in reading order with offsets into their block's text."""
    by_block: dict[int, list[Entity]] = defaultdict(list)
    for e in entities:
        by_block[e.block].append(e)
    subjects = SubjectFinder(entities, blocks)
    figures: list[Figure] = []
    for block in blocks:
        if block.kind == FURNITURE:
            continue  # a chart's ticks and a page's date are no figures of the article
        text = block.text
        ctx = _Context(by_block.get(block.index, []), subjects, block)
        for m in FIGURE_RE.finditer(text):
            try:
                q = quantity(m)
            except ValueError:
                continue  # a numeral that does not parse (零分之一) is no figure
            if q is None or _not_a_figure(text, m, q, ctx.mask):
                continue
            ctx.last = _figure(text, block.index, m, q, ctx)
            figures.append(ctx.last)
            ctx.floor = _consumed(text, ctx.last)
    return figures
