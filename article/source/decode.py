"""Turn a file's bytes into clean text: find the encoding, drop what could drive a terminal."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from article.model import LoadedText, Source


class InputError(Exception):
    """A file we cannot read as text; the message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


MAX_BYTES = 200_000_000  # far beyond any page of news; keeps a stray disk image from eating memory

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# strings, and two-character escapes. C1 equivalents (U+009B CSI, U+009D OSC) likewise.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?            # CSI
  | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|$)  # OSC, DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                             # other escapes
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)
# Invisible characters that reorder or hide text on a terminal (zero-width, bidi overrides
# and isolates) are removed like control characters, and counted with them.
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2066-\u2069"
_CONTROLS = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")


def _is_common_cjk(ch: str) -> bool:
    """True for the few thousand characters everyday Chinese text is made of."""
    try:
        gb = ch.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        b5 = ch.encode("big5")
        return len(b5) == 2 and 0xA4 <= b5[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _plausibility(text: str) -> float:
    """Share of CJK characters that are common ones: high for the right codec, low for mojibake."""
    sample = [c for c in text[:20000] if "\u3400" <= c <= "\u9fff"]
    if not sample:
        return 0.5
    return sum(map(_is_common_cjk, sample)) / len(sample)


def _unprintable_share(text: str) -> float:
    """Share of characters no article contains: unassigned, private-use or surrogate."""
    sample = text[:20000]
    if not sample:
        return 0.0
    odd = sum(1 for c in sample if unicodedata.category(c) in ("Cn", "Co", "Cs"))
    return odd / len(sample)


def _decode(path: Path, raw: bytes) -> tuple[str, str]:
    """Decode bytes, trying BOMs, UTF-8, then the Chinese legacy codecs by plausibility."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as err:
                raise InputError(path, f"undecodable {codec} text ({err.reason})") from None
            if _plausibility(text) < 0.5 or _unprintable_share(text) > 0.1:
                raise InputError(path, f"undecodable text (a {codec} mark, but not {codec} text)")
            return text.lstrip("\ufeff"), codec.replace("-sig", "")
    if b"\x00" in raw:
        raise InputError(path, "binary file (contains NUL bytes), not a text article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: list[tuple[float, str, str]] = []
    for codec in ("gb18030", "big5"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), codec, text))
    if not candidates:
        raise InputError(path, "undecodable text (not UTF-8, UTF-16, GB18030/GBK or Big5)")
    score, codec, text = max(candidates, key=lambda c: c[0])
    if score < 0.5:
        raise InputError(path, "undecodable text (not UTF-8, UTF-16, GB18030/GBK or Big5)")
    return text, codec


_NEEDS_CLEANING = re.compile(f"[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")


def clean_text(text: str) -> tuple[str, int]:
    """Normalise newlines and strip escape sequences and control characters; count removals."""
    if not _NEEDS_CLEANING.search(text):  # the usual case: one fast scan, nothing to change
        return text, 0
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    before = len(text)
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    return text, before - len(text)


def safe_line(text: str | Path) -> str:
    """A file name or message made safe for one terminal line: cleaned like the text, line
    breaks as spaces, lone surrogates (undecodable bytes of a file name) as U+FFFD."""
    cleaned, _ = clean_text(str(text))
    return re.sub("[\ud800-\udfff]", "\ufffd", cleaned.replace("\n", " "))


# Control bytes that no text file is made of (tab, newlines and ESC are told apart later).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D, 0x1B))


def _looks_binary(raw: bytes) -> bool:
    """Mostly control bytes means a binary file, whatever a codec would make of it."""
    sample = raw[:8192]
    return control_bytes(sample) > max(8, len(sample) // 10)


def control_bytes(sample: bytes) -> int:
    """How many bytes of the sample are control bytes (counted in C: those deleted)."""
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def read_bytes(path: str | Path) -> bytes:
    """Read a file, turning every OS failure into one clear InputError."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(p, "is a directory, not a text file")
        if p.exists() and not p.is_file():  # a FIFO or /dev/zero would never end
            raise InputError(p, "not a regular file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                p,
                f"too large ({size // 1_000_000} MB; jingdu reads up to "
                f"{MAX_BYTES // 1_000_000} MB)",
            )
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except PermissionError:
        raise InputError(p, "permission denied") from None
    except IsADirectoryError:
        raise InputError(p, "is a directory, not a text file") from None
    except OSError as err:
        raise InputError(p, f"cannot read ({err.strerror or err})") from None
    return raw


def decode_bytes(path: str | Path, raw: bytes) -> LoadedText:
    """Decode and clean bytes already read from `path`."""
    if not raw.strip():
        raise InputError(path, "empty file, nothing to read")
    if _looks_binary(raw) and not raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "binary file (mostly control bytes), not a text article")
    text, encoding = _decode(Path(path), raw)
    text, removed = clean_text(text)
    if not text.strip():
        raise InputError(path, "no readable text in the file")
    source = Source(path=str(path), encoding=encoding, sha256=hashlib.sha256(raw).hexdigest())
    return LoadedText(source=source, text=text, removed_controls=removed)


def load_text(path: str | Path) -> LoadedText:
    """Read and decode a text file, or raise InputError naming the file and the problem."""
    return decode_bytes(path, read_bytes(path))


def text_id(text: str) -> str:
    """Stable id of a document's text: the same text always gives the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


PDF_MAGIC = b"%PDF-"


def is_pdf(path: str | Path) -> bool:
    """A PDF by name (.pdf) or by its first bytes (%PDF-), whatever it is called."""
    if str(path).lower().endswith(".pdf"):
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(1024).lstrip().startswith(PDF_MAGIC)
    except OSError:
        return False
