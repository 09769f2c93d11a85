"""Excel import of units and people (upload, job page with progress), template and exports."""

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from vinhdanh.organisations.importers import (
    CellError,
    build_template,
    export_people,
    export_units,
)
from vinhdanh.organisations.models import ImportJob, Person, Unit
from vinhdanh.organisations.services.imports import start_import
from vinhdanh.workspace.forms.fields import validate_workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECENT_JOBS = 20


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Workbook (.xlsx or .xls)"), validators=[validate_workbook],
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xls"}),
    )


def may_import(user) -> bool:
    return user.has_perm("organisations.import_people") or user.has_perm(
        "organisations.import_units")


@login_required
def upload(request):
    if not may_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        job = start_import(actor=request.user, uploaded_file=form.cleaned_data["file"])
        return redirect(job)
    jobs = (ImportJob.objects.visible_to(request.user).filter(kind="organisations")
            .select_related("created_by"))
    return render(request, "workspace/imports/upload.html", {
        "form": form, "jobs": jobs[:RECENT_JOBS],
        "max_megabytes": settings.IMPORT_MAX_BYTES // (1024 * 1024),
    })


def job_context(request, pk, *, status="workspace:import-job-status",
                upload="workspace:import-upload") -> dict:
    """What a job page shows; ``status`` and ``upload`` name the importer's own pages."""
    job = get_object_or_404(ImportJob.objects.visible_to(request.user), pk=pk)
    errors = [CellError.from_dict(error) for error in job.errors]
    return {"job": job, "errors": errors, "status_url": reverse(status, args=[job.pk]),
            "upload_url": reverse(upload)}


@login_required
@require_GET
def job_detail(request, pk):
    return render(request, "workspace/imports/job.html", job_context(request, pk))


@login_required
@require_GET
def job_status(request, pk):
    """The part of the job page that htmx polls while the job runs."""
    return render(request, "workspace/imports/_status.html", job_context(request, pk))


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def template(request):
    return _xlsx(build_template(), "mau-nhap-don-vi-nhan-su.xlsx")


@login_required
@require_GET
def units_export(request):
    units = Unit.objects.visible_to(request.user)
    if request.GET.get("q"):
        units = units.search(request.GET["q"])
    return _xlsx(export_units(units), "don-vi.xlsx")


@login_required
@require_GET
def people_export(request):
    people = Person.objects.visible_to(request.user)
    if request.GET.get("q"):
        people = people.search(request.GET["q"])
    return _xlsx(export_people(people), "nhan-su.xlsx")
