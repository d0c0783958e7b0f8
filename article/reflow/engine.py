"""Reflow: turn shuffled, cut-up raw blocks into articles a person can read, explaining each fix."""

from __future__ import annotations

from dataclasses import dataclass, field

from article.blocks import joiner
from article.gcpause import collector_paused
from article.model import (
    ANSWER,
    BODY_KINDS,
    CAPTION,
    CONTINUATION,
    FURNITURE,
    QUESTION,
    SOURCE,
    TRUNCATED_END,
    TRUNCATED_START,
    ArticleInfo,
    Block,
    Duplicate,
    RawBlock,
    Reflowed,
    Repair,
)
from article.reflow.dups import find_duplicates
from article.reflow.pairing import assign, candidates
from article.reflow.scoring import Piece, Scored
from article.reflow.sections import Move, Plan, group_articles
from article.reflow.signals import Start, list_heading, starts_of
from article.reflow.words import CLOSERS

_EVIDENCE = {
    "next": "紧接在后",
    "figure": "图表之后接排",
    "after_cut": "另一断句之后",
    "repeat": "断口两侧同一字",
    "name": "姓在断口前、名在断口后",
    "title+name": "职务后接人名",
    "subject+verb": "主语在前、说话动词在后",
    "numeral+measure": "数词接量词",
    "quantity": "前段待接数额",
    "quote": "前段开引号、后段合引号",
    "closing_punct": "后段以标点开头",
    "bound_char": "后段以虚字开头",
    "change": "前段给出原值、后段以“降至/提高到”给出新值",
    "word": "跨断口成词",
    "shared": "前后共有",
}


def _explain(note: str) -> str:
    """The reader's wording of one piece of evidence ("word 普遍" -> 跨断口成词“普遍”)."""
    plain = _EVIDENCE.get(note)  # most notes are a bare code ("next", "closing_punct")
    if plain is not None:
        return plain
    code, _, value = note.partition(" ")
    if code == "name" and value:
        return f"人名“{value}”见于上下文"
    text = _EVIDENCE.get(code, code)
    return f"{text}“{value}”" if value else text


