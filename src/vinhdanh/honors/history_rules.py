"""Who may see and write a candidate's honour history (``obj`` is the Person, Unit or
Household). Reading follows who may see the candidate; writing needs an editor role over
the candidate's unit: a unit clerk adds history for the people and households of its
subtree, the board and administrators for collectives as well.

Registered on import: ``HonorsConfig.ready()`` imports this module (rules' autodiscovery
loads only ``rules.py``).
"""

import rules

from vinhdanh.organisations.enums import EDITOR_ROLES, PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.queries import scope_of
from vinhdanh.organisations.rules import adds_people_to, can_see_unit, sees_person


def _kind(obj) -> str:
    return type(obj).__name__


@rules.predicate
def sees_candidate(user, candidate):
    if candidate is None:
        return False
    if _kind(candidate) == "Unit":
        return can_see_unit(user, candidate)
    if _kind(candidate) == "Person":
        return sees_person(user, candidate)
    return scope_of(user).covers_unit(candidate.unit)


@rules.predicate
def writes_history_of(user, candidate):
    if candidate is None:
        return False
    if _kind(candidate) == "Unit":
        return scope_of(user).covers_unit(candidate, EDITOR_ROLES)
    return scope_of(user).covers_unit(candidate.unit, PEOPLE_EDITOR_ROLES)


rules.add_perm("honors.view_history", sees_candidate)
rules.add_perm("honors.change_history", writes_history_of)
# The import page: anyone who may add history somewhere; each row is checked on its own.
rules.add_perm("honors.import_history", adds_people_to)
# obj = the commune or village unit; None asks whether the user may add one anywhere.
rules.add_perm("honors.add_household", adds_people_to)
