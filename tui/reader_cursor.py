"""The article view's sentence cursor: moving by sentence, paragraph and page, and by click."""

from __future__ import annotations

from textual import events

from article.text import span_index
from tui.layout import TEXT, Layout
from tui.outline import section_starts
from tui.reader_frame import MARGIN_LINES, Pos, ReaderFrame
from tui.reader_messages import CursorMoved
from tui.reader_paint import text_x
from tui.typeset import offset_at_cell


class ReaderCursor(ReaderFrame):
    """Cursor motion over the frame; every move is announced with CursorMoved."""

    def _move_to(self, block: int, offset: int, *, reveal: bool = True) -> None:
        """Put the cursor on the sentence holding (block, offset) and tell the app."""
        if not self._doc.blocks:
            return
        self._landed = None  # a jump that wants it sets it again after moving
        block = min(max(block, 0), len(self._doc.blocks) - 1)
        new = (block, *self._sentence_at(block, offset))
        old = self._cursor
        self._cursor = new
        if self._selection is not None:
            self._set_selection(None)
        if self._layout is not None:
            self._refresh_range(old)
            self._refresh_range(new)
            if reveal:
                self._reveal(*new)
        if new != old:
            self.post_message(CursorMoved(new[0], new[1]))

    def _reveal(self, block: int, start: int, end: int, *, centre: bool = False) -> None:
        """Scroll as little as needed (or centre) so block[start:end] is on screen."""
        if not self._has_size():
            return  # not laid out yet: the first layout puts the cursor near the top
        layout = self._ensure_layout()
        page = self._page()
        layout.ensure_before(block, page)
        first, last = layout.text_rows(block, start, end)
        top = round(self.scroll_y)
        margin = min(MARGIN_LINES, page // 4)
        if centre:
            target = first - max(0, (page - (last - first + 1)) // 2)
        elif first < top + margin:
            target = first - margin
        elif last > top + page - 1 - margin:
            target = min(first - margin, last - page + 1 + margin)
        else:
            return
        self._scroll_line(target)

    def _step_sentence(self, delta: int) -> Pos | None:
        """(block, start) of the sentence `delta` (±1) away, crossing blocks; None at the ends."""
        block, start, _ = self._cursor
        spans = self._sentences_of(block)
        i = span_index(spans, start) + delta
        if 0 <= i < len(spans):
            return block, spans[i][0]
        block += delta
        if not 0 <= block < len(self._doc.blocks):
            return None
        spans = self._sentences_of(block)
        return block, spans[0 if delta > 0 else -1][0]

    def _cursor_off_screen(self) -> bool:
        """True when the wheel or scrollbar has taken the view away from the cursor."""
        if self._layout is None or not self._has_size():
            return False
        first, last = self._layout.text_rows(*self._cursor)
        top = round(self.scroll_y)
        return last < top or first >= top + self._page()

    def _step(self, delta: int) -> None:
        """Move by one sentence; after scrolling away, start from the text on screen instead."""
        if self._cursor_off_screen():
            assert self._layout is not None
            top = round(self.scroll_y)
            self._move_to(*self._first_sentence_from(self._layout, top), reveal=False)
        elif (pos := self._step_sentence(delta)) is not None:
            self._move_to(*pos)

    def action_next_sentence(self) -> None:
        """Next sentence."""
        self._step(1)

    def action_previous_sentence(self) -> None:
        """Previous sentence."""
        self._step(-1)

    def action_next_paragraph(self) -> None:
        """Start of the next block."""
        if self._cursor[0] + 1 < len(self._doc.blocks):
            self._move_to(self._cursor[0] + 1, 0)

    def action_previous_paragraph(self) -> None:
        """Start of this block, or of the previous one when already there."""
        block, start, _ = self._cursor
        self._move_to(block if start > 0 or block == 0 else block - 1, 0)

    def action_page_down(self) -> None:
        """One screen forward; the cursor goes to the first sentence starting on screen."""
        self._page_by(1)

    def action_page_up(self) -> None:
        """One screen back; the cursor goes to the first sentence starting on screen."""
        self._page_by(-1)

    def _page_by(self, direction: int) -> None:
        """Scroll a page (keeping one line of context) and put the cursor at the top."""
        if not self._has_size():
            return
        layout = self._ensure_layout()
        page = self._page()
        top = round(self.scroll_y)
        self._scroll_line(top + direction * max(1, page - 1))
        new_top = round(self.scroll_y)
        if new_top == top:
            self._move_to(*(self._last_pos() if direction > 0 else (0, 0)))
            return
        self._move_to(*self._first_sentence_from(layout, new_top), reveal=False)

    def _first_sentence_from(self, layout: Layout, y: int) -> Pos:
        """The first sentence that starts at or below visual line y."""
        for row in range(y, min(y + self._page(), layout.total)):
            line = layout.line_at(row)
            if line is None or line.role != TEXT:
                continue
            start, end = self._sentence_at(line.block, line.start)
            if start >= line.start:
                return line.block, start
            if end < line.end:
                return line.block, end
        line = layout.line_at(y)
        return (line.block, line.start) if line else self._last_pos()

    def _last_pos(self) -> Pos:
        """Start of the document's last sentence."""
        block = len(self._doc.blocks) - 1
        return block, self._sentences_of(block)[-1][0]

    def _section_step(self, direction: int, *, articles: bool) -> None:
        """To the next/previous article start or heading; the current one when inside it."""
        block = self._cursor[0]
        starts = section_starts(self._doc, articles=articles)
        if direction > 0:
            target = next((b for b in starts if b > block), None)
        else:
            here = self._cursor[1] > 0 or block not in starts
            target = next((b for b in reversed(starts) if b < block or (here and b == block)), None)
        if target is not None:
            self._move_to(target, 0)

    def action_next_heading(self) -> None:
        """Next heading (or article title)."""
        self._section_step(1, articles=False)

    def action_previous_heading(self) -> None:
        """Previous heading (or article title)."""
        self._section_step(-1, articles=False)

    def action_next_article(self) -> None:
        """Start of the next article."""
        self._section_step(1, articles=True)

    def action_previous_article(self) -> None:
        """Start of this article, or of the previous one when already there."""
        self._section_step(-1, articles=True)

    def action_first(self) -> None:
        """Start of the document."""
        self._move_to(0, 0)

    def action_last(self) -> None:
        """Last sentence of the document."""
        if self._doc.blocks:
            self._move_to(*self._last_pos())

    # -- mouse ---------------------------------------------------------------------------------
    def on_click(self, event: events.Click) -> None:
        """Move the cursor to the sentence under the pointer."""
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None or not self._doc.blocks:
            return
        line = self._layout.line_at(round(self.scroll_y) + offset.y)
        if line is None:
            return
        self.focus()
        if line.role != TEXT:
            self._move_to(line.block, 0)
            return
        block = self._doc.blocks[line.block]
        cells = offset.x - text_x(line, block, self._frame())
        text = block.text[line.start : line.end]
        char = line.start + (offset_at_cell(text, cells) if cells > 0 else 0)
        self._move_to(line.block, char)
