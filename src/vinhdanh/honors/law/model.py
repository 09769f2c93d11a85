"""The shape of a rule pack: the law in force between two dates, as data.

A pack names, for each honour, its criteria (named predicates from predicates.py with their
parameters and the article they come from), and the figures of the period: bonus
coefficients, quotas, time limits and council vote thresholds. Every figure is a ``Param``
that knows its article and whether a source confirms it; a province may override any
figure by its key (honors.RuleSetting), and the change is kept.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Param:
    """A figure of the law with where it comes from; unconfirmed ones are shown so."""

    value: Any
    article: str
    confirmed: bool = True


@dataclass(frozen=True)
class Rule:
    """One criterion: predicate ``name`` of predicates.REGISTRY applied with ``params``."""

    name: str
    article: str
    params: dict = field(default_factory=dict)
    confirmed: bool = True


@dataclass(frozen=True)
class AnyOf:
    """Met when one of ``rules`` is met (e.g. Law Art 74.1: one of (a)–(d))."""

    rules: tuple[Rule, ...]
    article: str


@dataclass(frozen=True)
class Pack:
    code: str
    title: str
    valid_from: dt.date
    valid_until: dt.date | None
    status: str  # PackStatus: confirmed or probable
    legal_texts: tuple[str, ...]
    # honour code -> its criteria, all of which must be met.
    criteria: dict[str, tuple[Rule | AnyOf, ...]]
    # honour code -> {subject: coefficient of the base salary}.
    coefficients: dict[str, Param]
    rounding: Param  # bonuses are rounded up to a multiple of this (VND)
    same_period_highest_only: Param  # several titles for one period: pay only the highest
    quotas: dict[str, Param] = field(default_factory=dict)
    time_limits: dict[str, Param] = field(default_factory=dict)  # step -> working days
    vote_thresholds: dict[str, Param] = field(default_factory=dict)
    # "registration.<honour>" (registration expected), "group_flags", "group_merit_certificates"
    emulation: dict[str, Param] = field(default_factory=dict)
    # What a dossier holds and how it travels (law/dossiers.py): documents per procedure,
    # simplified procedure allowed, days of public comment.
    dossier: dict[str, Param] = field(default_factory=dict)
    # "kinder": dossiers received before valid_from follow the previous pack unless this
    # one is kinder to the candidate (Law 06/2026/QH16, reported).
    transition: str = ""
    notes: str = ""

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)
