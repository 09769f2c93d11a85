"""compute_ranking from the database: totals summed in SQL, flags, settings, query count."""

import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from tests.factories import GroupFactory, UnitFactory
from tests.scoring.factories import CriterionFactory, ScoringTemplateFactory
from vinhdanh.core.errors import DomainError
from vinhdanh.organisations.models import GroupMembership
from vinhdanh.organisations.services.groups import set_members
from vinhdanh.scoring.enums import CriterionKind, PassKind, RoundState
from vinhdanh.scoring.models import Score, ScoringPass, ScoringRound, ScoringTemplate
from vinhdanh.scoring.services.ranking import (
    compute_ranking,
    compute_rankings,
    results_as_json,
    results_from_json,
)

D = Decimal


def _template(group):
    template = ScoringTemplateFactory(group=group)
    section = CriterionFactory(template=template, kind=CriterionKind.SECTION, code="I",
                               max_points=D(90))
    criteria = SimpleNamespace(
        section=section,
        results=CriterionFactory(template=template, parent=section, max_points=D(60),
                                 evidence_required=True),
        training=CriterionFactory(template=template, parent=section, max_points=D(30)),
        bonus=CriterionFactory(template=template, kind=CriterionKind.BONUS, max_points=D(5)),
        penalty=CriterionFactory(template=template, kind=CriterionKind.PENALTY,
                                 max_points=D(5)),
    )
    return template, criteria


def _round(template):
    scoring_round = ScoringRound.objects.create(template=template, period="year_end",
                                                state=RoundState.CLOSED)
    passes = {kind: ScoringPass.objects.create(round=scoring_round, kind=kind)
              for kind in PassKind.values}
    return scoring_round, passes


def _sheet(scoring_pass, scorer, subject, criteria, points, **extra):
    """Scores of ``points`` = (results, training, bonus, penalty); None: not scored,
    "abstain": abstained."""
    for criterion, value in zip((criteria.results, criteria.training, criteria.bonus,
                                 criteria.penalty), points, strict=True):
        if value is None:
            continue
        abstained = value == "abstain"
        Score.objects.create(scoring_pass=scoring_pass, scorer=scorer, subject=subject,
                             criterion=criterion, abstained=abstained,
                             points=None if abstained else D(value),
                             reason="Không đủ thông tin" if abstained else "", **extra)


@pytest.fixture
def world(province):
    """The province's bloc with four members and a closed round; another bloc (2025) with
    its own round and scores, which must never leak into the first."""
    extra = [UnitFactory(code="HCCB", name="Hội Cựu chiến binh tỉnh"),
             UnitFactory(code="TD", name="Tỉnh đoàn")]
    bloc = set_members(province.bloc, actor=None,
                       members=[province.farmers, province.women, *extra])
    template, criteria = _template(bloc)
    scoring_round, passes = _round(template)
    units = SimpleNamespace(farmers=province.farmers, women=province.women,
                            veterans=extra[0], youth=extra[1])
    other = _other_round(units)
    return SimpleNamespace(bloc=bloc, template=template, criteria=criteria,
                           round=scoring_round, passes=passes, units=units, other=other)


def _other_round(units):
    group = GroupFactory(year=2025, code="MTTQ")
    for position, unit in enumerate([units.farmers, units.women], start=1):
        GroupMembership.objects.create(group=group, unit=unit, rotation_position=position)
    template, criteria = _template(group)
    scoring_round, passes = _round(template)
    _sheet(passes["leader"], units.farmers, units.women, criteria, (60, 30, 5, 0))
    _sheet(passes["peer"], units.farmers, units.women, criteria, (1, 1, 0, 0))
    return scoring_round


def _full_round(w, leader_points):
    """Every pass filled: self = leader points; each peer gives the leader points minus 2
    on training; the leader gives ``leader_points[unit]``."""
    units = [w.units.farmers, w.units.women, w.units.veterans, w.units.youth]
    for unit in units:
        points = leader_points[unit]
        _sheet(w.passes["self"], unit, unit, w.criteria, points,
               evidence=ContentFile(b"%PDF-1.4", name="minh-chung.pdf"))
        _sheet(w.passes["leader"], w.units.farmers, unit, w.criteria, points)
        for scorer in units:
            if scorer != unit:
                _sheet(w.passes["peer"], scorer, unit, w.criteria,
                       (points[0], points[1] - 2, points[2], points[3]))


