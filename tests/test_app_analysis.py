"""The app on the real analysis pipeline: entities and figures reach the sidebar and the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList
from tui_articles.support import QINGHE, SIZE, settle

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
