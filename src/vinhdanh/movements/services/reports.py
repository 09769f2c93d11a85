"""Units' progress reports on movements: summary, figures against targets, evidence files."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.movements.enums import ReportPeriod
from vinhdanh.movements.models import ProgressFigure, ProgressReport, ReportEvidence
from vinhdanh.movements.queries import participates
from vinhdanh.movements.services.files import check_document


def _check_year(movement, year: int) -> None:
    last = movement.ends_on.year if movement.ends_on else None
    if year < movement.starts_on.year or last is not None and year > last:
        raise DomainError({"year": [_("The movement does not run in %(year)s.") % {"year": year}]})


def _check_figures(movement, figures: dict) -> None:
    """``figures`` maps targets of the movement to non-negative values."""
    if any(target.movement_id != movement.pk for target in figures):
        raise DomainError({"figures": [_("A figure names a target of another movement.")]})
    if any(value is not None and Decimal(value) < 0 for value in figures.values()):
        raise DomainError({"figures": [_("A figure cannot be negative.")]})


def _write_figures(report: ProgressReport, figures: dict) -> None:
    for target, value in figures.items():
        if value is None:
            report.figures.filter(target=target).delete()
        else:
            ProgressFigure.objects.update_or_create(report=report, target=target,
                                                    defaults={"value": value})


def _add_evidence(report: ProgressReport, evidence) -> None:
    for upload in evidence:
        check_document(upload, field="evidence")
    for upload in evidence:
        ReportEvidence.objects.create(report=report, file=upload, title=upload.name[:255])


@transaction.atomic
def submit_report(movement, *, actor, unit, year: int, period: str, summary: str,
                  figures=None, evidence=(), submitted_at=None) -> ProgressReport:
    """Records ``unit``'s report for a year and period, with figures and evidence files.

    ``submitted_at`` defaults to now; the demo data gives the days old reports came in.
    """
    figures = figures or {}
    if not participates(movement, unit):
        raise DomainError(_("%(unit)s does not take part in this movement.") % {"unit": unit})
    if period not in ReportPeriod.values:
        raise DomainError({"period": [_("Choose the first six months or the whole year.")]})
    _check_year(movement, year)
    _check_figures(movement, figures)
    if ProgressReport.objects.filter(movement=movement, unit=unit, year=year,
                                     period=period).exists():
        raise DomainError(_("%(unit)s has already reported for this period.") % {"unit": unit})
    report = ProgressReport.objects.create(
        movement=movement, unit=unit, year=year, period=period, summary=summary,
        submitted_by=actor if actor and actor.is_authenticated else None,
        submitted_at=submitted_at or timezone.now(),
    )
    _write_figures(report, figures)
    _add_evidence(report, evidence)
    log_action(report, actor=actor, action="movement_report.submitted",
               message=_("%(unit)s reported on %(movement)s") % {"unit": unit,
                                                                "movement": movement})
    return report


@transaction.atomic
def update_report(report: ProgressReport, *, actor, summary=None, figures=None,
                  evidence=()) -> ProgressReport:
    """Changes a report's summary and figures and adds evidence; each change is logged."""
    figures = figures or {}
    _check_figures(report.movement, figures)
    if summary is not None:
        report.summary = summary
    report.submitted_at = timezone.now()
    report.save(update_fields=["summary", "submitted_at"])
    _write_figures(report, figures)
    _add_evidence(report, evidence)
    log_action(report, actor=actor, action="movement_report.updated",
               message=_("%(unit)s updated its report on %(movement)s")
               % {"unit": report.unit, "movement": report.movement},
               figures={str(t.pk): str(v) for t, v in figures.items()},
               evidence=[upload.name for upload in evidence])
    return report


@transaction.atomic
def remove_evidence(evidence: ReportEvidence, *, actor) -> None:
    """Deletes one evidence file of a report."""
    report = evidence.report
    log_action(report, actor=actor, action="movement_report.evidence_removed",
               message=_("Removed evidence %(title)s") % {"title": evidence.title})
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    # The file goes only once the row is surely gone.
    transaction.on_commit(lambda: storage.delete(name))
