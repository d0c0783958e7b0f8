"""Content-keyed analysis cache: a second open of an unchanged document skips the analysis."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from article.model import Document, document_from_json

CACHE_ENV = "JINGDU_CACHE_DIR"
DISABLE_VALUE = "off"


def cache_dir() -> Path | None:
    """Where cached analyses live: $JINGDU_CACHE_DIR, else the user cache dir; None when off."""
    configured = os.environ.get(CACHE_ENV)
    if configured == DISABLE_VALUE:
        return None
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("jingdu")) / "analysis"


@functools.cache
def code_version() -> str:
    """Hash of the analysis code and data, so a new jingdu never serves an old analysis."""
    digest = hashlib.sha256()
    _digest_tree(files("article"), "", digest)
    return digest.hexdigest()[:16]


def _digest_tree(folder: Traversable, prefix: str, digest: Any) -> None:
    """Feed every source and data file below folder, in a stable order, into digest."""
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        name = prefix + item.name
        if item.is_dir() and not item.name.startswith(("_", ".")):
            _digest_tree(item, name + "/", digest)
        elif item.is_file() and item.name.endswith((".py", ".txt", ".tsv")):
            digest.update(name.encode())
            digest.update(item.read_bytes())


def key_for(text: str) -> str:
    """Cache key of a text under the current analysis code."""
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(code_version().encode())
    return digest.hexdigest()


def load(key: str) -> Document | None:
    """The cached document for `key`, or None when absent or unreadable (then we recompute)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data: dict[str, Any] = json.loads((folder / f"{key}.json").read_text("utf-8"))
        return document_from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(key: str, doc: Document) -> None:
    """Store an analysis atomically; a cache that cannot be written is silently skipped."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(doc.to_json(), out, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, folder / f"{key}.json")
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
