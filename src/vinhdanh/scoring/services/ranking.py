"""The ranking of scoring rounds, fed from the database to the engine (``scoring.ranking``).

``compute_rankings(rounds)`` reads everything in five queries, whatever the number of
rounds (six when ``rounds`` is a queryset not yet read): the templates' settings with
their criteria's count and maximum, the member units, the passes, the score totals summed
in SQL by pass, scorer and subject with one sum per criterion kind, and the self scores
lacking required evidence. Nothing is written: this is the preview and what publication freezes.

The ranked units are the group's members; scores of other units as subjects are ignored
(a peer scorer who has since left the group still counts).

Missing scores: each unit expects, in every pass, one score per scored criterion from each
scorer: itself (self), each other member (peer), the leader (leader). An abstention is an
answer. The leader pass is summed over its scorers (normally the leader unit alone).
"""

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.models import GroupMembership
from vinhdanh.scoring.enums import CriterionKind, PassKind
from vinhdanh.scoring.models import Score, ScoringPass, ScoringTemplate
from vinhdanh.scoring.ranking import Result, Settings, Sheet, Totals, rank
from vinhdanh.scoring.ranking.codec import results_as_json, results_from_json

__all__ = ["compute_ranking", "compute_rankings", "results_as_json", "results_from_json"]

SCORED_KINDS = [CriterionKind.STANDARD, CriterionKind.BONUS, CriterionKind.PENALTY]
ZERO = Decimal(0)


def compute_ranking(scoring_round) -> list[Result]:
    """The round's results, ordered by rank."""
    return compute_rankings([scoring_round])[scoring_round.pk]


def compute_rankings(rounds: Iterable) -> dict[int, list[Result]]:
    """``{round id: results}`` of every round, read in a constant number of queries."""
    template_of = {r.pk: r.template_id for r in rounds}
    templates = _templates(set(template_of.values()))
    members = _members(t["group_id"] for t in templates.values())
    passes = _passes(template_of)
    totals, answered = _totals(passes)
    evidence = _evidence_missing(passes)
    rankings = {}
    for round_id, template_id in sorted(template_of.items()):
        template = templates[template_id]
        sheets = _sheets(members[template["group_id"]], template["scored"],
                         totals[round_id], answered[round_id], evidence[round_id])
        rankings[round_id] = rank(sheets, _settings(template))
    return rankings


# -- the queries ---------------------------------------------------------------------------

def _templates(ids: set[int]) -> dict[int, dict]:
    """Settings, number of scored criteria and max_total (standard + bonus) per template."""
    rows = ScoringTemplate.objects.filter(pk__in=ids).annotate(
        scored=Count("criteria", filter=Q(criteria__kind__in=SCORED_KINDS)),
        max_total=Sum("criteria__max_points", filter=Q(
            criteria__kind__in=[CriterionKind.STANDARD, CriterionKind.BONUS])),
    ).values("pk", "group_id", "formula", "weight_self", "weight_peer", "weight_leader",
             "normalise_peers", "tie_breaks", "deviation_threshold", "self_gap_threshold",
             "scored", "max_total")
    return {row["pk"]: row for row in rows}


def _members(group_ids: Iterable[int]) -> dict[int, list[tuple[int, str]]]:
    """``{group id: [(unit id, unit sort key)]}``."""
    members = defaultdict(list)
    rows = GroupMembership.objects.filter(group_id__in=set(group_ids)).values_list(
        "group_id", "unit_id", "unit__sort_key").order_by()
    for group_id, unit_id, key in rows:
        members[group_id].append((unit_id, key))
    return members


def _passes(template_of: dict[int, int]) -> dict[int, tuple[int, str]]:
    """``{pass id: (round id, kind)}``."""
    rows = ScoringPass.objects.filter(round_id__in=list(template_of)).values_list(
        "pk", "round_id", "kind").order_by()
    return {pk: (round_id, kind) for pk, round_id, kind in rows}


def _kind_is(*kinds) -> Q:
    return Q(criterion__kind__in=kinds)


def _totals(passes: dict[int, tuple[int, str]]) -> tuple[dict, dict]:
    """Points summed by pass, scorer and subject, one column per criterion kind:
    ``totals[round][kind][(scorer, subject)] = {criterion kind: points}``, and the scores
    answered (points or abstention) ``answered[round][(kind, scorer, subject)]``.

    Grouped by the leading columns of the unique index (pass, scorer, subject, criterion),
    so that the database can aggregate in index order instead of sorting every score
    (SQLite: 3× faster than grouping by criterion kind as well)."""
    rows = Score.objects.filter(scoring_pass_id__in=list(passes)).values(
        "scoring_pass_id", "scorer_id", "subject_id",
    ).annotate(
        **{kind: Sum("points", filter=_kind_is(kind)) for kind in SCORED_KINDS},
        given=Count("points", filter=_kind_is(*SCORED_KINDS)),
        abstentions=Count("pk", filter=_kind_is(*SCORED_KINDS) & Q(abstained=True)),
    ).order_by()
    totals = defaultdict(lambda: defaultdict(dict))
    answered = defaultdict(dict)
    for row in rows:
        (round_id, kind), pair = passes[row["scoring_pass_id"]], (row["scorer_id"],
                                                                  row["subject_id"])
        if row["given"]:
            totals[round_id][kind][pair] = {k: row[k] for k in SCORED_KINDS}
        answered[round_id][(kind, *pair)] = {"count": row["given"] + row["abstentions"],
                                             "abstained": row["abstentions"]}
    return totals, answered


