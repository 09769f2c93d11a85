"""What a report counts: the honour records of a year within a subtree of units.

A record belongs to the year of its decision (what was granted that year, as the statistical
forms count it); a record entered without a decision date counts in its achievement year.
Revoked records never count. A record belongs to a subtree when its candidate's unit (the
person's unit, the collective itself, the household's unit) lies in it. Callers pass the
records the user may see (``HonorRecord.objects.visible_to(user)``) so a report never counts
beyond the user's scope.
"""

from django.db.models import Q

from vinhdanh.core.db import read_db
from vinhdanh.honors.models import HonorRecord

CANDIDATE_UNIT_PATHS = ("person__unit__path", "unit__path", "household__unit__path")


def in_year(year: int) -> Q:
    return Q(decision_date__year=year) | Q(decision_date__isnull=True, year=year)


def in_subtree(path: str) -> Q:
    """Records whose candidate's unit has ``path`` as a prefix (a whole subtree)."""
    query = Q(pk__in=[])
    for field in CANDIDATE_UNIT_PATHS:
        query |= Q(**{f"{field}__startswith": path})
    return query


def honour_records(year: int, *, records=None, subtree=None):
    """Unrevoked records of ``year`` among ``records`` (default: all), within the unit
    ``subtree`` when given, read from the read database."""
    records = HonorRecord.objects.all() if records is None else records
    selected = records.using(read_db()).filter(in_year(year), revoked_on__isnull=True)
    return selected.filter(in_subtree(subtree.path)) if subtree is not None else selected
