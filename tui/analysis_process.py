"""Run the analysis in a child process, so jieba's pure-Python work never starves the UI thread."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from article.analyze import cached
from article.model import Document, LoadedText

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# multiprocessing is imported when a process is spawned: a cached analysis needs none, and
# the first frame should not wait for the import.

Progress = Callable[[str, float], None]


class AnalysisError(Exception):
    """The analysis failed or its process died; the message says how."""


def _quiet_child() -> None:
    """The child shares the parent's terminal: nothing it prints may reach the TUI's screen."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _child(loaded: LoadedText, conn: Connection) -> None:
    """In the child: analyse (through the content cache), reporting progress over the pipe."""
    try:
        _quiet_child()
        from article.analyze import analyze

        def progress(stage: str, fraction: float) -> None:
            conn.send(("progress", (stage, fraction)))

        conn.send(("done", analyze(loaded, progress=progress)))
    except BaseException as err:  # everything goes back to the parent as one line
        conn.send(("error", f"{type(err).__name__}: {err}"))
    finally:
        conn.close()


def prepare() -> bool:
    """Start multiprocessing's resource tracker, handing it a real stderr (the null device).

    A running Textual app replaces sys.stderr with an object whose fileno() is -1, which the
    tracker would pass to the OS and fail. Called only when a process is really spawned (a
    cached analysis needs none), so starting jingdu does not wait for a second interpreter.
    """
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        with open(os.devnull, "w") as null:
            sys.stderr = null
            try:
                resource_tracker.ensure_running()
            finally:
                sys.stderr = saved
    except (OSError, ValueError):
        return False
    return True


class AnalysisProcess:
    """One analysis in a spawned process; `stop` ends it early (the app is quitting)."""

    def __init__(self) -> None:
        self._process: Any = None
        self._stopped = threading.Event()
        self._can_spawn: bool | None = None  # known at the first spawn

    def run(self, loaded: LoadedText, progress: Progress) -> Document:
        """Analyse `loaded` in a child process; blocks the calling (worker) thread."""
        doc = cached(loaded)  # cheap enough to read in-process
        if doc is not None:
            return doc
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(loaded, sender), daemon=True)
        try:
            if self._can_spawn is None:
                self._can_spawn = prepare()
            if not self._can_spawn:
                raise OSError("no resource tracker")
            self._process.start()
        except (OSError, ValueError):  # no child processes here: analyse in this thread
            receiver.close()
            sender.close()
            self._process = None
            from article.analyze import analyze

            return analyze(loaded, progress=progress)
        sender.close()
        try:
            return self._receive(receiver, progress)
        finally:
            receiver.close()
            if self._process is not None:
                self._process.join(timeout=2)

    def _receive(self, receiver: Connection, progress: Progress) -> Document:
        """Relay progress until the document (or an error) arrives."""
        while True:
            try:
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                if self._stopped.is_set():
                    raise AnalysisError("analysis stopped") from None
                code = self._process.exitcode if self._process else None
                raise AnalysisError(f"analysis process ended unexpectedly (exit {code})") from None
            if kind == "progress":
                progress(*payload)
            elif kind == "done":
                return payload  # type: ignore[no-any-return]
            else:
                raise AnalysisError(str(payload))

    def stop(self) -> None:
        """End the child now; the waiting thread sees EOF and returns."""
        self._stopped.set()
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
