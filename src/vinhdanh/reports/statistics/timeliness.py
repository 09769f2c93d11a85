"""Timeliness of the dossiers decided in a year: working days from submission to decision,
and how many were decided within their limit.

A dossier's journey is its ``NominationStep`` rows (nominations.services.deadlines writes
them): each closed step holds the working days it took (core.workdays, counted when it
closed) and the limit in force when it began (``time_limit.<step>`` of the rule pack and the
province's settings). The steps run without a gap from the first submission to the
decision, so the working days from submission to decision are the sum of the steps' days,
and the dossier's limit is the sum of its steps' limits; a step without a limit in working
days (a public-comment window set by date, the wait for the decision after the council)
allows the days it took. One SQL query per year sums both per dossier.
"""

import statistics
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import NominationStep
from vinhdanh.reports.statistics.charts import Chart
from vinhdanh.reports.tables import Share, Table, share

CLOSED = Q(steps__left_at__isnull=False)


def decided_in(nominations, year: int):
    """The dossiers whose decision was recorded in ``year`` (local time)."""
    decided = NominationStep.objects.filter(nomination=OuterRef("pk"), entered_at__year=year,
                                            state=NominationState.DECIDED)
    return nominations.filter(Exists(decided))


def journeys(nominations) -> list[tuple[int, int]]:
    """(working days taken, working days allowed) per dossier of ``nominations``."""
    rows = nominations.order_by().annotate(
        taken=Sum("steps__working_days", filter=CLOSED),
        allowed=Sum(Coalesce("steps__limit_days", "steps__working_days"), filter=CLOSED),
    ).values_list("taken", "allowed")
    return [(taken or 0, allowed or 0) for taken, allowed in rows]


@dataclass(frozen=True)
class Timeliness:
    decided: int
    median_days: float | None
    mean_days: float | None
    within: int
    share_within: Share | None


def summarise(found: list[tuple[int, int]]) -> Timeliness:
    days = [taken for taken, _allowed in found]
    within = sum(taken <= allowed for taken, allowed in found)
    return Timeliness(
        decided=len(found), median_days=statistics.median(days) if days else None,
        mean_days=round(statistics.fmean(days), 1) if days else None, within=within,
        share_within=share(within, len(found)))


def timeliness(current: Timeliness, previous: Timeliness, year: int) -> Chart:
    """The figures of the two years side by side; the chart draws the median and mean."""
    labels = {"decided": _("Dossiers decided"),
              "median_days": _("Median working days from submission to decision"),
              "mean_days": _("Mean working days from submission to decision"),
              "within": _("Decided within the limit"),
              "share_within": _("Share decided within the limit")}
    rows = [[label, getattr(previous, field), getattr(current, field)]
            for field, label in labels.items()]
    columns = [_("Figure"), str(year - 1), str(year)]
    table = Table("timeliness", _("Timeliness of the dossiers decided"), columns, rows, notes=[
        _("Working days exclude weekends and public holidays. A dossier's limit is the sum "
          "of the time limits of the steps it went through, as in force when each began; a "
          "step without a limit in working days counts as taking its own time.")])
    return Chart(table, rows=(1, 2))
