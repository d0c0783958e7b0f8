"""Entities: reflowed blocks in, `Entity` spans out (people, organisations, places, tickers,
dates, products), in reading order.

Each module finds one family of names by jieba's tags, the shipped lexicon and rules; `find.py`
runs them and resolves overlaps. Open `find.py` first.
"""

from article.entities.find import find_entities
from article.entities.orgs import ORG_SUFFIX_WORDS

__all__ = ["ORG_SUFFIX_WORDS", "find_entities"]
