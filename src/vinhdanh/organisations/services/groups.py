from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.changes import apply_changes
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.models import EmulationGroup, GroupMembership, HandoverRecord, Unit


def _conflicts(group: EmulationGroup, units) -> list[str]:
    """Names of units already in another group of the same kind and year."""
    taken = GroupMembership.objects.filter(
        unit__in=units, year=group.year, kind=group.kind
    ).exclude(group=group).select_related("unit", "group")
    return [f"{m.unit.name} ({m.group.name})" for m in taken]


def _check_leadership(group: EmulationGroup, leader, deputy, members) -> None:
    member_ids = {u.pk for u in members}
    if leader and leader.pk not in member_ids or deputy and deputy.pk not in member_ids:
        raise DomainError(_("The leader and the deputy must be members of the group."))
    if leader and deputy and leader.pk == deputy.pk:
        raise DomainError(_("The leader and the deputy must be different units."))


@transaction.atomic
def create_group(*, actor, kind, year, code, name, members, organiser=None, leader=None,
                 deputy=None, notes="", copied_from=None) -> EmulationGroup:
    """Creates a group with ``members`` in rotation order, and its leader and deputy."""
    group = EmulationGroup(kind=kind, year=year, code=code, name=name, organiser=organiser,
                           notes=notes, copied_from=copied_from)
    group.full_clean()
    group.save()
    _write_members(group, members)
    _check_leadership(group, leader, deputy, members)
    group.leader, group.deputy = leader, deputy
    group.save(update_fields=["leader", "deputy", "search_text", "sort_key"])
    log_action(group, actor=actor, action="group.created",
               message=_("Created %(group)s") % {"group": group})
    return group


GROUP_FIELDS = {"code", "name", "organiser", "notes"}


@transaction.atomic
def update_group(group: EmulationGroup, *, actor, **changes) -> EmulationGroup:
    """Changes a group's code, name, organiser or notes.

    Kind and year are fixed once members are in (memberships copy them); members and
    leadership change through ``set_members`` and ``set_leadership``.
    """
    changed = apply_changes(group, changes, allowed=GROUP_FIELDS)
    log_action(group, actor=actor, action="group.updated",
               message=_("Updated %(group)s") % {"group": group}, fields=changed)
    return group


def _write_members(group: EmulationGroup, members) -> None:
    conflicts = _conflicts(group, members)
    if conflicts:
        raise DomainError(
            _("A unit may be in only one group of each kind per year: %(units)s")
            % {"units": "; ".join(conflicts)}
        )
    group.memberships.all().delete()
    rows = [
        GroupMembership(group=group, unit=unit, year=group.year, kind=group.kind,
                        rotation_position=position)
        for position, unit in enumerate(members, start=1)
    ]
    try:
        with transaction.atomic():
            GroupMembership.objects.bulk_create(rows)
    except IntegrityError:  # a concurrent request took one of the units first
        raise DomainError(_("A unit may be in only one group of each kind per year.")) from None


@transaction.atomic
def set_members(group: EmulationGroup, *, actor, members) -> EmulationGroup:
    """Replaces the members; the list order is the rotation order."""
    _check_leadership(group, group.leader, group.deputy, members)
    _write_members(group, members)
    log_action(group, actor=actor, action="group.members_changed",
               message=_("Changed the members of %(group)s") % {"group": group},
               units=[u.pk for u in members])
    return group


@transaction.atomic
def set_leadership(group: EmulationGroup, *, actor, leader, deputy) -> EmulationGroup:
    """Names the leader and deputy units of the group's year."""
    _check_leadership(group, leader, deputy, [m.unit for m in group.memberships.all()])
    group.leader, group.deputy = leader, deputy
    group.save(update_fields=["leader", "deputy"])
    log_action(group, actor=actor, action="group.leadership_changed",
               message=_("%(group)s: leader %(leader)s, deputy %(deputy)s")
               % {"group": group, "leader": leader, "deputy": deputy or "—"})
    return group


def next_in_rotation(group: EmulationGroup, after: Unit | None, *, skip=()) -> Unit | None:
    """The member that follows ``after`` in the rotation order, wrapping round."""
    order = [m.unit for m in group.memberships.select_related("unit")]
    candidates = [u for u in order if u not in skip]
    if not candidates:
        return None
    if after is None or after not in order:
        return candidates[0]
    start = order.index(after)
    return next(u for u in order[start + 1:] + order[: start + 1] if u in candidates)


@transaction.atomic
def copy_group_to_next_year(group: EmulationGroup, *, actor, leader=None,
                            deputy=None) -> EmulationGroup:
    """Copies members and rotation to ``group.year + 1``.

    The next leader defaults to the unit after this year's leader in the rotation, and the
    deputy to the one after that; both can be chosen instead.
    """
    leader = leader or next_in_rotation(group, group.leader)
    deputy = deputy or next_in_rotation(group, leader, skip={leader})
    if EmulationGroup.objects.filter(year=group.year + 1, code=group.code).exists():
        raise DomainError(_("This group already exists for %(year)s.") % {"year": group.year + 1})
    members = [m.unit for m in group.memberships.select_related("unit")]
    return create_group(
        actor=actor, kind=group.kind, year=group.year + 1, code=group.code, name=group.name,
        members=members, organiser=group.organiser, leader=leader, deputy=deputy,
        notes=group.notes, copied_from=group,
    )


@transaction.atomic
def record_handover(group: EmulationGroup, *, actor, held_on, incoming_leader,
                    incoming_deputy=None, next_group=None, minutes_file=None,
                    notes="") -> HandoverRecord:
    """Records the year-end handover of ``group``'s leadership (one per group and year)."""
    if group.leader is None:
        raise DomainError(_("The group has no leader to hand over from."))
    if HandoverRecord.objects.filter(group=group).exists():
        raise DomainError(_("The handover of this group has already been recorded."))
    if held_on.year not in {group.year, group.year + 1}:
        raise DomainError(_("The review must take place at the end of the group's year."))
    record = HandoverRecord(
        group=group, held_on=held_on, outgoing_leader=group.leader,
        outgoing_deputy=group.deputy, incoming_leader=incoming_leader,
        incoming_deputy=incoming_deputy, next_group=next_group, notes=notes,
    )
    if minutes_file:
        record.minutes_file = minutes_file
    record.full_clean()
    record.save()
    log_action(group, actor=actor, action="group.handover",
               message=_("%(old)s handed the leadership of %(group)s over to %(new)s")
               % {"old": group.leader, "group": group.name, "new": incoming_leader})
    return record
