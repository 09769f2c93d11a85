"""Writing a group's summary report: one function creates or updates its text."""

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.reports.models import SummaryReport
from vinhdanh.reports.summary.defaults import prefill

FIELDS = ("issuer_upper", "issuer", "number", "symbol", "place", "dated", "title",
          "situation", "results", "pledge", "limitations", "directions", "proposals",
          "signer_title", "signer_name", "recipients")


def draft_for(group) -> SummaryReport:
    """The group's saved report, or a new one (not saved) pre-filled from what exists."""
    saved = SummaryReport.objects.filter(group=group).select_related("updated_by").first()
    return saved or SummaryReport(group=group, **prefill(group))


@transaction.atomic
def save_summary(group, *, actor, **fields) -> SummaryReport:
    """Creates or updates ``group``'s summary report with ``fields`` (names of ``FIELDS``;
    a new report takes the pre-filled text for the others) and logs who changed what."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown summary report fields: {', '.join(sorted(unknown))}")
    report = SummaryReport.objects.select_for_update().filter(group=group).first()
    created = report is None
    report = report or SummaryReport(group=group, **prefill(group))
    changed = [name for name, value in fields.items() if getattr(report, name) != value]
    for name, value in fields.items():
        setattr(report, name, value)
    _check_date(group, report.dated)
    report.updated_by = actor if actor is not None and actor.is_authenticated else None
    report.full_clean()
    report.save()
    _log(report, actor, created, changed)
    return report


def _check_date(group, dated) -> None:
    if dated is not None and dated.year not in {group.year, group.year + 1}:
        raise DomainError({"dated": [
            _("The report is dated in the group's year or early in the next one.")]})


def _log(report, actor, created: bool, changed: list[str]) -> None:
    if created:
        log_action(report, actor=actor, action="reports.summary_created",
                   message=_("Summary report of %(group)s drafted") % {"group": report.group})
    elif changed:
        log_action(report, actor=actor, action="reports.summary_updated",
                   message=_("Summary report of %(group)s edited") % {"group": report.group},
                   fields=changed)
