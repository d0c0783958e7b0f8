"""Speakers of interview turns: 某某：… after a question is a person's name."""

from __future__ import annotations

import re

from article.entities.people import plausible, surname_len
from article.model import ANSWER, PARAGRAPH, QUESTION, Block
from article.spans import Span


def speaker_name(text: str, speaker: str | None) -> list[Span]:
    """The Q&A speaker at the start of a turn (某某：…), when it reads as a person's name."""
    if not speaker or not text.startswith(speaker):
        return []
    surname = surname_len(speaker, 0)
    if surname and plausible(speaker, surname, strong=True):
        return [Span(0, len(speaker), "PERSON", 5, "interview speaker")]
    return []


TURN_RE = re.compile(r"([\u4e00-\u9fff]{2,4})[：:]")
QUESTION_LABEL_RE = re.compile(r"[^，。：:]{1,12}[：:].*[？?]")
INLINE_TURN_RE = re.compile(r"(?<=[？?])\s*([\u4e00-\u9fff]{2,4})[：:]")


def turn_name(text: str, kind: str, previous: Block | None) -> list[Span]:
    """某某：… answering a question turn (记者：…？) names its speaker, labelled or not."""
    spans = [_turn_span(m) for m in INLINE_TURN_RE.finditer(text)]  # …？某某：… in one block
    m = TURN_RE.match(text)
    if m and kind in (ANSWER, PARAGRAPH) and _is_question(previous):
        spans.append(_turn_span(m))
    return [s for s in spans if s is not None]


def _is_question(block: Block | None) -> bool:
    """A question turn, marked by the block splitter or written as 记者：…？."""
    if block is None:
        return False
    return block.kind == QUESTION or QUESTION_LABEL_RE.match(block.text) is not None


def _turn_span(m: re.Match[str]) -> Span | None:
    """The speaker label of an answer turn, when it reads as a person's name."""
    name = m.group(1)
    surname = surname_len(name, 0)
    if surname and plausible(name, surname, strong=False):
        return Span(m.start(1), m.end(1), "PERSON", 5, "answers a question")
    return None
