"""Staff pages of directives and movements: lists, the movement page with who reported and
who did not, and the launch and edit forms.

Outside visibility a movement or directive does not exist (404); seen but not editable is 403.
"""

from functools import partial
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.movements.enums import ReportPeriod
from vinhdanh.movements.models import Directive, Movement, ProgressReport
from vinhdanh.movements.queries import participating_units, progress_table
from vinhdanh.movements.services import directives as directive_services
from vinhdanh.movements.services import movements as services
from vinhdanh.organisations.enums import EDITOR_ROLES, PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.models import Unit
from vinhdanh.organisations.queries import scope_of
from vinhdanh.workspace.access import require_perm, visible_or_404
from vinhdanh.workspace.forms.movements import (
    DirectiveForm,
    MovementFilterForm,
    MovementForm,
    format_targets,
)
from vinhdanh.workspace.views.common import posted, posted_files, recent_history, save_form

PAGE_SIZE = 50


require = partial(require_perm, app="movements")


def download(field):
    """A stored file as an attachment (media is not served publicly)."""
    if not field:
        raise Http404
    return FileResponse(field.open("rb"), as_attachment=True, filename=Path(field.name).name)


def _page(request, queryset):
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return {"page": page, "page_range": page.paginator.get_elided_page_range(page.number)}


@login_required
@require_GET
def movement_list(request):
    form = MovementFilterForm(request.GET or None)
    movements = form.apply(Movement.objects.visible_to(request.user))
    movements = (movements.select_related("launched_by", "directive")
                 .annotate(participant_count=Count("participants", distinct=True))
                 .order_by("-starts_on", "sort_key", "pk"))
    return render(request, "workspace/movements/list.html",
                  {"form": form, **_page(request, movements)})


def visible_movement(request, pk, perm="view_movement"):
    related = ("launched_by", "directive")
    movement = visible_or_404(Movement.objects.select_related(*related), request.user, pk)
    require(request.user, perm, movement)
    return movement


def _year_and_period(request, movement) -> tuple[int, str]:
    """The asked year, else the latest year reported on, else this year within the period."""
    raw = request.GET.get("year", "")
    if raw.isdigit() and len(raw) == 4:
        year = int(raw)
    else:
        latest = movement.reports.order_by("-year").values_list("year", flat=True).first()
        year = latest or min(timezone.localdate().year,
                             movement.ends_on.year if movement.ends_on else 9999)
    period = request.GET.get("period")
    return year, period if period in ReportPeriod.values else ReportPeriod.YEAR_END


def _years(movement) -> list[int]:
    last = movement.ends_on.year if movement.ends_on else timezone.localdate().year
    return list(range(max(movement.starts_on.year, last), movement.starts_on.year - 1, -1))


def _shows(user, movement):
    """Those who launched the movement see every unit's report, others their own units'."""
    scope = scope_of(user)
    if scope.covers_unit(movement.launched_by):
        return None
    return lambda unit: scope.covers_unit(unit)


def reporting_units(user, movement):
    return participating_units(movement).filter(
        pk__in=Unit.objects.reached_by(user, PEOPLE_EDITOR_ROLES).values("pk"))


@login_required
@require_GET
def movement_detail(request, pk):
    movement = visible_movement(request, pk)
    user = request.user
    year, period = _year_and_period(request, movement)
    table = progress_table(movement, year=year, period=period,
                           reports=ProgressReport.objects.visible_to(user),
                           shows=_shows(user, movement))
    return render(request, "workspace/movements/detail.html", {
        "movement": movement,
        "participants": movement.participants.all(), "year": year, "period": period,
        "years": _years(movement), "periods": ReportPeriod.choices, **table,
        "can_change": user.has_perm("movements.change_movement", movement),
        "can_report": reporting_units(user, movement).exists(),
        "history": recent_history(movement),
    })


def _movement_form(request, movement=None, initial=None):
    user = request.user
    launchers = Unit.objects.reached_by(user, EDITOR_ROLES)
    if movement is not None:
        launchers = launchers | Unit.objects.filter(pk=movement.launched_by_id)
    return MovementForm(posted(request), launchers=launchers,
                        units=Unit.objects.visible_to(user),
                        directives=Directive.objects.visible_to(user), initial=initial)


