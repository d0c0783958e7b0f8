"""Named entities of a document: people, organisations, places, tickers and dates."""

from __future__ import annotations

import re
from functools import cache

from article import lexicon, segment
from article.entities.companies import company_spans
from article.entities.foreign import foreign_names
from article.entities.learned import learned_names, learned_spans
from article.entities.named import named_org_spans
from article.entities.orgs import compound_spans, field_institute_spans, ticker_spans
from article.entities.patterns import find_dates, find_tickers
from article.entities.people import (
    known_name_spans,
    names_before_titles,
    names_regex,
    speaking_names,
    titled_names,
)
from article.entities.places import (
    COUNTY_ENDS,
    county_spans,
    joined_places,
    lexicon_spans,
    stem_spans,
    suffix_only_spans,
)
from article.entities.products import find_products, used_product_spans, used_products
from article.entities.turns import speaker_name, turn_name
from article.model import FURNITURE, Block, Entity
from article.spans import Span, is_han, resolve


def _place_and_org_spans(text: str) -> list[Span]:
    """Lexicon words first, then the places and organisations built on them."""
    spans = find_tickers(text) + find_dates(text) + lexicon_spans(text) + county_spans(text)
    spans += suffix_only_spans(text)
    spans += stem_spans(text, spans)
    spans += joined_places(text, spans)
    spans += named_org_spans(text, spans)
    spans += compound_spans(text, spans)
    spans += field_institute_spans(text, spans)
    spans += company_spans(text, [s for s in spans if s.type in ("PLACE", "ORG")])
    spans += ticker_spans(text) + find_products(text)
    return spans


def _people(block: Block, previous: Block | None) -> list[Span]:
    """Person names the block's own context (or the question before it) vouches for."""
    text = block.text
    turn = speaker_name(text, block.speaker) or turn_name(text, block.kind, previous)
    people = titled_names(text) + speaking_names(text) + names_before_titles(text)
    return people + foreign_names(text) + turn


COUNTY_SUFFIXES = ("县", "区", "市")
CHAIN_LINKS = frozenset("省市州")  # the suffix before a county in a chain of places


def _county_stems(blocks: list[Block], spans: list[list[Span]]) -> set[str]:
    """The two-character names of counties and districts written with their suffix (沈丘县)."""
    stems: set[str] = set()
    for block, found in zip(blocks, spans, strict=True):
        for s in found:
            text = block.text[s.start : s.end]
            if s.type != "PLACE":
                continue
            if text.endswith(COUNTY_SUFFIXES) and (len(text) == 3 or text[-4] in CHAIN_LINKS):
                stems.add(text[-3:-1])  # 湄潭县, and 湄潭 of 遵义市湄潭县
            stems.update(m.group(1) for m in _INNER_COUNTY.finditer(text, 1))
    return stems


# A county inside a longer chain (洛川 of 陕西省延安市洛川县老庙镇): a link before it, a town after
_INNER_COUNTY = re.compile("(?<=[省市州])([\u4e00-\u9fff]{2})县(?=[\u4e00-\u9fff]{2,3}[镇乡])")


def _bare_stems(text: str, pattern: re.Pattern[str] | None) -> list[Span]:
    """Those names without their suffix, where they stand alone (郸城、沈丘等6个县)."""
    if pattern is None:
        return []
    return [
        Span(m.start(), m.end(), "PLACE", 3, "a county named with its suffix elsewhere")
        for m in pattern.finditer(text)
        if not _word_goes_on(text, m.end())
    ]


# Two bare names joined in a pair or a list (德清和长兴, 克东、依安两地): counties, when the names
# either side of a joiner are both a county's name without its suffix.
_JOINERS = re.compile("[、和及与]")


@cache
def _county_stems_known() -> frozenset[str]:
    """Two-character names of every known county, without the suffix."""
    return frozenset(c[:2] for c in lexicon.counties() if len(c) == 3 and c.endswith(COUNTY_ENDS))


def _paired_counties(text: str) -> list[Span]:
    """Both names either side of each joiner that stands between two bare county names."""
    stems = _county_stems_known()
    found: dict[int, Span] = {}
    for m in _JOINERS.finditer(text):
        at = m.start()
        left, right = text[at - 2 : at], text[at + 1 : at + 3]
        if at >= 2 and left in stems and right in stems and text[at + 3 : at + 4] not in "县区市":
            for start in (at - 2, at + 1):
                found[start] = Span(start, start + 2, "PLACE", 3, "a pair of county names")
    return list(found.values())


def _word_goes_on(text: str, end: int) -> bool:
    """The name runs into more Han text that is no suffix or list mark (沈丘人, 郸城县)."""
    after = text[end : end + 1]
    if not after or not is_han(after) or after in "等和与及的":
        return False
    word = segment.cut(text[end : end + 4], hmm=False)[0]
    # 洛川推出: a word starts
    return len(word) < 2 or segment.word_freq(word) < segment.MIN_WORD_FREQ


def _kind_before_latin(text: str, span: Span) -> bool:
    """新加坡信托公司Merivale Trust: a place and a kind of firm set before a firm's Latin
    name describe it; the Latin name is the firm."""
    after = text[span.end : span.end + 1]
    return (
        span.type == "ORG"
        and text[span.start : span.end].endswith("公司")
        and after.isascii()
        and after.isalpha()
    )


def find_entities(blocks: list[Block]) -> list[Entity]:
    """Entities in reading order, non-overlapping, with offsets into each block's text."""
    previous: list[Block | None] = [None, *blocks[:-1]] if blocks else []
    first = [
        (_place_and_org_spans(b.text), _people(b, before)) if b.kind != FURNITURE else ([], [])
        for b, before in zip(blocks, previous, strict=True)
    ]
    names = {
        b.text[s.start : s.end]
        for b, (_, people) in zip(blocks, first, strict=True)
        for s in people
    }
    pattern = names_regex(names)
    orgs = learned_names(blocks, [spans + people for spans, people in first])
    org_pattern = names_regex(set(orgs))
    stems = _county_stems(blocks, [spans for spans, _ in first])
    stem_pattern = names_regex(stems)
    products = used_products([b.text for b in blocks if b.kind != FURNITURE])
    entities: list[Entity] = []
    for block, (spans, people) in zip(blocks, first, strict=True):
        if block.kind == FURNITURE:
            continue  # a running header's paper and editors are no part of any article
        spans += learned_spans(block.text, orgs, org_pattern)
        spans += _bare_stems(block.text, stem_pattern) + _paired_counties(block.text)
        spans += used_product_spans(block.text, products) if products else []
        chosen = resolve(spans + people + known_name_spans(block.text, pattern))
        chosen = [s for s in chosen if not _kind_before_latin(block.text, s)]
        entities += [
            Entity(s.type, block.text[s.start : s.end], block.index, s.start, s.end, s.why or None)
            for s in chosen
        ]
    return entities
