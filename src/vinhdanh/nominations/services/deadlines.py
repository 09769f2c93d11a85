"""Time limits of a dossier's steps, in working days (core.workdays: Tết and other public
holidays are data per year), from the rule pack in force on the day a step starts and the
province's settings on top (``time_limit.<step>``).

Every transition closes the nomination's open NominationStep (left at, working days taken)
and opens the next one with its limit and due date; the nomination carries the current
due date so that "overdue" is one indexed filter.
"""

import datetime as dt

from django.utils import timezone

from vinhdanh.core.workdays import Calendar, add_working_days, working_days_between
from vinhdanh.honors.law.model import Param
from vinhdanh.honors.law.packs import effective_pack_for
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination, NominationStep

STEP_LIMITS = {S.SUBMITTED: "receipt", S.GROUP_REVIEW: "group_review", S.READY: "council",
               S.RETURNED: "resubmission"}
# The appraisal of grassroots titles has its own, shorter limits (procedure.py).
APPRAISAL_LIMITS = {"chien_si_thi_dua_co_so": "cstdcs_appraisal",
                    "lao_dong_tien_tien": "commune_appraisal",
                    "tap_the_lao_dong_tien_tien": "commune_appraisal"}


def limit_key(nomination: Nomination, state: str) -> str | None:
    if state == S.APPRAISAL:
        return APPRAISAL_LIMITS.get(nomination.honor.code, "board_appraisal")
    return STEP_LIMITS.get(state)


def limit_for(nomination: Nomination, state: str, day: dt.date) -> Param | None:
    """The time limit of ``state`` for this nomination, as in force on ``day``."""
    key = limit_key(nomination, state)
    if key is None:
        return None
    try:
        return effective_pack_for(day).time_limit(key)
    except LookupError:  # before 2024: no pack, no limit
        return None


def enter(nomination: Nomination, state: str, *, action: str, actor, reason: str = "",
          now: dt.datetime | None = None, due_on: dt.date | None = None) -> NominationStep:
    """Closes the open step of ``nomination`` and opens one in ``state``; sets the
    nomination's ``step_started_at`` and ``due_on`` (not saved: the caller saves).

    ``due_on`` overrides the working-day limit (a public-comment window ends on its own
    date)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    _close_open_step(nomination, now)
    limit = None if due_on is not None else limit_for(nomination, state, today)
    if limit is not None:
        due_on = add_working_days(today, int(limit.value))
    step = NominationStep.objects.create(
        nomination=nomination, state=state, action=action, entered_at=now,
        actor=actor if actor is not None and actor.is_authenticated else None,
        reason=reason, limit_days=int(limit.value) if limit is not None else None,
        due_on=due_on)
    nomination.step_started_at = now
    nomination.due_on = due_on
    return step


def _close_open_step(nomination: Nomination, now: dt.datetime) -> None:
    step = nomination.steps.filter(left_at__isnull=True).order_by("-entered_at", "-id").first()
    if step is None:
        return
    step.left_at = now
    step.working_days = max(0, working_days_between(timezone.localdate(step.entered_at),
                                                    timezone.localdate(now)))
    step.save(update_fields=["left_at", "working_days"])


def days_overdue(nomination: Nomination, today: dt.date | None = None,
                 calendar: Calendar | None = None) -> int:
    """Working days past the current step's due date (0 when on time or not timed).

    A list passes one ``calendar`` loaded for all its rows (core.workdays: one query)."""
    today = today or timezone.localdate()
    if nomination.due_on is None or today <= nomination.due_on:
        return 0
    return working_days_between(nomination.due_on, today, calendar)
