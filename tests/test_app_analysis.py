"""The app on the real analysis pipeline: entities and figures reach the sidebar and the text."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList
from tui_articles.support import QINGHE, SIZE, fixed_analysis, make_app, settle

from article.analyze import Progress, open_text
from article.model import Document, LoadedText
from tui.analysis_process import AnalysisError, AnalysisProcess
from tui.app import JingduApp
from tui.tabs.entities import EntitiesTab
from tui.tabs.figures import FiguresTab


async def test_real_analysis_fills_the_sidebar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JINGDU_CACHE_DIR", str(tmp_path / "cache"))
    app = JingduApp(QINGHE, tmp_path / "db.json")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        doc = app.document
        assert doc.analysed and "analysis" not in app._status
        assert doc.figures and doc.entities
        table = app.query_one(FiguresTab).query_one(DataTable)
        assert table.row_count == len(doc.figures)
        names = app.query_one(EntitiesTab).query_one(OptionList)
        assert names.option_count >= len({(e.type, e.text) for e in doc.entities})
        first = doc.figures[0]
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.reader.flashing == (first.block, first.start, first.end)
        assert doc.blocks[first.block].text[first.start : first.end] == first.text


async def test_quitting_during_analysis_does_not_wait_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JINGDU_CACHE_DIR", "off")
    app = JingduApp(QINGHE, tmp_path / "db.json")
    started = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app._status["analysis"].startswith("分析中")
        await pilot.press("q")
    assert time.perf_counter() - started < 5
    assert app.return_code == 0


def test_a_dying_analysis_process_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JINGDU_CACHE_DIR", "off")
    analysis = AnalysisProcess()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            analysis.run(open_text(QINGHE), lambda stage, fraction: None)
        except AnalysisError as err:
            outcome.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.perf_counter() + 10
    while analysis._process is None or not analysis._process.is_alive():
        assert time.perf_counter() < deadline
        time.sleep(0.01)
    analysis._process.kill()  # not stop(): an unexpected death
    thread.join(10)
    assert len(outcome) == 1 and "ended unexpectedly" in str(outcome[0])


async def test_a_warning_of_the_analysis_is_shown_when_the_document_arrives(
    tmp_path: Path,
) -> None:
    def warned(loaded: LoadedText, progress: Progress) -> Document:
        doc = fixed_analysis(loaded, progress)
        doc.warnings = ["各栏文字逐行交错"]
        return doc

    app = make_app(tmp_path / "db.json", analyzer=warned)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("各栏文字逐行交错" in str(n.message) for n in app._notifications)
