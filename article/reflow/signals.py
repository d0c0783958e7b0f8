"""Edge signals of a block: does its end dangle, can its start begin a sentence?"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from math import inf, log

from article.blocks import has_surname
from article.reflow.words import (
    BOUND_STARTS,
    CLOSE_QUOTES,
    CLOSERS,
    CLOSING_START,
    CONNECTIVES,
    MEASURE_WORDS,
    NOT_NAME_CHARS,
    NUMERAL_ENDS,
    OPEN_QUOTES,
    OPENERS,
    QUANTITY_ENDS,
    QUANTITY_WANTED,
    SPEECH_ADVERBS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from article.segment import tokenizer
from article.surname_lists import ALL_COMPOUND, ALL_SINGLE, surname_of

_VERB_ALT = "|".join(SPEECH_VERBS)


def by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by first character: `startswith` then tries a handful, not all of them."""
    groups: dict[str, tuple[str, ...]] = {}
    for word in words:
        groups[word[0]] = (*groups.get(word[0], ()), word)
    return groups


_CONNECTIVES_BY_FIRST = by_first(CONNECTIVES)
_VERBS_BY_FIRST = by_first(SPEECH_VERBS)
_ADVERB_ALT = "|".join(SPEECH_ADVERBS)
_NAME_VERB = re.compile(rf"^([\u4e00-\u9fff]{{1,3}}?)(?:{_ADVERB_ALT})?(?:{_VERB_ALT})")
_TIME_START = re.compile(
    r"^(?:\d{2,4}年)?\d{1,2}月(?:\d{1,2}日|初|中旬|上旬|下旬|底|末)?(?:[，,]|以来|起)"
    r"|^\d{4}年(?:[，,]|以来|起)"
)
# A bare amount as a whole clause ("680亿元。", "8.7%，"): a sentence does not begin with one.
_AMOUNT = re.compile(
    r"^[0-9０-９]+(?:[.．][0-9０-９]+)?(?:万亿|亿|万|千|百)?"
    r"(?:(?:%|％|‰|个百分点|(?:美|港|日|欧)?元|[家个张人户倍吨亩辆台套件项笔只名位座次条份岁])"
    r"(?:以上|左右|多)?[。，；！？,;]|[。，；])"
    r"|^[一两二三四五六七八九]成(?:以上|左右|多)?[。，；！？,;]"  # "一成左右。"
)
# First characters of amounts, dates and list numbers: only these need those patterns tried.
_NUMERIC_FIRST = frozenset("0123456789０１２３４５６７８９一两二三四五六七八九十（(第")
_SENTENCE_END = re.compile(r"[。！？!?]")
_ENUMERATION = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]"
    r"|\d{1,2}[、．]|第[一二三四五六七八九十]{1,3}[，、：])"
)
# A date or a list number opens a paragraph: both tried in one match.
# 下调至3.9%…: a change to a value with no subject, the rest of "…由去年的4.6%"
_CHANGE_TO = re.compile(
    r"(?:下调|上调|提高|降低|增加|减少|扩大|缩小|缩短|延长|提升|下降|上升|增长|回落|扩充|压缩"
    r"|收窄|攀升|下滑|[降升增减])了?[至到]了?(?=[\d约近超逾一二三四五六七八九十两])"
)
_NUMBERED_START = re.compile(f"(?:{_TIME_START.pattern})|(?:{_ENUMERATION.pattern})")
_INNER_PUNCT = re.compile(r"[。！？；，：!?;,:]")
# Text up to its first quotation mark, which closes a quotation: it opened in another block.
_UNOPENED = re.compile(f"[^{OPEN_QUOTES}{CLOSE_QUOTES}]*+[{CLOSE_QUOTES}]")


@lru_cache(maxsize=1)
def freq_table() -> dict[str, int]:
    """jieba's frequency table (ours loaded in), fetched once: lookups sit in hot loops."""
    return tokenizer().FREQ


@lru_cache(maxsize=1)
def _log_total() -> float:
    """Log of the dictionary's total count, for jieba's route probabilities."""
    return log(tokenizer().total)


