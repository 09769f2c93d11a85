"""Who may see and change directives, movements, reports, registrations and pledges.

Launching and editing movements and directives is for administrators and board officers over
the launching unit; reporting and registering for the clerks, board officers and
administrators covering the unit; the registration calendar for those reaching the whole
province; a group's pledge for those who may edit the group.
"""

import rules

from vinhdanh.organisations.enums import EDITOR_ROLES, PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.queries import scope_of
from vinhdanh.organisations.rules import (
    adds_people_to,
    adds_units_under,
    edits_group,
    in_visible_list,
    sees_group,
)

sees_movement = in_visible_list("movements.Movement")
sees_directive = in_visible_list("movements.Directive")
sees_report = in_visible_list("movements.ProgressReport")


@rules.predicate
def edits_movement(user, movement):
    return movement is not None and scope_of(user).covers_unit(movement.launched_by, EDITOR_ROLES)


@rules.predicate
def edits_directive(user, directive):
    if directive is None:
        return False
    scope = scope_of(user)
    if directive.issuer_unit is None:
        return scope.reaches_all(EDITOR_ROLES)
    return scope.covers_unit(directive.issuer_unit, EDITOR_ROLES)


@rules.predicate
def edits_report(user, report):
    return report is not None and scope_of(user).covers_unit(report.unit, PEOPLE_EDITOR_ROLES)


@rules.predicate
def withdraws_registration(user, registration):
    return registration is not None and scope_of(user).covers_unit(
        registration.registering_unit, PEOPLE_EDITOR_ROLES)


@rules.predicate
def registers_late_for(user, unit):
    """After the deadline only board officers and administrators register (with a reason)."""
    return unit is not None and scope_of(user).covers_unit(unit, EDITOR_ROLES)


@rules.predicate
def sets_registration_periods(user):
    return scope_of(user).reaches_all(EDITOR_ROLES)


# ``unit`` is the launching, issuing, reporting or registering unit; None asks "anywhere?".
rules.add_perm("movements.view_directive", sees_directive)
rules.add_perm("movements.add_directive", adds_units_under)
rules.add_perm("movements.change_directive", edits_directive)
rules.add_perm("movements.view_movement", sees_movement)
rules.add_perm("movements.add_movement", adds_units_under)
rules.add_perm("movements.change_movement", edits_movement)
rules.add_perm("movements.view_progressreport", sees_report)
rules.add_perm("movements.add_progressreport", adds_people_to)
rules.add_perm("movements.change_progressreport", edits_report)
rules.add_perm("movements.add_registration", adds_people_to)
rules.add_perm("movements.add_late_registration", registers_late_for)
rules.add_perm("movements.delete_registration", withdraws_registration)
rules.add_perm("movements.change_registrationperiod", sets_registration_periods)
# The pledge belongs to its group: the object of these two is the EmulationGroup.
rules.add_perm("movements.view_pledge", sees_group)
rules.add_perm("movements.change_pledge", edits_group)
