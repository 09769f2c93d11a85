"""Reminders: mail the clerks of the units whose scores are still missing in a pass.

The service picks the recipients and queues one task per clerk after the commit; the task
re-reads what is missing when it runs, so a unit that has finished meanwhile is not told
it is late.
"""

from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.enums import Role
from vinhdanh.organisations.models import RoleAssignment, User
from vinhdanh.scoring.models import ScoringPass
from vinhdanh.scoring.services.passes import is_open, missing_scores, refuse_if_published


def _late_units(scoring_pass: ScoringPass) -> dict[int, list]:
    """Scorer unit id → its incomplete sheets."""
    late = defaultdict(list)
    for row in missing_scores(scoring_pass):
        late[row.scorer.pk].append(row)
    return late


def recipients(scoring_pass: ScoringPass) -> dict[int, list[int]]:
    """User id → the ids of the late units they are the clerk of (users with an e-mail)."""
    assignments = RoleAssignment.objects.filter(
        role=Role.UNIT_CLERK, unit_id__in=_late_units(scoring_pass), user__is_active=True,
    ).exclude(user__email="").values_list("user_id", "unit_id")
    found = defaultdict(set)
    for user_id, unit_id in assignments:
        found[user_id].add(unit_id)
    return {user_id: sorted(units) for user_id, units in found.items()}


def _enqueue(pass_id: int, user_id: int, unit_ids: list[int]) -> None:
    from vinhdanh.scoring.tasks import send_scoring_reminder  # the task module imports this one

    send_scoring_reminder.enqueue(pass_id, user_id, unit_ids)


@transaction.atomic
def send_reminders(scoring_pass: ScoringPass, *, actor=None) -> int:
    """Queues a reminder mail to each clerk of a late unit and stamps ``reminded_at``.

    Returns the number of clerks reminded.
    """
    refuse_if_published(scoring_pass.round)
    if not is_open(scoring_pass):
        raise DomainError(_("This scoring pass is not open."))
    found = recipients(scoring_pass)
    for user_id, unit_ids in found.items():
        transaction.on_commit(partial(_enqueue, scoring_pass.pk, user_id, unit_ids))
    scoring_pass.reminded_at = timezone.now()
    scoring_pass.save(update_fields=["reminded_at"])
    log_action(scoring_pass, actor=actor, action="scoring.reminders_sent",
               message=_("Reminded %(count)s clerks of %(pass)s")
               % {"count": len(found), "pass": scoring_pass}, users=sorted(found))
    return len(found)


def _message(scoring_pass: ScoringPass, user: User, sheets: list) -> EmailMessage:
    context = {"user": user, "scoring_pass": scoring_pass, "round": scoring_pass.round,
               "group": scoring_pass.round.template.group, "sheets": sheets,
               "missing": sum(row.missing for row in sheets)}
    subject = _("Reminder: scores missing in %(pass)s") % {"pass": scoring_pass}
    body = render_to_string("scoring/email/reminder.txt", context)
    return EmailMessage(subject=subject, body=body, to=[user.email])


def deliver_reminder(pass_id: int, user_id: int, unit_ids: list[int]) -> bool:
    """Mails one clerk what their units still miss; False when nothing is missing any more."""
    scoring_pass = ScoringPass.objects.select_related("round__template__group").get(pk=pass_id)
    user = User.objects.get(pk=user_id)
    late = _late_units(scoring_pass) if is_open(scoring_pass) else {}
    sheets = [row for unit_id in unit_ids for row in late.get(unit_id, [])]
    if not sheets or not user.email:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        message = _message(scoring_pass, user, sheets)
    message.send()
    return True
