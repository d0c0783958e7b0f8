"""Hard-wrapped extractor text (pdftotext, pdfminer, pypdf, pypdfium2, a viewer's copy) made
into blocks: lines unwrapped into paragraphs by their shape, and titles, bylines, headings,
captions and page furniture told apart without any markup.

The pairing of breaks across columns is left to reflow: here a paragraph ends only where its
own lines say so (a short line that ends a sentence, or a sentence end followed by an indented
line), and a run of lines ends at a blank line or a structural line.
"""

from __future__ import annotations

import re
from itertools import pairwise

from article.blocks.heads import (
    SECTION_BULLETS,
    continued_title,
    continues_into,
    head_kinds,
    is_heading_text,
    spanning_titles,
)
from article.blocks.kinds import line_kind
from article.blocks.lines import (
    Line,
    columns_merged,
    ends_sentence,
    is_first_line,
    is_full,
    is_short,
    latin_gap,
    read_lines,
)
from article.blocks.order import reading_order, word_across
from article.blocks.shape import LOOK, common_lengths, head_lines
from article.blocks.structural import CAPTION_TAIL, structural_kinds
from article.model import (
    ANSWER,
    BYLINE,
    CAPTION,
    CONTINUATION,
    FURNITURE,
    HEADING,
    PARAGRAPH,
    QUESTION,
    SOURCE,
    SUBTITLE,
    TITLE,
    RawBlock,
)

_BLANK_EVERYWHERE = 0.7  # share of lines after a blank: blanks then mean nothing
_SHORTEST_LONE_HEADING = 4  # shorter headings ("对话") need a paragraph right under them
_MIN_STARTS = 6  # paragraph starts it takes to tell whether a layout indents them
_INDENT_SHARE = 0.4  # of paragraph starts that are indented, in a layout that indents
_MAX_STACKED = 3  # heading lines in a row that make one title
_NEARLY_FULL = 0.75  # of the column's width
_SOFT_END = frozenset("：:")  # a short line ending so introduces what follows: a paragraph end
_LATIN_START = re.compile(r"[0-9A-Za-z(（%.]")
_MULTI_LINE = frozenset((TITLE, SUBTITLE))  # kinds whose consecutive lines make one block
_TITLE_LINES = 2  # a title or deck is set over two lines; a third only if short or after ：
_SHORT_TITLE_TAIL = 6


def wrapped_split(text: str, dictionary: bool = True) -> tuple[list[RawBlock] | None, list[str]]:
    """The blocks of hard-wrapped text (None when the text is not hard-wrapped), and what its
    shape says a reader must be told. `dictionary=False` (the instant first view) judges the
    wrapping by line widths alone, without jieba's dictionary."""
    raw = text.split("\n")
    merged = columns_merged(raw)
    head_merged = merged if len(raw) <= LOOK else columns_merged(raw[:LOOK])
    if not (head_merged or common_lengths(head_lines(text))):
        return None, []
    lines = read_lines(text, merged)
    order = reading_order(lines, merged, dictionary)
    if not order.wrapped:
        return None, order.warnings
    kinds = _kinds_of(lines, blanks_matter=merged)
    blocks = _Builder(lines, kinds, order.crossed, merged).build()
    for block in blocks:
        block.unordered = merged or block.lines[0][0] in order.crossed
    return blocks, order.warnings


def _kinds_of(lines: list[Line], blanks_matter: bool = False) -> dict[int, str]:
    """Line index -> kind of every line that is no paragraph line. Blank lines after nearly
    every line mean nothing, unless they set apart the pieces of columns read across."""
    blanks = sum(line.blank_before for line in lines)
    if not blanks_matter and blanks >= _BLANK_EVERYWHERE * len(lines):
        for line in lines:
            line.blank_before = False  # pdfminer's one box per line: blanks mean nothing
    kinds = structural_kinds(lines)
    kinds.update(head_kinds(lines, kinds))
    kinds.update(spanning_titles(lines, kinds))
    return kinds


