"""Proposals from a published year-end ranking: the first units for the provincial Cờ thi
đua, the next for the provincial Bằng khen.

How many: the group's own counts (``ScoringTemplate.flag_count`` / ``merit_count``) or else
the rule pack's emulation figures in force on the day of publication ("group_flags",
"group_merit_certificates": practice, not a confirmed national number). Only units with a
final score are proposed. A correction publishes revision n+1, whose proposals are made
anew; those of earlier revisions stay as history and can no longer change. Turning a
proposal into a nomination belongs to the nominations app, which reads these rows.
"""

from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from vinhdanh.core.audit import log_action
from vinhdanh.core.errors import DomainError
from vinhdanh.core.text import nfc
from vinhdanh.honors.models import Honor
from vinhdanh.scoring.enums import ProposalState, RoundPeriod
from vinhdanh.scoring.models import Proposal, RankingRevision

FLAG, MERIT = "co_thi_dua_tinh", "bang_khen_tinh"


def proposal_counts(template, day) -> tuple[int, int]:
    """(units for the Cờ thi đua, units for the Bằng khen) for ``template`` on ``day``."""
    from vinhdanh.honors.law.packs import effective_pack_for

    pack = effective_pack_for(day)
    return (_count(template.flag_count, pack.emulation("group_flags")),
            _count(template.merit_count, pack.emulation("group_merit_certificates")))


def _count(own: int | None, figure) -> int:
    if own is not None:
        return own
    return int(figure.value) if figure is not None else 0


def ranked(revision: RankingRevision) -> list[dict]:
    """The published results in rank order, each with unit_id, rank and final (Decimal|None)."""
    rows = [{"unit_id": item["unit_id"], "rank": item["rank"],
             "final": None if item.get("final") is None else Decimal(str(item["final"]))}
            for item in (revision.results or {}).get("results", [])]
    return sorted(rows, key=lambda row: row["rank"])


@transaction.atomic
def make_proposals(revision: RankingRevision) -> list[Proposal]:
    """Writes the proposals of a published year-end ``revision`` (none for a mid-year one);
    called once by publication, and returns the existing ones if called again."""
    scoring_round = revision.round
    if scoring_round.period != RoundPeriod.YEAR_END:
        return []
    existing = list(revision.proposals.select_related("unit", "honor"))
    if existing:
        return existing
    flags, merits = proposal_counts(scoring_round.template,
                                    timezone.localdate(revision.published_at))
    scored = [row for row in ranked(revision) if row["final"] is not None]
    plan = [(row, FLAG) for row in scored[:flags]]
    plan += [(row, MERIT) for row in scored[flags:flags + merits]]
    honours = _honours()
    made = Proposal.objects.bulk_create([
        Proposal(revision=revision, unit_id=row["unit_id"], honor=honours[code], rank=row["rank"])
        for row, code in plan])
    log_action(scoring_round, actor=revision.published_by, action="scoring.proposals_made",
               message=_("Proposed %(flags)s units for the Cờ thi đua and %(merits)s for the "
                         "Bằng khen from revision %(number)s of the ranking")
               % {"flags": min(flags, len(scored)), "merits": len(made) - min(flags, len(scored)),
                  "number": revision.number}, revision=revision.pk)
    return made


def _honours() -> dict[str, Honor]:
    honours = Honor.objects.in_bulk([FLAG, MERIT], field_name="code")
    missing = {FLAG, MERIT} - set(honours)
    if missing:
        raise DomainError(_("The honours catalogue lacks %(codes)s.")
                          % {"codes": ", ".join(sorted(missing))})
    return honours


def is_current(proposal: Proposal) -> bool:
    """Whether the proposal belongs to the latest revision of its round (not history)."""
    return not RankingRevision.objects.filter(round_id=proposal.revision.round_id,
                                              number__gt=proposal.revision.number).exists()


@transaction.atomic
def withdraw_proposal(proposal: Proposal, *, actor, reason) -> Proposal:
    """Withdraws a current proposal, keeping the reason in its note."""
    reason = nfc(reason or "").strip()
    if not reason:
        raise DomainError({"reason": [_("Say why the proposal is withdrawn.")]})
    if proposal.state != ProposalState.PROPOSED:
        raise DomainError(_("Only a proposal that is still proposed can be withdrawn."))
    if not is_current(proposal):
        raise DomainError(_("This proposal belongs to a corrected ranking and is kept as "
                            "history."))
    proposal.state, proposal.note = ProposalState.WITHDRAWN, reason[:500]
    proposal.save(update_fields=["state", "note"])
    log_action(proposal, actor=actor, action="scoring.proposal_withdrawn",
               message=_("Withdrew the proposal of %(unit)s for %(honour)s: %(reason)s")
               % {"unit": proposal.unit, "honour": proposal.honor, "reason": reason},
               reason=reason)
    return proposal


def proposals_for(group) -> QuerySet:
    """The proposals of the latest published revision of ``group``'s year-end round."""
    latest = RankingRevision.objects.filter(
        round__template__group=group, round__period=RoundPeriod.YEAR_END,
    ).order_by("-number").values("pk")[:1]
    return Proposal.objects.filter(revision_id=Subquery(latest)).select_related(
        "unit", "honor", "revision").order_by("rank", "honor__position")


def export_proposals(revision: RankingRevision) -> bytes:
    """The revision's proposals as an xlsx list: rank, unit, final score, honour, state."""
    from vinhdanh.scoring.services.excel_out import proposals_workbook

    finals = {row["unit_id"]: row["final"] for row in ranked(revision)}
    proposals = revision.proposals.select_related("unit", "honor").order_by("rank")
    return proposals_workbook(revision, [(p, finals.get(p.unit_id)) for p in proposals])
