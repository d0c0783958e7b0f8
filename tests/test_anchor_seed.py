"""Re-anchoring on the bundled article, re-extracted with a paragraph dropped and a line added."""

from __future__ import annotations

from pathlib import Path

from article.analyze import open_text, quick_document
from article.model import PARAGRAPH
from store.db import Database

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_ae48cb718f3105d7.txt"


def test_notes_on_the_seed_survive_a_re_extraction(tmp_path: Path) -> None:
    doc = quick_document(open_text(SEED))
    body = [b for b in doc.blocks if b.kind == PARAGRAPH and len(b.text) >= 40]
    picked = [body[1], body[len(body) // 2], body[-2]]
    db = Database(tmp_path / "notes.json")
    notes = [db.new_note(doc, b.index, 10, 22, f"笔记{i}", []) for i, b in enumerate(picked)]

    lines = SEED.read_text("utf-8").splitlines()
    dropped = picked[1].lines[0]
    kept = [ln for n, ln in enumerate(lines, 1) if not dropped[0] <= n <= dropped[1]]
    edited = tmp_path / SEED.name
    edited.write_text("\n".join(["（转载时增加的编者按。）", "", *kept]) + "\n", "utf-8")
    new_doc = quick_document(open_text(edited))
    new_doc.source = doc.source  # the same file, re-extracted
    assert new_doc.doc_id != doc.doc_id

    got = {n.id: n for n in Database(tmp_path / "notes.json").notes_for_document(new_doc)}
    assert set(got) == {n.id for n in notes}
    for note in (notes[0], notes[2]):
        moved = got[note.id]
        assert not moved.orphaned
        assert new_doc.blocks[moved.block].text[moved.start : moved.end] == note.quote
        shift = 1 - (note.block > picked[1].index)  # one block added on top, one dropped
        assert moved.block == note.block + shift
    assert got[notes[1].id].orphaned and got[notes[1].id].text == "笔记1"
