"""Topic terms of a passage (people quoted, quoted catchwords, tickers) to tell articles apart."""

from __future__ import annotations

import re

from article.model import RawBlock
from article.reflow_signals import NOT_NAME_CHARS, SPEECH_VERBS, is_cjk
from article.segment import word_freq

_VERBS = re.compile("|".join(SPEECH_VERBS))
_ADVERBS = ("进一步", "同时", "再次", "也", "还", "则", "更")
_QUOTED = re.compile(r"[“「『]([^“”「」『』\n]{2,10})[”」』]")
_TICKER = re.compile(r"\d{6}\.[A-Z]{2}")


def _name_before(text: str, verb_at: int) -> str | None:
    """The two characters naming the speaker before a speech verb ("曾刚", "飞鹏" of 娄飞鹏)."""
    end = verb_at
    for adverb in _ADVERBS:
        if text.endswith(adverb, 0, end):
            end -= len(adverb)
            break
    name = text[end - 2 : end]
    if len(name) < 2 or not all(is_cjk(c) for c in name) or set(name) & NOT_NAME_CHARS:
        return None
    if word_freq(name) >= 20 or word_freq(text[end - 3 : end]) >= 20:
        return None  # a common noun ("银行表示", "负责人表示"), not a person
    return name


def block_terms(block: RawBlock) -> set[str]:
    """Names of speakers, short quoted catchwords and tickers mentioned in one block."""
    text = block.text
    terms = {m.group(1) for m in _QUOTED.finditer(text)}
    terms.update(m.group(0) for m in _TICKER.finditer(text))
    for match in _VERBS.finditer(text):
        at = match.start()
        if at < 2 or word_freq(text[at - 1 : match.end()]) >= 20:
            continue  # the verb is part of a longer word ("来说")
        name = _name_before(text, at)
        if name:
            terms.add(name)
    if block.speaker:
        terms.add(block.speaker)
    return terms


_FUNCTION_CHARS = frozenset("的了是在和与对为等及其也将于从以而并这该有一个不")
RARE_WORD_FREQ = 3000  # dictionary words rarer than this say what a passage is about


def content_words(text: str) -> set[str]:
    """Two-character dictionary words of moderate rarity: the vocabulary of a topic."""
    words: set[str] = set()
    for i in range(len(text) - 1):
        pair = text[i : i + 2]
        if pair in words or not (is_cjk(pair[0]) and is_cjk(pair[1])):
            continue
        if pair[0] in _FUNCTION_CHARS or pair[1] in _FUNCTION_CHARS:
            continue
        if 0 < word_freq(pair) < RARE_WORD_FREQ:
            words.add(pair)
    return words
