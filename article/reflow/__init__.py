"""Reflow: raw blocks in, articles a person can read out (`Reflowed`: blocks, repairs, duplicates).

Finds dangling ends and orphan starts (`signals.py`), scores every candidate join (`scoring.py`),
assigns joins globally (`pairing.py`), moves stray sections (`sections.py`, `terms.py`) and marks
repeated passages (`dups.py`). Open `engine.py` first: it runs the stages in order.
"""

from article.reflow.engine import reflow

__all__ = ["reflow"]
