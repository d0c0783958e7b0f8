"""The document model: plain dataclasses shared by analysis, storage and the reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1

# Block kinds of the contract.
TITLE = "title"
BYLINE = "byline"
HEADING = "heading"
PARAGRAPH = "paragraph"
CAPTION = "caption"
SOURCE = "source"
CONTINUATION = "continuation"
QUESTION = "question"
ANSWER = "answer"
SUBTITLE = "subtitle"  # a deck line under a title
FURNITURE = "furniture"  # running headers and footers, text inside a chart: never joined
BLOCK_KINDS = (
    TITLE,
    BYLINE,
    HEADING,
    PARAGRAPH,
    CAPTION,
    SOURCE,
    CONTINUATION,
    QUESTION,
    ANSWER,
    SUBTITLE,
    FURNITURE,
)
BODY_KINDS = (PARAGRAPH, QUESTION, ANSWER)

# Block flags.
TRUNCATED_START = "truncated_start"
TRUNCATED_END = "truncated_end"


@dataclass(frozen=True, slots=True)
class Source:
    """Where the text came from, so a person can check it against the file."""

    path: str
    encoding: str
    sha256: str


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A decoded, cleaned source text, before any structure is found.

    For a PDF, `text` is the reading-order text the layout stage wrote (what block `lines`
    refer to) and `layout` holds the blocks and articles it found from the page geometry.
    A `partial` one holds the first page only: the analysis reads the whole file again.
    """

    source: Source
    text: str
    removed_controls: int = 0
    layout: Reflowed | None = None
    partial: bool = False  # a PDF's first page only, for the first screen; the rest follows


@dataclass(slots=True)
class RawBlock:
    """A block as found in the source, before reflow: one paragraph or marker line."""

    kind: str
    text: str
    lines: list[tuple[int, int]]
    speaker: str | None = None
    # from lines not set apart by blank lines, or ending in a column's line: no break repeats
    # a character
    unwrapped: bool = False
    unordered: bool = False  # columns were read across: no reading order to pair breaks by
    # characters dropped inside the block, doubled at a single line break: (offset in the
    # text after the kept copy, source line of the piece that lost its first character)
    repeats: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Repair:
    """One change reflow made, so the reader and `analyze` can explain it."""

    kind: str  # "join", "join_repeat", "moved_section", ...
    block: int  # index of the resulting block
    offset: int  # code-point offset in that block's text where the repair sits
    detail: str  # short human-readable explanation
    from_lines: tuple[int, int] | None = None  # source lines of the piece that was attached


