"""The pipeline's stages: an instant first document, then the cached full analysis."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from article import cache
from article.analyze import analyze, open_text, quick_document

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "# 栖霞银行发布养老金融方案\n\n本报记者 沈青 报道\n\n"
    "记者：该行今年的目标是什么？\n\n"
    "蒋怀远：到年底，养老金融客户数不少于50万户。\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_quick_document_needs_no_dictionary(article: Path) -> None:
    """The first screen must not wait for jieba: the quick document never imports it."""
    code = (
        "import sys; from article.analyze import quick_document, open_text;"
        f"doc = quick_document(open_text({str(article)!r}));"
        "print(sys.modules.get('jieba') is None, [b.kind for b in doc.blocks])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.startswith("True")
    assert "'question', 'answer'" in out


def test_quick_and_full_documents_share_the_doc_id(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JINGDU_CACHE_DIR", str(tmp_path / "cache"))
    loaded = open_text(article)
    quick, full = quick_document(loaded), analyze(loaded)
    assert quick.doc_id == full.doc_id
    assert not quick.analysed and full.analysed
    assert [b.text for b in quick.blocks] == [b.text for b in full.blocks]


def test_second_open_is_served_from_the_cache(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JINGDU_CACHE_DIR", str(tmp_path / "cache"))
    first = analyze(open_text(article))
    files = list((tmp_path / "cache").glob("*.json"))
    assert len(files) == 1
    data = json.loads(files[0].read_text("utf-8"))
    data["title"] = "from the cache"
    files[0].write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    second = analyze(open_text(article))
    assert second.title == "from the cache"
    assert second.to_json()["entities"] == first.to_json()["entities"]


def test_a_broken_cache_entry_is_recomputed(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JINGDU_CACHE_DIR", str(tmp_path / "cache"))
    loaded = open_text(article)
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / f"{cache.key_for(loaded.text)}.json").write_text("{not json")
    assert analyze(loaded).title == "栖霞银行发布养老金融方案"


def test_cache_off_writes_nothing(
    article: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JINGDU_CACHE_DIR", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    analyze(open_text(article))
    assert not any(tmp_path.rglob("*.json"))
