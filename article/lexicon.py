"""jingdu's shipped word lists, loaded once, so entity rules look words up instead of guessing."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

ORG_TAG = "nt"
PLACE_TAG = "ns"


def _data_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of one data file in article/data."""
    text = files("article.data").joinpath(name).read_text(encoding="utf-8")
    return [s for s in (line.strip() for line in text.splitlines()) if s and s[0] != "#"]


@cache
def tagged_words() -> dict[str, str]:
    """Every word of the jieba user dictionaries with its tag (nt organisation, ns place), and
    the counties, which are places but no words for jieba."""
    out: dict[str, str] = {}
    data = files("article.data")
    for entry in sorted(data.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".jieba.txt"):
            continue
        for line in entry.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 3:
                out[parts[0]] = parts[2]
    for county in counties():
        out.setdefault(county, PLACE_TAG)
    return out


@cache
def counties() -> frozenset[str]:
    """Counties, districts and county-level cities, each with its suffix (安化县, 石狮市)."""
    return frozenset(_data_lines("counties.txt"))


@cache
def orgs() -> frozenset[str]:
    """Known organisations, full and short forms."""
    return frozenset(w for w, t in tagged_words().items() if t == ORG_TAG)


@cache
def places() -> frozenset[str]:
    """Known places that are safe to recognise on their own."""
    return frozenset(w for w, t in tagged_words().items() if t == PLACE_TAG)


@cache
def suffix_only_places() -> frozenset[str]:
    """Place names that are everyday words too, trusted only with 市/县/区 after them."""
    return frozenset(_data_lines("places_suffix_only.txt"))


@cache
def surnames() -> frozenset[str]:
    """Single and compound surnames a person name may start with."""
    return frozenset(_data_lines("surnames.txt"))


@cache
def titles() -> tuple[str, ...]:
    """Titles that stand before a name, longest first so 副市长 wins over 市长."""
    return tuple(sorted(set(_data_lines("titles.txt")), key=len, reverse=True))


@cache
def speech_verbs() -> tuple[str, ...]:
    """Verbs of saying that follow a speaker's name, longest first."""
    return tuple(sorted(set(_data_lines("speech_verbs.txt")), key=len, reverse=True))


@cache
def name_followers() -> tuple[str, ...]:
    """Adverbs that may stand between a name and its speech verb, longest first."""
    return tuple(sorted(set(_data_lines("name_follow.txt")), key=len, reverse=True))


def trie_regex(words: frozenset[str] | set[str] | tuple[str, ...]) -> str:
    """A regex source matching any of `words`, longest first, as a trie so it stays fast."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    if not trie:
        return "(?!)"
    return _first_chars(trie) + _node_regex(trie)


def _first_chars(trie: dict[str, dict]) -> str:
    """A one-character look-ahead that lets the regex engine skip most positions quickly."""
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(trie) if ch) + "])"


def _node_regex(node: dict[str, dict]) -> str:
    """Regex for one trie node: its branches, optional when a word may end here."""
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        if len(branches) == 1 and len(body) > 1:
            body = "(?:" + body + ")"
        return body + "?"
    return body


@cache
def compiled(kind: str) -> re.Pattern[str]:
    """Compiled trie regexes for the lexicon word sets by name."""
    sources = {
        "lexicon": orgs() | (places() - counties()),  # counties are found by their suffix
        "titles": frozenset(titles()),
        "speech": frozenset(speech_verbs()),
        "follow": frozenset(name_followers()) | frozenset(speech_verbs()),
    }
    if kind == "speech_chain":
        adverbs = trie_regex(frozenset(name_followers()))
        first = "".join(sorted({w[0] for w in sources["follow"]}))
        chain = f"(?:{adverbs}){{0,2}}(?:{trie_regex(sources['speech'])})"
        return re.compile(f"(?=[{re.escape(first)}]){chain}")
    return re.compile(trie_regex(sources[kind]))


@cache
def generic_heads() -> frozenset[str]:
    """Words for a kind of firm (城投, 中小, 重疾) that are never part of a firm's own name."""
    return frozenset(_data_lines("generic_heads.txt"))
