"""Households: a searchable list, a page with the honour history, and a form to add one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.organisations.enums import PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.models import Household, Unit
from vinhdanh.organisations.services.households import create_household
from vinhdanh.workspace.access import refuse_posted_unit, visible_or_404
from vinhdanh.workspace.forms.history import HouseholdForm, HouseholdSearchForm
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
def household_list(request):
    form = HouseholdSearchForm(request.GET)
    households = Household.objects.visible_to(request.user).select_related("unit")
    if form.is_valid() and form.cleaned_data["q"]:
        households = households.search(form.cleaned_data["q"])
    page = Paginator(households, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "workspace/history/household_list.html"
    if wants_fragment(request):  # a page link followed by htmx
        template += "#results"
    return vary_on_htmx(render(request, template, {
        "form": form, "page": page,
        "page_range": page.paginator.get_elided_page_range(page.number),
        "can_add": request.user.has_perm("honors.add_household"),
    }))


@login_required
@require_GET
def household_detail(request, pk):
    household = visible_or_404(Household.objects.select_related("unit"), request.user, pk)
    return render(request, "workspace/history/household_detail.html", {
        "household": household, "history": recent_history(household),
        "unit_visible": request.user.has_perm("organisations.view_unit", household.unit),
    })


@login_required
def household_create(request):
    if not request.user.has_perm("honors.add_household"):
        raise PermissionDenied
    if request.method == "POST":
        refuse_posted_unit(request, "add_person")  # the same roles add people and households
    units = Unit.objects.reached_by(request.user, PEOPLE_EDITOR_ROLES)
    form = HouseholdForm(posted(request), units=units, initial={"unit": request.GET.get("unit")})
    household = save_form(request, form,
                          lambda data: create_household(actor=request.user, **data))
    if household:
        messages.success(request, _("The household was saved."))
        return redirect(household)
    return render(request, "workspace/history/household_form.html", {"form": form})
