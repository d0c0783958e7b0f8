"""Companies no lexicon knows: a coined name, a line of business, then 有限公司 or 公司."""

from __future__ import annotations

import re

from article import segment, wordtags
from article.entities.named import (
    FUNCTION_TAGS,
    NAME_MAX,
    NAME_MIN,
    NAME_TAGS_OK,
    after_count,
    name_word,
    whole_name_ok,
)
from article.entities.places import STOP_CHARS
from article.spans import Cover, Span, is_han

COMPANY_RE = re.compile(
    r"(?<![分子母])(?:股份有限公司|有限责任公司|有限公司|公司)|(?:专业|股份经济)?合作社"
)  # 某某鲍鱼养殖专业合作社: a coined name and its trade before a cooperative too
COMPANY_WINDOW = 14  # characters cut into words before 有限公司
MAX_COMPANY_NAME = 12  # 澜沧消费金融 …: a coined head and the line of business
MAX_COINED_WORD_FREQ = 0  # 跨国公司, 财险公司: a company's own name is no dictionary noun


def _company_words(text: str, suffix_start: int) -> list[tuple[int, str]]:
    """Words (with starts) of the run before a company suffix that may belong to its name."""
    window_start = max(0, suffix_start - COMPANY_WINDOW)
    pieces = segment.cut(text[window_start:suffix_start], hmm=False)
    run: list[tuple[int, str]] = []
    pos = suffix_start
    for i in range(len(pieces) - 1, -1, -1):
        word = pieces[i]
        if suffix_start - pos + len(word) > MAX_COMPANY_NAME or word in STOP_CHARS:
            break
        if not all(is_han(ch) for ch in word) or wordtags.tag(word) in FUNCTION_TAGS:
            if i and _lone_pair(pieces[i - 1], word):
                run.append((pos - 2, pieces[i - 1] + word))  # 黔中: two lone characters, coined
            break
        pos -= len(word)
        run.append((pos, word))
    return run[::-1]


def _lone_pair(before: str, word: str) -> bool:
    """Two single characters jieba could not join into any word: the coined head of a name."""
    return (
        len(before) == len(word) == 1
        and is_han(before)
        and before not in STOP_CHARS
        and word not in STOP_CHARS
        and not segment.word_freq(before + word)
    )


def _coined_head(run: list[tuple[int, str]], first: int) -> str:
    """The 2–4 character coined name opening the run at index `first` (澜沧, 云栖), or ''."""
    head = ""
    for _, word in run[first:]:
        if len(head) >= NAME_MIN or len(head) + len(word) > NAME_MAX:
            break
        if not _companyname_word(word, len(head)):
            return ""
        head += word
    return head if len(head) >= NAME_MIN else ""


def _companyname_word(word: str, taken: int) -> bool:
    """Stricter than a bank's name: a rare word or a place, never opening with a verb (入职)."""
    if not name_word(word, 0 if taken < NAME_MIN and len(word) > 1 else taken):
        return False
    tag = wordtags.tag(word)
    if len(word) == 1:
        return taken > 0 or tag != "v"
    return tag in NAME_TAGS_OK or segment.word_freq(word) <= MAX_COINED_WORD_FREQ


def company_spans(text: str, known: list[Span]) -> list[Span]:
    """澜沧消费金融有限公司, 云栖科技公司: a coined name, a line of business, then 公司."""
    spans: list[Span] = []
    if "公司" not in text and "合作社" not in text:
        return spans  # every suffix ends in one of them: most blocks need no cover of their spans
    cover = Cover(known)
    for m in COMPANY_RE.finditer(text):
        start = _company_start(text, m.start())
        if start is None or cover.overlaps(start, m.end()):
            continue  # a place or a known firm inside: compound_spans has decided
        if not whole_name_ok(text[start : m.start()]):
            continue  # 科创板公司: a kind of company, named by its market or its kind
        spans.append(Span(start, m.end(), "ORG", 4, f"coined name before {m.group()}"))
    return spans


def _company_start(text: str, suffix_start: int) -> int | None:
    """Start of a company name ending at suffix_start, from its first coined word."""
    run = _company_words(text, suffix_start)
    for first in range(len(run)):
        head = _coined_head(run, first)
        if head and whole_name_ok(head) and not after_count(text, run[first][0]):
            return run[first][0]
    return None