def _by_unit(results):
    return {result.unit_id: result for result in results}


def test_compute_ranking_consolidated_from_leader_totals(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    u = world.units
    _full_round(world, {u.farmers: (50, 25, 2, 1), u.women: (55, 25, 0, 0),
                        u.veterans: (50, 26, 0, 0), u.youth: (40, 20, 0, 5)})

    results = compute_ranking(world.round)

    assert [r.unit_id for r in results] == [u.women.pk, u.veterans.pk, u.farmers.pk, u.youth.pk]
    women = results[0]
    assert women.final == D(80) and women.leader_total == D(80) and women.self_total == D(80)
    assert women.peer_scores == {u.farmers.pk: D(78), u.veterans.pk: D(78), u.youth.pk: D(78)}
    assert women.peer_mean == D(78)
    farmers = _by_unit(results)[u.farmers.pk]
    # 50 + 25 + 2 − 1 = 76 against the veterans' 76: fewer penalty points first.
    assert (farmers.final, farmers.penalty, farmers.bonus) == (D(76), D(1), D(2))
    assert farmers.steps[-1].params == {"rule": "fewer_penalty", "against": u.veterans.pk,
                                        "ahead": False, "value": D(1), "other": D(0)}
    assert all(r.flags == [] for r in results)


def test_compute_ranking_reads_the_template_settings(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    u = world.units
    _full_round(world, {u.farmers: (50, 25, 0, 0), u.women: (55, 25, 0, 0),
                        u.veterans: (50, 26, 0, 0), u.youth: (40, 20, 0, 0)})
    ScoringTemplate.objects.filter(pk=world.template.pk).update(
        formula="weighted", weight_self=D("0.2"), weight_peer=D("0.3"), weight_leader=D("0.5"))

    women = compute_ranking(world.round)[0]

    # 0.2 × 80 + 0.3 × 78 + 0.5 × 80
    assert women.final == D("79.4")
    assert women.steps[-1].key == "weighted"


def test_compute_ranking_invalid_settings_refused(world):
    ScoringTemplate.objects.filter(pk=world.template.pk).update(
        formula="weighted", weight_self=0, weight_peer=0, weight_leader=0)

    with pytest.raises(DomainError) as refused:
        compute_ranking(world.round)

    assert refused.value.messages == [gettext(
        "The ranking settings of this group are not valid: give at least one weight above "
        "zero and known tie-break rules.")]


def test_compute_ranking_without_scores_flags_every_unit(world):
    results = compute_ranking(world.round)

    assert len(results) == 4
    assert [r.final for r in results] == [None] * 4
    # No final: ordered by Vietnamese name (Hội Cựu chiến binh, Hội Liên hiệp Phụ nữ, …).
    assert [r.unit_id for r in results] == [world.units.veterans.pk, world.units.women.pk,
                                            world.units.farmers.pk, world.units.youth.pk]
    assert results[0].flags[0].code == "scores_missing"
    assert results[0].flags[0].params == {"no_final": True, "leader": 4}


def test_compute_ranking_abstention_and_missing_scores(world):
    w, u = world, world.units
    _sheet(w.passes["leader"], u.farmers, u.women, w.criteria, (50, 20, 0, None))
    _sheet(w.passes["peer"], u.farmers, u.women, w.criteria, (50, "abstain", 0, 0))
    _sheet(w.passes["peer"], u.veterans, u.women, w.criteria, (40, 20, 0, 0))

    women = _by_unit(compute_ranking(w.round))[u.women.pk]

    assert women.final == D(70)
    assert women.abstentions == [u.farmers.pk]
    assert women.peer_scores == {u.veterans.pk: D(60)}
    assert women.flag("scores_missing").params == {"no_final": False, "leader": 1}


def test_compute_ranking_flags_evidence_missing(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w, u = world, world.units
    _sheet(w.passes["self"], u.women, u.women, w.criteria, (50, 20, 0, 0))
    _sheet(w.passes["self"], u.farmers, u.farmers, w.criteria, (0, 20, 0, 0))
    _sheet(w.passes["self"], u.youth, u.youth, w.criteria, (50, 20, 0, 0),
           evidence=ContentFile(b"%PDF-1.4", name="minh-chung.pdf"))

    results = _by_unit(compute_ranking(w.round))

    assert results[u.women.pk].flag("evidence_missing").params == {
        "criteria": [w.criteria.results.pk]}
    assert results[u.farmers.pk].flag("evidence_missing") is None  # scored 0: nothing to prove
    assert results[u.youth.pk].flag("evidence_missing") is None


def test_compute_ranking_flags_from_peer_totals(world):
    w, u = world, world.units
    _sheet(w.passes["self"], u.women, u.women, w.criteria, (60, 30, 0, 0))
    _sheet(w.passes["leader"], u.farmers, u.women, w.criteria, (50, 25, 0, 0))
    for scorer, points in ((u.farmers, (50, 25, 0, 0)), (u.veterans, (50, 26, 0, 0)),
                           (u.youth, (20, 10, 0, 0))):
        _sheet(w.passes["peer"], scorer, u.women, w.criteria, points)

    women = _by_unit(compute_ranking(w.round))[u.women.pk]

    assert [f.code for f in women.flags] == ["evidence_missing", "self_above_peers",
                                             "scorers_disagree", "scorer_deviates"]
    assert women.flag("scorer_deviates").params["scorer"] == u.youth.pk
    # max_total = 60 + 30 + 5 (bonus); the peer mean is (75 + 76 + 30) / 3.
    assert women.flag("self_above_peers").params["peer_mean"] == D("60.333333")


def test_results_json_round_trip_from_the_database(world):
    w, u = world, world.units
    _sheet(w.passes["leader"], u.farmers, u.women, w.criteria, (50, 20, 1, 2))
    _sheet(w.passes["peer"], u.farmers, u.women, w.criteria, (50, "abstain", 0, 0))
    results = compute_ranking(w.round)

    stored = json.loads(json.dumps(results_as_json(results)))

    assert results_from_json(stored) == results
    assert stored["results"][0]["final"] == "69.000"


def _bloc_round(number):
    """Another bloc (year 2030 + number) of three new units, every pass filled."""
    units = [UnitFactory() for _ in range(3)]
    group = GroupFactory(year=2030 + number)
    for position, unit in enumerate(units, start=1):
        GroupMembership.objects.create(group=group, unit=unit, rotation_position=position)
    template, criteria = _template(group)
    scoring_round, passes = _round(template)
    for subject in units:
        _sheet(passes["self"], subject, subject, criteria, (50, 20, 1, 0))
        _sheet(passes["leader"], units[0], subject, criteria, (45, 20, 1, 0))
        for scorer in units:
            if scorer != subject:
                _sheet(passes["peer"], scorer, subject, criteria, (40 + scorer.pk % 7, 20, 0, 1))
    return scoring_round


def _queries_for(rounds) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        rankings = compute_rankings(rounds)
    return len(queries), rankings


@pytest.mark.usefixtures("province")
def test_compute_rankings_constant_queries():
    one = [_bloc_round(1)]
    three = [*one, _bloc_round(2), _bloc_round(3)]

    count_one, _ = _queries_for(one)
    count_three, rankings = _queries_for(three)

    assert count_one == count_three == 5
    assert sorted(rankings) == sorted(r.pk for r in three)
    assert all(len(results) == 3 and results[0].final for results in rankings.values())


@pytest.mark.usefixtures("province")
def test_compute_rankings_same_as_one_by_one():
    rounds = [_bloc_round(1), _bloc_round(2)]

    together = compute_rankings(ScoringRound.objects.filter(pk__in=[r.pk for r in rounds]))

    assert together == {r.pk: compute_ranking(r) for r in rounds}
