"""What the background tasks do: the transition mails and the re-evaluation of verdicts."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from vinhdanh.nominations.enums import EDITABLE_STATES, FINAL_STATES
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import eligibility
from vinhdanh.nominations.services.notifications import recipients


def deliver_transition_mail(nomination_id: int, action: str, actor_id: int | None) -> int:
    nomination = (Nomination.objects.select_related("batch", "batch__proposing_unit", "honor")
                  .filter(pk=nomination_id).first())
    if nomination is None:
        return 0
    users = recipients(nomination, action, actor_id)
    step = nomination.steps.order_by("-entered_at", "-id").first()
    with translation.override(settings.LANGUAGE_CODE):
        for user in users:
            context = {"user": user, "nomination": nomination, "step": step,
                       "batch": nomination.batch}
            subject = _("Dossier of %(candidate)s: %(state)s") % {
                "candidate": nomination.candidate, "state": nomination.get_state_display()}
            body = render_to_string("nominations/email/transition.txt", context)
            EmailMessage(subject=subject, body=body, to=[user.email]).send()
    return len(users)


def reevaluate(nomination_ids: list[int]) -> int:
    """Re-runs the verdicts of the open dossiers among ``nomination_ids``."""
    rows = (Nomination.objects.filter(pk__in=nomination_ids)
            .exclude(state__in=FINAL_STATES)
            .select_related("batch", "honor", "person", "unit", "household"))
    count = 0
    for nomination in rows:
        if nomination.state in EDITABLE_STATES and not nomination.verdict_at:
            continue  # never evaluated: it will be at submission
        eligibility.evaluate(nomination)
        count += 1
    return count
