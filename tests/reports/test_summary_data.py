"""The figures of a group's summary report: only the group's members and year count."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.reports.summary_support import summary_world
from vinhdanh.documents.summary_content import HonourCount, Share, Vote
from vinhdanh.organisations.services.groups import copy_group_to_next_year, record_handover
from vinhdanh.reports.summary.data import figures_of, handover_of


@pytest.fixture
def world(province):
    return summary_world(province)


@pytest.fixture
def figures(world):
    return figures_of(world.bloc)


def test_figures_list_the_members_movements_with_campaigns_last(figures):
    assert figures.members == ("Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh")
    assert [(m.name, m.campaign) for m in figures.movements] == [
        ("Vì người nghèo", False), ("Xây dựng gia đình 5 không, 3 sạch", True)]


def test_figures_sum_only_the_members_year_end_reports_of_the_year(figures):
    poverty = figures.movements[0]

    assert [(t.name, t.planned, t.achieved, t.reported_by) for t in poverty.targets] == [
        ("Hộ thoát nghèo", Decimal(100), Decimal("75.5"), 2),
        ("Buổi tuyên truyền", None, Decimal(0), 0)]
    assert poverty.targets[0].percent == Decimal("75.5")
    assert (poverty.participants, poverty.missing) == (2, ())


def test_figures_name_the_members_that_did_not_report(figures):
    campaign = figures.movements[1]

    assert (campaign.participants, campaign.missing) == (2, ("Hội Liên hiệp Phụ nữ tỉnh",))
    assert campaign.targets[0].achieved == Decimal(20)


def test_figures_carry_the_pledge_and_the_published_ranking(figures):
    assert figures.pledge.signed_on == dt.date(2024, 2, 20)
    assert figures.pledge.units == ("Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh")
    assert [(r.rank, r.unit, r.score) for r in figures.ranking.rows] == [
        (1, "Hội Nông dân tỉnh", Decimal(92)), (2, "Hội Liên hiệp Phụ nữ tỉnh", Decimal("88.5"))]


def test_figures_carry_the_proposals_with_the_review_vote(figures):
    proposals = figures.commendation.proposals

    assert [(p.unit, p.vote) for p in proposals] == [
        ("Hội Nông dân tỉnh", Vote(agree=2, disagree=0, abstain=0, approved=True)),
        ("Hội Liên hiệp Phụ nữ tỉnh", None)]


def test_figures_count_the_dossiers_proposed_not_drafts_nor_other_groups(figures):
    assert figures.commendation.dossiers == (
        HonourCount("Cờ thi đua của Ủy ban nhân dân tỉnh", collectives=1),)


def test_figures_count_the_honours_decided_in_the_year_within_the_members(figures):
    granted = {c.honour: (c.collectives, c.individuals) for c in figures.commendation.granted}

    assert granted == {"Lao động tiên tiến": (0, 1), "Chiến sĩ thi đua cơ sở": (0, 1),
                       "Tập thể lao động tiên tiến": (1, 0)}
    assert len(figures.commendation.recipients) == 3


def test_figures_compare_the_direct_worker_share_with_the_previous_year(figures):
    commendation = figures.commendation

    assert commendation.share == Share(2024, 1, 2)
    assert commendation.share.percent == Decimal("50.0")
    assert commendation.previous == Share(2023, 0, 1)


def test_figures_of_the_other_group_hold_none_of_the_bloc(world):
    other = figures_of(world.other)

    assert [m.name for m in other.movements] == ["Vì người nghèo", "Tiết kiệm ngân sách"]
    assert other.movements[0].targets[0].achieved == Decimal(1000)
    assert other.ranking is None and other.commendation.proposals == ()
    assert [c.total for c in other.commendation.granted] == [1]


def test_handover_comes_from_the_record_or_else_next_years_group(province, world):
    following = copy_group_to_next_year(province.bloc, actor=None)
    assert handover_of(province.bloc).incoming_leader == following.leader.name
    assert handover_of(province.bloc).held_on is None

    record_handover(province.bloc, actor=None, held_on=dt.date(2024, 12, 20),
                    incoming_leader=province.women, incoming_deputy=province.farmers)
    handover = handover_of(province.bloc)
    assert (handover.held_on, handover.outgoing_leader, handover.incoming_leader,
            handover.incoming_deputy) == (dt.date(2024, 12, 20), "Hội Nông dân tỉnh",
                                          "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh")


def test_figures_take_the_same_queries_for_one_or_three_movements(world, province,
                                                                  django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        figures_of(province.bloc)
    for number in range(2):
        _more_movements(province, number)
    with django_assert_num_queries(len(one.captured_queries)):
        figures = figures_of(province.bloc)
    assert len(figures.movements) == 4


def _more_movements(province, number):
    from tests.reports.summary_support import record
    from vinhdanh.movements.enums import MovementKind
    from vinhdanh.movements.services.movements import launch_movement

    launch_movement(actor=None, kind=MovementKind.THEMATIC, name=f"Phong trào {number}",
                    launched_by=province.root, starts_on=dt.date(2024, 3, 1),
                    participants=[province.farmers],
                    targets=[{"name": "Chỉ tiêu", "measure": "lần", "target_value": 5}])
    record("lao_dong_tien_tien", dt.date(2024, 12, 1), person=province.farmer_people[number])
