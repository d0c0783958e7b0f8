"""Bookmarks follow their paragraph by its label; a vanished paragraph orphans, never drops."""

from __future__ import annotations

from pathlib import Path

from test_store_support import P1, P2, P3, P4, paragraphs

from store.bookmark_anchor import reanchor_bookmark
from store.db import Database
from store.export import export_markdown
from store.records import Bookmark


def _mark(block: int, label: str) -> Bookmark:
    return Bookmark("m1", "old-doc", "/a.txt", block, 3, label, "2025-04-01T08:00:00+08:00")


def test_bookmark_follows_its_paragraph_to_a_new_index() -> None:
    doc = paragraphs("导语。", P1, P2, P3)
    moved = reanchor_bookmark(_mark(2, P2[:14] + "…"), doc)
    assert (moved.block, moved.offset, moved.orphaned, moved.doc_id) == (3, 0, False, doc.doc_id)


def test_bookmark_on_a_piece_joined_by_reflow_points_inside_the_paragraph() -> None:
    piece = P2[20:]
    doc = paragraphs(P1, P2, P3)  # reflow joined the broken-off piece back into P2
    moved = reanchor_bookmark(_mark(3, piece[:12] + "…"), doc)
    assert (moved.block, moved.offset, moved.orphaned) == (2, 20, False)


def test_bookmark_of_a_reworded_opening_is_found_by_similarity() -> None:
    doc = paragraphs(P1, P2.replace("镇长", "副镇长", 1), P3)
    moved = reanchor_bookmark(_mark(1, P2[:14] + "…"), doc)
    assert (moved.block, moved.orphaned) == (2, False)


def test_bookmark_of_a_deleted_paragraph_is_orphaned_not_dropped() -> None:
    doc = paragraphs(P1, P3)
    lost = reanchor_bookmark(_mark(2, P2[:14] + "…"), doc)
    assert lost.orphaned and (lost.block, lost.label) == (2, P2[:14] + "…")


def test_bookmarks_for_document_persists_and_exports_orphans(tmp_path: Path) -> None:
    old = paragraphs(P1, P2, P3, P4)
    db = Database(tmp_path / "notes.json")
    kept = db.toggle_bookmark(old, 3, 0)
    gone = db.toggle_bookmark(old, 2, 0)
    assert kept is not None and gone is not None
    new = paragraphs("编者按。", P1, P3, P4)
    marks = Database(tmp_path / "notes.json").bookmarks_for_document(new)
    assert [(m.id, m.block, m.orphaned) for m in marks] == [(gone.id, 2, True), (kept.id, 3, False)]
    assert Database(tmp_path / "notes.json").bookmarks(new.doc_id) == marks
    out = export_markdown(new, [], marks)
    assert "原 ¶ 3" in out and "未能定位" in out and "- ¶ 4 · " in out
    assert db.toggle_bookmark(new, 2, 0) is not None  # the orphan does not block a new bookmark