@dataclass(slots=True)
class Piece:
    """A run of characters on one PDF line in one font and size: what the layout stage reads.

    Coordinates are PDF points with a top-left origin; `style` names the font and whether it
    is drawn bold (stroked), so headings can be told from body text.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    style: str
    bold: bool = False


@dataclass(slots=True)
class PdfPage:
    """One page of a PDF as pieces of text, in the order the file draws them."""

    number: int  # 1-based
    width: float
    height: float
    pieces: list[Piece]


# A piece's place on a PDF page: (page, x0, top, x1, bottom) in points, top-left origin.
Box = tuple[int, float, float, float, float]


@dataclass(slots=True)
class Block:
    """A reflowed block as shown to the reader."""

    index: int
    kind: str
    text: str
    lines: list[tuple[int, int]]
    speaker: str | None = None
    article: int | None = None
    flags: list[str] = field(default_factory=list)
    page: int | None = None  # PDF sources only: the 1-based page of the first piece
    boxes: list[Box] = field(default_factory=list)  # PDF sources only: one box per piece

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "kind": self.kind,
            "text": self.text,
            "speaker": self.speaker,
            "article": self.article,
            "lines": [list(r) for r in self.lines],
            "flags": list(self.flags),
        }
        if self.page is not None:
            data["page"] = self.page
            data["boxes"] = [list(b) for b in self.boxes]
        return data


@dataclass(slots=True)
class ArticleInfo:
    """One article of the page: its title, byline and blocks in reading order."""

    title: str | None
    byline: str | None
    blocks: list[int]

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "byline": self.byline, "blocks": list(self.blocks)}


@dataclass(frozen=True, slots=True)
class Entity:
    """A named thing mentioned in a block, by code-point offsets into the block text."""

    type: str
    text: str
    block: int
    start: int
    end: int
    why: str | None = None  # the rule or evidence that found it, for a person to judge

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "block": self.block,
            "start": self.start,
            "end": self.end,
        }
        if self.why is not None:
            data["why"] = self.why
        return data


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity in the text with its normalised value and what it measures."""

    text: str
    value: float
    high: float | None
    unit: str
    qualifier: str | None
    label: str | None
    subject: str | None
    block: int
    start: int
    end: int
    why: str | None = None  # the rule or evidence behind the label and subject

    def to_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        high: float | int | None = self.high
        if high is not None and float(high).is_integer():
            high = int(high)
        return {
            "text": self.text,
            "value": value,
            "high": high,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "label": self.label,
            "subject": self.subject,
            "block": self.block,
            "start": self.start,
            "end": self.end,
        } | ({"why": self.why} if self.why is not None else {})


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A passage printed twice: block[start:end] repeats of_block from of_start."""

    block: int
    start: int
    end: int
    of_block: int
    of_start: int

    def to_json(self) -> dict[str, Any]:
        return {
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "of_block": self.of_block,
            "of_start": self.of_start,
        }


@dataclass(slots=True)
class Document:
    """Everything the reader and the exporter know about one source file."""

    source: Source
    doc_id: str
    title: str | None
    articles: list[ArticleInfo]
    blocks: list[Block]
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    analysed: bool = False  # False while entities and figures are still to come
    warnings: list[str] = field(default_factory=list)  # what a person must know to trust it

    def to_json(self) -> dict[str, Any]:
        """The contract's schema 1; `repairs` is an addition."""
        return {
            "schema": SCHEMA_VERSION,
            "source": {
                "path": self.source.path,
                "encoding": self.source.encoding,
                "sha256": self.source.sha256,
            },
            "doc_id": self.doc_id,
            "title": self.title,
            "articles": [a.to_json() for a in self.articles],
            "blocks": [b.to_json() for b in self.blocks],
            "entities": [e.to_json() for e in self.entities],
            "figures": [f.to_json() for f in self.figures],
            "duplicates": [d.to_json() for d in self.duplicates],
            "repairs": [
                {
                    "kind": r.kind,
                    "block": r.block,
                    "offset": r.offset,
                    "detail": r.detail,
                    "from_lines": list(r.from_lines) if r.from_lines else None,
                }
                for r in self.repairs
            ],
        } | ({"warnings": list(self.warnings)} if self.warnings else {})


@dataclass(slots=True)
class Reflowed:
    """What reflow returns: blocks in reading order, grouped into articles."""

    blocks: list[Block]
    articles: list[ArticleInfo]
    duplicates: list[Duplicate] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)


def document_from_json(data: dict[str, Any]) -> Document:
    """Rebuild a Document from its `to_json` form (the analysis cache stores that)."""
    src = data["source"]
    return Document(
        source=Source(path=src["path"], encoding=src["encoding"], sha256=src["sha256"]),
        doc_id=data["doc_id"],
        title=data["title"],
        articles=[
            ArticleInfo(a["title"], a["byline"], list(a["blocks"])) for a in data["articles"]
        ],
        blocks=[
            Block(
                index=b["index"],
                kind=b["kind"],
                text=b["text"],
                lines=[(r[0], r[1]) for r in b["lines"]],
                speaker=b["speaker"],
                article=b["article"],
                flags=list(b["flags"]),
                page=b.get("page"),
                boxes=[tuple(box) for box in b.get("boxes", ())],  # type: ignore[misc]
            )
            for b in data["blocks"]
        ],
        entities=[Entity(**e) for e in data["entities"]],
        figures=[Figure(**f) for f in data["figures"]],
        duplicates=[Duplicate(**d) for d in data["duplicates"]],
        repairs=[
            Repair(
                kind=r["kind"],
                block=r["block"],
                offset=r["offset"],
                detail=r["detail"],
                from_lines=tuple(r["from_lines"]) if r.get("from_lines") else None,  # type: ignore[arg-type]
            )
            for r in data.get("repairs", [])
        ],
        analysed=True,
        warnings=list(data.get("warnings", [])),
    )
