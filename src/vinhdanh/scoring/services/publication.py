"""Publishing a round's ranking, and correcting it as a new revision.

Publication is deliberate: the page shows the preview (``compute_ranking``) and the user
types the confirmation word. The published revision is frozen; a correction reopens the
leader pass under the next revision number, and the next publication adds that revision
beside the first, carrying the correction's reason.
"""

import json
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import history_of, log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.scoring.enums import PassKind, RoundPeriod, RoundState
from vinhdanh.scoring.models import RankingEntry, RankingRevision, ScoringRound
from vinhdanh.scoring.services.passes import lock_round

CONFIRMATION_WORD = "CÔNG BỐ"
CORRECTION_ACTION = "scoring.correction_started"


def latest_revision(scoring_round: ScoringRound) -> RankingRevision | None:
    return scoring_round.revisions.order_by("-number").first()


def confirmation_matches(text: str) -> bool:
    """Whether ``text`` is the confirmation word, whatever its case or Unicode form."""
    return nfc(text or "").strip().casefold() == nfc(CONFIRMATION_WORD).casefold()


def _check_publishable(scoring_round: ScoringRound, confirmation: str) -> None:
    if scoring_round.state == RoundState.PUBLISHED:
        raise DomainError(_("The ranking of this round is already published."))
    if scoring_round.state != RoundState.CLOSED:
        raise DomainError(_("Close the leader's consolidation before publishing the ranking."))
    if not confirmation_matches(confirmation):
        raise DomainError({"confirmation": [
            _('Type "%(word)s" to confirm the publication.') % {"word": CONFIRMATION_WORD}
        ]})


def _correction_reason(scoring_round: ScoringRound) -> str:
    """The reason of the correction that led to this revision (none for the first)."""
    if scoring_round.revision == 1:
        return ""
    entry = history_of(scoring_round).filter(action=CORRECTION_ACTION).order_by("-pk").first()
    return entry.data.get("reason", "") if entry else ""


def _decoded(value):
    """``value`` as plain JSON types (Decimals become strings), as a JSONField stores it."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _entries(revision: RankingRevision, results) -> list[RankingEntry]:
    return [
        RankingEntry(revision=revision, unit_id=result.unit_id, rank=result.rank,
                     final_score=None if result.final is None
                     else Decimal(result.final).quantize(Decimal("0.001")),
                     flags=_decoded([{"code": f.code, "params": dict(f.params)}
                                     for f in result.flags]))
        for result in results
    ]


def _write_revision(scoring_round: ScoringRound, *, actor) -> RankingRevision:
    from vinhdanh.scoring.services.ranking import compute_ranking, results_as_json

    results = compute_ranking(scoring_round)
    revision = RankingRevision.objects.create(
        round=scoring_round, number=scoring_round.revision, published_at=timezone.now(),
        published_by=actor if actor is not None and actor.is_authenticated else None,
        reason=_correction_reason(scoring_round), results=results_as_json(results),
    )
    RankingEntry.objects.bulk_create(_entries(revision, results))
    return revision


@transaction.atomic
def publish_round(scoring_round: ScoringRound, *, actor, confirmation) -> RankingRevision:
    """Freezes the closed round's ranking as its current revision, with one entry per unit,
    makes the year-end proposals, and locks the round (state PUBLISHED)."""
    lock_round(scoring_round)
    _check_publishable(scoring_round, confirmation)
    revision = _write_revision(scoring_round, actor=actor)
    if scoring_round.period == RoundPeriod.YEAR_END:
        from vinhdanh.scoring.services.proposals import make_proposals

        make_proposals(revision)
    scoring_round.state = RoundState.PUBLISHED
    scoring_round.save(update_fields=["state"])
    log_action(scoring_round, actor=actor, action="scoring.ranking_published",
               message=_("Published the ranking of %(round)s (revision %(number)s)")
               % {"round": scoring_round, "number": revision.number}, revision=revision.pk)
    return revision


def _reopen_leader_pass(scoring_round: ScoringRound) -> None:
    leader_pass = scoring_round.passes.get(kind=PassKind.LEADER)
    leader_pass.opened_at, leader_pass.closed_at, leader_pass.closed_by = timezone.now(), None, None
    leader_pass.missing_count, leader_pass.missing_reason = 0, ""
    leader_pass.save(update_fields=["opened_at", "closed_at", "closed_by", "missing_count",
                                    "missing_reason"])


@transaction.atomic
def start_correction(scoring_round: ScoringRound, *, actor, reason) -> ScoringRound:
    """Reopens the leader pass of a published round under the next revision number; the
    published revision stays as it is. The reason is logged and carried by the next one."""
    lock_round(scoring_round)
    if scoring_round.state != RoundState.PUBLISHED:
        raise DomainError(_("Only a published ranking can be corrected."))
    reason = nfc(reason or "").strip()
    if not reason:
        raise DomainError({"reason": [_("Say why the published ranking must be corrected.")]})
    scoring_round.state, scoring_round.revision = RoundState.LEADER, scoring_round.revision + 1
    scoring_round.save(update_fields=["state", "revision"])
    _reopen_leader_pass(scoring_round)
    log_action(scoring_round, actor=actor, action=CORRECTION_ACTION,
               message=_("Started correction %(number)s of %(round)s: %(reason)s")
               % {"number": scoring_round.revision, "round": scoring_round, "reason": reason},
               reason=reason, revision=scoring_round.revision)
    return scoring_round
