"""The background analysis as the app sees it: progress, the better document, a failure."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import work

from article.model import Document, LoadedText
from article.source import safe_line
from tui.guards import while_reading
from tui.messages import AnalysisFailed, AnalysisProgress, DocumentReady

if TYPE_CHECKING:
    from textual.app import App

    from tui.reader_view import ReaderView
    from tui.sidebar import Sidebar

    _Base = App[int]
else:
    _Base = object

Progress = Callable[[str, float], None]
Analyzer = Callable[[LoadedText, Progress], Document]
REFLOWING = "分析中… 重排中"  # the raw text is on screen until the reflowed one arrives


class AnalysisMixin(_Base):
    """The JingduApp half that runs the analysis and swaps its result in without a jump."""

    analyzer: Analyzer
    loaded: LoadedText
    document: Document
    quick: Document

    if TYPE_CHECKING:
        reader: ReaderView
        sidebar: Sidebar

        def set_status(self, part: str, text: str | None, *, expire: float | None = None) -> None:
            """See StatusMixin."""

        def _show_place(self, block: int, offset: int) -> None:
            """See StatusMixin."""

        def _load_marks_when_ready(self) -> None:
            """See AnnotationsMixin."""

        def open_store(self) -> None:
            """See AnnotationsMixin."""

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self) -> None:
        """Full analysis off the UI thread (and process); the reader stays usable meanwhile."""

        def progress(stage: str, fraction: float) -> None:
            self.post_message(AnalysisProgress(f"{REFLOWING}（{stage} {int(fraction * 100)}%）"))

        try:
            doc = self.analyzer(self.loaded, progress)
        except Exception as err:  # analysis bugs must not take the reader down
            self.post_message(AnalysisFailed(f"{type(err).__name__}: {err}"))
            return
        self.post_message(DocumentReady(doc))

    @while_reading
    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        """Show how far the analysis is, so a long document does not look stuck."""
        self.set_status("analysis", message.text)

    @while_reading
    def on_document_ready(self, message: DocumentReady) -> None:
        """Show the better document with the cursor on the same words, then load notes for it."""
        self.document = message.document
        if self.loaded.partial:  # a PDF's later pages arrived: places refer to the whole now
            self.quick, self.loaded = self.document, replace(self.loaded, partial=False)
            self.open_store()
        self.reader.set_document(self.document)
        self.sidebar.set_document(self.document)
        self.set_status("analysis", None)
        self._show_place(*self.reader.cursor)
        self._load_marks_when_ready()
        for warning in self.document.warnings:  # the text's shape says its order is in doubt
            self.notify(warning, title="注意", severity="warning", markup=False, timeout=12)

    @while_reading
    def on_analysis_failed(self, message: AnalysisFailed) -> None:
        """Keep reading the quick document; say what went wrong."""
        self.set_status("analysis", "分析失败")
        error = safe_line(message.error)
        self.notify(f"分析失败：{error}", severity="error", markup=False, timeout=10)
        self.document.analysed = True  # nothing more will come: stop the tabs saying 分析中…
        self.sidebar.set_document(self.document)
        self._load_marks_when_ready()
