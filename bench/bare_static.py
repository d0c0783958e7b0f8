"""The barest Textual app that shows a file: the baseline of bench_open's first-screen race."""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    """The file's text in one Static, nothing else."""

    BINDINGS = [("q", "quit", "quit")]  # noqa: RUF012

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text, markup=False)


if __name__ == "__main__":
    BareApp(Path(sys.argv[1]).read_text(encoding="utf-8-sig")).run()
