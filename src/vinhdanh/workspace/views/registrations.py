"""Registrations (đăng ký thi đua): the list with its Excel export, one registration, several
people of a unit at once, withdrawal, and the board's calendar of opening days and deadlines."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from vinhdanh.core.errors import DomainError
from vinhdanh.movements.models import Registration, RegistrationPeriod
from vinhdanh.movements.services import registrations as services
from vinhdanh.organisations.enums import PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.models import Person, Unit
from vinhdanh.workspace.access import visible_or_404
from vinhdanh.workspace.forms.movements import (
    BulkRegistrationForm,
    PeriodForm,
    RegistrationFilterForm,
    RegistrationForm,
)
from vinhdanh.workspace.views.common import posted, save_form
from vinhdanh.workspace.views.movements import require

PAGE_SIZE = 50
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST = "workspace:registration-list"


def _registrations(request):
    form = RegistrationFilterForm(request.GET or None,
                                  units=Unit.objects.visible_to(request.user))
    rows = form.apply(Registration.objects.visible_to(request.user)).select_related(
        "honor", "person", "unit", "household", "registering_unit")
    return form, rows


@login_required
@require_GET
def registration_list(request):
    form, rows = _registrations(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    for registration in page.object_list:
        registration.can_withdraw = request.user.has_perm("movements.delete_registration",
                                                          registration)
    return render(request, "workspace/movements/registration_list.html", {
        "form": form, "page": page, "page_range": page.paginator.get_elided_page_range(page.number),
        "export_query": request.GET.urlencode(),
        "can_register": request.user.has_perm("movements.add_registration"),
    })


def _workbook(rows) -> bytes:
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Registrations")[:31]
    sheet.append([_("Year"), _("Honour"), _("Candidate"), _("Unit"), _("Registered at"),
                  _("Reason for late registration")])
    for row in rows:
        sheet.append([row.year, row.honor.name, str(row.candidate), row.registering_unit.name,
                      row.registered_at.strftime("%d/%m/%Y"), row.late_reason])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@login_required
@require_GET
def registration_export(request):
    _form, rows = _registrations(request)
    response = HttpResponse(_workbook(rows), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="dang-ky-thi-dua.xlsx"'
    return response


def _people(user):
    return Person.objects.reached_by(user, PEOPLE_EDITOR_ROLES).select_related("unit")


def _register(request, form):
    candidate = form.candidate()
    require(request.user, "add_registration", services.unit_of(candidate))
    data = form.cleaned_data
    return services.register(candidate, data["honor"], data["year"], actor=request.user,
                             late_reason=data["late_reason"])


@login_required
def registration_create(request):
    require(request.user, "add_registration")
    form = RegistrationForm(posted(request),
                            units=Unit.objects.reached_by(request.user, PEOPLE_EDITOR_ROLES),
                            people=_people(request.user))
    if save_form(request, form, lambda data: _register(request, form)):
        messages.success(request, _("The registration was saved."))
        return redirect(LIST)
    return render(request, "workspace/movements/form.html",
                  {"form": form, "heading": _("Register a title"),
                   "cancel_url": reverse(LIST)})


def _bulk_unit(request):
    raw = request.GET.get("unit", "")
    units = Unit.objects.reached_by(request.user, PEOPLE_EDITOR_ROLES)
    return get_object_or_404(units, pk=int(raw)) if raw.isdigit() else None


def _register_many(request, unit, data):
    require(request.user, "add_registration", unit)
    return services.register_many(list(data["people"]), data["honor"], data["year"],
                                  actor=request.user, late_reason=data["late_reason"])


@login_required
def registration_bulk(request):
    require(request.user, "add_registration")
    unit = _bulk_unit(request)
    people = _people(request.user).filter(unit__path__startswith=unit.path) if unit else \
        Person.objects.none()
    form = BulkRegistrationForm(posted(request) if unit else None, people=people)
    done = save_form(request, form, lambda data: _register_many(request, unit, data))
    if done:
        messages.success(request, _("%(count)s people were registered.") % {"count": len(done)})
        return redirect(LIST)
    return render(request, "workspace/movements/registration_bulk.html", {
        "form": form, "unit": unit,
        "units": Unit.objects.reached_by(request.user, PEOPLE_EDITOR_ROLES)})


@login_required
@require_POST
def registration_withdraw(request, pk):
    registration = visible_or_404(
        Registration.objects.select_related("registering_unit", "honor"), request.user, pk)
    require(request.user, "delete_registration", registration)
    try:
        services.withdraw(registration, actor=request.user)
    except DomainError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The registration was withdrawn."))
    return redirect(LIST)


@login_required
def registration_periods(request):
    periods = RegistrationPeriod.objects.visible_to(request.user)
    can_change = request.user.has_perm("movements.change_registrationperiod")
    if request.method == "POST":
        require(request.user, "change_registrationperiod")
    form = PeriodForm(posted(request))
    if save_form(request, form, lambda data: services.set_registration_period(
            actor=request.user, **data)):
        messages.success(request, _("The registration period was saved."))
        return redirect("workspace:registration-periods")
    return render(request, "workspace/movements/periods.html",
                  {"form": form, "periods": periods, "can_change": can_change})

