import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.movements.queries import registrations_of
from vinhdanh.organisations.enums import PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.models import Person, Unit
from vinhdanh.organisations.services.people import create_person, update_person
from vinhdanh.workspace.access import (
    citizen_id_for,
    refuse_posted_unit,
    require_perm,
    visible_or_404,
)
from vinhdanh.workspace.forms.people import PersonFilterForm, PersonForm
from vinhdanh.workspace.views.common import (
    posted,
    recent_history,
    save_form,
    vary_on_htmx,
    wants_fragment,
)

PAGE_SIZE = 50


@login_required
@require_GET
def person_list(request):
    form = PersonFilterForm(request.GET, units=Unit.objects.visible_to(request.user))
    people = form.apply(Person.objects.visible_to(request.user).select_related("unit"))
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    for person in page:
        person.citizen_id_shown = citizen_id_for(request.user, person)
    template = "workspace/people/list.html"
    if wants_fragment(request):
        template += "#results"
    page_range = page.paginator.get_elided_page_range(page.number)
    context = {"form": form, "page": page, "page_range": page_range}
    return vary_on_htmx(render(request, template, context))


@login_required
@require_GET
def person_detail(request, pk):
    person = visible_or_404(Person.objects.select_related("unit"), request.user, pk)
    require_perm(request.user, "view_person", person)
    return render(request, "workspace/people/detail.html", {
        "person": person,
        "citizen_id": citizen_id_for(request.user, person),
        "can_change": request.user.has_perm("organisations.change_person", person),
        "history": recent_history(person),
        "registrations": registrations_of(person),
    })


def _units_for(user, person=None):
    """Units ``user`` may place people in; an edited person may stay in their unit."""
    units = Unit.objects.reached_by(user, PEOPLE_EDITOR_ROLES)
    if person is not None:
        units = units | Unit.objects.filter(pk=person.unit_id)
    return units


@login_required
def person_create(request):
    require_perm(request.user, "add_person")
    if request.method == "POST":
        refuse_posted_unit(request, "add_person")
    form = PersonForm(posted(request), units=_units_for(request.user),
                      initial={"unit": request.GET.get("unit")})
    person = save_form(request, form, lambda data: create_person(actor=request.user, **data))
    if person:
        messages.success(request, _("The person was saved."))
        return redirect(person)
    return render(request, "workspace/people/form.html", {"form": form, "person": None})


@login_required
def person_edit(request, pk):
    person = visible_or_404(Person.objects.select_related("unit"), request.user, pk)
    require_perm(request.user, "change_person", person)
    if request.method == "POST":
        refuse_posted_unit(request, "add_person", keep=person.unit_id)
    # The form validates a copy: the service changes the person and logs what changed.
    form = PersonForm(posted(request), instance=copy.copy(person),
                      units=_units_for(request.user, person))
    if save_form(request, form, lambda data: _update(request, person, form)):
        messages.success(request, _("The person was saved."))
        return redirect(person)
    return render(request, "workspace/people/form.html", {"form": form, "person": person})


def _update(request, person, form):
    changes = {name: form.cleaned_data[name] for name in form.changed_data}
    return update_person(person, actor=request.user, **changes) if changes else person
