"""The written shapes of quantities: numerals, magnitudes, units, ranges, fractions and 成."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from article import segment
from article.figures.numbers import MAGNITUDES, parse_number
from article.spans import words

AR_NUM = r"\d+(?:,\d{3})*(?:[.．]\d+)?"
CN_DIGIT = "零〇一二两三四五六七八九"
CN_NUM = rf"(?:[{CN_DIGIT}十][{CN_DIGIT}十百千万亿]*(?:点[{CN_DIGIT}]+)?|[百千](?=[万亿]))"
NUM = rf"(?:{AR_NUM}|{CN_NUM})"
MAG = r"(?:万亿|千亿|百亿|亿|千万|百万|万|千(?![瓦克米帕]))"  # not the 千 of 千瓦时, 千克
APPROX = r"[余多]"
CURRENCIES = (
    "元", "美元", "港元", "港币", "欧元", "英镑", "日元", "人民币", "雷亚尔", "卢比", "泰铢",
    "越南盾", "林吉特", "新加坡元", "澳元", "加元", "韩元", "卢布", "比索", "瑞郎",
    "兹罗提", "里拉", "兰特", "迪拉姆", "里亚尔", "坚戈", "第纳尔", "福林", "克朗", "新台币",
    "澳门元", "新西兰元", "菲律宾比索", "印尼盾", "挪威克朗", "瑞典克朗", "丹麦克朗", "瑞士法郎",
    "法郎", "加拿大元", "澳大利亚元", "墨西哥比索", "智利比索", "土耳其里拉", "南非兰特",
    "沙特里亚尔", "新谢克尔", "埃及镑", "巴基斯坦卢比", "塔卡", "缅元", "基普", "图格里克",
)  # fmt: skip
PRICE_UNITS = words(
    "元/股 港元/股 元/吨 元/平方米 元/克 元/斤 元/公斤 元/千瓦时 美元/桶 美元/盎司 元/Wh 元/kWh "
    "元/度"
)
PERCENT_UNITS = ("%", "％", "‰", "个百分点", "百分点", "个基点", "基点")
COUNT_UNITS = words(
    "个工作日 个交易日 个季度 工作日 交易日 季度 个月 周岁 岁 年 天 小时 分钟 毫秒 秒 周 "
    "家 人次 人 户 笔 "
    "只 项 个 次 倍 台 辆 架 艘 吨 千克 公斤 克 斤 平方公里 平方米 公里 千米 米 亩 公顷 件 份 场 "
    "吉瓦时 兆瓦时 千瓦时 吉瓦 兆瓦 千瓦 TWh GWh MWh kWh Wh GW MW kW "
    "单 支 条 款 名 位 所 座 张 套 批 轮 步 类 种 股 手 期 处 起 点 "
    "标准箱 标箱 枚 头 羽 株 棵 颗 箱 通 间 百帕 千帕 载重吨 辆次 架次 艘次 航次 "
    "户次 家次 笔次 件次 场次 班次 车次 批次 台次 吨次 口 宗"
)
UNITS = sorted((*PRICE_UNITS, *CURRENCIES, *PERCENT_UNITS, *COUNT_UNITS), key=len, reverse=True)
UNIT = "(?:" + "|".join(re.escape(u) for u in UNITS) + ")"
RANGE_SEP = r"(?:—|–|－|-|~|～|至|到)"
POST = r"(?:及以上|以上|以内|以下|之内|左右|上下|附近)"


_TENTH = r"(?:\d|[一两二三四五六七八九])"  # 三成, 3成: tenths


def _amount_re(p: str) -> str:
    """One side of a figure: numeral, 余/多, magnitude and unit, in groups named with prefix p."""
    return (
        rf"(?P<{p}n>{NUM})(?P<{p}a>{APPROX})?(?P<{p}m>{MAG})?(?P<{p}a2>{APPROX})?(?P<{p}u>{UNIT})?"
    )


FIGURE_RE = re.compile(
    rf"(?=[\d０-９{CN_DIGIT}十百千万])"
    rf"(?:(?P<frac>(?P<den>{NUM}|百|千|万)分之(?P<num>{NUM}))"
    rf"|(?P<cheng>{_TENTH})(?:{RANGE_SEP}(?P<cheng2>{_TENTH}))?成(?![本功为立长员果交绩熟型品效就])"
    rf"|{_amount_re('a')}(?:{RANGE_SEP}{_amount_re('b')})?)(?P<post>{POST})?"
)
PRE_QUALIFIERS = words(
    "不超过 不少于 不低于 不高于 不足 不到 超过 超出 超 逾 大约 约 将近 接近 近 "
    "最高 最长 最低 最多 最少 至少 高达 多达"
)
PRE_WINDOW = 6  # 不超过 + 提高至
GLUED_WORD_MIN_FREQ = 20  # 签约, 附近 are words; 费约 (手续费约1200元) only a jieba oddity
# Verbs that may stand between a qualifier and its figure: 最低降至5元, 最高可达30万元.
QUALIFIER_LINKS = words(
    "为 达到 可达 达 降至 降到 升至 升到 增至 提高至 提高到 下降至 下降到 降低至 降低到"
)
PRE_RE = re.compile(
    "(?:"
    + "|".join(sorted(PRE_QUALIFIERS, key=len, reverse=True))
    + ")("
    + "|".join(sorted(QUALIFIER_LINKS, key=len, reverse=True))
    + ")?$"
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed figure before context: value, upper end, unit and the qualifier written inside."""

    value: Decimal
    high: Decimal | None
    unit: str
    qualifier: str | None
    ratio: bool = False


