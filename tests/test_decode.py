"""Loading text: every common Chinese encoding, hostile bytes, and files that are not text."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from article.source import decode
from article.source.decode import InputError, clean_text, load_text, text_id

SIMPLIFIED = (
    "# 青岚农商银行推出新贷\n\n本报记者 欧阳澜 报道\n\n"
    "截至10月末，该行发放贷款12.5亿元，同比增长8.2%。“服务实体经济。”\n"
)
TRADITIONAL = (
    "# 臺灣銀行業務發展\n\n記者 林書豪 報導\n\n該行發放貸款三千萬元，較去年增長百分之五。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
    ],
)
def test_simplified_in_every_encoding_gives_the_utf8_text(
    tmp_path: Path, data: bytes, encoding: str
) -> None:
    loaded = load_text(write(tmp_path, "a.txt", data))
    assert loaded.text == SIMPLIFIED
    assert loaded.source.encoding == encoding
    assert text_id(loaded.text) == text_id(SIMPLIFIED)


def test_big5_gives_the_utf8_text(tmp_path: Path) -> None:
    loaded = load_text(write(tmp_path, "b.txt", TRADITIONAL.encode("big5")))
    assert loaded.text == TRADITIONAL
    assert loaded.source.encoding == "big5"


def test_sha256_is_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    data = SIMPLIFIED.encode("gb18030")
    loaded = load_text(write(tmp_path, "c.txt", data))
    assert loaded.source.sha256 == hashlib.sha256(data).hexdigest()


def test_newlines_are_normalised(tmp_path: Path) -> None:
    data = "第一段。\r\n\r\n第二段。\r第三段。".encode()
    assert load_text(write(tmp_path, "d.txt", data)).text == "第一段。\n\n第二段。\n第三段。"


def test_escape_sequences_and_controls_are_removed_printables_kept() -> None:
    hostile = "标题\x1b[31m红\x1b[0m字\x1b]0;pwned\x07，\x1b]8;;http://x\x1b\\链接\x1b\\\x07\x00\x9b2J完。［全角］"
    text, removed = clean_text(hostile)
    assert text == "标题红字，链接完。［全角］"
    assert "\x1b" not in text
    assert removed > 0


def test_full_width_punctuation_is_kept_as_is() -> None:
    text, _ = clean_text("（一）ＡＢＣ１２３：“引号”")
    assert text == "（一）ＡＢＣ１２３：“引号”"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"\xfd\xfc\x80\x81\xff" * 50, "undecodable"),
        (b"\xff\xfe" + b"\xfd\xfc\x80\x81\x00\xd8" * 50, "undecodable"),
    ],
)
def test_bad_files_raise_one_clear_error(tmp_path: Path, data: bytes, problem: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as info:
        load_text(path)
    message = str(info.value)
    assert message.startswith(str(path))
    assert problem in message
    assert "\n" not in message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        load_text(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", "内容".encode())
    path.chmod(0)
    with pytest.raises(InputError, match="permission"):
        load_text(path)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_clean_text_leaves_no_control_and_keeps_every_printable(text: str) -> None:
    cleaned, _ = clean_text(text)
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in cleaned)
    if (
        "\x1b" not in text
        and "\x9b" not in text
        and not any(c in text for c in "\x90\x98\x9d\x9e\x9f")
    ):
        printable = [c for c in text if unicodedata.category(c) != "Cc" and c not in INVISIBLE]
        assert [c for c in cleaned if c not in "\n "] == [c for c in printable if c != " "]
    assert not any(c in INVISIBLE for c in cleaned)


# Zero-width characters and bidi overrides/isolates: they hide or reorder text on a terminal.
INVISIBLE = frozenset(
    [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)


@pytest.mark.parametrize("ch", sorted(INVISIBLE))
def test_invisible_characters_are_removed_and_counted_like_controls(ch: str) -> None:
    text, removed = clean_text(f"银行{ch}贷款\x07{ch}{ch}余额")
    assert text == "银行贷款余额"
    assert removed == 4  # three invisibles and the bell, each counted once


def test_a_file_full_of_bidi_overrides_loads_clean(tmp_path: Path) -> None:
    path = write(tmp_path, "bidi.txt", "付款\u202e元0001\u202c给对方\u200b。".encode())
    loaded = load_text(path)
    assert loaded.text == "付款元0001给对方。" and loaded.removed_controls == 3


def test_safe_line_cleans_a_file_name_for_one_terminal_line() -> None:
    name = "e\x1b]2;PWNED\x07\u202e.txt\n二行\udcff"
    assert decode.safe_line(name) == "e.txt 二行\ufffd"
    assert decode.safe_line(Path("普通/文件.txt")) == "普通/文件.txt"


def test_special_and_huge_files_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_text(fifo)
    big = write(tmp_path, "big.txt", "字".encode() * 100)
    monkeypatch.setattr("article.source.decode.MAX_BYTES", 200)
    with pytest.raises(InputError, match="too large"):
        load_text(big)


_BYTES = st.sampled_from([0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0xE4])


@given(st.lists(_BYTES, max_size=120))
def test_control_bytes_are_counted_as_defined(values: list[int]) -> None:
    """The C-level count equals counting control bytes one by one (tab, newlines, ESC aside)."""
    sample = bytes(values)
    expected = sum(1 for b in sample if b < 0x20 and b not in (0x09, 0x0A, 0x0D, 0x1B))
    assert decode.control_bytes(sample) == expected
