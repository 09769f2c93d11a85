"""The engine's inputs and outputs: plain dataclasses, no Django.

Points are ``Decimal`` throughout. Sums of points (two decimals) are exact, so they never
depend on the order of the inputs; a value that needs a division or a square root is
rounded (``quantize``) right after, finals to 3 decimals before any comparison.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any, NamedTuple

# The codes below are the values of the app's enums (FinalFormula, TieBreak); the engine
# keeps its own copy so that it imports nothing from Django. A test checks they agree.
CONSOLIDATED, WEIGHTED = "consolidated", "weighted"
FORMULAS = (CONSOLIDATED, WEIGHTED)
FEWER_PENALTY, MORE_BONUS, HIGHER_PEER, HIGHER_SELF = (
    "fewer_penalty", "more_bonus", "higher_peer", "higher_self")
TIE_BREAKS = (FEWER_PENALTY, MORE_BONUS, HIGHER_PEER, HIGHER_SELF)
# After the configured rules: the Vietnamese alphabetical order of the names, then the id.
BY_NAME, BY_ID = "name", "unit_id"
PARTS = ("self", "peer", "leader")

ZERO = Decimal(0)
FINAL_PLACES = Decimal("0.001")
# Peer means and normalised totals: fine enough that the final's rounding decides.
FINE_PLACES = Decimal("0.000001")


def final_round(value: Decimal) -> Decimal:
    return value.quantize(FINAL_PLACES, rounding=ROUND_HALF_UP)


def fine_round(value: Decimal) -> Decimal:
    return value.quantize(FINE_PLACES, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Totals:
    """One scorer's points for one unit in one pass, by criterion kind. The penalty is
    stored positive and deducted."""

    standard: Decimal = ZERO
    bonus: Decimal = ZERO
    penalty: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.standard + self.bonus - self.penalty


@dataclass(frozen=True)
class Sheet:
    """Everything the engine needs to know about one unit of the round.

    ``peer`` maps each peer scorer's unit id to its Totals, or to None when the scorer
    abstained. ``missing`` counts the scores not given, by pass ("self", "peer", "leader").
    """

    unit_id: int
    name_key: str
    self_totals: Totals | None = None
    peer: Mapping[int, Totals | None] = field(default_factory=dict)
    leader_totals: Totals | None = None
    evidence_missing: tuple[int, ...] = ()
    missing: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    """How a group ranks (from its ScoringTemplate); see engine.py for the meaning."""

    formula: str = CONSOLIDATED
    weight_self: Decimal = ZERO
    weight_peer: Decimal = ZERO
    weight_leader: Decimal = Decimal(1)
    normalise_peers: bool = False
    tie_breaks: tuple[str, ...] = (FEWER_PENALTY, MORE_BONUS, HIGHER_PEER)
    deviation_threshold: Decimal = Decimal(2)
    self_gap_threshold: Decimal = Decimal("0.1")
    max_total: Decimal = ZERO

    def __post_init__(self):
        if self.formula not in FORMULAS:
            raise ValueError(f"unknown formula {self.formula!r}")
        unknown = [rule for rule in self.tie_breaks if rule not in TIE_BREAKS]
        if unknown or len(set(self.tie_breaks)) != len(self.tie_breaks):
            raise ValueError(f"tie-breaks must be distinct, from {TIE_BREAKS}")
        if min(self.weights.values()) < 0:
            raise ValueError("weights cannot be negative")
        if self.formula == WEIGHTED and not any(self.weights.values()):
            raise ValueError("the weighted formula needs at least one weight above zero")

    @cached_property  # read for every unit; the dataclass is frozen, so it cannot go stale
    def weights(self) -> dict[str, Decimal]:
        if self.formula == CONSOLIDATED:
            return {"self": ZERO, "peer": ZERO, "leader": Decimal(1)}
        return {"self": Decimal(self.weight_self), "peer": Decimal(self.weight_peer),
                "leader": Decimal(self.weight_leader)}


class Step(NamedTuple):
    """One line of "how the final score was computed": a key and its figures."""

    key: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Flag:
    """Something a reader of the ranking should look at (codes: see flags.py)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Result:
    """One unit's place in the ranking, with the figures that put it there.

    ``penalty`` and ``bonus`` are the ones the tie-breaks compared (weighted like the final);
    ``peer_scores`` are the raw totals of the scorers who did not abstain, and
    ``peer_scores_normalised`` the same after normalisation (empty when it is off).
    """

    unit_id: int
    rank: int
    final: Decimal | None
    self_total: Decimal | None = None
    peer_mean: Decimal | None = None
    peer_normalised_mean: Decimal | None = None
    leader_total: Decimal | None = None
    penalty: Decimal | None = None
    bonus: Decimal | None = None
    peer_scores: dict[int, Decimal] = field(default_factory=dict)
    peer_scores_normalised: dict[int, Decimal] = field(default_factory=dict)
    abstentions: list[int] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def flag(self, code: str) -> Flag | None:
        return next((flag for flag in self.flags if flag.code == code), None)
