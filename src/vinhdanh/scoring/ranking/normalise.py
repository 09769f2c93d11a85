"""Z-score normalisation of peer scorers, and the moments it needs.

Some units score everyone generously, others strictly; normalisation puts every peer scorer
on the common scale of the round before the peer mean is taken. For a scorer who gave
totals x₁…xₙ to the units they scored (abstentions left out):

- value = pool mean + (x − scorer's mean) / scorer's SD × pool SD, where the pool is every
  peer total of the round, so a normalised total reads in points like a raw one;
- a scorer whose totals are all equal (SD 0) keeps raw − own mean + pool mean: their
  level is corrected, their (absent) spread is not blown up;
- a scorer who scored fewer than 2 units keeps the raw totals: one total says nothing
  about how strict the scorer is.

The price: a higher raw total can rank its unit lower, since it also widens the pool (see
engine.py). Normalisation is off by default.

SDs are population SDs (over the units actually scored, not an estimate of something
larger): a scorer whose totals have the mean and spread of the pool comes out unchanged.
Moments are computed from exact sums (Σx, Σx²) in the engine's 40-digit context, so they
do not depend on the order of the totals; results are rounded to 6 decimals.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from vinhdanh.scoring.ranking.model import ZERO, fine_round


class Moments(NamedTuple):
    count: int
    mean: Decimal
    sd: Decimal


def moments(values: Iterable[Decimal]) -> Moments:
    """Count, mean and population SD of ``values`` (mean and SD 0 when there are none)."""
    values = list(values)
    count = len(values)
    if not count:
        return Moments(0, ZERO, ZERO)
    total, squares = sum(values, ZERO), sum((v * v for v in values), ZERO)
    variance = (count * squares - total * total) / (count * count)
    return Moments(count, total / count, max(variance, ZERO).sqrt())


def by_scorer(peer: Mapping[int, Mapping[int, Decimal]]) -> dict[int, dict[int, Decimal]]:
    """``{subject: {scorer: total}}`` turned into ``{scorer: {subject: total}}``."""
    scorers: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for subject, totals in peer.items():
        for scorer, total in totals.items():
            scorers[scorer][subject] = total
    return scorers


def normalise(peer: Mapping[int, Mapping[int, Decimal]]) -> tuple[dict, Moments]:
    """Normalised totals ``{subject: {scorer: value}}`` of the raw ``{subject: {scorer:
    total}}``, and the pool's moments (for the explanation)."""
    pool = moments(total for totals in peer.values() for total in totals.values())
    result: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for scorer, given in by_scorer(peer).items():
        rescale = _rescaling(moments(given.values()), pool)
        for subject, total in given.items():
            result[subject][scorer] = rescale(total)
    return dict(result), pool


def _rescaling(own: Moments, pool: Moments):
    """The function mapping one scorer's totals onto the pool's scale."""
    if own.count < 2:
        return lambda total: total
    if not own.sd:
        return lambda total: fine_round(total - own.mean + pool.mean)
    factor = pool.sd / own.sd
    return lambda total: fine_round(pool.mean + (total - own.mean) * factor)
