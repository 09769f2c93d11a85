import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from vinhdanh.movements.queries import registrations_of
from vinhdanh.organisations.enums import EDITOR_ROLES
from vinhdanh.organisations.models import EmulationGroup, Person, Unit
from vinhdanh.organisations.services.units import create_unit, update_unit
from vinhdanh.workspace.access import (
    refuse_posted_unit,
    require_perm,
    visible_or_404,
)
from vinhdanh.workspace.forms.units import UnitForm, UnitSearchForm
from vinhdanh.workspace.tree import Node, build_tree, prune
from vinhdanh.workspace.views.common import posted, recent_history, save_form, url_with

TREE_COLUMNS = ["code", "name", "short_name", "level", "parent", "path", "depth", "sort_key"]


@login_required
@require_GET
def unit_list(request):
    form = UnitSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    visible = Unit.objects.visible_to(request.user)
    if query:  # the matches with the branches that lead to them
        roots = build_tree(visible.only(*TREE_COLUMNS))
        roots = prune(roots, set(visible.search(query).values_list("pk", flat=True)))
    else:
        roots = build_tree(_top_levels(visible))
    return render(request, "workspace/units/list.html",
                  {"form": form, "q": query, "roots": roots})


def _top_levels(visible):
    """The two top levels the user sees; deeper branches load when opened (unit_children).

    A province has thousands of units: the whole tree would make a page of half a megabyte.
    """
    return _with_child_flag(visible.top_levels(), visible)


def _with_child_flag(units, visible):
    children = visible.filter(parent=OuterRef("pk"))
    return units.only(*TREE_COLUMNS).annotate(has_children=Exists(children))


@login_required
@require_GET
def unit_children(request, pk):
    """The visible sub-units of one unit, as tree nodes (an htmx partial)."""
    visible = Unit.objects.visible_to(request.user)
    unit = visible_or_404(Unit.objects.all(), request.user, pk)
    nodes = [Node(child, depth=unit.depth + 1)
             for child in _with_child_flag(visible.filter(parent=unit), visible)]
    return render(request, "workspace/units/_children.html", {"nodes": nodes})


@login_required
@require_GET
def unit_detail(request, pk):
    unit = visible_or_404(Unit.objects.select_related("parent"), request.user, pk)
    require_perm(request.user, "view_unit", unit)
    return render(request, "workspace/units/detail.html", _detail_context(request.user, unit))


def _detail_context(user, unit):
    people = Person.objects.visible_to(user).filter(unit__path__startswith=unit.path)
    return {
        "unit": unit,
        "parent": unit.parent if user.has_perm("organisations.view_unit", unit.parent) else None,
        "children": Unit.objects.visible_to(user).filter(parent=unit),
        "people_count": people.count(),
        "people_url": url_with("workspace:person-list", unit=unit.pk),
        "add_unit_url": url_with("workspace:unit-create", parent=unit.pk),
        "add_person_url": url_with("workspace:person-create", unit=unit.pk),
        "memberships": _memberships(user, unit),
        "history": recent_history(unit),
        "can_change": user.has_perm("organisations.change_unit", unit),
        "can_add_unit": user.has_perm("organisations.add_unit", unit),
        "can_add_person": user.has_perm("organisations.add_person", unit),
        "registrations": registrations_of(unit),
    }


def _memberships(user, unit):
    groups = EmulationGroup.objects.visible_to(user)
    return (unit.memberships.filter(group__in=groups)
            .select_related("group__leader", "group__deputy").order_by("-year", "kind"))


def _parents_for(user, unit=None):
    """Units ``user`` may place a unit under; an edited unit may keep its parent."""
    parents = Unit.objects.reached_by(user, EDITOR_ROLES)
    if unit is not None and unit.parent_id:
        parents = parents | Unit.objects.filter(pk=unit.parent_id)
    return parents


@login_required
def unit_create(request):
    require_perm(request.user, "add_unit")
    if request.method == "POST":
        refuse_posted_unit(request, "add_unit", field="parent")
    form = UnitForm(posted(request), parents=_parents_for(request.user),
                    parent_required=not request.user.is_superuser,
                    initial={"parent": request.GET.get("parent")})
    unit = save_form(request, form, lambda data: create_unit(actor=request.user, **data))
    if unit:
        messages.success(request, _("The unit was saved."))
        return redirect(unit)
    return render(request, "workspace/units/form.html", {"form": form, "unit": None})


@login_required
def unit_edit(request, pk):
    unit = visible_or_404(Unit.objects.all(), request.user, pk)
    require_perm(request.user, "change_unit", unit)
    if request.method == "POST":
        refuse_posted_unit(request, "add_unit", field="parent", keep=unit.parent_id)
    # The form validates a copy: the service changes the unit and logs what changed.
    form = UnitForm(posted(request), instance=copy.copy(unit),
                    parents=_parents_for(request.user, unit),
                    parent_required=unit.parent_id is not None)
    if save_form(request, form, lambda data: _update(request, unit, form)):
        messages.success(request, _("The unit was saved."))
        return redirect(unit)
    return render(request, "workspace/units/form.html", {"form": form, "unit": unit})


def _update(request, unit, form):
    changes = {name: form.cleaned_data[name] for name in form.changed_data}
    return update_unit(unit, actor=request.user, **changes) if changes else unit
