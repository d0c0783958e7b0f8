"""The article view: a Line-API ScrollView with a sentence cursor, search, marks and selection."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding, BindingType

from article.model import Document
from article.text import word_spans
from tui import reader_messages
from tui.reader_cursor import ReaderCursor
from tui.reader_frame import Pos, Range
from tui.reader_marks import Marks
from tui.relocate import relocate
from tui.selection import Spans, first_end, grow, shrink
from tui.theme import READER_COMPONENTS, READER_CSS

FLASH_SECONDS = 0.8


class ReaderView(ReaderCursor, can_focus=True):
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
        Binding("greater_than_sign", "next_heading", "Next heading", show=False),
        Binding("less_than_sign", "previous_heading", "Previous heading", show=False),
        Binding("J", "next_article", "Next article", show=False),
        Binding("K", "previous_article", "Previous article", show=False),
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
        Binding("escape", "clear", "Cancel selection, clear search", show=False),
    ]
    SELECTION_ACTIONS: ClassVar[frozenset[str]] = frozenset(
        {"grow_word", "shrink_word", "grow_sentence", "shrink_sentence", "cancel_selection"}
    )

    CursorMoved = reader_messages.CursorMoved
    SelectionChanged = reader_messages.SelectionChanged
    EntityReached = reader_messages.EntityReached
    SearchChanged = reader_messages.SearchChanged

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

    @property
    def sentence(self) -> Range:
        """(block, start, end) of the sentence under the cursor."""
        return self._cursor

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
        if end is not None and end > start:
            self._landed = (block, start, stop)  # v selects what the jump landed on
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

    # -- search, entities ----------------------------------------------------------------------
    def _show_hit(self, previous: Range | None = None) -> None:
        """Move to the current search hit, repaint it and the one before, and announce it."""
        hit = self._marks.current_hit()
        if hit is None:
            return
        self._move_to(hit[0], hit[1], reveal=False)
        self._landed = hit
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
            self._landed = target
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
        if action == "clear":
            return self._selection is not None or bool(self._marks.query)
        return not (action in self.SELECTION_ACTIONS and self._selection is None)

    def action_clear(self) -> None:
        """Esc: drop the selection; with none, drop the search and its highlights."""
        if self._selection is not None:
            self._set_selection(None)
        elif self._marks.query:
            self.clear_search()

    def clear_search(self) -> None:
        """Forget the search: no highlights, no hit, the status line told."""
        self._marks.search("")
        self._invalidate()
        self.post_message(self.SearchChanged("", -1, 0))

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
        if self._landed is not None:  # after a search or a jump: the hit, not the sentence
            self._set_selection(self._landed)
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