def freq(word: str) -> int:
    """Dictionary frequency of a word; 0 when unknown."""
    return freq_table().get(word) or 0


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph, the characters words are made of."""
    return "\u3400" <= ch <= "\u9fff"


def dangles(text: str) -> bool:
    """A body block that stops without closing punctuation was cut mid-sentence."""
    return bool(text) and text[-1] not in CLOSERS and not list_heading(text)


def starts_enumeration(text: str) -> bool:
    """True for "一、", "（二）", "3." style numbering at the start."""
    return bool(_ENUMERATION.match(text))


def list_heading(text: str) -> bool:
    """A short numbered line ("一、总体要求", "（二）资金保障") is complete without punctuation."""
    return len(text) <= 30 and bool(_ENUMERATION.match(text)) and not _INNER_PUNCT.search(text)


def open_quote_pending(text: str) -> bool:
    """True when the text leaves a quotation open at its end."""
    if "“" not in text and "「" not in text and "『" not in text:
        return False  # three fast scans: most blocks open no quotation at all
    find = text.rfind
    return max(find("“"), find("「"), find("『")) > max(find("”"), find("」"), find("』"))


def closes_unopened_quote(text: str) -> bool:
    """True when a closing quote comes before any opening one: the quote began elsewhere."""
    if "”" not in text and "」" not in text and "』" not in text:
        return False  # three fast scans: most blocks close no quotation at all
    return _UNOPENED.match(text) is not None


_EDGE_PIECE = re.compile(r"[\u3400-\u9fff]+|[A-Za-z0-9]+|.", re.DOTALL)


def _route(run: str) -> list[str]:
    """jieba's dictionary-only segmentation of one CJK run (its DAG and best route: the
    highest score, on a tie the longest word, as jieba's `max` over (score, end) picks)."""
    table_get, n = freq_table().get, len(run)
    log_total = _log_total()
    score = [0.0] * (n + 1)  # best route score from each offset to the end
    ends = [0] * (n + 1)  # where the first word of that route ends (inclusive)
    for k in range(n - 1, -1, -1):
        best, end = -inf, -1
        for i in range(k, n):
            count = table_get(run[k : i + 1])
            if count is None:
                break  # the table holds every prefix: no longer word starts here
            if count and (value := log(count) - log_total + score[i + 1]) >= best:
                best, end = value, i  # later ends are longer words: they win a tie
        if end < 0:  # an unknown character stands alone
            best, end = log(table_get(run[k]) or 1) - log_total + score[k + 1], k
        score[k], ends[k] = best, end
    tokens, x = [], 0
    while x < n:
        y = ends[x] + 1
        tokens.append(run[x:y])
        x = y
    return tokens


@lru_cache(maxsize=65536)
def head_tokens(head: str) -> tuple[str, ...]:
    """Dictionary-only segmentation of a short edge (HMM would invent words like 清笔)."""
    tokens: list[str] = []
    for piece in _EDGE_PIECE.findall(head):
        tokens.extend(_route(piece) if is_cjk(piece[0]) else [piece])
    return tuple(tokens)


def last_token(text: str) -> str:
    """The last dictionary token of a block's tail."""
    tokens = head_tokens(text[-6:])
    return tokens[-1] if tokens else ""


def first_token(text: str) -> str:
    """The first dictionary token of a block's head."""
    tokens = head_tokens(text[:6])
    return tokens[0] if tokens else ""


