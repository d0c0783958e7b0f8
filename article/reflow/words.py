"""Word lists the reflow rules read: punctuation classes, measure words, speech verbs, titles."""

from __future__ import annotations

from article.surname_lists import ALL_COMPOUND


def _words(listing: str) -> tuple[str, ...]:
    """A word list written as one space-separated string (easier to read and keep)."""
    return tuple(listing.split())


CLOSERS = frozenset("。！？!?…；;”’」』）)】.")
CLOSING_START = frozenset("，。、；：！？）】》”’」』,.;:!?)%")
OPEN_QUOTES = "“「『"
CLOSE_QUOTES = "”」』"
# Measure words need a numeral or determiner before them ("笔" of "首笔", "3笔").
MEASURE_WORDS = frozenset("笔个家项只户件名位次条张台座份批种元倍亩吨套辆架艘例所支枚间栋")
NUMERAL_ENDS = frozenset(
    "0123456789０１２３４５６７８９一二三四五六七八九十百千万亿两几数首该每此这那某各多单整"
)
# Characters that end or bind to the word before them and never open a sentence.
BOUND_STARTS = frozenset("的了着过们吗呢吧啊地得之等及者性率化")
# Single characters that commonly open a sentence on their own.
OPENERS = frozenset(
    "该他她我你它这那此其在对据从为因由与向将把被但而并且又也还如若虽即则当自随每各某有无不要应"
    "可能会已仍正就才都所以按依至今"
)
SPEECH_VERBS = _words(
    "表示 指出 认为 强调 透露 介绍 发布 分析 补充 坦言 提到 谈到 直言 回应 解释 披露 告诉 宣布 "
    "提醒 呼吁 称 说"
)
SPEECH_ADVERBS = ("进一步", "同时", "再次", "也", "还", "则", "更")
# Characters that start pronouns and function words, never a person's name.
NOT_NAME_CHARS = frozenset(
    "他她它我你其该并也还则又都亦另此这那均皆再更已正就才便却而但且对向据有会将"
)
# Openings that plainly begin a new paragraph.
CONNECTIVES = _words(
    "此外 不过 随着 对此 同时 另外 但是 然而 因此 所以 总之 首先 其次 最后 而且 据悉 据了解 "
    "据介绍 值得注意的是 事实上 实际上 对于 基于 尽管 虽然 未来 按照 与此同时 同一时间 今年 去年 "
    "近日 日前 目前 当前 此前 近年来 近期 当下 如今 眼下 据"
)
# Titles and roles that precede a person's name ("咨询专家韦玲艳").
TITLE_WORDS = _words(
    "专家 研究员 主任 教授 经理 总裁 董事长 行长 分析师 院长 主席 局长 部长 负责人 总监 所长 首席 "
    "记者 副总 秘书长 会长 书记 市长 省长 总经理 合伙人 创始人 学者 律师 医生 老师 博士 "
    "官 高管 主管 董事 理事 监事 委员 发言人 店主 摊主 老板 教练 学家 主编 "
    "工程师 设计师 规划师 经济师 会计师 策略师 精算师 处长 科长 司长 厅长 区长 县长 镇长 村长 "
    "队长 组长 校长 社长 台长 站长 馆长 理事长 州长"
)
# Words after which an amount must follow ("总投资规模约" + "680亿元。"); the last six are
# matched as endings of the text, the rest as its last dictionary token.
QUANTITY_WANTED = _words(
    "约 达到 达 超过 逾 突破 高达 多达 约为 升至 降至 增至 不足 不到 不少于 不低于 近 接近 将近 "
    "同比增长 环比增长 同比下降 环比下降 同比增加 同比减少"
)
# Words often followed by an amount, but not always.
QUANTITY_ENDS = frozenset(
    _words(
        "为 是 至 到 增长 下降 增加 减少 提高 提升 上涨 下跌 回落 规模 余额 占比 比重 比例 "
        "合计 共计 累计 总计 分别 分别为 金额 总额 总量 增速 均价 价格 共 总共 仅 "
        "只有 仅有 共有 约有 还有"
    )
)
# Last characters of organisations and people: a subject for a verb cut off after the break.
AGENT_ENDS = frozenset("行司局部委会院所厅处社报台团组方人士者家员长府署办队站馆校厂店")
# Function characters, left out of content trigrams and topic words.
FUNCTION_CHARS = frozenset("的了是在和与对为等及其也将于从以而并这该有")
NUMERAL_CHARS = frozenset("一二两三四五六七八九十百千万亿")


def telling(word: str) -> bool:
    """A word across the break that says the pieces belong together: not a doubled character
    (一一: that is a repeat's evidence) nor numerals alone (一两: 邝一 + 两成左右)."""
    return word != word[0] * len(word) and not NUMERAL_CHARS.issuperset(word)


def half_name(surname: str) -> bool:
    """A surname and the first character of its given name (汪一), not a compound surname."""
    return len(surname) == 2 and surname not in ALL_COMPOUND
