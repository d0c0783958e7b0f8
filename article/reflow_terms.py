"""Topic terms of a passage (people quoted, catchwords, rarer words) to tell articles apart."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from article.model import RawBlock
from article.reflow_scoring import content_class
from article.reflow_signals import freq_table
from article.reflow_words import FUNCTION_CHARS, NOT_NAME_CHARS, SPEECH_ADVERBS, SPEECH_VERBS

_VERBS = re.compile("|".join(SPEECH_VERBS))
# A short quote holding a run of two or more CJK characters (tested by the lookahead: no
# quote mark can start inside a rejected one, so no match is lost).
_QUOTED = re.compile(
    r"[“「『](?=[^“”「」『』\n]*?[\u3400-\u9fff]{2})([^“”「」『』\n]{2,10})[”」』]"
)


_ADVERB_SET = frozenset(SPEECH_ADVERBS)
# Characters right before a speech verb that rule a name out: grammar characters that do not
# end an adverb (an adverb may stand between the name and the verb).
_NAME_BLOCKERS = NOT_NAME_CHARS - frozenset(adverb[-1] for adverb in SPEECH_ADVERBS)


def _name_before(text: str, verb_at: int) -> str | None:
    """The two characters naming the speaker before a speech verb ("曾刚", "飞鹏" of 娄飞鹏)."""
    end = verb_at
    if text.endswith(SPEECH_ADVERBS, 0, end):
        end -= next(n for n in (3, 2, 1) if text[end - n : end] in _ADVERB_SET)
    name = text[end - 2 : end]
    if len(name) < 2 or not ("\u3400" <= name[0] <= "\u9fff" and "\u3400" <= name[1] <= "\u9fff"):
        return None
    if name[0] in NOT_NAME_CHARS or name[1] in NOT_NAME_CHARS:
        return None
    table = freq_table()
    if (table.get(name) or 0) >= 20 or (table.get(text[end - 3 : end]) or 0) >= 20:
        return None  # a common noun ("银行表示", "负责人表示"), not a person
    return name


# Characters before a speech verb that decide its speaker: an adverb (up to 3) and a name (2),
# and one more for the three-character word test.
_REACH = 6


def _speaker(text: str, at: int, end: int) -> str | None:
    """The speaker named before the speech verb text[at:end], read from text[at - 6 : end]."""
    if (freq_table().get(text[at - 1 : end]) or 0) >= 20:
        return None  # the verb is part of a longer word ("来说")
    return _name_before(text, at)


def block_terms(block: RawBlock) -> set[str]:
    """Names of speakers and short Chinese catchwords in quotes mentioned in one block."""
    return set(all_block_terms([block])[0])


_NONE: frozenset[str] = frozenset()


def _add_speakers(joined: str, ends: list[int], found: dict[int, set[str]]) -> None:
    """Add the speakers named before speech verbs to the terms of the blocks they stand in."""
    speakers: dict[str, str | None] = {}  # the same name and verb recur: judge each once
    blockers = _NAME_BLOCKERS
    for match in _VERBS.finditer(joined):
        at, end = match.span()
        if at:
            char = joined[at - 1]  # a CJK character that a name or an adverb may end
            if not "\u3400" <= char <= "\u9fff" or char in blockers:
                continue  # punctuation or a pronoun before the verb: no name here
        if at < _REACH:
            name = _speaker(joined, at, end)
        else:
            key = joined[at - _REACH : end]
            if key in speakers:
                name = speakers[key]
            else:
                name = speakers[key] = _speaker(key, _REACH, len(key))
        if name:
            found.setdefault(bisect_right(ends, at), set()).add(name)


def all_block_terms(blocks: list[RawBlock]) -> list[frozenset[str] | set[str]]:
    """`block_terms` of every block, from one regex pass over the whole page.

    Blocks hold no newline, and neither a quote nor a name may span one, so no term is found
    across two blocks.
    """
    texts = [b.text for b in blocks]
    joined = "\n".join(texts)
    ends = list(accumulate(map((1).__add__, map(len, texts))))  # in C: len + 1, summed
    found: dict[int, set[str]] = {}
    for match in _QUOTED.finditer(joined):
        found.setdefault(bisect_right(ends, match.start()), set()).add(match.group(1))
    _add_speakers(joined, ends, found)
    for i, block in enumerate(blocks):
        if block.speaker:
            found.setdefault(i, set()).add(block.speaker)
    terms: list[frozenset[str] | set[str]] = [_NONE] * len(blocks)
    for i, names in found.items():
        terms[i] = names
    return terms


_FUNCTION_CHARS = FUNCTION_CHARS | frozenset("一个不")
RARE_WORD_FREQ = 3000  # dictionary words rarer than this say what a passage is about
MAX_WORDS = 16  # the rarest words are enough to recognise a topic
SAMPLE = 500  # characters of a passage read for its vocabulary
_TOPIC_PAIR = re.compile(f"(?=({content_class(_FUNCTION_CHARS)}{{2}}))")


def content_words(text: str) -> list[str]:
    """The rarest two-character dictionary words of a passage: the vocabulary of its topic."""
    pairs = set(_TOPIC_PAIR.findall(text, 0, SAMPLE))  # two adjacent content characters
    scored = sorted(
        (n, pair)
        for pair, n in zip(pairs, map(freq_table().get, pairs), strict=True)
        if n and n < RARE_WORD_FREQ
    )
    return [pair for _, pair in scored[:MAX_WORDS]]