@dataclass(slots=True)
class _Builder:
    """Accumulates output blocks, articles and repairs."""

    raw: list[RawBlock]
    edges: _Edges
    blocks: list[Block] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    first_block_of: list[int] = field(init=False)  # raw index -> output index (-1: not yet)

    def __post_init__(self) -> None:
        """Every raw block starts out not emitted."""
        self.first_block_of = [-1] * len(self.raw)

    def emit(self, members: list[int], chosen: list[Scored], article: int) -> list[int]:
        """Build the output blocks of one article: each chain of `chosen` joins becomes one
        block, placed where its earliest part stood; the others go as they are (most blocks:
        one tight loop)."""
        blocks, raw, first_block_of = self.blocks, self.raw, self.first_block_of
        orphan, dangling = self.edges.orphan, self.edges.dangling
        follows = {s.a: s for s in chosen}
        joined = {s.b: s.a for s in chosen}
        linked = follows.keys() | joined.keys()
        start = index = len(blocks)
        for i in members:
            if i in linked:
                if first_block_of[i] < 0:  # a chain's first part to come up: emit it
                    while i in joined:
                        i = joined[i]
                    self.emit_chain(i, follows, article)
                    index += 1
                continue
            head = raw[i]
            flags = [TRUNCATED_START] if orphan[i] else []  # `_Edges.gaps(i, i)`, written out
            if dangling[i]:
                flags.append(TRUNCATED_END)
            # the raw block's line list is handed over: neither changes once split
            blocks.append(
                Block(index, head.kind, head.text, head.lines, head.speaker, article, flags)
            )
            self._inner_repairs(index, head, 0)
            first_block_of[i] = index
            index += 1
        return list(range(start, index))

    def emit_chain(self, first: int, follows: dict[int, Scored], article: int) -> None:
        """Build one output block from the chain of joins that starts at raw block `first`."""
        index = len(self.blocks)
        head = self.raw[first]
        text, lines, last = head.text, list(head.lines), first
        self.first_block_of[first] = index
        self._inner_repairs(index, head, 0)
        while last in follows:
            join = follows[last]
            last = join.b
            part = self.raw[last]
            piece = part.text[join.repeat :]
            glue = joiner(text, piece)
            offset = len(text) + len(glue)
            text += glue + piece
            lines.extend(part.lines)
            self.repairs.append(self._join_repair(index, offset, join, part))
            self._inner_repairs(index, part, offset - join.repeat, join.repeat)
            self.first_block_of[last] = index
        flags = self.edges.gaps(first, last)
        self.blocks.append(Block(index, head.kind, text, lines, head.speaker, article, flags))

    def _inner_repairs(self, index: int, part: RawBlock, shift: int, cut: int = 0) -> None:
        """Report the characters split dropped inside the raw block, where they now sit."""
        for offset, line in part.repeats:
            if offset > cut:
                kept = part.text[offset - 1]
                detail = f"第{line}行行首重复的“{kept}”已去掉（单个换行处的断口重复）"
                self.repairs.append(
                    Repair("join_repeat", index, shift + offset, detail, (line, line))
                )

    def _join_repair(self, index: int, offset: int, join: Scored, part: RawBlock) -> Repair:
        """Explain one join: where it sits and what convinced us."""
        span = (part.lines[0][0], part.lines[-1][1])
        why = "；".join(map(_explain, join.evidence)) or "断口位置"
        if join.repeat:
            dropped = part.text[: join.repeat]
            detail = f"接续第{span[0]}行，去掉断口重复的“{dropped}”（{why}）"
            return Repair("join_repeat", index, offset, detail, span)
        return Repair("join", index, offset, f"接续第{span[0]}行（{why}）", span)


@dataclass(slots=True)
class _Edges:
    """Edge signals of every raw block, read once for the whole page: does its end dangle,
    how does it start (None: not body text, or a Q&A turn, which always opens), is that start
    an orphan's, and what stands before it ("dangling" after a cut-off body block, "figure"
    after a caption or source line)."""

    dangling: list[bool]
    starts: list[Start | None]
    orphan: list[bool]
    after: list[str | None]
    joinable: list[bool]  # a dangling end, or a start or place that hints at a continuation
    texts: list[str | None]  # the text of every body block (None: no body block)
    unwrapped: list[bool]  # blocks from hard-wrapped lines or a column: no break repeats a char
    previous: list[int] = field(default_factory=list)  # the block before, furniture skipped

    def gaps(self, first: int, last: int) -> list[str]:
        """The flags of an output block made of raw blocks first..last: visible gaps where no
        convincing partner was found for its start or its end."""
        flags = [TRUNCATED_START] if self.orphan[first] else []
        if self.dangling[last]:
            flags.append(TRUNCATED_END)
        return flags


def _edges(raw: list[RawBlock]) -> _Edges:
    """`_Edges` of a page, in one pass over it (starts read together, in one loop)."""
    n = len(raw)
    dangling, orphan = [False] * n, [False] * n
    after: list[str | None] = [None] * n
    opening: list[int] = []  # body blocks that are no Q&A turn: their start is read
    texts: list[str] = []  # their texts
    body: list[str | None] = [None] * n  # the text of every body block
    closers, heading = CLOSERS, list_heading
    cut = figure = False  # does the block before dangle, is it a caption or source line
    for i, block in enumerate(raw):
        if cut:
            after[i] = "dangling"
        elif figure:
            after[i] = "figure"
        kind = block.kind
        if kind in (FURNITURE, CONTINUATION):
            continue  # a running header or a jump marker between two halves of a sentence
        if kind in BODY_KINDS:
            body[i] = text = block.text
            # `dangles`, written out: most blocks end with a closer, and the call costs more
            cut = dangling[i] = bool(text) and text[-1] not in closers and not heading(text)
            figure = False
            if kind not in (QUESTION, ANSWER):
                opening.append(i)
                texts.append(text)
        else:
            cut, figure = False, kind in (CAPTION, SOURCE)
    starts: list[Start | None] = [None] * n
    joinable = dangling[:]
    for i, start in zip(opening, starts_of(texts), strict=True):
        starts[i] = start
        orphan[i] = start.orphan
        if start.hinted or after[i]:
            joinable[i] = True
    if any(block.unordered for block in raw):  # a visible gap beats a guessed order
        joinable = [can and not block.unordered for can, block in zip(joinable, raw, strict=True)]
    unwrapped = [block.unwrapped for block in raw]
    return _Edges(dangling, starts, orphan, after, joinable, body, unwrapped, _previous(raw))


