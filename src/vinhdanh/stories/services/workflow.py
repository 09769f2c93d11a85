"""The life of a story.

    draft ─submit_for_review→ review ─publish→ published ─archive→ archived
    review ─return_to_draft→ draft            (with the reviewer's reason)
    archived ─publish→ published              (republished: a new publishing date)

Publishing with a future date schedules the story: it is "published" at once, with its
``published_at`` at the start of that day, and ``StoryQuerySet.published`` shows it from
then on, so no job has to run on the day. A scheduled story may be published again with
another date (rescheduled) or archived.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.stories.enums import StoryState
from vinhdanh.stories.models import ExemplaryStory
from vinhdanh.stories.services.common import locked, log, require


def _move(row: ExemplaryStory, state: str, story: ExemplaryStory) -> ExemplaryStory:
    row.state = state
    row.save()
    story.refresh_from_db()
    return row


@transaction.atomic
def submit_for_review(story: ExemplaryStory, *, actor) -> ExemplaryStory:
    """The drafter hands the story to the board."""
    require(actor, "stories.submit_story", story)
    row = locked(story, (StoryState.DRAFT,))
    row.return_reason = ""
    log(row, actor=actor, action="submitted", message=_("Submitted the story for review"))
    return _move(row, StoryState.REVIEW, story)


@transaction.atomic
def return_to_draft(story: ExemplaryStory, *, actor, reason: str) -> ExemplaryStory:
    """The board sends the story back to its drafter with what to change."""
    require(actor, "stories.review_story", story)
    reason = nfc(reason or "")
    if not reason:
        raise DomainError({"reason": [_("Give the reason.")]})
    row = locked(story, (StoryState.REVIEW,))
    row.return_reason = reason
    log(row, actor=actor, action="returned",
        message=_("Returned the story to its drafter: %(reason)s") % {"reason": reason})
    return _move(row, StoryState.DRAFT, story)


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _publishable(story: ExemplaryStory, now: dt.datetime) -> ExemplaryStory:
    """In review, archived, or published but not yet due (rescheduling)."""
    row = locked(story, (StoryState.REVIEW, StoryState.ARCHIVED, StoryState.PUBLISHED))
    if row.state == StoryState.PUBLISHED and row.published_at <= now:
        raise DomainError(_("The story is already public."))
    return row


@transaction.atomic
def publish(story: ExemplaryStory, *, actor, publish_on: dt.date | None = None,
            now: dt.datetime | None = None) -> ExemplaryStory:
    """Publishes now (no date, or today) or schedules the story for ``publish_on``."""
    require(actor, "stories.publish_story", story)
    now = now or timezone.now()
    today = timezone.localdate(now)
    if publish_on is not None and publish_on < today:
        raise DomainError({"publish_on": [_("The publishing date cannot be in the past.")]})
    row = _publishable(story, now)
    row.publish_on = publish_on or today
    row.published_at = now if row.publish_on == today else _start_of(row.publish_on)
    row.archived_at = None
    message = (_("Published the story") if row.published_at <= now else
               _("Scheduled the story for %(day)s") % {
                   "day": date_format(row.publish_on, "d/m/Y")})
    log(row, actor=actor, action="published", message=message,
        publish_on=row.publish_on.isoformat())
    return _move(row, StoryState.PUBLISHED, story)


@transaction.atomic
def archive(story: ExemplaryStory, *, actor, now: dt.datetime | None = None) -> ExemplaryStory:
    """Takes a published (or scheduled) story off the public site; it stays in the list."""
    require(actor, "stories.publish_story", story)
    row = locked(story, (StoryState.PUBLISHED,))
    row.archived_at = now or timezone.now()
    log(row, actor=actor, action="archived", message=_("Archived the story"))
    return _move(row, StoryState.ARCHIVED, story)
