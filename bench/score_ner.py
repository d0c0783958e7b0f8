"""Entity and figure scores of the whole analysis on a folder of gold articles.

Run: /work/venv/bin/python bench/score_ner.py [FOLDER ...] [-v]
(default folder: tests/articles_ner). Each ARTICLE.txt has an ARTICLE.gold.json:

    {"entities": {"PERSON": [...], "ORG": [...], ...},   # distinct surfaces by type
     "optional": {"PLACE": [...]},                        # neither hits nor false positives
     "figures": [{"text": "超过12万家", "value": 120000, "unit": "家",
                  "label": "跨境商户" | ["跨境商户", "服务跨境商户"],   # any of these is right
                  "subject": "云禾支付" | [...] | null}]}

Prints entity precision and recall (distinct type+text pairs of the gold's types), ORG recall,
figure recall (gold figures found with the same text, in reading order; a trailing bound such
as 左右 may be on the found text or not), and the share of gold
figures whose value+unit, label and subject are right.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from article.analyze import analyze_path  # noqa: E402
from article.model import Document, Figure  # noqa: E402

DEFAULT = ROOT / "tests" / "articles_ner"


@dataclass
class Tally:
    """Counts summed over articles; `misses` lists what went wrong, for -v."""

    ent_gold: int = 0
    ent_found: int = 0
    ent_hit: int = 0
    org_gold: int = 0
    org_hit: int = 0
    fig_gold: int = 0
    fig_hit: int = 0
    values: int = 0
    labels: int = 0
    subjects: int = 0
    misses: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        """The ratios the issue's targets are stated in."""
        n = max(self.fig_gold, 1)
        return {
            "entity_precision": self.ent_hit / max(self.ent_found, 1),
            "entity_recall": self.ent_hit / max(self.ent_gold, 1),
            "org_recall": self.org_hit / max(self.org_gold, 1),
            "figure_recall": self.fig_hit / n,
            "values_right": self.values / n,
            "labels_right": self.labels / n,
            "subjects_right": self.subjects / n,
        }


def _accepts(gold: Any, found: str | None, head: bool = False) -> bool:
    """A gold answer is one string, a list of acceptable strings, or null. For labels (`head`),
    words before an acceptable answer only narrow it (以旧换新带动的消费信贷规模 for
    消费信贷规模), and two acceptable answers together (the measure, then the change:
    贷款余额 + 同比增长) name both: both are right."""
    options = gold if isinstance(gold, list) else [gold]
    if found in options:
        return True
    if not head or found is None:
        return False
    texts = [o for o in options if isinstance(o, str) and len(o) >= 2]
    wholes = texts + [a + b for a in texts for b in texts if a != b]
    return any(found.endswith(whole) for whole in wholes)


def _score_entities(doc: Document, gold: dict[str, Any], tally: Tally, name: str) -> None:
    """Distinct (type, text) pairs of the gold's types; optional ones are ignored."""
    types = set(gold["entities"])
    expected = {(t, s) for t, names in gold["entities"].items() for s in names}
    optional = {(t, s) for t, names in gold.get("optional", {}).items() for s in names}
    found = {(e.type, e.text) for e in doc.entities if e.type in types} - optional
    hits = found & expected
    tally.ent_gold += len(expected)
    tally.ent_found += len(found)
    tally.ent_hit += len(hits)
    tally.org_gold += sum(1 for t, _ in expected if t == "ORG")
    tally.org_hit += sum(1 for t, _ in hits if t == "ORG")
    tally.misses += [f"{name}: entity missed {t} {s}" for t, s in sorted(expected - found)]
    tally.misses += [f"{name}: entity extra  {t} {s}" for t, s in sorted(found - expected)]


def _match(figures: list[Figure], text: str, used: set[int]) -> Figure | None:
    """The first figure not yet matched with this text, in reading order."""
    for i, f in enumerate(figures):
        if i not in used and text in (f.text, _without_bound(f.text)):
            used.add(i)
            return f
    return None


TRAILING_BOUNDS = ("左右", "以下", "以上", "以内", "上下")


def _without_bound(text: str) -> str:
    """The text without a trailing bound (20%左右): some hands' gold writes it, others' not."""
    for bound in TRAILING_BOUNDS:
        if text.endswith(bound):
            return text.removesuffix(bound)
    return text


def _score_figures(doc: Document, gold: dict[str, Any], tally: Tally, name: str) -> None:
    """Each gold figure matched by its text; value, label and subject compared."""
    used: set[int] = set()
    for g in gold["figures"]:
        tally.fig_gold += 1
        f = _match(doc.figures, g["text"], used)
        if f is None:
            tally.misses.append(f"{name}: figure missed {g['text']}")
            continue
        tally.fig_hit += 1
        if math.isclose(f.value, g["value"], rel_tol=1e-9) and f.unit == g["unit"]:
            tally.values += 1
        else:
            tally.misses.append(f"{name}: value {g['text']}: {f.value} {f.unit}")
        if _accepts(g["label"], f.label, head=True):
            tally.labels += 1
        else:
            tally.misses.append(f"{name}: label {g['text']}: {f.label!r} want {g['label']!r}")
        if _accepts(g["subject"], f.subject):
            tally.subjects += 1
        else:
            tally.misses.append(f"{name}: subject {g['text']}: {f.subject!r} want {g['subject']!r}")


def score_folder(folder: Path) -> Tally:
    """Scores summed over every article of the folder that has a gold file."""
    tally = Tally()
    for gold_path in sorted(folder.glob("*.gold.json")):
        text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = analyze_path(text_path, use_cache=False)
        _score_entities(doc, gold, tally, text_path.stem)
        _score_figures(doc, gold, tally, text_path.stem)
    return tally


def main() -> None:
    """Print the scores of each folder given (default: tests/articles_ner)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", type=Path, default=[DEFAULT])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    for folder in args.folders:
        tally = score_folder(folder)
        if args.verbose:
            print("\n".join(tally.misses))
        line = "  ".join(f"{k} {v:.3f}" for k, v in tally.scores().items())
        print(f"{folder}: {line}")


if __name__ == "__main__":
    main()
