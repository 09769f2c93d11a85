"""The eligibility page: who may receive an honour for a year, with the reasons, and its
Excel export. Both run the same sweep as the API and ``manage.py eligibility``."""

import io
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.honors.enums import Verdict
from vinhdanh.honors.services.sweeps import (
    OUTCOME_LABELS,
    flat_table,
    line_text,
    unit_of,
)
from vinhdanh.workspace.forms.eligibility import EligibilityFilterForm
from vinhdanh.workspace.views.common import vary_on_htmx, wants_fragment

PAGE_SIZE = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class ShownLine:
    line: object  # honors.services.eligibility.Line

    @property
    def outcome_label(self) -> str:
        return OUTCOME_LABELS.get(self.line.outcome, self.line.outcome)


@dataclass
class Row:
    """One candidate of the results table."""

    evaluation: object  # honors.services.eligibility.Evaluation

    @property
    def candidate(self):
        return self.evaluation.candidate

    @property
    def url(self) -> str:
        link = getattr(self.candidate, "get_absolute_url", None)
        return link() if link else ""  # households have no page of their own yet

    @cached_property
    def unit(self):
        return unit_of(self.candidate)

    @property
    def verdict_label(self) -> str:
        return Verdict(self.evaluation.verdict).label

    @property
    def lines(self) -> list[ShownLine]:
        return [ShownLine(line) for line in self.evaluation.lines]


@login_required
@require_GET
def eligibility(request):
    form = EligibilityFilterForm(request.GET or None, user=request.user)
    result = form.sweep(request.user) if form.is_bound else None
    page = Paginator(result.evaluations if result else [], PAGE_SIZE).get_page(
        request.GET.get("page"))
    context = {
        "form": form, "result": result, "page": page, "rows": [Row(e) for e in page],
        "page_range": page.paginator.get_elided_page_range(page.number),
        "counts": _counts(result), "fragment": wants_fragment(request),
        # Filters the results can change: htmx swaps them with the results (out of band).
        "oob_fields": [form["group"], form["verdict"]],
    }
    template = "workspace/eligibility/page.html"
    if context["fragment"]:
        template += "#results"
    return vary_on_htmx(render(request, template, context))


def _counts(result) -> list[tuple[str, str, int]]:
    """(verdict, label, candidates) for the counters above the table."""
    if result is None:
        return []
    return [(code, label, result.counts_by_verdict[code]) for code, label in Verdict.choices]


@login_required
@require_GET
def eligibility_export(request):
    """Every candidate the filters select, not one page: one row each."""
    form = EligibilityFilterForm(request.GET or None, user=request.user)
    result = form.sweep(request.user) if form.is_bound else None
    if result is None:
        return redirect(f"{reverse('workspace:eligibility')}?{request.GET.urlencode()}")
    response = HttpResponse(_workbook(result), content_type=XLSX_TYPE)
    filename = f"xet-dieu-kien-{result.honor.code}-{result.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _workbook(result) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    _write_candidates(book.active, result)
    _write_summary(book.create_sheet(_("Summary")), result)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _write_candidates(sheet, result) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = _("Candidates")
    header, rows = flat_table(result)
    sheet.append(header)
    for row in rows:
        sheet.append([_text(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.iter_cols(min_row=2):
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"


def _write_summary(sheet, result) -> None:
    status = _("confirmed") if result.pack_confirmed else _("probable, to be confirmed")
    sheet.append([_("Honour"), result.honor.name])
    sheet.append([_("Year"), result.year])
    sheet.append([_("Rule pack"), f"{result.pack_code} ({status})"])
    for _verdict, label, count in _counts(result):
        sheet.append([str(label), count])
    for quota in result.quota_lines:
        sheet.append([_text(quota.unit.name), _text(line_text(quota.line))])


def _text(value):
    """Text that Excel must not run: a leading "=" would make a formula of a typed name."""
    if isinstance(value, str) and value.startswith("="):
        return f" {value}"
    return value
