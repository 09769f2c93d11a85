"""A unit's progress report on a movement: write it, read it, change it, its evidence files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.movements.enums import ReportPeriod
from vinhdanh.movements.models import ProgressReport, ReportEvidence
from vinhdanh.movements.services import reports as services
from vinhdanh.workspace.forms.movements import NewReportForm, ReportForm
from vinhdanh.workspace.views.common import posted, posted_files, recent_history, save_form
from vinhdanh.workspace.views.movements import (
    download,
    reporting_units,
    require,
    visible_movement,
)


def _submit(request, movement, form):
    data = form.cleaned_data
    require(request.user, "add_progressreport", data["unit"])
    return services.submit_report(
        movement, actor=request.user, unit=data["unit"], year=data["year"],
        period=data["period"], summary=data["summary"], figures=form.figures(),
        evidence=form.evidence_files())


def _new_initial(request) -> dict:
    period = request.GET.get("period")
    return {"unit": request.GET.get("unit"), "year": request.GET.get("year")
            or timezone.localdate().year,
            "period": period if period in ReportPeriod.values else ReportPeriod.MID_YEAR}


@login_required
def report_create(request, pk):
    movement = visible_movement(request, pk)
    units = reporting_units(request.user, movement)
    require(request.user, "add_progressreport")
    form = NewReportForm(posted(request), posted_files(request), units=units,
                         targets=movement.targets.all(), initial=_new_initial(request))
    report = save_form(request, form, lambda data: _submit(request, movement, form))
    if report:
        messages.success(request, _("The report was saved."))
        return redirect(report)
    return render(request, "workspace/movements/report_form.html",
                  {"form": form, "movement": movement, "heading": _("Report on %(movement)s")
                   % {"movement": movement}})


def _report(request, pk, perm="view_progressreport"):
    queryset = ProgressReport.objects.visible_to(request.user).select_related(
        "movement__launched_by", "unit", "submitted_by")
    report = get_object_or_404(queryset, pk=pk)
    require(request.user, perm, report)
    return report


@login_required
@require_GET
def report_detail(request, pk):
    report = _report(request, pk)
    values = {f.target_id: f.value for f in report.figures.all()}
    targets = [(t, values.get(t.pk)) for t in report.movement.targets.all()]
    return render(request, "workspace/movements/report_detail.html", {
        "report": report, "movement": report.movement, "targets": targets,
        "evidence": report.evidence.all(),
        "can_change": request.user.has_perm("movements.change_progressreport", report),
        "history": recent_history(report),
    })


@login_required
def report_edit(request, pk):
    report = _report(request, pk, "change_progressreport")
    initial = {"summary": report.summary,
               **{f"target_{f.target_id}": f.value for f in report.figures.all()}}
    form = ReportForm(posted(request), posted_files(request),
                      targets=report.movement.targets.all(), initial=initial)
    if save_form(request, form, lambda data: services.update_report(
            report, actor=request.user, summary=data["summary"], figures=form.figures(),
            evidence=form.evidence_files())):
        messages.success(request, _("The report was saved."))
        return redirect(report)
    return render(request, "workspace/movements/report_form.html", {
        "form": form, "movement": report.movement, "report": report,
        "heading": _("Edit the report of %(unit)s") % {"unit": report.unit}})


@login_required
@require_GET
def evidence_file(request, pk):
    evidence = get_object_or_404(ReportEvidence.objects.select_related("report"), pk=pk)
    _report(request, evidence.report_id)
    return download(evidence.file)
