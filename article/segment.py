"""One shared, quiet jieba tokenizer with jingdu's lexicon loaded, so every analysis step agrees."""

from __future__ import annotations

import functools
import gc
import logging
import threading
import warnings
from importlib.resources import files
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


def is_word(word: str) -> bool:
    """True when the dictionary (jieba's plus ours) knows `word` as a real word."""
    return bool(tokenizer().FREQ.get(word))


def word_freq(word: str) -> int:
    """Dictionary frequency of `word`; 0 for unknown words and bare prefixes."""
    return tokenizer().FREQ.get(word) or 0


def cut(text: str, hmm: bool = True) -> list[str]:
    """Segment text into words with the shared tokenizer; short clauses are asked again and
    again (a label per figure, a name per entity), so their words are remembered."""
    if len(text) > _MEMO_CHARS:
        return tokenizer().lcut(text, HMM=hmm)
    return list(_cut_short(text, hmm))


_MEMO_CHARS = 64  # longer texts are seldom cut twice


@functools.lru_cache(maxsize=8192)
def _cut_short(text: str, hmm: bool) -> tuple[str, ...]:
    """`cut` of a short text, once."""
    return tuple(tokenizer().lcut(text, HMM=hmm))
