"""Blind peer scoring: nobody reads another unit's peer values while the pass is open."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext

from tests.factories import GroupFactory, UnitFactory, UserFactory
from tests.scoring.factories import ScoringTemplateFactory
from tests.scoring.workflow_support import (
    clerk_of,
    fill_pass,
    fill_sheet,
    pass_of,
    start,
    three_unit_bloc,
)
from vinhdanh.core.errors import DomainError
from vinhdanh.scoring.enums import PassKind
from vinhdanh.scoring.queries import (
    acting_units,
    rounds_visible_to,
    scores_visible_to,
    scoring_units,
    templates_visible_to,
)
from vinhdanh.scoring.services.passes import advance_round
from vinhdanh.scoring.services.scores import record_score, record_sheet


@pytest.fixture
def world(province, personas):
    return three_unit_bloc(province, personas)


def _peer_round(world):
    """Self pass done; each clerk has entered their unit's peer sheets; the pass is open."""
    scoring_round = start(world)
    fill_pass(pass_of(scoring_round, "self"))
    advance_round(scoring_round, actor=world.leader)
    peer = pass_of(scoring_round, "peer")
    for clerk, unit in [(world.farmers_clerk, world.farmers), (world.women_clerk, world.women),
                        (world.veterans_clerk, world.veterans)]:
        for subject in (world.farmers, world.women, world.veterans):
            if subject != unit:
                fill_sheet(peer, unit, subject, Decimal(2), actor=clerk)
    return scoring_round


def _seen(user, scoring_round, kind):
    scores = scores_visible_to(user, scoring_round).filter(kind=kind)
    return {(s.scorer.code, s.subject.code) for s in scores.select_related("scorer", "subject")}


def _given_by(code, world):
    return {(code, other.code) for other in (world.farmers, world.women, world.veterans)
            if other.code != code}


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def test_acting_units_of_each_persona(world, personas, superuser):
    members = [world.farmers, world.women, world.veterans]

    assert acting_units(world.farmers_clerk, world.bloc) == [world.farmers]
    assert acting_units(world.women_clerk, world.bloc) == [world.women]
    assert acting_units(world.officer, world.bloc) == members
    assert acting_units(superuser, world.bloc) == members
    assert acting_units(world.leader, world.bloc) == []
    assert acting_units(personas.viewer, world.bloc) == []


def test_scoring_units_of_the_leader_pass_is_the_leader_unit_for_group_editors(world):
    scoring_round = start(world)
    leader_pass = pass_of(scoring_round, "leader")

    assert scoring_units(world.leader, leader_pass) == [world.farmers]
    assert scoring_units(world.officer, leader_pass) == [world.farmers]
    assert scoring_units(world.farmers_clerk, leader_pass) == []


def test_scoring_units_of_the_peer_pass_are_every_member_for_group_editors(world):
    peer = pass_of(start(world), "peer")

    assert scoring_units(world.leader, peer) == [world.farmers, world.women, world.veterans]
    assert scoring_units(world.women_clerk, peer) == [world.women]


def test_open_peer_pass_shows_each_clerk_only_their_units_peer_scores(world):
    scoring_round = _peer_round(world)

    assert _seen(world.farmers_clerk, scoring_round, "peer") == _given_by("HND", world)
    assert _seen(world.women_clerk, scoring_round, "peer") == _given_by("HLHPN", world)
    assert _seen(world.veterans_clerk, scoring_round, "peer") == _given_by("HCCB", world)


def test_open_peer_pass_hides_every_peer_value_from_leader_board_and_admins(world, personas,
                                                                            superuser):
    scoring_round = _peer_round(world)

    for user in (world.leader, world.officer, world.admin, superuser, personas.viewer,
                 personas.council_member, AnonymousUser()):
        assert _seen(user, scoring_round, "peer") == set(), user


def test_board_officer_entering_for_a_unit_sees_only_what_they_typed(world):
    scoring_round = _peer_round(world)
    peer = pass_of(scoring_round, "peer")
    peer.scores.filter(scorer=world.veterans, subject=world.farmers).delete()

    record_score(peer, actor=world.officer, scorer=world.veterans, subject=world.farmers,
                 criterion=world.criteria[0], points=9)

    assert _seen(world.officer, scoring_round, "peer") == {("HCCB", "HND")}
    assert _seen(world.farmers_clerk, scoring_round, "peer") == _given_by("HND", world)


