"""Entity types as the reader names and styles them; styles are CSS component classes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityStyle:
    """How one entity type is labelled (legend, 实体 tab) and which component class styles it."""

    type: str
    label: str
    component: str


ENTITY_STYLES: tuple[EntityStyle, ...] = (
    EntityStyle("PERSON", "人物", "reader-view--entity-person"),
    EntityStyle("ORG", "机构", "reader-view--entity-org"),
    EntityStyle("PLACE", "地点", "reader-view--entity-place"),
    EntityStyle("TICKER", "代码", "reader-view--entity-ticker"),
    EntityStyle("DATE", "日期", "reader-view--entity-date"),
    EntityStyle("PRODUCT", "产品", "reader-view--entity-product"),
)
OTHER = EntityStyle("OTHER", "其他", "reader-view--entity-other")
_BY_TYPE = {style.type: style for style in ENTITY_STYLES}


def entity_style(entity_type: str) -> EntityStyle:
    """The style of an entity type; unknown types share one quiet style."""
    return _BY_TYPE.get(entity_type, OTHER)


def entity_label(entity_type: str) -> str:
    """The Chinese name of an entity type (人物, 机构, …), or the type itself if unknown."""
    style = _BY_TYPE.get(entity_type)
    return style.label if style else entity_type


# Entity colours: one per type, told apart also by readers with protanopia, deuteranopia or
# tritanopia (Okabe-Ito based; checked by simulation in tests/test_colours.py). Themes differ
# in background, not in how colours are seen, so there is one palette for dark and one for light.
DARK = {
    "PERSON": "#E69F00",
    "ORG": "#56B4E9",
    "PLACE": "#00C08B",
    "TICKER": "#F0E442",
    "DATE": "#CC79A7",
    "PRODUCT": "#FF6E40",
}
LIGHT = {
    "PERSON": "#994C00",
    "ORG": "#004CE6",
    "PLACE": "#178232",
    "TICKER": "#085068",
    "DATE": "#A00FBD",
    "PRODUCT": "#700000",
}
STYLE_OF = {"PERSON": "text-style: bold; ", "TICKER": "text-style: underline; "}

# Default looks, in theme variables so they follow the app theme; the app's CSS may override.
READER_CSS = """
ReaderView { background: $surface; }
ReaderView > .reader-view--title { color: $foreground; text-style: bold; }
ReaderView > .reader-view--byline { color: $text-muted; text-style: italic; }
ReaderView > .reader-view--heading { text-style: bold; }
ReaderView > .reader-view--caption { color: $text-muted; }
ReaderView > .reader-view--gutter { color: $text-muted; }
ReaderView > .reader-view--continuation { color: $text-muted; text-style: italic; }
ReaderView > .reader-view--speaker { text-style: bold; }
ReaderView > .reader-view--gap { color: $text-warning; }
ReaderView > .reader-view--rule { color: $primary; }
ReaderView > .reader-view--duplicate { color: $text-disabled; }
ReaderView > .reader-view--dup-note { color: $text-muted; text-style: italic; }
ReaderView > .reader-view--note { text-style: underline; }
ReaderView > .reader-view--bookmark { color: $text-accent; }
ReaderView > .reader-view--search { background: $warning 30%; }
ReaderView > .reader-view--search-current { background: $warning 80%; color: $background; }
ReaderView > .reader-view--cursor { background: $primary 25%; }
ReaderView > .reader-view--selection { background: $accent 45%; }
ReaderView > .reader-view--flash { background: $success 60%; }
ReaderView > .reader-view--entity-other { text-style: italic; }
""" + "".join(
    f"ReaderView:{mode} > .{style.component} {{ color: {colour}; {STYLE_OF.get(style.type, '')}}}\n"
    for mode, palette in (("dark", DARK), ("light", LIGHT))
    for style in ENTITY_STYLES
    for colour in (palette[style.type],)
)

# Every part of the reader a theme can style: block kinds, marks, cursor, entity types.
READER_COMPONENTS = frozenset(
    {
        *(f"reader-view--{kind}" for kind in ("paragraph", "question", "answer", "title")),
        *(f"reader-view--{kind}" for kind in ("byline", "heading", "caption", "continuation")),
        *(f"reader-view--{part}" for part in ("gutter", "speaker", "gap", "rule", "duplicate")),
        *(f"reader-view--{part}" for part in ("dup-note", "note", "bookmark", "search")),
        *(f"reader-view--{part}" for part in ("search-current", "cursor", "selection", "flash")),
        *(style.component for style in (*ENTITY_STYLES, OTHER)),
    }
)
