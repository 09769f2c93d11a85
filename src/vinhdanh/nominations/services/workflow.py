"""The journey of a dossier: one function per transition, used by the staff pages, the API,
the demo and the tests.

    draft ─submit→ submitted ─receive→ appraisal                      (a unit's own batch)
    draft ─submit→ submitted ─start_group_review→ group review ─forward→ appraisal (a group's)
    appraisal ─publish (comments.publish_notice)→ public comment ─pass_to_council→ ready
    appraisal ─pass_to_council→ ready          (when the honour needs no public comment)
    submitted, group review, appraisal, public comment, ready ─return_nomination→ returned
    returned ─submit→ submitted                (resubmission; the steps so far are kept)
    appraisal, public comment, ready ─reject→ rejected
    any state but approved, decided, rejected ─withdraw→ withdrawn

Each transition locks the nomination's row (``select_for_update``), so of two officers
acting on the same dossier at the same moment exactly one moves it; the other is refused
with who moved it and where it is now. Callers that show a dossier pass the ``version`` they
showed, so an action on a dossier moved since the page was drawn is refused too.
Permissions (rules.py) are checked here when an ``actor`` is given; ``actor=None`` is the
system (demo loader, management commands).
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.nominations.enums import EDITABLE_STATES
from vinhdanh.nominations.enums import NominationState as S
from vinhdanh.nominations.models import Nomination, NominationStep
from vinhdanh.nominations.services import deadlines, notifications
from vinhdanh.nominations.services import eligibility as verdicts
from vinhdanh.nominations.services.batches import check_procedure
from vinhdanh.nominations.services.requirements import missing_documents


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    perm: str
    needs_reason: bool = False
    # How the action log names the acting body ("Ban TĐKT trả lại: …").
    verb: str = ""


ANY_OPEN = frozenset({S.DRAFT, S.SUBMITTED, S.GROUP_REVIEW, S.APPRAISAL, S.PUBLIC_COMMENT,
                      S.READY, S.RETURNED})
TRANSITIONS = {t.name: t for t in (
    Transition("submit", EDITABLE_STATES, S.SUBMITTED, "nominations.submit_nomination",
               verb=gettext_lazy("%(body)s submitted the dossier")),
    Transition("receive", frozenset({S.SUBMITTED}), S.APPRAISAL,
               "nominations.appraise_nomination",
               verb=gettext_lazy("%(body)s received the dossier")),
    Transition("start_group_review", frozenset({S.SUBMITTED}), S.GROUP_REVIEW,
               "nominations.review_nomination",
               verb=gettext_lazy("%(body)s started the group review")),
    Transition("forward", frozenset({S.GROUP_REVIEW}), S.APPRAISAL,
               "nominations.review_nomination",
               verb=gettext_lazy("%(body)s forwarded the dossier to the commendation board")),
    Transition("publish", frozenset({S.APPRAISAL}), S.PUBLIC_COMMENT,
               "nominations.appraise_nomination",
               verb=gettext_lazy("%(body)s published the candidate for public comment")),
    Transition("pass_to_council", frozenset({S.APPRAISAL, S.PUBLIC_COMMENT}), S.READY,
               "nominations.appraise_nomination",
               verb=gettext_lazy("%(body)s passed the dossier to the council")),
    Transition("return", frozenset({S.SUBMITTED, S.GROUP_REVIEW, S.APPRAISAL,
                                    S.PUBLIC_COMMENT, S.READY}), S.RETURNED,
               "nominations.appraise_nomination", needs_reason=True,
               verb=gettext_lazy("%(body)s returned the dossier")),
    Transition("reject", frozenset({S.APPRAISAL, S.PUBLIC_COMMENT, S.READY}), S.REJECTED,
               "nominations.appraise_nomination", needs_reason=True,
               verb=gettext_lazy("%(body)s rejected the dossier")),
    Transition("withdraw", ANY_OPEN, S.WITHDRAWN, "nominations.withdraw_nomination",
               needs_reason=True, verb=gettext_lazy("%(body)s withdrew the dossier")),
)}


# The council's result: moved only by the council's ballot (council/services/ballots.py), so
# never offered as a button.
COUNCIL_TRANSITIONS = {t.name: t for t in (
    Transition("council_approve", frozenset({S.READY}), S.APPROVED,
               "nominations.record_council_result",
               verb=gettext_lazy("%(body)s approved the dossier")),
    Transition("council_reject", frozenset({S.READY}), S.REJECTED,
               "nominations.record_council_result", needs_reason=True,
               verb=gettext_lazy("%(body)s did not approve the dossier")),
)}

# The decision: moved only when a decision granting the honour is issued
# (decisions/services/issuing.py).
DECISION_TRANSITIONS = {t.name: t for t in (
    Transition("decide", frozenset({S.APPROVED}), S.DECIDED, "nominations.record_decision",
               needs_reason=True, verb=gettext_lazy("%(body)s granted the honour")),
)}


def allowed_actions(nomination: Nomination, user) -> list[str]:
    """The transitions ``user`` may try on ``nomination`` now (for buttons and the API);
    the guards (documents, comment window) may still refuse them."""
    return [t.name for t in TRANSITIONS.values()
            if nomination.state in t.sources and _fits_route(t, nomination)
            and _permitted(user, t, nomination)]


def _fits_route(t: Transition, nomination: Nomination) -> bool:
    """A group's batch goes through the group review; a unit's own batch does not."""
    grouped = nomination.batch.group_id is not None
    if t.name == "receive":
        return not grouped
    if t.name in ("start_group_review", "forward"):
        return grouped
    return True


def _permitted(user, t: Transition, nomination: Nomination) -> bool:
    if user is None:
        return True
    if user.has_perm(t.perm, nomination):
        return True
    # The group's editors return a group's proposal before it reaches the board.
    return (t.name == "return" and nomination.state in (S.SUBMITTED, S.GROUP_REVIEW)
            and user.has_perm("nominations.review_nomination", nomination))


def body_of(t: Transition, nomination: Nomination, actor) -> str:
    """Who acted, as the log names it: the proposing unit, the group, the board or the
    council."""
    if t.name in COUNCIL_TRANSITIONS:
        return _("The emulation and commendation council")
    if t.name in DECISION_TRANSITIONS:
        return _("The competent authority")
    # The board's officers also hold submit_nomination (they prepare for any unit): a
    # withdrawal by the board is logged in the board's name, not the unit's.
    if t.name in ("submit",) or (t.name == "withdraw" and actor is not None
                                 and not _is_board(actor, nomination)
                                 and actor.has_perm("nominations.submit_nomination",
                                                    nomination)):
        return nomination.batch.proposing_unit.name
    if t.name in ("start_group_review", "forward") or (
            t.name == "return" and nomination.state in (S.SUBMITTED, S.GROUP_REVIEW)
            and nomination.batch.group_id and not _is_board(actor, nomination)):
        return nomination.batch.group.name
    return _("The commendation board")


def _is_board(actor, nomination) -> bool:
    return actor is None or actor.has_perm("nominations.appraise_nomination", nomination)


def _moved_since(nomination: Nomination) -> DomainError:
    step = nomination.steps.order_by("-entered_at", "-id").select_related("actor").first()
    # str(user) is the full name (User.full_name) or the username; get_full_name() reads
    # AbstractUser's first/last names, which this project leaves empty.
    who = str(step.actor) if step and step.actor else _("someone else")
    when = timezone.localtime(step.entered_at).strftime("%H:%M %d/%m/%Y") if step else ""
    return DomainError(_("%(who)s changed this dossier at %(when)s; it is now “%(state)s”. "
                         "Reload the page to see it.")
                       % {"who": who, "when": when, "state": nomination.get_state_display()})


def _refuse_state(nomination: Nomination, t: Transition) -> DomainError:
    return DomainError(_("This dossier is “%(state)s”: it cannot be %(action)s now.")
                       % {"state": nomination.get_state_display(),
                          "action": ACTION_PARTICIPLES[t.name]})


ACTION_PARTICIPLES = {
    "submit": gettext_lazy("submitted"), "receive": gettext_lazy("received"),
    "start_group_review": gettext_lazy("taken into the group review"),
    "forward": gettext_lazy("forwarded"), "publish": gettext_lazy("published for comment"),
    "pass_to_council": gettext_lazy("passed to the council"),
    "return": gettext_lazy("returned"), "reject": gettext_lazy("rejected"),
    "withdraw": gettext_lazy("withdrawn"),
    "council_approve": gettext_lazy("approved by the council"),
    "council_reject": gettext_lazy("refused by the council"),
    "decide": gettext_lazy("decided"),
}


def move(nomination: Nomination, action: str, *, actor, reason: str = "",
         expected_version: int | None = None, now: dt.datetime | None = None,
         guard=None, due_on: dt.date | None = None, **log_data) -> Nomination:
    """Runs transition ``action`` on ``nomination`` (see the module's docstring).

    ``guard(locked)`` runs on the locked row before the state changes and may raise a
    DomainError. Returns the nomination as saved (the object passed in is refreshed too).
    """
    t = TRANSITIONS.get(action) or COUNCIL_TRANSITIONS.get(action) or DECISION_TRANSITIONS[action]
    reason = nfc(reason or "").strip()
    with transaction.atomic():
        locked = (Nomination.objects.select_for_update(of=("self",))
                  .select_related("batch", "batch__group", "batch__proposing_unit", "honor")
                  .get(pk=nomination.pk))
        if expected_version is not None and locked.version != expected_version:
            raise _moved_since(locked)
        if locked.state not in t.sources or not _fits_route(t, locked):
            raise _refuse_state(locked, t)
        if not _permitted(actor, t, locked):
            raise PermissionDenied(_("You may not do this on this dossier."))
        if t.needs_reason and not reason:
            raise DomainError({"reason": [_("Give the reason.")]})
        if guard is not None:
            guard(locked)
        body = body_of(t, locked, actor)
        deadlines.enter(locked, t.target, action=action, actor=actor, reason=reason, now=now,
                        due_on=due_on)
        locked.state = t.target
        locked.version += 1
        locked.save()
        message = t.verb % {"body": body}
        log_action(locked, actor=actor, action=f"nomination.{action}",
                   message=f"{message}: {reason}" if reason else message,
                   state=t.target, version=locked.version, **log_data)
        notifications.after_transition(locked, action, actor=actor, reason=reason)
    nomination.refresh_from_db()
    return locked


# -- the transitions ---------------------------------------------------------------------

def _check_submittable(nomination: Nomination, *, justification: str,
                       today: dt.date) -> None:
    check_procedure(nomination.batch, [nomination.honor], today)
    missing = missing_documents(nomination, today)
    if missing:
        raise DomainError(_("The dossier of %(candidate)s lacks: %(missing)s.")
                          % {"candidate": nomination.candidate,
                             "missing": ", ".join(r.label for r in missing)})
    verdicts.evaluate(nomination, on_date=today)
    if justification:
        nomination.justification = justification
        nomination.save(update_fields=["justification"])
    if verdicts.not_eligible(nomination) and not nomination.justification.strip():
        raise DomainError({"justification": [
            _("%(candidate)s is not eligible for %(honour)s: explain in writing why the "
              "dossier is submitted anyway.")
            % {"candidate": nomination.candidate, "honour": nomination.honor}]})


def submit(nomination: Nomination, *, actor, justification: str = "",
           expected_version: int | None = None, now: dt.datetime | None = None) -> Nomination:
    """Submits (or, after a return, resubmits) a dossier: the required documents must be
    there; the eligibility verdict is recorded, and a candidate found not eligible needs a
    written justification."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    justification = nfc(justification or "").strip()

    def guard(locked):
        _check_submittable(locked, justification=justification, today=today)
        if locked.submitted_at is None:
            locked.submitted_at = now
        batch = locked.batch
        if batch.submitted_at is None:
            batch.submitted_at = now
            batch.save(update_fields=["submitted_at"])

    return move(nomination, "submit", actor=actor, expected_version=expected_version, now=now,
                guard=guard)


def receive(nomination: Nomination, *, actor, expected_version: int | None = None,
            now: dt.datetime | None = None) -> Nomination:
    """The board receives a unit's dossier: the appraisal's time limit starts."""
    return move(nomination, "receive", actor=actor, expected_version=expected_version, now=now,
                guard=_received(now))


def _received(now):
    def guard(locked):
        locked.received_on = timezone.localdate(now or timezone.now())
    return guard


def start_group_review(nomination: Nomination, *, actor,
                       expected_version: int | None = None,
                       now: dt.datetime | None = None) -> Nomination:
    return move(nomination, "start_group_review", actor=actor,
                expected_version=expected_version, now=now)


def forward(nomination: Nomination, *, actor, expected_version: int | None = None,
            now: dt.datetime | None = None) -> Nomination:
    """The group leader sends a group's proposal on to the board, which receives it then."""
    return move(nomination, "forward", actor=actor, expected_version=expected_version, now=now,
                guard=_received(now))


def return_nomination(nomination: Nomination, *, actor, reason: str,
                      expected_version: int | None = None,
                      now: dt.datetime | None = None) -> Nomination:
    """Returns a dossier to its unit with the reason; the unit corrects and resubmits."""
    return move(nomination, "return", actor=actor, reason=reason,
                expected_version=expected_version, now=now)


def reject(nomination: Nomination, *, actor, reason: str, expected_version: int | None = None,
           now: dt.datetime | None = None) -> Nomination:
    return move(nomination, "reject", actor=actor, reason=reason,
                expected_version=expected_version, now=now)


def withdraw(nomination: Nomination, *, actor, reason: str,
             expected_version: int | None = None, now: dt.datetime | None = None) -> Nomination:
    """The unit (or the board) withdraws a dossier; it stays visible with its journey."""
    return move(nomination, "withdraw", actor=actor, reason=reason,
                expected_version=expected_version, now=now)


def pass_to_council(nomination: Nomination, *, actor, expected_version: int | None = None,
                    now: dt.datetime | None = None) -> Nomination:
    """The board passes an appraised dossier to the council. An honour that needs public
    comment passes only after its window has closed and every comment is settled."""
    from vinhdanh.nominations.services.comments import check_comment_done

    today = timezone.localdate(now or timezone.now())
    return move(nomination, "pass_to_council", actor=actor, expected_version=expected_version,
                now=now, guard=lambda locked: check_comment_done(locked, today))


def record_council_result(nomination: Nomination, *, actor, approved: bool, reason: str = "",
                          now: dt.datetime | None = None) -> Nomination:
    """The council's vote on a dossier ready for it: approved, or refused with the tally as
    the reason."""
    return move(nomination, "council_approve" if approved else "council_reject", actor=actor,
                reason=reason, now=now)


def record_decision(nomination: Nomination, *, actor, reference: str,
                    now: dt.datetime | None = None) -> Nomination:
    """An issued decision granted the honour: the dossier is decided; ``reference`` ("Quyết
    định số 12/QĐ-UBND ngày 05/02/2026") is the step's reason, shown on the journey and in
    the mail to the unit."""
    return move(nomination, "decide", actor=actor, reason=reference, now=now)


# -- a batch at once -----------------------------------------------------------------------

def submit_batch(batch, *, actor, justifications: dict | None = None,
                 now: dt.datetime | None = None) -> list[Nomination]:
    """Submits every draft or returned nomination of ``batch``; all or none."""
    justifications = justifications or {}
    with transaction.atomic():
        pending = list(batch.nominations.filter(state__in=EDITABLE_STATES).order_by("id"))
        if not pending:
            raise DomainError(_("This batch has no dossier to submit."))
        return [submit(n, actor=actor, justification=justifications.get(n.pk, ""), now=now)
                for n in pending]


def act_on_batch(batch, action: str, *, actor, now: dt.datetime | None = None,
                 **kwargs) -> list[Nomination]:
    """Runs ``action`` (receive, start_group_review, forward, pass_to_council) on every
    nomination of ``batch`` that is where that action starts; all or none."""
    functions = {"receive": receive, "start_group_review": start_group_review,
                 "forward": forward, "pass_to_council": pass_to_council}
    t = TRANSITIONS[action]
    with transaction.atomic():
        ready = [n for n in batch.nominations.select_related("batch", "honor").order_by("id")
                 if n.state in t.sources and _fits_route(t, n)]
        if not ready:
            raise DomainError(_("No dossier of this batch can be %(action)s now.")
                              % {"action": ACTION_PARTICIPLES[action]})
        return [functions[action](n, actor=actor, now=now, **kwargs) for n in ready]


def journey(nomination: Nomination):
    """The nomination's steps, oldest first, with their actors."""
    return NominationStep.objects.filter(nomination=nomination).select_related("actor")