class _Builder:
    """Walks the lines once, growing paragraphs and emitting structural lines as blocks."""

    def __init__(
        self, lines: list[Line], kinds: dict[int, str], crossed: set[int], merged: bool
    ) -> None:
        self.lines = lines
        self.merged = merged  # lines cut out of merged rows: each stands after a blank
        self.kinds = kinds
        self.crossed = crossed  # numbers of lines interleaved from several columns: kept apart
        self.blocks: list[RawBlock] = []
        self.open: list[Line] = []  # the lines of the paragraph being grown
        self.resume: list[Line] = []  # a paragraph cut by a head set inside it, to go on
        self.open_kind = PARAGRAPH
        self.open_speaker: str | None = None
        self.indents = indented_layout(lines)
        self.taken: set[int] = set()  # lines emitted with the line before them

    def build(self) -> list[RawBlock]:
        """Every line in one block, in source order."""
        for i, line in enumerate(self.lines):
            kind = self.kinds.get(i)
            if i in self.taken:
                continue  # emitted with the line before it
            if kind is None:
                self._body(i, line)
                continue
            if kind in _MULTI_LINE and self.open_kind == kind and self._goes_on(line):
                self.open.append(line)  # a title or deck set over two lines is one
                continue
            if kind == CAPTION_TAIL:
                continue  # emitted with its caption
            self._close()
            if kind == CAPTION and self.kinds.get(i + 1) == CAPTION_TAIL:
                self._flush_resume()
                tails = 2 if self.kinds.get(i + 2) == CAPTION_TAIL else 1
                self._emit(CAPTION, self.lines[i : i + 1 + tails])
                continue
            if kind in _MULTI_LINE:
                self.open, self.open_kind, self.open_speaker = [line], kind, None
            else:
                self._flush_resume()
                self._emit(kind, [line, *self._place_after_byline(i, kind)])
        self._close()
        self._flush_resume()
        return continued_title(_stacked_heads(self.blocks))

    def _place_after_byline(self, i: int, kind: str) -> list[Line]:
        """本报记者 某某 / 上海报道: a byline set over two lines in a box is one byline."""
        below = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if kind != BYLINE or below is None or not _PLACE_REPORT.fullmatch(below.text):
            return []
        self.taken.add(i + 1)
        return [below]

    def _flush_resume(self) -> None:
        """Emit a cut paragraph still waiting for its sentence to go on: no line is lost."""
        if self.resume:
            self._emit(PARAGRAPH, self.resume)
            self.resume = []

    def _goes_on(self, line: Line) -> bool:
        """A title or deck line continues the open one: its second line, or a short third
        after a colon or a short line (a fourth, or a long third, starts another title)."""
        if not self.open or len(self.open) > _TITLE_LINES:
            return False
        if line.blank_before and not self.merged:
            return False  # an extractor's blank sets apart heads of different type sizes
        if len(self.open) < _TITLE_LINES:
            return True
        last = self.open[-1].text
        return last.endswith(("：", ":")) or len(line.text) <= _SHORT_TITLE_TAIL

    def _body(self, i: int, line: Line) -> None:
        """A body line: a heading, the start of a paragraph, or the next line of one."""
        if self._interjected(i, line):
            # a head the extractor set inside a cut sentence (a shuffled page): the sentence
            # goes on after it
            self._flush_resume()
            self.resume, self.open = self.open, []
            below = self.lines[i + 1]
            if _head_line(below) and not below.blank_before and not _bulleted(line):
                self.kinds[i + 1] = TITLE  # two head lines in a row: a title set over two
                self.open, self.open_kind, self.open_speaker = [line], TITLE, None
            else:
                self._emit(HEADING, [line])
            return
        if self._ends_here(i, line):
            self._close()
        if self.resume and not self.open:
            self.open, self.open_kind, self.open_speaker = self.resume, PARAGRAPH, None
            self.resume = []
            if not self._ends_here(i, line):
                self.open.append(line)
                return
            self._close()
        if not self.open and self._is_heading(i, line):
            self._emit(HEADING, [line])
            return
        if not self.open:
            self.open_kind, _text, self.open_speaker = line_kind(line.text)
            if self.open_kind not in (QUESTION, ANSWER):
                self.open_kind, self.open_speaker = PARAGRAPH, None
        self.open.append(line)

    def _interjected(self, i: int, line: Line) -> bool:
        """A short head line right after a full line cut mid-sentence: no paragraph goes on
        after its sentence is cut and then ends short without a sentence end."""
        if self.open_kind != PARAGRAPH or not self.open or i + 1 >= len(self.lines):
            return False
        if line.number in self.crossed:
            return False
        prev, below = self.open[-1], self.lines[i + 1]
        if _bulleted(line) and not ends_sentence(prev.text) and not line.blank_before:
            return True  # ■ 风险处置仍待完善 set in mid-sentence: a heading the text runs past
        if not is_full(prev) or ends_sentence(prev.text) or line.blank_before:
            return False
        if _LATIN_START.match(below.text):
            return False  # cut before a number it could not split (…只有 / 2.85%”。)
        if _quote_open(self.open) and not (_head_line(below) and not below.blank_before):
            return False  # a short line in a quote, unless a title set over two lines
        return _head_line(line) and self.kinds.get(i + 1) is None

    def _ends_here(self, i: int, line: Line) -> bool:
        """The open paragraph ends before this line."""
        if not self.open:
            return False
        if line.number in self.crossed or self.open[-1].number in self.crossed:
            return True
        if self.open_kind in _MULTI_LINE:
            return True
        prev = self.open[-1]
        if line.blank_before:
            return True
        if ends_sentence(prev.text):
            if not self.indents:
                return True  # no first-line indents: a sentence end at a line's end may be all
            following = self.lines[i + 1] if i + 1 < len(self.lines) else None
            if _heading_filling_column([prev], line, following) and is_heading_text(line.text):
                return True  # a heading as wide as the column, an indented paragraph under it
            return not is_full(prev) or is_first_line(line) or _opens_block(line)
        return is_short(prev) and prev.text[-1] in _SOFT_END

    def _is_heading(self, i: int, line: Line) -> bool:
        """A line without sentence punctuation between paragraphs, either short (a full-width
        column line is never short unless its paragraph ends) or followed by an indented first
        line."""
        if not is_heading_text(line.text):
            return False
        following = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if _bulleted(line):
            return True  # ■ 某某, 【某某】: set as a heading whatever its width
        numbered = _CN_NUMBERED.match(line.text)
        if numbered and not _ANY_PUNCT.intersection(line.text[numbered.end() :]):
            before = self.lines[i - 1] if i else None
            if before is None or ends_sentence(before.text):
                return True  # 三、额度管理与风险提示: numbered, as wide as its column or not
        if is_full(line) and not _heading_filling_column(self.lines[i - 1 : i], line, following):
            return False
        if following is None or self.kinds.get(i + 1) is not None:
            return is_short(line) and len(line.text) >= _SHORTEST_LONE_HEADING
        if len(line.text) < _SHORTEST_LONE_HEADING and following.blank_before:
            return False  # a word or two alone between blank lines: a stray piece, not a heading
        if self._second_head_line(line, following):
            return True  # the second line of a head set over two (a title, no byline)
        if _LATIN_START.match(following.text) and not following.blank_before:
            return False  # a line cut before a number or a Latin word it could not split
        if _nearly_full(line) and not following.blank_before and _runs_on(line, following):
            return False  # a first line without its indent, its sentence running on
        return is_short(line) or (is_first_line(following) and not following.blank_before)

    def _second_head_line(self, line: Line, following: Line) -> bool:
        """Short, right under a heading, and no sentence running on into the next line."""
        if not self._after_heading(line) or not is_short(line) or is_first_line(line):
            return False
        return not _runs_on(line, following)

    def _after_heading(self, line: Line) -> bool:
        """The line right before this one was emitted as a heading."""
        last = self.blocks[-1] if self.blocks else None
        return last is not None and last.kind == HEADING and last.lines[-1][1] == line.number - 1

    def _close(self) -> None:
        """Emit the open paragraph, if any."""
        if self.open:
            self._emit(self.open_kind, self.open, self.open_speaker)
            self.open = []

    def _emit(self, kind: str, lines: list[Line], speaker: str | None = None) -> None:
        """One block from consecutive lines."""
        structural = kind not in (PARAGRAPH, QUESTION, ANSWER)
        if structural and kind == BYLINE:
            text = " ".join(line.raw.strip() for line in lines)  # its place may be on a line below
        else:
            text = _unwrapped(lines)
        if structural and kind in (FURNITURE, CAPTION, SOURCE, CONTINUATION):
            text = lines[0].raw if len(lines) == 1 else text
        span = [(lines[0].number, lines[-1].number)]
        self.blocks.append(RawBlock(kind, text, span, speaker, unwrapped=True))


