"""Named entities of a document: people, organisations, places, tickers and dates."""

from __future__ import annotations

from article.entities.companies import company_spans
from article.entities.foreign import foreign_names
from article.entities.learned import learned_names, learned_spans
from article.entities.named import named_org_spans
from article.entities.orgs import compound_spans, ticker_spans
from article.entities.patterns import find_dates, find_tickers
from article.entities.people import (
    known_name_spans,
    names_before_titles,
    names_regex,
    speaking_names,
    titled_names,
)
from article.entities.places import (
    joined_places,
    lexicon_spans,
    stem_spans,
    suffix_only_spans,
)
from article.entities.products import find_products
from article.entities.turns import speaker_name, turn_name
from article.model import Block, Entity
from article.spans import Span, resolve


def _place_and_org_spans(text: str) -> list[Span]:
    """Lexicon words first, then the places and organisations built on them."""
    spans = find_tickers(text) + find_dates(text) + lexicon_spans(text) + suffix_only_spans(text)
    spans += stem_spans(text, spans)
    spans += joined_places(text, spans)
    spans += named_org_spans(text, spans)
    spans += compound_spans(text, spans)
    spans += company_spans(text, [s for s in spans if s.type in ("PLACE", "ORG")])
    spans += ticker_spans(text) + find_products(text)
    return spans


def _people(block: Block, previous: Block | None) -> list[Span]:
    """Person names the block's own context (or the question before it) vouches for."""
    text = block.text
    turn = speaker_name(text, block.speaker) or turn_name(text, block.kind, previous)
    people = titled_names(text) + speaking_names(text) + names_before_titles(text)
    return people + foreign_names(text) + turn


def find_entities(blocks: list[Block]) -> list[Entity]:
    """Entities in reading order, non-overlapping, with offsets into each block's text."""
    previous: list[Block | None] = [None, *blocks[:-1]] if blocks else []
    first = [
        (_place_and_org_spans(b.text), _people(b, before))
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
    entities: list[Entity] = []
    for block, (spans, people) in zip(blocks, first, strict=True):
        spans += learned_spans(block.text, orgs, org_pattern)
        chosen = resolve(spans + people + known_name_spans(block.text, pattern))
        entities += [
            Entity(s.type, block.text[s.start : s.end], block.index, s.start, s.end, s.why or None)
            for s in chosen
        ]
    return entities
