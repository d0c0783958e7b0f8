"""Re-anchoring: notes follow their passage through edits; lost passages orphan, never drop."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from test_store_support import P1, P2, P3, P4, paragraphs

from store.anchor import SHORT_QUOTE, reanchor
from store.db import Database
from store.records import Note


def _note_on(doc_texts: tuple[str, ...], block: int, quote: str, nth: int = 0) -> Note:
    """A note saved against paragraphs(*doc_texts) on the nth occurrence of `quote`."""
    doc = paragraphs(*doc_texts)
    text = doc.blocks[block].text
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    db_note = _make(doc, block, start, start + len(quote))
    return db_note


def _make(doc, block: int, start: int, end: int) -> Note:  # type: ignore[no-untyped-def]
    from store.anchor import context

    prefix, suffix = context(doc, block, start, end)
    quote = doc.blocks[block].text[start:end]
    return Note(
        "n1",
        doc.doc_id,
        doc.source.path,
        quote,
        prefix,
        suffix,
        block,
        start,
        end,
        "我的笔记",
        ["t"],
        "2025-03-01T10:00:00+08:00",
        "2025-03-01T10:00:00+08:00",
    )


def _span(note: Note, doc) -> str:  # type: ignore[no-untyped-def]
    return doc.blocks[note.block].text[note.start : note.end]


def test_note_follows_its_paragraph_when_paragraphs_are_inserted_before() -> None:
    note = _note_on((P1, P2, P3), 2, "一点二亿元")
    edited = paragraphs("编者按：本文有删节。", P1, "（图片说明略）", P2, P3)
    moved = reanchor(note, edited)
    assert not moved.orphaned
    assert (moved.block, _span(moved, edited)) == (4, "一点二亿元")
    assert moved.doc_id == edited.doc_id
    assert (moved.id, moved.text, moved.tags, moved.created) == (
        note.id,
        note.text,
        note.tags,
        note.created,
    )


def test_note_survives_edits_elsewhere_in_its_own_paragraph() -> None:
    note = _note_on((P1, P2), 2, "改造老旧水管")
    edited = paragraphs(P1, "据本报记者了解，" + P2.replace("明年", "二〇二六年"))
    moved = reanchor(note, edited)
    assert not moved.orphaned and _span(moved, edited) == "改造老旧水管"


def test_deleted_passage_orphans_the_note_and_keeps_everything() -> None:
    note = _note_on((P1, P2, P3), 2, "改造老旧水管和建设污水处理站")
    edited = paragraphs(P1, P3, P4)
    lost = reanchor(note, edited)
    assert lost.orphaned
    assert (lost.quote, lost.text, lost.tags, lost.block) == (note.quote, note.text, note.tags, 2)
    assert lost.doc_id == edited.doc_id


def test_short_quote_is_placed_by_its_context_among_many_occurrences() -> None:
    texts = ("百分之十五的人说好。", P4, "另有百分之十五的人说不好。")
    note = _note_on(texts, 2, "百分之十五")  # the one in P4
    assert note.block == 2
    edited = paragraphs("新增导语。", *texts)
    moved = reanchor(note, edited)
    assert (moved.block, _span(moved, edited), moved.orphaned) == (3, "百分之十五", False)


def test_short_quote_without_its_context_is_not_placed_by_chance() -> None:
    note = _note_on((P1, P2), 1, "公交")
    edited = paragraphs("市民乘坐公交出行更方便了。", P3)  # "公交" appears, but elsewhere
    assert reanchor(note, edited).orphaned


def test_slightly_edited_quote_is_found_by_fuzzy_matching() -> None:
    note = _note_on((P1, P2, P3), 2, "用于改造老旧水管和建设污水处理站")
    edited = paragraphs(P1, P2.replace("老旧水管", "老化水管"), P3)
    moved = reanchor(note, edited)
    assert not moved.orphaned and moved.block == 2
    assert _span(moved, edited) == "用于改造老化水管和建设污水处理站"
    assert (moved.quote, moved.prefix, moved.suffix) == (note.quote, note.prefix, note.suffix)


def test_repeated_long_passage_keeps_the_copy_with_matching_context() -> None:
    repeated = "专家建议加强基层医疗队伍建设"
    texts = (f"第一部分提到，{repeated}。", P2, f"报告结尾再次强调：{repeated}。")
    note = _note_on(texts, 3, repeated)
    moved = reanchor(note, paragraphs(P1, *texts))
    assert (moved.block, _span(moved, paragraphs(P1, *texts))) == (4, repeated)


def test_orphan_comes_back_when_its_passage_returns() -> None:
    note = _note_on((P1, P2), 2, "污水处理站")
    orphan = reanchor(note, paragraphs(P1))
    assert orphan.orphaned
    back = reanchor(orphan, paragraphs(P3, P1, P2))
    assert not back.orphaned and back.block == 3


def test_notes_for_document_reanchors_persists_and_never_drops(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    old = paragraphs(P1, P2, P3, title="旧标题")
    other = paragraphs(P4, title="别的文章")
    other.source = type(other.source)("/elsewhere/other.txt", "utf-8", "x")
    db = Database(path)
    kept = db.new_note(old, 2, 0, 4, "镇长的话", ["人物"])
    gone = db.new_note(old, 3, 3, 11, "人口数据", [])
    unrelated = db.new_note(other, 1, 0, 4, "别处", [])
    new = paragraphs("导语。", P1, P2.replace("镇长", "该镇镇长"), P4, title="新标题")
    got = Database(path).notes_for_document(new)
    assert [n.id for n in got] == [kept.id, gone.id]
    placed, orphan = got
    assert (placed.block, _span(placed, new), placed.orphaned) == (3, P2[:4], False)
    assert orphan.orphaned and orphan.text == "人口数据"
    reopened = Database(path)
    assert {n.id for n in reopened.notes(new.doc_id)} == {kept.id, gone.id}
    assert reopened.notes(other.doc_id) == [unrelated]
    assert reopened.notes_for_document(new) == got  # stable: nothing moves the second time


LETTERS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥，。"


@settings(max_examples=60, deadline=None)
@given(
    paras=st.lists(st.text(LETTERS, min_size=1, max_size=40), min_size=1, max_size=5),
    pick=st.data(),
    edit=st.lists(st.text(LETTERS, max_size=40), min_size=1, max_size=6),
)
def test_reanchored_note_is_placed_exactly_or_flagged(
    paras: list[str], pick: st.DataObject, edit: list[str]
) -> None:
    doc = paragraphs(*paras)
    block = pick.draw(st.integers(1, len(paras)))
    length = len(doc.blocks[block].text)
    start = pick.draw(st.integers(0, length - 1))
    end = pick.draw(st.integers(start + 1, length))
    note = _make(doc, block, start, end)
    new_doc = paragraphs(*edit)
    moved = reanchor(note, new_doc)
    assert (moved.id, moved.text, moved.tags) == (note.id, note.text, note.tags)
    assert (moved.quote, moved.prefix, moved.suffix) == (note.quote, note.prefix, note.suffix)
    if not moved.orphaned:
        assert 0 <= moved.start < moved.end <= len(new_doc.blocks[moved.block].text)
        if len(note.quote) >= SHORT_QUOTE and note.quote in "\n".join(edit):
            assert _span(moved, new_doc) == note.quote  # an exact copy exists: no fuzzy span


def test_fuzzy_span_grows_with_words_inserted_into_the_quote() -> None:
    note = _note_on((P1, P2, P3), 2, "用于改造老旧水管和建设污水处理站")
    edited = paragraphs(P1, P2.replace("改造老旧", "改造城区老旧"), P3)
    moved = reanchor(note, edited)
    assert not moved.orphaned
    assert _span(moved, edited) == "用于改造城区老旧水管和建设污水处理站"


def test_long_quote_edited_in_the_middle_is_found_by_its_ends() -> None:
    long_para = P1 + P2 + P3
    note = _note_on((P4, long_para), 2, long_para[5:-5])
    edited_para = long_para.replace("一点二亿元", "一点五亿元").replace("公交", "公共交通")
    edited = paragraphs("新增导语。", P4, edited_para)
    moved = reanchor(note, edited)
    assert not moved.orphaned and moved.block == 3
    assert _span(moved, edited) == edited_para[5:-5]
    assert moved.quote == note.quote


def test_lost_long_quotes_in_a_long_document_are_orphaned_quickly() -> None:
    import time

    filler = [P1, P2, P3, P4] * 150  # about 22,000 characters
    long_para = "".join(reversed(P1 + P2 + P3 + P4)) * 8  # about 1,000 characters
    note = _note_on((long_para,), 1, long_para[10:-10])
    doc = paragraphs(*filler)
    start = time.perf_counter()
    lost = reanchor(note, doc)
    assert lost.orphaned
    assert time.perf_counter() - start < 0.5
