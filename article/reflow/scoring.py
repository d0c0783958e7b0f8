"""Score how convincingly a dangling end (A) continues in a given block (B)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from article.reflow.find import find
from article.reflow.shared import COHESION_MAX, MIN_WORD_FREQ, content_pairs, shared_from
from article.reflow.signals import (
    Start,
    ends_with_numeral,
    expects_quantity,
    first_sentence,
    first_token,
    freq,
    freq_table,
    full_name_start,
    given_name_start,
    is_cjk,
    last_sentence,
    last_token,
    open_quote_pending,
    starts_enumeration,
    surname_at_end,
)
from article.reflow.words import (
    AGENT_ENDS,
    NUMERAL_CHARS,
    OPEN_QUOTES,
    TITLE_WORDS,
    half_name,
    telling,
)

MIN_SCORE = 2.5  # below this no join: a visible gap is better than a wrong join
_NUMBER_START = frozenset("0123456789０１２３４５６７８９一二三四五六七八九十两几数")
_TITLE_LAST = frozenset(word[-1] for word in TITLE_WORDS)
_NO_REASON = frozenset((None, "single_char"))  # starts a plain end fits neither way
# Place evidence when B does not directly follow A: after a figure it fits, after another cut-off
# block it is only a place.
_PLACES: dict[str | None, tuple[float, str]] = {
    "figure": (3.0, "figure"),
    "dangling": (2.0, "after_cut"),
}
_NO_PLACE = (0.0, "")


@dataclass(slots=True)  # not frozen: one is built per dangling end, frozen ones build slowly
class Context:
    """The text around a dangling end (a span of its article's running text, never copied),
    where rarity is counted and names are looked for."""

    text: str
    start: int
    end: int

    def count(self, word: str) -> int:
        """How often `word` occurs around the dangling end."""
        return self.text.count(word, self.start, self.end)

    def has(self, word: str) -> bool:
        """Whether `word` occurs around the dangling end (a fast search, no full count)."""
        return find(self.text, word, self.start, self.end) >= 0


@dataclass(slots=True, eq=False)  # pieces are compared by identity
class Piece:
    """A body block as reflow sees it: its text, place and edge signals."""

    raw: int  # index into the raw block list (source order)
    order: int  # position in the article's reading order
    text: str
    start: Start | None  # None: the block begins with a Q&A marker, so it always opens
    dangling: bool
    prev_raw: int  # the source-order neighbour before it (-1 at the top)
    after: str | None  # "figure" after a caption/source line, "dangling" after a cut-off block
    tail: Tail | None = None  # edge facts, computed on demand
    head: Head | None = None
    unwrapped: bool = False  # from hard-wrapped lines: extractors never double a character


@dataclass(slots=True)  # not frozen: thousands are built, frozen ones build slowly
class Scored:
    """A candidate join with its score and the repeated characters to drop at the break."""

    a: int
    b: int
    score: float
    repeat: int
    evidence: tuple[str, ...]


@dataclass(slots=True)
class Tail:
    """Facts about a dangling end, read once per block by pairing and scoring (the costly
    ones on first use)."""

    text: str
    surname: str
    after_title: bool
    title_end: bool
    open_quote: bool
    quantity: int  # how strongly the end asks for an amount next (see `expects_quantity`)
    ends: tuple[str, ...]  # the last one and two characters, when they are CJK
    _token: str | None = None
    _sentence: str | None = None
    _keys: list[str] | None = None

    @property
    def token(self) -> str:
        """The last dictionary token."""
        if self._token is None:
            self._token = last_token(self.text)
        return self._token

    @property
    def sentence(self) -> str:
        """The unfinished last sentence (for shared words)."""
        if self._sentence is None:
            self._sentence = last_sentence(self.text)
        return self._sentence

    def keys(self) -> list[str]:
        """Content pairs of the unfinished sentence: the only pairs a shared word can start with.
        Whether they begin a dictionary word is left to `shared_words`, which looks up just the
        few that B's sentence holds too."""
        if self._keys is None:
            self._keys = content_pairs.listed(self.sentence)
        return self._keys


@dataclass(slots=True)
class Head:
    """Facts about a block's beginning, computed when it is weighed against a dangling end."""

    text: str
    _starts: tuple[str, ...] | None = None
    _token: str | None = None
    _sentence: str | None = None

    @property
    def starts(self) -> tuple[str, ...]:
        """The first one to three characters, when they are CJK."""
        if self._starts is None:
            self._starts = _cjk_edges(self.text, (1, 2, 3), False)
        return self._starts

    @property
    def sentence(self) -> str:
        """The first sentence (for shared words)."""
        if self._sentence is None:
            self._sentence = first_sentence(self.text)
        return self._sentence

    @property
    def token(self) -> str:
        """The first dictionary token."""
        if self._token is None:
            self._token = first_token(self.text)
        return self._token


def _cjk_edges(text: str, sizes: tuple[int, ...], tail: bool) -> tuple[str, ...]:
    """Edge substrings made only of CJK characters, shortest first."""
    edges = []
    for size in sizes:  # 1, 2, ...: each size adds one character to test
        if len(text) < size:
            break
        char = text[-size] if tail else text[size - 1]
        if not "\u3400" <= char <= "\u9fff":
            break  # a longer edge holds this character too
        edges.append(text[-size:] if tail else text[:size])
    return tuple(edges)


_CJK_TRAIL = re.compile(r"[\u3400-\u9fff]*\Z").search  # the CJK run ending a text
_SUFFIXES = [slice(k, None) for k in range(5)]  # run[k:]: the run's suffixes, longest first


def tail_of(piece: Piece) -> Tail:
    """The dangling end's facts (cached on the piece; costly tests only where the last
    character allows a hit)."""
    tail = piece.tail
    if tail is None:
        text = piece.text
        last = text[-1]
        surname, after_title = surname_at_end(text)
        tail = piece.tail = Tail(
            text,
            surname,
            after_title,
            last in _TITLE_LAST and text.endswith(TITLE_WORDS),
            open_quote_pending(text),
            expects_quantity(text),
            _tail_ends(text) if "\u3400" <= last <= "\u9fff" else (),
        )
    return tail


def _tail_ends(text: str) -> tuple[str, ...]:
    """The last one and two characters of a text ending in a CJK character, when CJK."""
    if len(text) > 1 and "\u3400" <= text[-2] <= "\u9fff":
        return text[-1], text[-2:]
    return (text[-1],)


def head_of(piece: Piece) -> Head:
    """The beginning's facts (cached on the piece)."""
    head = piece.head
    if head is None:
        head = piece.head = Head(piece.text)
    return head


def repeat_at_break(a: str, b: str, b_token: str, a_token: str | None = None) -> int:
    """1 when B repeats A's last character as a lone token (核心 + 心领域), else 0."""
    if not a or not b or a[-1] != b[0] or not is_cjk(b[0]):
        return 0
    if b_token != b[0] or freq(b[0] * 2) >= 50:
        return 0
    tail = last_token(a) if a_token is None else a_token
    return 1 if len(tail) >= 2 and tail[-1] == b[0] else 0


def word_across(a: str, b: str) -> str:
    """A dictionary word formed across the break that swallows a lone character on one side."""
    tail = Tail(a, "", False, False, False, 0, _cjk_edges(a, (1, 2), True))
    return _word_across(tail, Head(b))


def _word_across(tail: Tail, head: Head) -> str:
    """The longest such word from precomputed edges (tokens are segmented only for a hit)."""
    best, get, starts = "", freq_table().get, head.starts
    for left in tail.ends:
        for right in starts:
            count = get(left + right)
            if count is None:
                break  # jieba's table holds every prefix of its words: none longer either
            if count >= MIN_WORD_FREQ and len(left) + len(right) > len(best):
                if not _swallows(tail, head):
                    return ""  # the same for every word across this break
                best = left + right
    return best


def _swallows(tail: Tail, head: Head) -> bool:
    """The word takes in a whole lone-character token from A's end or B's start (every word
    across holds at least one character of each side, so a lone token is always inside)."""
    if _lone_start(head):  # B begins with a CJK character, as a word across was found
        return True
    if _lone_end(tail) or len(tail.token) == 1:  # A ends with a CJK character, as B begins
        return True
    b_tok = head.token
    return len(b_tok) == 1 and is_cjk(b_tok)


def _lone_start(head: Head) -> bool:
    """Whether a block beginning with a CJK character surely has it as its first token: no
    word of two characters or more begins there (the table holds every prefix of its words)."""
    if head._token is not None:
        return len(head._token) == 1
    starts = head.starts
    return len(starts) < 2 or starts[1] not in freq_table()


def _lone_end(tail: Tail) -> bool:
    """Whether A's last token is surely its last character, told without segmenting: no word
    of the dictionary ends there (only a word can make a token longer than one character)."""
    if tail._token is not None:
        return len(tail._token) == 1
    run, get = _CJK_TRAIL(tail.text, max(0, len(tail.text) - 6)).group(), freq_table().get
    return bool(run) and not any(map(get, map(run.__getitem__, _SUFFIXES[: len(run) - 1])))


def _start_fit(tail: Tail, b: Piece, start: Start) -> tuple[float, str]:
    """How well A's tail supplies what B's orphan start is missing, and the evidence note."""
    a, reason = tail.text, start.reason
    if tail.after_title and (start.fragment or given_name_start(b.text)):
        return 7.0, "name"
    given = given_name_start(b.text) if half_name(tail.surname) else ""
    if len(given) == 1 and not freq(tail.surname[1] + given):
        return 4.0, "name"  # 董事长汪一 + 舟表示; not 负责人向记 + 者透露 (记者 is a word)
    if reason == "amount":  # "…规模约" + "680亿元。"
        if tail.quantity or a[-1] in _NUMBER_START:
            return 5.0, "quantity"
        return (1.0 if is_cjk(a[-1]) else -6.0), ""  # "开立个人钱包" + "3800万个。" may still be
    if tail.quantity == 2 and b.text[0] not in _NUMBER_START:
        return -5.0, ""  # "…规模约" wants an amount, not a new clause
    if tail.title_end and reason != "speech_verb":  # "…副局长" wants a name next
        if full_name_start(b.text):
            return 8.0, "title+name"  # outweighs the start signal a full name carries
        return -5.0, ""
    if reason == "measure":
        return (4.0, "numeral+measure") if ends_with_numeral(a) else (-10.0, "")
    if reason == "change_to":  # "…由去年的4.6%" + "下调至3.9%": from one value to the next
        return (5.0, "change") if a[-1].isdigit() or a[-1] in "%％" else (-6.0, "")
    if reason == "speech_verb":
        if a[-1] in AGENT_ENDS and not _lone_end(tail) and len(tail.token) >= 2:
            return 4.0, "subject+verb"
        return -4.0, ""
    if reason == "name_fragment":
        return (4.0 if tail.surname else -4.0), ""
    if reason in ("closing_punct", "bound_char"):
        if is_cjk(a[-1]) or a[-1].isalnum():
            return 2.0, reason
        return -10.0, ""  # "，" + "的…" or "，" + "、…" never meet in real text
    return (-1.0 if tail.after_title else 0.0), ""


def _name_evidence(tail: Tail, b: Piece, adjacent: bool, context: Context) -> float:
    """A surname at A's end and a given name at B's start make one person only with evidence
    from elsewhere: the full name printed again (strong); the given name printed after
    another surname (against); neither (weak: joined only when nothing else fits)."""
    given = b.start.fragment if b.start and b.start.fragment else given_name_start(b.text)
    full = tail.surname + given
    elsewhere = context.count(full) - adjacent  # the junction itself prints it once
    if elsewhere >= 1:
        return 7.0
    if given and context.count(given) - 1 - elsewhere > 0:  # B's own start aside
        return -4.0
    return 3.0


def _signal(tail: Tail, b: Piece) -> float:
    """Plain paragraph openings count against a join; after "：" a quote or a list may follow."""
    if tail.text[-1] in "：:" and (b.text[0] in OPEN_QUOTES or starts_enumeration(b.text)):
        return 1.0
    return -4.0


def _break_evidence(a: Piece, tail: Tail, b: Piece) -> tuple[float, int, str]:
    """A repeated character or a dictionary word across the break."""
    head = b.head or head_of(b)  # most Bs are weighed against several ends
    if a.text[-1:] == b.text[:1] and not a.unwrapped and _repeats(tail, head):
        return 6.0, 1, "repeat"
    if (word := _word_across(tail, head)) and telling(word):
        return 4.0, 0, f"word {word}"
    return 0.0, 0, ""


def _repeats(tail: Tail, head: Head) -> bool:
    """`repeat_at_break` where A ends with B's first character, tokens segmented last."""
    char = head.text[0]
    if not is_cjk(char) or freq(char * 2) >= 50 or char in NUMERAL_CHARS:
        return False  # 邝一 + 一成左右: a numeral opens many a clause, it is seldom doubled
    if not _lone_start(head) and head.token != char:
        return False
    return not _lone_end(tail) and len(token := tail.token) >= 2 and token[-1] == char


def score_end(
    a: Piece, tail: Tail, near: list[Piece], context_at: Callable[[int], Context]
) -> list[Scored]:
    """Every block in `near` that may continue dangling end A (whose facts are `tail`), with all
    evidence but shared words: evidence is written out only for kept pairs."""
    kept: list[Scored] = []
    table, raw, order, last = freq_table(), a.raw, a.order, a.text[-1:]
    surname, open_quote = tail.surname, tail.open_quote
    end1, end2 = (*tail.ends, "", "")[:2]  # "": no CJK edge of that size
    # a quote closed in B must have been opened in A, and an open quote in A wants closing
    closing = (5.0, "quote") if open_quote else (-10.0, "")
    unclosed = -2.0 if open_quote else 0.0
    # a plain end (no title, no amount wanted) is indifferent to starts with no reason
    plain = not (tail.after_title or tail.title_end or tail.quantity == 2)
    for b in near:
        if b is a:
            continue
        start = b.start
        assert start is not None
        reason = start.reason
        # Column breaks: B right after A, after a figure, or after another cut-off block.
        if b.prev_raw == raw:
            place, note, fit = 3.0, "next", True
        else:
            place, note = _PLACES.get(b.after, _NO_PLACE)
            fit = place == 3.0  # "figure" is evidence of fit, "after_cut" is not
        distance = b.order - order
        if distance < 0:
            place -= 1.0
        if start.closes_quote:
            quote, quote_note = closing
            fit = fit or open_quote
        else:
            quote, quote_note = unclosed, ""
        fits, fit_note = (0.0, "") if plain and reason in _NO_REASON else _start_fit(tail, b, start)
        if fit_note == "name":
            fits = _name_evidence(tail, b, distance == 1, context_at(order))
        total = place - 0.05 * abs(distance) + quote
        total += fits + (_signal(tail, b) if start.signal else 0.0)
        first = b.text[:1]
        if last == first:
            most = 6.0  # the most that break evidence could add (0: none is there)
        elif end1 and (end1 + first in table or (end2 and end2 + first in table)):
            most = 4.0  # jieba's table holds every word prefix: no key, no word across
        else:
            most = 0.0
        at_break, named = most, surname and reason == "name_fragment"
        if named:
            most += 2.0
        if fit_note:
            fit = True
        if total + most + COHESION_MAX < MIN_SCORE or not (most or fit):
            continue  # cannot reach the bar, or nothing but place could ever speak for it
        repeat, break_note, name_note = 0, "", ""
        if at_break:  # otherwise neither a repeat nor a word across can be there
            bonus, repeat, break_note = _break_evidence(a, tail, b)
            if bonus:  # a repeat or a word across: both fit
                total += bonus
                fit = True
        if named:
            name = surname + start.fragment
            if context_at(order).has(name):
                total += 2.0
                name_note = f"name {name}"
                fit = True
        if not fit or total + COHESION_MAX < MIN_SCORE:
            continue  # place and shared words alone: a gap is better than a guess
        notes = (note, quote_note, fit_note, break_note, name_note)  # "": none of that kind
        kept.append(Scored(raw, b.raw, total, repeat, notes))
    return kept


def with_cohesion(pair: Scored, a: Piece, b: Piece, context_at: Callable[[int], Context]) -> Scored:
    """The pair with rare words shared across the break added (asked only where it can matter)."""
    tail = tail_of(a)  # read when A was scored
    keys = tail.keys()
    if not keys:
        return pair
    sentence = head_of(b).sentence
    # a content pair of A found in B's sentence is a content pair of B's sentence too
    common = set(filter(sentence.__contains__, keys))
    if not common:
        return pair  # no character pair in common: no word either (most pairs end here)
    shared = shared_from(tail.sentence, sentence, common)
    if not shared:
        return pair
    context = context_at(a.order)
    rare = sorted(g for g in shared if context.count(g) <= 4)
    bonus = min(COHESION_MAX, 0.75 * len(rare))
    if not bonus:
        return pair
    evidence = (*pair.evidence, f"shared {''.join(rare[:2])}")
    return Scored(pair.a, pair.b, pair.score + bonus, pair.repeat, evidence)
