"""Object permissions. Every view and API action asks ``user.has_perm(name, obj)``.

A unit-scoped role reaches a unit when the unit lies in its subtree; a group-scoped role
reaches its group. Writing needs an editor role for the object in question.
"""

import rules
from django.apps import apps

from vinhdanh.organisations.enums import (
    EDITOR_ROLES,
    GROUP_EDITOR_ROLES,
    PEOPLE_EDITOR_ROLES,
    Role,
)
from vinhdanh.organisations.queries import scope_of


@rules.predicate
def can_see_unit(user, unit):
    if unit is None:
        return False
    scope = scope_of(user)
    if scope.covers_unit(unit):
        return True
    return bool(scope.group_ids) and unit.memberships.filter(group_id__in=scope.group_ids).exists()


@rules.predicate
def edits_unit(user, unit):
    return unit is not None and scope_of(user).covers_unit(unit, EDITOR_ROLES)


@rules.predicate
def sees_person(user, person):
    return person is not None and scope_of(user).covers_unit(person.unit)


@rules.predicate
def edits_person(user, person):
    return person is not None and scope_of(user).covers_unit(person.unit, PEOPLE_EDITOR_ROLES)


def _adds_under(roles):
    """A predicate: one of ``roles`` reaches the unit where the new rows go.

    Without a unit it asks whether the user may add anywhere (to show an "Add" button).
    """

    @rules.predicate
    def predicate(user, unit):
        scope = scope_of(user)
        if unit is None:
            return scope.everything or bool(scope.roles() & roles)
        return scope.covers_unit(unit, roles)

    return predicate


adds_people_to = _adds_under(PEOPLE_EDITOR_ROLES)
adds_units_under = _adds_under(EDITOR_ROLES)


def in_visible_list(model_label: str):
    """A predicate: the object is in its model's ``visible_to(user)`` list (``queries``), so
    a page and its list can never disagree. ``model_label`` is "app_label.Model"."""

    @rules.predicate
    def predicate(user, obj):
        if obj is None:
            return False
        model = apps.get_model(model_label)
        return model.objects.visible_to(user).filter(pk=obj.pk).exists()

    return predicate


sees_group = in_visible_list("organisations.EmulationGroup")


@rules.predicate
def edits_group(user, group):
    if group is None:
        return False
    scope = scope_of(user)
    if scope.holds_for_group(group.pk, GROUP_EDITOR_ROLES):
        return True
    return group.organiser is not None and scope.covers_unit(group.organiser, EDITOR_ROLES)


@rules.predicate
def adds_groups(user):
    return adds_units_under(user, None)


@rules.predicate
def administers(user):
    scope = scope_of(user)
    return scope.everything or Role.ADMIN in scope.roles()


rules.add_perm("organisations.view_unit", can_see_unit)
rules.add_perm("organisations.change_unit", edits_unit)
rules.add_perm("organisations.add_unit", adds_units_under)
# A unit without a parent is a new tree: only administrators start one.
rules.add_perm("organisations.add_root_unit", administers)
rules.add_perm("organisations.import_units", adds_units_under)
rules.add_perm("organisations.view_person", sees_person)
rules.add_perm("organisations.change_person", edits_person)
rules.add_perm("organisations.add_person", adds_people_to)
rules.add_perm("organisations.import_people", adds_people_to)
rules.add_perm("organisations.view_emulationgroup", sees_group)
rules.add_perm("organisations.change_emulationgroup", edits_group)
rules.add_perm("organisations.add_emulationgroup", adds_groups)
rules.add_perm("organisations.manage_roles", administers)
