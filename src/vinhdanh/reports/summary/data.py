"""The figures of a group's year-end summary report, read from the domains into the plain
dataclasses of ``documents.summary_content``.

Everything is about the group's member units (and, for honours and dossiers, their
subtrees) in the group's year. The figures are the group's, whoever reads them: the rules
(``reports.summary.rules``) decide who may read the report at all. A fixed number of
queries, whatever the number of movements, units or honours.
"""

from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Count, Q, Sum

from vinhdanh.documents.summary_content import (
    Commendation,
    Figures,
    Handover,
    HonourCount,
    MovementResult,
    PledgeFacts,
    ProposalRow,
    Ranking,
    RankingRow,
    Recipient,
    Share,
    Target,
    Vote,
)
from vinhdanh.honors.enums import SubjectKind
from vinhdanh.movements.enums import MovementKind, ReportPeriod
from vinhdanh.movements.models import Movement, Pledge, ProgressFigure, ProgressReport
from vinhdanh.movements.queries import ancestor_paths, participates
from vinhdanh.nominations.documents.common import candidate_name, candidate_place
from vinhdanh.nominations.enums import NominationState
from vinhdanh.nominations.models import Nomination
from vinhdanh.organisations.models import EmulationGroup, HandoverRecord
from vinhdanh.reports.selection import honour_records, in_subtree
from vinhdanh.scoring.enums import ProposalState, RoundPeriod
from vinhdanh.scoring.models import RankingRevision
from vinhdanh.scoring.services.proposals import proposals_for

# Dossiers still being written, or taken back, were never proposed.
NOT_PROPOSED = (NominationState.DRAFT, NominationState.WITHDRAWN)
RECORD_RELATED = ("honor", "person__unit", "unit__parent", "household__unit")


def members_of(group) -> list:
    """The group's member units in rotation order."""
    return [m.unit for m in group.memberships.select_related("unit")
            .order_by("rotation_position", "id")]


def figures_of(group) -> Figures:
    """Everything the report computes for ``group`` and its year."""
    members = members_of(group)
    return Figures(
        year=group.year, members=tuple(unit.name for unit in members),
        movements=movement_results(group.year, members),
        pledge=pledge_facts(group), ranking=ranking_of(group),
        commendation=commendation_of(group, members), handover=handover_of(group))


def subtrees(units) -> Q:
    """Honour records of candidates within any of ``units``' subtrees."""
    query = Q(pk__in=[])
    for unit in units:
        query |= in_subtree(unit.path)
    return query


# -- movements ------------------------------------------------------------------------------

def _movements(year: int, members) -> list:
    reaching = ancestor_paths(unit.path for unit in members)
    found = Movement.objects.for_year(year).filter(
        Q(participants__in=members) | Q(cascade=True, participants__path__in=reaching))
    ids = found.values("pk").distinct()
    return list(Movement.objects.filter(pk__in=ids).select_related("launched_by", "directive")
                .prefetch_related("targets", "participants").order_by("starts_on", "sort_key"))


def _year_end(year: int, members, movements) -> dict:
    return {"year": year, "period": ReportPeriod.YEAR_END, "unit__in": members,
            "movement__in": movements}


def movement_results(year: int, members) -> tuple[MovementResult, ...]:
    """The movements and campaigns the members took part in during ``year``, campaigns
    last, with the targets' figures summed from the members' year-end reports."""
    movements = _movements(year, members)
    reported = set(ProgressReport.objects.filter(**_year_end(year, members, movements))
                   .values_list("movement_id", "unit_id"))
    sums = {row["target_id"]: row for row in ProgressFigure.objects.filter(
        **{f"report__{key}": value for key, value in _year_end(year, members, movements)
           .items()}).values("target_id").annotate(total=Sum("value"), units=Count("id"))}
    results = [_movement(movement, members, reported, sums) for movement in movements]
    return tuple(sorted(results, key=lambda result: result.campaign))


def _movement(movement, members, reported, sums) -> MovementResult:
    taking_part = [unit for unit in members if participates(movement, unit)]
    targets = tuple(Target(name=t.name, measure=t.measure, planned=t.target_value,
                           achieved=sums[t.pk]["total"] if t.pk in sums else Decimal(0),
                           reported_by=sums[t.pk]["units"] if t.pk in sums else 0)
                    for t in movement.targets.all())
    return MovementResult(
        name=movement.name, campaign=movement.kind == MovementKind.CAMPAIGN,
        launched_by=_launcher(movement), targets=targets, participants=len(taking_part),
        missing=tuple(unit.name for unit in taking_part
                      if (movement.pk, unit.pk) not in reported))


def _launcher(movement) -> str:
    """Who launched it, as the directive names its issuer ("UBND tỉnh Hòa Sơn")."""
    directive = movement.directive
    return directive.issuer if directive is not None and directive.issuer else \
        movement.launched_by.name


# -- pledge, ranking, handover ----------------------------------------------------------------

def pledge_facts(group) -> PledgeFacts | None:
    pledge = Pledge.objects.filter(group=group).prefetch_related("signatories__unit").first()
    if pledge is None:
        return None
    return PledgeFacts(signed_on=pledge.signed_on,
                       units=tuple(s.unit.name for s in pledge.signatories.all()))


