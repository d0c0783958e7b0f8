"""Source: a file's bytes in, clean text out (`LoadedText`).

Finds the encoding, removes control characters and escape sequences, and names the file in every
`InputError`. Open `decode.py` first.
"""

from article.source.decode import InputError, clean_text, load_text, safe_line, text_id

__all__ = ["InputError", "clean_text", "load_text", "safe_line", "text_id"]
