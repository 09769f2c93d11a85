"""Visibility of history rows: a row is visible when its candidate is (one filter)."""

from django.db import models
from django.db.models import Q

from vinhdanh.organisations.queries import scope_of, within


class HistoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        scope = scope_of(user)
        if scope.reaches_all():
            return self.all()
        return self.filter(
            Q(person__isnull=False) & within(scope, "person__unit__path")
            | Q(unit__isnull=False) & within(scope, "unit__path")
            | Q(household__isnull=False) & within(scope, "household__unit__path")
        )

    def of(self, candidate):
        """The rows of one person, unit or household."""
        field = {"Person": "person", "Unit": "unit", "Household": "household"}
        return self.filter(**{field[type(candidate).__name__]: candidate})
