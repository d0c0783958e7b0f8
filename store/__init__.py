"""Persistence of notes, bookmarks and reading positions, and Markdown export (no Textual)."""
