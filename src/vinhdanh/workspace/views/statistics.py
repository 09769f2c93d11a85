"""The statistics dashboard: for a year and a unit's subtree, charts beside their tables,
each table downloadable as an Excel sheet, and one workbook with them all.

The figures come from ``reports.statistics`` and only ever count what ``visible_to`` gives
the user; the unit to choose is among the units he sees.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.organisations.models import Unit
from vinhdanh.organisations.queries import scope_of
from vinhdanh.reports import statistics
from vinhdanh.reports.tables import XLSX_TYPE, workbook
from vinhdanh.workspace.forms.statistics import StatisticsForm

ALL = "all"
# Charts with more rows than this get a taller canvas, so that each bar keeps its label.
TALL_FROM = 8


def _require(user) -> None:
    if not scope_of(user).holds_a_role():
        raise PermissionDenied


def _figures(request) -> tuple[StatisticsForm, statistics.Dashboard]:
    user = request.user
    roots = statistics.topmost_units(user)
    form = StatisticsForm(request.GET or None, years=statistics.years_with_data(user),
                          units=Unit.objects.visible_to(user), roots=roots)
    year, unit = form.chosen()
    return form, statistics.dashboard(user, year=year, unit=unit, roots=roots)


def _query(board, **extra) -> str:
    params = {"year": board.year, "unit": board.unit.pk if board.unit else ""} | extra
    return "?" + urlencode(params)


def _panel(board, chart) -> dict:
    """What the template shows of one chart: its data, rows (a unit's row links to that
    unit's own figures) and the link to its Excel sheet."""
    links = [_query(board, unit=pk) if pk else "" for pk in chart.row_units]
    links += [""] * (len(chart.table.rows) - len(links))
    return {"chart": chart, "table": chart.table, "data_id": f"chart-data-{chart.key}",
            "rows": list(zip(chart.table.rows, links, strict=True)),
            "export_url": _query(board, export=chart.key),
            "tall": len(chart.drawn_rows()) > TALL_FROM}


@login_required
@require_GET
def statistics_page(request):
    _require(request.user)
    form, board = _figures(request)
    export = request.GET.get("export")
    if export:
        return _export(board, export)
    return render(request, "workspace/statistics/page.html", {
        "form": form, "board": board, "panels": [_panel(board, c) for c in board.charts],
        "unit_name": _unit_name(board), "export_all_url": _query(board, export=ALL)})


# -- the workbooks -----------------------------------------------------------------------------

def _unit_name(board) -> str:
    return board.unit.name if board.unit else _("All the units I can see")


def heading(board, today=None) -> list[str]:
    """The line under each sheet's title: the year, the unit and the day of the export."""
    day = today or timezone.localdate()
    return [_("Year %(year)s · %(unit)s · exported on %(date)s") % {
        "year": board.year, "unit": _unit_name(board), "date": f"{day:%d/%m/%Y}"}]


def _export(board, key: str) -> HttpResponse:
    tables = board.tables if key == ALL else [c.table for c in board.charts if c.key == key]
    if not tables:
        raise Http404
    response = HttpResponse(workbook(tables, heading(board)), content_type=XLSX_TYPE)
    name = "thong-ke" if key == ALL else f"thong-ke-{key.replace('_', '-')}"
    response["Content-Disposition"] = f'attachment; filename="{name}-{board.year}.xlsx"'
    return response
