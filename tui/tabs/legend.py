"""Entity type order and the colour legend, shared by the 实体 tab and the help screen."""

from __future__ import annotations

from collections.abc import Iterable

from rich.style import Style
from rich.text import Text

from tui.theme import ENTITY_STYLES, entity_label

EntityStyles = dict[str, Style]

KNOWN_TYPES: tuple[str, ...] = tuple(style.type for style in ENTITY_STYLES)


def type_label(kind: str) -> str:
    """The Chinese name of an entity type (人物 for PERSON); unknown types show as given."""
    return entity_label(kind)


def type_order(kinds: Iterable[str]) -> list[str]:
    """Known types in the theme's order, then any others alphabetically."""
    present = set(kinds)
    known = [k for k in KNOWN_TYPES if k in present]
    return known + sorted(present - set(known))


def legend_text(styles: EntityStyles) -> Text:
    """'人物 机构 地点 …' each in its own highlight style, on one line."""
    out = Text()
    for kind in KNOWN_TYPES:
        if out:
            out.append(" ")
        out.append(f" {type_label(kind)} ", style=styles.get(kind, Style()))
    return out
