"""Visibility of the council's sessions: the board (the secretariat) and the council's
members see them; nobody else does. Nothing here reveals a member's ballot."""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef

from vinhdanh.organisations.enums import EDITOR_ROLES
from vinhdanh.organisations.queries import scope_of


class CouncilSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        if scope_of(user).reaches_all(EDITOR_ROLES):
            return self.all()
        if user is None or not user.is_authenticated:
            return self.none()
        attendance = apps.get_model("council", "Attendance")
        member_of = attendance.objects.filter(session=OuterRef("pk"), member__user=user)
        return self.filter(Exists(member_of))
