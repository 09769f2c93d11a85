"""What the council's pages share: who may see them."""

from django.core.exceptions import PermissionDenied

from vinhdanh.council.models import CouncilMember
from vinhdanh.workspace.access import require_perm


def manages(user) -> bool:
    return user.has_perm("council.manage_session")


def require_manager(user) -> None:
    require_perm(user, "manage_session", app="council")


def is_member(user) -> bool:
    """A member of the council in any term."""
    return CouncilMember.objects.filter(user=user).exists()


def require_council_user(user) -> None:
    """403 for anyone who neither runs the council nor sits on it."""
    if not (manages(user) or is_member(user)):
        raise PermissionDenied
