"""The statistics dashboard's figures for a year and a subtree, compared with the year before.

Pure queries and figures, no HTTP: ``dashboard(user, year=..., unit=...)`` returns the charts
(each a ``Chart`` over a ``reports.tables.Table``) of honours by kind and level, by unit, by
gender, to direct workers, and the timeliness of the dossiers decided. Honours are counted
through ``reports.selection.honour_records`` over ``HonorRecord.objects.visible_to(user)``
(what the statutory forms count too), dossiers over ``Nomination.objects.visible_to(user)``:
a figure never counts what the user may not see, whatever unit is asked for. Every figure is
aggregated in SQL: the number of queries does not grow with the data.
"""

from dataclasses import dataclass

from django.db.models import IntegerField
from django.db.models.functions import Coalesce, ExtractYear

from vinhdanh.core.db import read_db
from vinhdanh.honors.models import HonorRecord
from vinhdanh.nominations.models import Nomination
from vinhdanh.organisations.models import Unit
from vinhdanh.reports.selection import honour_records, in_subtree
from vinhdanh.reports.statistics import honours, timeliness, units
from vinhdanh.reports.statistics.charts import Chart

__all__ = ["Chart", "Dashboard", "dashboard", "topmost_units", "years_with_data"]


@dataclass(frozen=True)
class Dashboard:
    year: int
    unit: Unit | None  # None: every unit the user sees (it has several topmost units)
    charts: tuple[Chart, ...]
    has_data: bool  # an honour or a decided dossier in ``year``

    def chart(self, key: str) -> Chart | None:
        return next((chart for chart in self.charts if chart.key == key), None)

    @property
    def tables(self) -> list:
        return [chart.table for chart in self.charts]


def topmost_units(user) -> list[Unit]:
    """The units the user sees whose parent he does not see (the province for the board)."""
    visible = Unit.objects.using(read_db()).visible_to(user)
    return list(visible.exclude(parent__in=visible.values("pk")).order_by("sort_key"))


def years_with_data(user) -> list[int]:
    """The years (latest first) holding an unrevoked honour record the user sees, by the
    year of its decision as ``reports.selection`` counts them."""
    year = Coalesce(ExtractYear("decision_date"), "year", output_field=IntegerField())
    records = HonorRecord.objects.visible_to(user).using(read_db())
    found = (records.filter(revoked_on__isnull=True).order_by().annotate(counted=year)
             .values_list("counted", flat=True).distinct())
    return sorted(found, reverse=True)


def _children(user, unit, roots) -> list[Unit]:
    if unit is None:
        return list(roots)
    visible = Unit.objects.using(read_db()).visible_to(user)
    return list(visible.filter(parent=unit).order_by("sort_key"))


def _dossiers(user, unit, year: int) -> timeliness.Timeliness:
    nominations = Nomination.objects.visible_to(user).using(read_db())
    if unit is not None:
        nominations = nominations.filter(in_subtree(unit.path))
    found = timeliness.journeys(timeliness.decided_in(nominations, year))
    return timeliness.summarise(found)


def dashboard(user, *, year: int, unit: Unit | None = None, roots=None) -> Dashboard:
    """The figures of ``year`` (beside ``year - 1``) within ``unit``'s subtree, or within
    everything the user sees when ``unit`` is None (``roots``: ``topmost_units(user)``,
    read here when not given)."""
    records = HonorRecord.objects.visible_to(user)
    current, previous = (honour_records(y, records=records, subtree=unit)
                         for y in (year, year - 1))
    counts, last = honours.count(current), honours.count(previous)
    children = _children(user, unit, topmost_units(user) if roots is None else roots)
    by_child = [units.count_by_child(selected, children) for selected in (current, previous)]
    decided, decided_before = _dossiers(user, unit, year), _dossiers(user, unit, year - 1)
    charts = (honours.by_kind(counts, last, year),
              units.by_unit(unit, children, *by_child, year),
              honours.by_gender(counts, last, year),
              honours.direct_workers(counts, last, year),
              timeliness.timeliness(decided, decided_before, year))
    return Dashboard(year, unit, charts, has_data=bool(counts.total() or decided.decided))
