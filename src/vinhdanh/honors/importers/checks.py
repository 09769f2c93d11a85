"""Duplicates: the same record twice in the file, or a record the database already holds.

A record is the same when its candidate and its key agree: an honour and a year, a rating's
year, an initiative's title and year, a case's kind and start date.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.honors.importers.schema import (
    HONOURS_SHEET,
    INITIATIVES_SHEET,
    RATINGS_SHEET,
    RESTRICTIONS_SHEET,
)
from vinhdanh.honors.models import DisciplinePeriod, HonorRecord, Initiative, TaskRatingRecord
from vinhdanh.organisations.importers.cells import key

CHUNK = 2000
CANDIDATE_FIELDS = ("person", "unit", "household")


@dataclass(frozen=True)
class Identity:
    """How one sheet's records are told apart, in the file and in the database."""

    model: type
    columns: tuple[str, ...]  # database columns after the candidate
    field: str  # the sheet column an error points at
    exists: str  # the reason shown for a record already in the database

    def of_row(self, row) -> tuple:
        return (row.target, *map(_normal, (getattr(row, name) for name in self.row_fields)))

    @property
    def row_fields(self) -> tuple[str, ...]:
        return tuple(name.removesuffix("_id") for name in self.columns)


def _normal(value):
    """Honours compare by id, texts by their folded form ("Hoà" is "Hòa")."""
    if hasattr(value, "pk"):
        return value.pk
    return key(value) if isinstance(value, str) else value


IDENTITIES = {
    HONOURS_SHEET: Identity(HonorRecord, ("honor_id", "year"), "year", gettext_lazy(
        "This honour is already recorded for this candidate and year.")),
    RATINGS_SHEET: Identity(TaskRatingRecord, ("year",), "year", gettext_lazy(
        "A task rating of this candidate for this year is already recorded.")),
    INITIATIVES_SHEET: Identity(Initiative, ("title", "year"), "title", gettext_lazy(
        "This initiative is already recorded for this candidate and year.")),
    RESTRICTIONS_SHEET: Identity(DisciplinePeriod, ("kind", "starts_on"), "starts_on",
                                 gettext_lazy("This case is already recorded from this date.")),
}


def _complete(rows, identity: Identity):
    """Rows whose candidate and key cells are all known (others are reported already)."""
    return [row for row in rows if row.target and all(
        getattr(row, name) not in (None, "") for name in identity.row_fields)]


def report_duplicates(sheet: str, rows, report) -> None:
    """Marks every row whose record appears more than once in the sheet."""
    identity = IDENTITIES[sheet]
    numbers = defaultdict(list)
    for row in _complete(rows, identity):
        numbers[identity.of_row(row)].append(row)
    for same in numbers.values():
        if len(same) > 1:
            listed = ", ".join(str(row.row) for row in same)
            for row in same:
                report.add(row.row, identity.field, getattr(row, identity.field),
                           _("Duplicate within the file: rows %(rows)s.") % {"rows": listed})


def report_existing(sheet: str, rows, report) -> None:
    """Marks every row whose record the database already holds."""
    identity = IDENTITIES[sheet]
    rows = _complete(rows, identity)
    taken = _existing(identity, {row.target for row in rows})
    for row in rows:
        if identity.of_row(row) in taken:
            report.add(row.row, identity.field, getattr(row, identity.field),
                       str(identity.exists))


def _existing(identity: Identity, targets: set) -> set[tuple]:
    """The keys of the stored records of ``targets``, in Identity.of_row's form."""
    found = set()
    for field in CANDIDATE_FIELDS:
        ids = sorted(pk for name, pk in targets if name == field)
        for start in range(0, len(ids), CHUNK):
            stored = identity.model.objects.filter(**{f"{field}_id__in": ids[start:start + CHUNK]})
            for pk, *values in stored.values_list(f"{field}_id", *identity.columns):
                found.add(((field, pk), *map(_normal, values)))
    return found
