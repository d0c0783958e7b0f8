"""Line breaking for Chinese text by terminal cells, pure functions so they are easy to test."""

from __future__ import annotations

import re

from rich.cells import cell_len

# Characters a line must not start with (closing punctuation, and marks that hang on the
# previous character) and characters a line must not end with (opening punctuation).
NO_START = frozenset("，。、；：？！）】》」』”’…—·〉〕｝］〗〙〛％‰,.;:?!)]}%～ー々")
NO_END = frozenset("（【《「『“‘〈〔｛［〖〘〚([{")
# Units that read as one with the number before them: 4000亿元 is not cut after 4000.
NUMBER_UNITS = frozenset("万亿千百十元角个年月日号时点股家人户笔只项倍岁天周")
INDENT = "\u3000\u3000"  # two full-width spaces

_LATIN = r"[0-9A-Za-z\u00c0-\u024f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]"
# A Latin word or number with inner connectors (601988.SH, 30.5, e-mail, 1,200) is one atom;
# every other character is an atom of its own.
_ATOM = re.compile(rf"{_LATIN}+(?:[.,:/'’_\-+&@]{_LATIN}+)*|.", re.DOTALL)


def _atoms(text: str, limit: int) -> list[str]:
    """Unbreakable pieces of `text`; pieces wider than `limit` are split into characters."""
    atoms = _ATOM.findall(text)
    if any(len(a) > 1 and cell_len(a) > limit for a in atoms):
        split: list[str] = []
        for atom in atoms:
            split.extend(atom if len(atom) > 1 and cell_len(atom) > limit else [atom])
        return split
    return atoms


def _can_break(prev: str, atom: str) -> bool:
    """Whether a line may end after `prev` and the next start with `atom`."""
    if atom.isspace():
        return False  # spaces hang at the end of the line they follow
    if atom[0] in NO_START or prev[-1] in NO_END:
        return False
    return not (prev[-1].isdigit() and atom in NUMBER_UNITS)


def wrap(text: str, width: int, first_width: int | None = None) -> list[tuple[int, int]]:
    """Contiguous (start, end) lines of at most `width` cells (`first_width` on line 1)."""
    width = max(width, 2)
    first = width if first_width is None else max(first_width, 2)
    atoms = _atoms(text, min(width, first))
    widths = [cell_len(a) for a in atoms]
    lines: list[tuple[int, int]] = []
    start_i = 0  # first atom of the current line
    start_pos = 0  # its character offset
    pos = 0  # character offset of atom i
    cells = 0
    limit = first
    i = 0
    n = len(atoms)
    while i < n:
        atom = atoms[i]
        if i == start_i or atom.isspace() or cells + widths[i] <= limit:
            cells += widths[i]
            pos += len(atom)
            i += 1
            continue
        j = i
        while j > start_i and not _can_break(atoms[j - 1], atoms[j]):
            j -= 1
        if j == start_i:  # no allowed break in the whole line: break where it overflows
            j = i
        cut_pos = pos - sum(len(a) for a in atoms[j:i])
        lines.append((start_pos, cut_pos))
        start_i, start_pos = j, cut_pos
        cells = sum(widths[j:i])
        limit = width
    lines.append((start_pos, len(text)))
    return lines


def visible_width(text: str) -> int:
    """Cells a line takes on screen, not counting the spaces that hang at its end."""
    return cell_len(text.rstrip())


def estimate_cells(text: str) -> int:
    """Fast approximate cell width: every non-ASCII character counted as two cells."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


def offset_at_cell(text: str, cell: int) -> int:
    """Index of the character drawn at `cell` cells from the start of `text` (clamped)."""
    used = 0
    for index, ch in enumerate(text):
        used += cell_len(ch)
        if used > cell:
            return index
    return max(len(text) - 1, 0)
