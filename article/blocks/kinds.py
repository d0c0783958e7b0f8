"""Recognise what a single source line is (title, byline, marker, Q&A turn …) by general rules."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from article.blocks.heads import byline_text
from article.model import (
    ANSWER,
    BYLINE,
    CONTINUATION,
    HEADING,
    PARAGRAPH,
    QUESTION,
    SOURCE,
    TITLE,
)
from article.surname_lists import ALL_COMPOUND, surname_of


def has_surname(name: str, rare_ok: bool = True) -> bool:
    """True when `name` starts with a surname (any 百家姓 one, or only common ones)."""
    return bool(surname_of(name, rare_ok))


@dataclass(frozen=True, slots=True)
class LineKind:
    """What one line is: its kind, its text without markup marks, and the speaker if any."""

    kind: str
    text: str
    speaker: str | None = None
    structural: bool = False  # always its own block (never merged with neighbouring lines)


_TITLE = re.compile(r"^#[ \t\u3000]+(.*\S)")
_HEADING = re.compile(r"^#{2,6}[ \t\u3000]+(.*\S)")
_MARKUP = re.compile(_HEADING.pattern + "|" + _TITLE.pattern)  # group 1: heading, 2: title
_SOURCE = re.compile(r"^[（(]?(?:资料|数据|图片|图表|信息|注)?来源\s*[：:]")
_CONT = re.compile(
    r"^[（(【\[]?\s*(?:上接|下转|接|转|续)\s*(?:第\s*)?(?:[A-Za-z]\s*)?[0-9０-９一二三四五六七八九十]+"
    r"\s*(?:版|页)?\s*[)）】\]]?[。.]?$"
)
_BYLINE_ROLE = re.compile(r"(?:记者|通讯员|实习生|特约撰稿人?|撰稿)")
_BYLINE_END = re.compile(r"(?:报道|摄影?|采写|发自\S{1,8}|综合报道|整理)$")
_EDITOR_CREDIT = re.compile(
    r"^[（(]?(?:责任编辑|编辑|校对|审核|监制|美编|统筹|终审)\s*[：:]\s*[^。，；！？]{1,20}[）)]?$"
)
_PUNCT = "。，；！？：:"  # sentence punctuation: a line with any is no byline
_SENTENCE_PUNCT = re.compile(f"[{_PUNCT}]")
_MEDIA_Q = re.compile(r"^《([^》]{1,16})》\s*[：:]")
_ROLE_Q = re.compile(r"^(记者|问|主持人|提问|Q)\s*[：:]")
_ROLE_A = re.compile(r"^(答|A)\s*[：:]")
_NAME_A = re.compile(r"^([\u4e00-\u9fff]{2,4})：")
_BAD_NAME_TAILS = frozenset("表示认为指出称说道的是在和与了等")
_NOT_IN_NAMES = frozenset("的了是在着们这那么个些")  # grammar characters, never in a name


def _no_dictionary(_word: str) -> int:
    """Without jieba's dictionary every candidate counts as an unknown (rare) word."""
    return 0


@cache
def _dictionary_freq() -> Callable[[str], int]:
    """jieba's word frequencies, imported once on first need: only lines like "X：" need them
    (a function-level import statement costs half a microsecond on every call)."""
    from article.segment import word_freq

    return word_freq


def _speaker_name(line: str, after_question: bool = False, dictionary: bool = True) -> str | None:
    """The speaker of a `张畅：` turn: a 2–4 character name with a known surname, else None.

    Right after a question any name-like turn answers it, whatever its surname.
    """
    match = _NAME_A.match(line)
    if match is None:
        return None
    name = match.group(1)
    if name[-1] in _BAD_NAME_TAILS:
        return None
    word_freq = _dictionary_freq() if dictionary else _no_dictionary
    if not _plausible_name(name, after_question, word_freq):
        return None
    if word_freq(name) >= 20:  # a common word ("方法", "高度"), not a name
        return None
    return name


def _plausible_name(name: str, after_question: bool, word_freq: Callable[[str], int]) -> bool:
    """A common surname will do; a rare one (or none, in a Q&A run) must not start a word."""
    if not _NOT_IN_NAMES.isdisjoint(name):
        return False
    if has_surname(name, rare_ok=False):
        return True
    if not (after_question or has_surname(name)):
        return False
    if after_question and len(name) >= 3 and name[:2] in ALL_COMPOUND:
        return True  # 淳于岩：, answering: a rare compound surname is a word of its own
    return word_freq(name[:2]) < 20  # "有的人：" is not a person


