"""Timeliness of the dossiers (nominations.services.timeliness) as a page and a workbook:
working days per step, the share done within the limit, breakdowns by proposing unit, honour
and year, and the dossiers overdue today. Every figure covers only what ``visible_to`` gives
the user.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.core.workdays import Calendar
from vinhdanh.nominations.models import Nomination
from vinhdanh.nominations.services import deadlines, timeliness
from vinhdanh.organisations.queries import scope_of
from vinhdanh.workspace.forms.board import YearForm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The page lists this many overdue dossiers, the most overdue first; the workbook has all.
OVERDUE_SHOWN = 100


def _require(user) -> None:
    scope = scope_of(user)
    if not user.has_perm("nominations.view_timeliness") or not (scope.everything
                                                                 or scope.grants):
        raise PermissionDenied


def _percent(share: float | None) -> int | None:
    return None if share is None else round(share * 100)


def _steps(nominations, year):
    rows = timeliness.step_stats(nominations, year=year)
    return [{**row, "percent_within": _percent(row["share_within"])} for row in rows]


def _breakdown(nominations, by: str):
    rows = timeliness.breakdown(nominations, by)
    return [{**row, "percent_within": _percent(row["within_limit_share"])} for row in rows]


def _overdue(nominations, today, limit=None) -> tuple[list, int]:
    """The overdue dossiers (at most ``limit``) with their working days overdue, and how
    many there are in all."""
    overdue = timeliness.overdue(nominations, today)
    total = overdue.count()
    rows = list(overdue[:limit] if limit else overdue)
    due = [n.due_on for n in rows]
    calendar = Calendar.load(min(due), today) if due else None
    for nomination in rows:
        nomination.overdue_days = deadlines.days_overdue(nomination, today, calendar)
    return rows, total


def figures(user, params) -> dict:
    """Everything the page and the workbook show, for the year chosen in ``params``."""
    nominations = Nomination.objects.visible_to(user)
    years = list(nominations.order_by("-batch__year").values_list("batch__year", flat=True)
                 .distinct())
    form = YearForm(params or None, years=years)
    year = form.chosen()
    scoped = nominations.filter(batch__year=year) if year else nominations
    return {"form": form, "year": year, "steps": _steps(nominations, year),
            "by_unit": _breakdown(scoped, "unit"), "by_honor": _breakdown(scoped, "honor"),
            # Years are compared with each other whatever year is chosen.
            "by_year": _breakdown(nominations, "year"), "scoped": scoped}


@login_required
@require_GET
def timeliness_page(request):
    _require(request.user)
    context = figures(request.user, request.GET)
    overdue, total = _overdue(context.pop("scoped"), timezone.localdate(), OVERDUE_SHOWN)
    return render(request, "workspace/board/timeliness.html", {
        **context, "overdue": overdue, "overdue_total": total,
        "export_query": request.GET.urlencode()})


# -- the workbook ----------------------------------------------------------------------------

def _days(value):
    return None if value is None else round(value, 1)


def _sheet(book, title: str, header: list, rows: list, percent_columns=()):
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    for column in percent_columns:
        for cell in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell[0].number_format = "0%"
    return sheet


def _step_rows(steps):
    return [[row["label"], row["count"], _days(row["median_days"]), _days(row["mean_days"]),
             row["within_limit"], row["timed"], row["share_within"]] for row in steps]


def _breakdown_rows(rows):
    return [[str(row["key"]), row["submitted"], row["decided"],
             _days(row["median_days_to_council"]), row["within_limit_share"],
             row["overdue_now"]] for row in rows]


def _overdue_rows(rows):
    return [[str(n.candidate), n.honor.name, n.batch.proposing_unit.name, n.batch.title,
             n.get_state_display(), f"{n.due_on:%d/%m/%Y}", n.overdue_days] for n in rows]


def workbook(data: dict, overdue: list) -> bytes:
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    _sheet(book, _("Steps"), [_("Step"), _("Steps counted"), _("Median working days"),
                              _("Mean working days"), _("Within the limit"), _("Timed"),
                              _("Share within the limit")], _step_rows(data["steps"]), (7,))
    breakdowns = (("by_unit", _("By proposing unit"), _("Proposing unit")),
                  ("by_honor", _("By honour"), _("Honour")), ("by_year", _("By year"), _("Year")))
    for key, title, first in breakdowns:
        _sheet(book, title, [first, _("Submitted"), _("Decided"),
                             _("Median working days to the council"),
                             _("Share within the limit"), _("Overdue now")],
               _breakdown_rows(data[key]), (5,))
    _sheet(book, _("Overdue"), [_("Candidate"), _("Honour"), _("Proposing unit"),
                                _("Submission batch"), _("Current step"), _("Due on"),
                                _("Working days overdue")], _overdue_rows(overdue))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@login_required
@require_GET
def timeliness_export(request):
    _require(request.user)
    data = figures(request.user, request.GET)
    overdue, _total = _overdue(data.pop("scoped"), timezone.localdate())
    response = HttpResponse(workbook(data, overdue), content_type=XLSX_TYPE)
    suffix = f"-{data['year']}" if data["year"] else ""
    response["Content-Disposition"] = f'attachment; filename="thoi-han-xu-ly{suffix}.xlsx"'
    return response