def _previous(raw: list[RawBlock]) -> list[int]:
    """For each block, the index of the block before it that is not page furniture (-1)."""
    previous, last = [], -1
    for i, block in enumerate(raw):
        previous.append(last)
        if block.kind not in (FURNITURE, CONTINUATION):
            last = i
    return previous


def _pieces(plan: Plan, edges: _Edges) -> tuple[list[Piece], list[str]]:
    """The blocks of one article that may take part in a join, with their place in its
    reading order of body blocks; and the text of every body block, in that order."""
    pieces: list[Piece] = []
    texts: list[str] = []
    append, joinable, body = pieces.append, edges.joinable, edges.texts
    starts, dangling, after = edges.starts, edges.dangling, edges.after
    unwrapped, previous = edges.unwrapped, edges.previous
    for i in plan.members:
        text = body[i]
        if text is not None:
            if joinable[i]:
                piece = Piece(i, len(texts), text, starts[i], dangling[i], previous[i], after[i])
                piece.unwrapped = unwrapped[i]
                append(piece)
            texts.append(text)
    return pieces, texts


def _move_repair(move: Move, raw: list[RawBlock], builder: _Builder) -> Repair:
    """Explain a section moved into the article it belongs to."""
    first, last = raw[move.blocks[0]], raw[move.blocks[-1]]
    span = (first.lines[0][0], last.lines[-1][1])
    shared = "、".join(move.shared)
    detail = f"第{span[0]}–{span[1]}行移入第{move.to_article + 1}篇（共有：{shared}）"
    index = max(0, builder.first_block_of[move.blocks[0]])
    return Repair("moved_section", index, 0, detail, span)


def reflow(raw: list[RawBlock]) -> Reflowed:
    """Blocks in reading order, grouped into articles, with joins, gaps and repeats found."""
    with collector_paused():
        return _reflow(raw)


def _reflow(raw: list[RawBlock]) -> Reflowed:
    """The work of `reflow`."""
    plans, moves = group_articles(raw)
    edges = _edges(raw)
    builder = _Builder(raw, edges)
    articles: list[ArticleInfo] = []
    for number, plan in enumerate(plans):
        chosen = assign(candidates(*_pieces(plan, edges)))
        indices = builder.emit(plan.members, chosen, number)
        articles.append(ArticleInfo(plan.title, plan.byline, indices))
    builder.repairs.extend(_move_repair(m, raw, builder) for m in moves)
    return Reflowed(
        builder.blocks, articles, _duplicates(builder.blocks, articles), builder.repairs
    )


def _duplicates(blocks: list[Block], articles: list[ArticleInfo]) -> list[Duplicate]:
    """Passages printed twice within an article, in reading order. Two articles that share a
    passage quote the same words or carry the same boilerplate: that is no printing error."""
    texts = [b.text for b in blocks]
    found: list[Duplicate] = []
    for article in articles:
        if article.blocks:  # an article's blocks are one run of the document's
            first, last = article.blocks[0], article.blocks[-1] + 1
            found.extend(find_duplicates(texts[first:last], first))
    return found