def _is_byline(line: str, first: str) -> bool:
    """Short credit lines: "中经记者 秦玉芳 广州报道", "本报记者 张三", "责任编辑：李四"."""
    if first in _EDITOR_FIRST and len(line) <= 30 and _EDITOR_CREDIT.match(line):
        return True
    if len(line) > 40 or _SENTENCE_PUNCT.search(line) or not _BYLINE_ROLE.search(line):
        return False
    return bool(_BYLINE_END.search(line)) or byline_text(line)


# What each pattern can begin with (tests derive these sets from the patterns themselves).
_CONT_FIRST = frozenset("（(【[上下接转续")  # `_CONT`
_SOURCE_FIRST = frozenset("（(资数图信注来")  # `_SOURCE`
_EDITOR_FIRST = frozenset("（(责编校审监美统终")  # `_EDITOR_CREDIT`
_ROLE_Q_FIRST = frozenset("记问主提Q")  # `_ROLE_Q`
_ROLE_A_FIRST = frozenset("答A")  # `_ROLE_A`


# First characters of every structural line (markup, markers, sources, credits, Q&A roles):
# a line starting otherwise is structural only as a byline or a "某某：" turn.
_GUARDED_FIRST = (_CONT_FIRST, _SOURCE_FIRST, _EDITOR_FIRST, _ROLE_Q_FIRST, _ROLE_A_FIRST)
_STRUCTURAL_FIRST = "".join(sorted({"#", "《"}.union(*_GUARDED_FIRST)))

# A line needs `line_kind` when it starts like a structural line, has a "：" where a 2-4
# character name would end, or may be a byline (short, without sentence punctuation, naming
# a reporter's role); every other line is a plain paragraph line. One regex call, so it can
# be mapped in C.
_CLOSER_LOOK = re.compile(
    f"[{re.escape(_STRUCTURAL_FIRST)}]|..[^：]{{0,2}}+："
    f"|(?=[^{_PUNCT}]{{1,40}}+\\Z).*?{_BYLINE_ROLE.pattern}",
    re.DOTALL,
)
closer_look = _CLOSER_LOOK.match  # a match for a non-blank line that `line_kind` must judge


def classify_line(line: str, after_question: bool = False, dictionary: bool = True) -> LineKind:
    """Classify one stripped, non-blank source line (`after_question`: in a Q&A run)."""
    kind, text, speaker = line_kind(line, after_question, dictionary)
    return LineKind(kind, text, speaker, kind != PARAGRAPH)


def line_kind(
    line: str, after_question: bool = False, dictionary: bool = True
) -> tuple[str, str, str | None]:
    """`classify_line` as a plain (kind, text, speaker) tuple: splitting builds no LineKind.
    Every kind but PARAGRAPH is structural. Each pattern is tried only where the line's first
    character lets it match."""
    first = line[0]
    if first == "#" and (match := _MARKUP.match(line)):
        return (HEADING, match[1], None) if match.lastindex == 1 else (TITLE, match[2], None)
    if first in _CONT_FIRST and _CONT.match(line):
        return CONTINUATION, line, None
    if first in _SOURCE_FIRST and _SOURCE.match(line):
        return SOURCE, line, None
    if _is_byline(line, first):
        return BYLINE, line, None
    return _turn_kind(line, first, after_question, dictionary)


def _turn_kind(
    line: str, first: str, after_question: bool, dictionary: bool
) -> tuple[str, str, str | None]:
    """Q&A turns start a new block; everything else is a plain paragraph line."""
    if first == "《" and (match := _MEDIA_Q.match(line)):
        return QUESTION, line, match.group(1)
    if first in _ROLE_Q_FIRST and (match := _ROLE_Q.match(line)):
        role = match.group(1)
        return QUESTION, line, role if role in ("记者", "主持人") else None
    if first in _ROLE_A_FIRST and _ROLE_A.match(line):
        return ANSWER, line, None
    if name := _speaker_name(line, after_question, dictionary):
        return ANSWER, line, name
    return PARAGRAPH, line, None


_CHART_START = re.compile(r"(?:附)?(?:图|表|图表)\s*[0-9０-９一二三四五六七八九十]")
_CHART_NOUNS = "图|表|图表|示意图|一览|一览表|统计表|走势|趋势图|分布图|对比图|情况表|明细"
_CHART_END = re.compile(rf"(?:{_CHART_NOUNS})\s*(?:[（(][^）)]*[）)])?$")
# The last character of a heading that `_CHART_END` finds (headings are stripped): searching
# only those headings saves a slow scan of the others.
_CHART_LAST = frozenset([*(noun[-1] for noun in _CHART_NOUNS.split("|")), "）", ")"])


def names_a_chart(heading: str) -> bool:
    """True when a heading reads like a chart or table caption ("图1 …", "… 一览表")."""
    heading = heading.strip()
    if _CHART_START.match(heading):
        return True
    return heading[-1:] in _CHART_LAST and _CHART_END.search(heading) is not None
