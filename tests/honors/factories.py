"""History factories: honours received, task ratings, initiatives, discipline.

Each row belongs to a person by default (a new one); pass ``unit=`` (a collective) or
``household=`` instead. Honours are named by catalogue code: ``HonorRecordFactory(
person=p, code="chien_si_thi_dua_co_so", year=2024)``, or given as ``honor=``.
"""

import datetime as dt

import factory

from tests.factories import PersonFactory
from vinhdanh.honors.enums import (
    DisciplineLevel,
    InitiativeKind,
    InitiativeLevel,
    RestrictionKind,
    TaskRating,
)
from vinhdanh.honors.models import (
    DisciplinePeriod,
    Honor,
    HonorRecord,
    Initiative,
    TaskRatingRecord,
)


class CandidateFactory(factory.django.DjangoModelFactory):
    """A person unless a unit or household is given (exactly one candidate per row)."""

    class Meta:
        abstract = True

    unit = None
    household = None
    person = factory.LazyAttribute(
        lambda o: PersonFactory() if o.unit is None and o.household is None else None)


class HonorRecordFactory(CandidateFactory):
    class Meta:
        model = HonorRecord

    class Params:
        code = "lao_dong_tien_tien"

    honor = factory.LazyAttribute(lambda o: Honor.objects.get(code=o.code))
    year = 2024
    decision_number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")


class TaskRatingFactory(CandidateFactory):
    class Meta:
        model = TaskRatingRecord

    year = 2024
    rating = TaskRating.GOOD


class InitiativeFactory(CandidateFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Sáng kiến cải tiến số {n}")
    kind = InitiativeKind.INITIATIVE
    level = InitiativeLevel.GRASSROOTS
    year = 2024


class DisciplineFactory(CandidateFactory):
    class Meta:
        model = DisciplinePeriod

    kind = RestrictionKind.DISCIPLINE
    level = factory.LazyAttribute(
        lambda o: DisciplineLevel.REPRIMAND if o.kind == RestrictionKind.DISCIPLINE else "")
    starts_on = dt.date(2024, 3, 1)
    ends_on = dt.date(2025, 2, 28)


# -- shorthands for tests ------------------------------------------------------------------

FIELDS = {"Person": "person", "Unit": "unit", "Household": "household"}


def owner(candidate) -> dict:
    return {FIELDS[type(candidate).__name__]: candidate}


def give(candidate, code: str, *years: int) -> None:
    """``candidate`` received honour ``code`` for each of ``years``."""
    for year in years:
        HonorRecordFactory(**owner(candidate), code=code, year=year)


def rate(candidate, rating: str, *years: int) -> None:
    """``candidate``'s task rating is ``rating`` in each of ``years``."""
    for year in years:
        TaskRatingFactory(**owner(candidate), rating=rating, year=year)
