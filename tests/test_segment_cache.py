"""jieba's dictionary is built in memory: no shared /tmp/jieba.cache, nothing on the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_analyze_writes_no_jieba_cache_and_prints_nothing_of_jieba(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    (temp / "jieba.cache").mkdir()  # another user's cache: neither readable nor replaceable
    article = tmp_path / "a.txt"
    article.write_text("澄江农商银行表示，小微企业贷款余额为45.6亿元。\n", "utf-8")
    env = {**os.environ, "TMPDIR": str(temp), "JINGDU_CACHE_DIR": "off", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "tui.cli", "analyze", str(article)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert sorted(p.name for p in temp.iterdir()) == ["jieba.cache"]
    assert list((temp / "jieba.cache").iterdir()) == []