_BULLETS = SECTION_BULLETS | frozenset("□")
_PLACE_REPORT = re.compile(r"[\u4e00-\u9fff]{2,6}(?:报道|电)")  # the place line of a byline
_CN_NUMBERED = re.compile("^[一二三四五六七八九十]{1,3}、")
_ANY_PUNCT = frozenset("，。；：！？、,;:!?")


def _heading_filling_column(before: list[Line], line: Line, following: Line | None) -> bool:
    """A heading as wide as a narrow column: no punctuation at all between a sentence's end
    and an indented first line."""
    if line.indented or _ANY_PUNCT.intersection(line.text) or following is None:
        return False
    ended = not before or ends_sentence(before[0].text)
    return ended and following.indented and not following.blank_before


def _stacked_heads(blocks: list[RawBlock]) -> list[RawBlock]:
    """Two or three heading lines in a row are one title set over several lines (a page's
    title with no byline under it), not headings with nothing between them."""
    out: list[RawBlock] = []
    run: list[RawBlock] = []
    for block in blocks:
        if block.kind == HEADING and _adjacent(run, block):
            run.append(block)
            continue
        out += _as_title(run)
        run = [block] if block.kind == HEADING else []
        if block.kind != HEADING:
            out.append(block)
    return out + _as_title(run)