@dataclass(frozen=True, slots=True)
class Start:
    """How a block begins: why it cannot open a sentence, and whether it plainly opens one."""

    reason: str | None  # closing_punct, measure, amount, speech_verb, name_fragment, ...
    signal: bool  # a strong paragraph-start signal (time, connective, quote, full name + verb)
    fragment: str = ""  # the given-name fragment of a name_fragment start
    closes_quote: bool = False  # closes a quotation it never opened
    # Certain enough that the block lost its beginning to show a gap if unpaired.
    orphan: bool = field(init=False, repr=False, compare=False)
    # The start alone hints that the block continues another (its place may too).
    hinted: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Both facts are read for every paragraph of a page: stored once, on the few shared
        values (see `_start`), not worked out on each read."""
        object.__setattr__(self, "orphan", self.closes_quote or self.reason in STRONG_REASONS)
        object.__setattr__(self, "hinted", bool(self.reason) or self.closes_quote)


STRONG_REASONS = frozenset(
    (
        "closing_punct",
        "measure",
        "amount",
        "speech_verb",
        "name_fragment",
        "bound_char",
        "change_to",
    )
)


# Characters a speech verb or adverb begins with: a name + verb start has one at 1..3.
_NAME_VERB_LEAD = frozenset(w[0] for w in SPEECH_VERBS + SPEECH_ADVERBS)
# One of them at 1..3 (`_LEAD_AT(text, 1, 4)`): a search allocates nothing when it fails.
_LEAD_AT = re.compile(f"[{''.join(sorted(_NAME_VERB_LEAD))}]").search


def _name_start(text: str) -> tuple[str | None, str]:
    """Classify "曾刚指出" (full name: a start signal) vs "玲艳指出" (a name's tail)."""
    if _LEAD_AT(text, 1, 4) is None:
        return None, ""
    match = _NAME_VERB.match(text)
    return (None, "") if match is None else _name_kind(match.group(1))


def _name_kind(name: str) -> tuple[str | None, str]:
    """`_name_start` of the characters before a speech verb at the start of a block."""
    if not name or name[0] in NOT_NAME_CHARS or (freq_table().get(name) or 0) >= 20:
        return None, ""
    if len(name) >= 2 and has_surname(name, rare_ok=False):
        return "full_name", name
    return ("name_fragment", name) if len(name) <= 2 else (None, "")


def given_name_start(text: str) -> str:
    """The 1–2 characters before a speech verb at the start ("启航介绍" -> "启航"), else ""."""
    match = _NAME_VERB.match(text)
    if match is None or len(match.group(1)) > 2 or set(match.group(1)) & NOT_NAME_CHARS:
        return ""
    return match.group(1)


def full_name_start(text: str) -> bool:
    """True when the text opens with a person's full name and a speech verb ("邬晓春说")."""
    return _name_start(text)[0] == "full_name"


_STARTS: dict[tuple[str | None, bool, str, bool], Start] = {}


def _start(reason: str | None, signal: bool, fragment: str = "", quote: bool = False) -> Start:
    """A shared Start value (there are few distinct ones; building each costs time)."""
    key = (reason, signal, fragment, quote)
    start = _STARTS.get(key)
    if start is None:
        start = _STARTS[key] = Start(reason, signal, fragment, quote)
    return start


_QUOTE_OPENS = _start(None, True)
# Openers that begin no speech verb: `_token_reason` answers None for them at once.
_PLAIN_FIRST = OPENERS - {w[0] for w in SPEECH_VERBS}
# First characters for which `_token_reason` does more than look up the first two characters.
_TOKEN_FIRST = OPENERS | MEASURE_WORDS | BOUND_STARTS | {w[0] for w in SPEECH_VERBS}
_REASONS = (None, "closing_punct", "amount", "single_char", "speech_verb", "measure")
_REASONS += ("bound_char", "change_to")


def _by_reason(signal: bool, quote: bool) -> dict[str | None, Start]:
    """The shared Start of each reason with these flags: `starts_of` picks one by reason
    alone, without building a key per block."""
    return {reason: _start(reason, signal, "", quote) for reason in _REASONS}


_PLAIN, _SIGNALLED, _QUOTED = (
    _by_reason(False, False),
    _by_reason(True, False),
    _by_reason(False, True),
)


def start_of(text: str) -> Start:
    """Analyse the first few characters of a body block."""
    return starts_of([text])[0]


def starts_of(texts: list[str]) -> list[Start]:
    """`start_of` for every body block of a page: one loop with its tables bound locally (it
    runs once for every paragraph; the common paths are written out)."""
    table_get = freq_table().get
    amount, numbered, name_verb = _AMOUNT.match, _NUMBERED_START.match, _NAME_VERB.match
    change_to = _CHANGE_TO.match
    open_quotes, closing_start, numeric_first, lead_at = (
        OPEN_QUOTES,
        CLOSING_START,
        _NUMERIC_FIRST,
        _LEAD_AT,
    )
    connectives, token_first, plain_first = _CONNECTIVES_BY_FIRST, _TOKEN_FIRST, _PLAIN_FIRST
    page = "".join(texts)  # without 「」『』 on the page, “ and ” alone tell an unopened quote
    curly = not any(mark in page for mark in "「」『』")
    plain, signalled, quoted = _PLAIN, _SIGNALLED, _QUOTED
    starts: list[Start] = []
    append = starts.append
    for text in texts:
        if not text:
            append(plain[None])
            continue
        first = text[0]
        if first in open_quotes:  # opens a quotation: the plainest paragraph start
            append(_QUOTE_OPENS)
            continue
        if curly:  # `closes_unopened_quote`, written out: half the blocks hold a closing quote
            quote = (end := text.find("”")) >= 0 and text.find("“", 0, end) < 0
        else:
            quote = closes_unopened_quote(text)
        flagged = quoted if quote else plain  # the Starts of this block that give no signal
        if first in closing_start:
            append(flagged["closing_punct"])
            continue
        numeric = first in numeric_first
        if numeric and amount(text):
            append(flagged["amount"])
            continue
        if change_to(text):
            append(flagged["change_to"])
            continue
        if lead_at(text, 1, 4) is not None and (match := name_verb(text)) is not None:
            name_kind, name = _name_kind(match.group(1))  # `_name_start`, written out
            if name_kind == "name_fragment":
                append(_start("name_fragment", False, name, quote))
                continue
            if name_kind == "full_name":
                append(quoted[None] if quote else signalled[None])
                continue
        if quote:
            table = quoted
        elif numeric and numbered(text):  # a date or a list number
            table = signalled
        elif first in connectives and text.startswith(connectives[first]):
            table = signalled  # a connective opens a paragraph (as does an opening quote)
        else:
            table = plain
        if "\u3400" <= first <= "\u9fff" and first not in token_first:  # _token_reason's end
            append(table[None] if (table_get(text[:2]) or 0) >= 100 else table["single_char"])
        else:  # see _token_reason: an opener that begins no speech verb has no reason at once
            append(table[None] if first in plain_first else table[_token_reason(text)])
    return starts


def _token_reason(text: str) -> str | None:
    """Reasons read from the first dictionary token (segmenting only when it can matter)."""
    head = text[0]
    if text.startswith(_VERBS_BY_FIRST.get(head, ())):
        return "speech_verb" if first_token(text) in SPEECH_VERBS else None
    if not is_cjk(head) or head in OPENERS:
        return None
    if head in MEASURE_WORDS or head in BOUND_STARTS:
        if len(first_token(text)) != 1:
            return None
        return "measure" if head in MEASURE_WORDS else "bound_char"
    # A lone first character, unless a common word starts here; segmenting waits until
    # the block is weighed against a dangling end.
    return None if (freq_table().get(text[:2]) or 0) >= 100 else "single_char"


def _first_sentence(text: str) -> str:
    """Text up to and including the first sentence end."""
    match = _SENTENCE_END.search(text)
    return text if match is None else text[: match.end() + 1]


def last_sentence(text: str, limit: int = 60) -> str:
    """The unfinished last sentence of a dangling block (at most `limit` characters)."""
    lo, find = max(0, len(text) - limit), text.rfind
    end = max(find("。", lo), find("！", lo), find("？", lo), find("!", lo), find("?", lo))
    return text[end + 1 :] if end >= 0 else text[lo:]


def first_sentence(text: str, limit: int = 60) -> str:
    """The first sentence of a block (at most `limit` characters)."""
    return _first_sentence(text[:limit])


def ends_with_numeral(text: str) -> bool:
    """A measure word after the break needs a numeral or determiner before it."""
    return bool(text) and text[-1] in NUMERAL_ENDS


def trailing_surname(text: str) -> str:
    """A lone surname ending the text ("…咨询专家韦" -> "韦"), else "".

    After a title word any 百家姓 surname counts ("…首席投资官司徒"); elsewhere only common ones.
    """
    return surname_at_end(text)[0]


def surname_after_title(text: str) -> bool:
    """True when a lone surname follows a title word: the name was cut after its first part."""
    return surname_at_end(text)[1]


def surname_at_end(text: str) -> tuple[str, bool]:
    """`trailing_surname` and `surname_after_title` at once (both read the same characters)."""
    for size in (2, 1):
        edge = text[-size:]
        if edge[:1] not in ALL_SINGLE and edge not in ALL_COMPOUND:
            continue  # no surname of any kind here: the title test can wait
        titled = text.endswith(TITLE_WORDS, 0, len(text) - size)
        surname = surname_of(edge, rare_ok=titled)
        if len(surname) == size and (size == 2 or last_token(text) == surname):
            return surname, titled
    return _half_name_after_title(text), False  # a name, not a title, ends the text


def _half_name_after_title(text: str) -> str:
    """ "…董事长汪一": a title, a surname and the first character of a two-character given name
    (no word of the dictionary), cut there; the surname and that character, else ""."""
    edge = text[-2:]
    if len(edge) < 2 or edge[1] in NOT_NAME_CHARS or not is_cjk(edge[1]):
        return ""
    if not text.endswith(TITLE_WORDS, 0, len(text) - 2):
        return ""
    if surname_of(edge[0], rare_ok=True) != edge[0] or freq_table().get(edge):
        return ""
    return edge


_QUANTITY_WORDS = QUANTITY_WANTED + tuple(QUANTITY_ENDS)
_QUANTITY_LAST = frozenset(word[-1] for word in _QUANTITY_WORDS) | {"了"}


def expects_quantity(text: str) -> int:
    """2 when the text ends with a word that must be followed by an amount ("约", "同比增长"),
    1 when it often is ("为", "规模"), else 0."""
    if text[-1:] not in _QUANTITY_LAST:
        return 0  # no word of them (or 了 after one) ends the text: one set lookup tells
    text = text.removesuffix("了")  # "同比增长了" + "27.6%"
    if not text.endswith(_QUANTITY_WORDS):
        return 0  # the last token ends the text: none of the words can be it
    token = last_token(text)
    if token in QUANTITY_WANTED or text.endswith(QUANTITY_WANTED[-6:]):
        return 2
    return 1 if token in QUANTITY_ENDS else 0
