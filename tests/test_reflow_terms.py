"""Page-wide term gathering gives, block by block, what the plain per-block rules give."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from article.model import PARAGRAPH, RawBlock
from article.reflow.signals import freq_table
from article.reflow.terms import (
    MAX_WORDS,
    RARE_WORD_FREQ,
    SAMPLE,
    block_terms,
    content_words,
    page_terms,
)
from article.reflow.words import FUNCTION_CHARS, NOT_NAME_CHARS, SPEECH_ADVERBS, SPEECH_VERBS

_QUOTE = re.compile(r"[“「『]([^“”「」『』\n]{2,10})[”」』]")
_VERB = re.compile("|".join(SPEECH_VERBS))
_BLOCKERS = NOT_NAME_CHARS - frozenset(adverb[-1] for adverb in SPEECH_ADVERBS)


def _cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _common(word: str) -> bool:
    return (freq_table().get(word) or 0) >= 20


def _plain_speaker(text: str, at: int, end: int) -> str | None:
    """The speaker rule written out for one block, without any shortcut."""
    if at == 0 or not _cjk(text[at - 1]) or text[at - 1] in _BLOCKERS:
        return None
    if _common(text[at - 1 : end]):
        return None
    adverbs = [a for a in SPEECH_ADVERBS if text[:at].endswith(a)]
    name_end = at - max(map(len, adverbs), default=0)
    if name_end < 2:
        return None
    name = text[name_end - 2 : name_end]
    if not all(_cjk(c) and c not in NOT_NAME_CHARS for c in name):
        return None
    if _common(name) or (name_end >= 3 and _common(text[name_end - 3 : name_end])):
        return None
    return name


def _plain_terms(block: RawBlock) -> set[str]:
    """Quoted catchwords (with two CJK characters in a row), speakers and the block's own."""
    text = block.text
    terms = {q for q in _QUOTE.findall(text) if re.search(r"[\u3400-\u9fff]{2}", q)}
    for match in _VERB.finditer(text):
        name = _plain_speaker(text, *match.span())
        if name:
            terms.add(name)
    if block.speaker:
        terms.add(block.speaker)
    return terms


# Invented names and words, speech verbs, adverbs, pronouns, quote marks, common nouns.
_PIECES = st.sampled_from(
    [
        "张伟",
        "丽明",
        "芳",
        "表示",
        "说",
        "称",
        "来说",
        "也",
        "同时",
        "进一步",
        "他",
        "银行",
        "负责人",
        "“",
        "”",
        "「",
        "」",
        "『",
        "』",
        "，",
        "。",
        "甲乙",
        "A",
        "丙",
        "的",
    ]
)
_TEXT = st.lists(_PIECES, max_size=14).map("".join)


def _block(text: str, speaker: str | None = None) -> RawBlock:
    return RawBlock(PARAGRAPH, text, [(1, 1)], speaker)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_TEXT, st.sampled_from([None, "", "何明轩"])), max_size=6))
def test_page_terms_are_the_plain_terms_of_each_block(blocks: list[tuple[str, str | None]]) -> None:
    raw = [_block(text, speaker) for text, speaker in blocks]
    terms = page_terms(raw)
    for i, block in enumerate(raw):
        assert set(terms.of(i, i)) == _plain_terms(block)
        assert block_terms(block) == _plain_terms(block)
    if raw:
        assert set(terms.of(0, len(raw) - 1)) == set().union(*map(_plain_terms, raw))


def test_speakers_quotes_and_common_nouns() -> None:
    raw = [
        _block("张伟表示，“稳中求进”是关键。"),
        _block("银行表示不变。他说好。"),
        _block("丽明也说：「慢慢来」。", "何明轩"),
        _block("说"),
    ]
    terms = page_terms(raw)
    assert set(terms.of(0, 0)) == {"张伟", "稳中求进"}
    assert terms.of(1, 1) == []  # a common noun and a pronoun name no one
    assert set(terms.of(2, 2)) == {"丽明", "慢慢来", "何明轩"}
    assert terms.of(3, 3) == []
    assert set(terms.of(0, 3)) == {"张伟", "稳中求进", "丽明", "慢慢来", "何明轩"}


def _plain_content_words(text: str) -> list[str]:
    """Every pair of adjacent CJK characters (no function character) in the first 500,
    rarest first."""
    sample = text[:SAMPLE]
    pairs = {
        a + b
        for a, b in pairwise(sample)
        if _cjk(a) and _cjk(b) and a not in _FUNCTION and b not in _FUNCTION
    }
    table = freq_table()
    scored = sorted((table[p], p) for p in pairs if 0 < (table.get(p) or 0) < RARE_WORD_FREQ)
    return [p for _, p in scored[:MAX_WORDS]]


_FUNCTION = FUNCTION_CHARS | frozenset("一个不")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["银行", "贷款", "利率", "的", "，", "丙丁", "A", "甲", "降准"]),
        max_size=260,
    ).map("".join)
)
def test_content_words_are_the_rarest_adjacent_content_pairs(text: str) -> None:
    assert content_words(text) == _plain_content_words(text)


def test_content_words_read_runs_of_every_length() -> None:
    for text in ("降", "降准", "降准利率", "降准利率贷款了银行", "，降准利，率贷款，"):
        assert content_words(text) == _plain_content_words(text)


def test_no_speech_verb_starts_inside_another() -> None:
    # `_VERBS` turns a verb down by looking back from after it; that hides no other verb
    # only while no verb starts on a later character of another.
    firsts = {verb[0] for verb in SPEECH_VERBS}
    assert not [verb for verb in SPEECH_VERBS if firsts & set(verb[1:])]


def test_the_page_pad_is_in_no_dictionary_word() -> None:
    # Newlines stand in for the text before the page: they must decide as no text does.
    assert not any("\n" in word for word in freq_table())
