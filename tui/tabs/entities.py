"""The 实体 tab: who and what the article mentions, grouped by type, like an e-reader's X-Ray."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from article.model import Document, Entity
from tui.entity_place import describe_mention
from tui.messages import JumpTo
from tui.tabs.legend import EntityStyles, legend_text, type_label, type_order
from tui.tabs.reading_list import ReadingList

_SEP = "\x1f"  # between type and text in option ids: never in article text after decoding


def group_entities(entities: list[Entity]) -> dict[str, list[tuple[str, int]]]:
    """Entity texts per type with their mention counts, most mentioned first."""
    counts: dict[str, Counter[str]] = {}
    for ent in entities:
        counts.setdefault(ent.type, Counter())[ent.text] += 1
    return {
        kind: sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        for kind, counter in counts.items()
    }


class EntitiesTab(Vertical):
    """Entities by type with counts; Enter cycles through the chosen entity's mentions."""

    def __init__(self, styles: Callable[[], EntityStyles], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._styles = styles
        self.mentions: dict[str, list[Entity]] = {}
        self.visits: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield Static("", classes="legend")
        yield Static("分析中…", classes="tab-status")
        yield ReadingList()

    def on_mount(self) -> None:
        """Draw the legend with the reader's live styles."""
        self.query_one(".legend", Static).update(legend_text(self._styles()))

    def set_document(self, doc: Document) -> None:
        """List the document's entities, or say they are still being found."""
        self.mentions = {}
        for ent in doc.entities:
            self.mentions.setdefault(_SEP.join((ent.type, ent.text)), []).append(ent)
        self.visits = {}
        status = f"{len(self.mentions)} 个实体 · Enter 依次跳到提及处"
        if not doc.analysed:
            status = "分析中…"
        elif not self.mentions:
            status = "没有找到实体"
        self.query_one(".tab-status", Static).update(status)
        self.query_one(".legend", Static).update(legend_text(self._styles()))
        options = self.query_one(OptionList)
        options.set_options(self._options(doc.entities))
        options.action_first()  # Enter works at once on the first entity, not on a heading

    def _options(self, entities: list[Entity]) -> list[Option]:
        """A disabled heading per type, then one row per entity with its count."""
        styles = self._styles()
        groups = group_entities(entities)
        options: list[Option] = []
        for kind in type_order(groups):
            style = styles.get(kind, Style())
            heading = Text(f"{type_label(kind)} {kind}", style=Style(bold=True))
            options.append(Option(heading, disabled=True))
            for text, count in groups[kind]:
                row = Text("  ")
                row.append(text, style=style)
                row.append(f"  ×{count}", style="dim")
                options.append(Option(row, id=_SEP.join((kind, text))))
        return options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter: go to the next mention of this entity, wrapping to the first."""
        event.stop()
        key = event.option.id
        if key is None or key not in self.mentions:
            return
        mentions = self.mentions[key]
        index = self.visits.get(key, -1) + 1
        index %= len(mentions)
        self.visits[key] = index
        ent = mentions[index]
        label = describe_mention(ent, index + 1, len(mentions))
        self.post_message(JumpTo(ent.block, ent.start, ent.end, label=label))
        status = f"{ent.text}：第 {index + 1}/{len(mentions)} 处 · Enter 下一处"
        if ent.why:  # the rule or evidence that found it, so a doubtful one can be judged
            status += f"\n依据：{ent.why}"
        self.query_one(".tab-status", Static).update(Text(status))
