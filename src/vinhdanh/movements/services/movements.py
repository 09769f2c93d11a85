"""Launching movements and campaigns: period, goals, criteria, targets and participants."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.movements.models import Movement, MovementTarget
from vinhdanh.movements.services.common import ids, set_fields

MOVEMENT_FIELDS = {"kind", "name", "directive", "launched_by", "starts_on", "ends_on", "goals",
                   "criteria", "cascade"}


def _clean_targets(targets) -> list[dict]:
    """Targets as dicts of name, measure and target_value; names must be distinct."""
    rows = []
    for target in targets:
        name = nfc(target.get("name") or "").strip()
        value = target.get("target_value")
        if not name:
            raise DomainError({"targets": [_("Every target needs a name.")]})
        if value is not None and Decimal(value) < 0:
            raise DomainError({"targets": [_("A target value cannot be negative.")]})
        rows.append({"name": name, "measure": nfc(target.get("measure") or "").strip(),
                     "target_value": value})
    if len({row["name"] for row in rows}) != len(rows):
        raise DomainError({"targets": [_("Each target may appear only once.")]})
    return rows


def _check_period(movement: Movement) -> None:
    if movement.ends_on and movement.ends_on < movement.starts_on:
        raise DomainError({"ends_on": [_("The end date must not be before the start date.")]})


@transaction.atomic
def launch_movement(*, actor, kind, name, launched_by, starts_on, ends_on=None, directive=None,
                    goals="", criteria="", cascade=True, participants=(),
                    targets=()) -> Movement:
    """Creates a movement or campaign with its participants and targets."""
    rows = _clean_targets(targets)
    movement = Movement(kind=kind, name=name, launched_by=launched_by, starts_on=starts_on,
                        ends_on=ends_on, directive=directive, goals=goals, criteria=criteria,
                        cascade=cascade, created_by=actor)
    _check_period(movement)
    movement.full_clean()
    movement.save()
    movement.participants.set(participants)
    _write_targets(movement, rows)
    log_action(movement, actor=actor, action="movement.launched",
               message=_("Launched %(movement)s") % {"movement": movement},
               participants=ids(participants))
    return movement


@transaction.atomic
def update_movement(movement: Movement, *, actor, **changes) -> Movement:
    """Changes the movement's own fields (participants and targets have their services)."""
    changed = set_fields(movement, changes, MOVEMENT_FIELDS)
    _check_period(movement)
    movement.full_clean()
    movement.save()
    log_action(movement, actor=actor, action="movement.updated",
               message=_("Updated %(movement)s") % {"movement": movement}, fields=changed)
    return movement


@transaction.atomic
def set_participants(movement: Movement, *, actor, participants) -> Movement:
    """Replaces the participating units; their reports stay."""
    movement.participants.set(participants)
    log_action(movement, actor=actor, action="movement.participants_changed",
               message=_("Changed the participants of %(movement)s") % {"movement": movement},
               participants=ids(participants))
    return movement


def _write_targets(movement: Movement, rows: list[dict]) -> None:
    existing = list(movement.targets.all())
    for position, row in enumerate(rows):
        target = existing[position] if position < len(existing) else MovementTarget(
            movement=movement)
        for name, value in row.items():
            setattr(target, name, value)
        target.position = position
        target.save()
    surplus = existing[len(rows):]
    if any(target.figures.exists() for target in surplus):
        raise DomainError({"targets": [_("A target with reported figures cannot be removed.")]})
    MovementTarget.objects.filter(pk__in=ids(surplus)).delete()


@transaction.atomic
def set_targets(movement: Movement, *, actor, targets) -> Movement:
    """Replaces the targets in order; a target keeps its reported figures when renamed."""
    _write_targets(movement, _clean_targets(targets))
    log_action(movement, actor=actor, action="movement.targets_changed",
               message=_("Changed the targets of %(movement)s") % {"movement": movement})
    return movement
