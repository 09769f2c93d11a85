"""The shape of a predicate, its registry, and how outcomes combine."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

PASS, FAIL, MISSING = "pass", "fail", "missing"
# A failing criterion outweighs a missing one; both outweigh a met one.
_WEIGHT = {PASS: 0, MISSING: 1, FAIL: 2}


class Outcome(NamedTuple):
    status: str  # PASS, FAIL or MISSING
    # The data looked at, in words ("found: 2022, 2023, 2024"), or a function making them:
    # hints run criteria only for their status, so their words are made only when shown.
    detail: str | Callable[[], str]

    @property
    def text(self) -> str:
        return self.detail() if callable(self.detail) else self.detail


@dataclass(frozen=True)
class Predicate:
    """A named criterion.

    ``check(facts, year, params)`` decides for ``year``; ``label(params, year)`` names the
    criterion for a table column; ``hint(facts, year, params)`` says what must happen for
    a criterion not met in ``year`` to be met then ("" when nothing needs to happen, None
    when it cannot be met that year); ``uses`` names the kinds of facts it reads and
    ``span(params)`` how many years back from ``year`` (None: all), so a sweep loads only
    those (services/facts.py).
    """

    name: str
    check: Callable
    label: Callable
    hint: Callable
    uses: frozenset
    span: Callable

    def __call__(self, facts, year: int, params: dict) -> Outcome:
        return self.check(facts, year, params)


REGISTRY: dict[str, Predicate] = {}


def _cannot_say(facts, year, params):
    return None


def years_read(params) -> int:
    """The years a criterion reads, ending with the year evaluated (its window)."""
    return max(params.get("years", 1), params.get("within", 1))


def register(check, *, label, uses, hint=_cannot_say, span=years_read) -> None:
    """Registers ``check`` under its function name."""
    REGISTRY[check.__name__] = Predicate(check.__name__, check, label, hint,
                                         frozenset(uses), span)


def worst(statuses) -> str:
    """The combined status of criteria that must all be met."""
    return max(statuses, key=_WEIGHT.__getitem__, default=PASS)


def best(statuses) -> str:
    """The combined status of alternatives of which one must be met."""
    return min(statuses, key=_WEIGHT.__getitem__, default=FAIL)


def window(year: int, years: int) -> range:
    """The ``years`` calendar years ending with ``year``."""
    return range(year - years + 1, year + 1)
