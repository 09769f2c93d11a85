"""Helpers of the scoring-page tests (the fixtures are in scoring_fixtures.py)."""

from decimal import Decimal

from django.urls import reverse

from tests.factories import UserFactory
from vinhdanh.organisations.models import RoleAssignment
from vinhdanh.scoring.enums import PassKind
from vinhdanh.scoring.services import scores


def persona(role, *, unit=None, group=None, username):
    user = UserFactory(username=username)
    RoleAssignment.objects.create(user=user, role=role, unit=unit, group=group)
    return user


def scored(template):
    items = template.items
    return [items.first, items.second, items.bonus, items.penalty]


def pass_of(scoring_round, kind):
    return scoring_round.passes.get(kind=kind)


def fill(scoring_round, kind, scorer, subject, values, reason=""):
    """Scores ``values`` (one per scored criterion) as the system would."""
    rows = [{"criterion": c, "points": None if v is None else Decimal(v), "reason": reason}
            for c, v in zip(scored(scoring_round.template), values, strict=True)]
    scores.record_sheet(pass_of(scoring_round, kind), actor=None, scorer=scorer,
                        subject=subject, rows=rows)


def fill_self(scoring_round, units, values=(8, 15, 2, 0)):
    for unit in units:
        fill(scoring_round, PassKind.SELF, unit, unit, values)


def fill_peers(scoring_round, units, values=(7, 14, 1, 0)):
    for scorer in units:
        for subject in units:
            if scorer != subject:
                fill(scoring_round, PassKind.PEER, scorer, subject, values)


def members(province):
    return [province.farmers, province.women, province.youth]


def round_url(name, scoring_round, *args):
    return reverse(f"workspace:scoring-{name}", args=[scoring_round.pk, *args])


def sheet_url(scoring_round, scorer, subject):
    return reverse("workspace:scoring-sheet", args=[scoring_round.pk, scorer.pk, subject.pk])


def sheet_data(template, values, **extra):
    data = {f"points_{c.pk}": v for c, v in zip(scored(template), values, strict=True)}
    return {**data, **extra}
