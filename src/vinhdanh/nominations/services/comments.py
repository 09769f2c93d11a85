"""Public comment (lấy ý kiến): the board publishes candidates on the public site for a
number of days; anyone may comment on a candidate; the board moderates each comment and
answers each accepted one, and the answer stays with the dossier. A dossier whose honour
needs public comment passes to the council only after its window has closed and every
comment on it is settled.
"""

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.core.workdays import add_working_days
from vinhdanh.nominations.enums import CommentState
from vinhdanh.nominations.models import Nomination, PublicComment, PublicNotice
from vinhdanh.nominations.services.requirements import public_comment_days

# At most this many comments from one address in an hour (a person rarely needs more; a
# script is stopped early). The public view adds a cheap per-request check on top.
COMMENTS_PER_HOUR = 5


def is_open(notice: PublicNotice, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return notice.opens_on <= today <= notice.closes_on


def publish_notice(nominations, *, actor, title: str, days: int | None = None,
                   intro: str = "", now: dt.datetime | None = None) -> PublicNotice:
    """Publishes ``nominations`` (all in appraisal) for ``days`` days from today: each moves
    to public comment, due on the window's last day. ``days`` defaults to the longest the
    rule pack asks for these honours; it may not be shorter."""
    from vinhdanh.nominations.services.workflow import move

    now = now or timezone.now()
    today = timezone.localdate(now)
    nominations = list(nominations)
    if not nominations:
        raise DomainError(_("Choose at least one dossier to publish."))
    needed = max(int(public_comment_days(n.honor, today).value or 0) for n in nominations)
    days = needed if days is None else int(days)
    if days < max(needed, 1):
        raise DomainError({"days": [_("The rule pack asks for at least %(days)s days.")
                                    % {"days": max(needed, 1)}]})
    title = nfc(title).strip()
    if not title:
        raise DomainError({"title": [_("Give the notice a title.")]})
    with transaction.atomic():
        notice = PublicNotice.objects.create(
            title=title, intro=nfc(intro).strip(), opens_on=today,
            closes_on=today + dt.timedelta(days=days - 1),
            published_by=actor if actor is not None and actor.is_authenticated else None)
        # The dossier may move on the first working day after the window: that is its due day.
        due_on = add_working_days(notice.closes_on, 1)
        for nomination in nominations:
            move(nomination, "publish", actor=actor, now=now, due_on=due_on, notice=notice.pk)
        notice.nominations.set(nominations)
        log_action(notice, actor=actor, action="notice.published",
                   message=_("Published %(count)s candidates for comment until %(day)s")
                   % {"count": len(nominations), "day": f"{notice.closes_on:%d/%m/%Y}"})
    return notice


def check_comment_done(nomination: Nomination, today: dt.date) -> None:
    """Refuses to pass ``nomination`` to the council while its public comment is due, open
    or unsettled (a guard of workflow.pass_to_council)."""
    days = int(public_comment_days(nomination.honor, nomination.received_on or today).value
               or 0)
    notices = list(nomination.notices.order_by("-closes_on"))
    if days and not notices:
        raise DomainError(_("%(honour)s needs %(days)s days of public comment: publish the "
                            "candidate first.") % {"honour": nomination.honor, "days": days})
    # Any notice counts, not only while the dossier is in public comment or its honour
    # needs one: a dossier published, returned and received again must not reach the
    # council while its window is still open (people may still comment on it).
    if notices:
        latest = notices[0]
        if today <= latest.closes_on:
            raise DomainError(_("The public comment runs until %(day)s: the dossier can move "
                                "on from the next day.")
                              % {"day": f"{latest.closes_on:%d/%m/%Y}"})
    unsettled = nomination.comments.exclude(state=CommentState.REJECTED).filter(
        answered_at__isnull=True).count()
    if unsettled:
        raise DomainError(_("%(count)s public comments on this candidate still need "
                            "moderation or an answer.") % {"count": unsettled})


def client_key(address: str) -> str:
    """A keyed hash of the sender's address, kept to rate-limit; the address is not kept."""
    return hmac.new(settings.SECRET_KEY.encode(), (address or "").encode(),
                    hashlib.sha256).hexdigest()


def submit_comment(notice: PublicNotice, nomination: Nomination, *, name: str, contact: str,
                   text: str, address: str, now: dt.datetime | None = None) -> PublicComment:
    """A citizen's comment on a published candidate, while the window is open."""
    now = now or timezone.now()
    if not is_open(notice, timezone.localdate(now)):
        raise DomainError(_("Comments on this list are closed."))
    if not notice.nominations.filter(pk=nomination.pk).exists():
        raise DomainError({"nomination": [_("This candidate is not on this list.")]})
    fields = {"name": nfc(name).strip(), "contact": nfc(contact).strip(),
              "text": nfc(text).strip()}
    errors = {key: [_("This field is required.")] for key, value in fields.items() if not value}
    if errors:
        raise DomainError(errors)
    key = client_key(address)
    recent = PublicComment.objects.filter(client_key=key,
                                          submitted_at__gte=now - dt.timedelta(hours=1))
    if recent.count() >= COMMENTS_PER_HOUR:
        raise DomainError(_("Too many comments from this address; try again in an hour."))
    comment = PublicComment(notice=notice, nomination=nomination, client_key=key, **fields)
    comment.full_clean(exclude=["client_key"])
    comment.save()
    log_action(nomination, actor=None, action="comment.received",
               message=_("A public comment was received from %(name)s") % {"name": comment.name},
               comment=comment.pk)
    return comment


@transaction.atomic
def moderate(comment: PublicComment, *, actor, accept: bool) -> PublicComment:
    """Accepts a comment (it then needs an answer) or rejects it as spam or abuse."""
    if comment.answered_at is not None:
        raise DomainError(_("This comment has been answered already."))
    comment.state = CommentState.ACCEPTED if accept else CommentState.REJECTED
    comment.moderated_by = actor
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["state", "moderated_by", "moderated_at"])
    verb = _("accepted") if accept else _("rejected")
    log_action(comment.nomination, actor=actor, action="comment.moderated",
               message=_("The commendation board %(verb)s the comment of %(name)s")
               % {"verb": verb, "name": comment.name}, comment=comment.pk)
    return comment


@transaction.atomic
def answer(comment: PublicComment, *, actor, text: str) -> PublicComment:
    """Records the board's answer; the comment and its answer stay with the dossier."""
    text = nfc(text or "").strip()
    if not text:
        raise DomainError({"answer": [_("Write the answer.")]})
    if comment.state == CommentState.REJECTED:
        raise DomainError(_("A rejected comment is not answered."))
    if comment.state == CommentState.PENDING:
        comment.state = CommentState.ACCEPTED
        comment.moderated_by, comment.moderated_at = actor, timezone.now()
    comment.answer, comment.answered_by, comment.answered_at = text, actor, timezone.now()
    comment.save()
    log_action(comment.nomination, actor=actor, action="comment.answered",
               message=_("The commendation board answered the comment of %(name)s: %(answer)s")
               % {"name": comment.name, "answer": text}, comment=comment.pk)
    return comment
