"""A round's passes: open the round, set deadlines, count what is missing, move on.

A round goes SELF → PEER → LEADER → CLOSED (then PUBLISHED, see ``publication``); the
round's state names its open pass. A pass closes only when every required score is given,
or when the group's leader records why some are missing.
"""

from collections import Counter
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.organisations.models import Unit
from vinhdanh.scoring.enums import CriterionKind, PassKind, RoundPeriod, RoundState
from vinhdanh.scoring.models import Criterion, Score, ScoringPass, ScoringRound, ScoringTemplate
from vinhdanh.scoring.queries import members_of

NEXT_STATE = {
    RoundState.SELF: RoundState.PEER,
    RoundState.PEER: RoundState.LEADER,
    RoundState.LEADER: RoundState.CLOSED,
}


@dataclass(frozen=True)
class MissingScores:
    """A sheet (scorer × subject) with ``missing`` required scores not given yet, and
    ``evidence_missing`` given scores lacking evidence the criterion requires."""

    scorer: Unit
    subject: Unit
    missing: int
    evidence_missing: int = 0


def refuse_if_published(scoring_round: ScoringRound) -> None:
    if scoring_round.state == RoundState.PUBLISHED:
        raise DomainError(_("The ranking is published: nothing in this round can change."))


def lock_round(scoring_round: ScoringRound) -> None:
    """Locks the round's row and re-reads its state: two clicks must not advance it twice."""
    ScoringRound.objects.select_for_update().filter(pk=scoring_round.pk).values("pk").first()
    scoring_round.refresh_from_db(fields=["state", "revision"])


def is_open(scoring_pass: ScoringPass) -> bool:
    return scoring_pass.round.state == scoring_pass.kind and scoring_pass.closed_at is None


def is_past_deadline(scoring_pass: ScoringPass, today=None) -> bool:
    """Entry stays possible until the end of the deadline day."""
    today = today or timezone.localdate()
    return scoring_pass.deadline is not None and today > scoring_pass.deadline


def scored_criteria(template: ScoringTemplate) -> list[Criterion]:
    return list(template.criteria.exclude(kind=CriterionKind.SECTION))


# --- opening a round -------------------------------------------------------------------------

def _check_deadlines(deadlines: dict) -> None:
    today = timezone.localdate()
    if set(deadlines) - set(PassKind.values):
        raise DomainError({"deadlines": [_("Deadlines are given for the self, peer and leader "
                                           "passes only.")]})
    if any(day is not None and day < today for day in deadlines.values()):
        raise DomainError({"deadlines": [_("The deadline cannot be in the past.")]})


def _check_new_round(template: ScoringTemplate, period: str, deadlines: dict) -> None:
    _check_deadlines(deadlines)
    if period not in RoundPeriod.values:
        raise DomainError({"period": [_("Choose the mid-year or the year-end round.")]})
    if not scored_criteria(template):
        raise DomainError(_("The template has no criteria to score yet."))
    if template.rounds.filter(period=period).exists():
        raise DomainError({"period": [_("This round has already been opened.")]})


def _create_round(template: ScoringTemplate, period: str, deadlines: dict) -> ScoringRound:
    try:
        with transaction.atomic():
            scoring_round = ScoringRound.objects.create(template=template, period=period,
                                                        state=RoundState.SELF)
    except IntegrityError:  # a concurrent request opened it first
        raise DomainError({"period": [_("This round has already been opened.")]}) from None
    ScoringPass.objects.bulk_create(
        ScoringPass(round=scoring_round, kind=kind, deadline=deadlines.get(kind),
                    opened_at=timezone.now() if kind == PassKind.SELF else None)
        for kind in PassKind.values
    )
    return scoring_round


@transaction.atomic
def open_round(template: ScoringTemplate, *, actor, period,
               deadlines: dict | None = None) -> ScoringRound:
    """Creates the round with its self, peer and leader passes and opens the self pass.

    ``deadlines`` maps a pass kind ("self", "peer", "leader") to its last day.
    """
    _check_new_round(template, period, deadlines or {})
    scoring_round = _create_round(template, period, deadlines or {})
    log_action(scoring_round, actor=actor, action="scoring.round_opened",
               message=_("Opened %(round)s; self-scoring is open") % {"round": scoring_round},
               deadlines={k: str(v) for k, v in (deadlines or {}).items()})
    return scoring_round


# --- deadlines -------------------------------------------------------------------------------

@transaction.atomic
def set_deadline(scoring_pass: ScoringPass, *, actor, deadline) -> ScoringPass:
    """Sets (or, with None, clears) the last day of a pass that is not closed."""
    refuse_if_published(scoring_pass.round)
    if scoring_pass.closed_at is not None:
        raise DomainError(_("This pass is closed."))
    if deadline is not None and deadline < timezone.localdate():
        raise DomainError({"deadline": [_("The deadline cannot be in the past.")]})
    scoring_pass.deadline = deadline
    scoring_pass.save(update_fields=["deadline"])
    log_action(scoring_pass, actor=actor, action="scoring.deadline_set",
               message=_("Deadline of %(pass)s: %(date)s")
               % {"pass": scoring_pass, "date": deadline.strftime("%d/%m/%Y") if deadline
                  else "—"}, deadline=str(deadline or ""))
    return scoring_pass


# --- what is missing -------------------------------------------------------------------------

