"""A readable outline of an analysis for `jingdu analyze` without --json."""

from __future__ import annotations

from collections import Counter

from article.model import TRUNCATED_END, TRUNCATED_START, Block, Document, Figure
from article.source import safe_line

PREVIEW = 36
KIND_NAMES = {
    "title": "标题",
    "byline": "署名",
    "heading": "小标题",
    "paragraph": "段落",
    "caption": "图注",
    "source": "来源",
    "continuation": "转版",
    "question": "问",
    "answer": "答",
    "subtitle": "副题",
    "furniture": "版面",
}


def _preview(text: str, width: int = PREVIEW) -> str:
    """The start of a block's text, on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _lines(block: Block) -> str:
    """Source line ranges as L7+L23 or L40-41."""
    return "+".join(f"L{a}" if a == b else f"L{a}-{b}" for a, b in block.lines)


def _block_line(block: Block) -> str:
    """One row of the outline: index, kind, provenance, gaps, preview."""
    kind = KIND_NAMES.get(block.kind, block.kind)
    start_gap = "⋯" if TRUNCATED_START in block.flags else ""
    end_gap = "⋯" if TRUNCATED_END in block.flags else ""
    text = f"{start_gap}{_preview(block.text)}{end_gap}"
    return f"  [{block.index + 1:>3}] {kind:<4} {_lines(block):<12} {text}"


def _figure_value(fig: Figure) -> str:
    """A figure's normalised value and unit, compact."""
    value = f"{fig.value:,.4f}".rstrip("0").rstrip(".")
    if fig.high is not None:
        value += "–" + f"{fig.high:,.4f}".rstrip("0").rstrip(".")
    return f"{value} {fig.unit}".strip()


def _article_section(doc: Document) -> list[str]:
    out: list[str] = []
    for number, article in enumerate(doc.articles, 1):
        title = article.title or "（无标题，转版续文）"
        out.append(f"文章 {number}：{title}")
        if article.byline:
            out.append(f"  {article.byline}")
        out.extend(_block_line(doc.blocks[i]) for i in article.blocks)
        out.append("")
    return out


def _repairs_section(doc: Document) -> list[str]:
    if not doc.repairs:
        return []
    out = [f"修复 {len(doc.repairs)} 处："]
    out.extend(f"  [{r.block + 1:>3}] {r.kind}: {r.detail}" for r in doc.repairs)
    gaps = [
        f"  [{b.index + 1:>3}] {'开头缺失' if TRUNCATED_START in b.flags else ''}"
        f"{'结尾缺失' if TRUNCATED_END in b.flags else ''}  {_preview(b.text, 24)}"
        for b in doc.blocks
        if TRUNCATED_START in b.flags or TRUNCATED_END in b.flags
    ]
    if gaps:
        out += ["", f"无法接续的断口 {len(gaps)} 处（标记为 ⋯）：", *gaps]
    return [*out, ""]


def _duplicates_section(doc: Document) -> list[str]:
    if not doc.duplicates:
        return []
    out = [f"重复段落 {len(doc.duplicates)} 处："]
    for d in doc.duplicates:
        text = doc.blocks[d.block].text[d.start : d.end]
        where = f"[{d.block + 1:>3}] {d.start}-{d.end}"
        out.append(f"  {where} 重复 [{d.of_block + 1}] 的 “{_preview(text, 20)}”")
    return [*out, ""]


def _entities_section(doc: Document) -> list[str]:
    if not doc.entities:
        return []
    counts = Counter((e.type, e.text) for e in doc.entities)
    out = [f"实体 {len(doc.entities)} 处，{len(counts)} 个："]
    by_type: dict[str, list[str]] = {}
    for (kind, text), n in counts.most_common():
        by_type.setdefault(kind, []).append(f"{text}×{n}" if n > 1 else text)
    out.extend(f"  {kind:<7} {'、'.join(names)}" for kind, names in by_type.items())
    return [*out, ""]


def _figures_section(doc: Document) -> list[str]:
    if not doc.figures:
        return []
    out = [f"数据 {len(doc.figures)} 项："]
    for fig in doc.figures:
        about = " · ".join(x for x in (fig.subject, fig.label) if x)
        out.append(f"  [{fig.block + 1:>3}] {fig.text:<14} = {_figure_value(fig):<22} {about}")
    return [*out, ""]


def outline(doc: Document) -> str:
    """The whole analysis as plain text for a person."""
    header = [
        doc.title or "（无标题）",
        f"文件 {safe_line(doc.source.path)}  编码 {doc.source.encoding}  doc_id {doc.doc_id}",
        f"{len(doc.articles)} 篇文章 · {len(doc.blocks)} 个段块 · {len(doc.repairs)} 处修复 · "
        f"{len(doc.duplicates)} 处重复 · {len(doc.entities)} 个实体 · {len(doc.figures)} 项数据",
        *(f"注意：{warning}" for warning in doc.warnings),
        "",
    ]
    sections = (
        _article_section(doc)
        + _repairs_section(doc)
        + _duplicates_section(doc)
        + _entities_section(doc)
        + _figures_section(doc)
    )
    return "\n".join(header + sections).rstrip() + "\n"
