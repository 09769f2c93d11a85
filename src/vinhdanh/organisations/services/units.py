from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.changes import apply_changes
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.models import Unit

UNIT_FIELDS = {
    "code", "name", "short_name", "kind", "level", "parent", "active_from", "active_until",
    "mostly_direct_workers",
}


def _check_parent(unit: Unit, parent: Unit | None) -> None:
    if parent is not None and unit.pk and parent.path.startswith(unit.path or "/-/"):
        raise DomainError(_("A unit cannot be placed under itself or one of its sub-units."))


@transaction.atomic
def create_unit(*, actor, **fields) -> Unit:
    """Creates a unit under ``fields['parent']`` (None for the province) and logs it."""
    unit = Unit(**{k: v for k, v in fields.items() if k in UNIT_FIELDS})
    unit.full_clean()
    unit.save()
    log_action(unit, actor=actor, action="unit.created",
               message=_("Created unit %(name)s") % {"name": unit.name})
    return unit


@transaction.atomic
def update_unit(unit: Unit, *, actor, **changes) -> Unit:
    """Changes a unit's fields; a new parent moves its whole subtree."""
    old_path = unit.path
    _check_parent(unit, changes.get("parent", unit.parent))
    changed = apply_changes(unit, changes, allowed=UNIT_FIELDS)
    if unit.path != old_path:
        _move_descendants(old_path, unit.path)
    log_action(unit, actor=actor, action="unit.updated",
               message=_("Updated unit %(name)s") % {"name": unit.name}, fields=changed)
    return unit


def _move_descendants(old_path: str, new_path: str) -> None:
    below = Unit.objects.filter(path__startswith=old_path).exclude(path=old_path)
    for child in below:
        child.path = new_path + child.path[len(old_path):]
        child.depth = child.path.count("/") - 2
    Unit.objects.bulk_update(below, ["path", "depth"], batch_size=500)
