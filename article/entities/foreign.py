"""Transliterated names written with a middle dot: 约瑟夫·奈, 让-克洛德·容克."""

from __future__ import annotations

import re

from article import lexicon, segment, wordtags
from article.entities.people import BOUNDARY_BEFORE, NOT_IN_NAME
from article.spans import Span

# Bounded parts keep the scan linear on long runs of text with a dot somewhere.
_HAN_RUN = r"(?:[\u4e00-\u9fff]{1,8}[-‐])?[\u4e00-\u9fff]{1,8}"
FOREIGN_NAME_RE = re.compile(rf"{_HAN_RUN}(?:[·•・]{_HAN_RUN})+")
HAN_RUN_RE = re.compile(r"[\u4e00-\u9fff]+")
NAME_DOTS = "·•・"
TRANSLITERATION_TAGS = frozenset({"nr", "nrt", "nrfg", None})


def foreign_names(text: str) -> list[Span]:
    """约瑟夫·奈, 让-克洛德·容克: transliterated names are written with a middle dot."""
    spans: list[Span] = []
    if not any(dot in text for dot in NAME_DOTS):
        return spans
    for m in FOREIGN_NAME_RE.finditer(text):
        runs = list(HAN_RUN_RE.finditer(text, m.start(), m.end()))
        start = _first_part_start(text, runs[0].start(), runs[0].end())
        end = _last_part_end(text, runs[-1].start(), runs[-1].end())
        parts = re.split(r"[·•・\-‐]", text[start:end])
        if start < runs[0].end() and end > runs[-1].start() and not any(map(_word_part, parts)):
            spans.append(Span(start, end, "PERSON", 5, "transliterated name with a middle dot"))
    return spans


def _word_part(part: str) -> bool:
    """A dotted part that is an ordinary word or a place (中国·杭州), not a transliteration."""
    if not part or part in lexicon.tagged_words():
        return True
    return any(
        len(word) > 1 and wordtags.tag(word) not in TRANSLITERATION_TAGS
        for word in segment.cut(part, hmm=False)
    )


def _first_part_start(text: str, start: int, end: int) -> int:
    """Where the name begins in the run before its first dot (教授约瑟夫 → 约瑟夫)."""
    pos = end
    for word in reversed(segment.cut(text[start:end], hmm=False)):
        if word in lexicon.titles() or word in BOUNDARY_BEFORE or _function_word(word):
            break
        if len(word) > 1 and wordtags.tag(word) not in TRANSLITERATION_TAGS:
            break  # 大学教授约瑟夫: an ordinary word ends the name's run
        pos -= len(word)
    return pos


def _last_part_end(text: str, start: int, end: int) -> int:
    """Where the name ends in the run after its last dot (奈指出 → 奈)."""
    pos = start
    for word in segment.cut(text[start:end], hmm=False):
        if _function_word(word) or lexicon.compiled("follow").fullmatch(word):
            break
        pos += len(word)
    return pos


def _function_word(word: str) -> bool:
    """A verb, preposition, adverb … : never part of a transliterated name."""
    return (wordtags.tag(word) in wordtags.NON_NAME_TAGS and len(word) > 1) or word in NOT_IN_NAME
