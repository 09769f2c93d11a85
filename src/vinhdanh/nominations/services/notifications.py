"""E-mails to the people a transition concerns, queued after the commit (tasks.py).

- submitted: the group's editors for a group's batch, else the board;
- forwarded by the group: the board;
- received, returned, rejected, passed to the council, published: the proposing unit's
  clerks and whoever created the batch;
- withdrawn: the board, when the dossier had reached it;
- decided (a decision granted the honour): the proposing unit's clerks and the batch's creator.
The task re-reads the dossier, so a mail always tells the state it is in when sent.
"""

from functools import partial

from django.db import transaction
from django.db.models import Q

from vinhdanh.organisations.enums import EDITOR_ROLES, GROUP_EDITOR_ROLES, Role
from vinhdanh.organisations.models import RoleAssignment, User

TO_UNIT = frozenset({"receive", "return", "reject", "pass_to_council", "publish", "decide"})


def after_transition(nomination, action: str, *, actor, reason: str) -> None:
    transaction.on_commit(partial(_enqueue, nomination.pk, action,
                                  actor.pk if actor is not None else None))


def _enqueue(nomination_id: int, action: str, actor_id: int | None) -> None:
    from vinhdanh.nominations.tasks import send_transition_mail  # tasks import this module

    send_transition_mail.enqueue(nomination_id, action, actor_id)


def board_grants() -> Q:
    """The board's role assignments: editors whose grant is on the province root."""
    return Q(role__in=EDITOR_ROLES, unit__depth=0)


def recipients(nomination, action: str, actor_id: int | None) -> list[User]:
    batch = nomination.batch
    if action == "submit" and batch.group_id:
        query = Q(role__in=GROUP_EDITOR_ROLES, group_id=batch.group_id)
    elif action in ("submit", "forward") or (action == "withdraw"
                                             and nomination.submitted_at is not None):
        query = board_grants()
    elif action in TO_UNIT:
        query = Q(role=Role.UNIT_CLERK, unit_id=batch.proposing_unit_id)
    else:
        return []
    ids = set(RoleAssignment.objects.filter(query).values_list("user_id", flat=True))
    if action in TO_UNIT and batch.created_by_id:
        ids.add(batch.created_by_id)
    ids.discard(actor_id)
    return list(User.objects.filter(pk__in=ids, is_active=True).exclude(email="")
                .order_by("pk"))
