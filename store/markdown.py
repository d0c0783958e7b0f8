"""Escaping user text for Markdown (CommonMark, GitHub, Obsidian) and YAML front matter."""

from __future__ import annotations

import json
import re

# ASCII punctuation that can start inline structure: emphasis, code, links, HTML, entities,
# tables, headings/tags, strikethrough, Obsidian highlights (==), block ids (^), math ($).
_INLINE_SPECIALS = frozenset("\\`*_[]<>#|~^$=&")
_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")
_TAG_JUNK = re.compile(r"[^\w/-]+")
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")  # not U+3000: full-width spaces are text
# Characters outside YAML's printable set (plus line/paragraph separators), escaped as \uXXXX.
_YAML_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def escape_inline(text: str) -> str:
    """One line of user text that renders literally, also at the start of a Markdown line."""
    line = _ASCII_SPACE.sub(" ", text).strip(" ")  # no indentation that could become code
    escaped = "".join("\\" + ch if ch in _INLINE_SPECIALS else ch for ch in line)
    escaped = escaped.replace("%%", "%\\%")  # Obsidian comments
    if escaped[:1] in ("-", "+"):
        return "\\" + escaped
    return _ORDERED_MARKER.sub(r"\1\\\2", escaped, count=1)


def escape_lines(text: str) -> list[str]:
    """Multi-line user text as Markdown lines: hard breaks kept, paragraphs separated by ''."""
    out: list[str] = []
    for raw in text.splitlines():
        line = escape_inline(raw)
        if not line:
            if out and out[-1]:
                out.append("")
            continue
        if out and out[-1]:
            out[-1] += "\\"  # CommonMark hard line break: the user's line break survives
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def blockquote(text: str) -> list[str]:
    """User text as a blockquote that cannot end early or swallow what follows."""
    return [f"> {line}" if line else ">" for line in escape_lines(text)]


def tag(name: str) -> str:
    """A tag as `#tag`, reduced to characters Obsidian accepts in tags ('' if none remain)."""
    cleaned = _TAG_JUNK.sub("_", name.strip()).strip("_")
    return f"#{cleaned}" if cleaned else ""


def table_cell(text: str) -> str:
    """Text safe inside a table cell: pipes and specials escaped, one line. No line-start
    escapes: a cell never starts a list, so '30.5%' stays as written (not '30\\.5%')."""
    line = _ASCII_SPACE.sub(" ", text).strip(" ")
    escaped = "".join("\\" + ch if ch in _INLINE_SPECIALS else ch for ch in line)
    return escaped.replace("%%", "%\\%")


def yaml_scalar(value: str | int | None) -> str:
    """A YAML value that cannot break the front matter: ints bare, strings double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML quoted scalar...
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)  # ...if printable
