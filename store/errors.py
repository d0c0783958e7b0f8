"""Store errors whose text is one line a person can act on."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A storage failure; str(e) is one line naming the file and the problem."""


class CorruptDatabase(StoreError):
    """The database file does not parse, so it is left untouched for the user to restore."""

    def __init__(self, path: Path, problem: str, backup: Path | None) -> None:
        self.path = path
        self.backup = backup
        self.problem = problem
        if backup is not None:
            hint = f"left untouched; restore it from the backup {backup}"
        else:
            hint = "left untouched; no backup exists"
        super().__init__(_one_line(f"notes database {path} is unreadable ({problem}); {hint}"))


def _one_line(text: str) -> str:
    """Collapse newlines so the message stays on one line of stderr."""
    return text.replace("\r", " ").replace("\n", " ")
