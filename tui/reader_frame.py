"""The article view's frame: lazy layout, scrolling that keeps the cursor's row, painting."""

from __future__ import annotations

from collections import OrderedDict

from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from article.model import Document
from article.text import sentence_spans, span_index
from tui.layout import TEXT, Layout, Line
from tui.reader_marks import Marks
from tui.reader_messages import SelectionChanged
from tui.reader_paint import Frame, Span, paint
from tui.selection import Spans

Pos = tuple[int, int]  # (block, offset)
Range = tuple[int, int, int]  # (block, start, end)

CACHE_SIZE = 1024
MARGIN_LINES = 2  # context kept above and below the cursor when scrolling to it


class ReaderFrame(ScrollView):
    """The state of the article view and how it is laid out and drawn; no keys here."""

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
        self._landed: Range | None = None  # the hit or mention a jump put the cursor on
        self._cache: OrderedDict[tuple[object, ...], Strip] = OrderedDict()
        self._styles: dict[str, Style] = {}

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

    @property
    def line_chars(self) -> int:
        """Full-width characters a line holds now: the measure, unless the view is narrower."""
        return self._column() // 2

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
                self.set_reactive(ReaderFrame.scroll_y, float(fixed))
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

    def _set_selection(self, rng: Range | None) -> None:
        """Change the selection, repaint it and tell the app."""
        old, self._selection = self._selection, rng
        self._refresh_range(old)
        self._refresh_range(rng)
        if old != rng:
            self.post_message(SelectionChanged(rng))
