"""One shared, quiet jieba tokenizer with jingdu's lexicon loaded, so every analysis step agrees."""

from __future__ import annotations

import functools
import gc
import logging
import re
import threading
import warnings
from importlib.resources import files
from math import log
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import jieba

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def _quiet_import() -> object:
    """Import jieba without its log lines or deprecation warnings reaching the terminal."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba as jieba_module
    jieba_module.setLogLevel(logging.CRITICAL + 1)  # not even its errors: they are not ours
    logging.getLogger("jieba").setLevel(logging.CRITICAL + 1)
    return jieba_module


def lexicon_paths() -> list[str]:
    """jingdu's own user dictionaries (jieba format: word freq tag), shipped in article/data."""
    data = files("article.data")
    return sorted(str(p) for p in data.iterdir() if p.name.endswith(".jieba.txt"))


def tokenizer() -> jieba.Tokenizer:
    """The shared tokenizer, built once (about half a second) on first use."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            jieba_module = _quiet_import()
            tok = jieba_module.Tokenizer()  # type: ignore[attr-defined]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                _build_in_memory(tok)
                for path in lexicon_paths():
                    tok.load_userdict(path)
            _tokenizer = tok
            # jieba's dictionary is ~350k long-lived objects: move them out of the collector's
            # reach so later garbage collections (a keypress in the reader) stay short.
            gc.freeze()
        return _tokenizer


def _build_in_memory(tok: jieba.Tokenizer) -> None:
    """Build jieba's prefix dictionary without its shared cache file (/tmp/jieba.cache, which
    another user may own): building it is no slower than loading that cache."""
    tok.FREQ, tok.total = tok.gen_pfdict(tok.get_dict_file())
    tok.initialized = True


# jieba's dictionary holds junk entries of frequency 3 (照算, 心心, 一川): a real word stands
# at least this high
MIN_WORD_FREQ = 20


def is_word(word: str) -> bool:
    """True when the dictionary (jieba's plus ours) knows `word` as a real word."""
    return bool((_tokenizer or tokenizer()).FREQ.get(word))


def word_freq(word: str) -> int:
    """Dictionary frequency of `word`; 0 for unknown words and bare prefixes."""
    return (_tokenizer or tokenizer()).FREQ.get(word) or 0


def cut(text: str, hmm: bool = True) -> list[str]:
    """Segment text into words with the shared tokenizer; short clauses are asked again and
    again (a label per figure, a name per entity), so their words are remembered."""
    if len(text) > _MEMO_CHARS:
        return _cut_plain(text) if not hmm else tokenizer().lcut(text, HMM=hmm)
    return list(_cut_short(text, hmm))


_MEMO_CHARS = 64  # longer texts are seldom cut twice


@functools.lru_cache(maxsize=8192)
def _cut_short(text: str, hmm: bool) -> tuple[str, ...]:
    """`cut` of a short text, once."""
    return tuple(_cut_plain(text) if not hmm else tokenizer().lcut(text, HMM=hmm))


# jieba's own character classes: runs it segments with its dictionary, and whitespace it keeps.
_RUN_RE = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _cut_plain(text: str) -> list[str]:
    """jieba's lcut(text, HMM=False), word for word, without its generators: rules ask for
    thousands of short clauses per page and jieba's per-call machinery was most of their cost."""
    tok = _tokenizer or tokenizer()
    words: list[str] = []
    pos = 0
    for m in _RUN_RE.finditer(text):
        if m.start() > pos:
            _cut_gap(text[pos : m.start()], words)
        _cut_run(m.group(), tok.FREQ, log(tok.total), words)
        pos = m.end()
    if pos < len(text):
        _cut_gap(text[pos:], words)
    return words


def _cut_gap(gap: str, words: list[str]) -> None:
    """Characters between runs: each its own word, but CR LF stays one (as jieba keeps it)."""
    if "\r\n" not in gap:
        words.extend(gap)
        return
    for i, piece in enumerate(gap.split("\r\n")):
        if i:
            words.append("\r\n")
        words.extend(piece)


def _cut_run(run: str, freq: dict[str, int], log_total: float, words: list[str]) -> None:
    """The most probable path through a run's dictionary words (jieba's DAG and route), with
    single Latin letters and digits glued back together as jieba does."""
    ends = _best_ends(run, freq, log_total)
    buf = ""
    k, n = 0, len(run)
    while k < n:
        word = run[k : ends[k]]
        k = ends[k]
        if len(word) == 1 and word in _ALNUM:
            buf += word
            continue
        if buf:
            words.append(buf)
            buf = ""
        words.append(word)
    if buf:
        words.append(buf)


def _best_ends(run: str, freq: dict[str, int], log_total: float) -> list[int]:
    """End of the best word at each start, right to left; ties go to the longer word and the
    sums are jieba's own, so the path is the one jieba takes."""
    n = len(run)
    best = [0.0] * (n + 1)
    ends = [0] * (n + 1)
    get = freq.get
    for k in range(n - 1, -1, -1):
        top, top_end = 0.0, 0
        i = k + 1
        count = get(run[k])
        while count is not None:
            if count:
                score = log(count) - log_total + best[i]
                if not top_end or score >= top:
                    top, top_end = score, i
            if i == n:
                break
            i += 1
            count = get(run[k:i])
        if not top_end:
            top, top_end = log(get(run[k]) or 1) - log_total + best[k + 1], k + 1
        best[k], ends[k] = top, top_end
    return ends
