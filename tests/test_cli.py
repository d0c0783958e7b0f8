"""The command line of the contract: sub-commands, exit statuses, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ARTICLE = (
    "# 澄江农商银行加码小微贷款\n\n"
    "本报记者 司马青 报道\n\n"
    "澄江农商银行(601777.SH)表示，截至2026年6月末，该行小微企业贷款余额为45.6亿元，"
    "同比增长12.5%。\n\n"
    "该行行长欧阳明指出，今年将新增授信不少于300户。\n"
)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's database or cache."""
    monkeypatch.setenv("JINGDU_DB", str(tmp_path / "env-db.json"))
    monkeypatch.setenv("JINGDU_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "澄江.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_follows_schema_1(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["analyze", str(article), "--json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == 1
    assert data["source"]["path"] == str(article)
    assert data["source"]["encoding"] == "utf-8"
    assert len(data["source"]["sha256"]) == 64
    assert data["title"] == "澄江农商银行加码小微贷款"
    kinds = [b["kind"] for b in data["blocks"]]
    assert kinds[:2] == ["title", "byline"]
    for key in ("articles", "entities", "figures", "duplicates"):
        assert isinstance(data[key], list)
    for item in data["entities"] + data["figures"]:
        assert data["blocks"][item["block"]]["text"][item["start"] : item["end"]] == item["text"]


def test_same_text_in_another_encoding_has_the_same_doc_id(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(ARTICLE.encode("gbk"))
    _, out_utf8, _ = run(["analyze", str(article), "--json"], capsys)
    _, out_gbk, _ = run(["analyze", str(gbk), "--json"], capsys)
    a, b = json.loads(out_utf8), json.loads(out_gbk)
    assert a["doc_id"] == b["doc_id"]
    assert b["source"]["encoding"] == "gb18030"
    assert a["source"]["sha256"] != b["source"]["sha256"]
    assert [x["text"] for x in a["blocks"]] == [x["text"] for x in b["blocks"]]


def test_analyze_text_outline_is_for_people(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["analyze", str(article)], capsys)
    assert code == 0
    assert "澄江农商银行加码小微贷款" in out
    assert "文章 1" in out
    assert not out.lstrip().startswith("{")


def test_analyze_defaults_to_the_bundled_seed(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["source"]["path"].endswith("000_ae48cb718f3105d7.txt")
    assert len(data["articles"]) >= 2


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "directory"),
        (lambda d: (d / "bin.txt", (d / "bin.txt").write_bytes(b"\x00\x01\x02PK"))[0], "binary"),
        (lambda d: (d / "empty.txt", (d / "empty.txt").write_bytes(b""))[0], "empty"),
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, problem: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    for argv in (["analyze", str(path), "--json"], ["export", str(path)]):
        code, out, err = run(argv, capsys)
        assert code == 2
        assert out == ""
        assert err.count("\n") == 1
        assert str(path) in err and problem in err


def test_bad_usage_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["analyze", "--bogus"], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "--bogus" in err
    code, _, err = run(["--db"], capsys)
    assert code == 2 and "--db" in err


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for word in ("analyze", "export", "--db", "JINGDU_DB"):
        assert word in out
    for command in ("analyze", "export"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        assert "usage: jingdu " + command in capsys.readouterr().out


def test_export_writes_markdown_and_db_flag_wins_over_env(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "notes.md"
    db = tmp_path / "flag-db.json"
    code, _, err = run(["export", str(article), "-o", str(out_file), "--db", str(db)], capsys)
    assert code == 0, err
    text = out_file.read_text("utf-8")
    assert text.startswith("---\n")
    assert "澄江农商银行加码小微贷款" in text
    code, out, _ = run(["--db", str(db), "export", str(article)], capsys)
    assert code == 0 and out.startswith("---\n")
    assert not (tmp_path / "env-db.json").exists()


def test_corrupt_database_exits_2_and_is_not_touched(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "broken.json"
    db.write_bytes(b'{"notes": {"1": {"quote": "half a no')
    before = db.read_bytes()
    code, _, err = run(["export", str(article), "--db", str(db)], capsys)
    assert code == 2
    assert str(db) in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "JINGDU_CACHE_DIR": "off"}
    missing = tmp_path / "gone.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli", str(missing)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip() == f"jingdu: {missing}: no such file"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_line_and_exit_1(article: Path) -> None:
    env = {**os.environ, "JINGDU_CACHE_DIR": "off"}
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "tui.cli", "analyze", str(article), "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
            timeout=60,
        )
    assert proc.returncode == 1
    assert proc.stderr.strip() == "jingdu: standard output: cannot write (No space left on device)"
