from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.changes import apply_changes
from vinhdanh.organisations.models import Person

PERSON_FIELDS = {
    "full_name", "gender", "date_of_birth", "citizen_id", "unit", "position",
    "is_direct_worker", "cadre_category", "employment_start", "is_active",
}


@transaction.atomic
def create_person(*, actor, **fields) -> Person:
    """Adds a person to ``fields['unit']`` after validating every field."""
    person = Person(**{k: v for k, v in fields.items() if k in PERSON_FIELDS})
    person.full_clean()
    person.save()
    log_action(person, actor=actor, action="person.created",
               message=_("Added %(name)s to %(unit)s")
               % {"name": person.full_name, "unit": person.unit.name})
    return person


@transaction.atomic
def update_person(person: Person, *, actor, **changes) -> Person:
    """Changes a person's fields (a new unit is a transfer) and logs which ones."""
    changed = apply_changes(person, changes, allowed=PERSON_FIELDS)
    log_action(person, actor=actor, action="person.updated",
               message=_("Updated %(name)s") % {"name": person.full_name}, fields=changed)
    return person
