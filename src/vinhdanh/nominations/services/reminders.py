"""Deadline reminders: mail whoever must act on the dossiers whose step is overdue (or, on
request, due within a few working days).

Who must act depends on where the dossier waits:
- submitted (a unit's own batch), appraisal, public comment, ready: the board (board
  officers and administrators whose grant is on the province root);
- submitted (a group's batch), group review: the group's leader officers;
- returned: the proposing unit's clerks.

The service picks the recipients and queues one task per user after the commit; the task
re-reads the dossiers when it runs, so a dossier that has moved on meanwhile is left out.
"""

import datetime as dt
from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.models import ActivityLog
from vinhdanh.core.workdays import add_working_days
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services.deadlines import days_overdue
from vinhdanh.nominations.services.notifications import board_grants
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment, User

BOARD_STATES = frozenset({S.APPRAISAL, S.PUBLIC_COMMENT, S.READY})
REMINDED_STATES = frozenset({S.SUBMITTED, S.GROUP_REVIEW, S.RETURNED}) | BOARD_STATES
ACTION = "nominations.deadline_reminders"


def due_nominations(today: dt.date | None = None, days: int = 0):
    """Dossiers waiting in a timed step that is overdue on ``today`` or, with ``days``,
    due within that many working days."""
    today = today or timezone.localdate()
    last = add_working_days(today, days) if days > 0 else today - dt.timedelta(days=1)
    return (Nomination.objects.filter(state__in=REMINDED_STATES, due_on__isnull=False,
                                      due_on__lte=last)
            .select_related("batch").order_by("due_on", "id"))


def _responsible(nomination) -> tuple[str, int | None]:
    """Who must act: ("board", None), ("group", group id) or ("unit", unit id)."""
    batch = nomination.batch
    if nomination.state == S.RETURNED:
        return "unit", batch.proposing_unit_id
    if nomination.state == S.GROUP_REVIEW or (nomination.state == S.SUBMITTED
                                              and batch.group_id):
        return "group", batch.group_id
    return "board", None


def _users_of(kind: str, ids: set) -> dict:
    """(kind, id) → ids of active users with an e-mail holding that responsibility."""
    queries = {"board": board_grants(),
               "group": Q(role=Role.GROUP_LEADER, group_id__in=ids),
               "unit": Q(role=Role.UNIT_CLERK, unit_id__in=ids)}
    rows = (RoleAssignment.objects.filter(queries[kind], user__is_active=True)
            .exclude(user__email="").values_list("user_id", "group_id", "unit_id"))
    found = defaultdict(set)
    for user_id, group_id, unit_id in rows:
        found[kind, {"board": None, "group": group_id, "unit": unit_id}[kind]].add(user_id)
    return found


def recipients(nominations) -> dict[int, list[int]]:
    """User id → the ids of the dossiers among ``nominations`` that user must act on."""
    wanted = defaultdict(list)
    for nomination in nominations:
        wanted[_responsible(nomination)].append(nomination.pk)
    users = {}
    for kind in ("board", "group", "unit"):
        ids = {key for found_kind, key in wanted if found_kind == kind}
        if ids:
            users |= _users_of(kind, ids)
    found = defaultdict(set)
    for who, nomination_ids in wanted.items():
        for user_id in users.get(who, ()):
            found[user_id].update(nomination_ids)
    return {user_id: sorted(ids) for user_id, ids in found.items()}


def _enqueue(user_id: int, nomination_ids: list[int], days: int) -> None:
    from vinhdanh.nominations.tasks import send_deadline_reminder  # tasks import this module

    send_deadline_reminder.enqueue(user_id, nomination_ids, days)


@transaction.atomic
def send_reminders(*, today: dt.date | None = None, days: int = 0, actor=None) -> int:
    """Queues one reminder mail per responsible user after the commit and logs the run.

    Returns the number of users reminded."""
    today = today or timezone.localdate()
    nominations = list(due_nominations(today, days))
    found = recipients(nominations)
    for user_id, nomination_ids in found.items():
        transaction.on_commit(partial(_enqueue, user_id, nomination_ids, days))
    log_action(None, actor=actor, action=ACTION,
               message=_("Deadline reminders: %(users)s people mailed about %(count)s "
                         "dossiers") % {"users": len(found), "count": len(nominations)},
               users=sorted(found), nominations=[n.pk for n in nominations], days=days,
               day=today.isoformat())
    return len(found)


def reminded_today(today: dt.date | None = None) -> bool:
    """Whether a reminder run was logged today (the daily command runs once)."""
    today = today or timezone.localdate()
    start = timezone.make_aware(dt.datetime.combine(today, dt.time.min))
    return ActivityLog.objects.filter(action=ACTION, created_at__gte=start).exists()


def _still_due(nomination_ids: list[int], days: int, today: dt.date) -> list[Nomination]:
    return list(due_nominations(today, days).filter(pk__in=nomination_ids)
                .select_related("batch__proposing_unit", "honor", "person", "unit",
                                "household"))


def deliver_reminder(user_id: int, nomination_ids: list[int], days: int = 0) -> bool:
    """Mails one user the dossiers still waiting on them; False when none is left or the
    user has no e-mail."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    today = timezone.localdate()
    rows = _still_due(nomination_ids, days, today)
    mine = set(recipients(rows).get(user_id, ()))  # who must act may have changed too
    rows = [n for n in rows if n.pk in mine]
    if not rows:
        return False
    lines = [{"nomination": n, "late": days_overdue(n, today)} for n in rows]
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: %(count)s dossiers are due or overdue") % {"count": len(rows)}
        body = render_to_string("nominations/email/deadline_reminder.txt",
                                {"user": user, "lines": lines, "today": today})
    EmailMessage(subject=subject, body=body, to=[user.email]).send()
    return True

