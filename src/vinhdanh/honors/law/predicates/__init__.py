"""The named predicates of the rule packs: ``REGISTRY[name](facts, year, params)``.

Each returns an ``Outcome`` (pass / fail / missing, and the data it looked at in words);
``REGISTRY[name].label(params, year)`` names the criterion and ``.hint`` says what would
meet it in a later year. A predicate that cannot decide from data returns "missing".
By theme: history.py (titles, ratings, initiatives), conduct.py (employment, discipline,
awards already given, evidence), collective.py (members' records).
"""

from vinhdanh.honors.law.predicates import collective, conduct, history  # noqa: F401 (register)
from vinhdanh.honors.law.predicates.base import (
    FAIL,
    MISSING,
    PASS,
    REGISTRY,
    Outcome,
    Predicate,
    best,
    window,
    worst,
)
from vinhdanh.honors.law.predicates.texts import cached_translations

__all__ = ["FAIL", "MISSING", "PASS", "REGISTRY", "Outcome", "Predicate", "best",
           "cached_translations", "window", "worst"]
