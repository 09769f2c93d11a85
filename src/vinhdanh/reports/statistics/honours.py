"""Honours of a year by kind and level, by gender, and to direct workers.

One SQL query per year counts the records by honour kind, level, kind of candidate, gender
and direct-worker flag (a few dozen rows whatever the number of records); the three tables
are sums over those rows.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, F, Value, When
from django.utils.translation import gettext as _

from vinhdanh.honors.enums import HonorKind, HonorLevel, SubjectKind
from vinhdanh.organisations.enums import Gender
from vinhdanh.reports.statistics.charts import DOUGHNUT, Chart
from vinhdanh.reports.tables import Share, Table, share

SUBJECT = Case(When(person__isnull=False, then=Value(SubjectKind.INDIVIDUAL)),
               When(unit__isnull=False, then=Value(SubjectKind.COLLECTIVE)),
               default=Value(SubjectKind.HOUSEHOLD))


@dataclass(frozen=True)
class Counts:
    """Rows of (kind, level, subject, gender, direct worker, number of records)."""

    rows: tuple[tuple, ...]

    def total(self, **match) -> int:
        fields = ("kind", "level", "subject", "gender", "direct")
        return sum(row[-1] for row in self.rows
                   if all(row[fields.index(name)] == value for name, value in match.items()))


def count(records) -> Counts:
    """The records counted in one query (``records``: selection.honour_records(...))."""
    rows = (records.order_by()
            .values_list(F("honor__kind"), F("honor__level"), SUBJECT, F("person__gender"),
                         F("person__is_direct_worker"))
            .annotate(number=Count("pk")))
    return Counts(tuple(tuple(row) for row in rows))


def _year(label: str, year: int) -> str:
    return f"{label} {year}"


def by_kind(current: Counts, previous: Counts, year: int) -> Chart:
    """Titles and awards at each level, by kind of candidate, beside last year's totals."""
    subjects = list(SubjectKind)
    rows = [[f"{kind.label} – {level.label}",
             *(current.total(kind=kind, level=level, subject=s) for s in subjects),
             previous.total(kind=kind, level=level), current.total(kind=kind, level=level)]
            for kind in HonorKind for level in HonorLevel]
    totals = [_("Total"), *(current.total(subject=s) for s in subjects), previous.total(),
              current.total()]
    columns = [_("Kind and level"), *(_year(s.label, year) for s in subjects),
               _year(_("Total"), year - 1), _year(_("Total"), year)]
    table = Table("by_kind", _("Honours by kind and level"), columns, rows, totals=totals,
                  notes=[_("Kinds of candidate (individuals, collectives, households) are "
                           "given for the chosen year.")])
    return Chart(table, series=(4, 5), horizontal=True)


def _gender_cells(counts: Counts, gender: str) -> list:
    people = counts.total(subject=SubjectKind.INDIVIDUAL)
    number = counts.total(subject=SubjectKind.INDIVIDUAL, gender=gender)
    return [number, share(number, people)]


def _all_cells(counts: Counts) -> list:
    people = counts.total(subject=SubjectKind.INDIVIDUAL)
    return [people, Share(1) if people else None]


def by_gender(current: Counts, previous: Counts, year: int) -> Chart:
    """Honours to individuals by gender, with each gender's share (women's share above all)."""
    rows = [[str(gender.label), *_gender_cells(previous, gender),
             *_gender_cells(current, gender)] for gender in Gender]
    columns = [_("Gender"), _year(_("Individuals"), year - 1), _year(_("Share"), year - 1),
               _year(_("Individuals"), year), _year(_("Share"), year)]
    table = Table("by_gender", _("Individuals honoured by gender"), columns, rows,
                  totals=[_("Total"), *_all_cells(previous), *_all_cells(current)],
                  notes=[_("Counted once per honour: a person honoured twice counts twice.")])
    return Chart(table, kind=DOUGHNUT, series=(1, 3))


def _direct_cells(counts: Counts, **level) -> list:
    people = counts.total(subject=SubjectKind.INDIVIDUAL, **level)
    direct = counts.total(subject=SubjectKind.INDIVIDUAL, direct=True, **level)
    return [people, direct, share(direct, people)]


def direct_workers(current: Counts, previous: Counts, year: int) -> Chart:
    """The share of individual honours going to direct (grassroots) workers, per level."""
    rows = [[str(level.label), *_direct_cells(previous, level=level),
             *_direct_cells(current, level=level)] for level in HonorLevel]
    columns = [_("Level")]
    for shown in (year - 1, year):
        columns += [_year(_("Individuals"), shown), _year(_("Direct workers"), shown),
                    _year(_("Share"), shown)]
    table = Table("direct_workers", _("Honours to direct workers"), columns, rows,
                  totals=[_("Total"), *_direct_cells(previous), *_direct_cells(current)],
                  notes=[_("Direct workers: people who work directly in production, at work "
                           "or in combat at the grassroots, as marked on their record.")])
    return Chart(table, series=(3, 6))
