"""Timeliness statistics from the journey rows (NominationStep).

A step is "closed" once the dossier has left it; its ``working_days`` were counted then
(core.workdays: Tết and the other holidays are data). A closed step with a ``due_on`` is
"timed"; it was on time when the day it was left is not after its due date.

Every function takes a nominations queryset (usually ``Nomination.objects.visible_to(user)``)
so a user's statistics cover only the dossiers he may see. Each reads its rows with one or
two ``values_list`` queries and no query per row.
"""

import datetime as dt
import statistics
from collections import defaultdict

from django.utils import timezone

from vinhdanh.core.text import sort_key
from vinhdanh.core.workdays import Calendar
from vinhdanh.nominations.enums import IN_PROGRESS_STATES, NominationState
from vinhdanh.nominations.models import NominationStep

S = NominationState
# The states a dossier waits in (each has a time limit, or is waited on by the board).
STAT_STATES = (S.SUBMITTED, S.GROUP_REVIEW, S.APPRAISAL, S.PUBLIC_COMMENT, S.READY,
               S.RETURNED)
BREAKDOWN_KEYS = {"unit": "batch__proposing_unit__name", "honor": "honor__name",
                  "year": "batch__year"}


def _closed_steps(nominations_qs, *, year: int | None = None):
    steps = NominationStep.objects.filter(nomination__in=nominations_qs.values("pk"),
                                          state__in=STAT_STATES, left_at__isnull=False)
    if year is not None:
        steps = steps.filter(nomination__batch__year=year)
    return steps


def _on_time(left_at: dt.datetime, due_on: dt.date) -> bool:
    return timezone.localdate(left_at) <= due_on


def _median(values: list) -> float | None:
    return statistics.median(values) if values else None


def _mean(values: list) -> float | None:
    return round(statistics.fmean(values), 1) if values else None


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def step_stats(nominations_qs, *, year: int | None = None) -> list[dict]:
    """One row per waited-in state: how many closed steps, their median and mean working
    days, and how many of the timed ones ended within their limit."""
    days = defaultdict(list)
    within = defaultdict(int)
    timed = defaultdict(int)
    rows = _closed_steps(nominations_qs, year=year).values_list(
        "state", "working_days", "left_at", "due_on")
    for state, working_days, left_at, due_on in rows:
        if working_days is not None:
            days[state].append(working_days)
        if due_on is not None:
            timed[state] += 1
            within[state] += _on_time(left_at, due_on)
    return [{"state": str(state), "label": str(state.label), "count": len(days[state]),
             "median_days": _median(days[state]), "mean_days": _mean(days[state]),
             "within_limit": within[state], "timed": timed[state],
             "share_within": _share(within[state], timed[state])}
            for state in STAT_STATES]


def _first_ready(steps) -> dict[int, dt.datetime]:
    """Nomination id → when it first entered ``ready``."""
    found = {}
    for nomination_id, state, entered_at, *_ in steps:
        if state == S.READY and (nomination_id not in found
                                 or entered_at < found[nomination_id]):
            found[nomination_id] = entered_at
    return found


def _days_to_council(nominations: list[tuple], steps: list[tuple]) -> dict[int, int]:
    """Nomination id → working days from its first submission to entering ``ready``,
    counted with one calendar loaded over the whole span."""
    submitted = {pk: timezone.localdate(at) for pk, _key, at, *_ in nominations if at}
    ready = {pk: timezone.localdate(at) for pk, at in _first_ready(steps).items()
             if pk in submitted}
    if not ready:
        return {}
    days = [*ready.values(), *(submitted[pk] for pk in ready)]
    calendar = Calendar.load(min(days), max(days))
    return {pk: max(0, calendar.working_days_between(submitted[pk], day))
            for pk, day in ready.items()}


def breakdown(nominations_qs, by: str, *, today: dt.date | None = None) -> list[dict]:
    """Rows per proposing unit, honour or year (``by``): nominations submitted and decided,
    the median working days from first submission to the council, the share of timed steps
    that ended within their limit, and the open dossiers overdue today."""
    if by not in BREAKDOWN_KEYS:
        raise ValueError(f"breakdown by {by!r}: use one of {', '.join(BREAKDOWN_KEYS)}")
    today = today or timezone.localdate()
    nominations = list(nominations_qs.order_by().values_list(
        "pk", BREAKDOWN_KEYS[by], "submitted_at", "state", "due_on"))
    key_of = {pk: key for pk, key, *_ in nominations}
    steps = list(NominationStep.objects.filter(nomination__in=nominations_qs.values("pk"))
                 .order_by().values_list("nomination_id", "state", "entered_at", "left_at",
                                         "due_on"))
    to_council = _days_to_council(nominations, steps)
    rows = {}
    for pk, key, submitted_at, state, due_on in nominations:
        row = rows.setdefault(key, {"key": key, "submitted": 0, "decided": 0, "_days": [],
                                    "_within": 0, "_timed": 0, "overdue_now": 0})
        row["submitted"] += submitted_at is not None
        row["decided"] += state == S.DECIDED
        row["overdue_now"] += (state in IN_PROGRESS_STATES and due_on is not None
                               and due_on < today)
        if pk in to_council:
            row["_days"].append(to_council[pk])
    for nomination_id, state, _entered, left_at, due_on in steps:
        if state in STAT_STATES and left_at is not None and due_on is not None:
            row = rows[key_of[nomination_id]]
            row["_timed"] += 1
            row["_within"] += _on_time(left_at, due_on)
    result = [_finish(row) for row in rows.values()]
    return sorted(result, key=lambda row: _order(row["key"]))


def _finish(row: dict) -> dict:
    days, within, timed = row.pop("_days"), row.pop("_within"), row.pop("_timed")
    row["median_days_to_council"] = _median(days)
    row["within_limit_share"] = _share(within, timed)
    return row


def _order(key):
    return (0, key, "") if isinstance(key, int) else (1, 0, sort_key(str(key or "")))


def overdue(nominations_qs, today: dt.date | None = None):
    """The open dossiers past their current step's due date, the most overdue first."""
    return (nominations_qs.overdue(today)
            .select_related("batch", "batch__proposing_unit", "batch__group", "honor",
                            "person", "unit", "household")
            .order_by("due_on", "id"))
