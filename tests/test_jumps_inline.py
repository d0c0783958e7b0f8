"""Jump markers printed inside a paragraph (…4.6%（下转A3版） / （上接A2版）下调至3.9%…) are
blocks of their own, and the sentence they cut is joined across the jump. Invented text."""

from __future__ import annotations

from pathlib import Path

from article.analyze import analyze_path

PAGE = (
    "各地银行正在加快推出新产品，澄川农商银行的平均利率由去年的4.6%（下转A3版）\n\n"
    "A3  茶产业  2026年11月26日  星期四  编辑 张三  美编 李四\n\n"
    "（上接A2版）下调至3.9%。数据显示，不良率约为0.3%。\n"
)


def _blocks(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return [(b.kind, b.text) for b in analyze_path(path, use_cache=False).blocks]


def test_a_sentence_cut_by_inline_jump_markers_is_joined(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, PAGE)
    assert (
        "paragraph",
        "各地银行正在加快推出新产品，澄川农商银行的平均利率由去年的4.6%下调至3.9%。"
        "数据显示，不良率约为0.3%。",
    ) in blocks
    assert ("continuation", "（下转A3版）") in blocks
    assert ("continuation", "（上接A2版）") in blocks


def test_a_change_to_a_value_continues_the_value_before() -> None:
    from article.reflow.signals import start_of

    assert start_of("下调至3.9%。数据显示").orphan
    assert start_of("提高到了12亿元，服务").orphan
    assert not start_of("下调存款利率是各行的共同选择。").orphan
