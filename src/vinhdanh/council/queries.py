"""Visibility of the council's sessions: the board (the secretariat) and the council's
members see them; nobody else does. Nothing here reveals a member's ballot."""

from django.db.models import Exists, OuterRef

from vinhdanh.organisations.enums import EDITOR_ROLES
from vinhdanh.organisations.queries import scope_of


def sessions_visible_to(user):
    from vinhdanh.council.models import Attendance, CouncilSession

    if scope_of(user).reaches_all(EDITOR_ROLES):
        return CouncilSession.objects.all()
    if not user.is_authenticated:
        return CouncilSession.objects.none()
    member_of = Attendance.objects.filter(session=OuterRef("pk"), member__user=user)
    return CouncilSession.objects.filter(Exists(member_of))
