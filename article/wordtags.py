"""Part-of-speech tags of dictionary words, so rules can tell a verb from a name without posseg."""

from __future__ import annotations

import os
import threading
from functools import cache

from article import lexicon, segment

_lock = threading.Lock()

# Tags that never occur inside an organisation or person name.
NON_NAME_TAGS = frozenset({"v", "vd", "p", "d", "u", "ud", "ug", "uj", "ul", "uv", "uz", "r", "m"})
NON_NAME_TAGS |= frozenset({"f", "t", "y", "e", "o", "zg", "q", "mq", "ad", "c"})


def _jieba_dict_path() -> str:
    """Where jieba's own dictionary (word freq tag) lives."""
    jieba_module = segment._quiet_import()
    return os.path.join(os.path.dirname(jieba_module.__file__ or ""), "dict.txt")


@cache
def _table() -> dict[str, str]:
    """jieba's tag per word, overlaid with jingdu's lexicon tags; read once (~0.2 s)."""
    with _lock:
        tags: dict[str, str] = {}
        with open(_jieba_dict_path(), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) == 3:
                    tags[parts[0]] = parts[2]
        tags.update(lexicon.tagged_words())
        return tags


def tag(word: str) -> str | None:
    """The dictionary tag of `word` (n, v, ns, nt …), None when the word is unknown."""
    return (_tags or _load()).get(word)


_tags: dict[str, str] = {}  # the table once loaded: tags are asked for in every rule's loop


def _load() -> dict[str, str]:
    """Load the table into `_tags` on first use."""
    global _tags
    _tags = _table()
    return _tags


def has_non_name_word(text: str) -> bool:
    """True when `text` holds a verb, preposition, adverb … word (and, or: 与/和/及 are fine)."""
    for word in segment.cut(text, hmm=False):
        if word in ("与", "和", "及"):
            continue
        if tag(word) in NON_NAME_TAGS:
            return True
    return False
