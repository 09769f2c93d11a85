from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def require_secretariat(actor) -> None:
    """Refuses a session action by anyone but the board (``actor=None`` is the system)."""
    if actor is not None and not actor.has_perm("council.manage_session"):
        raise PermissionDenied(_("Only the council's secretariat manages its sessions."))
