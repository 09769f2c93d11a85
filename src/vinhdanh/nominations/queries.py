"""Visibility of submission batches and nominations.

A batch is seen by the users of its proposing unit's subtree, by the holders of a role for
its group (the group leader reviews the group's proposals) and by the users of the group's
member units (a bloc's proposals are the bloc's business), and by those reaching the whole
province (the board). A nomination is also seen by the users whose subtree holds its
candidate: a unit follows the dossiers proposing it or its people, whoever proposed them.
Withdrawn and rejected dossiers stay visible: nothing is deleted.
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from vinhdanh.organisations.queries import SearchableQuerySet, scope_of, within


def _visible(scope, prefix: str) -> Q:
    """The filter for rows whose batch is at ``prefix`` ("" or "batch__")."""
    query = within(scope, f"{prefix}proposing_unit__path")
    if scope.group_ids:
        query |= Q(**{f"{prefix}group_id__in": scope.group_ids})
    members = apps.get_model("organisations", "GroupMembership").objects.filter(
        within(scope, "unit__path"), group_id=OuterRef(f"{prefix}group_id"))
    return query | Q(Exists(members))


class BatchQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        return self.filter(_visible(scope, "")) if scope.holds_a_role() else self.none()


class NominationQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        if not scope.holds_a_role():
            return self.none()
        # A person's or household's unit path: the candidate's own unit for a collective.
        candidate = (within(scope, "unit__path") | within(scope, "person__unit__path")
                     | within(scope, "household__unit__path"))
        return self.filter(_visible(scope, "batch__") | candidate)

    def open(self):
        from vinhdanh.nominations.enums import FINAL_STATES

        return self.exclude(state__in=FINAL_STATES)

    def overdue(self, today=None):
        from vinhdanh.nominations.enums import IN_PROGRESS_STATES

        day = today or timezone.localdate()
        return self.filter(state__in=IN_PROGRESS_STATES, due_on__lt=day)

    def of_candidate(self, candidate):
        return self.filter(**{candidate._meta.model_name: candidate})
