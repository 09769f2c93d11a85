"""The eligibility verdict attached to a nomination: recorded at submission, re-run when the
dossier or the candidate's history changes (signals.py marks it stale and queues a re-run).
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext

from vinhdanh.core.errors import DomainError
from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.services import eligibility as engine
from vinhdanh.movements.services.registrations import registration_warning
from vinhdanh.nominations.models import Nomination


def line_dict(line) -> dict:
    return {"label": str(line.label), "outcome": line.outcome, "detail": str(line.detail),
            "article": line.article, "confirmed": line.confirmed}


def evaluate(nomination: Nomination, *, on_date: dt.date | None = None,
             save: bool = True) -> Nomination:
    """Runs the eligibility engine for the nomination's candidate, honour and year, and the
    registration check; stores the verdict, its reasons and the pack used."""
    received = nomination.received_on
    try:
        evaluation = engine.evaluate(nomination.candidate, nomination.honor.code,
                                     nomination.batch.year, received_on=received)
    except DomainError as error:  # no rule pack for the year (before 2024)
        nomination.verdict = Verdict.MISSING
        nomination.verdict_lines = [{"label": gettext("Rule pack"), "outcome": "missing",
                                     "detail": " ".join(error.messages), "article": "",
                                     "confirmed": False}]
        nomination.verdict_pack = ""
    else:
        nomination.verdict = evaluation.verdict
        nomination.verdict_lines = [line_dict(line) for line in evaluation.lines]
        nomination.verdict_pack = evaluation.pack_code
    nomination.verdict_at = timezone.now()
    nomination.verdict_stale = False
    nomination.registration_warning = _registration_warning(
        nomination, on_date or received or timezone.localdate())
    if save:
        nomination.save(update_fields=["verdict", "verdict_lines", "verdict_pack", "verdict_at",
                                       "verdict_stale", "registration_warning"])
    return nomination


def _registration_warning(nomination: Nomination, day: dt.date) -> str:
    try:
        warning = registration_warning(
            honor=nomination.honor, year=nomination.batch.year,
            **{nomination.candidate._meta.model_name: nomination.candidate}, on_date=day)
    except LookupError:  # no rule pack on that day: nothing says registration is expected
        return ""
    return warning or ""


def not_eligible(nomination: Nomination) -> bool:
    return nomination.verdict == Verdict.NOT_ELIGIBLE
