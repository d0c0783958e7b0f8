"""Organisations the document itself teaches: aliases, and coined names used like institutions.

A name no lexicon knows becomes an organisation when the text gives it away: an alias in
brackets after a firm (（下称“某某城投”）), or a coined name that recurs and takes the verbs
of an institution (某某表示, 某某数据显示, 据某某统计). Every later mention is then marked.
"""

from __future__ import annotations

import re
from collections import Counter

from article import segment, wordtags
from article.entities.people import plausible, surname_len
from article.model import Block
from article.spans import Cover, Span

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
CONTEXT_CHARS = "据示为出露称"  # one of them is in every CONTEXT_RE match: most blocks hold none
MIN_MENTIONS = 2  # a coined name must recur before it is trusted
MAX_HEAD_FREQ = 50  # the name's first word is coined or rare, never vocabulary (业内, 市场)
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
    for block, spans in zip(blocks, known, strict=True):
        text = block.text
        if "称" in text:  # every alias is 简称/下称/以下称
            ends = {s.end for s in spans if s.type == "ORG"}
            for m in ALIAS_RE.finditer(text):
                if m.start() in ends:
                    learned[m.group("name")] = "alias given after the organisation"
        if any(ch in text for ch in CONTEXT_CHARS):
            _count_contexts(text, spans, contexts)
    whole = "\n".join(b.text for b in blocks)
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


def learned_spans(text: str, names: dict[str, str], pattern: re.Pattern[str] | None) -> list[Span]:
    """Every mention of a learned name in one block."""
    if pattern is None:
        return []
    return [Span(m.start(), m.end(), "ORG", 4, names[m.group()]) for m in pattern.finditer(text)]
