"""Topic terms of a passage (people quoted, catchwords, rarer words) to tell articles apart."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress, repeat
from operator import attrgetter, sub

from article.model import RawBlock
from article.reflow.shared import PairScan, content_class
from article.reflow.signals import freq_table
from article.reflow.words import FUNCTION_CHARS, NOT_NAME_CHARS, SPEECH_ADVERBS, SPEECH_VERBS

# A short quote holding a run of two or more CJK characters (tested by the lookahead: no
# quote mark can start inside a rejected one, so no match is lost). One pattern per opening
# mark: a literal first character is searched for far faster than a class, and as no quote
# mark stands inside a match, matches never overlap and each pattern finds its own share.
_QUOTE_BODY = r"(?=[^“”「」『』\n]*?[\u3400-\u9fff]{2})([^“”「」『』\n]{2,10})[”」』]"
_QUOTED = tuple(re.compile(mark + _QUOTE_BODY) for mark in "“「『")


_ADVERB_SET = frozenset(SPEECH_ADVERBS)
_ADVERB_ENDS = frozenset(adverb[-1] for adverb in SPEECH_ADVERBS)
# Characters right before a speech verb that rule a name out: grammar characters that do not
# end an adverb (an adverb may stand between the name and the verb).
_NAME_BLOCKERS = NOT_NAME_CHARS - _ADVERB_ENDS
# A speech verb after a character that may end a name or an adverb. The test looks back from
# after the verb, so the search still runs on the verbs' first characters; no verb starts
# inside another, so a verb turned down hides no other.
_VERBS = re.compile(
    "|".join(f"{verb}(?<={content_class(_NAME_BLOCKERS)}{verb})" for verb in SPEECH_VERBS)
)
# Characters before a speech verb that decide its speaker: an adverb (up to 3) and a name (2),
# and one more for the three-character word test.
_REACH = 6
# Put before the page so every verb has `_REACH` characters before it: newlines, which are
# in no name and no dictionary word, decide as the missing text would.
_PAD = "\n" * _REACH


def _speaker_of(key: str, table: dict[str, int]) -> str | None:
    """The speaker ("曾刚", "飞鹏" of 娄飞鹏) named before the speech verb that follows the
    first `_REACH` characters of `key`, if any (cheap character tests before lookups)."""
    end = _REACH - _adverb_length(key) if key[_REACH - 1] in _ADVERB_ENDS else _REACH
    name = key[end - 2 : end]
    first, second = name
    if not ("\u3400" <= first <= "\u9fff" and "\u3400" <= second <= "\u9fff"):
        return None
    if first in NOT_NAME_CHARS or second in NOT_NAME_CHARS:
        return None
    get = table.get
    if (get(key[_REACH - 1 :]) or 0) >= 20:
        return None  # the verb is part of a longer word ("来说")
    if (get(name) or 0) >= 20 or (get(key[end - 3 : end]) or 0) >= 20:
        return None  # a common noun ("银行表示", "负责人表示"), not a person
    return name


def _adverb_length(key: str) -> int:
    """Length of the adverb ("也", "进一步") between a name and the verb after `_REACH`."""
    if key[_REACH - 3 : _REACH] in _ADVERB_SET:
        return 3
    if key[_REACH - 2 : _REACH] in _ADVERB_SET:
        return 2
    return 1 if key[_REACH - 1] in _ADVERB_SET else 0


def block_terms(block: RawBlock) -> set[str]:
    """Names of speakers and short Chinese catchwords in quotes mentioned in one block."""
    return set(page_terms([block]).terms)


@dataclass(slots=True)
class PageTerms:
    """The people and catchwords of every block, in block order, read by runs of blocks."""

    blocks: list[int]  # the block each term stands in, ascending
    terms: list[str]

    def of(self, first: int, last: int) -> list[str]:
        """The terms of blocks first..last (repeats kept)."""
        blocks = self.blocks
        return self.terms[bisect_left(blocks, first) : bisect_right(blocks, last)]


_speaker = attrgetter("speaker")
_start = re.Match.start
_end = re.Match.end
_group = re.Match.group


def _quotes(page: str, ends: list[int]) -> tuple[list[int], list[str]]:
    """Blocks and texts of the quoted catchwords on a page."""
    matches = [match for pattern in _QUOTED for match in pattern.finditer(page)]
    blocks = list(map(bisect_right, repeat(ends), map(_start, matches)))
    return blocks, list(map(_group, matches, repeat(1)))


def _speakers(page: str, ends: list[int]) -> tuple[list[int], list[str]]:
    """Blocks and names of the speakers named before speech verbs (each context judged once)."""
    matches = list(_VERBS.finditer(page))
    starts = list(map(_start, matches))
    keys = list(
        map(page.__getitem__, map(slice, map(sub, starts, repeat(_REACH)), map(_end, matches)))
    )
    unique = dict.fromkeys(keys)  # in page order: judged in the order their text was read
    decided = dict(zip(unique, map(_speaker_of, unique, repeat(freq_table())), strict=True))
    names = list(map(decided.__getitem__, keys))
    blocks = list(map(bisect_right, repeat(ends), compress(starts, names)))
    return blocks, list(filter(None, names))


def page_terms(blocks: list[RawBlock], texts: list[str] | None = None) -> PageTerms:
    """The `block_terms` of every block, from a few regex passes over the whole page (`texts`:
    the blocks' texts, if the caller has them already).

    Blocks hold no newline, and neither a quote nor a name may span one, so no term is found
    across two blocks.
    """
    if texts is None:
        texts = [b.text for b in blocks]
    page = "\n".join([_PAD[1:], *texts])  # the pad, a newline, then the blocks
    # ends[i]: where the text after block i begins on the page (len + 1 summed, in C)
    ends = list(accumulate(map((1).__add__, map(len, texts)), initial=_REACH))[1:]
    quoted, quotes = _quotes(page, ends)
    named, names = _speakers(page, ends)
    speakers = list(map(_speaker, blocks))
    marked = list(compress(range(len(blocks)), speakers))
    at = quoted + named + marked
    terms = quotes + names + list(filter(None, speakers))
    order = sorted(range(len(at)), key=at.__getitem__)  # stable: by block only
    return PageTerms(list(map(at.__getitem__, order)), list(map(terms.__getitem__, order)))


_FUNCTION_CHARS = FUNCTION_CHARS | frozenset("一个不")
RARE_WORD_FREQ = 3000  # dictionary words rarer than this say what a passage is about
MAX_WORDS = 16  # the rarest words are enough to recognise a topic
SAMPLE = 300  # characters of a passage read for its vocabulary (its first paragraph or two)
_RARE_COUNTS = range(1, RARE_WORD_FREQ)  # in the dictionary (count > 0) and rare
_TOPIC_PAIRS = PairScan(_FUNCTION_CHARS)  # two adjacent content characters


def content_words(text: str) -> list[str]:
    """The rarest two-character dictionary words of a passage: the vocabulary of its topic
    (hundreds of pairs: looked up, filtered and sorted by map, compress and sorted, in C)."""
    words = list(_TOPIC_PAIRS(text, SAMPLE))
    counts = list(map(freq_table().get, words, repeat(0)))
    rare = list(map(_RARE_COUNTS.__contains__, counts))
    scored = sorted(zip(compress(counts, rare), compress(words, rare), strict=True))
    return [pair for _, pair in scored[:MAX_WORDS]]
