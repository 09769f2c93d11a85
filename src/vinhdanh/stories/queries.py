"""Who sees which stories, and what a drafter may link a story to.

Staff see the stories of the units they see (a group's officers: its member units); the
public sees published stories whose publishing time has come (``published``), so a story
scheduled for next week turns public on its day without any job running.
"""

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from vinhdanh.organisations.enums import GROUP_EDITOR_ROLES, PEOPLE_EDITOR_ROLES
from vinhdanh.organisations.queries import SearchableQuerySet, scope_of, within
from vinhdanh.stories.enums import StoryState

# Roles that draft stories over a unit's subtree; group leaders draft for member units.
DRAFTER_ROLES = PEOPLE_EDITOR_ROLES


def led_group_ids(scope) -> tuple[int, ...]:
    """The groups whose editors the user is (the group-leader role)."""
    return tuple({g.group_id for g in scope.grants
                  if g.group_id and g.role in GROUP_EDITOR_ROLES})


def _member_of(group_ids, unit_field: str) -> Exists:
    memberships = apps.get_model("organisations", "GroupMembership").objects.filter(
        group_id__in=group_ids, unit=OuterRef(unit_field))
    return Exists(memberships)


class StoryQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        if not scope.holds_a_role():
            return self.none()
        query = within(scope, "unit__path")
        if scope.group_ids:
            query |= Q(_member_of(scope.group_ids, "unit"))
        return self.filter(query)

    def published(self, now=None):
        """What the public may read: published, and its publishing time has come."""
        return self.filter(state=StoryState.PUBLISHED,
                           published_at__lte=now or timezone.now())


def _subject_in(scope) -> Q:
    """Records whose subject lies under one of the scope's drafting grants."""
    return (Q(person__isnull=False) & within(scope, "person__unit__path", DRAFTER_ROLES)
            | Q(unit__isnull=False) & within(scope, "unit__path", DRAFTER_ROLES)
            | Q(household__isnull=False) & within(scope, "household__unit__path",
                                                  DRAFTER_ROLES))


def records_for(user):
    """Honour records a story by ``user`` may tell of: not revoked, of a subject in the
    units the user drafts for (a group leader: the member units themselves)."""
    records = apps.get_model("honors", "HonorRecord").objects.filter(revoked_on__isnull=True)
    scope = scope_of(user)
    if scope.reaches_all(DRAFTER_ROLES):
        return records
    query = _subject_in(scope)
    if led_group_ids(scope):
        query |= Q(unit__isnull=False) & Q(_member_of(led_group_ids(scope), "unit"))
    return records.filter(query)


def movements_for(user):
    return apps.get_model("movements", "Movement").objects.visible_to(user)


def subject_unit(record):
    """The unit a record's subject belongs to (a collective is its own unit)."""
    if record.person_id:
        return record.person.unit
    if record.unit_id:
        return record.unit
    return record.household.unit
