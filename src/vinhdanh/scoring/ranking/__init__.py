"""The ranking engine of a group's scoring round: pure Python, no Django.

``rank(sheets, settings)`` turns one ``Sheet`` per unit into ``Result`` s ordered by rank.
The rules (formula, normalisation, tie-breaks, flags) are in the docstrings of engine.py,
normalise.py, tiebreak.py and flags.py; ``vinhdanh.scoring.services.ranking`` feeds the
engine from the database.
"""

from vinhdanh.scoring.ranking.engine import rank
from vinhdanh.scoring.ranking.model import Flag, Result, Settings, Sheet, Step, Totals

__all__ = ["Flag", "Result", "Settings", "Sheet", "Step", "Totals", "rank"]
