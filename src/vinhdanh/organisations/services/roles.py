from django.db import transaction
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.organisations.models import RoleAssignment


@transaction.atomic
def assign_role(user, *, actor, role, unit=None, group=None) -> RoleAssignment:
    """Grants ``role`` over ``unit``'s subtree or over ``group`` (exactly one of them)."""
    assignment = RoleAssignment(user=user, role=role, unit=unit, group=group)
    assignment.full_clean()
    assignment.save()
    user.__dict__.pop("_vinhdanh_scope", None)
    log_action(user, actor=actor, action="role.assigned",
               message=_("Granted %(assignment)s") % {"assignment": assignment})
    return assignment


@transaction.atomic
def revoke_role(assignment: RoleAssignment, *, actor) -> None:
    """Removes one role assignment."""
    log_action(assignment.user, actor=actor, action="role.revoked",
               message=_("Revoked %(assignment)s") % {"assignment": assignment})
    assignment.delete()
