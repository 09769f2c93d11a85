"""Honour history: the forms that add to a candidate's history, and the Excel import of
legacy history (upload, template, job page with progress).

A candidate outside the user's visibility does not exist (404); one the user sees but may
not write is forbidden (403).
"""

from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.honors.importers import build_history_template
from vinhdanh.honors.models import DisciplinePeriod
from vinhdanh.honors.services.history import (
    add_honor_record,
    add_initiative,
    add_restriction,
    end_restriction,
    set_task_rating,
    subject_of,
)
from vinhdanh.honors.services.history_imports import history_jobs, start_history_import
from vinhdanh.organisations.models import Household, ImportJob, Person, Unit
from vinhdanh.workspace.access import require_perm
from vinhdanh.workspace.forms.history import (
    EndRestrictionForm,
    HonorRecordForm,
    InitiativeForm,
    RestrictionForm,
    TaskRatingForm,
)
from vinhdanh.workspace.views.common import posted, save_form
from vinhdanh.workspace.views.imports import UploadForm, job_context

CANDIDATES = {
    "person": Person.objects.select_related("unit"),
    "unit": Unit.objects.all(),
    "household": Household.objects.select_related("unit"),
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
RECENT_JOBS = 20


_require = partial(require_perm, app="honors")


def _writable_candidate(request, kind: str, pk: int):
    """The candidate whose history the user may write: 404 unseen, 403 read-only."""
    if kind not in CANDIDATES:
        raise Http404
    candidate = get_object_or_404(CANDIDATES[kind].visible_to(request.user), pk=pk)
    _require(request.user, "view_history", candidate)
    _require(request.user, "change_history", candidate)
    return candidate


def _form_page(request, candidate, form, action, *, heading, done):
    """Saves a valid POST through ``action`` and returns to the candidate, or shows the form."""
    if save_form(request, form, action):
        messages.success(request, done)
        return redirect(candidate)
    return render(request, "workspace/history/form.html", {
        "form": form, "candidate": candidate, "heading": heading,
        "cancel_url": candidate.get_absolute_url()})


@login_required
def honour_add(request, kind, pk):
    candidate = _writable_candidate(request, kind, pk)
    form = HonorRecordForm(posted(request), subject=subject_of(candidate))
    return _form_page(
        request, candidate, form,
        lambda data: add_honor_record(candidate, actor=request.user, **form.service_kwargs()),
        heading=_("Add an honour"), done=_("The honour was recorded."))


@login_required
def rating_set(request, kind, pk):
    candidate = _writable_candidate(request, kind, pk)
    form = TaskRatingForm(posted(request))
    return _form_page(
        request, candidate, form,
        lambda data: set_task_rating(candidate, actor=request.user, **data),
        heading=_("Set a task rating"), done=_("The task rating was recorded."))


@login_required
def initiative_add(request, kind, pk):
    candidate = _writable_candidate(request, kind, pk)
    form = InitiativeForm(posted(request))
    return _form_page(
        request, candidate, form,
        lambda data: add_initiative(candidate, actor=request.user, **data),
        heading=_("Add an initiative"), done=_("The initiative was recorded."))


@login_required
def restriction_add(request, kind, pk):
    candidate = _writable_candidate(request, kind, pk)
    form = RestrictionForm(posted(request))
    return _form_page(
        request, candidate, form,
        lambda data: add_restriction(candidate, actor=request.user, **data),
        heading=_("Add discipline or a pending case"), done=_("The case was recorded."))


@login_required
def restriction_end(request, pk):
    period = get_object_or_404(DisciplinePeriod.objects.visible_to(request.user), pk=pk)
    candidate = period.candidate
    _require(request.user, "change_history", candidate)
    form = EndRestrictionForm(posted(request))
    return _form_page(
        request, candidate, form,
        lambda data: end_restriction(period, actor=request.user, **data),
        heading=_("Record the end of %(case)s") % {"case": period},
        done=_("The end of the case was recorded."))


@login_required
def history_import(request):
    _require(request.user, "import_history")
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        job = start_history_import(actor=request.user, uploaded_file=form.cleaned_data["file"])
        return redirect("workspace:history-import-job", job.pk)
    jobs = history_jobs(ImportJob.objects.visible_to(request.user)).select_related("created_by")
    return render(request, "workspace/history/import.html", {
        "form": form, "jobs": jobs[:RECENT_JOBS],
        "max_megabytes": settings.IMPORT_MAX_BYTES // (1024 * 1024),
    })


def _job_context(request, pk) -> dict:
    return job_context(request, pk, status="workspace:history-import-job-status",
                       upload="workspace:history-import")


@login_required
@require_GET
def history_import_job(request, pk):
    return render(request, "workspace/imports/job.html", _job_context(request, pk))


@login_required
@require_GET
def history_import_status(request, pk):
    """The part of the job page that htmx polls while the job runs."""
    return render(request, "workspace/imports/_status.html", _job_context(request, pk))


@login_required
@require_GET
def history_import_template(request):
    response = HttpResponse(build_history_template(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-lich-su-khen-thuong.xlsx"'
    return response
