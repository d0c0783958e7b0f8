"""The article view: a Line-API ScrollView with a sentence cursor, search, marks and selection."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from article.model import Document
from article.text import sentence_spans, span_index, word_spans
from tui.layout import TEXT, Layout, Line
from tui.reader_marks import Marks
from tui.reader_paint import Frame, Span, paint, text_x
from tui.relocate import relocate
from tui.selection import Spans, first_end, grow, shrink
from tui.theme import READER_COMPONENTS, READER_CSS
from tui.typeset import offset_at_cell

Pos = tuple[int, int]  # (block, offset)
Range = tuple[int, int, int]  # (block, start, end)

CACHE_SIZE = 1024
FLASH_SECONDS = 0.8
MARGIN_LINES = 2  # context kept above and below the cursor when scrolling to it


class ReaderView(ScrollView, can_focus=True):
    """Reads a Document: renders only the visible lines, moves a sentence cursor."""

    DEFAULT_CSS = READER_CSS
    COMPONENT_CLASSES: ClassVar[set[str]] = set(READER_COMPONENTS)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "next_sentence", "Next sentence", show=False),
        Binding("k,up", "previous_sentence", "Previous sentence", show=False),
        Binding("right_curly_bracket", "next_paragraph", "Next paragraph", show=False),
        Binding("left_curly_bracket", "previous_paragraph", "Previous paragraph", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("shift+space,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "first", "Start", show=False),
        Binding("G,end", "last", "End", show=False),
        Binding("n", "next_hit", "Next hit", show=False),
        Binding("N", "previous_hit", "Previous hit", show=False),
        Binding("e", "next_entity", "Next entity", show=False),
        Binding("E", "previous_entity", "Previous entity", show=False),
        Binding("v", "select", "Select", show=False),
        Binding("w,l", "grow_word", "Select +word", show=False),
        Binding("W,h", "shrink_word", "Select -word", show=False),
        Binding("s,right_parenthesis", "grow_sentence", "Select +sentence", show=False),
        Binding("S,left_parenthesis", "shrink_sentence", "Select -sentence", show=False),
        Binding("escape", "cancel_selection", "Cancel selection", show=False),
    ]
    SELECTION_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"grow_word", "shrink_word", "grow_sentence", "shrink_sentence", "cancel_selection"}
    )

    @dataclass
    class CursorMoved(Message):
        """The sentence cursor moved (the app saves the reading position)."""

        block: int
        offset: int

    @dataclass
    class SelectionChanged(Message):
        """The selection changed; None when it was cancelled."""

        span: tuple[int, int, int] | None

    @dataclass
    class EntityReached(Message):
        """e/E landed on an entity mention (the app names it in the status line)."""

        block: int
        start: int
        end: int

    @dataclass
    class SearchChanged(Message):
        """Search results or the current hit changed (index -1 when there are none)."""

        query: str
        index: int
        count: int

    highlight_entities: reactive[bool] = reactive(True)
    measure: reactive[int] = reactive(40)
    indent: reactive[bool] = reactive(False)

    def __init__(
        self,
        document: Document,
        *,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self._doc = document
        self._layout: Layout | None = None
        self._marks = Marks(document)
        self._sentences: dict[int, Spans] = {}
        self._word_cache: dict[int, Spans] = {}
        self._cursor: Range = (0, *self._sentence_at(0, 0)) if document.blocks else (0, 0, 0)
        self._selection: Range | None = None
        self._flash: Range | None = None
        self._flash_timer: Timer | None = None
        self._entity_ref: Range | None = None  # the entity e/E last landed on
        self._cache: OrderedDict[tuple[object, ...], Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}

    # -- public API ----------------------------------------------------------------------------
    @property
    def document(self) -> Document:
        """The document on screen."""
        return self._doc

    @property
    def cursor(self) -> Pos:
        """(block, offset): the start of the current sentence."""
        return self._cursor[0], self._cursor[1]

    @cursor.setter
    def cursor(self, pos: Pos) -> None:
        self._move_to(*pos)

    def set_document(self, doc: Document) -> None:
        """Show a new analysis, cursor on the same source text (marks stay until set_marks)."""
        old, before = self._doc, self._cursor
        block, offset = relocate(old, doc, self._cursor[0], self._cursor[1])
        row = self._cursor_row()
        self._doc = doc
        query = self._marks.query
        self._marks = Marks(doc, notes=self._marks.notes, bookmarks=self._marks.bookmarks)
        self._marks.highlight_entities = self.highlight_entities
        self._sentences.clear()
        self._word_cache.clear()
        self._selection = None
        self._flash = None
        self._entity_ref = None
        self._cursor = (block, *self._sentence_at(block, offset)) if doc.blocks else (0, 0, 0)
        self._layout = None
        if self.is_mounted:
            self._relayout(row)
        if self._cursor[:2] != before[:2]:
            self.post_message(self.CursorMoved(self._cursor[0], self._cursor[1]))
        if query and self._marks.search(query):  # same query, hits in the new text
            self._marks.hit_index = self._marks.first_hit_after(self._cursor[0], self._cursor[1])
            index, count = self._marks.hit_index, len(self._marks.hits)
            self.post_message(self.SearchChanged(query, index, count))

    def set_marks(self, notes: list[Range], bookmarks: list[int]) -> None:
        """Underline note spans and mark bookmarked blocks in the margin."""
        self._marks.set_marks(notes, bookmarks)
        self._invalidate()

    def goto(self, block: int, start: int, end: int | None = None, *, flash: bool = True) -> None:
        """Move the cursor to the sentence holding block[start:end], centre it and flash it."""
        if not self._doc.blocks:
            return
        block = min(max(block, 0), len(self._doc.blocks) - 1)
        start = min(max(start, 0), len(self._doc.blocks[block].text))
        stop = self._sentence_at(block, start)[1] if end is None else max(end, start)
        self._move_to(block, start, reveal=False)
        self._reveal(block, start, stop, centre=True)
        if flash:
            self._set_flash((block, start, stop))

    def current_span(self) -> Range:
        """The selection if there is one, else the current sentence (without trailing spaces)."""
        if self._selection is not None:
            return self._selection
        block, start, end = self._cursor
        if not self._doc.blocks:
            return self._cursor
        kept = self._doc.blocks[block].text[start:end].rstrip()
        return block, start, start + len(kept) if kept else end

    @property
    def selection(self) -> Range | None:
        """The selected (block, start, end), if any."""
        return self._selection

    @property
    def search_hits(self) -> list[Range]:
        """All hits of the current search, in reading order."""
        return self._marks.hits

    def start_search(self, query: str) -> int:
        """Highlight every hit of `query`, go to the first at or after the cursor; the count."""
        count = self._marks.search(query)
        self._invalidate()
        if count:
            self._marks.hit_index = self._marks.first_hit_after(self._cursor[0], self._cursor[1])
            self._show_hit()
        else:
            self.post_message(self.SearchChanged(query, -1, 0))
        return count

    # -- layout --------------------------------------------------------------------------------
    def _view_width(self) -> int:
        """Cells of the content area."""
        return self.scrollable_content_region.width or self.size.width

    def _has_size(self) -> bool:
        """Whether the view has been given a size (layout before that would be wasted)."""
        return self.is_mounted and self._view_width() > 0 and self._page() > 0

    def _column(self, width: int | None = None) -> int:
        """Width of the text column: the measure, or the view less a small margin."""
        view = self._view_width() if width is None else width
        return max(4, min(self.measure * 2, view - 4))

    def _frame(self) -> Frame:
        """The current text frame."""
        return Frame(self._view_width(), self._layout.width if self._layout else self._column())

    def _ensure_layout(self, width: int | None = None) -> Layout:
        """The layout for the current width and options (rebuilt lazily when they change)."""
        layout = self._layout
        column = self._column(width)
        if layout is None or layout.width != column or layout.indent != self.indent:
            self._relayout(self._cursor_row())
            layout = self._layout
        assert layout is not None
        return layout

    def _cursor_row(self) -> int | None:
        """Screen row of the cursor, to keep it in place across re-layouts."""
        if self._layout is None or not self._doc.blocks:
            return None
        return self._layout.y_of(self._cursor[0], self._cursor[1]) - round(self.scroll_y)

    def _relayout(self, row: int | None) -> None:
        """Wrap again (width, measure, indent or document changed) keeping the cursor's row."""
        self._layout = Layout(
            self._doc, self._column(), indent=self.indent, duplicates=self._marks.duplicates
        )
        self._cache.clear()
        if not self._layout.refined:
            self.call_after_refresh(self._refine, self._layout)
        if not self._doc.blocks:
            self._sync_virtual_size()
            return
        block, offset = self._cursor[0], self._cursor[1]
        self._layout.ensure_before(block, self._page())
        y = self._layout.y_of(block, offset)
        self._sync_virtual_size()
        target = y - (row if row is not None and 0 <= row < self._page() else MARGIN_LINES)
        self._scroll_line(target)
        self.refresh()

    def _refine(self, layout: Layout) -> None:
        """After the first screen: better line estimates, with the text on screen kept still."""
        if layout is not self._layout:
            return
        block, line = layout.find(round(self.scroll_y))
        layout.refine()
        self._sync_virtual_size()
        y = layout.top(block) + line
        if y != round(self.scroll_y):
            self._scroll_line(y)

    def _sync_virtual_size(self) -> None:
        """Tell the scroll machinery how many lines there are (estimates included)."""
        total = self._layout.total if self._layout else 0
        size = Size(self._view_width(), total)
        if self.virtual_size != size:
            self.virtual_size = size

    def _page(self) -> int:
        """Lines visible at once (0 before the view has a size)."""
        return self.scrollable_content_region.height or self.size.height

    def _scroll_line(self, y: int) -> None:
        """Scroll so visual line y is at the top, now, wrapping what comes into view."""
        y = max(0, min(y, (self._layout.total if self._layout else 0) - self._page()))
        if self._layout is not None:
            y = self._layout.ensure(y, self._page())
            self._sync_virtual_size()
        self.scroll_to(y=y, animate=False, immediate=True, force=True)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Wrap the blocks coming into view; keep the top line steady if estimates change."""
        if self._layout is not None and self._doc.blocks:
            y = round(new_value)
            fixed = self._layout.ensure(y, self._page())
            self._sync_virtual_size()
            if fixed != y:
                self.set_reactive(ReaderView.scroll_y, float(fixed))
                self.scroll_target_y = float(fixed)
        super().watch_scroll_y(old_value, new_value)

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap for the new width without losing the cursor's place."""
        self._ensure_layout()
        self._sync_virtual_size()
        self.refresh()

    def watch_measure(self) -> None:
        """A new measure means a new wrap."""
        if self.is_mounted:
            self._ensure_layout()

    def watch_indent(self) -> None:
        """Indent changes the first line of every paragraph."""
        if self.is_mounted:
            self._ensure_layout()

    def watch_highlight_entities(self, value: bool) -> None:
        """Entity colours on or off."""
        self._marks.highlight_entities = value
        self._invalidate()

    def validate_measure(self, value: int) -> int:
        """Keep the measure readable: 10 to 120 CJK characters."""
        return max(10, min(int(value), 120))

    # -- rendering -----------------------------------------------------------------------------
    def notify_style_update(self) -> None:
        """Theme or CSS changed: styles and rendered lines are stale."""
        self._styles.clear()
        self._cache.clear()
        super().notify_style_update()

    def _style_of(self, component: str) -> Style:
        """Rich style of a component class, cached until the CSS changes."""
        style = self._styles.get(component)
        if style is None:
            # Only what the rule sets, but with colours blended (alpha) as the full style has them.
            partial = self.get_component_rich_style(component, partial=True)
            full = self.get_component_rich_style(component, partial=False)
            colours = Style(
                color=full.color if partial.color else None,
                bgcolor=full.bgcolor if partial.bgcolor else None,
            )
            style = partial + colours
            self._styles[component] = style
        return style

    def _base_style(self) -> Style:
        """The widget's own style (background), cached until the CSS changes."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _invalidate(self) -> None:
        """Marks changed: every rendered line may be stale."""
        self._cache.clear()
        self.refresh()

    def _dynamic(self, line: Line) -> tuple[Span, ...]:
        """Spans that move often (cursor, hit, selection, flash), clipped to this line."""
        spans: list[Span] = []
        for rng, component in (
            (self._cursor, "reader-view--cursor"),  # the bottom layer: marks show through it
            (self._marks.current_hit(), "reader-view--search-current"),
            (self._selection, "reader-view--selection"),
            (self._flash, "reader-view--flash"),
        ):
            if rng is not None and rng[0] == line.block:
                s, e = max(rng[1], line.start), min(rng[2], line.end)
                if s < e:
                    spans.append((s, e, component))
        return tuple(spans)

    def render_line(self, y: int) -> Strip:
        """Render one screen row (only visible rows are ever rendered)."""
        width = self._view_width()
        if not self._doc.blocks:
            return Strip.blank(width, self._base_style())
        layout = self._ensure_layout(width)
        line = layout.line_at(round(self.scroll_y) + y)
        if line is None:
            return Strip.blank(width, self._base_style())
        dynamic = self._dynamic(line) if line.role == TEXT else ()
        key = (line, width, layout.width, dynamic)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._paint(line, dynamic, Frame(width, layout.width))
            self._cache[key] = strip
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        return strip

    def _paint(self, line: Line, dynamic: tuple[Span, ...], frame: Frame) -> Strip:
        """Render a line that is not in the cache."""
        block = self._doc.blocks[line.block]
        spans: list[Span] = []
        if line.role == TEXT:
            under = [span for span in dynamic if span[2] == "reader-view--cursor"]
            over = [span for span in dynamic if span[2] != "reader-view--cursor"]
            spans = [*under, *self._marks.spans(line.block), *over]
        return paint(
            line,
            block,
            frame,
            spans,
            bookmarked=line.block in self._marks.bookmarks,
            style_of=self._style_of,
            base=self._base_style(),
            console=self.app.console,
        )

    def _refresh_range(self, rng: Range | None) -> None:
        """Repaint only the rows a span covers."""
        if rng is None or self._layout is None or not self._layout.is_wrapped(rng[0]):
            return  # blocks never wrapped have never been on screen
        first, last = self._layout.text_rows(*rng)
        self.refresh_lines(first, last - first + 1)

    # -- cursor --------------------------------------------------------------------------------
    def _sentences_of(self, block: int) -> list[tuple[int, int]]:
        """Sentence spans of a block, cached."""
        spans = self._sentences.get(block)
        if spans is None:
            spans = sentence_spans(self._doc.blocks[block].text)
            self._sentences[block] = spans
        return spans

    def _sentence_at(self, block: int, offset: int) -> tuple[int, int]:
        """The sentence of `block` holding `offset`."""
        spans = self._sentences_of(block)
        return spans[span_index(spans, offset)]

    def _move_to(self, block: int, offset: int, *, reveal: bool = True) -> None:
        """Put the cursor on the sentence holding (block, offset) and tell the app."""
        if not self._doc.blocks:
            return
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
            self.post_message(self.CursorMoved(new[0], new[1]))

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

    def action_first(self) -> None:
        """Start of the document."""
        self._move_to(0, 0)

    def action_last(self) -> None:
        """Last sentence of the document."""
        if self._doc.blocks:
            self._move_to(*self._last_pos())

    # -- search, entities ----------------------------------------------------------------------
    def _show_hit(self, previous: Range | None = None) -> None:
        """Move to the current search hit, repaint it and the one before, and announce it."""
        hit = self._marks.current_hit()
        if hit is None:
            return
        self._move_to(hit[0], hit[1], reveal=False)
        self._reveal(*hit)
        self._refresh_range(previous)
        self._refresh_range(hit)
        index, count = self._marks.hit_index, len(self._marks.hits)
        self.post_message(self.SearchChanged(self._marks.query, index, count))

    def action_next_hit(self) -> None:
        """Next search hit (wraps around)."""
        if self._marks.hits:
            previous = self._marks.current_hit()
            self._marks.hit_index = (self._marks.hit_index + 1) % len(self._marks.hits)
            self._show_hit(previous)

    def action_previous_hit(self) -> None:
        """Previous search hit (wraps around)."""
        if self._marks.hits:
            previous = self._marks.current_hit()
            self._marks.hit_index = (self._marks.hit_index - 1) % len(self._marks.hits)
            self._show_hit(previous)

    def _entity_jump(self, direction: int) -> None:
        """Go to the next/previous entity mention after/before the cursor and flash it."""
        block, start, end = self._cursor
        ref = self._entity_ref
        if ref is None or ref[0] != block or not start <= ref[1] < end:
            ref = (block, start - 1 if direction > 0 else start, 0)
        target = self._marks.entity_near(ref[0], ref[1], direction)
        if target is not None:
            self._entity_ref = target
            self._move_to(target[0], target[1], reveal=False)
            self._reveal(*target)
            self._set_flash(target)
            self.post_message(self.EntityReached(*target))

    def action_next_entity(self) -> None:
        """Next entity mention."""
        self._entity_jump(1)

    def action_previous_entity(self) -> None:
        """Previous entity mention."""
        self._entity_jump(-1)

    # -- flash ---------------------------------------------------------------------------------
    def _set_flash(self, rng: Range | None) -> None:
        """Highlight a span briefly so the eye finds where a jump landed."""
        old, self._flash = self._flash, rng
        self._refresh_range(old)
        self._refresh_range(rng)
        if self._flash_timer is not None:
            self._flash_timer.stop()
            self._flash_timer = None
        if rng is not None and self.is_mounted:
            self._flash_timer = self.set_timer(FLASH_SECONDS, lambda: self._set_flash(None))

    @property
    def flashing(self) -> Range | None:
        """The span flashing now, if any."""
        return self._flash

    # -- selection -----------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Selection keys only act while selecting, so the app may use them otherwise."""
        if not self._doc.blocks:
            return False
        return not (action in self.SELECTION_ACTIONS and self._selection is None)

    def _set_selection(self, rng: Range | None) -> None:
        """Change the selection, repaint it and tell the app."""
        old, self._selection = self._selection, rng
        self._refresh_range(old)
        self._refresh_range(rng)
        if old != rng:
            self.post_message(self.SelectionChanged(rng))

    def _words(self, block: int) -> Spans:
        """Word spans of a block that hold something besides spaces (jieba once per block)."""
        words = self._word_cache.get(block)
        if words is None:
            text = self._doc.blocks[block].text
            words = [(s, e) for s, e in word_spans(text) if text[s:e].strip()] or [(0, len(text))]
            self._word_cache[block] = words
        return words

    def action_select(self) -> None:
        """Start a selection of one word at the cursor (v again cancels it)."""
        if self._selection is not None:
            self._set_selection(None)
            return
        block, start, _ = self._cursor
        end = first_end(self._words(block), start, len(self._doc.blocks[block].text))
        self._set_selection((block, start, end))

    def _resize(self, by_words: bool, move: Callable[[Spans, int, int], int]) -> None:
        """Move the selection's end by one word or sentence."""
        assert self._selection is not None
        block, start, end = self._selection
        spans = self._words(block) if by_words else self._sentences_of(block)
        self._set_selection((block, start, move(spans, start, end)))

    def action_grow_word(self) -> None:
        """Extend the selection by one word."""
        self._resize(True, grow)

    def action_shrink_word(self) -> None:
        """Shrink the selection by one word (never below one)."""
        self._resize(True, shrink)

    def action_grow_sentence(self) -> None:
        """Extend the selection to the end of the next sentence."""
        self._resize(False, grow)

    def action_shrink_sentence(self) -> None:
        """Shrink the selection back to the previous sentence end."""
        self._resize(False, shrink)

    def action_cancel_selection(self) -> None:
        """Drop the selection."""
        self._set_selection(None)

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
