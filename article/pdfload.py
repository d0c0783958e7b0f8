"""Open a PDF as a `LoadedText`: read its pieces of text, lay its pages out, under a time limit.

PDFium runs in C and cannot be interrupted from Python, so a hostile file is read in a forked
child that is killed when its time is up. Where fork is unavailable it runs in-process, with a
per-page check of the clock.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable
from pathlib import Path

from article.layout import lay_out
from article.model import LoadedText, PdfPage, Source
from article.source import InputError, check_text_layer, open_pdf, read_bytes, read_page

TIME_LIMIT = float(os.environ.get("JINGDU_PDF_TIMEOUT", "60"))  # seconds for a whole document
MAX_PAGES = 2000

Progress = Callable[[int, int], None]


def _read_pages(
    path: str, data: bytes, deadline: float, progress: Progress | None, first: int | None = None
) -> tuple[list[PdfPage], int]:
    """Every page's pieces (or the `first` few) and the page count; InputError when the file is
    bad or too slow."""
    document = open_pdf(path, data)
    try:
        count = len(document)  # type: ignore[arg-type]
        if count == 0:
            raise InputError(path, "PDF has no pages")
        if count > MAX_PAGES:
            raise InputError(path, f"PDF has {count} pages; jingdu reads at most {MAX_PAGES}")
        pages = []
        for index in range(min(count, first or count)):
            if time.monotonic() > deadline:
                raise InputError(path, f"PDF took longer than {TIME_LIMIT:g} s to read; gave up")
            pages.append(read_page(document, index))
            if progress:
                progress(index + 1, count)
    finally:
        document.close()  # type: ignore[attr-defined]
    check_text_layer(path, pages)
    return pages, count


def _load(
    path: str, data: bytes, deadline: float, progress: Progress | None, first: int | None = None
) -> LoadedText:
    """Read and lay out in this process."""
    pages, count = _read_pages(path, data, deadline, progress, first)
    text, layout = lay_out(pages)
    source = Source(path=path, encoding="pdf", sha256=hashlib.sha256(data).hexdigest())
    return LoadedText(source=source, text=text, layout=layout, partial=len(pages) < count)


def _child(path: str, data: bytes, deadline: float, first: int | None, conn: object) -> None:
    """In the forked child: load, send the result (or the error's message) back."""
    try:
        result: object = ("ok", _load(path, data, deadline, None, first))
    except InputError as err:
        result = ("input", err.problem)
    except BaseException as err:
        result = ("error", f"{type(err).__name__}: {err}")
    try:
        conn.send(result)  # type: ignore[attr-defined]
    finally:
        conn.close()  # type: ignore[attr-defined]
        os._exit(0)


def _in_child(path: str, data: bytes, deadline: float, first: int | None) -> LoadedText:
    """Load in a forked child that is killed at the deadline."""
    import pypdfium2  # noqa: F401 - imported once here, not in every child

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    args = (path, data, deadline, first, sender)
    child = context.Process(target=_child, args=args, daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(max(deadline - time.monotonic(), 0.1)):
            raise InputError(path, f"PDF took longer than {TIME_LIMIT:g} s to read; gave up")
        kind, payload = receiver.recv()
    except EOFError:
        raise InputError(path, "PDF reader crashed on this file (damaged PDF?)") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(1)
    if kind == "input":
        raise InputError(path, payload)
    if kind == "error":
        raise InputError(path, f"cannot read this PDF ({payload})")
    return payload  # type: ignore[no-any-return]


def load_pdf(
    path: str | Path,
    *,
    isolate: bool = True,
    progress: Progress | None = None,
    first: int | None = None,
) -> LoadedText:
    """The PDF's reading-order text and layout (of its `first` pages only, when given);
    InputError names the file and the problem."""
    name = str(path)
    data = read_bytes(path)
    deadline = time.monotonic() + TIME_LIMIT
    if isolate and progress is None and "fork" in multiprocessing.get_all_start_methods():
        return _in_child(name, data, deadline, first)
    return _load(name, data, deadline, progress, first)