def _evidence_missing(passes: dict[int, tuple[int, str]]) -> dict[int, dict[int, list[int]]]:
    """``{round: {unit: [criterion ids]}}``: self scores above 0 on a criterion requiring
    evidence, given without it (read through the self passes' index entries only)."""
    own = [pk for pk, (_round, kind) in passes.items() if kind == PassKind.SELF]
    rows = Score.objects.filter(
        Q(evidence="") | Q(evidence__isnull=True), scoring_pass_id__in=own,
        criterion__evidence_required=True, points__gt=0,
    ).values_list("scoring_pass_id", "subject_id", "criterion_id").order_by()
    missing = defaultdict(lambda: defaultdict(list))
    for pass_id, unit_id, criterion_id in rows:
        missing[passes[pass_id][0]][unit_id].append(criterion_id)
    return missing


# -- the engine's inputs -------------------------------------------------------------------

def _settings(template: dict) -> Settings:
    try:
        return Settings(
            formula=template["formula"], weight_self=template["weight_self"],
            weight_peer=template["weight_peer"], weight_leader=template["weight_leader"],
            normalise_peers=template["normalise_peers"],
            tie_breaks=tuple(template["tie_breaks"] or ()),
            deviation_threshold=template["deviation_threshold"],
            self_gap_threshold=template["self_gap_threshold"],
            max_total=template["max_total"] or ZERO)
    except ValueError as error:
        raise DomainError(_("The ranking settings of this group are not valid: give at "
                            "least one weight above zero and known tie-break rules.")) from error


def _as_totals(points: dict | None) -> Totals | None:
    if not points:
        return None
    return Totals(points.get("standard") or ZERO, points.get("bonus") or ZERO,
                  points.get("penalty") or ZERO)


def _sheets(members, scored: int, totals, answered, evidence) -> list[Sheet]:
    unit_ids = [unit_id for unit_id, _key in members]
    leader = _leader_by_subject(totals[PassKind.LEADER])
    consolidated = defaultdict(int)  # leader scores answered per subject, whoever entered them
    for (kind, _scorer, subject), counted in answered.items():
        if kind == PassKind.LEADER:
            consolidated[subject] += counted["count"]
    return [Sheet(
        unit_id=unit_id, name_key=key,
        self_totals=_as_totals(totals[PassKind.SELF].get((unit_id, unit_id))),
        peer=_peer(unit_id, unit_ids, totals[PassKind.PEER], answered),
        leader_totals=_as_totals(leader.get(unit_id)),
        evidence_missing=tuple(sorted(evidence.get(unit_id, ()))),
        missing=_missing(unit_id, unit_ids, scored, answered, consolidated[unit_id]),
    ) for unit_id, key in members]


def _peer(subject: int, unit_ids: list[int], peer_totals, answered) -> dict:
    """Each other member's Totals for ``subject``; None for a scorer who abstained on any
    criterion (the engine leaves them out); scorers who gave nothing are absent."""
    peer = {}
    for scorer in unit_ids:
        if scorer == subject:
            continue
        if answered.get((PassKind.PEER, scorer, subject), {}).get("abstained"):
            peer[scorer] = None
        elif (scorer, subject) in peer_totals:
            peer[scorer] = _as_totals(peer_totals[(scorer, subject)])
    return peer


def _leader_by_subject(leader_totals) -> dict[int, dict]:
    """The leader pass's points per subject, summed over its scorers (normally one)."""
    by_subject = defaultdict(lambda: defaultdict(lambda: ZERO))
    for (_scorer, subject), by_kind in leader_totals.items():
        for kind, value in by_kind.items():
            by_subject[subject][kind] += value or ZERO
    return by_subject


def _missing(subject: int, unit_ids: list[int], scored: int, answered,
             consolidated: int) -> dict[str, int]:
    def given(kind, scorers):
        return sum(answered.get((kind, s, subject), {}).get("count", 0) for s in scorers)

    others = [unit_id for unit_id in unit_ids if unit_id != subject]
    return {
        "self": max(scored - given(PassKind.SELF, [subject]), 0),
        "peer": max(scored * len(others) - given(PassKind.PEER, others), 0),
        "leader": max(scored - consolidated, 0),
    }
