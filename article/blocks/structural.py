"""Lines of extracted text that are never part of a paragraph, known by what they say:
page furniture (headers, footers, adverts, chart labels), captions and source lines, bylines
and continuation markers."""

from __future__ import annotations

import re

import article.blocks.furniture as furn
from article.blocks.heads import byline_text
from article.blocks.kinds import line_kind
from article.blocks.lines import Line, ends_sentence, is_full, is_short
from article.model import BYLINE, CAPTION, CONTINUATION, FURNITURE, HEADING, SOURCE

_EDGE_LINES = 6  # running headers and footers stand within this many lines of an end
_CHART_LINES = 40  # a chart's caption and source line stand at most this far apart
_CHART_TAIL = 4  # lines after a source line where stray chart labels may stand
_TINY_LABEL = 4  # characters of a stray chart label
CAPTION_TAIL = "caption_tail"  # a line of the caption above it (no block of its own)
_CAPTION_TAIL = 12  # characters of a caption's last line under it
_PHOTO_CREDIT_END = re.compile(r"(?:摄|供图)$")
_CHART_TITLES = ("图表", "表")
_CHART_TITLE_TAIL = 4
# First characters of the structural lines that may hold a ， or 。 (captions, source lines,
# continuation markers): any other line with one is running text
_STRUCTURE_OPENERS = frozenset("图表附▲△资数信来注（(【[上下接转续")


def structural_kinds(lines: list[Line]) -> dict[int, str]:
    """Line index -> kind for every line that is never part of a paragraph."""
    kinds: dict[int, str] = {}
    last = len(lines) - 1
    for i, line in enumerate(lines):
        kind = _line_structure(line, i <= _EDGE_LINES or i >= last - _EDGE_LINES)
        if kind:
            kinds[i] = kind
    _mark_charts(lines, kinds)
    _mark_running_neighbours(lines, kinds)
    _mark_caption_tails(lines, kinds)
    _mark_table_heads(lines, kinds)
    return kinds


def _mark_table_heads(lines: list[Line], kinds: dict[int, str]) -> None:
    """A table's header rows and its title, right above its first row, are its furniture."""
    for i in [
        i for i, kind in kinds.items() if kind == FURNITURE and furn.is_table_row(lines[i].raw)
    ]:
        j = i - 1
        while j >= 0 and j not in kinds and furn.is_cell_row(lines[j].raw):
            kinds[j] = FURNITURE
            j -= 1
        if j >= 0 and j not in kinds and furn.is_table_title(lines[j].text):
            kinds[j] = FURNITURE


def _mark_caption_tails(lines: list[Line], kinds: dict[int, str]) -> None:
    """A caption cut mid-sentence ends on the short line under it (…讲解净值型产品的收益 /
    计算方式。): that line is the caption's, not a paragraph."""
    for i in [i for i, kind in kinds.items() if kind == CAPTION]:
        after = lines[i + 2].text if i + 2 < len(lines) else ""
        j = i + 1
        if j < len(lines) and _caption_tail(lines[i], lines[j], after) and j not in kinds:
            kinds[j] = CAPTION_TAIL
            j += 1
        if j < len(lines) and kinds.get(j) in (None, FURNITURE) and _photo_credit(lines[j]):
            kinds[j] = CAPTION_TAIL  # 罗某某 摄: the photographer's credit on its own line


def _photo_credit(line: Line) -> bool:
    """A short line naming who took or gave the photo (某某 摄, 公司供图)."""
    return len(line.text) <= _CAPTION_TAIL and bool(_PHOTO_CREDIT_END.search(line.raw))


def _caption_tail(caption: Line, line: Line, after: str) -> bool:
    """The caption stops mid-sentence and the line ends the sentence, short of any column."""
    if ends_sentence(caption.text) or not is_short(line) or len(line.text) > _CAPTION_TAIL:
        return False
    if ends_sentence(line.text) or _PHOTO_CREDIT_END.search(line.raw):
        return True  # …讲解净值型产品的收益 / 计算方式。 — …本报记 / 者 某某 摄
    # a chart's title wrapped (图表：某某近五年营业 / 收入) over its unit line or first number
    closed = caption.text.endswith(("）", ")"))  # 图表：某某（亿元）: whole, its unit given
    chart = caption.text.startswith(_CHART_TITLES) and len(line.text) <= _CHART_TITLE_TAIL
    chart = chart and not closed
    over_chart = after.startswith("单位") or furn.is_bare_number(after)
    return chart and over_chart and not furn.CLAUSE_MARKS.intersection(line.text)


def _line_structure(line: Line, at_edge: bool) -> str | None:
    """The kind of a line that stands alone by what it says, else None."""
    text, raw = line.text, line.raw
    if text[0] not in _STRUCTURE_OPENERS and ("，" in text or "。" in text):
        return None  # running text: no header or byline has a ， or 。
    if furn.is_running_line(raw) or furn.is_bare_number(text) or furn.is_table_row(raw):
        return FURNITURE
    if at_edge and (furn.is_paper_name(text) or furn.is_page_number(text)):
        return FURNITURE
    if furn.is_web_address(text):
        return FURNITURE
    if furn.is_caption(text):
        # ▲价格下跌时获得赔付, short of its column: a section's head (a caption's first line
        # in a narrow column fills it)
        return HEADING if furn.marked_heading(text) and not is_full(line) else CAPTION
    if furn.is_source_line(text):
        return SOURCE
    if byline_text(raw):
        return BYLINE
    kind = line_kind(text)[0]
    return kind if kind == CONTINUATION else None


def _mark_charts(lines: list[Line], kinds: dict[int, str]) -> None:
    """Short label lines between a chart's caption and its source line are the chart's text,
    and so are tiny labels set apart by blank lines just after the source line."""
    captions = [i for i, kind in kinds.items() if kind == CAPTION]
    for start in captions:
        stop = min(len(lines), start + _CHART_LINES)
        end = next((j for j in range(start + 1, stop) if kinds.get(j) == SOURCE), None)
        if end is None:
            continue
        for j in range(start + 1, end):
            if j not in kinds and furn.is_chart_label(lines[j].raw) and not is_full(lines[j]):
                kinds[j] = FURNITURE
        for j in range(end + 1, min(len(lines), end + _CHART_TAIL)):
            line = lines[j]
            if j not in kinds and line.blank_before and len(line.text) <= _TINY_LABEL:
                kinds[j] = FURNITURE


def _mark_running_neighbours(lines: list[Line], kinds: dict[int, str]) -> None:
    """A paper's name, a section name or a web address beside a running header line is part
    of that header, wherever the extractor put it; a tiny label beside a bar value is part of
    the chart."""
    running = [i for i, kind in kinds.items() if kind == FURNITURE]
    for i in running:
        for j in range(max(0, i - 2), min(len(lines), i + 3)):
            if j not in kinds and _header_part(lines[j].text, lines[i].text):
                kinds[j] = FURNITURE
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and j not in kinds and _chart_neighbour(lines[j], lines[i]):
                kinds[j] = FURNITURE


def _chart_neighbour(line: Line, furniture: Line) -> bool:
    """A label of a few characters right beside a bar value or axis tick."""
    return (
        furn.is_bare_number(furniture.text)
        and len(line.text) <= _TINY_LABEL
        and (furn.is_chart_label(line.raw))
    )


def _header_part(text: str, neighbour: str) -> bool:
    """A paper name or web address anywhere near a header; a short section name right after
    a bare page code."""
    if furn.is_paper_name(text) or furn.is_web_address(text):
        return True
    return furn.is_page_code(neighbour) and len(text) <= 8 and furn.is_chart_label(text)