def required_sheets(scoring_pass: ScoringPass, members: list[Unit]) -> list[tuple[Unit, Unit]]:
    """(scorer, subject) pairs that must score every scored criterion in this pass."""
    if scoring_pass.kind == PassKind.SELF:
        return [(unit, unit) for unit in members]
    if scoring_pass.kind == PassKind.PEER:
        return [(a, b) for a in members for b in members if a.pk != b.pk]
    leader = scoring_pass.round.template.group.leader
    return [(leader, unit) for unit in members] if leader is not None else []


def _given_counts(scoring_pass: ScoringPass, evidence_ids: set[int]) -> tuple[Counter, Counter]:
    """Scores given (points or an abstention) per sheet, and those lacking required evidence."""
    given, lacking = Counter(), Counter()
    rows = scoring_pass.scores.values_list("scorer_id", "subject_id", "criterion_id",
                                           "points", "abstained", "evidence")
    for scorer_id, subject_id, criterion_id, points, abstained, evidence in rows:
        if points is not None or abstained:
            given[scorer_id, subject_id] += 1
            if criterion_id in evidence_ids and not evidence and not abstained:
                lacking[scorer_id, subject_id] += 1
    return given, lacking


def missing_scores(scoring_pass: ScoringPass) -> list[MissingScores]:
    """Every sheet of the pass with required scores or required evidence missing.

    Three queries whatever the size of the group. An abstention counts as given; evidence
    is required only of self-scores (peers and the leader judge it, they do not supply it).
    """
    criteria = scored_criteria(scoring_pass.round.template)
    needs_evidence = scoring_pass.kind == PassKind.SELF
    evidence_ids = {c.pk for c in criteria if c.evidence_required and needs_evidence}
    given, lacking = _given_counts(scoring_pass, evidence_ids)
    sheets = required_sheets(scoring_pass, members_of(scoring_pass.round.template.group))
    result = [MissingScores(scorer, subject, len(criteria) - given[scorer.pk, subject.pk],
                            lacking[scorer.pk, subject.pk]) for scorer, subject in sheets]
    return [row for row in result if row.missing > 0 or row.evidence_missing > 0]


def missing_count(scoring_pass: ScoringPass) -> int:
    return sum(row.missing for row in missing_scores(scoring_pass))


# --- moving on -------------------------------------------------------------------------------

def _close_pass(scoring_pass: ScoringPass, *, actor, missing: int, reason: str) -> None:
    if missing and not reason:
        raise DomainError({"missing_reason": [
            _("%(count)s required scores are still missing: record why before closing the "
              "pass.") % {"count": missing}
        ]})
    scoring_pass.closed_at, scoring_pass.closed_by = timezone.now(), actor
    scoring_pass.missing_count, scoring_pass.missing_reason = missing, reason if missing else ""
    scoring_pass.save(update_fields=["closed_at", "closed_by", "missing_count",
                                     "missing_reason"])


def _prefill_leader_pass(leader_pass: ScoringPass, self_pass: ScoringPass) -> int:
    """Copies the self-scores into the leader pass: the leader changes only what needs it."""
    leader = leader_pass.round.template.group.leader
    copies = [
        Score(scoring_pass=leader_pass, kind=PassKind.LEADER, scorer=leader,
              subject_id=score.subject_id, criterion_id=score.criterion_id,
              points=score.points, evidence=score.evidence.name)
        for score in self_pass.scores.filter(points__isnull=False)
    ]
    Score.objects.bulk_create(copies)
    return len(copies)


def _open_pass(scoring_round: ScoringRound, kind: str) -> None:
    passes = {p.kind: p for p in scoring_round.passes.all()}
    opening = passes[kind]
    if kind == PassKind.LEADER:
        if scoring_round.template.group.leader is None:
            raise DomainError(_("The group has no leader unit to consolidate the scores."))
        if not opening.scores.exists():  # reopened after a correction: keep the leader's work
            _prefill_leader_pass(opening, passes[PassKind.SELF])
    opening.opened_at = timezone.now()
    opening.save(update_fields=["opened_at"])


def _user(actor):
    return actor if actor is not None and actor.is_authenticated else None


@transaction.atomic
def advance_round(scoring_round: ScoringRound, *, actor, missing_reason="") -> ScoringRound:
    """Closes the open pass and opens the next one (SELF → PEER → LEADER → CLOSED).

    Refused while required scores are missing, unless ``missing_reason`` says why; the
    reason and the count are kept on the closed pass.
    """
    lock_round(scoring_round)
    refuse_if_published(scoring_round)
    if scoring_round.state not in NEXT_STATE:
        raise DomainError(_("No scoring pass of this round is open."))
    current = scoring_round.passes.get(kind=scoring_round.state)
    missing = missing_count(current)
    _close_pass(current, actor=_user(actor), missing=missing, reason=nfc(missing_reason).strip())
    scoring_round.state = NEXT_STATE[scoring_round.state]
    if scoring_round.state != RoundState.CLOSED:
        _open_pass(scoring_round, scoring_round.state)
    scoring_round.save(update_fields=["state"])
    log_action(scoring_round, actor=actor, action="scoring.pass_closed",
               message=_("Closed %(pass)s of %(round)s") % {"pass": current.get_kind_display(),
                                                            "round": scoring_round},
               kind=current.kind, missing=missing, reason=current.missing_reason)
    return scoring_round


def send_reminders(scoring_pass: ScoringPass, *, actor=None) -> int:
    """Mails the clerks of the units still missing scores (see ``reminders``)."""
    from vinhdanh.scoring.services.reminders import send_reminders as send

    return send(scoring_pass, actor=actor)
