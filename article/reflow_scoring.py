"""Score how convincingly a dangling end (A) continues in a given block (B)."""

from __future__ import annotations

from dataclasses import dataclass

from article.reflow_signals import (
    OPEN_QUOTES,
    TITLE_WORDS,
    Start,
    ends_with_numeral,
    first_sentence,
    first_token,
    full_name_start,
    given_name_start,
    is_cjk,
    last_sentence,
    last_token,
    open_quote_pending,
    surname_after_title,
    trailing_surname,
)
from article.segment import word_freq

MIN_WORD_FREQ = 20  # jieba's dictionary holds junk entries of frequency 3 ("照算", "心心")
AGENT_ENDS = frozenset("行司局部委会院所厅处社报台团组方人士者家员长府署办队站馆校厂店")
FUNCTION_CHARS = frozenset("的了是在和与对为等及其也将于从以而并这该有")


@dataclass(slots=True)
class Piece:
    """A body block as reflow sees it: its text, place and edge signals."""

    raw: int  # index into the raw block list (source order)
    order: int  # position in the article's reading order
    text: str
    start: Start | None  # None: the block begins with a Q&A marker, so it always opens
    dangling: bool
    prev_raw: int  # the source-order neighbour before it (-1 at the top)
    after: str | None  # "figure" after a caption/source line, "dangling" after a cut-off block


@dataclass(frozen=True, slots=True)
class Scored:
    """A candidate join with its score and the repeated characters to drop at the break."""

    a: int
    b: int
    score: float
    repeat: int
    evidence: tuple[str, ...]


def repeat_at_break(a: str, b: str, b_token: str) -> int:
    """1 when B repeats A's last character as a lone token (核心 + 心领域), else 0."""
    if not a or not b or a[-1] != b[0] or not is_cjk(b[0]):
        return 0
    if b_token != b[0] or word_freq(b[0] * 2) >= 50:
        return 0
    tail = last_token(a)
    return 1 if len(tail) >= 2 and tail[-1] == b[0] else 0


def word_across(a: str, b: str) -> str:
    """A dictionary word formed across the break that swallows a lone character on one side."""
    a_tok, b_tok = last_token(a), first_token(b)
    lone_a = len(a_tok) == 1 and is_cjk(a_tok)
    lone_b = len(b_tok) == 1 and is_cjk(b_tok)
    if not (lone_a or lone_b):
        return ""
    best = ""
    for i in (1, 2):
        for j in (1, 2, 3):
            word = a[-i:] + b[:j]
            if len(word) <= len(best) or len(word) != i + j or not all(map(is_cjk, word)):
                continue
            if word_freq(word) >= MIN_WORD_FREQ and (i >= len(a_tok) or j >= len(b_tok)):
                best = word
    return best


def _grams(text: str) -> set[str]:
    """CJK trigrams without function characters: the content a sentence is about."""
    return {
        text[i : i + 3]
        for i in range(len(text) - 2)
        if all(is_cjk(c) and c not in FUNCTION_CHARS for c in text[i : i + 3])
    }


def cohesion(a: str, b: str, context: str) -> tuple[float, str]:
    """Rare content shared by A's unfinished sentence and B's first sentence."""
    shared = _grams(last_sentence(a)) & _grams(first_sentence(b))
    rare = sorted(g for g in shared if context.count(g) <= 4)
    return min(2.0, 0.75 * len(rare)), "".join(rare[:2])


def _start_fit(a: str, b: str, start: Start, evidence: list[str]) -> float:
    """How well A's tail supplies what B's orphan start is missing."""
    reason = start.reason
    if surname_after_title(a) and (start.fragment or given_name_start(b)):
        evidence.append("name")
        return 7.0
    if a.endswith(TITLE_WORDS):  # "…副局长" wants a name next
        if full_name_start(b):
            evidence.append("title+name")
            return 8.0  # outweighs the start signal a full name carries
        return -5.0
    if reason == "measure":
        if ends_with_numeral(a):
            evidence.append("numeral+measure")
            return 4.0
        return -10.0
    if reason == "speech_verb":
        if a[-1] in AGENT_ENDS and len(last_token(a)) >= 2:
            evidence.append("subject+verb")
            return 4.0
        return -4.0
    if reason == "name_fragment":
        return 4.0 if trailing_surname(a) else -4.0
    if reason in ("closing_punct", "bound_char"):
        if is_cjk(a[-1]) or a[-1].isalnum():
            evidence.append(reason)
            return 2.0
        return -10.0  # "，" + "的…" or "，" + "、…" never meet in real text
    return -1.0 if surname_after_title(a) else 0.0


def _quotes(a: str, start: Start, evidence: list[str]) -> float:
    """A quote closed in B must have been opened in A, and an open quote in A wants closing."""
    a_open = open_quote_pending(a)
    if start.closes_quote:
        if a_open:
            evidence.append("quote")
            return 5.0
        return -10.0
    return -2.0 if a_open else 0.0


def _position(a: Piece, b: Piece) -> float:
    """Column breaks: B right after A, after a figure, or after another cut-off block."""
    place = 0.0
    if b.prev_raw == a.raw or b.after == "figure":
        place = 3.0
    elif b.after == "dangling":
        place = 2.0
    if b.order < a.order:
        place -= 1.0
    return place - 0.05 * abs(b.order - a.order)


def score_pair(a: Piece, b: Piece, context: str) -> Scored:
    """All evidence for "B continues A" in one number (higher is more convincing)."""
    assert b.start is not None
    evidence: list[str] = []
    repeat = repeat_at_break(a.text, b.text, b.start.token)
    total = (
        _position(a, b)
        + _start_fit(a.text, b.text, b.start, evidence)
        + _quotes(a.text, b.start, evidence)
    )
    if repeat:
        total += 6.0
        evidence.append("repeat")
    elif word := word_across(a.text, b.text):
        total += 4.0
        evidence.append(f"word {word}")
    if b.start.signal:
        opens_quote = b.text[0] in OPEN_QUOTES and a.text[-1] in "：:"
        total += 1.0 if opens_quote else -4.0
    bonus, shared = cohesion(a.text, b.text[repeat:], context)
    if bonus:
        total += bonus
        evidence.append(f"shared {shared}")
    surname = trailing_surname(a.text)
    if b.start.reason == "name_fragment" and surname and surname + b.start.fragment in context:
        total += 2.0
        evidence.append(f"name {surname}{b.start.fragment}")
    return Scored(a.raw, b.raw, total, repeat, tuple(evidence))
