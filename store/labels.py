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
    return _whole(label[: limit * 2]).rstrip() + "…"


def _whole(label: str) -> str:
    """The label without a bracket left open at its end ('建设银行(601939' -> '建设银行'),
    so a ticker or an aside is shown whole or not at all."""
    for opener, closer in _BRACKETS:
        at = label.rfind(opener)
        if at > 0 and closer not in label[at:]:
            return label[:at]
    return label


_BRACKETS = (("(", ")"), ("（", "）"), ("“", "”"), ("《", "》"), ("【", "】"))