def _as_title(run: list[RawBlock]) -> list[RawBlock]:
    """A run of two or three heading lines as one title; any other run as it is."""
    if not 2 <= len(run) <= _MAX_STACKED or all(b.text[:1] in _BULLETS for b in run):
        return run  # 【…】【…】: marked headings that found no text between them
    span = [(run[0].lines[0][0], run[-1].lines[-1][1])]
    return [RawBlock(TITLE, "".join(b.text for b in run), span, None, unwrapped=True)]


def _adjacent(run: list[RawBlock], block: RawBlock) -> bool:
    """The block's line follows the run's last line directly (or the run is empty)."""
    return not run or run[-1].lines[-1][1] + 1 == block.lines[0][0]


def _quote_open(lines: list[Line]) -> bool:
    """A quotation opened in these lines is not closed yet."""
    text = "".join(line.text for line in lines)
    return text.rfind("“") > text.rfind("”")


def _bulleted(line: Line) -> bool:
    """■ 某某, 【某某】: a section's heading by its mark, with no punctuation."""
    return line.text[:1] in _BULLETS and not _ANY_PUNCT.intersection(line.text)


def _head_line(line: Line) -> bool:
    """Short, of a head's words, no sentence end: a title or heading line, never a body line
    (in justified columns only a paragraph's last line is short, and it ends a sentence)."""
    return (
        is_short(line)
        and len(line.text) >= _SHORTEST_LONE_HEADING
        and is_heading_text(line.text)
        and not ends_sentence(line.text)
    )


def _nearly_full(line: Line) -> bool:
    """Three quarters of its column or more: a paragraph's first line that lost its indent
    looks like this, a heading seldom does."""
    return line.width >= _NEARLY_FULL * line.column


def indented_layout(lines: list[Line]) -> bool:
    """Paragraphs start with an indent: most lines after a short line that ends a sentence are
    two characters short of their column (too few such starts to tell: assume so)."""
    starts = [
        following
        for line, following in pairwise(lines)
        if is_short(line) and ends_sentence(line.text) and not following.blank_before
    ]
    indented = sum(1 for line in starts if is_first_line(line))
    return len(starts) < _MIN_STARTS or indented >= _INDENT_SHARE * len(starts)


def _opens_block(line: Line) -> bool:
    """After a sentence end, a Q&A turn ("记者：…") or a short line without punctuation (a
    heading) cannot continue the paragraph."""
    if line_kind(line.text)[0] in (QUESTION, ANSWER):
        return True
    return is_short(line) and is_heading_text(line.text)


def _unwrapped(lines: list[Line]) -> str:
    """The lines as one paragraph: no space between CJK pieces, one between Latin words."""
    pieces = [lines[0].text]
    for line, following in pairwise(lines):
        pieces += (latin_gap(line.text, following.text), following.text)
    return "".join(pieces)


def _runs_on(line: Line, following: Line) -> bool:
    """One sentence runs across the break: a quote closed below, a sentence's tail, a word."""
    return continues_into(line.text, following.text) or word_across(line, following)
