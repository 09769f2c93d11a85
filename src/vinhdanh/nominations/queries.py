"""Visibility of submission batches and nominations.

A batch is seen by the users of its proposing unit's subtree (and of the units above it),
by the holders of a role for its group (the group leader reviews the group's proposals),
and by those reaching the whole province (the board). Withdrawn and rejected dossiers stay
visible: nothing is deleted.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from vinhdanh.organisations.queries import SearchableQuerySet, scope_of, within


def _visible(user, prefix: str) -> Q | None:
    """The filter for rows whose batch is at ``prefix`` (None: no filter, all rows)."""
    scope = scope_of(user)
    if scope.reaches_all():
        return None
    if not scope.everything and not scope.grants:
        return Q(pk__in=[])
    query = within(scope, f"{prefix}proposing_unit__path")
    if scope.group_ids:
        query |= Q(**{f"{prefix}group_id__in": scope.group_ids})
    return query


class BatchQuerySet(SearchableQuerySet):
    def visible_to(self, user):
        query = _visible(user, "")
        return self.all() if query is None else self.filter(query)


class NominationQuerySet(models.QuerySet):
    def visible_to(self, user):
        query = _visible(user, "batch__")
        return self.all() if query is None else self.filter(query)

    def open(self):
        from vinhdanh.nominations.enums import FINAL_STATES

        return self.exclude(state__in=FINAL_STATES)

    def overdue(self, today=None):
        from vinhdanh.nominations.enums import IN_PROGRESS_STATES

        day = today or timezone.localdate()
        return self.filter(state__in=IN_PROGRESS_STATES, due_on__lt=day)

    def of_candidate(self, candidate):
        return self.filter(**{candidate._meta.model_name: candidate})
