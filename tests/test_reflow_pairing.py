"""Pair scoring shortcuts: each must answer exactly what its plain definition answers."""

from __future__ import annotations

import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from article.reflow.pairing import Candidates, _contested, assign, candidates
from article.reflow.scoring import (
    MIN_SCORE,
    Context,
    Piece,
    Scored,
    _cjk_edges,
    _lone_end,
    _lone_start,
    _repeats,
    head_of,
    repeat_at_break,
    tail_of,
    with_cohesion,
    word_across,
)
from article.reflow.shared import COHESION_MAX, MIN_WORD_FREQ, content_pairs, shared_words
from article.reflow.signals import (
    expects_quantity,
    first_sentence,
    first_token,
    freq_table,
    is_cjk,
    last_sentence,
    last_token,
    open_quote_pending,
    start_of,
)
from article.reflow.words import QUANTITY_ENDS, QUANTITY_WANTED, TITLE_WORDS

# Endings the tail's pre-screens are about, and plain text to put before them.
_ENDINGS = st.sampled_from(
    [*TITLE_WORDS, *QUANTITY_WANTED, *QUANTITY_ENDS, "了", "“", "”", "「", "」", "。", "A", "3"]
)
_FILLER = st.text(alphabet="甲乙丙的了约为长“”「」『』‘’《》，。3A", max_size=12)
# Words of several frequencies (rare ones share a topic, common ones do not), and glue.
_WORDS = ["信贷", "投放", "余额", "渔船", "茶园", "梯田", "灌溉", "果农", "我们", "发展", "的"]
_TEXT = st.lists(st.sampled_from([*_WORDS, "，", "。", "了", "渔"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(_FILLER, st.lists(_ENDINGS, min_size=1, max_size=2))
@example("投放规模", ["约", "了"])  # an amount still wanted after 了
@example("他说：", ["“"])  # a quotation left open
def test_tail_facts_equal_the_signals_they_screen(filler: str, ending: list[str]) -> None:
    text = filler + "".join(ending)
    tail = tail_of(Piece(0, 0, text, None, True, -1, None))
    assert tail.title_end == text.endswith(TITLE_WORDS)
    assert tail.quantity == expects_quantity(text) == _quantity_by_definition(text)
    assert tail.open_quote == open_quote_pending(text)
    assert tail.ends == _cjk_edges(text, (1, 2), tail=True)


def _quantity_by_definition(text: str) -> int:
    """`expects_quantity` without its last-character screen."""
    text = text.removesuffix("了")
    if not text.endswith((*QUANTITY_WANTED, *QUANTITY_ENDS)):
        return 0
    token = last_token(text)
    if token in QUANTITY_WANTED or text.endswith(QUANTITY_WANTED[-6:]):
        return 2
    return 1 if token in QUANTITY_ENDS else 0


def _word_across_by_definition(a: str, b: str) -> str:
    """Every edge pair tried: the longest dictionary word across, if a lone token is inside."""
    table, best = freq_table(), ""
    for left in _cjk_edges(a, (1, 2), True):
        for right in _cjk_edges(b, (1, 2, 3), False):
            word = left + right
            if len(word) > len(best) and (table.get(word) or 0) >= MIN_WORD_FREQ:
                best = word
    a_tok, b_tok = last_token(a), first_token(b)
    lone = (len(a_tok) == 1 and is_cjk(a_tok)) or (len(b_tok) == 1 and is_cjk(b_tok))
    return best if lone else ""


@settings(max_examples=200, deadline=None)
@given(_TEXT.filter(bool), _TEXT.filter(bool))
def test_word_across_equals_its_definition(a: str, b: str) -> None:
    assert word_across(a, b) == _word_across_by_definition(a, b)


def _piece(raw: int, text: str, dangling: bool) -> Piece:
    return Piece(raw, raw, text, start_of(text), dangling, raw - 1, None)


@settings(max_examples=200, deadline=None)
@given(_TEXT.filter(bool), _TEXT.filter(bool))
@example("发展核心", "领域")  # 核心 + 心领域: the repeated 心 is dropped
def test_a_repeat_at_the_break_equals_its_definition(a_text: str, b_text: str) -> None:
    b_text = a_text[-1] + b_text  # B begins with the character A ends with
    a, b = _piece(0, a_text, True), _piece(1, b_text, False)
    expected = repeat_at_break(a_text, b_text, first_token(b_text), last_token(a_text))
    assert _repeats(tail_of(a), head_of(b)) == bool(expected)


@settings(max_examples=300, deadline=None)
@given(_TEXT.filter(bool))
@example("今年新添了渔")  # no word ends with 渔 here: a lone last token
@example("发展经济")  # 经济 is a word: the last token may be longer
def test_a_lone_end_is_a_one_character_last_token(text: str) -> None:
    tail = tail_of(_piece(0, text, True))
    lone = _lone_end(tail)
    assert not lone or len(last_token(text)) == 1
    assert _lone_end(tail) == lone  # the same once the token is known
    tail.token  # noqa: B018  (segmented now)
    assert _lone_end(tail) == (len(last_token(text)) == 1)


@settings(max_examples=300, deadline=None)
@given(_TEXT.filter(lambda text: is_cjk(text[:1])))
@example("渔船数量")  # 渔船 is a word: the first token may be longer
@example("了渔船")  # no word begins with 了渔: a lone first token
def test_a_lone_start_is_a_one_character_first_token(text: str) -> None:
    head = head_of(_piece(0, text, False))
    lone = _lone_start(head)
    assert not lone or len(first_token(text)) == 1
    head.token  # noqa: B018  (segmented now)
    assert _lone_start(head) == (len(first_token(text)) == 1)


@settings(max_examples=200, deadline=None)
@given(_TEXT.filter(bool), _TEXT.filter(bool))
def test_cohesion_equals_its_definition(a_text: str, b_text: str) -> None:
    a, b = _piece(0, a_text + "渔", True), _piece(1, b_text, False)
    context = Context(a.text + b.text, 0, len(a.text + b.text))
    pair = Scored(0, 1, 1.0, 0, ("next",))
    weighed = with_cohesion(pair, a, b, lambda _order: context)
    a_sentence = last_sentence(a.text)
    b_sentence = first_sentence(b.text)
    shared = shared_words(
        a_sentence, content_pairs(a_sentence), b_sentence, content_pairs(b_sentence)
    )
    rare = sorted(word for word in shared if context.count(word) <= 4)
    if not rare:
        assert weighed is pair
    else:
        assert weighed.score == 1.0 + min(COHESION_MAX, 0.75 * len(rare))
        assert weighed.evidence == ("next", f"shared {''.join(rare[:2])}")


def test_a_shared_rare_word_is_found_across_the_break() -> None:
    a = _piece(0, "今年该镇新添了渔船和", True)
    b = _piece(1, "船员，渔船数量已有十余艘。", False)
    pair = Scored(0, 1, 1.0, 0, ("next",))
    context = Context(a.text + b.text, 0, len(a.text + b.text))
    assert with_cohesion(pair, a, b, lambda _order: context).evidence[-1] == "shared 渔船"


_SCORES = st.lists(
    st.tuples(st.integers(0, 4), st.integers(5, 9), st.sampled_from([0.5, 1.0, 2.5, 3.0, 4.5])),
    max_size=12,
    unique_by=lambda t: (t[0], t[1]),
)


@settings(deadline=None)
@given(_SCORES)
def test_contested_pairs_equal_their_definition(rows: list[tuple[int, int, float]]) -> None:
    scored = [Scored(a, b, score, 0, ()) for a, b, score in rows]
    expected = []
    for pair in scored:
        rivals = [p.score for p in scored if p.a == pair.a] + [
            p.score for p in scored if p.b == pair.b
        ]
        close = sum(abs(s - pair.score) <= COHESION_MAX for s in rivals)
        expected.append(pair.score < MIN_SCORE or close > 2)  # itself counts twice
    assert _contested(scored) == expected


def test_a_name_cut_after_its_surname_is_joined_to_its_given_name() -> None:
    texts = ["据当地渔业站站长韦", "另有一段无关的话。", "晓帆指出，今年新添渔船十艘。"]
    pieces = [_piece(i, text, i == 0) for i, text in enumerate(texts)]
    chosen = assign(candidates(pieces, texts))
    assert [(p.a, p.b) for p in chosen] == [(0, 2)]
    assert chosen[0].evidence == ("name",)  # a title, a surname, then a given name


def _greedy_by_definition(scored: list[Scored]) -> list[tuple[int, int]]:
    """Best first, each A and B once, no join closing a loop (a plain union-find)."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    chosen, used_a, used_b = [], set(), set()
    ranked = sorted(enumerate(scored), key=lambda t: (-t[1].score, abs(t[1].b - t[1].a), t[0]))
    for _, pair in ranked:
        if pair.a in used_a or pair.b in used_b or root(pair.a) == root(pair.b):
            continue
        parent[root(pair.b)] = root(pair.a)
        used_a.add(pair.a)
        used_b.add(pair.b)
        chosen.append((pair.a, pair.b))
    return chosen


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 5)).filter(lambda t: t[0] != t[1]),
        max_size=14,
        unique=True,
    ),
    st.randoms(use_true_random=False),
)
@example([(0, 1), (1, 0)], None)  # a join back to the start of its own chain
@example([(2, 3), (0, 1), (1, 2), (3, 0)], None)  # two chains made one, then closed
def test_assign_never_closes_a_chain_into_a_loop(
    rows: list[tuple[int, int]], rng: random.Random | None
) -> None:
    # scores 2.5 apart: no pair has a rival within COHESION_MAX, so none is weighed
    scores = [MIN_SCORE + 2.5 * k for k in range(len(rows))]
    if rng is not None:
        rng.shuffle(scores)
    scored = [Scored(a, b, s, 0, ("next",)) for (a, b), s in zip(rows, scores, strict=True)]
    expected = _greedy_by_definition(scored)
    chosen = assign(Candidates(list(scored), {}, lambda _order: Context("", 0, 0)))
    assert [(p.a, p.b) for p in chosen] == expected
