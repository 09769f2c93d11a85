"""A group's year-end summary report: the page with its editable text and the figures it
will contain, and the Word download. Group editors write it; whoever sees the group reads
it and downloads the document (``reports.summary.rules``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.organisations.models import EmulationGroup
from vinhdanh.reports.summary import (
    rules,  # noqa: F401 (registers the permissions)
    services,
)
from vinhdanh.reports.summary.data import figures_of
from vinhdanh.reports.summary.document import file_name, word_file
from vinhdanh.workspace.access import require_perm, visible_or_404
from vinhdanh.workspace.forms.summary import SummaryForm
from vinhdanh.workspace.views.common import posted, recent_history, save_form

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _group(request, pk):
    """The group if the user sees it (404 otherwise) and may read its report (403)."""
    group = visible_or_404(EmulationGroup.objects.select_related("leader", "deputy"),
                           request.user, pk)
    require_perm(request.user, "view_summary", group, app="reports")
    return group


@login_required
def summary_report(request, pk):
    group = _group(request, pk)
    may_edit = request.user.has_perm("reports.change_summary", group)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    report = services.draft_for(group)
    form = SummaryForm(posted(request), instance=report) if may_edit else None
    if form is not None and save_form(request, form, lambda data: services.save_summary(
            group, actor=request.user, **data)):
        messages.success(request, _("The summary report was saved."))
        return redirect("workspace:summary-report", group.pk)
    return render(request, "workspace/summary/report.html", {
        "group": group, "report": report, "form": form, "may_edit": may_edit,
        "figures": figures_of(group),
        "history": recent_history(report) if report.pk else []})


@login_required
@require_GET
def summary_word(request, pk):
    group = _group(request, pk)
    response = HttpResponse(word_file(group), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name(group)}"'
    return response
