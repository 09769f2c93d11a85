from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from vinhdanh.organisations.models import EmulationGroup, Person, Unit
from vinhdanh.workspace.views.board.panels import overdue_panel
from vinhdanh.workspace.views.imports import may_import


@login_required
@require_GET
def dashboard(request):
    user = request.user
    groups = EmulationGroup.objects.visible_to(user)
    year = _groups_year(groups)
    return render(request, "workspace/dashboard.html", {
        "assignments": user.role_assignments.select_related("unit", "group"),
        "unit_count": Unit.objects.visible_to(user).count(),
        "person_count": Person.objects.visible_to(user).count(),
        "group_count": groups.count(),
        "year": year,
        "groups": groups.filter(year=year).select_related("leader", "deputy"),
        "may_import": may_import(user),
        **overdue_panel(user),
    })


def _groups_year(groups) -> int:
    """This year, or the latest earlier year that has groups."""
    this_year = timezone.localdate().year
    latest = groups.filter(year__lte=this_year).aggregate(latest=Max("year"))["latest"]
    return latest or this_year
