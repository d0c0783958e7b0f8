"""Figures that take their measure from the figure before: the far end of a change (从A提高到B)
and a bare comparison (…为A，比B低C)."""

from __future__ import annotations

import re

from article.figures.context import CHANGE_VERBS, MAX_CLAUSE, clause_start

# The second figure of 从A提高到B measures what the first did: 利率从3.1%下降到2.8%.
CHANGE_TO_RE = re.compile(
    rf"(?:{CHANGE_VERBS}|[\u4e00-\u9fff](?<!的))?[到至为]了?(?:[\u4e00-\u9fff\d]{{1,6}}的)?"
)  # 开到了; 增加到今年的(约5100户)

# 比未做市产品低约: a comparison and its difference, no measure of its own
_COMPARED_ONLY = re.compile(
    r"(?:比|较)[^，。；：比较]{1,16}?(?:低|(?<![提升增])高|多|(?<![减缩])少|快|慢)(?:出|了)?"
    r"(?:约|近|超过|逾|不到|不足)?"  # (减少, 提高: a change, how the measure moved)
)


def compared_only(text: str, start: int, floor: int) -> bool:
    """The clause before the figure only compares (…为0.05%，比未做市产品低约0.11个百分点):
    what it compares is the measure of the figure before."""
    begin = clause_start(text, start, max(floor, start - MAX_CLAUSE))
    return _COMPARED_ONLY.fullmatch(text, begin, start) is not None


def change_target(text: str, previous_end: int, start: int) -> bool:
    """True when only a change verb stands between two figures (从3.1%下降到2.8%)."""
    return previous_end > 0 and CHANGE_TO_RE.fullmatch(text, previous_end, start) is not None