def _base_unit(unit: str | None) -> str:
    """The contract's base unit: 个百分点 and 个基点 stay as printed, ％ becomes %, a missing
    unit is ''."""
    if unit == "％":
        return "%"
    return unit or ""


def _amount(m: re.Match[str], p: str) -> tuple[Decimal, str | None, str | None]:
    """Value (with magnitude), unit and 余/多 of one side of a figure."""
    value = parse_number(m.group(p + "n"))
    if m.group(p + "m"):
        value *= MAGNITUDES[m.group(p + "m")]
    return value, m.group(p + "u"), m.group(p + "a") or m.group(p + "a2")


def _fraction(m: re.Match[str]) -> Quantity:
    """三分之一 -> 0.3333 (ratio), 百分之三十 -> 30 %."""
    den, num = parse_number(m.group("den")), parse_number(m.group("num"))
    if not den:
        raise ValueError(f"zero denominator: {m.group()!r}")
    if den == 100:
        return Quantity(num, None, "%", None)
    return Quantity(num / den, None, "", None, ratio=True)


def quantity(m: re.Match[str]) -> Quantity | None:
    """The Quantity of a FIGURE_RE match, None when it is a bare number with nothing to measure."""
    post = m.group("post")
    post_qualifier = post.removeprefix("及") if post else None
    if m.group("frac"):
        return _with_qualifier(_fraction(m), post_qualifier)
    if m.group("cheng"):
        value = parse_number(m.group("cheng")) / 10
        high = parse_number(m.group("cheng2")) / 10 if m.group("cheng2") else None
        return Quantity(value, high, "", post_qualifier, ratio=True)
    low, unit, approx = _amount(m, "a")
    if m.group("an") in ("百", "千") and not unit:
        return None  # 千万 (by all means), 百万 on its own
    high = None
    if m.group("bn"):
        high, high_unit, _ = _amount(m, "b")
        if not m.group("am") and not unit and m.group("bm"):
            low *= MAGNITUDES[m.group("bm")]
        unit = unit or high_unit
        if high < low:
            return None  # not a range: two numbers that happen to touch
    if not unit and not m.group("am") and high is None:
        return None
    if high is not None and not unit and not m.group("am"):
        return None
    return Quantity(low, high, _base_unit(unit), approx or post_qualifier)


def _with_qualifier(q: Quantity, qualifier: str | None) -> Quantity:
    """The same quantity with a qualifier written after it."""
    return Quantity(q.value, q.high, q.unit, qualifier, q.ratio)


def pre_qualifier(before: str) -> tuple[str, int] | None:
    """A qualifier written before a figure (超过, 不超过 …) and its length when right beside it."""
    m = PRE_RE.search(before[-PRE_WINDOW:])
    if not m:
        return None
    word = m.group()[: len(m.group()) - len(m.group(1) or "")]
    ahead = before[: len(before) - len(m.group())][-1:]
    if len(word) == 1 and segment.word_freq(ahead + word) > GLUED_WORD_MIN_FREQ:
        context = before[: len(before) - len(m.group())][-3:] + word
        if segment.cut(context, hmm=False)[-1] != word:
            return None  # 签约, 附近, 赶超: the character belongs to the word before
        # 损失约86亿元: 失约 is a word, but 损失 takes the 失
    return word, 0 if m.group(1) else len(word)