def _launch(request, data):
    require(request.user, "add_movement", data["launched_by"])
    return services.launch_movement(actor=request.user, **data)


@login_required
def movement_create(request):
    require(request.user, "add_movement")
    form = _movement_form(request, initial={"starts_on": timezone.localdate(), "cascade": True})
    movement = save_form(request, form, lambda data: _launch(request, data))
    if movement:
        messages.success(request, _("The movement was launched."))
        return redirect(movement)
    return render(request, "workspace/movements/form.html",
                  {"form": form, "heading": _("Launch a movement")})


def _initial(movement) -> dict:
    fields = ("kind", "name", "directive", "launched_by", "starts_on", "ends_on", "goals",
              "criteria", "cascade")
    return {**{name: getattr(movement, name) for name in fields},
            "targets": format_targets(movement.targets.all()),
            "participants": "\n".join(u.code for u in movement.participants.all())}


def _update(request, movement, data):
    if data["launched_by"] != movement.launched_by:
        require(request.user, "add_movement", data["launched_by"])
    participants, targets = data.pop("participants"), data.pop("targets")
    services.update_movement(movement, actor=request.user, **data)
    services.set_participants(movement, actor=request.user, participants=participants)
    return services.set_targets(movement, actor=request.user, targets=targets)


@login_required
def movement_edit(request, pk):
    movement = visible_movement(request, pk, "change_movement")
    form = _movement_form(request, movement, initial=_initial(movement))
    if save_form(request, form, lambda data: _update(request, movement, data)):
        messages.success(request, _("The movement was saved."))
        return redirect(movement)
    return render(request, "workspace/movements/form.html", {
        "form": form, "movement": movement,
        "heading": _("Edit %(movement)s") % {"movement": movement}})


# ---- directives ----

@login_required
@require_GET
def directive_list(request):
    directives = Directive.objects.visible_to(request.user).select_related("issuer_unit")
    query = request.GET.get("q", "").strip()
    if query:
        directives = directives.search(query)
    return render(request, "workspace/movements/directive_list.html",
                  {"q": query, **_page(request, directives)})


def _directive(request, pk, perm="view_directive"):
    directive = visible_or_404(Directive.objects.select_related("issuer_unit"), request.user, pk)
    require(request.user, perm, directive)
    return directive


@login_required
@require_GET
def directive_detail(request, pk):
    directive = _directive(request, pk)
    return render(request, "workspace/movements/directive_detail.html", {
        "directive": directive,
        "movements": Movement.objects.visible_to(request.user).filter(directive=directive),
        "can_change": request.user.has_perm("movements.change_directive", directive),
        "history": recent_history(directive),
    })


def _record_directive(request, data):
    require(request.user, "add_directive", data["issuer_unit"])
    return directive_services.create_directive(actor=request.user, **data)


@login_required
def directive_create(request):
    require(request.user, "add_directive")
    form = DirectiveForm(posted(request), posted_files(request),
                         units=Unit.objects.reached_by(request.user, EDITOR_ROLES))
    directive = save_form(request, form, lambda data: _record_directive(request, data))
    if directive:
        messages.success(request, _("The directive was saved."))
        return redirect(directive)
    return render(request, "workspace/movements/form.html",
                  {"form": form, "heading": _("Record a directive")})


@login_required
def directive_edit(request, pk):
    directive = _directive(request, pk, "change_directive")
    units = Unit.objects.reached_by(request.user, EDITOR_ROLES)
    fields = ("number", "issued_on", "issuer", "issuer_unit", "kind", "summary")
    form = DirectiveForm(posted(request), posted_files(request), units=units,
                         initial={name: getattr(directive, name) for name in fields})
    if save_form(request, form, lambda data: directive_services.update_directive(
            directive, actor=request.user, **data)):
        messages.success(request, _("The directive was saved."))
        return redirect(directive)
    return render(request, "workspace/movements/form.html", {
        "form": form, "heading": _("Edit %(directive)s") % {"directive": directive},
        "cancel_url": directive.get_absolute_url()})


@login_required
@require_GET
def directive_file(request, pk):
    return download(_directive(request, pk).file)
