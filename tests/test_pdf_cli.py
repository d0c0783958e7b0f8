"""`jingdu analyze` on PDFs: the JSON contract, the reading-order text, bad files, time limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_fixture import two_page_continuation

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "pages" / "p02" / "page.pdf"
BAD = ROOT / "tests" / "pdf_bad"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one CLI call."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_of_a_pdf_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "analyze", str(PAGE), "--json", "--no-cache")
    assert code == 0 and err == ""
    data = json.loads(out)
    gold = json.loads((PAGE.parent / "clean.json").read_text("utf-8"))
    assert data["source"]["encoding"] == "pdf"
    assert len(data["articles"]) == len(gold.get("articles") or [gold])
    for block in data["blocks"]:
        assert block["page"] == 1 and len(block["boxes"]) == len(block["lines"])
        assert all(len(box) == 5 for box in block["boxes"])
    for entity in data["entities"]:
        assert (
            data["blocks"][entity["block"]]["text"][entity["start"] : entity["end"]]
            == (entity["text"])
        )


def test_text_is_what_lines_refer_to(capsys: pytest.CaptureFixture[str]) -> None:
    _code, text, _err = run(capsys, "analyze", str(PAGE), "--text")
    _code, out, _err = run(capsys, "analyze", str(PAGE), "--json", "--no-cache")
    lines = text.split("\n")
    for block in json.loads(out)["blocks"]:
        shown = "".join("".join(lines[a - 1 : b]) for a, b in block["lines"])
        assert shown.replace(" ", "") == block["text"].replace(" ", "")


def test_text_of_a_text_file_is_its_clean_text(capsys: pytest.CaptureFixture[str]) -> None:
    seed = ROOT / "seeds" / "000_ae48cb718f3105d7.txt"
    _code, text, _err = run(capsys, "analyze", str(seed), "--text")
    assert text.rstrip("\n") == seed.read_text("utf-8").replace("\r\n", "\n").rstrip("\n")


def test_a_pdf_is_known_by_its_first_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "page.bin"
    target.write_bytes(PAGE.read_bytes())
    code, out, _err = run(capsys, "analyze", str(target), "--json", "--no-cache")
    assert code == 0 and json.loads(out)["source"]["encoding"] == "pdf"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("encrypted.pdf", "encrypted"),
        ("scanned.pdf", "no text layer"),
        ("garbage.pdf", "no Unicode"),
        ("truncated.pdf", "truncated"),
        ("notpdf.pdf", "not a PDF"),
        ("empty.pdf", "empty"),
    ],
)
def test_bad_pdfs_are_one_line_and_exit_2(
    name: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "analyze", str(BAD / name), "--json", "--no-cache")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and name in err and problem in err
    assert "Traceback" not in err


def test_a_slow_pdf_meets_the_time_limit() -> None:
    env = dict(os.environ, JINGDU_PDF_TIMEOUT="0.000001", JINGDU_CACHE_DIR="off")
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli", "analyze", str(PAGE), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2 and "longer than" in proc.stderr
    assert proc.stderr.count("\n") == 1


def test_a_continued_article_is_stitched_across_pages(tmp_path: Path) -> None:
    from article.analyze import open_text, structure

    path = tmp_path / "two.pdf"
    path.write_bytes(two_page_continuation())
    doc = structure(open_text(path))
    assert len(doc.articles) == 1
    joined = [r for r in doc.repairs if "continued on page 2" in r.detail]
    assert len(joined) == 1
    block = doc.blocks[joined[0].block]
    assert [box[0] for box in block.boxes][-1] == 2
    assert "港区实现无缝衔接" in block.text


def test_a_lone_continuation_marker_is_kept_and_flagged(tmp_path: Path) -> None:
    import pypdf

    from article.analyze import open_text, structure

    whole = tmp_path / "two.pdf"
    whole.write_bytes(two_page_continuation())
    writer = pypdf.PdfWriter()
    writer.add_page(pypdf.PdfReader(whole).pages[0])
    single = tmp_path / "one.pdf"
    with single.open("wb") as out:
        writer.write(out)
    doc = structure(open_text(single))
    markers = [b for b in doc.blocks if b.kind == "continuation"]
    assert len(markers) == 1 and "continued" in markers[0].flags
    assert "truncated_end" in doc.blocks[markers[0].index - 1].flags


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "pages" / "bad").glob("*.pdf")))
def test_the_corpus_bad_pdfs_are_one_line_and_exit_2(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "analyze", str(path), "--json", "--no-cache")
    assert code == 2 and out == "" and err.count("\n") == 1 and path.name in err
