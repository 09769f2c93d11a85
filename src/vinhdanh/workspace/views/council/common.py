"""What the council's pages share: who may see them and how a refused action is shown."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied

from vinhdanh.core.errors import DomainError
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


def run(request, action, success: str) -> bool:
    """``action()``; a domain refusal becomes an error message. Whether it succeeded."""
    try:
        action()
    except DomainError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, success)
    return True
