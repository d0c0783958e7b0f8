"""Checking every record of a loaded database, so a damaged one is refused instead of crashing."""

from __future__ import annotations

import json
import re
from typing import Any

# Field -> the JSON type it must have when present (ints are also >= 0, lists hold texts).
_NOTE_FIELDS: dict[str, type] = {
    "id": str,
    "doc_id": str,
    "source_path": str,
    "quote": str,
    "prefix": str,
    "suffix": str,
    "text": str,
    "created": str,
    "updated": str,
    "block": int,
    "start": int,
    "end": int,
    "tags": list,
    "orphaned": bool,
}
_BOOKMARK_FIELDS: dict[str, type] = {
    "id": str,
    "doc_id": str,
    "source_path": str,
    "label": str,
    "created": str,
    "block": int,
    "offset": int,
    "orphaned": bool,
}
_POSITION_FIELDS: dict[str, type] = {"doc_id": str, "updated": str, "block": int, "offset": int}
# Table -> (its fields, the field that must equal the record's key, the fields it must have).
_RECORDS: dict[str, tuple[dict[str, type], str, tuple[str, ...]]] = {
    "notes": (_NOTE_FIELDS, "id", ("id", "doc_id")),
    "bookmarks": (_BOOKMARK_FIELDS, "id", ("id", "doc_id")),
    "positions": (_POSITION_FIELDS, "doc_id", ("doc_id",)),
}
_EXPECTED = {str: "text", int: "a whole number ≥ 0", bool: "true or false", list: "a list of texts"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Lone surrogates come from \udXXX escapes or from raw bytes ED A0..BF (json.loads decodes
# bytes with surrogatepass); the cheap byte tests first, as the regex is slow on megabytes.
_MAY_HOLD_SURROGATES = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")


def shape_problem(data: object) -> str | None:
    """Why `data` is not a jingdu database, naming the first bad record; None if it is one.
    Runs on every load of a changed file, so the common path is a tight loop over types."""
    if not isinstance(data, dict):
        return "not a TinyDB database: the top level is not an object"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"not a TinyDB database: table {_short(name)} is not an object"
        for key, record in table.items():
            problem = _record_problem(name, key, record)
            if problem:
                return f"table {_short(name)}, record {_short(key)}: {problem}"
    return None


def _record_problem(table: str, key: str, record: object) -> str | None:
    """What is wrong with one record of `table`, or None."""
    if type(record) is not dict:
        return "not an object"
    if table == "meta":
        return _meta_problem(key, record)
    if table not in _RECORDS:
        return None  # a table we do not use: kept as it is
    fields, id_field, required = _RECORDS[table]
    for field in required:
        if field not in record:
            return f"no {_short(field)}"
    for field, value in record.items():
        expected = fields.get(field)
        if expected is not None and not _fits(value, expected):
            return _wrong(field, value, _EXPECTED[expected])
    if record[id_field] != key:  # updates find a record by this value
        return f"{_short(id_field)} is {_short(record[id_field])}, not its key"
    return None


def _fits(value: Any, expected: type) -> bool:
    """True when `value` has the JSON type `expected` (bool is no int; counts are >= 0)."""
    if type(value) is not expected:
        return False
    if expected is int:
        return bool(value >= 0)
    return expected is not list or all(type(item) is str for item in value)


def _meta_problem(key: str, record: dict[str, Any]) -> str | None:
    """The schema version must be a whole number: "1" (text) is damage, not a newer format."""
    if key != "schema":
        return None
    version = record.get("version")
    if type(version) is int and version >= 1:
        return None
    if "version" not in record:
        return 'no "version"'
    return _wrong("version", version, "a whole number ≥ 1")


def _wrong(field: str, value: object, expected: str) -> str:
    """'"block" is "abc", expected a whole number ≥ 0'."""
    return f"{_short(field)} is {_short(value)}, expected {expected}"


def _short(value: object) -> str:
    """A value as the JSON file shows it ("abc", null), cut short to keep the line readable."""
    text = _float_text(value) if isinstance(value, float) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:39] + "…"


def _float_text(value: float) -> str:
    """1e999 parses as inf: say it as a person wrote it."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "a number too large" if value > 0 else "a number too small"
    return repr(value)


def may_hold_surrogates(raw: bytes) -> bool:
    """Cheap test on the file's bytes: could parsing them yield lone surrogates?"""
    if b"\xed" not in raw and b"\\u" not in raw:
        return False
    return _MAY_HOLD_SURROGATES.search(raw) is not None


def replace_surrogates(text: str) -> str:
    """Lone surrogates cannot be encoded: each becomes U+FFFD, the replacement character."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def repair_surrogates(data: dict[str, Any]) -> None:
    """Replace lone surrogates in every record's key, texts and tag lists, in place."""
    for name, table in data.items():
        data[name] = {replace_surrogates(key): _repaired(rec) for key, rec in table.items()}


def _repaired(record: dict[str, Any]) -> dict[str, Any]:
    """One record with its texts made encodable (records are flat: texts, numbers, tag lists)."""
    fixed: dict[str, Any] = {}
    for field, value in record.items():
        if isinstance(value, str):
            value = replace_surrogates(value)
        elif isinstance(value, list):
            value = [replace_surrogates(v) if isinstance(v, str) else v for v in value]
        fixed[replace_surrogates(field)] = value
    return fixed
