"""Short labels for bookmarks: the first words of a paragraph, cut at a word boundary."""

from __future__ import annotations

from article.segment import cut

LABEL_CHARS = 16  # enough to recognise a paragraph in a list


def paragraph_label(text: str, limit: int = LABEL_CHARS) -> str:
    """The paragraph's first words up to about `limit` characters, with '…' if cut short."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    label = ""
    for word in cut(flat):
        if label and len(label) + len(word) > limit:
            break
        label += word
        if len(label) >= limit:
            break
    return label[: limit * 2].rstrip() + "…"
