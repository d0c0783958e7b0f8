"""Lines of extracted text measured as a column sees them: width in characters, justification
spaces removed, the column width around each line."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from math import ceil

WINDOW = 12  # lines either side that tell a line's column width
_MIN_COLUMN_LINES = 4  # lines of one width it takes to call that width a column
_SENTENCE_END = frozenset("。！？!?…；;")
_CLOSERS = frozenset("”’」』）)》")
# A space is a justification gap where both sides are CJK-ish (ideograph, CJK mark,
# full-width form) or one side is and the other a digit or ASCII mark.
_CJKISH = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’—…·"
_GAP_CJK = re.compile(rf"(?<=[{_CJKISH}])[ \t\u3000\u00a0]+(?=[{_CJKISH}0-9%.,(（])")
_GAP_AFTER = re.compile(rf"(?<=[0-9%.,)）])[ \t\u3000\u00a0]+(?=[{_CJKISH}])")
_NO_GAP = frozenset("\t\u3000\u00a0")  # with " ": the spaces the gap patterns remove
_SPACED = re.compile(r"(?<=\S) (?=\S)")
_COLUMN_GAP = re.compile(rf"(?<=[{_CJKISH}0-9%)）]) (?=[{_CJKISH}0-9(（])")
_MIN_SEGMENT = 4  # characters of a column's piece of a merged line
_MERGED_SHARE = 0.25  # of long lines holding several columns: the text runs across columns


@dataclass(slots=True)
class Line:
    """One non-blank line of extracted text, as the unwrapping reads it."""

    number: int  # 1-based line number in the source text
    raw: str  # as extracted, stripped
    text: str  # justification spaces removed
    width: float
    indented: bool  # began with white space: a paragraph's first line in some extractors
    blank_before: bool
    column: float = 0.0  # the width of a full line of the column around it
    slack: float = 1.0  # how far short of its column the line may stop and still be full


def width_of(text: str) -> float:
    """Width in full-width characters: ASCII counts half, spaces nothing."""
    blank = text.count(" ") + text.count("\t") + text.count("\r")
    half = len(text.encode("ascii", "ignore")) - blank  # ASCII but blanks, counted in C
    return len(text) - blank - text.count("\u3000") - half / 2


def _letter_spaced(text: str) -> bool:
    """pdfminer spaces every character of a justified line: '3 0 % 的 有 1 1 家'."""
    tokens = text.split()
    return len(tokens) >= 6 and sum(len(t) == 1 for t in tokens) >= 0.6 * len(tokens)


def unspaced(text: str) -> str:
    """The line without the spaces no writer types: between CJK characters, between CJK and
    digits, and between all single characters of a letter-spaced line; Latin words keep theirs."""
    if " " not in text and _NO_GAP.isdisjoint(text):
        return text  # no space any rule below removes: most CJK lines
    if _letter_spaced(text):
        text = _SPACED.sub(_join_single, text)
    return _GAP_AFTER.sub("", _GAP_CJK.sub("", text))


def _join_single(match: re.Match[str]) -> str:
    """Drop a space between two characters unless both neighbours are Latin words."""
    text, at = match.string, match.start()
    left = text[max(0, at - 2) : at]
    right = text[match.end() : match.end() + 2]
    words = left.isascii() and left.isalpha() and right.isascii() and right.isalpha()
    return " " if words and len(left.strip()) == 2 and len(right.strip()) == 2 else ""


def read_lines(text: str, merged: bool | None = None) -> list[Line]:
    """The non-blank lines with their widths and the column width around each; a text whose
    lines run across several columns (`merged`, found when not given) is read column by
    column first."""
    raw_lines = text.split("\n")
    if merged is None:
        merged = columns_merged(raw_lines)
    pieces = _column_pieces(raw_lines) if merged else _plain_pieces(raw_lines)
    found = [_line(number, raw, blank) for number, raw, blank in pieces]
    _set_columns(found)
    return found


Piece = tuple[int, str, bool]  # (line number, text as extracted, a blank line before it)


def _line(number: int, raw: str, blank: bool) -> Line:
    """One Line, measured."""
    stripped = raw.strip()
    clean = unspaced(stripped)
    indented = raw[:1] in (" ", "\u3000", "\t")
    line = Line(number, stripped, clean, width_of(clean), indented, blank)
    if not clean.isascii() and not ends_sentence(clean):
        line.slack += _ASCII_SLACK * _ascii_count(clean)
    return line


def _plain_pieces(raw_lines: list[str]) -> list[Piece]:
    """Every non-blank line as it stands."""
    pieces: list[Piece] = []
    blank = False
    for number, raw in enumerate(raw_lines, 1):
        if not raw.strip():
            blank = True
            continue
        # a title's last line and the byline on one baseline, read as one line
        byline = _TRAILING_BYLINE.match(raw.strip()) if "记者" in raw else None
        jump = _TRAILING_JUMP.match(raw.strip()) if "版" in raw else None
        if byline and byline["head"][-1] not in _TOLD_TO:
            pieces += [(number, byline["head"], blank), (number, byline["tail"], False)]
        elif jump:  # a jump head and its continuation marker on one baseline
            pieces += [(number, jump["head"], blank), (number, jump["tail"], False)]
        else:
            pieces.append((number, raw, blank))
        blank = False
    return pieces


_TOLD_TO = frozenset("受对向给被让请的了据")  # 接受本报记者某某: a sentence, not a title
_TRAILING_JUMP = re.compile(
    r"^(?P<head>[^，。；：！？、,;:\s（(]{4,24})\s*(?P<tail>[（(](?:上接|下转|转|接)[^（）()]{1,8}[）)])$"
)
_TRAILING_BYLINE = re.compile(
    r"^(?P<head>[^，。；：！？、,;:\s]{4,24})\s*"
    r"(?P<tail>(?:本报|中经|新华社|[\u4e00-\u9fff]{2,4}(?:时报|日报|晚报|晨报|商报|周报|周刊|财经))"
    r"记者\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,8}报道)?)$"
)


def segments(line: str) -> list[str]:
    """A line cut at the single spaces that separate side-by-side columns: both sides CJK
    text of four characters or more (a byline's short names stay together)."""
    if " " not in line:
        return [line.strip()]
    parts = _COLUMN_GAP.split(line.strip())
    if len(parts) < 2 or any(width_of(part) < _MIN_SEGMENT for part in parts):
        return [line.strip()]
    return parts


def columns_merged(raw_lines: list[str]) -> bool:
    """Many lines hold several columns side by side (a row-ordered page read line by line)."""
    long = [line for line in raw_lines if width_of(line) >= 2 * _MIN_SEGMENT]
    merged = sum(1 for line in long if len(segments(line)) >= 2)
    return len(long) >= 8 and merged >= _MERGED_SHARE * len(long)


def _column_pieces(raw_lines: list[str]) -> list[Piece]:
    """The lines column by column: in each band of consecutive lines that hold the same number
    of columns, the first column's pieces top to bottom, then the second's, and so on."""
    pieces: list[Piece] = []
    band: list[tuple[int, list[str]]] = []
    for number, raw in enumerate(raw_lines, 1):
        parts = segments(raw) if raw.strip() else []
        if band and len(parts) != len(band[-1][1]):
            pieces.extend(_band_pieces(band))
            band = []
        if parts:
            band.append((number, parts))
    pieces.extend(_band_pieces(band))
    return pieces


def _band_pieces(band: list[tuple[int, list[str]]]) -> list[Piece]:
    """One band's pieces, column by column, each column set apart as after a blank line."""
    if not band:
        return []
    width = len(band[0][1])
    return [
        (number, parts[column], row == 0)
        for column in range(width)
        for row, (number, parts) in enumerate(band)
    ]


def _set_columns(lines: list[Line]) -> None:
    """Each line's column width: the commonest width nearby (ties: the wider), counting lines of
    four characters or more; first lines (indented) and short last lines are fewer."""
    # rounded up: a digit is a little wider than the half it is counted as, never narrower
    rounded = [ceil(line.width) if line.width >= 4 else 0 for line in lines]
    window: Counter[int] = Counter(rounded[: WINDOW + 1])
    column = float(_mode(window))
    for i, line in enumerate(lines):
        entering = rounded[i + WINDOW + 1] if i + WINDOW + 1 < len(lines) else None
        leaving = rounded[i - WINDOW - 1] if i - WINDOW - 1 >= 0 else None
        if entering != leaving:  # the same width in and out leaves the mode as it was
            if entering is not None:
                window[entering] += 1
            if leaving is not None:
                window[leaving] -= 1
                if not window[leaving]:
                    del window[leaving]
            column = float(_mode(window))
        line.column = column


def _mode(counts: Counter[int]) -> int:
    """The commonest non-zero width, counting lines one narrower half as much (full lines of
    a justified column fall a little short of it, never beyond it)."""
    best, best_score = 0, -1.0
    for width, n in counts.items():
        if width <= 0 or n <= 0:
            continue
        score = n + 0.5 * counts.get(width - 1, 0)
        if score > best_score or (score == best_score and width > best):
            best, best_score = width, score
    return best if best_score >= _MIN_COLUMN_LINES else 0


def latin_gap(left: str, right: str) -> str:
    """What joins two pieces of a wrapped line: one space between Latin words, else nothing."""
    a, b = left[-1:], right[:1]
    return " " if a.isascii() and a.isalpha() and b.isascii() and b.isalpha() else ""


def ends_sentence(text: str) -> bool:
    """The text ends a sentence: 。！？… or a closing quote after one."""
    text = text.rstrip()
    while text and text[-1] in _CLOSERS:
        if len(text) >= 2 and text[-2] in _SENTENCE_END:
            return True
        text = text[:-1]
    return bool(text) and text[-1] in _SENTENCE_END


def is_full(line: Line) -> bool:
    """The line fills its column (justified text): it was wrapped, not ended. Latin letters and
    digits are a little wider than half a character in most CJK fonts: each widens the slack
    of a line cut mid-sentence (one that ends a sentence short may be a paragraph's last)."""
    return line.column - line.slack <= line.width <= line.column + 1.5


_ASCII_SLACK = 0.2  # of a character, for each Latin letter or digit on the line
_MAX_ASCII_SLACK = 2.5


def _ascii_count(text: str) -> float:
    """Latin letters and digits of the line (capped: a long Latin run is no CJK line)."""
    return min(
        len(text.encode("ascii", "ignore")) - text.count(" "), _MAX_ASCII_SLACK / _ASCII_SLACK
    )


def is_short(line: Line) -> bool:
    """The line stops well before the column's edge: a paragraph's last line, or a heading."""
    return line.width < line.column - 2.75


def is_first_line(line: Line) -> bool:
    """Two characters short of the column: the indented first line of a paragraph."""
    return line.indented or line.column - 2.75 <= line.width < line.column - 1.0
