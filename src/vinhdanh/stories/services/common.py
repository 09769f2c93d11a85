"""What the story services share: permission checks, the row lock and the log entry."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.stories.models import ExemplaryStory


def require(actor, perm: str, story=None) -> None:
    """``actor=None`` is the system (demo loader, management commands)."""
    if actor is not None and not actor.has_perm(perm, story):
        raise PermissionDenied(_("You may not do this with this story."))


def locked(story: ExemplaryStory, states) -> ExemplaryStory:
    """The story's row, locked, in one of ``states`` (else a DomainError)."""
    row = ExemplaryStory.objects.select_for_update().get(pk=story.pk)
    if row.state not in states:
        raise DomainError(_("This story is “%(state)s”: the action is not possible now.")
                          % {"state": row.get_state_display()})
    return row


def log(story: ExemplaryStory, *, actor, action: str, message: str, **data) -> None:
    log_action(story, actor=actor, action=f"stories.{action}", message=message, **data)


def touch(story: ExemplaryStory) -> None:
    """A new ``updated_at``: the public page's cached body (keyed by it) is built again."""
    now = timezone.now()
    ExemplaryStory.objects.filter(pk=story.pk).update(updated_at=now)
    story.updated_at = now
