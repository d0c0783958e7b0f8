"""Keys pressed before notes can be saved (analysis or store on the way) wait, never vanish."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from article.model import Document
from tui.relocate import relocate

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[int]
else:
    _Base = object

WAITING = {"annotate": "分析完成后打开批注…", "bookmark": "分析完成后加书签…"}
# What the toast adds: the a holds the keys typed after it for the note (tui.typeahead).
AFTER = {"annotate": "接着打的字会写进笔记，Esc 取消", "bookmark": "按键已记下"}


class Pending(NamedTuple):
    """An action asked for too early, with the span it was asked on (in `doc`)."""

    action: str
    doc: Document
    block: int
    start: int
    end: int


class PendingMixin(_Base):
    """The JingduApp part that holds `a` and `b` until the final text and the store are ready."""

    document: Document
    _pending: list[Pending]

    if TYPE_CHECKING:

        def set_status(self, part: str, text: str | None, *, expire: float | None = None) -> None:
            """See StatusMixin."""

        def _annotate_span(self, block: int, start: int, end: int) -> None:
            """See AnnotationsMixin."""

        def _bookmark_at(self, block: int, offset: int) -> None:
            """See AnnotationsMixin."""

        def hold_for_pending_note(self) -> None:
            """See TypeaheadMixin."""

    def _wait_with(self, action: str, doc: Document, block: int, start: int, end: int) -> None:
        """Keep the action for later and say at once that it is waiting, and for what."""
        self._pending.append(Pending(action, doc, block, start, end))
        self.set_status("waiting", WAITING[action])
        self.notify(f"{WAITING[action]}（{AFTER[action]}）", timeout=3)
        if action == "annotate":
            self.hold_for_pending_note()

    def _call_off_pending_note(self) -> None:
        """Esc while a note waits for the analysis: no note, and the keys read again."""
        self._pending = [item for item in self._pending if item.action != "annotate"]
        if not self._pending:
            self.set_status("waiting", None)
        self.notify("已取消批注", timeout=2)

    def _run_pending(self) -> None:
        """The final text and the store are ready: carry out what was asked, in order."""
        pending, self._pending = self._pending, []
        self.set_status("waiting", None)
        for item in pending:
            block, start = self._here(item, item.start)
            if item.action == "annotate":
                end_block, end = self._here(item, item.end)
                if end_block != block or end <= start:
                    end = start + (item.end - item.start)
                end = min(end, len(self.document.blocks[block].text))
                self._annotate_span(block, start, max(end, start + 1))
            else:
                self._bookmark_at(block, start)

    def _here(self, item: Pending, offset: int) -> tuple[int, int]:
        """A place of `item`, in the document on screen now."""
        if item.doc is self.document:
            return item.block, offset
        return relocate(item.doc, self.document, item.block, offset)
