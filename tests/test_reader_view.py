"""Pilot tests of the ReaderView widget alone, in a tiny app, on small invented articles."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from rich.cells import cell_len
from rich.color import Color
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.message import Message

from article.model import (
    ANSWER,
    BYLINE,
    CAPTION,
    CONTINUATION,
    HEADING,
    PARAGRAPH,
    QUESTION,
    SOURCE,
    TITLE,
    TRUNCATED_END,
    TRUNCATED_START,
    ArticleInfo,
    Block,
    Document,
    Duplicate,
    Entity,
    Source,
)
from tui import reader_view
from tui.reader_view import ReaderView

P1 = "青禾银行表示，该行今年发放科技贷款超过320亿元。其中，小微企业占比约四成。"
P2 = "研究员柳青山指出，区域银行应当深耕本地。青禾证券(688321.SH)同期增长12.5%。"
P3 = "[bold]不是粗体[/] 与 [/] 以及 [link=http://example.com]链接[/link] 原样显示。"
P4 = "第二篇文章的正文。它讲的是另一件事！真的吗？是的。"
P5 = "柳青山：我们会继续投入。"


def make_doc(spec: Sequence[tuple[str, str]] | None = None, **extra: object) -> Document:
    """A document from (kind, text) pairs; a second title starts a second article."""
    spec = spec or [
        (TITLE, "青禾银行发力科创金融"),
        (BYLINE, "本报记者 木子 报道"),
        (PARAGRAPH, P1),
        (HEADING, "区域银行的打法"),
        (PARAGRAPH, P2),
        (CAPTION, "图表：青禾银行贷款结构"),
        (SOURCE, "资料来源：某某研究所"),
        (PARAGRAPH, P3),
        (CONTINUATION, "（下转B3版）"),
        (TITLE, "另一篇报道"),
        (PARAGRAPH, P4),
        (QUESTION, "记者：你们怎么看？"),
        (ANSWER, P5),
    ]
    blocks: list[Block] = []
    articles: list[ArticleInfo] = []
    for i, (kind, text) in enumerate(spec):
        if kind == TITLE or not articles:
            articles.append(ArticleInfo(text if kind == TITLE else None, None, []))
        articles[-1].blocks.append(i)
        speaker = text.split("：")[0] if kind in (QUESTION, ANSWER) else None
        blocks.append(Block(i, kind, text, [(i * 2 + 1, i * 2 + 1)], speaker, len(articles) - 1))
    doc = Document(Source("mem.txt", "utf-8", "0"), "doc", blocks[0].text, articles, blocks)
    for key, value in extra.items():
        setattr(doc, key, value)
    return doc


def long_doc(paragraphs: int = 400) -> Document:
    """Many numbered paragraphs, each several sentences long."""
    spec = [(TITLE, "长文")]
    for n in range(paragraphs):
        spec.append((PARAGRAPH, f"第{n}段的第一句话写得比较长一些。第二句话继续说明。第三句。" * 2))
    return make_doc(spec)


class ReaderApp(App[None]):
    """A bare app around one ReaderView that records its messages."""

    BINDINGS = [Binding("w", "app_w", "app-level w")]  # noqa: RUF012

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc
        self.messages: list[Message] = []
        self.app_w_pressed = 0

    def compose(self) -> ComposeResult:
        yield ReaderView(self.doc, id="reader")

    def on_mount(self) -> None:
        self.query_one(ReaderView).focus()

    def action_app_w(self) -> None:
        self.app_w_pressed += 1

    def on_reader_view_cursor_moved(self, message: ReaderView.CursorMoved) -> None:
        self.messages.append(message)

    def on_reader_view_selection_changed(self, message: ReaderView.SelectionChanged) -> None:
        self.messages.append(message)

    def on_reader_view_search_changed(self, message: ReaderView.SearchChanged) -> None:
        self.messages.append(message)


def screen_lines(view: ReaderView) -> list[str]:
    return ["".join(seg.text for seg in view.render_line(y)) for y in range(view.size.height)]


def colours(view: ReaderView, needle: str) -> list[Color | None]:
    """Foreground colours of the on-screen segments whose text contains `needle`."""
    return [
        seg.style.color if seg.style else None
        for y in range(view.size.height)
        for seg in view.render_line(y)
        if needle in seg.text
    ]


def styled(view: ReaderView, needle: str) -> list[str]:
    """Style strings of the segments on screen whose text contains `needle`."""
    found = []
    for y in range(view.size.height):
        for seg in view.render_line(y):
            if needle in seg.text:
                found.append(str(seg.style))
    return found


async def test_renders_kinds_and_markup_literally() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.pause()
        view = app.query_one(ReaderView)
        text = "\n".join(screen_lines(view))
        assert "[bold]不是粗体[/]" in text
        assert "[link=http://example.com]链接[/link]" in text
        assert "▏ 图表：青禾银行贷款结构" in text
        assert "─" * 20 in text  # the rule between the two articles
        title = next(line for line in screen_lines(view) if "青禾银行发力科创金融" in line)
        column = view._layout.width
        margin = (view.size.width - column) // 2
        assert title.index("青") > margin + 5  # centred in the column
        assert "bold" in styled(view, "区域银行的打法")[0]
        assert "italic" in styled(view, "本报记者")[0]


async def test_sentence_keys_move_and_report() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        assert view.cursor == (0, 0)
        await pilot.press("j", "j", "j")
        assert view.cursor == (2, P1.index("其中"))
        await pilot.press("down")
        assert view.cursor == (3, 0)
        await pilot.press("k", "up")
        assert view.cursor == (2, 0)
        await pilot.pause()
        moved = [m for m in app.messages if isinstance(m, ReaderView.CursorMoved)]
        assert [(m.block, m.offset) for m in moved][-1] == (2, 0)
        assert view.current_span() == (2, 0, P1.index("其中"))
        await pilot.press("k", "k", "k", "k")
        assert view.cursor == (0, 0)  # stops at the start


async def test_cursor_is_drawn_on_its_sentence_only() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        await pilot.pause()
        cursor_style = str(view.get_component_rich_style("reader-view--cursor"))
        bg = cursor_style.split(" on ")[-1]
        first = styled(view, "青禾银行表示")
        later = styled(view, "小微企业")
        assert any(bg in s for s in first)
        assert not any(bg in s for s in later)


async def test_current_span_leaves_out_trailing_spaces() -> None:
    app = ReaderApp(make_doc([(PARAGRAPH, "第一句。  第二句。")]))
    async with app.run_test(size=(60, 10)):
        view = app.query_one(ReaderView)
        assert view.current_span() == (0, 0, 4)


async def test_paragraph_keys() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        assert view.cursor == (2, 0)
        await pilot.press("j")
        assert view.cursor[0] == 2 and view.cursor[1] > 0
        await pilot.press("left_curly_bracket")
        assert view.cursor == (2, 0)
        await pilot.press("left_curly_bracket")
        assert view.cursor == (1, 0)


async def test_home_end_and_page_keys_on_a_long_document() -> None:
    app = ReaderApp(long_doc())
    async with app.run_test(size=(80, 20)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.press("G")
        await pilot.pause()
        last = len(view.document.blocks) - 1
        assert view.cursor[0] == last
        assert any("第399段" in line for line in screen_lines(view))
        await pilot.press("g")
        await pilot.pause()
        assert view.cursor == (0, 0) and view.scroll_y == 0
        await pilot.press("end")
        assert view.cursor[0] == last
        await pilot.press("home")
        assert view.cursor == (0, 0)
        await pilot.press("pagedown")
        await pilot.pause()
        top = round(view.scroll_y)
        assert top > 10
        cursor_row = view._layout.y_of(*view.cursor)
        assert top <= cursor_row < top + view.size.height
        await pilot.press("space")
        await pilot.pause()
        assert round(view.scroll_y) > top
        await pilot.press("shift+space", "pageup")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("pageup")
        assert view.cursor == (0, 0)


async def test_long_document_wraps_only_what_is_seen() -> None:
    app = ReaderApp(long_doc(3000))
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ReaderView)
        layout = view._layout
        wrapped = sum(layout.is_wrapped(i) for i in range(len(view.document.blocks)))
        assert wrapped < 30
        assert layout.refined  # per-block estimates replaced the uniform guess after painting
        assert any("长文" in line for line in screen_lines(view))
        await pilot.press("G")
        await pilot.pause()
        wrapped = sum(layout.is_wrapped(i) for i in range(len(view.document.blocks)))
        assert wrapped < 60
        lines = screen_lines(view)
        assert any("第2999段" in line for line in lines)
        # Scrolling back up over estimated blocks keeps the text under the cursor steady.
        for _ in range(5):
            await pilot.press("k")
        await pilot.pause()
        row = view._layout.y_of(*view.cursor) - round(view.scroll_y)
        assert 0 <= row < view.size.height


async def test_search_highlights_all_and_cycles() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        count = view.start_search("青禾")
        assert count == 4
        await pilot.pause()
        assert view.search_hits[0] == (0, 0, 2)
        assert view.cursor == (0, 0)
        changes = [m for m in app.messages if isinstance(m, ReaderView.SearchChanged)]
        assert (changes[-1].query, changes[-1].index, changes[-1].count) == ("青禾", 0, 4)
        await pilot.press("n", "n")
        await pilot.pause()
        assert view.cursor == (4, P2.index("青禾证券"))
        changes = [m for m in app.messages if isinstance(m, ReaderView.SearchChanged)]
        assert changes[-1].index == 2
        await pilot.press("N", "N", "N")
        await pilot.pause()
        assert app.messages[-1].index == 3  # wrapped around to the last hit
        assert view.start_search("没有这个词") == 0
        assert view.search_hits == []


async def test_search_starts_from_cursor_and_marks_current_hit() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        view.goto(4, 0, flash=False)
        view.start_search("ｓｈ")  # full-width query finds the half-width ticker
        await pilot.pause()
        assert view.cursor[0] == 4
        hit_style = str(view.get_component_rich_style("reader-view--search-current"))
        assert any(hit_style.split(" on ")[-1] in s for s in styled(view, "SH"))


async def test_entity_keys_and_toggle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_view, "FLASH_SECONDS", 60)  # never ends during the test
    entities = [
        Entity("ORG", "青禾银行", 2, 0, 4),
        Entity("PERSON", "柳青山", 4, 3, 6),
        Entity("TICKER", "688321.SH", 4, P2.index("688321"), P2.index("688321") + 9),
    ]
    app = ReaderApp(make_doc(entities=entities))
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.press("e")
        assert view.cursor == (2, 0) and view.flashing == (2, 0, 4)
        await pilot.press("e")
        assert view.cursor == (4, 0) and view.flashing == (4, 3, 6)
        await pilot.press("e")
        assert view.flashing[1] == P2.index("688321")
        await pilot.press("E")
        assert view.flashing == (4, 3, 6)
        await pilot.pause()
        ticker = view._style_of("reader-view--entity-ticker").color  # not the one flashing
        assert ticker is not None
        assert ticker in colours(view, "688321.SH")
        view.highlight_entities = False
        await pilot.pause()
        assert ticker not in colours(view, "688321.SH")


async def test_selection_by_words_and_sentences() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.press("w")
        assert app.app_w_pressed == 1  # no selection: the key belongs to the app
        await pilot.press("right_curly_bracket", "right_curly_bracket", "v")
        assert view.selection is not None
        block, start, end = view.selection
        assert (block, start) == (2, 0) and 0 < end <= 4
        await pilot.press("w", "l")
        grown = view.selection[2]
        assert grown > end
        await pilot.press("W")
        assert end < view.selection[2] < grown
        await pilot.press("h", "h", "h")
        assert view.selection[2] == end  # never below one word
        await pilot.press("s")
        assert view.selection[2] == P1.index("其中")
        await pilot.press("right_parenthesis")
        assert view.selection[2] == len(P1)
        await pilot.press("S")
        assert view.selection[2] == P1.index("其中")
        await pilot.press("left_parenthesis")
        assert view.selection[2] == P1.index("其中")  # one sentence is the least
        assert view.current_span() == view.selection
        await pilot.press("escape")
        assert view.selection is None
        assert app.app_w_pressed == 1
        await pilot.pause()
        changes = [m for m in app.messages if isinstance(m, ReaderView.SelectionChanged)]
        assert changes[-1].span is None and len(changes) >= 6


async def test_goto_centres_and_flashes_then_clears(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader_view, "FLASH_SECONDS", 0.4)
    app = ReaderApp(long_doc())
    async with app.run_test(size=(80, 20)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.pause()
        view.goto(200, 20, 24)
        assert view.flashing == (200, 20, 24)  # set at once; checked before any wait
        assert view.cursor == (200, 18)  # the second sentence: 第200段的第一句话写得比较长一些。
        row = view._layout.y_of(200, 20) - round(view.scroll_y)
        assert 5 <= row <= 14
        await pilot.pause(1.0)
        assert view.flashing is None


async def test_resize_keeps_cursor_place() -> None:
    app = ReaderApp(long_doc())
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(ReaderView)
        view.goto(50, 30, flash=False)
        await pilot.pause()
        before = view.cursor
        await pilot.resize_terminal(40, 15)
        await pilot.pause()
        assert view.cursor == before
        assert view._layout.width <= 36
        row = view._layout.y_of(*view.cursor) - round(view.scroll_y)
        assert 0 <= row < view.size.height
        assert all(len(line.rstrip()) <= 40 for line in screen_lines(view))


async def test_measure_and_indent() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(ReaderView)
        assert view._layout.width == 80
        view.measure = 20
        await pilot.pause()
        assert view._layout.width == 40
        view.indent = True
        await pilot.pause()
        assert any("\u3000\u3000青禾银行表示" in line for line in screen_lines(view))
        view.measure = 1
        assert view.measure == 10


async def test_set_document_keeps_place() -> None:
    filler = [(PARAGRAPH, f"铺垫的第{n}段文字。") for n in range(30)]
    spec = [*filler, (PARAGRAPH, P1), (HEADING, "小标题"), (PARAGRAPH, P2), (PARAGRAPH, P4)]
    app = ReaderApp(make_doc(spec))
    async with app.run_test(size=(100, 20)) as pilot:
        view = app.query_one(ReaderView)
        view.start_search("柳青山")
        view.goto(32, P2.index("青禾证券"), flash=False)
        await pilot.pause()
        assert view.scroll_y > 0
        row = view._layout.y_of(*view.cursor) - round(view.scroll_y)
        # The new analysis joins P1 and P2 into one block and drops the heading between them.
        new = make_doc([*filler, (PARAGRAPH, P1 + P2), (PARAGRAPH, P4)])
        new.blocks[30].lines = [(61, 61), (65, 65)]
        view.set_document(new)
        await pilot.pause()
        assert view.cursor == (30, len(P1) + P2.index("青禾证券"))
        assert view._layout.y_of(*view.cursor) - round(view.scroll_y) == row
        assert view.document is new
        assert view.search_hits == [(30, len(P1) + 3, len(P1) + 6)]  # the search carries over
        await pilot.pause()
        moved = [m for m in app.messages if isinstance(m, ReaderView.CursorMoved)]
        assert (moved[-1].block, moved[-1].offset) == view.cursor
        # Text that cannot be found keeps the nearest block.
        view.set_document(make_doc([(PARAGRAPH, "完全不同的文字。")] * 3))
        assert view.cursor[0] in (0, 1, 2)


async def test_marks_underline_notes_and_bookmark_margin() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        view.set_marks([(2, 4, 8)], [4])
        await pilot.pause()
        assert any("underline" in s for s in styled(view, P1[4:8]))
        line = next(line for line in screen_lines(view) if "研究员柳青山" in line)
        assert "▌" in line[: line.index("研")]
        view.set_marks([], [])
        await pilot.pause()
        line = next(line for line in screen_lines(view) if "研究员柳青山" in line)
        assert "▌" not in line


async def test_gap_marks_and_duplicate_note() -> None:
    doc = make_doc(duplicates=[Duplicate(4, 0, 9, 2, 0)])
    doc.blocks[2].flags.append(TRUNCATED_END)
    doc.blocks[4].flags.append(TRUNCATED_START)
    app = ReaderApp(doc)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        view = app.query_one(ReaderView)
        lines = [line.strip() for line in screen_lines(view)]
        assert lines.count("⋯") == 2
        assert "（重复，见第3段）" in lines
        dim = str(view.get_component_rich_style("reader-view--duplicate"))
        assert any(dim in s for s in styled(view, P2[:9]))


async def test_click_moves_cursor() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(100, 40)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.pause()
        lines = screen_lines(view)
        y = next(i for i, line in enumerate(lines) if "小微企业" in line)
        x = lines[y].index("小微企业")
        cells = cell_len(lines[y][:x])
        await pilot.click(ReaderView, offset=(cells + 2, y))
        await pilot.pause()
        assert view.cursor == (2, P1.index("其中"))


async def test_empty_document_does_not_crash() -> None:
    doc = make_doc([(PARAGRAPH, "")])
    doc.blocks.clear()
    app = ReaderApp(doc)
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.press("j", "G", "pagedown", "e", "v", "n")
        view = app.query_one(ReaderView)
        assert view.start_search("x") == 0
        assert view.cursor == (0, 0)


class EarlyGotoApp(ReaderApp):
    """Moves the reader before it has ever been laid out (restoring a saved position)."""

    def on_mount(self) -> None:
        view = self.query_one(ReaderView)
        view.goto(300, 0, flash=False)
        view.focus()


async def test_goto_before_first_layout_shows_the_place() -> None:
    app = EarlyGotoApp(long_doc())
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ReaderView)
        assert view.cursor == (300, 0)
        assert any("第300段" in line for line in screen_lines(view))


async def test_controls_in_text_never_break_the_row() -> None:
    text = "甲\t乙\n丙\r丁" * 20 + "。"
    app = ReaderApp(make_doc([(PARAGRAPH, text)]))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ReaderView)
        lines = screen_lines(view)
        assert all(cell_len(line) == view.size.width for line in lines)
        assert not any(ch in "".join(lines) for ch in "\t\n\r")
        assert "甲 乙 丙 丁" in "".join(lines)


async def test_speakers_are_bold_and_never_doubled() -> None:
    doc = make_doc([(QUESTION, "《南岭日报》：利率会降吗？"), (ANSWER, "会的，而且很快。")])
    doc.blocks[0].speaker = "南岭日报"
    doc.blocks[1].speaker = "韩小满"
    app = ReaderApp(doc)
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        view = app.query_one(ReaderView)
        text = "\n".join(screen_lines(view))
        assert "南岭日报：《南岭日报》" not in text and "《南岭日报》：利率" in text
        assert "韩小满：会的" in text  # a speaker missing from the text is drawn before it
        assert any("bold" in s for s in styled(view, "《南岭日报》："))
        assert any("bold" in s for s in styled(view, "韩小满："))


async def test_sentence_keys_start_from_the_screen_after_scrolling_away() -> None:
    app = ReaderApp(long_doc())
    async with app.run_test(size=(80, 20)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.pause()
        view.scroll_to(y=200, animate=False, immediate=True)  # as the wheel or scrollbar would
        await pilot.pause()
        top = round(view.scroll_y)
        await pilot.press("j")
        row = view._layout.y_of(*view.cursor)
        assert top <= row < top + view.size.height
        assert round(view.scroll_y) == top  # the text did not jump


async def test_wheel_scrolls_and_wraps_what_comes_into_view() -> None:
    app = ReaderApp(long_doc(3000))
    async with app.run_test(size=(80, 20)) as pilot:
        view = app.query_one(ReaderView)
        await pilot.pause()
        for _ in range(10):
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        assert view.scroll_y > 0
        lines = screen_lines(view)
        assert sum("第" in line for line in lines) >= 5  # real text, no blank gap
        assert view.cursor == (0, 0)  # the wheel does not move the cursor


async def test_theme_change_repaints_with_new_colours() -> None:
    app = ReaderApp(make_doc())
    async with app.run_test(size=(80, 20)) as pilot:
        await pilot.pause()
        view = app.query_one(ReaderView)
        before = set(colours(view, "青禾银行发力"))
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        after = set(colours(view, "青禾银行发力"))
        assert before and after and before != after
