"""The note editor: the quote, a multi-line note and tags; ctrl+s saves, Esc cancels."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea

from tui.messages import NoteDraft
from tui.quote import Typeset

NOTE_ROWS = 10  # the note field's height when there is room
EDITOR_CHROME = 18  # rows around the note field: borders, title, quote, tags, keys, margins

_TAG_SPLIT = re.compile(r"[\s,，、;；#]+")


def parse_tags(text: str) -> list[str]:
    """'财经, #银行 AI' -> ['财经', '银行', 'AI']: any common separator, no duplicates."""
    tags: list[str] = []
    for tag in _TAG_SPLIT.split(text):
        if tag and tag not in tags:
            tags.append(tag)
    return tags


class NoteEditor(ModalScreen[NoteDraft | None]):
    """Edits one draft; returns it with the new text and tags, or None when cancelled."""

    DEFAULT_CSS = """
        NoteEditor {
            align: center middle;
            background: $background 60%;
        }

        #note-editor {
            width: 80%;
            max-width: 100;
            height: auto;
            max-height: 90%;
            border: round $primary;
            background: $surface;
            padding: 0 1;
        }

        #note-title {
            text-style: bold;
            color: $primary;
        }

        /* Quoted article text: a bar on the left, no 「」 to strand a bracket at a line start. */
        .quote {
            border-left: outer $primary 60%;
            padding-left: 1;
            color: $text-muted;
            text-style: italic;
        }

        #note-quote {
            max-height: 6;
            margin: 1 0;
        }

        #note-problem {
            color: $error;
            text-style: bold;
        }

        #note-text {
            height: 10;
        }

        #note-hint {
            color: $text-muted;
        }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "保存", priority=True),
        Binding("escape", "cancel", "取消"),
        # Priority: handled as the key arrives, so the keys typed after it in the same burst
        # (a paste, an IME commit) are already sent to the other field.
        Binding("tab", "switch_field", "切换字段", priority=True, show=False),
        Binding("shift+tab", "switch_field", "切换字段", priority=True, show=False),
    ]

    # Keys that close the editor: what is typed after them waits for the reader (tui.typeahead).
    CLOSE_KEYS: ClassVar[frozenset[str]] = frozenset({"ctrl+s", "escape"})

    def __init__(self, draft: NoteDraft, *, problem: str | None = None) -> None:
        super().__init__()
        self.draft = draft
        self.problem = problem

    def compose(self) -> ComposeResult:
        title = "编辑笔记" if self.draft.note_id else "新笔记"
        with Vertical(id="note-editor"):
            yield Label(f"{title} · ¶{self.draft.block + 1}", id="note-title")
            yield Static(Typeset(self.draft.quote), id="note-quote", classes="quote")
            if self.problem:
                yield Static(self.problem, id="note-problem", markup=False)
            blink = bool(getattr(self.app, "CURSOR_BLINK", True))
            note = TextArea(self.draft.text, id="note-text", soft_wrap=True)
            note.cursor_blink = blink
            yield note
            tags = Input(
                " ".join(self.draft.tags), placeholder="标签（空格或逗号分隔）", id="note-tags"
            )
            tags.cursor_blink = blink
            yield tags
            yield Static("ctrl+s 保存 · Esc 取消 · Tab 切换到标签", id="note-hint")

    def on_mount(self) -> None:
        """Start typing the note straight away (unless a quick Tab already chose the tags)."""
        if self.focused is None:
            self.set_focus(self.query_one(TextArea))

    def action_switch_field(self) -> None:
        """Note ⇄ tags, at once (Widget.focus would wait for keys already queued)."""
        note = self.query_one(TextArea)
        self.set_focus(self.query_one(Input) if self.focused is note else note)

    def on_resize(self, event: events.Resize) -> None:
        """On a short terminal the note field gives up rows, so the keys line stays in view."""
        spare = event.size.height - EDITOR_CHROME - (3 if self.problem else 0)
        self.query_one(TextArea).styles.height = max(3, min(NOTE_ROWS, spare))

    def current(self) -> NoteDraft:
        """The draft as edited so far."""
        text = self.query_one(TextArea).text
        tags = parse_tags(self.query_one(Input).value)
        return replace(self.draft, text=text, tags=tags)

    def action_save(self) -> None:
        """Return the edited draft once both fields have taken the keys typed before ctrl+s."""
        note, tags = self.query_one(TextArea), self.query_one(Input)
        note.call_later(tags.call_later, self._save_now)

    def _save_now(self) -> None:
        """Return the edited draft (an empty note is allowed: the quote alone is worth keeping)."""
        if self.is_active:
            self.dismiss(self.current())

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the tags field saves too."""
        event.stop()
        self.action_save()
