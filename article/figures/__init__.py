"""Figures: blocks and their entities in, `Figure`s out: each quantity normalised, with its
qualifier, what it measures (label) and whom (subject).

`patterns.py` finds quantities, `numbers.py` normalises them, `context.py` reads the label
(`syntax.py`: the clause's grammar) and `subjects.py` the subject (`speakers.py`: whole branch
names, affiliations, 由…承担). Open `find.py` first.
"""

from article.figures.find import find_figures

__all__ = ["find_figures"]