def ranking_of(group) -> Ranking | None:
    """The latest published revision of the group's year-end round."""
    revision = (RankingRevision.objects
                .filter(round__template__group=group, round__period=RoundPeriod.YEAR_END)
                .prefetch_related("entries__unit").order_by("-number").first())
    if revision is None:
        return None
    return Ranking(revision=revision.number, published_on=revision.published_at.date(),
                   reason=revision.reason if revision.number > 1 else "",
                   rows=tuple(RankingRow(rank=e.rank, unit=e.unit.name, score=e.final_score)
                              for e in revision.entries.all()))


def handover_of(group) -> Handover | None:
    """From the group's handover record, or else from next year's copy of the group."""
    record = HandoverRecord.objects.filter(group=group).select_related(
        "outgoing_leader", "outgoing_deputy", "incoming_leader", "incoming_deputy",
        "next_group").first()
    if record is not None:
        return Handover(
            held_on=record.held_on, outgoing_leader=_name(record.outgoing_leader),
            outgoing_deputy=_name(record.outgoing_deputy),
            incoming_leader=_name(record.incoming_leader),
            incoming_deputy=_name(record.incoming_deputy),
            next_year=record.next_group.year if record.next_group else group.year + 1)
    following = EmulationGroup.objects.filter(copied_from=group, leader__isnull=False) \
        .select_related("leader", "deputy").first()
    if following is None:
        return None
    return Handover(held_on=None, outgoing_leader=_name(group.leader),
                    outgoing_deputy=_name(group.deputy), incoming_leader=_name(following.leader),
                    incoming_deputy=_name(following.deputy), next_year=following.year)


def _name(unit) -> str:
    return unit.name if unit is not None else ""


# -- commendation -----------------------------------------------------------------------------

def commendation_of(group, members) -> Commendation:
    records = list(honour_records(group.year).filter(subtrees(members))
                   .select_related(*RECORD_RELATED))
    return Commendation(
        proposals=proposal_rows(group), dossiers=dossier_counts(group, members),
        granted=honour_counts(records), recipients=recipients(records),
        share=Share(group.year, sum(1 for r in records if r.person_id
                                    and r.person.is_direct_worker),
                    sum(1 for r in records if r.person_id)),
        previous=previous_share(group))


def proposal_rows(group) -> tuple[ProposalRow, ...]:
    return tuple(
        ProposalRow(rank=p.rank, unit=p.unit.name, honour=p.honor.name,
                    withdrawn=p.state == ProposalState.WITHDRAWN, vote=_vote(p))
        for p in proposals_for(group).select_related("vote"))


def _vote(proposal) -> Vote | None:
    vote = getattr(proposal, "vote", None)
    if vote is None:
        return None
    return Vote(agree=vote.agree, disagree=vote.disagree, abstain=vote.abstain,
                approved=vote.approved)


def dossier_counts(group, members) -> tuple[HonourCount, ...]:
    """Dossiers for the group's year proposed by its units (or by the group itself), by
    honour in catalogue order; drafts and withdrawn dossiers are not counted."""
    proposing = Q(pk__in=[])
    for unit in members:
        proposing |= Q(batch__proposing_unit__path__startswith=unit.path)
    rows = (Nomination.objects.filter(proposing | Q(batch__group=group), batch__year=group.year)
            .exclude(state__in=NOT_PROPOSED)
            .values("honor__name", "honor__position", "honor__code")
            .annotate(collectives=Count("id", filter=Q(unit__isnull=False)),
                      individuals=Count("id", filter=Q(person__isnull=False)),
                      households=Count("id", filter=Q(household__isnull=False)))
            .order_by("honor__position", "honor__code"))
    return tuple(HonourCount(row["honor__name"], row["collectives"], row["individuals"],
                             row["households"]) for row in rows)


def honour_counts(records) -> tuple[HonourCount, ...]:
    counts = defaultdict(Counter)
    honours = {}
    for record in records:
        honours[record.honor_id] = record.honor
        counts[record.honor_id][record.subject] += 1
    ordered = sorted(honours.values(), key=lambda honor: (honor.position, honor.code))
    return tuple(HonourCount(honor.name, counts[honor.pk][SubjectKind.COLLECTIVE],
                             counts[honor.pk][SubjectKind.INDIVIDUAL],
                             counts[honor.pk][SubjectKind.HOUSEHOLD]) for honor in ordered)


def recipients(records) -> tuple[Recipient, ...]:
    """Everyone honoured, by honour, then in Vietnamese order of their names."""
    ordered = sorted(records, key=lambda r: (r.honor.position, r.honor.code,
                                             r.candidate.sort_key, r.pk))
    return tuple(Recipient(name=candidate_name(r), detail=candidate_place(r), honour=r.honor.name,
                           decision=_decision(r), subject=r.subject) for r in ordered)


def _decision(record) -> str:
    when = f" ngày {record.decision_date:%d/%m/%Y}" if record.decision_date else ""
    return f"{record.decision_number}{when}".strip()


def previous_group(group):
    """Last year's group: the one this was copied from, or the same code a year earlier."""
    if group.copied_from_id:
        return group.copied_from
    return EmulationGroup.objects.filter(code=group.code, year=group.year - 1).first()


def previous_share(group) -> Share | None:
    previous = previous_group(group)
    if previous is None:
        return None
    individual = Q(person__isnull=False)
    counts = honour_records(previous.year).filter(subtrees(members_of(previous))).aggregate(
        individuals=Count("id", filter=individual),
        direct=Count("id", filter=individual & Q(person__is_direct_worker=True)))
    return Share(previous.year, counts["direct"], counts["individuals"])