def test_group_leader_types_a_paper_sheet_and_sees_only_it(world):
    scoring_round = _peer_round(world)
    peer = pass_of(scoring_round, "peer")
    peer.scores.filter(scorer=world.women, subject=world.veterans).delete()

    fill_sheet(peer, world.women, world.veterans, Decimal(3), actor=world.leader)

    assert _seen(world.leader, scoring_round, "peer") == {("HLHPN", "HCCB")}
    assert ("HLHPN", "HCCB") in _seen(world.women_clerk, scoring_round, "peer")


def test_values_typed_by_the_unit_cannot_be_overwritten_blind(world):
    scoring_round = _peer_round(world)
    peer = pass_of(scoring_round, "peer")

    with pytest.raises(DomainError) as error:
        record_score(peer, actor=world.officer, scorer=world.women, subject=world.farmers,
                     criterion=world.criteria[0], points=0)

    assert error.value.message_dict == {"points": [gettext(
        "The unit has already entered this score; only the unit can change it while the "
        "pass is open.")]}


def test_blank_sheet_from_a_blind_user_neither_clears_nor_reveals(world):
    scoring_round = _peer_round(world)
    peer = pass_of(scoring_round, "peer")

    saved = record_sheet(peer, actor=world.leader, scorer=world.women, subject=world.farmers,
                         rows=[dict(criterion=c, points="") for c in world.criteria])

    assert saved == []
    assert peer.scores.filter(scorer=world.women, subject=world.farmers,
                              points=Decimal(2)).count() == 4


def test_closed_peer_pass_shows_received_scores_to_the_subject(world):
    scoring_round = _peer_round(world)
    advance_round(scoring_round, actor=world.leader)

    seen = _seen(world.women_clerk, scoring_round, "peer")

    received = {("HND", "HLHPN"), ("HCCB", "HLHPN")}
    assert seen == _given_by("HLHPN", world) | received
    assert ("HND", "HCCB") not in seen


def test_closed_peer_pass_shows_everything_to_group_editors(world):
    scoring_round = _peer_round(world)
    advance_round(scoring_round, actor=world.leader)

    assert len(_seen(world.leader, scoring_round, "peer")) == 6
    assert len(_seen(world.officer, scoring_round, "peer")) == 6


def test_self_scores_are_private_until_the_self_pass_closes(world):
    scoring_round = start(world)
    fill_pass(pass_of(scoring_round, "self"))

    assert _seen(world.farmers_clerk, scoring_round, "self") == {("HND", "HND")}
    assert _seen(world.leader, scoring_round, "self") == set()
    advance_round(scoring_round, actor=world.leader)
    assert len(_seen(world.farmers_clerk, scoring_round, "self")) == 3
    assert len(_seen(world.leader, scoring_round, "self")) == 3


def test_leader_scores_reach_the_units_after_the_leader_pass_closes(world):
    scoring_round = _peer_round(world)
    advance_round(scoring_round, actor=world.leader)

    assert _seen(world.women_clerk, scoring_round, "leader") == set()
    assert len(_seen(world.leader, scoring_round, "leader")) == 3
    advance_round(scoring_round, actor=world.leader)
    assert _seen(world.women_clerk, scoring_round, "leader") == {("HND", "HLHPN")}


def test_scores_of_another_groups_round_are_not_shown(world, province):
    scoring_round = _peer_round(world)
    advance_round(scoring_round, actor=world.leader)
    advance_round(scoring_round, actor=world.leader)

    outsider = UnitFactory(code="SYT", parent=province.root)

    assert scores_visible_to(clerk_of(outsider, "clerk.syt"), scoring_round).count() == 0


def test_rounds_and_templates_of_other_groups_are_hidden(world, province):
    start(world)
    other_group = GroupFactory(code="CUM1")
    ScoringTemplateFactory(group=other_group)

    assert templates_visible_to(world.women_clerk).count() == 1
    assert [r.template.group for r in rounds_visible_to(world.women_clerk)] == [world.bloc]
    assert templates_visible_to(world.officer).count() == 2


def test_no_peer_kind_score_leaks_through_the_self_filter(world):
    scoring_round = _peer_round(world)

    kinds = set(scores_visible_to(world.leader, scoring_round).values_list("kind", flat=True))

    assert PassKind.PEER not in kinds
