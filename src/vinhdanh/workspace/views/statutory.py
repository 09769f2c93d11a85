"""The statutory statistical report forms (0601.N–0605.N): choose a year, a unit and a
form, read the filled forms on the page, download them as one workbook. Every figure counts
only what ``visible_to`` gives the user, within the chosen unit's subtree."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from vinhdanh.organisations.models import Unit
from vinhdanh.reports.statutory.forms import CURRENT
from vinhdanh.reports.statutory.report import build_report
from vinhdanh.reports.statutory.workbook import workbook
from vinhdanh.workspace.forms.statutory import StatutoryFormsForm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERMISSION = "reports.view_statutory_forms"


def _form(request) -> StatutoryFormsForm:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    # Units a unit-scoped grant reaches (the rule's own test): never a group's members.
    units = Unit.objects.reached_by(request.user, roles=None)
    return StatutoryFormsForm(request.GET, units=units)


def _report(request, chosen: dict):
    if not request.user.has_perm(PERMISSION, chosen["unit"]):
        raise PermissionDenied
    return build_report(request.user, year=chosen["year"], unit=chosen["unit"],
                        forms=chosen["forms"])


def download_url(report, sheet: str = "") -> str:
    query = {"year": report.year, "unit": report.unit.pk, **({"form": sheet} if sheet else {})}
    return f"{reverse('workspace:statutory-forms-download')}?{urlencode(query)}"


def _previews(report) -> list[dict]:
    return [{"filled": filled, "download": download_url(report, filled.form.sheet)}
            for filled in report.forms]


@login_required
@require_GET
def statutory_forms(request):
    form = _form(request)
    chosen = form.chosen()
    report = _report(request, chosen) if chosen else None
    return render(request, "workspace/statutory/forms.html", {
        "form": form, "report": report, "form_set": CURRENT,
        "previews": _previews(report) if report else [],
        "download_all": download_url(report) if report else ""})


def _filename(report) -> str:
    sheet = report.forms[0].form.sheet if len(report.forms) == 1 else "0601-0605"
    return f"bieu-thong-ke-tdkt-{sheet}-{slugify(report.unit.code)}-{report.year}.xlsx"


@login_required
@require_GET
def statutory_forms_download(request):
    chosen = _form(request).chosen()
    if chosen is None:  # the page shows what is wrong with the choices
        return redirect(f"{reverse('workspace:statutory-forms')}?{request.GET.urlencode()}")
    report = _report(request, chosen)
    response = HttpResponse(workbook(report), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{_filename(report)}"'
    return response
