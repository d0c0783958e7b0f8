"""A yes/no modal, so nothing the user wrote is deleted by a stray key."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.quote import Typeset


class ConfirmScreen(ModalScreen[bool]):
    """Asks one question; y/Enter on 确定 answers yes, n/Esc answers no."""

    DEFAULT_CSS = """
        ConfirmScreen {
            align: center middle;
            background: $background 60%;
        }

        /* Quoted article text: a bar on the left, no 「」 to strand a bracket at a line start. */
        .quote {
            border-left: outer $primary 60%;
            padding-left: 1;
            color: $text-muted;
            text-style: italic;
        }

        #confirm-quote {
            max-height: 4;
            margin-top: 1;
        }

        #confirm-box {
            width: 60;
            height: auto;
            border: round $error;
            background: $surface;
            padding: 1 2;
        }

        #confirm-buttons {
            height: auto;
            margin-top: 1;
            align-horizontal: right;
        }

        #confirm-buttons Button {
            margin-left: 2;
        }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "确定"),
        Binding("n,escape", "answer(False)", "取消"),
    ]

    def __init__(self, question: str, quote: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.quote = quote

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question", markup=False)
            if self.quote:
                yield Static(Typeset(self.quote), id="confirm-quote", classes="quote")
            with Horizontal(id="confirm-buttons"):
                yield Button("确定 (y)", id="yes", variant="error")
                yield Button("取消 (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        """Focus 取消, so a stray Enter keeps what the user wrote."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A click answers like the keys do."""
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
