"""An honour's criteria in one pack, ready to run on many candidates (eligibility.py).

``Criteria.compile`` applies the province's criterion settings and names each criterion
once per sweep; ``lines(facts)`` runs them on one candidate; ``needs_for`` says which facts
to load; ``hints_for`` says what a candidate lacks to be eligible in the criteria's year.
"""

from dataclasses import dataclass

from vinhdanh.honors.effective import EffectivePack
from vinhdanh.honors.law.model import AnyOf, Rule
from vinhdanh.honors.law.predicates import PASS, REGISTRY, Outcome, Predicate, best
from vinhdanh.honors.law.predicates.texts import (
    H_ELIGIBLE,
    H_ELIGIBLE_IF,
    H_UNREACHABLE,
    L_ANY_OF,
    OUTCOME_WORDS,
    t,
)
from vinhdanh.honors.services.facts import Needs


@dataclass(slots=True)
class Line:
    """One criterion as checked: what, outcome ("pass" | "fail" | "missing"), on what data,
    under which article, and whether a source confirms the rule."""

    label: str
    outcome: str
    detail: str
    article: str
    confirmed: bool

    def __str__(self):
        """"label (article): detail → outcome", the way an officer reads it."""
        outcome = t(OUTCOME_WORDS.get(self.outcome, self.outcome))
        return f"{self.label} ({self.article}): {self.detail} → {outcome}"


@dataclass(frozen=True)
class Check:
    """One rule with its predicate, parameters and label resolved."""

    predicate: Predicate
    params: dict
    label: str
    article: str
    confirmed: bool

    def run(self, facts, year: int) -> Outcome:
        return self.predicate.check(facts, year, self.params)

    def line(self, facts, year: int) -> Line:
        outcome = self.predicate.check(facts, year, self.params)
        return Line(self.label, outcome.status, outcome.text, self.article, self.confirmed)

    def condition(self, facts, year: int) -> str | None:
        """"" when met in ``year``, what must happen for it to be, or None if it cannot."""
        if self.run(facts, year).status == PASS:
            return ""
        return self.predicate.hint(facts, year, self.params)

    @property
    def checks(self) -> tuple["Check", ...]:
        return (self,)


@dataclass(frozen=True)
class Choice:
    """An AnyOf: met when one of its checks is."""

    options: tuple[Check, ...]
    label: str
    article: str

    def line(self, facts, year: int) -> Line:
        outcomes = [check.run(facts, year) for check in self.options]
        status = best(o.status for o in outcomes)
        if status == PASS:
            index = next(i for i, o in enumerate(outcomes) if o.status == PASS)
            return Line(self.label, PASS, f"({index + 1}) {outcomes[index].text}",
                        self.article, self.options[index].confirmed)
        detail = " | ".join(f"({i}) {o.text}" for i, o in enumerate(outcomes, start=1))
        return Line(self.label, status, detail, self.article,
                    all(check.confirmed for check in self.options))

    def condition(self, facts, year: int) -> str | None:
        """Like Check.condition; evidence-only options are the last resort."""
        if any(check.run(facts, year).status == PASS for check in self.options):
            return ""
        ordered = sorted(self.options, key=lambda check: check.predicate.name == "manual")
        found = (check.predicate.hint(facts, year, check.params) for check in ordered)
        return next((condition for condition in found if condition is not None), None)

    @property
    def checks(self) -> tuple[Check, ...]:
        return self.options


def _check(effective: EffectivePack, key: str, rule: Rule, year: int) -> Check:
    rule = effective.rule(key, rule)
    predicate = REGISTRY[rule.name]
    return Check(predicate, rule.params, predicate.label(rule.params, year), rule.article,
                 rule.confirmed)


def _choice(effective: EffectivePack, key: str, group: AnyOf, year: int) -> Choice:
    options = tuple(_check(effective, key, rule, year) for rule in group.rules)
    label = t(L_ANY_OF) % {"criteria": "; ".join(f"({i}) {check.label}"
                                                 for i, check in enumerate(options, start=1))}
    return Choice(options, label, group.article)


@dataclass
class Criteria:
    effective: EffectivePack
    year: int
    entries: tuple[Check | Choice, ...]

    @classmethod
    def compile(cls, effective: EffectivePack, key: str, rules, year: int) -> "Criteria":
        """``rules`` of ``effective`` (its criteria under ``key``) for ``year``."""
        entries = tuple(_choice(effective, key, rule, year) if isinstance(rule, AnyOf)
                        else _check(effective, key, rule, year) for rule in rules)
        return cls(effective, year, entries)

    @property
    def pack(self):
        return self.effective.pack

    def lines(self, facts) -> list[Line]:
        return [entry.line(facts, self.year) for entry in self.entries]


def hints_for(criteria: Criteria, facts) -> list[str]:
    """What the candidate lacks to meet ``criteria`` in their year ("Eligible in 2025 if
    Chiến sĩ thi đua cơ sở is obtained in 2025"), or which criteria cannot be met then."""
    conditions, unreachable = [], []
    for entry in criteria.entries:
        condition = entry.condition(facts, criteria.year)
        if condition is None:
            unreachable.append(entry.label)
        elif condition:
            conditions.append(condition)
    year = criteria.year
    if unreachable:
        return [t(H_UNREACHABLE) % {"year": year, "criteria": "; ".join(unreachable)}]
    if conditions:
        return [t(H_ELIGIBLE_IF) % {"year": year, "conditions": "; ".join(conditions)}]
    return [t(H_ELIGIBLE) % {"year": year}]


def _title_codes(params: dict) -> list[str]:
    return [params["title"]] if "title" in params else list(params.get("titles", ()))


def _add(needs: Needs, check: Check, year: int) -> None:
    span = check.predicate.span(check.params)
    first = None if span is None else year - span + 1
    members = "members.titles" in check.predicate.uses
    for use in check.predicate.uses:
        if use.startswith("members."):
            needs.member_kinds.add(use.removeprefix("members."))
        else:
            needs.kinds.add(use)
    for code in _title_codes(check.params):
        needs.add_title(code, first, members=members)
    if first is not None:
        needs.first_year = min(needs.first_year, first)


def needs_for(all_criteria: list[Criteria]) -> Needs:
    """The facts the checks of ``all_criteria`` read, over all their years."""
    years = [criteria.year for criteria in all_criteria]
    needs = Needs(first_year=min(years), last_year=max(years))
    for criteria in all_criteria:
        for entry in criteria.entries:
            for check in entry.checks:
                _add(needs, check, criteria.year)
    return needs
