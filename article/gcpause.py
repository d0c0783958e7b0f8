"""Keep Python's cycle collector away from the many small, long-lived, acyclic objects that
splitting and reflow build."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Splitting and reflow build thousands of objects that form no cycles and live on as the
    document: collecting costs only time, now and (were they left in the young generation)
    in the first collection after, which would walk every one of them. So the collector is
    paused while they are built, and what they built is then frozen (`gc.freeze`: out of
    every collection; refcounting still frees it), as jieba's dictionary and the reader's
    document already are."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.freeze()
            gc.enable()
